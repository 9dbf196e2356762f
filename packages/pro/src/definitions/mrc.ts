import { text } from '../internal/build';
import type { AnswerOption, InstrumentDefinition } from './types';

/**
 * The item id of the MRC dyspnoea scale: the single item `mrc`.
 *
 * @example
 * ```ts
 * const id: MrcItemId = 'mrc';
 * ```
 */
export type MrcItemId = 'mrc';

const OPTIONS: AnswerOption[] = [1, 2, 3, 4, 5].map((code) => ({
  code,
  label: text(`MRC ${String(code)}`, `MRC ${String(code)}`),
  score: code,
}));

/** @internal the Danish MRC 1-5 scale (MCS88021), not GOLD's mMRC 0-4. */
export const MRC_DEFINITION: InstrumentDefinition<'MRC', MrcItemId> = {
  id: 'MRC',
  version: '1.0',
  title: text('MRC-åndenødsskala (1-5)', 'MRC dyspnoea scale (1-5)'),
  status: 'active',
  items: [{ id: 'mrc', label: text('MRC-grad', 'MRC grade'), answer: { type: 'choice', options: OPTIONS }, optional: false }],
  scoring: { method: 'sum', items: ['mrc'], subscores: [] },
  unit: 'grade',
  scoreRange: { min: 1, max: 5 },
  bands: [
    {
      id: 'low',
      label: text('Mindre åndenød (MRC 1-2)', 'Less breathlessness (MRC 1-2)'),
      interpretation: text(
        'MRC 1-2 svarer til mMRC 0-1: tæller ikke som mange symptomer i GOLD-grupperingen.',
        'MRC 1-2 equals mMRC 0-1: does not count as high symptom burden in the GOLD grouping.',
      ),
      score: { below: 3 },
    },
    {
      id: 'high',
      label: text('Mere åndenød (MRC 3 eller derover)', 'More breathlessness (MRC 3 or more)'),
      interpretation: text(
        'MRC 3 eller derover svarer til mMRC 2 eller derover (mMRC = MRC - 1): tæller som mange symptomer (GOLD).',
        'MRC 3 or more equals mMRC 2 or more (mMRC = MRC - 1): counts as high symptom burden (GOLD).',
      ),
      score: { atLeast: 3 },
    },
  ],
  source: {
    title: 'Bestall JC et al. Usefulness of the Medical Research Council (MRC) dyspnoea scale as a measure of disability in patients with chronic obstructive pulmonary disease. Thorax 1999;54:581-6',
  },
  references: [
    { title: 'MedCom analysis code MCS88021 "MRC skala 1-5"' },
    { title: 'Global Initiative for Chronic Obstructive Lung Disease (GOLD): mMRC >= 2 as high symptom burden', url: 'https://goldcopd.org' },
  ],
  licence: {
    holder: 'Medical Research Council (UKRI)',
    copyrighted: true,
    note: 'The SDK ships the grade codes 1-5 only; attach the grade descriptions you are permitted to use with withItemTexts.',
  },
};
