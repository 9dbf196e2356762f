/**
 * Internal building blocks of the time module: scanning `YYYY-MM-DD` strings
 * without allocating, and the one `Date` representation handed to date-fns.
 * Nothing here is part of the public API.
 *
 * ## Why a UTC-field `Date` subclass
 *
 * date-fns computes with a `Date`'s *local* getters and setters
 * (`getDate`, `setMonth`, ...), and a plain `Date`'s local fields follow the
 * process time zone. That makes calendar arithmetic on plain dates depend on
 * the machine: in `Pacific/Apia` the local day 2011-12-30 does not exist, in
 * `America/Sao_Paulo` some local midnights do not exist, and a server set to
 * UTC and a laptop in Copenhagen could disagree. A calendar date has no time
 * zone, so we give date-fns a `Date` whose "local" fields *are* its UTC
 * fields: {@link CalendarDay}. UTC has no daylight saving and no skipped
 * days, so every calendar date maps to exactly one UTC midnight and back, on
 * any machine.
 *
 * The alternatives were measured (Node 20, one `addMonths` call):
 * a plain local `Date` ~0.5 µs but machine-dependent; `TZDate` /
 * `TZDateMini` from `@date-fns/tz` (in `'UTC'` or `'Europe/Copenhagen'`)
 * ~25 µs, because every setter goes through `Intl`; `CalendarDay` ~0.6 µs.
 * The module runs in loops of a million calls, so `TZDate` is out.
 * `@date-fns/utc`'s `UTCDate` is the same idea but is not a dependency;
 * `CalendarDay` is its ten-line equivalent. date-fns constructs new dates
 * through `new date.constructor(value)`, so results stay `CalendarDay`s.
 *
 * @internal
 * @module
 */

import { KronikerpakkerError, formatPath } from '../errors/errors';
import type { ErrorPath } from '../errors/errors';

/** Milliseconds in a UTC day; exact, since JavaScript time has no leap seconds. */
export const MS_PER_DAY = 86_400_000;

/** {@link scanIsoDate} result: not a string of the form `DDDD-DD-DD`. */
export const ISO_DATE_BAD_FORM = -1;
/** {@link scanIsoDate} result: the form is right but no such day exists (2026-02-29, 2026-13-01). */
export const ISO_DATE_NO_SUCH_DAY = -2;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Number of days in a month of the proleptic Gregorian calendar.
 *
 * Written out rather than taken from date-fns `getDaysInMonth`, which needs
 * two `Date` allocations: this runs on every validation in hot loops. The
 * tests cross-check it against `Date` for every month of years 0000-9999
 * that fast-check picks.
 *
 * @internal
 * @param year - the year, 0-9999
 * @param month - the month, 1-12
 * @returns 28-31
 * @example
 * ```ts
 * daysInMonth(2028, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS_IN_MONTH[month] ?? 0;
}

function digitAt(s: string, i: number): number {
  // charCodeAt out of range is NaN; NaN fails both comparisons.
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Scans a value as an ISO calendar date `YYYY-MM-DD` without allocating.
 *
 * @internal
 * @param value - anything
 * @returns `year * 10000 + month * 100 + day` (always > 0) for a real date,
 *   else {@link ISO_DATE_BAD_FORM} or {@link ISO_DATE_NO_SUCH_DAY}
 * @example
 * ```ts
 * scanIsoDate('2028-02-29'); // 20280229
 * scanIsoDate('2026-02-29'); // ISO_DATE_NO_SUCH_DAY
 * scanIsoDate('2026-1-01');  // ISO_DATE_BAD_FORM
 * ```
 */
export function scanIsoDate(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10) return ISO_DATE_BAD_FORM;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return ISO_DATE_BAD_FORM; // '-'
  const y0 = digitAt(value, 0);
  const y1 = digitAt(value, 1);
  const y2 = digitAt(value, 2);
  const y3 = digitAt(value, 3);
  const m0 = digitAt(value, 5);
  const m1 = digitAt(value, 6);
  const d0 = digitAt(value, 8);
  const d1 = digitAt(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return ISO_DATE_BAD_FORM;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return ISO_DATE_NO_SUCH_DAY;
  return year * 10_000 + month * 100 + day;
}

/**
 * The UTC timestamp of midnight starting a calendar day, without allocating.
 *
 * @internal
 * @param year - 0-9999
 * @param month - 1-12
 * @param day - 1-31 (overflow rolls over like `Date.UTC`)
 * @returns milliseconds since the epoch
 * @example
 * ```ts
 * utcMidnight(1970, 1, 2); // 86_400_000
 * ```
 */
export function utcMidnight(year: number, month: number, day: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day);
  // Date.UTC reads years 0-99 as 1900-1999 (two-digit years). Gregorian dates
  // repeat every 400 years, which are exactly 146,097 days: shift and back.
  return Date.UTC(year + 400, month - 1, day) - 146_097 * MS_PER_DAY;
}

/**
 * Builds the `INVALID_ARGUMENT` error. The message names the argument, never
 * its value (dates are patient data).
 *
 * @internal
 * @param path - the argument's path
 * @param problem - what is wrong, after the argument's name
 * @returns the error, for the caller to throw
 * @example
 * ```ts
 * throw invalidArgument(['months'], 'must be a safe integer');
 * ```
 */
export function invalidArgument(path: ErrorPath, problem: string): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', `${formatPath(path)} ${problem}`, { path });
}

/**
 * The error for a value that {@link scanIsoDate} rejected.
 *
 * @internal
 * @param path - the argument's path
 * @param scan - the scan result ({@link ISO_DATE_BAD_FORM} or {@link ISO_DATE_NO_SUCH_DAY})
 * @returns the error, for the caller to throw
 * @example
 * ```ts
 * throw isoDateError(['asOf'], ISO_DATE_BAD_FORM);
 * // asOf is not a calendar date in YYYY-MM-DD form
 * ```
 */
export function isoDateError(path: ErrorPath, scan: number): KronikerpakkerError {
  return invalidArgument(
    path,
    scan === ISO_DATE_NO_SUCH_DAY
      ? 'is in YYYY-MM-DD form but names no existing calendar date'
      : 'is not a calendar date in YYYY-MM-DD form',
  );
}

/**
 * Validates an ISO date and returns the UTC timestamp of its midnight.
 *
 * @internal
 * @param value - the argument
 * @param path - where to report a fault
 * @returns milliseconds since the epoch
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if `value` is not a real `YYYY-MM-DD` date
 * @example
 * ```ts
 * utcMidnightOf('1970-01-02', ['date']); // 86_400_000
 * ```
 */
export function utcMidnightOf(value: unknown, path: ErrorPath): number {
  const scan = scanIsoDate(value);
  if (scan < 0) throw isoDateError(path, scan);
  return utcMidnight(Math.floor(scan / 10_000), Math.floor(scan / 100) % 100, scan % 100);
}

/**
 * A `Date` whose local fields are its UTC fields, so that date-fns computes
 * calendar arithmetic independently of the machine's time zone. Always holds
 * a UTC midnight when it represents an ISO date. See the module comment
 * for why.
 *
 * @internal
 * @example
 * ```ts
 * const day = calendarDayOf('2027-03-31', ['date']);
 * isoDateOfDay(subMonths(day, 1), ['months']); // '2027-02-28'
 * ```
 */
export class CalendarDay extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  // Setters forward only the arguments given: Date setters treat an explicit
  // `undefined` as NaN, unlike an omitted argument.
  override setFullYear(...args: Parameters<Date['setUTCFullYear']>): number {
    return this.setUTCFullYear(...args);
  }
  override setMonth(...args: Parameters<Date['setUTCMonth']>): number {
    return this.setUTCMonth(...args);
  }
  override setDate(...args: Parameters<Date['setUTCDate']>): number {
    return this.setUTCDate(...args);
  }
  override setHours(...args: Parameters<Date['setUTCHours']>): number {
    return this.setUTCHours(...args);
  }
  override setMinutes(...args: Parameters<Date['setUTCMinutes']>): number {
    return this.setUTCMinutes(...args);
  }
  override setSeconds(...args: Parameters<Date['setUTCSeconds']>): number {
    return this.setUTCSeconds(...args);
  }
  override setMilliseconds(...args: Parameters<Date['setUTCMilliseconds']>): number {
    return this.setUTCMilliseconds(...args);
  }
}

/**
 * Validates an ISO date and returns it as a {@link CalendarDay} for date-fns.
 *
 * @internal
 * @param value - the argument
 * @param path - where to report a fault
 * @returns a new `CalendarDay` at the date's UTC midnight
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if `value` is not a real `YYYY-MM-DD` date
 * @example
 * ```ts
 * calendarDayOf('2028-02-29', ['date']).getDate(); // 29
 * ```
 */
export function calendarDayOf(value: unknown, path: ErrorPath): CalendarDay {
  return new CalendarDay(utcMidnightOf(value, path));
}

function pad2(n: number): string {
  return n < 10 ? `0${String(n)}` : String(n);
}

/**
 * Formats year, month and day as `YYYY-MM-DD`, or returns `undefined` when the
 * year has no four-digit form (or the fields are NaN from an invalid `Date`).
 *
 * @internal
 * @param year - the full year
 * @param month - 1-12
 * @param day - 1-31
 * @returns the ISO date, or `undefined` outside years 0000-9999
 * @example
 * ```ts
 * formatIsoDateFields(812, 3, 1); // '0812-03-01'
 * ```
 */
export function formatIsoDateFields(year: number, month: number, day: number): string | undefined {
  if (!(year >= 0 && year <= 9999)) return undefined;
  const y = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Formats a `Date`'s UTC date fields as an ISO date.
 *
 * @internal
 * @param day - a `CalendarDay` (or any `Date`; its UTC fields are read)
 * @param path - the argument to blame when the result is outside years 0000-9999
 * @returns `YYYY-MM-DD`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` outside years 0000-9999
 * @example
 * ```ts
 * isoDateOfDay(new CalendarDay(0), ['days']); // '1970-01-01'
 * ```
 */
export function isoDateOfDay(day: Date, path: ErrorPath): string {
  const iso = formatIsoDateFields(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  if (iso === undefined) throw invalidArgument(path, 'moves the date outside the years 0000-9999');
  return iso;
}

/**
 * Checks that an amount (of days, months, ...) is a safe integer. Fractions
 * are refused rather than rounded: "1.5 months" has no calendar meaning.
 *
 * @internal
 * @param value - the argument
 * @param path - where to report a fault
 * @param nonNegative - also refuse negative amounts
 * @returns nothing; narrows `value` to `number`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` otherwise
 * @example
 * ```ts
 * requireSafeInteger(12, ['months'], true);
 * ```
 */
export function requireSafeInteger(value: unknown, path: ErrorPath, nonNegative = false): asserts value is number {
  if (!Number.isSafeInteger(value)) throw invalidArgument(path, 'must be a safe integer');
  if (nonNegative && (value as number) < 0) throw invalidArgument(path, 'must not be negative');
}
