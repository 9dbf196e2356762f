// Fuzz tests of the record parsers (issue 13): whatever they are given, parsePatientRecord returns a
// record or throws a coded error, safeParsePatientRecord never throws, and no error holds a value from
// the input. FUZZ_RUNS=20000 raises the runs for a long local run (docs/privacy-and-errors.md).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Relative on purpose: core cannot depend on test-fixtures (which depends on core).
import {
  FUZZ_CPRS,
  FUZZ_MARKER,
  deepValue,
  expectCodedOrResult,
  expectNoThrow,
  fuzzParameters,
  fuzzTimeout,
  hostileValue,
  mutatedFrom,
} from '../../../../test-fixtures/src/fuzz';
import { InvalidRecordError, KronikerpakkerError } from '../errors/errors';
import { parsePatientRecord, safeParsePatientRecord } from './parse';
import type { ParseRecordOptions } from './parse';

const asOf = '2027-01-15';

/** Valid records of every shape, from the committed synthetic clinic. */
const bases: unknown[] = readFileSync(new URL('../../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0)
  .slice(0, 80)
  .map((line) => JSON.parse(line) as unknown);

const validOptions: fc.Arbitrary<ParseRecordOptions> = fc.constantFrom<ParseRecordOptions>(
  { asOf },
  { asOf, unknownFields: 'reject' },
  { asOf, unknownFields: 'strip' },
);

const hostileOptions: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue(2),
  fc.record({ asOf: hostileValue(1) }),
  fc.record({ asOf: fc.constant(asOf), unknownFields: hostileValue(1) }),
);

/** Both parsers on one input: the safe one never throws, the other returns or throws a clean coded error. */
function parseBoth(input: unknown, options: unknown): void {
  const safe = expectNoThrow(() => safeParsePatientRecord(input, options as ParseRecordOptions), 'safeParsePatientRecord');
  const thrown = expectCodedOrResult(() => parsePatientRecord(input, options as ParseRecordOptions), 'parsePatientRecord');
  // The two agree: a record from one is a record from the other.
  expect((safe as { success: boolean }).success).toBe(thrown !== undefined);
}

describe('fuzz: parsePatientRecord and safeParsePatientRecord', () => {
  it(
    'answer hostile values of any type with a record or a coded, value-free error',
    () => {
      fc.assert(
        fc.property(hostileValue(), validOptions, (input, options) => {
          parseBoth(input, options);
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );

  it(
    'answer mutated records (markers and CPRs in every field, odd keys, overwritten constructors) the same way',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...bases).chain(mutatedFrom), validOptions, (input, options) => {
          parseBoth(input, options);
        }),
        fuzzParameters(400),
      );
    },
    fuzzTimeout(),
  );

  it(
    'answer hostile options: the safe parser returns the error, the other throws INVALID_ARGUMENT',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...bases), hostileOptions, (input, options) => {
          parseBoth(input, options);
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );
});

describe('issue 13, finding 1: the record parsers check their options before touching them', () => {
  it.each([
    ['undefined', undefined, ['options'], 'required'],
    ['null', null, ['options'], 'required'],
    ['a string', '2027-01-15', ['options'], 'invalid-type'],
    ['no asOf', {}, ['asOf'], 'required'],
    ['a numeric asOf', { asOf: 20270115 }, ['asOf'], 'invalid-type'],
    ['a malformed asOf', { asOf: '15-01-2027' }, ['asOf'], 'invalid-format'],
    ['an impossible asOf', { asOf: '2027-02-30' }, ['asOf'], 'invalid-date'],
    ['an unknown policy', { asOf, unknownFields: 'keep' }, ['options', 'unknownFields'], 'invalid-value'],
  ])('options %s: safeParsePatientRecord returns the error, parsePatientRecord throws INVALID_ARGUMENT', (_name, options, path, code) => {
    const result = safeParsePatientRecord({}, options as unknown as ParseRecordOptions);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error).toBeInstanceOf(InvalidRecordError);
      expect(result.error.issues).toEqual([{ path, code }]);
    }
    let caught: unknown;
    try {
      parsePatientRecord({}, options as unknown as ParseRecordOptions);
    } catch (err) {
      caught = err;
    }
    expect(KronikerpakkerError.is(caught)).toBe(true);
    expect(caught).not.toBeInstanceOf(TypeError);
    expect((caught as KronikerpakkerError).code).toBe('INVALID_ARGUMENT');
    expect((caught as KronikerpakkerError).path).toEqual(path);
  });

  it('a CPR given as the options, or in them, never reaches the error', () => {
    for (const options of [FUZZ_CPRS[0], { asOf: FUZZ_CPRS[1] }, { asOf, unknownFields: FUZZ_MARKER }]) {
      const result = safeParsePatientRecord({}, options as unknown as ParseRecordOptions);
      expect(JSON.stringify(result)).not.toContain('4321');
      expect(JSON.stringify(result)).not.toContain(FUZZ_MARKER);
    }
  });

  it('a value whose length zod cannot compare is a wrong type at its path, not a TypeError from zod', () => {
    for (const length of [Object.create(null) as object, Symbol(FUZZ_MARKER)]) {
      const input = {
        id: { length },
        patient: { birthDate: '1950-05-04', sex: 'female', listed: true },
        diagnoses: [{ system: 'ICPC-2', code: { length }, status: 'active', recordedDate: '2020-01-01' }],
      };
      const result = safeParsePatientRecord(input, { asOf });
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(result.error.issues).toEqual([
          { path: ['id'], code: 'invalid-type' },
          { path: ['diagnoses', 0, 'code'], code: 'invalid-type' },
        ]);
      }
      expect(() => parsePatientRecord(input, { asOf })).toThrow(InvalidRecordError);
    }
  });

  it('a record nested 20,000 levels deep in a field is an invalid record, not a stack overflow', () => {
    const input = { id: 'p1', patient: { birthDate: '1950-05-04', sex: 'female', listed: true }, diagnoses: deepValue(20_000, 'array') };
    const result = safeParsePatientRecord(input, { asOf });
    expect(result.success).toBe(false);
  });
});
