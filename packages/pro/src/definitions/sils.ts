import { text } from '../internal/build';
import type { AnswerOption, InstrumentDefinition } from './types';

/**
 * The item id of the Single Item Literacy Screener: the single item `sils`.
 *
 * @example
 * ```ts
 * const id: SilsItemId = 'sils';
 * ```
 */
export type SilsItemId = 'sils';

const OPTIONS: AnswerOption[] = [
  { code: 1, label: text('Aldrig', 'Never'), score: 1 },
  { code: 2, label: text('Sjældent', 'Rarely'), score: 2 },
  { code: 3, label: text('Nogle gange', 'Sometimes'), score: 3 },
  { code: 4, label: text('Ofte', 'Often'), score: 4 },
  { code: 5, label: text('Altid', 'Always'), score: 5 },
];

/** @internal SILS (Morris 2006): 1-5, 3 or more is possibly limited health literacy. */
export const SILS_DEFINITION: InstrumentDefinition<'SILS', SilsItemId> = {
  id: 'SILS',
  version: '1.0',
  title: text('Single Item Literacy Screener (SILS)', 'Single Item Literacy Screener (SILS)'),
  status: 'provisional',
  items: [{ id: 'sils', label: text('SILS-screeningsspørgsmål', 'SILS screening item'), answer: { type: 'choice', options: OPTIONS }, optional: false }],
  scoring: { method: 'sum', items: ['sils'], subscores: [] },
  unit: 'points',
  scoreRange: { min: 1, max: 5 },
  bands: [
    {
      id: 'adequate',
      label: text('Ingen tegn på begrænset sundhedskompetence', 'No sign of limited health literacy'),
      interpretation: text('SILS 1-2.', 'SILS 1-2.'),
      score: { below: 3 },
    },
    {
      id: 'possibly-limited',
      label: text('Muligvis begrænset sundhedskompetence', 'Possibly limited health literacy'),
      interpretation: text(
        'SILS 3 eller derover: overvej hjælp til skriftligt materiale.',
        'SILS 3 or more: consider support with written material.',
      ),
      score: { atLeast: 3 },
    },
  ],
  source: {
    title: 'Morris NS et al. The Single Item Literacy Screener: evaluation of a brief instrument to identify limited reading ability. BMC Fam Pract 2006;7:21',
    url: 'https://doi.org/10.1186/1471-2296-7-21',
  },
  references: [],
  licence: {
    copyrighted: false,
    note: 'Published open access. No official Danish wording exists: the SDK ships the item id, answer codes and scoring, and the integrator supplies the text with withItemTexts.',
  },
};
