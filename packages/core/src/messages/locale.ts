/**
 * The locales the SDK's messages are written in.
 *
 * @module
 */

import { KronikerpakkerError } from '../errors/errors';

/**
 * A language the SDK's messages are written in: Danish (`'da'`, the primary
 * language, read by the GP) or English (`'en'`, for vendors and logs).
 *
 * @example
 * ```ts
 * const locale: Locale = 'da';
 * formatMessage('synthetic.record', {}, locale);
 * ```
 */
export type Locale = 'da' | 'en';

/**
 * Every supported locale, Danish first.
 *
 * @example
 * ```ts
 * for (const locale of LOCALES) console.log(formatMessage('synthetic.record', {}, locale));
 * ```
 */
export const LOCALES: readonly Locale[] = Object.freeze(['da', 'en'] as const);

/**
 * The locale used when none is given: Danish, the language of the GPs who
 * read the texts.
 *
 * @example
 * ```ts
 * formatMessage('synthetic.record', {}); // same as passing DEFAULT_LOCALE
 * ```
 */
export const DEFAULT_LOCALE: Locale = 'da';

/**
 * Whether a value is a supported {@link Locale}.
 *
 * @param value - anything, for example a setting read from a configuration file
 * @returns true for `'da'` and `'en'`
 * @example
 * ```ts
 * isLocale('da'); // true
 * isLocale('de'); // false
 * ```
 */
export function isLocale(value: unknown): value is Locale {
  return value === 'da' || value === 'en';
}

/**
 * Throws `INVALID_ARGUMENT` unless `locale` is a supported locale. For
 * callers that bypass the types; the message never repeats the value.
 *
 * @param locale - the locale to check
 * @param where - the argument's name, used as the error path
 * @internal
 */
export function assertLocale(locale: unknown, where = 'locale'): asserts locale is Locale {
  if (!isLocale(locale)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Unsupported locale; expected one of: da, en', {
      path: [where],
    });
  }
}
