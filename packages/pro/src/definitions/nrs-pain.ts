import { text } from '../internal/build';
import type { InstrumentDefinition } from './types';

/**
 * The item id of the pain numeric rating scale: the single item `nrs`.
 *
 * @example
 * ```ts
 * const id: NrsPainItemId = 'nrs';
 * ```
 */
export type NrsPainItemId = 'nrs';

/** @internal the 11-point pain NRS, 0 (no pain) to 10 (worst pain imaginable). */
export const NRS_PAIN_DEFINITION: InstrumentDefinition<'NRS-pain', NrsPainItemId> = {
  id: 'NRS-pain',
  version: '1.0',
  title: text('Smerte-NRS (0-10)', 'Pain numeric rating scale (NRS 0-10)'),
  status: 'provisional',
  items: [{ id: 'nrs', label: text('Smerteintensitet 0-10', 'Pain intensity 0-10'), answer: { type: 'integer', min: 0, max: 10 }, optional: false }],
  scoring: { method: 'sum', items: ['nrs'], subscores: [] },
  unit: 'points',
  scoreRange: { min: 0, max: 10 },
  // Published mild/moderate/severe cut points for the NRS disagree; none are shipped.
  bands: [],
  source: { title: 'Hawker GA et al. Measures of adult pain. Arthritis Care Res 2011;63 Suppl 11:S240-52' },
  references: [],
  licence: {
    copyrighted: false,
    note: 'A generic 0-10 scale with no licence. The SDK ships no question wording (recall period and site vary): supply your own with withItemTexts.',
  },
};
