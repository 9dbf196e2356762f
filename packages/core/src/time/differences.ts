/**
 * Distances between ISO dates: days, whole weeks, whole months, and age in
 * whole years.
 *
 * All take `(from, to)` in that order and are positive when `to` is after
 * `from`, negative when before, and antisymmetric:
 * `f(a, b) === -f(b, a)`. "Whole" counts truncate towards zero and are counted
 * back from the later of the two dates, the way "within the last N months" is
 * counted back from `asOf` (see `intervals.ts`), so the two agree.
 *
 * @module
 */

import { differenceInCalendarMonths, subMonths } from 'date-fns';
import type { ErrorPath } from '../errors/errors';
import { MS_PER_DAY, calendarDayOf, invalidArgument, isoDateError, scanIsoDate, utcMidnightOf } from './calendar-day';
import type { CalendarDay } from './calendar-day';
import type { IsoDate } from './iso-date';

const FROM_PATH: ErrorPath = Object.freeze(['from']);
const TO_PATH: ErrorPath = Object.freeze(['to']);
const BIRTH_DATE_PATH: ErrorPath = Object.freeze(['birthDate']);
const AS_OF_PATH: ErrorPath = Object.freeze(['asOf']);

/**
 * The number of calendar days from one ISO date to another.
 *
 * Computed as the difference of the two dates' UTC midnights divided by
 * 86,400,000 ms. That is exactly what date-fns `differenceInCalendarDays`
 * computes (a UTC day has no DST and JavaScript time no leap seconds), minus
 * its eight `Date` allocations per call; the tests check the two agree.
 *
 * @param from - the start date
 * @param to - the end date
 * @returns `to - from` in days: 0 on the same day, negative if `to` is before `from`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['from']` or `['to']`) for a non-`IsoDate`
 * @example
 * ```ts
 * daysBetween('2028-02-28', '2028-03-01'); // 2 (leap year)
 * daysBetween('2027-01-15', '2026-12-31'); // -15
 * ```
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const fromMs = utcMidnightOf(from, FROM_PATH);
  const toMs = utcMidnightOf(to, TO_PATH);
  // Both are exact multiples of a day, so the quotient is an exact integer.
  return (toMs - fromMs) / MS_PER_DAY;
}

/**
 * The number of whole weeks (7 calendar days) from one ISO date to another,
 * truncated towards zero: 13 days is 1 week, -13 days is -1 week. Same as
 * date-fns `differenceInWeeks` on calendar dates.
 *
 * @param from - the start date
 * @param to - the end date
 * @returns `trunc(daysBetween(from, to) / 7)`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['from']` or `['to']`) for a non-`IsoDate`
 * @example
 * ```ts
 * wholeWeeksBetween('2027-01-01', '2027-01-14'); // 1
 * wholeWeeksBetween('2027-01-01', '2027-01-15'); // 2
 * wholeWeeksBetween('2027-01-15', '2027-01-01'); // -2
 * ```
 */
export function wholeWeeksBetween(from: IsoDate, to: IsoDate): number {
  const weeks = Math.trunc(daysBetween(from, to) / 7);
  return weeks === 0 ? 0 : weeks; // no -0
}

/** Whole months from `earlier` to `later` (earlier <= later), counted back from `later`. */
function wholeMonthsUpTo(earlier: CalendarDay, later: CalendarDay): number {
  // Estimate with the month numbers, then check the day: subtracting n months
  // from `later` lands in `earlier`'s month, and if it lands on an earlier day
  // of that month the last month is not whole.
  const n = differenceInCalendarMonths(later, earlier);
  return subMonths(later, n).getTime() < earlier.getTime() ? n - 1 : n;
}

/**
 * The number of whole calendar months from one ISO date to another.
 *
 * For `from <= to` it is the largest `n` with `subMonthsIso(to, n) >= from`:
 * months are counted back from the later date, with the end-of-month clamping
 * of {@link subMonthsIso}. So `wholeMonthsBetween(date, asOf) >= n` exactly
 * when `subMonthsIso(asOf, n) >= date`, the same boundary that
 * {@link isWithinLastMonths} uses. For `from > to` the result is
 * `-wholeMonthsBetween(to, from)`.
 *
 * (date-fns `differenceInMonths` is not used: it treats a month's last day
 * specially and is not monotone, counting 2019-01-31 to 2020-01-30 as 11
 * months but 2019-01-31 to 2020-02-28 as 13; here they are 11 and 12.)
 *
 * @param from - the start date
 * @param to - the end date
 * @returns whole months, truncated towards zero; negative if `to` is before `from`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['from']` or `['to']`) for a non-`IsoDate`
 * @example
 * ```ts
 * wholeMonthsBetween('2026-01-15', '2027-01-15'); // 12
 * wholeMonthsBetween('2026-01-16', '2027-01-15'); // 11
 * wholeMonthsBetween('2027-02-28', '2027-03-31'); // 1 (31 March minus 1 month is 28 February)
 * wholeMonthsBetween('2027-01-31', '2027-02-28'); // 0 (28 February minus 1 month is 28 January)
 * wholeMonthsBetween('2027-01-15', '2026-01-15'); // -12
 * ```
 */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const fromDay = calendarDayOf(from, FROM_PATH);
  const toDay = calendarDayOf(to, TO_PATH);
  if (from <= to) return wholeMonthsUpTo(fromDay, toDay);
  const months = wholeMonthsUpTo(toDay, fromDay);
  return months === 0 ? 0 : -months; // no -0
}

/**
 * A person's age in whole years on a date.
 *
 * The birthday counts on the day itself (born 1960-05-10, 67 on 2027-05-10).
 * Someone born on 29 February turns a year older on **1 March** in a non-leap
 * year, the Danish legal convention: born 2000-02-29 is 17 on 2018-02-28 and
 * 18 on 2018-03-01. This is what date-fns `differenceInYears` does; a
 * property test checks this function against it over generated dates.
 * (It is also `floor(wholeMonthsBetween(birthDate, asOf) / 12)`.)
 *
 * @param birthDate - the date of birth
 * @param asOf - the evaluation date
 * @returns whole years from `birthDate` to `asOf` (0 on the day of birth)
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a non-`IsoDate` (path `['birthDate']`
 *   or `['asOf']`), or a `birthDate` after `asOf` (path `['birthDate']`): a person not yet born
 *   has no age, and a negative one would slip silently through `age >= 18` checks
 * @example
 * ```ts
 * ageInYears('1960-05-10', '2027-05-09'); // 66
 * ageInYears('1960-05-10', '2027-05-10'); // 67
 * ageInYears('2000-02-29', '2018-02-28'); // 17
 * ageInYears('2000-02-29', '2018-03-01'); // 18
 * ```
 */
export function ageInYears(birthDate: IsoDate, asOf: IsoDate): number {
  const to = scanIsoDate(asOf);
  if (to < 0) throw isoDateError(AS_OF_PATH, to);
  const from = scanIsoDate(birthDate);
  if (from < 0) throw isoDateError(BIRTH_DATE_PATH, from);
  if (from > to) throw invalidArgument(BIRTH_DATE_PATH, 'is after asOf');
  // Ages are computed for every patient in every evaluation, so this works on the
  // dates' YYYYMMDD integers instead of building Dates (date-fns took ~9 us a call)
  // or slicing strings. The birthday has come when asOf's MMDD is at or after the
  // birth MMDD, which is what the whole-ten-thousands of the difference count; a
  // 29 February birthday therefore comes on 1 March in common years, as with
  // differenceInYears (tests pin both).
  return Math.floor((to - from) / 10_000);
}
