import { itemIds, text } from '../internal/build';
import type { AnswerOption, InstrumentDefinition, InstrumentItem } from './types';

/**
 * The item ids of the STarT Back Screening Tool: `q1` to `q9`, in the current
 * Keele item order.
 *
 * @example
 * ```ts
 * const id: StartBackItemId = 'q9';
 * ```
 */
export type StartBackItemId = 'q1' | 'q2' | 'q3' | 'q4' | 'q5' | 'q6' | 'q7' | 'q8' | 'q9';

const ITEMS = itemIds<StartBackItemId>('q', 9);
const PSYCHOSOCIAL: readonly StartBackItemId[] = ['q5', 'q6', 'q7', 'q8', 'q9'];

const AGREEMENT: AnswerOption[] = [
  { code: 0, label: text('Uenig', 'Disagree'), score: 0 },
  { code: 1, label: text('Enig', 'Agree'), score: 1 },
];

// Item 9 keeps its five answers; the Keele rule scores the upper two as 1.
const BOTHERSOME: AnswerOption[] = [
  { code: 0, label: text('Slet ikke', 'Not at all'), score: 0 },
  { code: 1, label: text('Lidt', 'Slightly'), score: 0 },
  { code: 2, label: text('Moderat', 'Moderately'), score: 0 },
  { code: 3, label: text('Meget', 'Very much'), score: 1 },
  { code: 4, label: text('Ekstremt', 'Extremely'), score: 1 },
];

const items: InstrumentItem<StartBackItemId>[] = ITEMS.map((id, i) => ({
  id,
  label: text(`STarT Back spørgsmål ${String(i + 1)}`, `STarT Back item ${String(i + 1)}`),
  answer: { type: 'choice', options: id === 'q9' ? BOTHERSOME : AGREEMENT },
  optional: false,
}));

/** @internal the STarT Back Screening Tool (Keele), 9 items, risk groups low/medium/high. */
export const START_BACK_DEFINITION: InstrumentDefinition<'STarT-Back', StartBackItemId> = {
  id: 'STarT-Back',
  version: '1.0',
  title: text('STarT Back Screening Tool', 'STarT Back Screening Tool'),
  status: 'provisional',
  items,
  scoring: {
    method: 'sum',
    items: ITEMS,
    subscores: [
      { id: 'psychosocial', label: text('Psykosocial delscore', 'Psychosocial subscore'), items: PSYCHOSOCIAL, min: 0, max: 5 },
    ],
  },
  unit: 'points',
  scoreRange: { min: 0, max: 9 },
  bands: [
    {
      id: 'low',
      label: text('Lav risiko', 'Low risk'),
      interpretation: text(
        'Samlet score 3 eller lavere. Matched care: råd og støtte til egenomsorg i almen praksis.',
        'Total score 3 or lower. Matched care: advice and self-management support in general practice.',
      ),
      score: { atMost: 3 },
    },
    {
      id: 'medium',
      label: text('Middel risiko', 'Medium risk'),
      interpretation: text(
        'Samlet score 4 eller højere og psykosocial delscore 3 eller lavere. Matched care: fysioterapi.',
        'Total score 4 or higher and psychosocial subscore 3 or lower. Matched care: physiotherapy.',
      ),
      score: { atLeast: 4 },
      subscores: { psychosocial: { atMost: 3 } },
    },
    {
      id: 'high',
      label: text('Høj risiko', 'High risk'),
      interpretation: text(
        'Samlet score 4 eller højere og psykosocial delscore 4 eller højere. Matched care: psykologisk informeret fysioterapi.',
        'Total score 4 or higher and psychosocial subscore 4 or higher. Matched care: psychologically informed physiotherapy.',
      ),
      score: { atLeast: 4 },
      subscores: { psychosocial: { atLeast: 4 } },
    },
  ],
  source: {
    title: 'Hill JC et al. A primary care back pain screening tool: identifying patient subgroups for initial treatment. Arthritis Rheum 2008;59:632-41',
    url: 'https://www.keele.ac.uk/startback/',
  },
  references: [
    { title: 'Hill JC et al. Comparison of stratified primary care management for low back pain with current best practice (STarT Back): a randomised controlled trial. Lancet 2011;378:1560-71' },
    { title: 'Riis A et al. Danish validation of the STarT Back Screening Tool in general practice. BMC Musculoskelet Disord 2017' },
  ],
  licence: {
    holder: 'Keele University',
    copyrighted: true,
    note: 'The STarT Back wording is copyrighted; commercial use needs a licence from Keele University. The SDK ships item ids, answer codes and scoring only; attach the licensed Danish version with withItemTexts.',
  },
};
