import { itemIds, numberedChoiceItems, numberedOptions, text } from '../internal/build';
import type { InstrumentDefinition } from './types';

/**
 * The item ids of the CAT (COPD Assessment Test): `cat1` to `cat8`.
 *
 * @example
 * ```ts
 * const id: CatItemId = 'cat3';
 * ```
 */
export type CatItemId = 'cat1' | 'cat2' | 'cat3' | 'cat4' | 'cat5' | 'cat6' | 'cat7' | 'cat8';

const ITEMS = itemIds<CatItemId>('cat', 8);

/** @internal the CAT: 8 items 0-5, total 0-40, >= 10 is high symptom burden (GOLD). */
export const CAT_DEFINITION: InstrumentDefinition<'CAT', CatItemId> = {
  id: 'CAT',
  version: '1.0',
  title: text('CAT (COPD Assessment Test)', 'COPD Assessment Test (CAT)'),
  status: 'active',
  items: numberedChoiceItems(ITEMS, 'CAT spørgsmål', 'CAT item', numberedOptions(0, 5)),
  scoring: { method: 'sum', items: ITEMS, subscores: [] },
  unit: 'points',
  scoreRange: { min: 0, max: 40 },
  bands: [
    {
      id: 'low',
      label: text('Lav symptombyrde (CAT under 10)', 'Low symptom burden (CAT below 10)'),
      interpretation: text(
        'CAT under 10 tæller ikke som mange symptomer i GOLD-grupperingen.',
        'A CAT below 10 does not count as high symptom burden in the GOLD grouping.',
      ),
      score: { below: 10 },
    },
    {
      id: 'high',
      label: text('Høj symptombyrde (CAT 10 eller derover)', 'High symptom burden (CAT 10 or more)'),
      interpretation: text(
        'CAT 10 eller derover tæller som mange symptomer (GOLD gruppe B, hvis ikke E).',
        'A CAT of 10 or more counts as high symptom burden (GOLD group B unless E).',
      ),
      score: { atLeast: 10 },
    },
  ],
  source: {
    title: 'Jones PW et al. Development and first validation of the COPD Assessment Test. Eur Respir J 2009;34:648-54',
    url: 'https://www.catestonline.org',
  },
  references: [{ title: 'Global Initiative for Chronic Obstructive Lung Disease (GOLD), report 2023 and later', url: 'https://goldcopd.org' }],
  licence: {
    holder: 'GSK group of companies',
    copyrighted: true,
    note: 'The CAT wording (items and anchors) is copyrighted. The SDK ships item ids, answer codes and scoring only; obtain the licensed Danish version and attach it with withItemTexts.',
  },
};
