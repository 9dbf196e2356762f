/**
 * HL7 CDA timestamps (the `TS` data type, `effectiveTime/@value`) in Danish
 * time: `YYYYMMDDHHmmss+0100` in winter, `+0200` in summer, and `YYYYMMDD`
 * for dates.
 *
 * Writing always gives second precision with the Copenhagen offset in force
 * at that instant (see `copenhagen.ts`). Reading accepts the precisions Danish
 * documents use (day, minute, second), with or without an offset; a timestamp
 * without an offset is Danish wall-clock time.
 *
 * @module
 */

import type { ErrorPath } from '../errors/errors';
import { daysInMonth, invalidArgument, isoDateError, scanIsoDate, utcMidnight } from './calendar-day';
import { danishOffsetMinutes, requireInstant } from './copenhagen';
import type { IsoDate } from './iso-date';

const INSTANT_PATH: ErrorPath = Object.freeze(['instant']);
const DATE_PATH: ErrorPath = Object.freeze(['date']);
const TIMESTAMP_PATH: ErrorPath = Object.freeze(['timestamp']);

const MS_PER_MINUTE = 60_000;

function pad2(n: number): string {
  return n < 10 ? `0${String(n)}` : String(n);
}

// One scratch Date, reused: read through UTC getters only, never re-entered.
const scratch = new Date(0);

/**
 * Formats an instant as a CDA timestamp in Danish time,
 * `YYYYMMDDHHmmss±HHMM`: the wall-clock time in Copenhagen followed by the
 * offset in force (`+0100` or `+0200`). Milliseconds are dropped (truncated),
 * since CDA timestamps carry seconds.
 *
 * On the night of the October change the same wall-clock time occurs twice;
 * the offset tells the two apart.
 *
 * @param instant - the instant
 * @returns for example `'20270115103000+0100'`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['instant']`) for an invalid `Date`,
 *   an instant where Copenhagen's offset is not +0100/+0200 (before 1893, 1945-1947 in the
 *   time-zone data), or after year 9999
 * @example
 * ```ts
 * toCdaTimestamp(new Date('2026-03-29T00:59:59Z')); // '20260329015959+0100'
 * toCdaTimestamp(new Date('2026-03-29T01:00:00Z')); // '20260329030000+0200'
 * toCdaTimestamp(new Date('2026-10-25T00:30:00Z')); // '20261025023000+0200'
 * toCdaTimestamp(new Date('2026-10-25T01:30:00Z')); // '20261025023000+0100'
 * ```
 */
export function toCdaTimestamp(instant: Date): string {
  requireInstant(instant, INSTANT_PATH);
  const offset = danishOffsetMinutes(instant, INSTANT_PATH);
  // The UTC fields of the shifted instant are Copenhagen's wall-clock fields.
  scratch.setTime(instant.getTime() + offset * MS_PER_MINUTE);
  const year = scratch.getUTCFullYear();
  if (year > 9999) throw invalidArgument(INSTANT_PATH, 'lies after the year 9999');
  return (
    String(year) +
    pad2(scratch.getUTCMonth() + 1) +
    pad2(scratch.getUTCDate()) +
    pad2(scratch.getUTCHours()) +
    pad2(scratch.getUTCMinutes()) +
    pad2(scratch.getUTCSeconds()) +
    (offset === 60 ? '+0100' : '+0200')
  );
}

/**
 * Formats an ISO date as a CDA date, `YYYYMMDD` (a `TS` of day precision,
 * as in `birthTime`). A calendar date has no offset, so none is written.
 *
 * @param date - the date
 * @returns the date without hyphens
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['date']`) for a non-`IsoDate`
 * @example
 * ```ts
 * toCdaDate('2027-01-15'); // '20270115'
 * ```
 */
export function toCdaDate(date: IsoDate): string {
  const scan = scanIsoDate(date);
  if (scan < 0) throw isoDateError(DATE_PATH, scan);
  // The scan packs year * 10000 + month * 100 + day: that is YYYYMMDD.
  return String(scan).padStart(8, '0');
}

// YYYYMMDD, YYYYMMDDHHmm or YYYYMMDDHHmmss, then an optional ±HHMM offset.
// Without the `u` flag, \d is ASCII 0-9 only.
const CDA_TIMESTAMP = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?:([+-])(\d{2})(\d{2}))?$/;

/**
 * The instant of a Copenhagen wall-clock time (fields read as UTC in `wallMs`).
 *
 * Danish time is UTC+1 or UTC+2, so the instant is `wall - 2h` or `wall - 1h`,
 * whichever carries that very offset. In the repeated hour of the October
 * change both do, and the earlier (summer time) wins; in the skipped hour of
 * the March change neither does, and the time is read with the winter offset,
 * i.e. moved forward by the hour (02:30 becomes 03:30 +0200). These are the
 * rules of RFC 5545 and of Temporal's default `'compatible'` disambiguation.
 */
function copenhagenWallTimeToInstant(wallMs: number): Date {
  const summer = new Date(wallMs - 120 * MS_PER_MINUTE);
  if (danishOffsetMinutes(summer, TIMESTAMP_PATH) === 120) return summer;
  const winter = new Date(wallMs - 60 * MS_PER_MINUTE);
  // Throws outside the +0100/+0200 era; 60 normally, 120 in the March gap.
  danishOffsetMinutes(winter, TIMESTAMP_PATH);
  return winter;
}

function malformed(): never {
  throw invalidArgument(
    TIMESTAMP_PATH,
    'is not a CDA timestamp (YYYYMMDD, YYYYMMDDHHmm or YYYYMMDDHHmmss, optionally followed by +HHMM or -HHMM)',
  );
}

/**
 * Parses a CDA timestamp back to an instant.
 *
 * Accepted: `YYYYMMDD`, `YYYYMMDDHHmm` and `YYYYMMDDHHmmss`, each optionally
 * followed by a UTC offset `+HHMM` / `-HHMM` (up to ±14:59). With an offset,
 * the fields are wall-clock time at that offset. Without one, they are Danish
 * wall-clock time (Europe/Copenhagen), the convention of Danish documents; a
 * time in the skipped hour of the March change is moved forward an hour, and
 * a time in the repeated hour of the October change means its first
 * (summer-time) occurrence. A date alone means midnight starting that day.
 * Seconds 60 (leap seconds) and fractional seconds are not accepted.
 *
 * @param timestamp - the CDA `TS` value
 * @returns a new `Date` at that instant
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['timestamp']`) for a malformed
 *   timestamp or one naming no existing date or time; the message never holds the value
 * @example
 * ```ts
 * cdaTimestampToDate('20261025023000+0200').toISOString(); // '2026-10-25T00:30:00.000Z'
 * cdaTimestampToDate('20261025023000+0100').toISOString(); // '2026-10-25T01:30:00.000Z'
 * cdaTimestampToDate('202701151030+0100').toISOString();   // '2027-01-15T09:30:00.000Z'
 * cdaTimestampToDate('20270115').toISOString();            // '2027-01-14T23:00:00.000Z'
 * ```
 */
export function cdaTimestampToDate(timestamp: string): Date {
  // Checked although typed: JavaScript callers may pass anything, and
  // RegExp#exec would turn the number 20270115 into a valid timestamp.
  const value: unknown = timestamp;
  if (typeof value !== 'string') malformed();
  const m = CDA_TIMESTAMP.exec(value);
  if (m === null) malformed();
  // The groups that matched are digit strings; the optional ones absent are undefined.
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw invalidArgument(TIMESTAMP_PATH, 'has the form of a CDA timestamp but names no existing date or time');
  }
  const wallMs = utcMidnight(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000;
  const sign = m[7];
  if (sign === undefined) return copenhagenWallTimeToInstant(wallMs);
  const offsetHours = Number(m[8]);
  const offsetMinutes = Number(m[9]);
  if (offsetHours > 14 || offsetMinutes > 59) {
    throw invalidArgument(TIMESTAMP_PATH, 'has a UTC offset of more than 14:59 hours');
  }
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return new Date(wallMs - offset * MS_PER_MINUTE);
}
