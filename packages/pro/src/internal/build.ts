/**
 * Small builders for the instrument data. Internal: not exported from the
 * package.
 *
 * @module
 */

import type { AnswerOption, InstrumentItem, LocalisedText } from '../definitions/types';

/** @internal a localised text. */
export function text(da: string, en: string): LocalisedText {
  return { da, en };
}

/** @internal answer options whose code is their score and whose label is the number itself. */
export function numberedOptions(min: number, max: number): AnswerOption[] {
  const options: AnswerOption[] = [];
  for (let code = min; code <= max; code++) options.push({ code, label: text(String(code), String(code)), score: code });
  return options;
}

/** @internal `count` item ids `prefix1..prefixN`. */
export function itemIds<K extends string>(prefix: string, count: number): K[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1)}` as K);
}

/** @internal numbered `choice` items with numbered neutral labels. */
export function numberedChoiceItems<K extends string>(
  ids: readonly K[],
  labelDa: string,
  labelEn: string,
  options: readonly AnswerOption[],
): InstrumentItem<K>[] {
  return ids.map((id, i) => ({
    id,
    label: text(`${labelDa} ${String(i + 1)}`, `${labelEn} ${String(i + 1)}`),
    answer: { type: 'choice', options },
    optional: false,
  }));
}

