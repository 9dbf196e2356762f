/**
 * The evaluator writes the common operators out inline in a leaf's truth
 * closure (and memoises value-set membership per fact and value set). The
 * trace closure still goes through each operator's own prepared predicate, so
 * "truth equals the trace's result" for every rule, over generated records,
 * checks the inlined forms against the operators' definitions. Groups a pack
 * repeats are memoised per patient; the same check covers them (the scope
 * below is true, false or unknown across the generated records).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRulePack, evaluateRulePack } from './evaluate';
import { createFactContext } from './facts';
import type { Condition, LeafCondition } from './pack';
import { loadRulePack } from './pack';
import { RED_FLAG_CODES } from '../record/vocabulary';
import { record, samplePack } from './test-helpers';

const asOf = '2027-01-15';

const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'] as const;
const CATEGORIES = ['cauda-equina', 'malignancy', 'infection', 'fracture', 'inflammatory', 'neurological-deficit'] as const;

const leaves: LeafCondition[] = [
  ...NUMERIC.flatMap((operator) => [17, 18, 30, 65].map((value) => ({ fact: 'age', operator, value }))),
  ...NUMERIC.map((operator) => ({ fact: 'lowestPostBronchodilatorRatio', operator, value: 0.7 })),
  { fact: 'listed', operator: 'equal', value: true },
  { fact: 'listed', operator: 'notEqual', value: true },
  { fact: 'sex', operator: 'equal', value: 'female' },
  { fact: 'latestPackageDecision', params: { package: 'KOL' }, operator: 'equal', value: 'declined' },
  { fact: 'latestPackageDecision', params: { package: 'KOL' }, operator: 'in', value: ['declined', 'ended'] },
  { fact: 'latestPackageDecision', params: { package: 'KOL' }, operator: 'notIn', value: ['declined', 'followed-in-hospital', 'ended'] },
  ...CATEGORIES.flatMap((value) => [
    { fact: 'openRedFlagCategories', operator: 'contains', value },
    { fact: 'openRedFlagCategories', operator: 'doesNotContain', value },
  ]),
  ...['kol-diagnosis', 'lrs-diagnosis'].flatMap((value) => [
    { fact: 'activeDiagnoses', operator: 'anyInValueSet', value },
    { fact: 'activeDiagnoses', operator: 'noneInValueSet', value },
  ]),
];

const SCOPE: Condition = {
  name: 'scope',
  all: [
    { fact: 'activeDiagnoses', operator: 'anyInValueSet', value: 'kol-diagnosis' },
    { fact: 'latestPackageDecision', params: { package: 'KOL' }, operator: 'notIn', value: ['declined', 'ended'] },
    { fact: 'lowestPostBronchodilatorRatio', operator: 'lessThan', value: 0.7 },
  ],
};

// One rule per leaf, alone and under `not`, so single-child groups (whose truth is the child's) are covered too.
const pack = compileRulePack(
  loadRulePack(
    samplePack({
      id: 'leaf-operators',
      rules: leaves.flatMap((leaf, i) => [
        { name: `leaf-${String(i)}`, conditions: { all: [leaf] }, event: { type: 'criterion' } },
        { name: `not-${String(i)}`, conditions: { not: leaf }, event: { type: 'criterion' } },
        { name: `pair-${String(i)}`, conditions: { any: [leaf, { fact: 'listed', operator: 'equal', value: false }] }, event: { type: 'criterion' } },
        // The same group in every rule, as care packs repeat their scope: its truth is memoised per patient.
        { name: `scoped-${String(i)}`, conditions: { all: [SCOPE, leaf] }, event: { type: 'criterion' } },
        { name: `scoped-not-${String(i)}`, conditions: { any: [{ not: SCOPE }, leaf] }, event: { type: 'criterion' } },
      ]),
    }),
  ),
);

const FLAGS = RED_FLAG_CODES;

describe('inlined leaf operators', () => {
  it('give the same result as the operators\u2019 own predicates (the trace) on generated records', () => {
    const arb = fc.record({
      birthYear: fc.integer({ min: 1930, max: 2025 }),
      birthDay: fc.constantFrom('01-15', '01-16', '06-15', '02-28'),
      sex: fc.constantFrom('female', 'male'),
      listed: fc.boolean(),
      ratios: fc.array(fc.integer({ min: 30, max: 95 }).map((n) => n / 100), { maxLength: 3 }),
      decision: fc.constantFrom(undefined, 'declined', 'included', 'ended'),
      flags: fc.array(fc.record({ flag: fc.constantFrom(...FLAGS), status: fc.constantFrom('present', 'absent', 'cleared') }), { maxLength: 3 }),
      codes: fc.array(fc.constantFrom('R95', 'L03', 'L84', 'R96', 'DJ449', 'DM545', 'DI10'), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(arb, (g) => {
        const r = record({
          patient: { birthDate: `${String(g.birthYear)}-${g.birthDay}`, sex: g.sex, listed: g.listed },
          spirometry: g.ratios.map((ratio) => ({ date: '2026-05-01', ratio, postBronchodilator: true })),
          packageDecisions: g.decision === undefined ? [] : [{ date: '2026-01-01', package: 'KOL', decision: g.decision }],
          redFlags: g.flags.map((f) => ({ date: '2026-01-01', flag: f.flag, status: f.status })),
          diagnoses: g.codes.map((code) => ({
            system: code.startsWith('D') ? 'SKS' : 'ICPC-2',
            code,
            status: 'active',
            recordedDate: '2026-01-01',
          })),
        });
        const evaluation = evaluateRulePack(pack, createFactContext(r, asOf));
        const fromTraces = evaluateRulePack(pack, createFactContext(r, asOf)).results.map((x) => x.trace.result);
        expect(evaluation.truths).toEqual(fromTraces);
      }),
      { numRuns: 300 },
    );
  });

  it('covers every operator the evaluator writes out inline', () => {
    expect(new Set(leaves.map((l) => l.operator))).toEqual(
      new Set([...NUMERIC, 'in', 'notIn', 'contains', 'doesNotContain', 'anyInValueSet', 'noneInValueSet']),
    );
  });
});
