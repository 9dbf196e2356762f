/**
 * Calendar arithmetic on ISO dates: add or subtract days, weeks, months and
 * years, returning ISO dates.
 *
 * The arithmetic itself is date-fns (`addDays`, `addMonths`, ...), run on a
 * UTC-field `Date` so the result never depends on the machine's time zone
 * (see `calendar-day.ts`). Months and years clamp to the end of the month, as
 * date-fns does: 31 March minus one month is 28 February, or 29 February in a
 * leap year; 29 February plus one year is 28 February.
 *
 * Amounts must be safe integers (a fraction of a month has no calendar
 * meaning); a result outside the years 0000-9999 is refused. Both faults throw
 * `INVALID_ARGUMENT` naming the argument, never its value.
 *
 * @module
 */

import { addDays, addMonths } from 'date-fns';
import type { ErrorPath } from '../errors/errors';
import { calendarDayOf, isoDateOfDay, requireSafeInteger } from './calendar-day';
import type { IsoDate } from './iso-date';

const DATE_PATH: ErrorPath = Object.freeze(['date']);
const DAYS_PATH: ErrorPath = Object.freeze(['days']);
const WEEKS_PATH: ErrorPath = Object.freeze(['weeks']);
const MONTHS_PATH: ErrorPath = Object.freeze(['months']);
const YEARS_PATH: ErrorPath = Object.freeze(['years']);

// The public functions are thin wrappers so that each error names the
// argument the caller actually passed (`weeks`, not `days`).
function shiftDays(date: IsoDate, days: number, amountPath: ErrorPath): IsoDate {
  const day = calendarDayOf(date, DATE_PATH);
  return isoDateOfDay(addDays(day, days), amountPath);
}

function shiftMonths(date: IsoDate, months: number, amountPath: ErrorPath): IsoDate {
  const day = calendarDayOf(date, DATE_PATH);
  return isoDateOfDay(addMonths(day, months), amountPath);
}

/**
 * Adds calendar days to an ISO date.
 *
 * @param date - the start date
 * @param days - the number of days to add (a safe integer; negative subtracts)
 * @returns the date `days` days after `date`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a malformed `date` or `days`, or a
 *   result outside the years 0000-9999
 * @example
 * ```ts
 * addDaysIso('2028-02-28', 1); // '2028-02-29'
 * addDaysIso('2026-12-31', 1); // '2027-01-01'
 * ```
 */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  requireSafeInteger(days, DAYS_PATH);
  return shiftDays(date, days, DAYS_PATH);
}

/**
 * Subtracts calendar days from an ISO date.
 *
 * @param date - the start date
 * @param days - the number of days to subtract (a safe integer; negative adds)
 * @returns the date `days` days before `date`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a malformed `date` or `days`, or a
 *   result outside the years 0000-9999
 * @example
 * ```ts
 * subDaysIso('2027-03-01', 1); // '2027-02-28'
 * ```
 */
export function subDaysIso(date: IsoDate, days: number): IsoDate {
  requireSafeInteger(days, DAYS_PATH);
  return shiftDays(date, -days, DAYS_PATH);
}

/**
 * Adds weeks (7 calendar days each) to an ISO date.
 *
 * @param date - the start date
 * @param weeks - the number of weeks to add (a safe integer; negative subtracts)
 * @returns the date `7 * weeks` days after `date`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a malformed `date` or `weeks`, or a
 *   result outside the years 0000-9999
 * @example
 * ```ts
 * addWeeksIso('2026-12-28', 1); // '2027-01-04'
 * ```
 */
export function addWeeksIso(date: IsoDate, weeks: number): IsoDate {
  requireSafeInteger(weeks, WEEKS_PATH);
  return shiftDays(date, weeks * 7, WEEKS_PATH);
}

/**
 * Subtracts weeks (7 calendar days each) from an ISO date.
 *
 * @param date - the start date
 * @param weeks - the number of weeks to subtract (a safe integer; negative adds)
 * @returns the date `7 * weeks` days before `date`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a malformed `date` or `weeks`, or a
 *   result outside the years 0000-9999
 * @example
 * ```ts
 * subWeeksIso('2027-01-04', 2); // '2026-12-21'
 * ```
 */
export function subWeeksIso(date: IsoDate, weeks: number): IsoDate {
  requireSafeInteger(weeks, WEEKS_PATH);
  return shiftDays(date, -weeks * 7, WEEKS_PATH);
}

/**
 * Adds calendar months to an ISO date, clamping to the end of the month: the
 * day of the month is kept unless the target month is shorter, in which case
 * the result is that month's last day (date-fns `addMonths`).
 *
 * @param date - the start date
 * @param months - the number of months to add (a safe integer; negative subtracts)
 * @returns the same day of the month `months` months later, or that month's last day
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a malformed `date` or `months`, or a
 *   result outside the years 0000-9999
 * @example
 * ```ts
 * addMonthsIso('2027-01-31', 1); // '2027-02-28'
 * addMonthsIso('2028-01-31', 1); // '2028-02-29'
 * addMonthsIso('2027-02-28', 1); // '2027-03-28' (not the end of March)
 * ```
 */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  requireSafeInteger(months, MONTHS_PATH);
  return shiftMonths(date, months, MONTHS_PATH);
}

/**
 * Subtracts calendar months from an ISO date, clamping to the end of the
 * month (date-fns `subMonths`). This is how "within the last 12 months" finds
 * its first day.
 *
 * @param date - the start date
 * @param months - the number of months to subtract (a safe integer; negative adds)
 * @returns the same day of the month `months` months earlier, or that month's last day
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a malformed `date` or `months`, or a
 *   result outside the years 0000-9999
 * @example
 * ```ts
 * subMonthsIso('2027-03-31', 1); // '2027-02-28'
 * subMonthsIso('2028-03-31', 1); // '2028-02-29'
 * subMonthsIso('2027-01-15', 12); // '2026-01-15'
 * ```
 */
export function subMonthsIso(date: IsoDate, months: number): IsoDate {
  requireSafeInteger(months, MONTHS_PATH);
  return shiftMonths(date, -months, MONTHS_PATH);
}

/**
 * Adds calendar years (12 months each) to an ISO date; 29 February becomes
 * 28 February in a non-leap target year (date-fns `addYears`).
 *
 * @param date - the start date
 * @param years - the number of years to add (a safe integer; negative subtracts)
 * @returns the same month and day `years` years later, clamped to the month's end
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a malformed `date` or `years`, or a
 *   result outside the years 0000-9999
 * @example
 * ```ts
 * addYearsIso('2028-02-29', 1); // '2029-02-28'
 * addYearsIso('2028-02-29', 4); // '2032-02-29'
 * ```
 */
export function addYearsIso(date: IsoDate, years: number): IsoDate {
  requireSafeInteger(years, YEARS_PATH);
  return shiftMonths(date, years * 12, YEARS_PATH);
}

/**
 * Subtracts calendar years (12 months each) from an ISO date; 29 February
 * becomes 28 February in a non-leap target year (date-fns `subYears`).
 *
 * @param date - the start date
 * @param years - the number of years to subtract (a safe integer; negative adds)
 * @returns the same month and day `years` years earlier, clamped to the month's end
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a malformed `date` or `years`, or a
 *   result outside the years 0000-9999
 * @example
 * ```ts
 * subYearsIso('2028-02-29', 1); // '2027-02-28'
 * ```
 */
export function subYearsIso(date: IsoDate, years: number): IsoDate {
  requireSafeInteger(years, YEARS_PATH);
  return shiftMonths(date, -years * 12, YEARS_PATH);
}
