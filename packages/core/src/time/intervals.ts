/**
 * "Within the last N days / weeks / months" relative to the evaluation date
 * `asOf`: the calendar intervals that rules are written in ("a spirometry
 * within the last 12 months").
 *
 * Each interval is closed at both ends: it runs from the day N units before
 * `asOf` (counted with {@link subDaysIso} or {@link subMonthsIso}, so with
 * end-of-month clamping) up to and including `asOf`. A date after `asOf` is
 * never within.
 *
 * Called per record item in rule evaluation, so the first day of each
 * interval is memoised per `(asOf, N)`: a run over many patients with one
 * `asOf` computes it once and then only compares strings. The memo is a pure
 * cache of a pure function; it cannot change any result.
 *
 * @module
 */

import { addDays, addMonths } from 'date-fns';
import type { ErrorPath } from '../errors/errors';
import { calendarDayOf, formatIsoDateFields, requireSafeInteger, scanIsoDate, isoDateError } from './calendar-day';
import { assertAsOf } from './iso-date';
import type { IsoDate } from './iso-date';

const AS_OF_PATH: ErrorPath = Object.freeze(['asOf']);
const DATE_PATH: ErrorPath = Object.freeze(['date']);
const DAYS_PATH: ErrorPath = Object.freeze(['days']);
const WEEKS_PATH: ErrorPath = Object.freeze(['weeks']);
const MONTHS_PATH: ErrorPath = Object.freeze(['months']);

/** The earliest IsoDate: a first day further back than this is clamped to it. */
const EARLIEST_ISO_DATE: IsoDate = '0000-01-01';

function firstDayOf(day: Date): IsoDate {
  // Going back past year 0000 (or so far that the Date overflows to NaN)
  // leaves every representable date up to asOf inside the interval.
  return (
    formatIsoDateFields(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()) ?? EARLIEST_ISO_DATE
  );
}

function daysBack(asOf: IsoDate, days: number): IsoDate {
  return firstDayOf(addDays(calendarDayOf(asOf, AS_OF_PATH), -days));
}

function monthsBack(asOf: IsoDate, months: number): IsoDate {
  return firstDayOf(addMonths(calendarDayOf(asOf, AS_OF_PATH), -months));
}

interface MemoEntry {
  asOf: IsoDate;
  firstDay: IsoDate;
}

/**
 * Remembers, per amount N, the first day of the interval for the latest
 * `asOf` seen. Keyed by the number so a hit allocates nothing (no key
 * string); bounded, so odd callers cannot grow it without limit.
 */
class FirstDayMemo {
  readonly #entries = new Map<number, MemoEntry>();
  readonly #compute: (asOf: IsoDate, amount: number) => IsoDate;

  constructor(compute: (asOf: IsoDate, amount: number) => IsoDate) {
    this.#compute = compute;
  }

  get(asOf: IsoDate, amount: number): IsoDate {
    const entry = this.#entries.get(amount);
    if (entry?.asOf === asOf) return entry.firstDay;
    const firstDay = this.#compute(asOf, amount);
    if (entry !== undefined) {
      entry.asOf = asOf;
      entry.firstDay = firstDay;
    } else {
      if (this.#entries.size >= 64) this.#entries.clear();
      this.#entries.set(amount, { asOf, firstDay });
    }
    return firstDay;
  }
}

const daysMemo = new FirstDayMemo(daysBack);
const monthsMemo = new FirstDayMemo(monthsBack);

function within(date: IsoDate, asOf: IsoDate, amount: number, amountPath: ErrorPath, memo: FirstDayMemo, unit: number): boolean {
  assertAsOf(asOf);
  const scan = scanIsoDate(date);
  if (scan < 0) throw isoDateError(DATE_PATH, scan);
  requireSafeInteger(amount, amountPath, true);
  if (date > asOf) return false;
  return date >= memo.get(asOf, amount * unit);
}

/**
 * Whether a date lies within the last `days` days up to `asOf`:
 * `subDaysIso(asOf, days) <= date <= asOf`, both ends inclusive. So the
 * interval holds `days + 1` calendar days; `days = 0` means `asOf` only.
 *
 * @param date - the date to test (a measurement, a contact, ...)
 * @param asOf - the evaluation date
 * @param days - the length of the look-back, a non-negative safe integer
 * @returns true if `date` is on or after `asOf - days` and not after `asOf`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['date']`, `['asOf']` or `['days']`)
 *   for a non-`IsoDate` or an amount that is not a non-negative safe integer
 * @example
 * ```ts
 * isWithinLastDays('2027-01-01', '2027-01-15', 14); // true (first day)
 * isWithinLastDays('2026-12-31', '2027-01-15', 14); // false
 * isWithinLastDays('2027-01-16', '2027-01-15', 14); // false (after asOf)
 * ```
 */
export function isWithinLastDays(date: IsoDate, asOf: IsoDate, days: number): boolean {
  return within(date, asOf, days, DAYS_PATH, daysMemo, 1);
}

/**
 * Whether a date lies within the last `weeks` weeks up to `asOf`:
 * `subDaysIso(asOf, 7 * weeks) <= date <= asOf`, both ends inclusive.
 *
 * @param date - the date to test
 * @param asOf - the evaluation date
 * @param weeks - the length of the look-back, a non-negative safe integer
 * @returns true if `date` is on or after `asOf - 7 * weeks` days and not after `asOf`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['date']`, `['asOf']` or `['weeks']`)
 *   for a non-`IsoDate` or an amount that is not a non-negative safe integer
 * @example
 * ```ts
 * isWithinLastWeeks('2027-01-01', '2027-01-15', 2); // true (first day)
 * isWithinLastWeeks('2026-12-31', '2027-01-15', 2); // false
 * ```
 */
export function isWithinLastWeeks(date: IsoDate, asOf: IsoDate, weeks: number): boolean {
  return within(date, asOf, weeks, WEEKS_PATH, daysMemo, 7);
}

/**
 * Whether a date lies within the last `months` calendar months up to `asOf`:
 * `subMonthsIso(asOf, months) <= date <= asOf`, both ends inclusive. The first
 * day is clamped to the end of its month: within the last month of
 * 2027-03-31 starts on 2027-02-28 (2028-02-29 in a leap year).
 *
 * @param date - the date to test
 * @param asOf - the evaluation date
 * @param months - the length of the look-back, a non-negative safe integer
 * @returns true if `date` is on or after `subMonthsIso(asOf, months)` and not after `asOf`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['date']`, `['asOf']` or `['months']`)
 *   for a non-`IsoDate` or an amount that is not a non-negative safe integer
 * @example
 * ```ts
 * isWithinLastMonths('2026-01-15', '2027-01-15', 12); // true (exactly 12 months back)
 * isWithinLastMonths('2026-01-14', '2027-01-15', 12); // false
 * isWithinLastMonths('2027-02-28', '2027-03-31', 1);  // true
 * isWithinLastMonths('2027-02-27', '2027-03-31', 1);  // false
 * ```
 */
export function isWithinLastMonths(date: IsoDate, asOf: IsoDate, months: number): boolean {
  return within(date, asOf, months, MONTHS_PATH, monthsMemo, 1);
}
