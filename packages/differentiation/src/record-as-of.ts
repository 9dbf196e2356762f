/**
 * A record as it stood on an earlier date, for "what was the severity when
 * the level was decided": every dated list keeps only the entries dated on
 * or before that date (by `date`, else `recordedDate`, `startDate` or
 * `onsetDate`). Statuses that changed later (a diagnosis resolved after the
 * date) keep their later value; the severity rules do not read them.
 *
 * @module
 */
import type { IsoDate, PatientRecord } from '@kronikerpakker/core';

const DATE_KEYS = ['date', 'recordedDate', 'startDate', 'onsetDate'] as const;

function entryDate(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const o = entry as Record<string, unknown>;
  for (const key of DATE_KEYS) {
    const value = o[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** @internal the record restricted to entries dated on or before `date`. */
export function recordAsOf(record: PatientRecord, date: IsoDate): PatientRecord {
  const out: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(record)) {
    if (!Array.isArray(value)) continue;
    out[key] = (value as readonly unknown[]).filter((entry) => {
      const d = entryDate(entry);
      return d === undefined || d <= date;
    });
  }
  return out as PatientRecord;
}
