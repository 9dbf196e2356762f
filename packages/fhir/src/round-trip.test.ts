import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord, PatientRecordInput } from '@kronikerpakker/core';
import { INSTRUMENT_DEFINITIONS, isScoredInstrument } from '@kronikerpakker/pro';
import { generateBundles, generateRecords, toFhirBundle } from '@kronikerpakker/test-fixtures';
import { fromFhirBundle } from './from-bundle';

const ASOF = '2027-01-15';
const FIXTURE = new URL('../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url);

/**
 * The record as the mapping gives it back: every field is covered, except
 * that a questionnaire read from FHIR lists every item of the instrument
 * (`null` where unanswered), so the expected answers are completed the same way.
 */
function expected(input: PatientRecordInput): PatientRecord {
  const record = parsePatientRecord(input, { asOf: ASOF });
  return {
    ...record,
    questionnaires: record.questionnaires.map((q) => {
      if (!isScoredInstrument(q.instrument)) return q;
      const answers: Record<string, number | null> = {};
      for (const item of INSTRUMENT_DEFINITIONS[q.instrument].items) answers[item.id] = null;
      return { ...q, answers: { ...answers, ...q.answers } };
    }),
  };
}

function roundTrip(input: PatientRecordInput, type: 'collection' | 'transaction' = 'collection'): PatientRecord {
  const result = fromFhirBundle(toFhirBundle(input, { type }), { asOf: ASOF });
  if (!result.success) throw new Error(`mapping failed for ${input.id}: ${result.error.message}`);
  expect(result.report.counts.rejected).toBe(0);
  expect(result.report.counts.ignored).toBe(0);
  expect(result.report.entries.find((e) => e.target === 'patient')?.notes).toBeUndefined();
  return result.record;
}

describe('record -> FHIR Bundle -> record', () => {
  const records = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as PatientRecordInput);

  it('is lossless for every record of the committed fixture (500 patients, all lists of the record model)', () => {
    expect(records).toHaveLength(500);
    for (const input of records) expect(roundTrip(input), input.id).toEqual(expected(input));
  });

  it('covers every list of the record model in the fixture', () => {
    const lists = new Set<string>();
    for (const input of records) {
      const record = roundTrip(input);
      for (const [key, value] of Object.entries(record)) if (Array.isArray(value) && value.length > 0) lists.add(key);
    }
    expect([...lists].sort()).toEqual(
      [
        'admissions',
        'backPainEpisodes',
        'bodyMeasurements',
        'cat',
        'diagnoses',
        'encounters',
        'exacerbations',
        'imaging',
        'inhalerChecks',
        'levelDecisions',
        'mrc',
        'needsAssessments',
        'packageDecisions',
        'questionnaires',
        'redFlags',
        'referrals',
        'sharedPlans',
        'sickLeave',
        'smoking',
        'spirometry',
        'vaccinations',
        'workStatus',
      ].sort(),
    );
  });

  it('is lossless for generated clinics of any seed (property), as collection and as transaction', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.constantFrom('collection' as const, 'transaction' as const), (seed, type) => {
        for (const input of generateRecords({ seed, size: 8, asOf: ASOF })) expect(roundTrip(input, type), input.id).toEqual(expected(input));
      }),
      { numRuns: 40 },
    );
  });

  it('generateBundles yields the Bundles of generateRecords', () => {
    const bundles = [...generateBundles({ seed: 7, size: 3, asOf: ASOF, type: 'transaction' })];
    const inputs = [...generateRecords({ seed: 7, size: 3, asOf: ASOF })];
    expect(bundles).toEqual(inputs.map((r) => toFhirBundle(r, { type: 'transaction' })));
    expect(bundles[0]?.entry[0]?.request).toEqual({ method: 'POST', url: 'Patient' });
  });
});
