// Fuzz tests of the facade's evaluatePatient and explainPatient (issue 13): whatever they are given,
// they return their documented result or throw a KronikerpakkerError with a code and a path, and no
// error holds a marker or a CPR from the input. FUZZ_RUNS raises the runs (docs/privacy-and-errors.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '@kronikerpakker/core';
import { toFhirBundle } from '@kronikerpakker/test-fixtures';
import {
  FUZZ_CPRS,
  FUZZ_MARKER,
  deepValue,
  expectCodedOrResult,
  fuzzParameters,
  fuzzTimeout,
  hostileValue,
  mutatedFrom,
  objectOf,
} from '@kronikerpakker/test-fixtures/fuzz';
import { evaluatePatient } from './evaluate';
import type { EvaluatePatientOptions, PatientEvaluation, PatientInput } from './evaluate';
import { explainPatient } from './explain';
import { ASOF, deterministicPlan, fixtureRecord, fixtureRecords } from './test-helpers';

/** Plan options without callbacks: mutations keep them JSON-like. */
const plainPlan = (({ idGenerator: _i, clock: _c, ...rest }) => rest)(deterministicPlan());

const records = fixtureRecords().slice(0, 40);
const inputs = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...records).chain(mutatedFrom) },
  { weight: 1, arbitrary: fc.constantFrom(...records.slice(0, 5).map((r) => toFhirBundle(r))).chain(mutatedFrom) },
  { weight: 1, arbitrary: hostileValue() },
);

const goodOptions = fc.constantFrom<EvaluatePatientOptions>(
  { asOf: ASOF },
  { asOf: ASOF, packages: ['KOL'] },
  { asOf: ASOF, packages: ['LRS'], unknownFields: 'strip' },
  { asOf: ASOF, plan: deterministicPlan(false) },
);

const badOptions: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue(2),
  fc.constant({ asOf: ASOF }).chain(mutatedFrom),
  fc.constant({ asOf: ASOF, packages: ['KOL', 'LRS'], unknownFields: 'reject' }).chain(mutatedFrom),
  fc.constant({ asOf: ASOF, plan: plainPlan }).chain(mutatedFrom),
  fc.record({ asOf: fc.constant(ASOF), packs: hostileValue(2) }),
  fc.record({ asOf: fc.constant(ASOF), plan: hostileValue(2) }),
);

/** Evaluations to explain, as JSON (as they travel): valid with a plan, invalid, from a FHIR Bundle. */
const evaluations: unknown[] = [
  evaluatePatient(fixtureRecord('syn-2027-15-edge-ratio-070'), { asOf: ASOF, plan: deterministicPlan() }),
  ...records.slice(0, 6).map((r) => evaluatePatient(r, { asOf: ASOF })),
  evaluatePatient({ id: 'x', patient: { birthDate: '2030-01-01', sex: 'x', listed: 1 } } as never, { asOf: ASOF }),
  evaluatePatient(toFhirBundle(records[0]!), { asOf: ASOF }),
].map((e) => JSON.parse(JSON.stringify(e)) as unknown);

const explainOptions: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, {}, { locale: 'da' }, { locale: 'en', digests: true }),
  hostileValue(1),
  fc.record({ locale: hostileValue(0), digests: hostileValue(0) }),
);

describe('fuzz: evaluatePatient', () => {
  it(
    'answers any input with an evaluation (valid or not), or a coded, value-free error',
    () => {
      fc.assert(
        fc.property(inputs, goodOptions, (input, options) => {
          const e = expectCodedOrResult(() => evaluatePatient(input as PatientInput, options), 'evaluatePatient') as PatientEvaluation | undefined;
          // An invalid record is a result: its issues are paths and codes, never values.
          if (e !== undefined && !e.valid) expect(JSON.stringify(e.issues)).not.toMatch(/MARKER-7f3a|101904321|010190-4321/i);
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );

  it(
    'answers bad options with INVALID_ARGUMENT before the input is touched',
    () => {
      fc.assert(
        // Mostly a patient a plan is built for, so that mutated plan options reach the plan builder.
        fc.property(fc.oneof({ weight: 3, arbitrary: fc.constant(fixtureRecord('syn-2027-15-edge-ratio-070')) }, fc.constantFrom(...records.slice(0, 10))), badOptions, (input, options) => {
          expectCodedOrResult(() => evaluatePatient(input, options as EvaluatePatientOptions), 'evaluatePatient (options)');
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );
});

describe('fuzz: explainPatient', () => {
  it(
    'answers any evaluation (mutated, hostile) with lines or INVALID_ARGUMENT, never a TypeError or a value',
    () => {
      fc.assert(
        fc.property(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...evaluations).chain(mutatedFrom) }, { weight: 1, arbitrary: hostileValue() }), explainOptions, (e, options) => {
          const lines = expectCodedOrResult(() => explainPatient(e as PatientEvaluation, options as never), 'explainPatient');
          if (lines !== undefined) expect(Array.isArray(lines)).toBe(true);
        }),
        fuzzParameters(400),
      );
    },
    fuzzTimeout(),
  );
});

describe('issue 13, finding 1: explainPatient checks the evaluation before rendering it', () => {
  const invalid = evaluations.find((e) => !(e as PatientEvaluation).valid) as PatientEvaluation;
  const cases: readonly [string, unknown, readonly (string | number)[]][] = [
    ['null', null, ['evaluation']],
    ['a CPR', FUZZ_CPRS[0], ['evaluation']],
    ['issues: null', { ...invalid, issues: null }, ['evaluation', 'issues']],
    ['a Symbol in an issue path', { ...invalid, issues: [{ path: [Symbol(FUZZ_MARKER)], code: 'required' }] }, ['evaluation', 'issues', 0, 'path', 0]],
    ['a path nested 20,000 deep', { ...invalid, issues: [{ path: [deepValue(20_000, 'array')], code: 'required' }] }, ['evaluation', 'issues', 0, 'path', 0]],
    ['an unknown issue code', { ...invalid, issues: [{ path: [], code: FUZZ_MARKER }] }, ['evaluation', 'issues', 0, 'code']],
    ['a marker as asOf', { ...invalid, asOf: FUZZ_CPRS[1] }, ['evaluation', 'asOf']],
    ['packages: null on a valid evaluation', { ...(evaluations[0] as object), packages: null }, ['evaluation', 'packages']],
    ['a constructor-overwritten object as an evaluation', objectOf([['constructor', FUZZ_MARKER]]), ['evaluation', 'valid']],
  ];
  it.each(cases)('%s: INVALID_ARGUMENT with a path, no TypeError or RangeError', (_name, evaluation, path) => {
    let caught: unknown;
    try {
      explainPatient(evaluation as PatientEvaluation);
    } catch (err) {
      caught = err;
    }
    expect(KronikerpakkerError.is(caught)).toBe(true);
    const e = caught as KronikerpakkerError;
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.path).toEqual(path);
    expect(`${e.message}${JSON.stringify(e)}${e.stack ?? ''}`).not.toMatch(/MARKER-7f3a|4321/);
  });

  it('still explains an evaluation that went through JSON', () => {
    expect(explainPatient(evaluations[0] as PatientEvaluation, { locale: 'en' })[0]).toBe('Record syn-2027-15-edge-ratio-070 · evaluated as of 15 January 2027');
  });
});
