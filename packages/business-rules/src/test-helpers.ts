/**
 * Record builders for the business-rules tests (not shipped).
 * @internal
 */
import { parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord, PatientRecordInput } from '@kronikerpakker/core';
import { evaluateCare } from './evaluate';
import type { CareEvaluation } from './types';

/** The evaluation date of most cases. */
export const ASOF = '2027-01-15';

/** A record input with lists replaced (not merged) by the override. */
export type Override = Omit<Partial<PatientRecordInput>, 'patient'> & { patient?: Partial<PatientRecordInput['patient']> };

/**
 * A KOL patient for whom nothing is due on 2027-01-15: R95, post-bronchodilator
 * FEV1/FVC 0.60 and FEV1 65 % (GOLD 2), MRC 2 and CAT 8 (group A, level 1),
 * former smoker, influenza 2026-10-15, pneumococcal 2020, inhaler checked and
 * årsstatus on 2026-06-01; enrolled in the package since 2019-03-01 (the
 * enrolment policy gives package care items only to enrolled patients).
 */
export const KOL_BASE: PatientRecordInput = {
  id: 'kol-case',
  synthetic: true,
  patient: { birthDate: '1955-04-10', sex: 'female', listed: true },
  diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2019-03-01' }],
  spirometry: [{ date: '2026-06-01', ratio: 0.6, fev1PercentPredicted: 65, postBronchodilator: true }],
  mrc: [{ date: '2026-06-01', grade: 2 }],
  cat: [{ date: '2026-06-01', total: 8 }],
  smoking: [{ date: '2026-06-01', status: 'former' }],
  vaccinations: [
    { date: '2020-01-01', vaccine: 'pneumococcal' },
    { date: '2026-10-15', vaccine: 'influenza' },
  ],
  inhalerChecks: [{ date: '2026-06-01', result: 'correct' }],
  encounters: [{ date: '2026-06-01', type: 'aarsstatus', package: 'KOL' }],
  packageDecisions: [{ date: '2019-03-01', package: 'KOL', decision: 'included' }],
};

/**
 * An LRS patient for whom nothing is due on 2027-01-15: L03 since an episode
 * from 2026-09-01, red flags reviewed (absent) on 2026-09-10, STarT Back, ODI
 * and NRS in December 2026; level 1 (low risk); enrolled on 2026-12-01. The
 * STarT Back (version 1.0, total 0) is scored low, so the stratified care
 * suggests self-management (`lrs.self-management`, issue 12): that is the
 * base's only item. (Version '1' was not a supported version: it was recorded
 * but never scored.)
 */
export const LRS_BASE: PatientRecordInput = {
  id: 'lrs-case',
  synthetic: true,
  patient: { birthDate: '1975-04-10', sex: 'male', listed: true },
  diagnoses: [{ system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-09-01' }],
  backPainEpisodes: [{ onsetDate: '2026-09-01' }],
  redFlags: [{ date: '2026-09-10', flag: 'fever', status: 'absent' }],
  questionnaires: [
    { date: '2026-12-01', instrument: 'STarT-Back', version: '1.0', answers: { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 } },
    { date: '2026-12-01', instrument: 'ODI', version: '2.1a', answers: { s1: 1, s2: 1, s3: 1, s4: 1, s5: 1, s6: 1, s7: 1, s8: 1, s9: 1, s10: 1 } },
    { date: '2026-12-01', instrument: 'NRS-pain', version: '1.0', answers: { nrs: 3 } },
  ],
  packageDecisions: [{ date: '2026-12-01', package: 'LRS', decision: 'included' }],
};

/** The base with the override's fields replacing the base's (patient fields merged). */
export function withOverride(base: PatientRecordInput, override: Override): PatientRecordInput {
  const { patient, ...rest } = override;
  return { ...base, ...rest, patient: { ...base.patient, ...patient } };
}

/** Parses on `asOf`. */
export function parse(input: PatientRecordInput, asOf = ASOF): PatientRecord {
  return parsePatientRecord(input, { asOf });
}

/** Evaluates a base with an override. */
export function care(pkg: 'KOL' | 'LRS', override: Override, asOf = ASOF): CareEvaluation {
  const base = pkg === 'KOL' ? KOL_BASE : LRS_BASE;
  return evaluateCare(parse(withOverride(base, override), asOf), { package: pkg, asOf });
}
