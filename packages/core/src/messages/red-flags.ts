/**
 * Red-flag categories for low back pain (lænderygsmerter) and their labels.
 *
 * @module
 */

import { KronikerpakkerError } from '../errors/errors';
import { assertLocale } from './locale';
import type { Locale } from './locale';
import type { RedFlagCategory } from '../record/vocabulary';

const LABELS: { readonly [C in RedFlagCategory]: { readonly [L in Locale]: string } } = {
  'cauda-equina': { da: 'cauda equina-syndrom', en: 'cauda equina syndrome' },
  malignancy: { da: 'malignitet', en: 'malignancy' },
  infection: { da: 'infektion', en: 'infection' },
  fracture: { da: 'fraktur', en: 'fracture' },
  inflammatory: { da: 'inflammatorisk sygdom', en: 'inflammatory disease' },
  'neurological-deficit': {
    da: 'progredierende eller udbredt neurologisk udfald',
    en: 'progressive or widespread neurological deficit',
  },
};

/**
 * Whether a value is a {@link RedFlagCategory}.
 *
 * @param value - anything
 * @returns true for the six red-flag categories
 * @example
 * ```ts
 * isRedFlagCategory('fracture'); // true
 * isRedFlagCategory('headache'); // false
 * ```
 */
export function isRedFlagCategory(value: unknown): value is RedFlagCategory {
  return typeof value === 'string' && Object.hasOwn(LABELS, value);
}

/**
 * The name of a red-flag category for running text, in lower case so it can
 * stand inside a sentence (Danish: `cauda equina-syndrom`, `malignitet`, ...).
 *
 * @param category - the red-flag category
 * @param locale - the language to name it in
 * @returns the label, for example `'inflammatorisk sygdom'`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for an unknown
 *   category or locale (the message never repeats the value)
 * @example
 * ```ts
 * redFlagCategoryLabel('cauda-equina', 'da'); // 'cauda equina-syndrom'
 * redFlagCategoryLabel('cauda-equina', 'en'); // 'cauda equina syndrome'
 * ```
 */
export function redFlagCategoryLabel(category: RedFlagCategory, locale: Locale): string {
  if (!isRedFlagCategory(category)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Unknown red-flag category', { path: ['category'] });
  }
  assertLocale(locale);
  return LABELS[category][locale];
}
