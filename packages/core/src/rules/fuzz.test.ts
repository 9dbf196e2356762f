// Fuzz tests of the rule-pack loader (issue 13): loadRulePack, createRulePackSet and select return or
// throw a coded error (INVALID_RULE_PACK, INVALID_ARGUMENT) that never repeats a marker or a CPR from
// the document, and no document (deep, huge, odd keys) exhausts the stack. FUZZ_RUNS raises the runs.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Relative on purpose: core cannot depend on test-fixtures (which depends on core).
import {
  FUZZ_CPRS,
  FUZZ_MARKER,
  deepValue,
  expectCodedOrResult,
  fuzzParameters,
  fuzzTimeout,
  hostileValue,
  leakIn,
  mutatedFrom,
  objectOf,
} from '../../../../test-fixtures/src/fuzz';
import { InvalidRulePackError, KronikerpakkerError } from '../errors/errors';
import { RULE_PACK_LIMITS, loadRulePack } from './pack';
import type { RulePackDocument } from './pack';
import { createRulePackSet } from './registry';
import { samplePack } from './test-helpers';

const shipped = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as unknown;
const bases: unknown[] = [
  samplePack(),
  shipped('inclusion/packs/kol-inclusion.json'),
  shipped('inclusion/packs/lrs-inclusion.json'),
  // Packs of other kinds use facts the core catalogue lacks: their unknown-fact errors are checked too.
  shipped('business-rules/packs/kol-care.json'),
  shipped('differentiation/packs/lrs-differentiation.json'),
];

/** Pack ids and rule names in identifier form are pack content, named on purpose (docs/privacy-and-errors.md). */
const IDENTIFIERS = { identifiers: true } as const;

const documents: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...bases).chain(mutatedFrom) },
  { weight: 1, arbitrary: hostileValue() },
);

describe('fuzz: loadRulePack and createRulePackSet', () => {
  it(
    'loadRulePack returns a pack or throws a coded, value-free error',
    () => {
      fc.assert(
        fc.property(documents, (doc) => {
          expectCodedOrResult(() => loadRulePack(doc), 'loadRulePack', IDENTIFIERS);
        }),
        fuzzParameters(400),
      );
    },
    fuzzTimeout(),
  );

  it(
    'createRulePackSet and select do the same for lists of documents, hostile lists and hostile options',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.array(documents, { maxLength: 3 }), hostileValue(1)),
          fc.oneof(fc.constant(undefined), fc.constant({}), hostileValue(1)),
          fc.oneof(fc.constantFrom('kol-inclusion', 'sample-pack'), hostileValue(0)),
          fc.oneof(fc.constantFrom('2027-01-15', '2020-01-01'), hostileValue(0)),
          (packs, options, id, asOf) => {
            const set = expectCodedOrResult(() => createRulePackSet(packs as unknown[], options as never), 'createRulePackSet', IDENTIFIERS) as
              | ReturnType<typeof createRulePackSet>
              | undefined;
            if (set !== undefined) expectCodedOrResult(() => set.select(id as string, asOf as string), 'RulePackSet.select', IDENTIFIERS);
          },
        ),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );
});

describe('issue 13: the rule-pack loader checks sizes and never repeats an input value', () => {
  it('rejects a condition nested 20,000 levels deep as too-large, without a stack overflow', () => {
    const doc = samplePack({ rules: [{ name: 'deep', conditions: deepValue(20_000, 'not') as never, event: { type: 'x' } }] });
    let caught: unknown;
    try {
      loadRulePack(doc);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidRulePackError);
    expect((caught as InvalidRulePackError).issues).toEqual([{ path: [], code: 'too-large' }]);
  });

  it('rejects a document with more values than the limit as too-large', () => {
    const doc = samplePack({ parameters: { big: new Array<number>(RULE_PACK_LIMITS.maxValues).fill(0) } });
    expect(() => loadRulePack(doc)).toThrow(expect.objectContaining({ code: 'INVALID_RULE_PACK', issues: [{ path: [], code: 'too-large' }] }) as Error);
  });

  it('names a pack id and a rule name only in their identifier forms', () => {
    const cases: RulePackDocument[] = [
      { ...samplePack(), id: FUZZ_CPRS[0] },
      { ...samplePack(), id: FUZZ_MARKER },
      samplePack({ rules: [{ name: FUZZ_CPRS[1], conditions: { all: [{ fact: 'nope', operator: 'equal', value: 1 }] }, event: { type: 'x' } }] }),
      samplePack({ parameters: objectOf([[FUZZ_CPRS[0], Number.NaN]]) as never }),
    ];
    for (const doc of cases) {
      let caught: unknown;
      try {
        loadRulePack(doc);
      } catch (err) {
        caught = err;
      }
      expect(KronikerpakkerError.is(caught)).toBe(true);
      const e = caught as InvalidRulePackError;
      expect(leakIn(`${e.message} ${JSON.stringify(e)} ${e.stack ?? ''}`)).toBeUndefined();
    }
  });

  it('a value whose length zod cannot compare is a shape error, not a TypeError from zod', () => {
    const doc = { ...samplePack(), title: { length: Object.create(null) as object }, sources: { length: Symbol(FUZZ_MARKER) } };
    expect(() => loadRulePack(doc)).toThrow(InvalidRulePackError);
  });

  it('checks the options and the list before reading them', () => {
    expect(() => createRulePackSet('kol-inclusion' as never)).toThrow(expect.objectContaining({ code: 'INVALID_RULE_PACK' }) as Error);
    expect(() => loadRulePack(samplePack(), null as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['options'] }) as Error);
    expect(() => loadRulePack(samplePack(), { facts: {} as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['options', 'facts'] }) as Error);
    const list: unknown[] = [samplePack()];
    Object.defineProperty(list, 'constructor', { value: 'x' });
    expect(createRulePackSet(list).packs).toHaveLength(1);
  });
});
