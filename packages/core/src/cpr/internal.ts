/**
 * Calendar and century arithmetic shared by the CPR parser and the synthetic
 * CPR generator. Internal to the `cpr` module: not part of the public API.
 *
 * Plain integer arithmetic on purpose: `parseCpr` runs once per record on
 * data sets of 100k records, and a `Date` or date-library round trip per call
 * costs far more than these few comparisons.
 *
 * @internal
 * @module
 */

/**
 * Whether `year` is a Gregorian leap year.
 *
 * @param year - a full year (1858, 2000)
 * @returns true for leap years; 1900 is not one, 2000 is
 * @example
 * ```ts
 * isLeapYear(2000); // true
 * isLeapYear(1900); // false
 * ```
 * @internal
 */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * The number of days in a month.
 *
 * @param year - a full year, for February
 * @param month - 1 to 12
 * @returns 28 to 31, or 0 for a month outside 1 to 12 (so every day is out of range)
 * @example
 * ```ts
 * daysInMonth(2000, 2); // 29
 * daysInMonth(1996, 4); // 30
 * ```
 * @internal
 */
export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 1:
    case 3:
    case 5:
    case 7:
    case 8:
    case 10:
    case 12:
      return 31;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    case 2:
      return isLeapYear(year) ? 29 : 28;
    default:
      return 0;
  }
}

/**
 * The full birth year a CPR number encodes, from its seventh digit and its
 * two-digit year, by the CPR office's century table.
 *
 * @param digit7 - the first digit of the serial (0 to 9)
 * @param yy - the two-digit year (0 to 99)
 * @returns the full year, between 1858 and 2057
 * @example
 * ```ts
 * birthYear(4, 36); // 2036
 * birthYear(4, 37); // 1937
 * birthYear(5, 58); // 1858
 * ```
 * @internal
 */
export function birthYear(digit7: number, yy: number): number {
  if (digit7 <= 3) return 1900 + yy;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** The earliest birth year a CPR number can encode. */
export const FIRST_CPR_YEAR = 1858;
/** The latest birth year a CPR number can encode. */
export const LAST_CPR_YEAR = 2057;

const CENTURY_DIGITS: readonly (readonly number[])[] = (() => {
  const table: number[][] = [];
  for (let year = FIRST_CPR_YEAR; year <= LAST_CPR_YEAR; year++) {
    const digits: number[] = [];
    for (let d = 0; d <= 9; d++) if (birthYear(d, year % 100) === year) digits.push(d);
    table.push(digits);
  }
  return table;
})();

/**
 * The seventh digits that make a CPR number encode `year`: the inverse of
 * {@link birthYear}.
 *
 * @param year - a full year
 * @returns the digits, ascending; empty outside 1858 to 2057
 * @example
 * ```ts
 * centuryDigits(1950); // [0, 1, 2, 3, 4, 9]
 * centuryDigits(1890); // [5, 6, 7, 8]
 * ```
 * @internal
 */
export function centuryDigits(year: number): readonly number[] {
  return CENTURY_DIGITS[year - FIRST_CPR_YEAR] ?? [];
}

/**
 * The modulus-11 weighted sum of ten digit characters, read from their char
 * codes so that no substring or number array is allocated.
 *
 * @param digits - exactly ten ASCII digits (not checked)
 * @returns the sum of digit times weight (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
 * @example
 * ```ts
 * mod11Sum('0000000011') % 11; // 3
 * ```
 * @internal
 */
export function mod11Sum(digits: string): number {
  return (
    (digits.charCodeAt(0) - 48) * 4 +
    (digits.charCodeAt(1) - 48) * 3 +
    (digits.charCodeAt(2) - 48) * 2 +
    (digits.charCodeAt(3) - 48) * 7 +
    (digits.charCodeAt(4) - 48) * 6 +
    (digits.charCodeAt(5) - 48) * 5 +
    (digits.charCodeAt(6) - 48) * 4 +
    (digits.charCodeAt(7) - 48) * 3 +
    (digits.charCodeAt(8) - 48) * 2 +
    (digits.charCodeAt(9) - 48)
  );
}
