// Fuzz tests of the facade's rule-pack loaders (issue 13): loadRulePacks and verifyRulePack answer any
// document (mutated shipped packs, patient records passed by mistake, hostile values) with packs or a
// coded error that repeats no marker or CPR. FUZZ_RUNS raises the runs (docs/privacy-and-errors.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '@kronikerpakker/core';
import type { RulePack } from '@kronikerpakker/core';
import {
  FUZZ_CPRS,
  expectCodedOrResult,
  expectNoThrow,
  fuzzParameters,
  fuzzTimeout,
  hostileValue,
  leakIn,
  mutatedFrom,
} from '@kronikerpakker/test-fixtures/fuzz';
import { loadRulePacks, rulePackKindOf, shippedRulePack, shippedRulePacks, verifyRulePack } from './packs';
import { fixtureRecords } from './test-helpers';

const documentOf = (pack: RulePack): unknown => {
  const { digest: _d, ref: _r, ...doc } = pack;
  return JSON.parse(JSON.stringify(doc)) as unknown;
};
const packs: unknown[] = shippedRulePacks().map((info) => documentOf((shippedRulePack(info.ref.id) as { pack: RulePack }).pack));
const records = fixtureRecords().slice(0, 5);

/** Pack ids and rule names in identifier form are pack content, named on purpose (docs/privacy-and-errors.md). */
const IDENTIFIERS = { identifiers: true } as const;

const documents: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...packs).chain(mutatedFrom) },
  { weight: 1, arbitrary: fc.constantFrom(...records).chain(mutatedFrom) },
  { weight: 1, arbitrary: hostileValue() },
);

describe('fuzz: loadRulePacks and verifyRulePack', () => {
  it(
    'verifyRulePack returns the pack info or throws a coded, value-free error',
    () => {
      fc.assert(
        fc.property(documents, (doc) => {
          expectCodedOrResult(() => verifyRulePack(doc), 'verifyRulePack', IDENTIFIERS);
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );

  it(
    'loadRulePacks does the same for lists of documents, hostile lists and hostile options',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.array(documents, { maxLength: 3 }), hostileValue(1)),
          fc.oneof(fc.constantFrom(undefined, {}, { includeShipped: false }), hostileValue(1)),
          (docs, options) => {
            expectCodedOrResult(() => loadRulePacks(docs as unknown[], options as never), 'loadRulePacks', IDENTIFIERS);
          },
        ),
        fuzzParameters(200),
      );
    },
    fuzzTimeout(),
  );

  it(
    'rulePackKindOf and shippedRulePack never throw',
    () => {
      fc.assert(
        fc.property(hostileValue(1), (id) => {
          expectNoThrow(() => rulePackKindOf(id as string), 'rulePackKindOf');
          expectNoThrow(() => shippedRulePack(id as string), 'shippedRulePack');
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );
});

describe('issue 13: a patient record passed as a pack never puts its id in an error', () => {
  it.each([FUZZ_CPRS[0], FUZZ_CPRS[1], 'MARKER-7f3a'])('id %s', (id) => {
    for (const load of [() => verifyRulePack({ ...records[0], id }), () => loadRulePacks([{ ...records[0], id }]), () => verifyRulePack({ ...(packs[0] as object), id })]) {
      let caught: unknown;
      try {
        load();
      } catch (err) {
        caught = err;
      }
      expect(KronikerpakkerError.is(caught)).toBe(true);
      const e = caught as KronikerpakkerError;
      expect(leakIn(`${e.message}${JSON.stringify(e)}${e.stack ?? ''}`)).toBeUndefined();
    }
  });
});
