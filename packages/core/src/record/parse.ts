/**
 * Validating a {@link PatientRecord}: zod does the shape, this module adds
 * the checks that need the evaluation date and maps every problem to a
 * {@link RecordIssue} with a path and a code, and never a value.
 *
 * Performance: the zod parse costs tens of microseconds per record, which
 * dominates population-wide work (the cockpit validates every record of a
 * clinic). So a hand-written fast path (`fast-parse.ts`) runs first: for the
 * common, valid record it returns exactly the object zod would return, and
 * for anything else (unknown field, wrong type, out-of-range value, ...)
 * `undefined`, and then zod runs and reports the issues as before. It is an
 * optimisation only; the zod schema stays the single source of truth, and
 * `fast-parse.test.ts` checks that both agree on generated and mutated
 * records. A change to the schema needs the same change in the fast path
 * (or the fast path returning `undefined` for the changed part).
 *
 * @module
 */
import type { z } from 'zod';
import { InvalidRecordError, KronikerpakkerError } from '../errors/errors';
import type { ErrorPath, RecordIssue, RecordIssueCode } from '../errors/errors';
import { ISO_DATE_NO_SUCH_DAY, scanIsoDate } from '../time/calendar-day';
import type { IsoDate } from '../time/iso-date';
import { fastParseRecord } from './fast-parse';
import { markParsed } from './guards';
import { recordSchemaFor } from './schema';
import { guardedSafeParse } from './zod-guard';
import type { PatientRecord, UnknownFieldPolicy } from './schema';

/** Options of {@link parsePatientRecord}. */
export interface ParseRecordOptions {
  /**
   * The evaluation date (`YYYY-MM-DD`, Europe/Copenhagen). A clinical date
   * after it is invalid (`future-date`): the record is a snapshot as of then.
   */
  readonly asOf: IsoDate;
  /**
   * What to do with fields the schema does not know. `reject` (the default)
   * reports each as `unknown-field`, so a mapping mistake in an integration
   * (a misspelt field) is caught instead of silently dropping data; `strip`
   * drops them, for integrations that pass a richer object on purpose.
   */
  readonly unknownFields?: UnknownFieldPolicy;
}

/** The result of {@link safeParsePatientRecord}: a record, or the error listing every issue. */
export type SafeParseRecordResult =
  | { readonly success: true; readonly record: PatientRecord }
  | { readonly success: false; readonly error: InvalidRecordError };

/** The key each list is sorted by (oldest first). */
const SORT_KEY: Readonly<Record<string, string>> = {
  diagnoses: 'recordedDate',
  backPainEpisodes: 'onsetDate',
  sickLeave: 'startDate',
};

/** Pairs of (start, end) fields where the end must not precede the start. */
const INTERVALS: readonly (readonly [string, string])[] = [
  ['date', 'endDate'],
  ['onsetDate', 'endDate'],
  ['startDate', 'endDate'],
  ['onsetDate', 'resolvedDate'],
];

function isDateKey(key: string): boolean {
  return key === 'date' || key.endsWith('Date');
}

/** Deeper than the record schema reads (record, list, item, answers, answer): zod never looks below it. */
const RECORD_DEPTH = 8;

/** Lists whose keys come from the input (questionnaire item ids): their keys are replaced by `*` in paths. */
const INPUT_KEYED = new Set(['answers']);

function toPath(path: readonly PropertyKey[]): ErrorPath {
  const out: (string | number)[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    const parent = path[i - 1];
    // A key the input chose is input, so it never enters a path.
    if (typeof parent === 'string' && INPUT_KEYED.has(parent) && typeof p !== 'number') out.push('*');
    else out.push(typeof p === 'number' ? p : String(p));
  }
  return out;
}

function issueCode(issue: z.core.$ZodIssue): RecordIssueCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid-type';
    case 'invalid_format':
    case 'invalid_key':
      return 'invalid-format';
    case 'too_small':
    case 'too_big':
    case 'not_multiple_of':
      return 'out-of-range';
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_element':
      return 'invalid-value';
    case 'unrecognized_keys':
      return 'unknown-field';
    case 'custom': {
      const kp = (issue.params as { kp?: RecordIssueCode } | undefined)?.kp;
      return kp ?? 'invalid-value';
    }
  }
}

/**
 * Checks that need `asOf` and the birth date, on the parsed record: no
 * clinical date after `asOf` or before birth, and no interval that ends
 * before it starts. Paths use the input's indices (checked before sorting).
 */
function checkDates(record: PatientRecord, asOf: IsoDate): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const birth = record.patient.birthDate;
  if (birth > asOf) issues.push({ path: ['patient', 'birthDate'], code: 'future-date' });
  const dod = record.patient.deceasedDate;
  if (dod !== undefined) {
    if (dod > asOf) issues.push({ path: ['patient', 'deceasedDate'], code: 'future-date' });
    else if (dod < birth) issues.push({ path: ['patient', 'deceasedDate'], code: 'inconsistent' });
  }
  for (const [listName, list] of Object.entries(record)) {
    if (!Array.isArray(list)) continue;
    list.forEach((item: Record<string, unknown>, index) => {
      for (const [key, value] of Object.entries(item)) {
        if (typeof value !== 'string' || !isDateKey(key)) continue;
        if (value > asOf) issues.push({ path: [listName, index, key], code: 'future-date' });
        else if (value < birth) issues.push({ path: [listName, index, key], code: 'inconsistent' });
      }
      for (const [start, end] of INTERVALS) {
        const s = item[start];
        const e = item[end];
        if (typeof s === 'string' && typeof e === 'string' && e < s) {
          issues.push({ path: [listName, index, end], code: 'inconsistent' });
        }
      }
    });
  }
  return issues;
}

function sorted<T>(list: readonly T[], listName: string): T[] {
  if (list.length < 2) return list as T[];
  const key = SORT_KEY[listName] ?? 'date';
  // Array.prototype.sort is stable, so same-day entries keep their input order.
  return [...(list as unknown as Record<string, string>[])].sort((a, b) => {
    const x = a[key] ?? '';
    const y = b[key] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  }) as unknown as T[];
}

/**
 * The record with every list sorted by date, as a new object written out
 * field by field in the schema's order. Every parsed record then shares one
 * hidden class in V8, so the code reading records stays monomorphic (a spread
 * copy's hidden class is not shared with the next record's once anything is
 * added to it).
 */
function sortLists(r: PatientRecord): PatientRecord {
  const lists = {
    patient: r.patient,
    diagnoses: sorted(r.diagnoses, 'diagnoses'),
    spirometry: sorted(r.spirometry, 'spirometry'),
    mrc: sorted(r.mrc, 'mrc'),
    cat: sorted(r.cat, 'cat'),
    exacerbations: sorted(r.exacerbations, 'exacerbations'),
    admissions: sorted(r.admissions, 'admissions'),
    smoking: sorted(r.smoking, 'smoking'),
    bodyMeasurements: sorted(r.bodyMeasurements, 'bodyMeasurements'),
    vaccinations: sorted(r.vaccinations, 'vaccinations'),
    inhalerChecks: sorted(r.inhalerChecks, 'inhalerChecks'),
    backPainEpisodes: sorted(r.backPainEpisodes, 'backPainEpisodes'),
    redFlags: sorted(r.redFlags, 'redFlags'),
    imaging: sorted(r.imaging, 'imaging'),
    workStatus: sorted(r.workStatus, 'workStatus'),
    sickLeave: sorted(r.sickLeave, 'sickLeave'),
    questionnaires: sorted(r.questionnaires, 'questionnaires'),
    encounters: sorted(r.encounters, 'encounters'),
    referrals: sorted(r.referrals, 'referrals'),
    packageDecisions: sorted(r.packageDecisions, 'packageDecisions'),
    needsAssessments: sorted(r.needsAssessments, 'needsAssessments'),
    levelDecisions: sorted(r.levelDecisions, 'levelDecisions'),
    sharedPlans: sorted(r.sharedPlans, 'sharedPlans'),
  };
  const { schemaVersion, id, synthetic } = r;
  return synthetic === undefined
    ? { schemaVersion, id, ...lists }
    : { schemaVersion, id, synthetic, ...lists };
}

/** The options of a parse, read once and checked. */
interface CheckedOptions {
  readonly asOf: IsoDate;
  readonly policy: UnknownFieldPolicy;
}

/** Why the options of a parse are unusable: where, what kind, and the message for the thrown form. */
interface OptionsFault {
  readonly issue: RecordIssue;
  readonly message: string;
}

/** A population is parsed on one date: the last `asOf` that passed, to skip the scan per record. */
let lastValidAsOf: unknown;

function optionsFault(path: ErrorPath, code: RecordIssueCode, message: string): OptionsFault {
  return { issue: { path, code }, message };
}

/**
 * Reads and checks the options before anything else is touched: each
 * property is read once, so what is checked is what is used.
 */
function checkOptions(options: unknown): CheckedOptions | OptionsFault {
  if (options === undefined || options === null) return optionsFault(['options'], 'required', 'Expected an options object with asOf');
  if (typeof options !== 'object') return optionsFault(['options'], 'invalid-type', 'Expected an options object with asOf');
  const { asOf, unknownFields } = options as { readonly asOf?: unknown; readonly unknownFields?: unknown };
  if (asOf !== lastValidAsOf) {
    if (asOf === undefined) return optionsFault(['asOf'], 'required', 'asOf is required (YYYY-MM-DD)');
    if (typeof asOf !== 'string') return optionsFault(['asOf'], 'invalid-type', 'asOf is not a string in YYYY-MM-DD form');
    const scan = scanIsoDate(asOf);
    if (scan === ISO_DATE_NO_SUCH_DAY) return optionsFault(['asOf'], 'invalid-date', 'asOf is in YYYY-MM-DD form but names no existing calendar date');
    if (scan < 0) return optionsFault(['asOf'], 'invalid-format', 'asOf is not a calendar date in YYYY-MM-DD form');
    lastValidAsOf = asOf;
  }
  if (unknownFields !== undefined && unknownFields !== 'reject' && unknownFields !== 'strip') {
    return optionsFault(['options', 'unknownFields'], 'invalid-value', 'Expected unknownFields to be reject or strip');
  }
  return { asOf: asOf as IsoDate, policy: unknownFields ?? 'reject' };
}

/**
 * Validates and normalises a patient record without throwing.
 *
 * Never throws, whatever it is given: a missing or malformed `options`
 * comes back as `success: false` too, with one issue at `['options']`,
 * `['asOf']` or `['options', 'unknownFields']` (no path into a record
 * starts with these keys).
 *
 * @param input - anything (typically parsed JSON from the LPS)
 * @param options - the evaluation date and the unknown-field policy
 * @returns the record, or an {@link InvalidRecordError} listing every issue by path and code
 * @example
 * ```ts
 * const result = safeParsePatientRecord(json, { asOf: '2027-01-15' });
 * if (!result.success) {
 *   for (const issue of result.error.issues) console.warn(issue.path, issue.code);
 * }
 * ```
 */
export function safeParsePatientRecord(input: unknown, options: ParseRecordOptions): SafeParseRecordResult {
  return safeParsePatientRecordVia(input, options, true);
}

/**
 * {@link safeParsePatientRecord} with the fast path switched on or off
 * (off: zod alone, as before the fast path existed). For the equivalence
 * tests and the benchmark; the results are the same either way.
 *
 * @internal
 * @param input - anything
 * @param options - the evaluation date and the unknown-field policy
 * @param fastPath - whether to try the fast path before zod
 * @returns the same as {@link safeParsePatientRecord}
 * @example
 * ```ts
 * const zodOnly = safeParsePatientRecordVia(json, { asOf: '2027-01-15' }, false);
 * ```
 */
export function safeParsePatientRecordVia(input: unknown, options: ParseRecordOptions, fastPath: boolean): SafeParseRecordResult {
  const checked = checkOptions(options);
  if ('issue' in checked) return { success: false, error: new InvalidRecordError([checked.issue]) };
  return parseChecked(input, checked, fastPath);
}

function parseChecked(input: unknown, options: CheckedOptions, fastPath: boolean): SafeParseRecordResult {
  const policy = options.policy;
  // The fast path returns zod's output for the common valid record, else undefined (then zod decides and reports).
  let data = fastPath ? fastParseRecord(input, policy) : undefined;
  if (data === undefined) {
    // Guarded: zod throws instead of reporting for a value whose `length` it cannot compare (not JSON, but possible).
    const parsed = guardedSafeParse(recordSchemaFor(policy), input, { reportInput: true }, RECORD_DEPTH);
    if (parsed === undefined) return { success: false, error: new InvalidRecordError([{ path: [], code: 'invalid-value' }]) };
    if (!parsed.success) {
      // The zod error holds input values (reportInput is on to tell missing from wrong): it is dropped here, not kept as cause.
      const issues = parsed.error.issues.map((i) => ({ path: toPath(i.path), code: issueCode(i) }));
      return { success: false, error: new InvalidRecordError(issues) };
    }
    data = parsed.data;
  }
  const dateIssues = checkDates(data, options.asOf);
  if (dateIssues.length > 0) return { success: false, error: new InvalidRecordError(dateIssues) };
  return { success: true, record: markParsed(sortLists(data)) };
}

/**
 * Validates and normalises a patient record.
 *
 * @param input - anything (typically parsed JSON from the LPS)
 * @param options - the evaluation date and the unknown-field policy
 * @returns the validated record: codes normalised, ratios and BMI derived, lists sorted by date
 * @throws {@link InvalidRecordError} listing every issue by path and code (never a value);
 *   `KronikerpakkerError` `INVALID_ARGUMENT` for missing or malformed options (path `['options']`,
 *   `['asOf']` or `['options', 'unknownFields']`), checked before the input is touched
 * @example
 * ```ts
 * const record = parsePatientRecord(
 *   { id: 'p1', patient: { birthDate: '1950-05-04', sex: 'female', listed: true } },
 *   { asOf: '2027-01-15' },
 * );
 * record.diagnoses; // []
 * ```
 */
export function parsePatientRecord(input: unknown, options: ParseRecordOptions): PatientRecord {
  const checked = checkOptions(options);
  if ('issue' in checked) throw new KronikerpakkerError('INVALID_ARGUMENT', checked.message, { path: checked.issue.path });
  const result = parseChecked(input, checked, true);
  if (result.success) return result.record;
  throw result.error;
}
