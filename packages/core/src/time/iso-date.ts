/**
 * ISO calendar dates (`YYYY-MM-DD`): the type, validation, and comparison.
 *
 * Every clinical date in the SDK is such a string, and so is the evaluation
 * date `asOf` (a calendar date in Europe/Copenhagen; the SDK never reads a
 * clock). Comparison is plain string comparison: four-digit years, two-digit
 * months and days make the lexicographic order the calendar order, and it
 * costs no allocation in the hot loops of rule evaluation.
 *
 * @module
 */

import type { ErrorPath } from '../errors/errors';
import { isoDateError, scanIsoDate } from './calendar-day';

/**
 * An ISO 8601 calendar date in the extended form `YYYY-MM-DD`, for example
 * `'2027-01-15'`: a day, not an instant, with no time zone of its own. Years
 * 0000-9999 of the proleptic Gregorian calendar. Functions of this module
 * validate every `IsoDate` they are given (form and existence of the day) and
 * throw `INVALID_ARGUMENT` otherwise.
 *
 * A plain `string` alias, so that records parsed from JSON need no conversion;
 * use {@link isIsoDate} to narrow `unknown` input.
 *
 * @example
 * ```ts
 * const asOf: IsoDate = '2027-01-15';
 * ```
 */
export type IsoDate = string;

/**
 * Whether a value is an ISO calendar date `YYYY-MM-DD` naming a day that
 * exists: the form (four-digit year, two-digit month and day, hyphens) *and*
 * the calendar (no 2026-02-29, no month 13, no day 00).
 *
 * @param value - anything
 * @returns true if `value` is a string of that form naming an existing day
 * @example
 * ```ts
 * isIsoDate('2028-02-29'); // true (leap year)
 * isIsoDate('2026-02-29'); // false
 * isIsoDate('2026-13-01'); // false
 * isIsoDate('2026-1-01');  // false (month needs two digits)
 * isIsoDate(new Date());   // false (a Date is an instant, not a calendar date)
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return scanIsoDate(value) > 0;
}

/**
 * Throws `INVALID_ARGUMENT` at `path` unless `value` is an {@link IsoDate}.
 * The message says which argument and whether the form or the day is wrong,
 * never the value (dates are patient data).
 *
 * @param value - the value to check
 * @param path - where the value sits, for the error's `path` and message
 * @returns nothing; narrows `value` to {@link IsoDate}
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if `value` is not an `IsoDate`
 * @example
 * ```ts
 * assertIsoDate(input.birthDate, ['patient', 'birthDate']);
 * // throws: "patient.birthDate is not a calendar date in YYYY-MM-DD form"
 * ```
 */
export function assertIsoDate(value: unknown, path: ErrorPath): asserts value is IsoDate {
  const scan = scanIsoDate(value);
  if (scan < 0) throw isoDateError(path, scan);
}

const AS_OF_PATH: ErrorPath = Object.freeze(['asOf']);

/**
 * Throws `INVALID_ARGUMENT` with path `['asOf']` unless `asOf` is an
 * {@link IsoDate}. Every evaluation takes an explicit `asOf`: there is no
 * hidden clock, so a missing or malformed `asOf` is a programming fault.
 *
 * @param asOf - the evaluation date to check
 * @returns nothing; narrows `asOf` to {@link IsoDate}
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT`, path `['asOf']`, with the message
 *   "asOf is not a calendar date in YYYY-MM-DD form" (or "... names no existing calendar date")
 * @example
 * ```ts
 * assertAsOf(options.asOf);
 * // options.asOf is an IsoDate from here on
 * ```
 */
export function assertAsOf(asOf: unknown): asserts asOf is IsoDate {
  // A population is evaluated on one date: remember the last valid one instead of scanning it per call.
  if (typeof asOf === 'string' && asOf === lastValidAsOf) return;
  const scan = scanIsoDate(asOf);
  if (scan < 0) throw isoDateError(AS_OF_PATH, scan);
  lastValidAsOf = asOf as IsoDate;
}

let lastValidAsOf: IsoDate | undefined;

const A_PATH: ErrorPath = Object.freeze(['a']);
const B_PATH: ErrorPath = Object.freeze(['b']);

/**
 * Compares two ISO dates: the comparator for `Array.prototype.sort`.
 *
 * @param a - the first date
 * @param b - the second date
 * @returns -1 if `a` is before `b`, 0 on the same day, 1 if `a` is after `b`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['a']` or `['b']`) for a non-`IsoDate`
 * @example
 * ```ts
 * compareIsoDates('2026-03-01', '2026-02-28'); // 1
 * ['2027-01-15', '2026-12-31'].sort(compareIsoDates); // ['2026-12-31', '2027-01-15']
 * ```
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a, A_PATH);
  assertIsoDate(b, B_PATH);
  return a < b ? -1 : a > b ? 1 : 0;
}

function extremeIsoDate(dates: readonly IsoDate[], latest: boolean): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i];
    // The path array is built only on failure: no allocation per element.
    if (!isIsoDate(date)) throw isoDateError(['dates', i], scanIsoDate(date));
    if (best === undefined || (latest ? date > best : date < best)) best = date;
  }
  return best;
}

/**
 * The latest of a list of ISO dates, for example the date of the most recent
 * spirometry.
 *
 * @param dates - the dates (any order)
 * @returns the latest date, or `undefined` for an empty list
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` at `['dates', i]` for a non-`IsoDate`
 * @example
 * ```ts
 * maxIsoDate(['2026-05-01', '2027-01-02', '2026-12-31']); // '2027-01-02'
 * maxIsoDate([]); // undefined
 * ```
 */
export function maxIsoDate(dates: readonly IsoDate[]): IsoDate | undefined {
  return extremeIsoDate(dates, true);
}

/**
 * The earliest of a list of ISO dates, for example the first recorded
 * diagnosis.
 *
 * @param dates - the dates (any order)
 * @returns the earliest date, or `undefined` for an empty list
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` at `['dates', i]` for a non-`IsoDate`
 * @example
 * ```ts
 * minIsoDate(['2026-05-01', '2027-01-02', '2026-12-31']); // '2026-05-01'
 * ```
 */
export function minIsoDate(dates: readonly IsoDate[]): IsoDate | undefined {
  return extremeIsoDate(dates, false);
}
