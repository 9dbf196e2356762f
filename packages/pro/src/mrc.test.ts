import { KronikerpakkerError } from '@kronikerpakker/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mmrcToMrc, mrcToMmrc } from './mrc';
import { scoreQuestionnaire } from './score';

describe('MRC and mMRC', () => {
  it('mMRC = MRC - 1', () => {
    expect([1, 2, 3, 4, 5].map(mrcToMmrc)).toEqual([0, 1, 2, 3, 4]);
    expect([0, 1, 2, 3, 4].map(mmrcToMrc)).toEqual([1, 2, 3, 4, 5]);
  });

  it("GOLD's mMRC >= 2 is MRC >= 3, and the MRC band agrees", () => {
    for (const mrc of [1, 2, 3, 4, 5]) {
      const high = scoreQuestionnaire({ instrument: 'MRC', answers: { mrc } }).band?.id === 'high';
      expect(high).toBe(mrcToMmrc(mrc) >= 2);
      expect(high).toBe(mrc >= 3);
    }
  });

  it('round-trips', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), (mrc) => mmrcToMrc(mrcToMmrc(mrc)) === mrc));
  });

  it('rejects anything else with INVALID_ARGUMENT and no value', () => {
    for (const bad of [0, 6, 2.5, Number.NaN, 987654]) {
      let caught: unknown;
      try {
        mrcToMmrc(bad);
      } catch (err) {
        caught = err;
      }
      expect(KronikerpakkerError.is(caught)).toBe(true);
      const err = caught as KronikerpakkerError;
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.path).toEqual(['mrc']);
      expect(`${err.message}${String(err)}${JSON.stringify(err)}${err.stack ?? ''}`).not.toContain('987654');
    }
    expect(() => mmrcToMrc(5)).toThrow(KronikerpakkerError);
    expect(() => mmrcToMrc(-1)).toThrow(/mMRC grade/);
  });
});
