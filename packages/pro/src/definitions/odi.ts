import { itemIds, numberedChoiceItems, numberedOptions, text } from '../internal/build';
import type { InstrumentDefinition } from './types';

/**
 * The section ids of the Oswestry Disability Index: `s1` to `s10`.
 *
 * @example
 * ```ts
 * const id: OdiItemId = 's8';
 * ```
 */
export type OdiItemId = 's1' | 's2' | 's3' | 's4' | 's5' | 's6' | 's7' | 's8' | 's9' | 's10';

const ITEMS = itemIds<OdiItemId>('s', 10);

/** @internal the ODI 2.1a: 10 sections 0-5, percent of the points possible on the answered sections. */
export const ODI_DEFINITION: InstrumentDefinition<'ODI', OdiItemId> = {
  id: 'ODI',
  version: '2.1a',
  title: text('Oswestry Disability Index (ODI)', 'Oswestry Disability Index (ODI)'),
  status: 'provisional',
  items: numberedChoiceItems(ITEMS, 'ODI sektion', 'ODI section', numberedOptions(0, 5)),
  // One missing section is the published rule (Fairbank & Pynsent 2000); more cannot be scored.
  scoring: { method: 'percent-of-answered', items: ITEMS, maxMissing: 1 },
  unit: 'percent',
  scoreRange: { min: 0, max: 100 },
  // Bands are half-open from above: a percent that is not an integer belongs to
  // the band whose lower limit it exceeds (20.5 % is moderate, since > 20).
  bands: [
    {
      id: 'minimal',
      label: text('Minimal funktionsnedsættelse', 'Minimal disability'),
      interpretation: text('ODI 0-20 %.', 'ODI 0-20 %.'),
      score: { atMost: 20 },
    },
    {
      id: 'moderate',
      label: text('Moderat funktionsnedsættelse', 'Moderate disability'),
      interpretation: text('ODI over 20 og højst 40 %.', 'ODI above 20 and at most 40 %.'),
      score: { above: 20, atMost: 40 },
    },
    {
      id: 'severe',
      label: text('Svær funktionsnedsættelse', 'Severe disability'),
      interpretation: text('ODI over 40 og højst 60 %.', 'ODI above 40 and at most 60 %.'),
      score: { above: 40, atMost: 60 },
    },
    {
      id: 'crippled',
      label: text('Invaliderende', 'Crippled'),
      interpretation: text('ODI over 60 og højst 80 %.', 'ODI above 60 and at most 80 %.'),
      score: { above: 60, atMost: 80 },
    },
    {
      id: 'bed-bound',
      label: text('Sengeliggende', 'Bed-bound'),
      interpretation: text('ODI over 80 %.', 'ODI above 80 %.'),
      score: { above: 80 },
    },
  ],
  source: { title: 'Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25:2940-53' },
  references: [],
  licence: {
    holder: 'Jeremy Fairbank',
    copyrighted: true,
    note: 'The ODI wording is copyrighted and licensed (through Mapi Research Trust / ePROVIDE). The SDK ships section ids, answer codes and scoring only; attach the licensed Danish version with withItemTexts.',
  },
};
