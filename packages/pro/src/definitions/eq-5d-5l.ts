import { numberedOptions, text } from '../internal/build';
import type { AnswerOption, InstrumentDefinition, InstrumentItem } from './types';

/**
 * The item ids of the EQ-5D-5L: the five dimensions `mo` (mobility), `sc`
 * (self-care), `ua` (usual activities), `pd` (pain/discomfort), `ad`
 * (anxiety/depression), and the optional EQ VAS `vas`.
 *
 * @example
 * ```ts
 * const id: Eq5d5lItemId = 'pd';
 * ```
 */
export type Eq5d5lItemId = 'mo' | 'sc' | 'ua' | 'pd' | 'ad' | 'vas';

const LEVELS: AnswerOption[] = numberedOptions(1, 5).map((o) => ({
  ...o,
  label: text(`Niveau ${String(o.code)}`, `Level ${String(o.code)}`),
}));

function dimension(id: Eq5d5lItemId, da: string, en: string): InstrumentItem<Eq5d5lItemId> {
  return { id, label: text(da, en), answer: { type: 'choice', options: LEVELS }, optional: false };
}

/** @internal the EQ-5D-5L with the Danish value set (Jensen et al. 2021); EQ VAS is reported, not scored. */
export const EQ_5D_5L_DEFINITION: InstrumentDefinition<'EQ-5D-5L', Eq5d5lItemId> = {
  id: 'EQ-5D-5L',
  version: '1.0',
  title: text('EQ-5D-5L', 'EQ-5D-5L'),
  status: 'active',
  items: [
    dimension('mo', 'Bevægelighed', 'Mobility'),
    dimension('sc', 'Personlig pleje', 'Self-care'),
    dimension('ua', 'Sædvanlige aktiviteter', 'Usual activities'),
    dimension('pd', 'Smerter/ubehag', 'Pain/discomfort'),
    dimension('ad', 'Angst/depression', 'Anxiety/depression'),
    { id: 'vas', label: text('EQ VAS (0-100)', 'EQ VAS (0-100)'), answer: { type: 'integer', min: 0, max: 100 }, optional: true },
  ],
  scoring: {
    method: 'value-set',
    valueSetId: 'DK-2021',
    source: {
      title: 'Jensen CE et al. The Danish EQ-5D-5L value set: a hybrid model using cTTO and DCE data. Appl Health Econ Health Policy 2021;19:579-91',
    },
    dimensions: [
      { item: 'mo', decrements: [0, 0.041, 0.054, 0.157, 0.22] },
      { item: 'sc', decrements: [0, 0.035, 0.05, 0.144, 0.209] },
      { item: 'ua', decrements: [0, 0.033, 0.04, 0.139, 0.174] },
      { item: 'pd', decrements: [0, 0.048, 0.094, 0.381, 0.537] },
      { item: 'ad', decrements: [0, 0.072, 0.191, 0.43, 0.618] },
    ],
    decimals: 3,
  },
  unit: 'index',
  scoreRange: { min: -0.758, max: 1 },
  // EQ-5D index values have no interpretation bands.
  bands: [],
  source: { title: 'EuroQol Research Foundation. EQ-5D-5L', url: 'https://euroqol.org' },
  references: [],
  licence: {
    holder: 'EuroQol Research Foundation',
    copyrighted: true,
    note: 'EQ-5D is copyrighted; use needs registration with (and may need a licence from) the EuroQol Research Foundation. The SDK ships dimension ids, level codes and the Danish value set only; attach the registered Danish version with withItemTexts.',
  },
};
