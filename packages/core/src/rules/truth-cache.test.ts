import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Truth } from './evaluate';
import { TruthVectorCache } from './truth-cache';

const truthArb = fc.constantFrom<Truth>('true', 'false', 'unknown');

describe('TruthVectorCache', () => {
  it('keeps one value per distinct truth vector (one key up to 18 rules, two keys up to 36)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36 }).chain((n) => fc.uniqueArray(fc.array(truthArb, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 40, selector: (v) => v.join() })), (vectors) => {
        const cache = new TruthVectorCache<string>();
        for (const v of vectors) cache.set(v, v.join());
        expect(cache.size).toBe(vectors.length);
        for (const v of vectors) expect(cache.get(v)).toBe(v.join());
      }),
      { numRuns: 200 },
    );
  });

  it('tells unknown from false, in the first and in the second key', () => {
    const cache = new TruthVectorCache<string>();
    const base: Truth[] = Array.from({ length: 20 }, () => 'false');
    cache.set(base, 'all false');
    const early = [...base];
    early[0] = 'unknown';
    const late = [...base];
    late[19] = 'unknown';
    expect(cache.get(early)).toBeUndefined();
    expect(cache.get(late)).toBeUndefined();
    expect(cache.get(base)).toBe('all false');
  });

  it('stops growing at its bound, and keeps nothing for packs of more than 36 rules', () => {
    const cache = new TruthVectorCache<number>(2);
    cache.set(['true'], 1);
    cache.set(['false'], 2);
    cache.set(['unknown'], 3);
    expect(cache.size).toBe(2);
    expect(cache.get(['unknown'])).toBeUndefined();
    const wide = new TruthVectorCache<number>();
    const many: Truth[] = Array.from({ length: 37 }, () => 'true');
    wide.set(many, 1);
    expect(wide.get(many)).toBeUndefined();
    expect(wide.size).toBe(0);
  });
});
