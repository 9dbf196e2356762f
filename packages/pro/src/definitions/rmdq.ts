import { itemIds, text } from '../internal/build';
import type { InstrumentDefinition, InstrumentItem } from './types';

/**
 * The item ids of the Roland-Morris Disability Questionnaire: `r1` to `r24`.
 *
 * @example
 * ```ts
 * const id: RmdqItemId = 'r24';
 * ```
 */
export type RmdqItemId = `r${
  | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12
  | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22 | 23 | 24}`;

const ITEMS = itemIds<RmdqItemId>('r', 24);

const items: InstrumentItem<RmdqItemId>[] = ITEMS.map((id, i) => ({
  id,
  label: text(`RMDQ udsagn ${String(i + 1)}`, `RMDQ item ${String(i + 1)}`),
  answer: { type: 'boolean' },
  optional: false,
}));

/** @internal the RMDQ-24: 24 yes/no statements, score 0-24. */
export const RMDQ_DEFINITION: InstrumentDefinition<'RMDQ', RmdqItemId> = {
  id: 'RMDQ',
  version: '1.0',
  title: text('Roland-Morris Disability Questionnaire (RMDQ)', 'Roland-Morris Disability Questionnaire (RMDQ)'),
  status: 'provisional',
  items,
  scoring: { method: 'sum', items: ITEMS, subscores: [] },
  unit: 'points',
  scoreRange: { min: 0, max: 24 },
  bands: [],
  source: { title: 'Roland M, Morris R. A study of the natural history of back pain. Part I. Spine 1983;8:141-4' },
  references: [{ title: 'Roland M, Fairbank J. The Roland-Morris Disability Questionnaire and the Oswestry Disability Questionnaire. Spine 2000;25:3115-24' }],
  licence: {
    holder: 'Martin Roland and Richard Morris',
    copyrighted: true,
    note: 'The RMDQ wording is copyrighted. The SDK ships item ids, answer codes and scoring only; attach a Danish version you are licensed to use with withItemTexts.',
  },
};
