/**
 * Argument guards shared by the packages that evaluate records: a cheap
 * check that a record went through `parsePatientRecord`, that a package id
 * is known, and that options are an object. Each throws `INVALID_ARGUMENT`
 * with a path, never a value.
 *
 * @module
 */
import { KronikerpakkerError } from '../errors/errors';
import type { ErrorPath } from '../errors/errors';
import type { PatientRecord } from './schema';
import { PACKAGES } from './vocabulary';
import type { PackageId } from './vocabulary';

/**
 * The mark `parsePatientRecord` puts on the records it returns: a
 * non-enumerable symbol-keyed property, invisible to JSON, `structuredClone`,
 * spreads and deep-equality, and read as one property load (a `WeakSet`
 * lookup over a clinic's records cost as much as a third of the facts).
 */
const PARSED: unique symbol = Symbol('kronikerpakker.parsed');

/**
 * Marks a record as returned by `parsePatientRecord`. Call it before the
 * record is frozen.
 *
 * @internal
 * @param record - the parsed record, not yet frozen
 * @returns the same record
 */
export function markParsed<T extends object>(record: T): T {
  Object.defineProperty(record, PARSED, { value: true, enumerable: false, writable: false, configurable: false });
  return record;
}

/**
 * Whether a value is a record returned by this copy of the SDK's
 * `parsePatientRecord` (its mark survives neither JSON nor a spread copy:
 * such copies are checked by shape where a parsed record is required).
 *
 * @param record - any value
 * @returns true for a record from `parsePatientRecord`
 * @example
 * ```ts
 * isParsedRecord(parsePatientRecord(input, { asOf })); // true
 * isParsedRecord(input);                               // false
 * ```
 */
export function isParsedRecord(record: unknown): record is PatientRecord {
  return typeof record === 'object' && record !== null && (record as { [PARSED]?: unknown })[PARSED] === true;
}

/**
 * Every list of a parsed record, in the schema's order: `parsePatientRecord`
 * always fills them in (empty when absent).
 *
 * @example
 * ```ts
 * RECORD_LISTS.includes('spirometry'); // true
 * ```
 */
export const RECORD_LISTS = [
  'diagnoses',
  'spirometry',
  'mrc',
  'cat',
  'exacerbations',
  'admissions',
  'smoking',
  'bodyMeasurements',
  'vaccinations',
  'inhalerChecks',
  'backPainEpisodes',
  'redFlags',
  'imaging',
  'workStatus',
  'sickLeave',
  'questionnaires',
  'encounters',
  'referrals',
  'packageDecisions',
  'needsAssessments',
  'levelDecisions',
  'sharedPlans',
] as const satisfies readonly (keyof PatientRecord)[];

/**
 * Throws unless `record` looks like the output of `parsePatientRecord`
 * (its patient and every list present). A cheap guard against raw input
 * passed where a validated record belongs; it does not validate again.
 *
 * @param record - the value to check
 * @param path - where it sits, for the error (default `['record']`)
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT`
 * @example
 * ```ts
 * assertParsedRecord(record); // before evaluating
 * ```
 */
export function assertParsedRecord(record: unknown, path: ErrorPath = ['record']): asserts record is PatientRecord {
  // Records from this copy's parsePatientRecord are known; others (another copy, a JSON round trip) are checked by shape.
  if (isParsedRecord(record)) return;
  const r = record as Record<string, unknown> | null;
  let ok = typeof r === 'object' && r !== null && typeof r['patient'] === 'object' && r['patient'] !== null;
  if (ok && r !== null) for (const list of RECORD_LISTS) if (!Array.isArray(r[list])) ok = false;
  if (!ok) throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected a PatientRecord validated by parsePatientRecord', { path });
}

/**
 * Throws unless `value` is a package id (`KOL` or `LRS`).
 *
 * @param value - the value to check
 * @param path - where it sits (default `['options', 'package']`)
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT`
 * @example
 * ```ts
 * assertPackageId(options.package);
 * ```
 */
export function assertPackageId(value: unknown, path: ErrorPath = ['options', 'package']): asserts value is PackageId {
  if (!(PACKAGES as readonly unknown[]).includes(value)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Unknown package; expected KOL or LRS', { path });
  }
}

/**
 * Throws unless `options` is an object (a missing options argument from
 * JavaScript callers would otherwise fail later with a TypeError).
 *
 * @param options - the value to check
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` at `['options']`
 * @example
 * ```ts
 * assertOptionsObject(options);
 * ```
 */
export function assertOptionsObject(options: unknown): asserts options is object {
  if (typeof options !== 'object' || options === null) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected an options object', { path: ['options'] });
  }
}
