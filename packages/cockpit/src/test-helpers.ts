/**
 * A hand-built clinic of 20 SYNTHETIC patients for the cockpit tests
 * (not shipped). Evaluation date 2027-03-15. CPR numbers only from core's `syntheticCpr`.
 *
 * @internal
 */
import { syntheticCpr } from '@kronikerpakker/core';
import type { PatientRecordInput } from '@kronikerpakker/core';

let serial = 0;
/** A synthetic CPR for the birth date and sex (fails modulus 11 on purpose). */
function cpr(birthDate: string, sex: 'female' | 'male'): string {
  serial++;
  return syntheticCpr(birthDate, sex, serial);
}

/** The evaluation date of the clinic. */
export const CLINIC_AS_OF = '2027-03-15';

const R95 = { system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2018-02-01' } as const;
const L03 = { system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-09-01' } as const;

function cat(date: string, value: number): PatientRecordInput['questionnaires'] {
  const answers: Record<string, number> = {};
  for (let i = 1; i <= 8; i++) answers[`cat${String(i)}`] = value;
  return [{ date, instrument: 'CAT', version: '1.0', answers }];
}

/** STarT Back with the first `yes` items answered 1 (item 9: 0 or 3). */
function startBack(date: string, yes: number): NonNullable<PatientRecordInput['questionnaires']>[number] {
  const answers: Record<string, number> = {};
  for (let i = 1; i <= 8; i++) answers[`q${String(i)}`] = i <= yes ? 1 : 0;
  answers['q9'] = yes >= 9 ? 3 : 0;
  return { date, instrument: 'STarT-Back', version: '1.0', answers };
}

function odi(date: string): NonNullable<PatientRecordInput['questionnaires']>[number] {
  const answers: Record<string, number> = {};
  for (let i = 1; i <= 10; i++) answers[`s${String(i)}`] = 1;
  return { date, instrument: 'ODI', version: '2.1a', answers };
}

function nrs(date: string): NonNullable<PatientRecordInput['questionnaires']>[number] {
  return { date, instrument: 'NRS-pain', version: '1.0', answers: { nrs: 3 } };
}

/** A KOL patient with everything up to date on 2027-03-15: GOLD 2, group A, level 1. */
function kol(id: string, extra: Partial<PatientRecordInput> = {}): PatientRecordInput {
  return {
    id,
    synthetic: true,
    patient: { cpr: cpr('1955-04-10', 'female'), birthDate: '1955-04-10', sex: 'female', listed: true },
    diagnoses: [R95],
    spirometry: [{ date: '2026-10-01', ratio: 0.6, fev1PercentPredicted: 65, postBronchodilator: true }],
    mrc: [{ date: '2026-10-01', grade: 2 }],
    questionnaires: cat('2026-10-01', 1),
    smoking: [{ date: '2026-10-01', status: 'former' }],
    vaccinations: [
      { date: '2020-01-01', vaccine: 'pneumococcal' },
      { date: '2026-10-15', vaccine: 'influenza' },
    ],
    inhalerChecks: [{ date: '2026-10-01', result: 'correct' }],
    encounters: [{ date: '2026-10-01', type: 'aarsstatus', package: 'KOL' }],
    packageDecisions: [{ date: '2026-01-10', package: 'KOL', decision: 'included' }],
    sharedPlans: [{ date: '2026-10-02', package: 'KOL', documentId: `doc-${id}` }],
    ...extra,
  };
}

/** An LRS patient with everything up to date on 2027-03-15: L03 for 28 weeks, STarT Back low, level 1. */
function lrs(id: string, extra: Partial<PatientRecordInput> = {}): PatientRecordInput {
  return {
    id,
    synthetic: true,
    patient: { cpr: cpr('1975-04-10', 'male'), birthDate: '1975-04-10', sex: 'male', listed: true },
    diagnoses: [L03],
    backPainEpisodes: [{ onsetDate: '2026-09-01' }],
    redFlags: [{ date: '2026-09-10', flag: 'fever', status: 'absent' }],
    questionnaires: [startBack('2027-02-01', 1), odi('2027-02-01'), nrs('2027-02-01')],
    packageDecisions: [{ date: '2026-10-01', package: 'LRS', decision: 'included' }],
    sharedPlans: [{ date: '2026-10-02', package: 'LRS' }],
    ...extra,
  };
}

/**
 * The 20 patients, in input order (position = index + 1). What each is for:
 *
 * - k01 KOL enrolled, all up to date (group A, level 1).
 * - k02 KOL enrolled, årsstatus overdue (last 2025-12-01), current smoker.
 * - k03 KOL enrolled, årsstatus due 2027-04-01, spirometry 2025-03-01 (over 24 months).
 * - k04 KOL enrolled, two moderate exacerbations in 12 months (group E), no plan shared.
 * - k05 KOL eligible, no package decision: a candidate.
 * - k06 KOL enrolled, diagnosis resolved: no longer eligible.
 * - k07 KOL diagnosis without any spirometry: insufficient data.
 * - k08 KOL declined the package: excluded.
 * - k09 KOL enrolled, clinician decided level 3.
 * - k10 KOL enrolled, never an årsstatus, no CAT.
 * - k11 KOL enrolled, deceased: no longer eligible.
 * - l01 LRS enrolled, all up to date (STarT Back low, level 1), årsstatus without a package 2026-11-01.
 * - l02 LRS enrolled, an open red flag: urgent, excluded; clinician decided level 3.
 * - l03 LRS enrolled, on full sick leave since 2027-01-01.
 * - l04 LRS eligible, no decision, no STarT Back: a candidate.
 * - l05 LRS enrolled, STarT Back high, follow-up 2026-06-01 overdue.
 * - l06 LRS diagnosis, 4 weeks of pain only: not eligible, not enrolled.
 * - l07 LRS enrolled, clinician decided level 2, no plan shared, STarT Back 2026-08-01 (over 6 months).
 * - b01 both KOL and LRS enrolled.
 * - n01 no package diagnosis or decision: in no profile.
 */
export const CLINIC: readonly PatientRecordInput[] = [
  kol('k01'),
  kol('k02', {
    spirometry: [{ date: '2025-12-01', ratio: 0.55, fev1PercentPredicted: 60, postBronchodilator: true }],
    smoking: [{ date: '2025-12-01', status: 'current' }],
    encounters: [{ date: '2025-12-01', type: 'aarsstatus', package: 'KOL' }],
    sharedPlans: [{ date: '2025-12-02', package: 'KOL' }],
  }),
  kol('k03', {
    spirometry: [{ date: '2025-03-01', ratio: 0.6, fev1PercentPredicted: 62, postBronchodilator: true }],
    encounters: [{ date: '2026-04-01', type: 'aarsstatus' }],
  }),
  kol('k04', {
    exacerbations: [
      { date: '2026-06-10', severity: 'moderate' },
      { date: '2026-11-20', severity: 'moderate' },
    ],
    sharedPlans: [],
  }),
  kol('k05', { packageDecisions: [], sharedPlans: [] }),
  kol('k06', { diagnoses: [{ ...R95, status: 'resolved', resolvedDate: '2026-12-01' }] }),
  kol('k07', { spirometry: [], packageDecisions: [], sharedPlans: [] }),
  kol('k08', { packageDecisions: [{ date: '2026-05-01', package: 'KOL', decision: 'declined' }], sharedPlans: [] }),
  kol('k09', { levelDecisions: [{ date: '2026-10-01', package: 'KOL', level: 3, reason: 'Synthetic: many comorbidities.' }] }),
  kol('k10', { encounters: [], questionnaires: [] }),
  kol('k11', { patient: { cpr: cpr('1940-02-02', 'male'), birthDate: '1940-02-02', sex: 'male', listed: true, deceasedDate: '2027-02-01' } }),
  lrs('l01', { encounters: [{ date: '2026-11-01', type: 'aarsstatus' }] }),
  lrs('l02', {
    redFlags: [{ date: '2027-03-01', flag: 'saddle-anaesthesia', status: 'present' }],
    levelDecisions: [{ date: '2026-10-01', package: 'LRS', level: 3, reason: 'Synthetic: complex course.' }],
  }),
  lrs('l03', { sickLeave: [{ startDate: '2027-01-01', extent: 'full', backPainRelated: true }] }),
  lrs('l04', { questionnaires: [], packageDecisions: [], sharedPlans: [] }),
  lrs('l05', {
    questionnaires: [startBack('2027-02-01', 9), odi('2027-02-01'), nrs('2027-02-01')],
    encounters: [{ date: '2026-06-01', type: 'follow-up', package: 'LRS' }],
  }),
  lrs('l06', { backPainEpisodes: [{ onsetDate: '2027-02-15' }], diagnoses: [{ ...L03, recordedDate: '2027-02-15' }], redFlags: [{ date: '2027-02-15', flag: 'fever', status: 'absent' }], packageDecisions: [], sharedPlans: [] }),
  lrs('l07', {
    levelDecisions: [{ date: '2026-10-01', package: 'LRS', level: 2, reason: 'Synthetic: job at risk.' }],
    questionnaires: [startBack('2026-08-01', 1), odi('2027-02-01'), nrs('2027-02-01')],
    sharedPlans: [],
  }),
  {
    ...kol('b01'),
    diagnoses: [R95, L03],
    backPainEpisodes: [{ onsetDate: '2026-09-01' }],
    redFlags: [{ date: '2026-09-10', flag: 'fever', status: 'absent' }],
    questionnaires: [...(cat('2026-10-01', 1) ?? []), startBack('2027-02-01', 1), odi('2027-02-01'), nrs('2027-02-01')],
    packageDecisions: [
      { date: '2026-01-10', package: 'KOL', decision: 'included' },
      { date: '2026-10-01', package: 'LRS', decision: 'included' },
    ],
    sharedPlans: [
      { date: '2026-10-02', package: 'KOL' },
      { date: '2026-10-02', package: 'LRS' },
    ],
  },
  { id: 'n01', synthetic: true, patient: { birthDate: '1990-06-06', sex: 'female', listed: true } },
];
