/**
 * A suggestion's level range, summary and (when they follow from the rule
 * truths alone) missing data are shared between patients with the same
 * truths. Sharing must change nothing: a generated clinic evaluated in the
 * opposite order with freshly loaded packs (an empty cache, other patients
 * first for every truth combination) gives the same suggestions, to the byte.
 */
import { describe, expect, it } from 'vitest';
import { parsePatientRecord } from '@kronikerpakker/core';
import { generateClinic } from '@kronikerpakker/test-fixtures';
import { createDifferentiationPackSet, kolDifferentiationPack, lrsDifferentiationPack, suggestLevel } from './index';

const asOf = '2027-01-15';
const records = generateClinic({ seed: 2031, size: 1500, asOf }).map((input) => parsePatientRecord(input, { asOf }));

describe('level shapes shared by truth vector', () => {
  it('give every patient the same suggestion as a reversed run on fresh packs', () => {
    const forward = records.map((r) => JSON.stringify([suggestLevel(r, { package: 'KOL', asOf }), suggestLevel(r, { package: 'LRS', asOf })]));
    const fresh = createDifferentiationPackSet([kolDifferentiationPack, lrsDifferentiationPack]);
    const reversed = [...records]
      .reverse()
      .map((r) => JSON.stringify([suggestLevel(r, { package: 'KOL', asOf, packs: fresh }), suggestLevel(r, { package: 'LRS', asOf, packs: fresh })]))
      .reverse();
    expect(reversed).toEqual(forward);
  });

  it('share frozen parts only: a shared range or summary cannot be changed through one patient', () => {
    const suggestions = records.map((r) => suggestLevel(r, { package: 'LRS', asOf }));
    expect(suggestions.every((s) => Object.isFrozen(s.severityRange) && Object.isFrozen(s.summary))).toBe(true);
    // Many patients share one range object: the sharing is real.
    expect(new Set(suggestions.map((s) => s.severityRange)).size).toBeLessThan(suggestions.length / 10);
  });
});
