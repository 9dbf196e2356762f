import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestLevel } from './index';
import type { LevelSuggestion } from './index';
import { CHRONIC, NEEDS_ITEMS, SELF_MANAGEMENT, asOf, parse, startBackArb, stateArb, toInput } from './test-helpers';
import type { State } from './test-helpers';

const level = (s: State): LevelSuggestion => suggestLevel(parse(toInput(s)), { package: s.pkg, asOf });

/** One change that adds a complexity factor or raises severity (never the reverse). */
const raiseArb: fc.Arbitrary<(s: State) => State> = fc.oneof(
  fc.constantFrom(...CHRONIC).map((c) => (s: State) => ({ ...s, chronic: s.chronic.includes(c) ? s.chronic : [...s.chronic, c] })),
  fc.constant((s: State) => ({ ...s, depression: true })),
  fc.constantFrom(...NEEDS_ITEMS).map((item) => (s: State) => ({ ...s, needs: { ...s.needs, [item]: true } })),
  fc.constantFrom('partial' as const, 'poor' as const).map((v) => (s: State) => ({
    ...s,
    selfManagement: s.selfManagement === 'poor' ? 'poor' : s.selfManagement === 'partial' && v === 'partial' ? 'partial' : v,
  })),
  fc.integer({ min: 3, max: 5 }).map((v) => (s: State) => ({ ...s, sils: Math.max(s.sils ?? 1, v) })),
  fc.integer({ min: 1, max: 60 }).map((d) => (s: State) => ({ ...s, sickLeaveDays: Math.min(80, s.sickLeaveDays + d) })),
  fc.constant((s: State) => ({ ...s, complexCourse: true })),
  // Severity.
  fc.integer({ min: 1, max: 4 }).map((d) => (s: State) => ({ ...s, mrc: Math.min(5, (s.mrc ?? 1) + d) })),
  fc.integer({ min: 1, max: 20 }).map((d) => (s: State) => ({ ...s, cat: Math.min(40, (s.cat ?? 0) + d) })),
  fc.constant((s: State) => ({ ...s, moderateExacerbations: Math.min(3, s.moderateExacerbations + 1) })),
  fc.constant((s: State) => ({ ...s, hospitalisedExacerbations: Math.min(2, s.hospitalisedExacerbations + 1) })),
  fc.integer({ min: 1, max: 40 }).map((d) => (s: State) => ({ ...s, fev1: Math.max(15, (s.fev1 ?? 95) - d) })),
  fc.integer({ min: 0, max: 2 }).map((d) => (s: State) => {
    const sb = s.startBack ?? { total: 0, psychosocial: 0 };
    const psychosocial = Math.min(5, sb.psychosocial + d);
    return { ...s, startBack: { psychosocial, total: Math.min(psychosocial + 4, Math.max(sb.total, psychosocial) + 1) } };
  }),
  fc.integer({ min: 1, max: 30 }).map((d) => (s: State) => ({ ...s, odiSum: Math.min(50, (s.odiSum ?? 0) + d) })),
);

/** Fills in data that are missing, and only that: a value for each field that is null now (where it is a gap). */
const fillArb = fc.record({
  fev1: fc.option(fc.integer({ min: 15, max: 95 }), { nil: undefined }),
  mrc: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  startBack: fc.option(startBackArb, { nil: undefined }),
  odiSum: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
  needs: fc.record({
    mentalHealthScreenPositive: fc.option(fc.boolean(), { nil: undefined }),
    livesAloneWithoutNetwork: fc.option(fc.boolean(), { nil: undefined }),
    caregiverBurden: fc.option(fc.boolean(), { nil: undefined }),
    languageBarrier: fc.option(fc.boolean(), { nil: undefined }),
    substanceAbuse: fc.option(fc.boolean(), { nil: undefined }),
    jobAtRisk: fc.option(fc.boolean(), { nil: undefined }),
  }),
  selfManagement: fc.option(fc.constantFrom(...SELF_MANAGEMENT), { nil: undefined }),
  sils: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
});

function fill(s: State, f: typeof fillArb extends fc.Arbitrary<infer T> ? T : never): State {
  const needs = { ...s.needs };
  for (const item of NEEDS_ITEMS) if (needs[item] === null && f.needs[item] !== undefined) needs[item] = f.needs[item];
  return {
    ...s,
    fev1: s.fev1 ?? f.fev1 ?? null,
    // The GOLD group is decided by either MRC or CAT: it is a gap only when both are missing.
    mrc: s.mrc === null && s.cat === null ? (f.mrc ?? null) : s.mrc,
    startBack: s.startBack ?? f.startBack ?? null,
    odiSum: s.odiSum ?? f.odiSum ?? null,
    needs,
    selfManagement: s.selfManagement ?? f.selfManagement ?? null,
    sils: s.sils ?? f.sils ?? null,
  };
}

describe('properties of the level', () => {
  it('the suggestion is the minimum, within [minimum, maximum], never below 1; determined iff they meet', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const r = level(s);
        expect(r.suggestedLevel).toBe(r.minimumLevel);
        expect(r.minimumLevel).toBeGreaterThanOrEqual(1);
        expect(r.minimumLevel).toBeLessThanOrEqual(r.maximumLevel);
        expect(r.determined).toBe(r.minimumLevel === r.maximumLevel);
        expect(r.missing.length === 0).toBe(r.determined);
        expect(r.complexityFactors).toBeLessThanOrEqual(r.possibleComplexityFactors);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone: adding a complexity factor or raising severity never lowers the level', () => {
    fc.assert(
      fc.property(stateArb, raiseArb, (s, raise) => {
        const before = level(s);
        const after = level(raise(s));
        expect(after.suggestedLevel).toBeGreaterThanOrEqual(before.suggestedLevel);
        expect(after.complexityFactors).toBeGreaterThanOrEqual(before.complexityFactors);
      }),
      { numRuns: 400 },
    );
  });

  it('is decided when determined: a minimum of 3 is always determined', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const r = level(s);
        if (r.minimumLevel === 3) {
          expect(r.determined).toBe(true);
          expect(r.missing).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('filling in missing data never moves the level outside [minimum, maximum]', () => {
    fc.assert(
      fc.property(stateArb, fillArb, (s, f) => {
        const before = level(s);
        const after = level(fill(s, f));
        expect(after.suggestedLevel).toBeGreaterThanOrEqual(before.minimumLevel);
        expect(after.suggestedLevel).toBeLessThanOrEqual(before.maximumLevel);
        expect(after.maximumLevel).toBeLessThanOrEqual(before.maximumLevel);
        if (before.determined) expect(after.suggestedLevel).toBe(before.suggestedLevel);
      }),
      { numRuns: 400 },
    );
  });

  it('a complete record is always determined', () => {
    const complete = stateArb.map((s) =>
      fill(s, {
        fev1: 60,
        mrc: 2,
        startBack: { total: 2, psychosocial: 1 },
        odiSum: 10,
        needs: { mentalHealthScreenPositive: false, livesAloneWithoutNetwork: false, caregiverBurden: false, languageBarrier: false, substanceAbuse: false, jobAtRisk: false },
        selfManagement: 'good',
        sils: 1,
      }),
    );
    fc.assert(
      fc.property(complete, (s) => {
        expect(level(s).determined).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
