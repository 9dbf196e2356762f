/**
 * Shared helpers for the tests (not exported from the package).
 * @internal
 */
import fc from 'fast-check';
import { parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord, PatientRecordInput } from '@kronikerpakker/core';
import type { LevelSuggestion } from './index';

/** @internal the evaluation date of the tests. */
export const asOf = '2027-01-15';

type Needs = NonNullable<PatientRecordInput['needsAssessments']>[number];
type Questionnaire = NonNullable<PatientRecordInput['questionnaires']>[number];

/** @internal a needs assessment with every item recorded and none present. */
export function cleanNeeds(pkg: 'KOL' | 'LRS', overrides: Partial<Needs> = {}): Needs {
  return {
    date: '2026-09-01',
    package: pkg,
    mentalHealthScreenPositive: false,
    livesAloneWithoutNetwork: false,
    caregiverBurden: false,
    languageBarrier: false,
    substanceAbuse: false,
    selfManagement: 'good',
    ...(pkg === 'LRS' ? { jobAtRisk: false } : {}),
    motivation: 'high',
    ...overrides,
  };
}

/** @internal a SILS response. */
export function sils(value: number, date = '2026-09-01'): Questionnaire {
  return { date, instrument: 'SILS', version: '1.0', answers: { sils: value } };
}

/**
 * @internal a STarT Back response with `total` points of which `psychosocial`
 * from items 5-9 (q9 answered 3, "very much", when all five score).
 */
export function startBack(total: number, psychosocial: number, date = '2026-09-01'): Questionnaire {
  const physical = total - psychosocial;
  if (physical < 0 || physical > 4 || psychosocial > 5) throw new Error('impossible STarT Back score');
  const answers: Record<string, number> = {};
  for (let i = 1; i <= 4; i++) answers[`q${String(i)}`] = i <= physical ? 1 : 0;
  for (let i = 5; i <= 8; i++) answers[`q${String(i)}`] = i - 4 <= Math.min(psychosocial, 4) ? 1 : 0;
  answers['q9'] = psychosocial === 5 ? 3 : 0;
  return { date, instrument: 'STarT-Back', version: '1.0', answers };
}

/** @internal an ODI response with all ten sections answered, summing to `sum` (percent = 2 x sum). */
export function odi(sum: number, date = '2026-09-01'): Questionnaire {
  const answers: Record<string, number> = {};
  let left = sum;
  for (let i = 1; i <= 10; i++) {
    const v = Math.min(5, left);
    answers[`s${String(i)}`] = v;
    left -= v;
  }
  return { date, instrument: 'ODI', version: '2.1a', answers };
}

/** @internal a parsed record on {@link asOf}. */
export function parse(input: Omit<PatientRecordInput, 'id' | 'patient'> & { patient?: PatientRecordInput['patient'] }): PatientRecord {
  return parsePatientRecord({ id: 'syn-test', synthetic: true, patient: { birthDate: '1955-04-02', sex: 'female', listed: true }, ...input }, { asOf });
}

/** @internal a KOL patient with GOLD 2 (FEV1 60 %), group A (MRC 2, CAT 5), a clean needs assessment and SILS 1. */
export function kolBase(): Omit<PatientRecordInput, 'id' | 'patient'> {
  return {
    diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-03-01' }],
    spirometry: [{ date: '2026-06-01', ratio: 0.6, fev1PercentPredicted: 60, postBronchodilator: true }],
    mrc: [{ date: '2026-06-01', grade: 2 }],
    cat: [{ date: '2026-06-01', total: 5 }],
    needsAssessments: [cleanNeeds('KOL')],
    questionnaires: [sils(1)],
  };
}

/** @internal an LRS patient with STarT Back low (total 2), ODI 20 %, a clean needs assessment and SILS 1. */
export function lrsBase(): Omit<PatientRecordInput, 'id' | 'patient'> {
  return {
    diagnoses: [{ system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-01-10' }],
    backPainEpisodes: [{ onsetDate: '2026-06-01' }],
    needsAssessments: [cleanNeeds('LRS')],
    questionnaires: [sils(1), startBack(2, 1), odi(10)],
  };
}

/** @internal a diagnosis on the active problem list. */
export function dx(code: string, system: 'ICPC-2' | 'ICD-10' = 'ICPC-2'): NonNullable<PatientRecordInput['diagnoses']>[number] {
  return { system, code, status: 'active', recordedDate: '2024-01-01' };
}

// A patient as a small state; records are built from it, so "add a factor" and
// "fill in missing data" are edits of one field. `null` = not recorded.

/** @internal */
export const NEEDS_ITEMS = ['mentalHealthScreenPositive', 'livesAloneWithoutNetwork', 'caregiverBurden', 'languageBarrier', 'substanceAbuse', 'jobAtRisk'] as const;
/** @internal */
export type NeedsItem = (typeof NEEDS_ITEMS)[number];
/** @internal */
export const CHRONIC = ['T90', 'K77', 'K78', 'R96', 'L95', 'P70', 'K74'] as const;
/** @internal */
export const SELF_MANAGEMENT = ['good', 'partial', 'poor'] as const;

/** @internal a patient as a small state. */
export interface State {
  readonly pkg: 'KOL' | 'LRS';
  readonly fev1: number | null;
  readonly mrc: number | null;
  readonly cat: number | null;
  readonly moderateExacerbations: number;
  readonly hospitalisedExacerbations: number;
  readonly startBack: { readonly total: number; readonly psychosocial: number } | null;
  readonly odiSum: number | null;
  readonly sickLeaveDays: number;
  readonly chronic: readonly string[];
  readonly depression: boolean;
  readonly needs: { readonly [K in NeedsItem]: boolean | null };
  readonly selfManagement: (typeof SELF_MANAGEMENT)[number] | null;
  readonly complexCourse: boolean;
  readonly sils: number | null;
}

/** @internal */
export const startBackArb = fc
  .record({ psychosocial: fc.integer({ min: 0, max: 5 }), physical: fc.integer({ min: 0, max: 4 }) })
  .map(({ psychosocial, physical }) => ({ total: psychosocial + physical, psychosocial }));

/** @internal */
export const stateArb: fc.Arbitrary<State> = fc.record({
  pkg: fc.constantFrom('KOL' as const, 'LRS' as const),
  fev1: fc.option(fc.integer({ min: 15, max: 95 }), { nil: null }),
  mrc: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  cat: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  moderateExacerbations: fc.integer({ min: 0, max: 3 }),
  hospitalisedExacerbations: fc.integer({ min: 0, max: 2 }),
  startBack: fc.option(startBackArb, { nil: null }),
  odiSum: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
  sickLeaveDays: fc.integer({ min: 0, max: 80 }),
  chronic: fc.subarray([...CHRONIC]),
  depression: fc.boolean(),
  needs: fc.record({
    mentalHealthScreenPositive: fc.option(fc.boolean(), { nil: null }),
    livesAloneWithoutNetwork: fc.option(fc.boolean(), { nil: null }),
    caregiverBurden: fc.option(fc.boolean(), { nil: null }),
    languageBarrier: fc.option(fc.boolean(), { nil: null }),
    substanceAbuse: fc.option(fc.boolean(), { nil: null }),
    jobAtRisk: fc.option(fc.boolean(), { nil: null }),
  }),
  selfManagement: fc.option(fc.constantFrom(...SELF_MANAGEMENT), { nil: null }),
  complexCourse: fc.boolean(),
  sils: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});

const day = (offset: number): string => {
  const d = new Date(Date.UTC(2027, 0, 15 - offset));
  return d.toISOString().slice(0, 10);
};

/** @internal the record input of a state. */
export function toInput(s: State): Omit<PatientRecordInput, 'id' | 'patient'> {
  const needs: Record<string, unknown> = { date: '2026-09-01', package: s.pkg };
  for (const item of NEEDS_ITEMS) if (s.needs[item] !== null) needs[item] = s.needs[item];
  if (s.selfManagement !== null) needs['selfManagement'] = s.selfManagement;
  if (s.complexCourse) needs['complexCourse'] = true;
  const questionnaires: NonNullable<PatientRecordInput['questionnaires']> = [];
  if (s.sils !== null) questionnaires.push(sils(s.sils));
  if (s.startBack !== null) questionnaires.push(startBack(s.startBack.total, s.startBack.psychosocial));
  if (s.odiSum !== null) questionnaires.push(odi(s.odiSum));
  return {
    diagnoses: [dx(s.pkg === 'KOL' ? 'R95' : 'L03'), ...s.chronic.map((c) => dx(c)), ...(s.depression ? [dx('P76')] : [])],
    spirometry: [{ date: '2026-06-01', ratio: 0.6, postBronchodilator: true, ...(s.fev1 === null ? {} : { fev1PercentPredicted: s.fev1 }) }],
    mrc: s.mrc === null ? [] : [{ date: '2026-06-01', grade: s.mrc }],
    cat: s.cat === null ? [] : [{ date: '2026-06-01', total: s.cat }],
    exacerbations: [
      ...Array.from({ length: s.moderateExacerbations }, (_, i) => ({ date: day(30 + 40 * i), severity: 'moderate' as const })),
      ...Array.from({ length: s.hospitalisedExacerbations }, (_, i) => ({ date: day(50 + 40 * i), severity: 'hospitalised' as const })),
    ],
    sickLeave: s.sickLeaveDays === 0 ? [] : [{ startDate: day(s.sickLeaveDays), extent: 'full' as const }],
    needsAssessments: [needs as NonNullable<PatientRecordInput['needsAssessments']>[number]],
    questionnaires,
  };
}

/** What the table pins: the level range, severity, factor counts, drivers and missing data. */
export interface Expected {
  readonly level: number;
  readonly min: number;
  readonly max: number;
  readonly determined: boolean;
  readonly severity: string;
  readonly factors: number;
  readonly drivers: readonly string[];
  readonly missing: readonly string[];
}

export function summary(s: LevelSuggestion): Expected {
  return {
    level: s.suggestedLevel,
    min: s.minimumLevel,
    max: s.maximumLevel,
    determined: s.determined,
    severity: s.severity,
    factors: s.complexityFactors,
    drivers: s.drivers.map((d) => d.factor),
    missing: s.missing.map((m) => m.code),
  };
}

export const decided = (level: 1 | 2 | 3, severity: string, factors: number, drivers: string[]): Expected => ({
  level,
  min: level,
  max: level,
  determined: true,
  severity,
  factors,
  drivers,
  missing: [],
});
