/**
 * Shared helpers for the rule tests (not exported from the package).
 * @internal
 */
import { parsePatientRecord } from '../record/parse';
import type { PatientRecord, PatientRecordInput } from '../record/schema';
import type { RulePackDocument } from './pack';

/** @internal a small valid pack used across the tests. */
export function samplePack(overrides: Partial<RulePackDocument> = {}): RulePackDocument {
  return {
    id: 'sample-pack',
    version: '1.0.0',
    title: 'Sample pack (tests)',
    validFrom: '2027-01-01',
    status: 'provisional',
    sources: [{ title: 'Test source' }],
    rules: [
      {
        name: 'adult',
        conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] },
        event: { type: 'criterion', params: { criterion: 'age' } },
      },
      {
        name: 'obstruction',
        priority: 5,
        conditions: {
          all: [
            { fact: 'activeDiagnoses', operator: 'anyInValueSet', value: 'kol-diagnosis' },
            { fact: 'lowestPostBronchodilatorRatio', operator: 'lessThan', value: 0.7 },
          ],
        },
        event: { type: 'criterion', params: { criterion: 'kol' } },
      },
      {
        name: 'either',
        conditions: {
          any: [
            { fact: 'weeksSinceEpisodeOnset', operator: 'greaterThanInclusive', value: 12 },
            { fact: 'backPainEpisodesInLastMonths', params: { months: 12 }, operator: 'greaterThanInclusive', value: 2 },
          ],
        },
        event: { type: 'criterion' },
      },
      {
        name: 'not-declined',
        conditions: {
          not: { fact: 'latestPackageDecision', params: { package: 'KOL' }, operator: 'equal', value: 'declined' },
        },
        event: { type: 'exclusion' },
      },
      {
        name: 'no-red-flag',
        conditions: { all: [{ fact: 'openRedFlagCategories', operator: 'doesNotContain', value: 'cauda-equina' }] },
        event: { type: 'exclusion' },
      },
    ],
    ...overrides,
  };
}

/** @internal a record parsed on 2027-01-15. */
export function record(input: Partial<PatientRecordInput> = {}): PatientRecord {
  return parsePatientRecord(
    { id: 't', patient: { birthDate: '1950-06-01', sex: 'male', listed: true }, ...input },
    { asOf: '2027-01-15' },
  );
}
