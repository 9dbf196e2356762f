/**
 * Calendar arithmetic on day numbers (days since 1970-01-01) for the
 * generator: plain integer arithmetic, no `Date`, so results do not depend
 * on the machine's time zone and cost a few operations each. Conversions use
 * Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
 * (proleptic Gregorian calendar).
 *
 * Deliberately independent of core's date helpers: the generator plants
 * boundary cases ("exactly 12 weeks before asOf") that test those helpers,
 * so it must not compute them with the code under test.
 *
 * @module
 */

/** A day number: whole days since 1970-01-01 (negative before). */
export type DayNumber = number;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a calendar date (month 1-12, day 1-31). */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1-12) and day of a day number. */
export interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The calendar date of a day number. */
export function civilFromDay(n: DayNumber): Civil {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The year of a day number. */
export function yearOf(n: DayNumber): number {
  return civilFromDay(n).year;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number of an ISO date `YYYY-MM-DD`.
 *
 * @throws RangeError for a malformed or non-existent date
 */
export function parseDay(iso: string): DayNumber {
  const m = ISO.exec(iso);
  if (m === null) throw new RangeError('Expected a date as YYYY-MM-DD');
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError('Not a real calendar date');
  }
  return dayFromCivil(year, month, day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The ISO date `YYYY-MM-DD` of a day number (years 1000-9999). */
export function formatDay(n: DayNumber): string {
  const { year, month, day } = civilFromDay(n);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The same calendar day `years` later (or earlier when negative); 29
 * February becomes 28 February in a common year.
 */
export function addYears(n: DayNumber, years: number): DayNumber {
  const { year, month, day } = civilFromDay(n);
  const y = year + years;
  return dayFromCivil(y, month, Math.min(day, daysInMonth(y, month)));
}

/** The day of the week: 0 = Sunday ... 6 = Saturday. */
export function weekday(n: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return (((n + 4) % 7) + 7) % 7;
}

/**
 * The last Sunday of a month: the EU daylight-saving changes fall on the
 * last Sunday of March (clocks forward) and of October (clocks back).
 */
export function lastSundayOf(year: number, month: number): DayNumber {
  const last = dayFromCivil(year, month, daysInMonth(year, month));
  return last - weekday(last);
}

/** Whole years from `birth` to `on` (the age on that day; a 29 February birthday counts from 1 March in common years). */
export function ageOn(birth: DayNumber, on: DayNumber): number {
  const b = civilFromDay(birth);
  const o = civilFromDay(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age--;
  return age;
}
