/**
 * Locale-aware formatting of numbers and calendar dates for the messages.
 *
 * These helpers deliberately do **not** use `Intl`. Some JavaScript runtimes
 * ship without full ICU data (Node built with `small-icu`, Hermes on React
 * Native, QuickJS, some edge runtimes). There `Intl.NumberFormat('da')` and
 * `toLocaleDateString('da')` silently fall back to English, so a Danish GP
 * would read `0.70` or `January` without any error being raised; and even with
 * full ICU the Danish date form differs between ICU versions. The month names
 * and separators are therefore written out here, and the output is the same
 * on every runtime.
 *
 * @module
 */

import { KronikerpakkerError } from '../errors/errors';
import { assertLocale } from './locale';
import type { Locale } from './locale';

const DECIMAL_SEPARATOR: { readonly [L in Locale]: string } = { da: ',', en: '.' };

const MONTHS: { readonly [L in Locale]: readonly string[] } = {
  da: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** The largest number of fraction digits {@link formatNumber} accepts. */
const MAX_FRACTION_DIGITS = 20;
/** Fraction digits shown when the caller gives none (as `Intl.NumberFormat` does). */
const DEFAULT_MAX_FRACTION_DIGITS = 3;

/** How {@link toDecimal} drops the digits it does not keep. */
type Rounding = 'half-up' | 'truncate';

function invalidArgument(message: string, path: string): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', message, { path: [path] });
}

/**
 * The absolute value of a finite number as integer and fraction digit strings,
 * with exactly `fractionDigits` fraction digits. Works on the shortest decimal
 * form of the number (the one `String(x)` shows), so 0.695 rounds to 0.70
 * like a person would round it, not to 0.69 as `toFixed` does.
 */
function toDecimal(value: number, fractionDigits: number, rounding: Rounding): { int: string; frac: string } {
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e');
  let digits = mantissa.replace('.', '');
  let intLength = Number(exponent) + 1;
  if (intLength <= 0) {
    digits = '0'.repeat(1 - intLength) + digits;
    intLength = 1;
  }
  const kept = intLength + fractionDigits;
  digits = digits.padEnd(kept + 1, '0');
  let scaled = BigInt(digits.slice(0, kept));
  if (rounding === 'half-up' && digits.charAt(kept) >= '5') scaled += 1n;
  const text = scaled.toString().padStart(kept, '0');
  const split = text.length - fractionDigits;
  return { int: text.slice(0, split), frac: text.slice(split) };
}

function formatDecimal(
  value: number,
  locale: Locale,
  fractionDigits: number | undefined,
  rounding: Rounding,
): string {
  if (Number.isSafeInteger(value)) {
    // Fast path (levels, counts, months): no digits to drop, so no rounding and no BigInt. `-0` is an integer and prints as `0`.
    const int = String(Math.abs(value));
    const sign = value < 0 ? '-' : '';
    return fractionDigits === undefined || fractionDigits === 0
      ? `${sign}${int}`
      : `${sign}${int}${DECIMAL_SEPARATOR[locale]}${'0'.repeat(fractionDigits)}`;
  }
  const decimal = toDecimal(value, fractionDigits ?? DEFAULT_MAX_FRACTION_DIGITS, rounding);
  const int = decimal.int;
  const frac = fractionDigits === undefined ? decimal.frac.replace(/0+$/, '') : decimal.frac;
  const isZero = /^0*$/.test(int + frac);
  const sign = value < 0 && !isZero ? '-' : '';
  return frac === '' ? `${sign}${int}` : `${sign}${int}${DECIMAL_SEPARATOR[locale]}${frac}`;
}

function assertFormattableNumber(value: unknown, fractionDigits: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidArgument('Expected a finite number', 'value');
  }
  if (
    fractionDigits !== undefined &&
    (typeof fractionDigits !== 'number' ||
      !Number.isInteger(fractionDigits) ||
      fractionDigits < 0 ||
      fractionDigits > MAX_FRACTION_DIGITS)
  ) {
    throw invalidArgument(`Expected fractionDigits to be an integer from 0 to ${MAX_FRACTION_DIGITS}`, 'fractionDigits');
  }
}

/**
 * Formats a number for a message: Danish decimal comma (`0,70`), English
 * decimal point (`0.70`). No thousands separators (the clinical values in the
 * messages are small, and `1.234` means different things in the two
 * languages). Negative numbers use a hyphen-minus; `-0` prints as `0`.
 *
 * Rounding is half away from zero on the number's shortest decimal form, so
 * `0.695` with two digits gives `0,70`, as a person would round it.
 *
 * @param value - a finite number
 * @param locale - the language to format for
 * @param fractionDigits - exactly this many digits after the separator (0 to 20);
 *   when left out, up to three digits are shown and trailing zeros dropped
 * @returns the formatted number
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a non-finite value,
 *   an unsupported locale or a bad `fractionDigits`
 * @example
 * ```ts
 * formatNumber(0.7, 'da', 2); // '0,70'
 * formatNumber(0.7, 'en', 2); // '0.70'
 * formatNumber(1.5, 'da');    // '1,5'
 * formatNumber(42, 'en');     // '42'
 * ```
 */
export function formatNumber(value: number, locale: Locale, fractionDigits?: number): string {
  assertFormattableNumber(value, fractionDigits);
  assertLocale(locale);
  return formatDecimal(value, locale, fractionDigits, 'half-up');
}

/**
 * Like {@link formatNumber}, but drops the extra digits instead of rounding
 * (toward zero). The messages use it where the shown value must stay on the
 * same side of a threshold as the real value: FEV1/FVC 0.6951 is below 0.70
 * and must not be shown as `0,70`, and 11.9 weeks is not yet 12 weeks.
 *
 * @param value - a finite number
 * @param locale - the language to format for
 * @param fractionDigits - exactly this many digits after the separator (0 to 20)
 * @returns the formatted, truncated number
 * @internal
 */
export function formatNumberTruncated(value: number, locale: Locale, fractionDigits: number): string {
  assertFormattableNumber(value, fractionDigits);
  assertLocale(locale);
  return formatDecimal(value, locale, fractionDigits, 'truncate');
}

/**
 * Parses a strict `YYYY-MM-DD` calendar date; `undefined` unless the date
 * exists (2027-02-29 does not).
 *
 * @internal
 */
export function parseIsoDate(value: unknown): { year: number; month: number; day: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth ? { year, month, day } : undefined;
}

/**
 * Formats a calendar date written `YYYY-MM-DD` the way people write dates in
 * running text: Danish `15. januar 2027`, English `15 January 2027`.
 *
 * The month names are written out in the SDK rather than taken from `Intl`,
 * because runtimes without full ICU data silently fall back to English (see
 * the module documentation). The date is a calendar date: no time zone is
 * involved.
 *
 * @param date - a calendar date, `YYYY-MM-DD`, that exists (not `2027-02-30`)
 * @param locale - the language to format for
 * @returns the date in words
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a malformed or
 *   non-existent date or an unsupported locale; the message never repeats the date
 * @example
 * ```ts
 * formatIsoDate('2027-01-15', 'da'); // '15. januar 2027'
 * formatIsoDate('2027-01-15', 'en'); // '15 January 2027'
 * ```
 */
export function formatIsoDate(date: string, locale: Locale): string {
  const parsed = parseIsoDate(date);
  if (parsed === undefined) {
    throw invalidArgument('Expected an existing calendar date written YYYY-MM-DD', 'date');
  }
  assertLocale(locale);
  const month = MONTHS[locale][parsed.month - 1] ?? '';
  return locale === 'da'
    ? `${parsed.day}. ${month} ${parsed.year}`
    : `${parsed.day} ${month} ${parsed.year}`;
}
