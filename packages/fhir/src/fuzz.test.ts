// Fuzz tests of fromFhirBundle (issue 13): documented never to throw for bad input, it returns a result
// whose error (if any) is coded and value-free; bad options throw INVALID_ARGUMENT, checked before the
// Bundle is touched. FUZZ_RUNS raises the runs (docs/privacy-and-errors.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateBundles } from '@kronikerpakker/test-fixtures';
import {
  FUZZ_CPRS,
  expectCodedOrResult,
  expectNoThrow,
  fuzzParameters,
  fuzzTimeout,
  hostileValue,
  markerString,
  mutatedFrom,
  objectOf,
} from '@kronikerpakker/test-fixtures/fuzz';
import { DEFAULT_FHIR_CODE_MAPS, mergeFhirCodeMaps } from './code-maps';
import { fromFhirBundle, fromFhirBundleOrThrow } from './from-bundle';
import type { FromFhirBundleOptions } from './from-bundle';

const asOf = '2027-01-15';
const bases: unknown[] = [...generateBundles({ seed: 2027, size: 40, asOf })];

const bundles = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...bases).chain(mutatedFrom) }, { weight: 1, arbitrary: hostileValue() });

const goodOptions = fc.constantFrom<FromFhirBundleOptions>(
  { asOf },
  { asOf, listedWhenAbsent: false },
  { asOf, recordId: 'syn-1' },
  { asOf, codeMaps: { observations: { weight: [...DEFAULT_FHIR_CODE_MAPS.observations.weight, { system: 'urn:my-lps', code: 'VAEGT' }] } } },
);

const badOptions: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue(1),
  fc.record({ asOf: hostileValue(0) }),
  fc.record({ asOf: fc.constant(asOf), recordId: hostileValue(0), listedWhenAbsent: hostileValue(0) }, { requiredKeys: ['asOf'] }),
  fc.record({ asOf: fc.constant(asOf), codeMaps: fc.oneof(hostileValue(2), fc.constant(DEFAULT_FHIR_CODE_MAPS).chain(mutatedFrom)) }),
);

describe('fuzz: fromFhirBundle', () => {
  it(
    'never throws for any Bundle: the error it returns is coded and value-free',
    () => {
      fc.assert(
        fc.property(bundles, goodOptions, (bundle, options) => {
          const result = expectNoThrow(() => fromFhirBundle(bundle, options), 'fromFhirBundle') as ReturnType<typeof fromFhirBundle>;
          const thrown = expectCodedOrResult(() => fromFhirBundleOrThrow(bundle, options), 'fromFhirBundleOrThrow');
          expect(result.success).toBe(thrown !== undefined);
        }),
        fuzzParameters(400),
      );
    },
    fuzzTimeout(),
  );

  it(
    'answers bad options with INVALID_ARGUMENT before touching the Bundle',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...bases), badOptions, (bundle, options) => {
          expectCodedOrResult(() => fromFhirBundle(bundle, options as FromFhirBundleOptions), 'fromFhirBundle (options)');
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );

  it(
    'mergeFhirCodeMaps checks its overrides',
    () => {
      fc.assert(
        fc.property(fc.oneof(hostileValue(2), fc.constant(DEFAULT_FHIR_CODE_MAPS).chain(mutatedFrom), fc.dictionary(markerString, hostileValue(1))), (overrides) => {
          expectCodedOrResult(() => mergeFhirCodeMaps(overrides as never), 'mergeFhirCodeMaps');
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );
});

describe('issue 13, finding 1: fromFhirBundle never throws for an odd Bundle', () => {
  it('reads an entry list whose constructor was overwritten like any other', () => {
    const bundle = bases[0] as { entry: unknown[] };
    for (const value of ['x', 1, null, undefined, {}, () => 1]) {
      const entry = [...bundle.entry];
      Object.defineProperty(entry, 'constructor', { value, enumerable: false });
      const result = fromFhirBundle({ ...bundle, entry }, { asOf });
      expect(result.success).toBe(true);
    }
  });

  it('reads nested lists whose constructor was overwritten', () => {
    const bundle = bases[0] as { entry: { resource: Record<string, unknown> }[] };
    const entry = bundle.entry.map((e) => {
      const resource = { ...e.resource };
      for (const key of ['identifier', 'extension', 'coding', 'component', 'type', 'reasonCode', 'item']) {
        const list = resource[key];
        if (Array.isArray(list)) {
          const copy = [...(list as unknown[])];
          Object.defineProperty(copy, 'constructor', { value: null });
          resource[key] = copy;
        }
      }
      return { ...e, resource };
    });
    expect(() => fromFhirBundle({ ...bundle, entry }, { asOf })).not.toThrow();
  });

  it('throws INVALID_ARGUMENT, not a TypeError, for missing options', () => {
    for (const options of [undefined, null, FUZZ_CPRS[0], { asOf, codeMaps: { vaccines: 'x' } }, { asOf, codeMaps: objectOf([[FUZZ_CPRS[0], []]]) }]) {
      let caught: unknown;
      try {
        fromFhirBundle(bases[0], options as never);
      } catch (err) {
        caught = err;
      }
      expect(caught).toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(JSON.stringify(caught) + String(caught)).not.toContain('4321');
    }
  });
});
