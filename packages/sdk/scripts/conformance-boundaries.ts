/**
 * The hand-built boundary cases of the conformance kit: the edges a vendor's
 * mapping is most likely to get wrong (birthdays, ratios at 0.70, twelve
 * weeks, season and month ends, exclusions). SYNTHETIC records; CPRs from
 * `syntheticCpr` (never a real person's).
 */
import { syntheticCpr } from '@kronikerpakker/core';
import type { IsoDate, PatientRecordInput } from '@kronikerpakker/core';

/** A boundary case: a title, its date and its record. */
export interface BoundaryCase {
  readonly title: string;
  readonly asOf: IsoDate;
  readonly record: PatientRecordInput;
}

type Lists = Omit<PatientRecordInput, 'id' | 'patient' | 'schemaVersion' | 'synthetic'>;

function person(id: string, birthDate: IsoDate, sex: 'female' | 'male', seed: number, lists: Lists, extra: Partial<PatientRecordInput['patient']> = {}): PatientRecordInput {
  // Synthetic CPRs exist only for birth dates before 2007-10-01 (later ones could be real): younger patients have none.
  const cpr = birthDate < '2007-10-01' ? { cpr: syntheticCpr(birthDate, sex, seed) } : {};
  return { id: `conformance-${id}`, synthetic: true, patient: { ...cpr, birthDate, sex, listed: true, ...extra }, ...lists };
}

/** A KOL patient in the package, with a confirming spirometry and an årsstatus a year before `asOf`'s year. */
function kol(id: string, seed: number, over: Partial<Lists> = {}, birthDate: IsoDate = '1958-06-12', extra: Partial<PatientRecordInput['patient']> = {}): PatientRecordInput {
  return person(
    id,
    birthDate,
    seed % 2 === 0 ? 'female' : 'male',
    seed,
    {
      diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-03-02' }],
      spirometry: [{ date: '2026-05-04', fev1L: 1.9, fvcL: 3.2, fev1PercentPredicted: 62, postBronchodilator: true }],
      mrc: [{ date: '2026-05-04', grade: 2 }],
      cat: [{ date: '2026-05-04', total: 8 }],
      smoking: [{ date: '2026-05-04', status: 'former' }],
      encounters: [{ date: '2026-05-04', type: 'aarsstatus', package: 'KOL' }],
      packageDecisions: [{ date: '2020-04-01', package: 'KOL', decision: 'included' }],
      ...over,
    },
    extra,
  );
}

/** An LRS patient with a current episode from `onset`. */
function lrs(id: string, seed: number, onset: IsoDate, over: Partial<Lists> = {}): PatientRecordInput {
  return person(id, '1979-09-21', seed % 2 === 0 ? 'female' : 'male', seed, {
    diagnoses: [{ system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: onset }],
    backPainEpisodes: [{ onsetDate: onset }],
    redFlags: [{ date: onset, flag: 'saddle-anaesthesia', status: 'absent' }],
    ...over,
  });
}

/**
 * An LRS patient enrolled in the package (issue 12: only patients in the
 * package get the package's care items), with a current episode from
 * 2026-10-01 and the warning signs reviewed for it.
 */
function lrsIn(id: string, seed: number, over: Partial<Lists> = {}): PatientRecordInput {
  return lrs(id, seed, '2026-10-01', { packageDecisions: [{ date: '2026-12-15', package: 'LRS', decision: 'included' }], ...over });
}

type Questionnaire = NonNullable<Lists['questionnaires']>[number];

/** A STarT Back response (Hill 2008): `physical` of items 1-4 and `psychosocial` of items 5-9 answered yes (item 9: 1). */
function startBack(date: IsoDate, physical: number, psychosocial: number): Questionnaire {
  const answers: Record<string, number> = {};
  for (let i = 1; i <= 4; i++) answers[`q${String(i)}`] = i <= physical ? 1 : 0;
  for (let i = 5; i <= 9; i++) answers[`q${String(i)}`] = i - 4 <= psychosocial ? 1 : 0;
  return { date, instrument: 'STarT-Back', version: '1.0', answers };
}

/** The boundary cases, in kit order. */
export const BOUNDARY_CASES: readonly BoundaryCase[] = [
  {
    title: 'KOL: 30 years old on the day (age criterion holds on the birthday)',
    asOf: '2027-02-10',
    record: kol('age-30', 1, {}, '1997-02-10'),
  },
  {
    title: 'KOL: 29 years old, the day before the 30th birthday',
    asOf: '2027-02-09',
    record: kol('age-29', 2, {}, '1997-02-10'),
  },
  {
    title: 'KOL: born on 29 February, evaluated on 28 February of a common year',
    asOf: '2027-02-28',
    record: kol('leap-day', 3, {}, '1996-02-29'),
  },
  {
    title: 'KOL: post-bronchodilator FEV1/FVC 0.69 confirms',
    asOf: '2027-01-15',
    record: kol('ratio-069', 4, { spirometry: [{ date: '2026-05-04', ratio: 0.69, fev1PercentPredicted: 70, postBronchodilator: true }] }),
  },
  {
    title: 'KOL: post-bronchodilator FEV1/FVC 0.70 contradicts the diagnosis',
    asOf: '2027-01-15',
    record: kol('ratio-070', 5, { spirometry: [{ date: '2026-05-04', ratio: 0.7, fev1PercentPredicted: 80, postBronchodilator: true }] }),
  },
  {
    title: 'KOL: a pre-bronchodilator spirometry only does not decide',
    asOf: '2027-01-15',
    record: kol('pre-bd-only', 6, { spirometry: [{ date: '2026-05-04', ratio: 0.6, postBronchodilator: false }] }),
  },
  {
    title: 'KOL: diagnosis without spirometry (insufficient data, spirometry missing)',
    asOf: '2027-01-15',
    record: kol('no-spirometry', 7, { spirometry: [] }),
  },
  {
    title: 'KOL: årsstatus on 31 January, due on 31 January a year later (due today)',
    asOf: '2027-01-31',
    record: kol('month-end-due', 8, { encounters: [{ date: '2026-01-31', type: 'aarsstatus', package: 'KOL' }] }),
  },
  {
    title: 'KOL: årsstatus on 31 January, one day overdue on 1 February a year later',
    asOf: '2027-02-01',
    record: kol('month-end-overdue', 9, { encounters: [{ date: '2026-01-31', type: 'aarsstatus', package: 'KOL' }] }),
  },
  {
    title: 'KOL: årsstatus due in exactly 30 days (inside the due-soon window)',
    asOf: '2027-04-04',
    record: kol('due-in-30', 10),
  },
  {
    title: 'KOL: årsstatus due in 31 days (outside the due-soon window)',
    asOf: '2027-04-03',
    record: kol('due-in-31', 11),
  },
  {
    title: 'KOL: influenza vaccine on 30 September does not count for the season starting 1 October',
    asOf: '2027-10-01',
    record: kol('flu-sep-30', 12, { vaccinations: [{ date: '2027-09-30', vaccine: 'influenza' }, { date: '2020-10-10', vaccine: 'pneumococcal' }] }),
  },
  {
    title: 'KOL: influenza vaccine on 1 October counts for the season',
    asOf: '2027-10-01',
    record: kol('flu-oct-1', 13, { vaccinations: [{ date: '2027-10-01', vaccine: 'influenza' }, { date: '2020-10-10', vaccine: 'pneumococcal' }] }),
  },
  {
    title: 'KOL: two moderate exacerbations in 12 months (GOLD group E, alert)',
    asOf: '2027-01-15',
    record: kol('two-exacerbations', 14, { exacerbations: [{ date: '2026-03-01', severity: 'moderate' }, { date: '2026-11-20', severity: 'moderate' }] }),
  },
  {
    title: 'KOL: a current smoker with FEV1 45 % of predicted (cessation, DXA)',
    asOf: '2027-01-15',
    record: kol('smoker-severe', 15, {
      smoking: [{ date: '2026-05-04', status: 'current', packYears: 40 }],
      spirometry: [{ date: '2026-05-04', fev1L: 1.2, fvcL: 2.9, fev1PercentPredicted: 45, postBronchodilator: true }],
    }),
  },
  {
    title: 'KOL: declined the package (excluded)',
    asOf: '2027-01-15',
    record: kol('declined', 16, { packageDecisions: [{ date: '2026-02-01', package: 'KOL', decision: 'declined' }] }),
  },
  {
    title: 'KOL: followed in hospital (excluded)',
    asOf: '2027-01-15',
    record: kol('hospital', 17, { packageDecisions: [{ date: '2026-02-01', package: 'KOL', decision: 'followed-in-hospital' }] }),
  },
  {
    title: 'KOL: not listed with the clinic (excluded)',
    asOf: '2027-01-15',
    record: kol('not-listed', 18, {}, '1958-06-12', { listed: false }),
  },
  {
    title: 'KOL: deceased (excluded)',
    asOf: '2027-01-15',
    record: kol('deceased', 19, {}, '1958-06-12', { deceasedDate: '2027-01-02' }),
  },
  {
    title: 'LRS: 12 weeks minus a day since onset (not yet eligible)',
    asOf: '2027-03-24',
    record: lrs('weeks-11-6', 20, '2026-12-31'),
  },
  {
    title: 'LRS: exactly 12 weeks since onset (eligible)',
    asOf: '2027-03-25',
    record: lrs('weeks-12', 21, '2026-12-31'),
  },
  {
    title: 'LRS: two episodes within 12 months (eligible without 12 weeks)',
    asOf: '2027-03-01',
    record: lrs('two-episodes', 22, '2027-02-01', {
      backPainEpisodes: [{ onsetDate: '2026-06-01', endDate: '2026-07-15' }, { onsetDate: '2027-02-01' }],
    }),
  },
  {
    title: 'LRS: a red flag present (excluded, urgent alert first)',
    asOf: '2027-03-01',
    record: lrs('red-flag', 23, '2026-10-01', { redFlags: [{ date: '2027-02-20', flag: 'saddle-anaesthesia', status: 'present' }] }),
  },
  {
    title: 'LRS: a red flag cleared (no longer excluding)',
    asOf: '2027-03-01',
    record: lrs('red-flag-cleared', 24, '2026-10-01', {
      redFlags: [
        { date: '2027-01-10', flag: 'fever', status: 'present' },
        { date: '2027-01-20', flag: 'fever', status: 'cleared' },
      ],
    }),
  },
  {
    title: 'LRS: 17 years old (not eligible)',
    asOf: '2027-03-01',
    record: person('lrs-age-17', '2009-05-05', 'male', 25, {
      diagnoses: [{ system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-09-01' }],
      backPainEpisodes: [{ onsetDate: '2026-09-01' }],
    }),
  },
  {
    // Issue 12 finding 1: enrolled, since sick leave and imaging are package care items.
    title: 'LRS: enrolled, sick leave of 4 weeks and lumbar MRI without a red flag',
    asOf: '2027-03-01',
    record: lrs('sick-leave-imaging', 26, '2026-10-01', {
      sickLeave: [{ startDate: '2027-02-01', extent: 'full', backPainRelated: true }],
      imaging: [{ date: '2027-01-05', modality: 'mri', region: 'lumbar-spine', status: 'performed' }],
      packageDecisions: [{ date: '2026-12-15', package: 'LRS', decision: 'included' }],
    }),
  },
  {
    title: 'LRS: an ICD-10 diagnosis (DM54.5 via SKS) instead of ICPC-2',
    asOf: '2027-03-01',
    record: person('lrs-sks', '1970-01-15', 'female', 27, {
      diagnoses: [{ system: 'SKS', code: 'DM545', status: 'active', recordedDate: '2026-09-01' }],
      backPainEpisodes: [{ onsetDate: '2026-09-01' }],
      redFlags: [{ date: '2026-09-01', flag: 'trauma', status: 'absent' }],
    }),
  },
  {
    title: 'KOL: data-quality findings (FEV1 160 % of predicted, ratio disagreeing with FEV1/FVC, BMI 11, CPR disagreeing with sex and birth date)',
    asOf: '2027-01-15',
    record: {
      ...kol('data-quality', 28, {
        spirometry: [
          { date: '2026-05-04', fev1L: 1.9, fvcL: 3.2, ratio: 0.65, fev1PercentPredicted: 62, postBronchodilator: true },
          { date: '2026-06-01', fev1L: 2.0, fvcL: 3.3, fev1PercentPredicted: 160, postBronchodilator: true },
        ],
        bodyMeasurements: [{ date: '2026-05-04', bmi: 11 }],
      }),
      // The CPR says a woman born 1958-06-12; the record says a man born the day after.
      patient: { cpr: syntheticCpr('1958-06-12', 'female', 28), birthDate: '1958-06-13', sex: 'male', listed: true },
    },
  },
  {
    title: 'LRS: data-quality findings (BMI 71, CPR disagreeing with sex and birth date)',
    asOf: '2027-03-01',
    record: {
      ...lrs('data-quality', 29, '2026-10-01', { bodyMeasurements: [{ date: '2027-01-04', bmi: 71 }] }),
      patient: { cpr: syntheticCpr('1979-09-21', 'male', 29), birthDate: '1979-09-22', sex: 'female', listed: true },
    },
  },
  {
    // Issue 12 finding 2: fever is urgent only with immunosuppression or iv drug use.
    title: 'LRS: fever with immunosuppression (infection warning sign: excluded, urgent)',
    asOf: '2027-03-01',
    record: lrs('red-flag-infection', 30, '2026-10-01', {
      redFlags: [
        { date: '2027-02-25', flag: 'fever', status: 'present' },
        { date: '2027-02-25', flag: 'immunosuppression', status: 'present' },
      ],
    }),
  },
  {
    // Issue 12 finding 2: a progressive (or severe) deficit is urgent; any deficit alone is a risk factor (case 034).
    title: 'LRS: a progressive neurological deficit present (excluded, urgent)',
    asOf: '2027-03-01',
    record: lrs('red-flag-neuro', 31, '2026-10-01', { redFlags: [{ date: '2027-02-25', flag: 'progressive-neurological-deficit', status: 'present' }] }),
  },
  {
    title: 'LRS: diagnosis without any back-pain episode recorded (insufficient data)',
    asOf: '2027-03-01',
    record: person('lrs-no-episode', '1966-08-08', 'female', 32, {
      diagnoses: [{ system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-12-01' }],
    }),
  },
  {
    title: 'KOL: FEV1 % of predicted sent as a fraction (0.58 for 58 %): GOLD grade 4 and level 3 follow from it, and a data-quality item says why',
    asOf: '2027-01-15',
    record: kol('fev1-fraction', 33, {
      spirometry: [{ date: '2026-05-04', fev1L: 1.9, fvcL: 3.2, fev1PercentPredicted: 0.58, postBronchodilator: true }],
    }),
  },
  // Issue 12 (cases 034-055): warning signs split into urgent signs and risk factors, the enrolment policy,
  // stratified LRS care by STarT Back, freshness windows, the influenza season and DXA only for FEV1 < 50 %.
  {
    title: 'LRS: enrolled, a neurological deficit alone is a risk factor: not excluded, noted in the package (issue 12 finding 2)',
    asOf: '2027-03-01',
    record: lrsIn('risk-factor-neuro', 34, { redFlags: [{ date: '2027-02-25', flag: 'neurological-deficit', status: 'present' }] }),
  },
  {
    title: 'LRS: enrolled, previous cancer alone is a risk factor: not excluded, noted in the package (issue 12 finding 2)',
    asOf: '2027-03-01',
    record: lrsIn('risk-factor-cancer', 35, { redFlags: [{ date: '2027-02-25', flag: 'previous-cancer', status: 'present' }] }),
  },
  {
    title: 'LRS: not enrolled, fever and unexplained weight loss without an urgent sign: two risk factors, not excluded; "consider assessment" shows for a candidate too (issue 12 finding 2)',
    asOf: '2027-03-01',
    record: lrs('two-risk-factors', 36, '2026-10-01', {
      redFlags: [
        { date: '2027-02-25', flag: 'fever', status: 'present' },
        { date: '2027-02-25', flag: 'unexplained-weight-loss', status: 'present' },
      ],
    }),
  },
  {
    title: 'LRS: previous cancer with constant or night pain (malignancy warning sign: excluded, urgent; issue 12 finding 2)',
    asOf: '2027-03-01',
    record: lrsIn('red-flag-malignancy', 37, {
      redFlags: [
        { date: '2027-02-25', flag: 'previous-cancer', status: 'present' },
        { date: '2027-02-25', flag: 'constant-or-night-pain', status: 'present' },
      ],
    }),
  },
  {
    title: 'LRS: significant trauma (fracture warning sign: excluded, urgent; issue 12 finding 2)',
    asOf: '2027-03-01',
    record: lrs('red-flag-trauma', 38, '2026-10-01', { redFlags: [{ date: '2027-02-25', flag: 'trauma', status: 'present' }] }),
  },
  {
    title: 'LRS: inflammatory disease suspected (excluded, urgent; issue 12 finding 2)',
    asOf: '2027-03-01',
    record: lrs('red-flag-inflammatory', 39, '2026-10-01', { redFlags: [{ date: '2027-02-25', flag: 'inflammatory-disease-suspected', status: 'present' }] }),
  },
  {
    title: 'LRS: enrolled, STarT Back low this month: self-management (issue 12 finding 3)',
    asOf: '2027-03-01',
    record: lrsIn('start-back-low', 40, { questionnaires: [startBack('2027-02-01', 1, 1)] }),
  },
  {
    title: 'LRS: enrolled, STarT Back medium: physiotherapy (issue 12 finding 3)',
    asOf: '2027-03-01',
    record: lrsIn('start-back-medium', 41, { questionnaires: [startBack('2027-02-01', 3, 2)] }),
  },
  {
    title: 'LRS: enrolled, STarT Back medium and a physiotherapy referral 2 months ago: no new physiotherapy item (issue 12 finding 3)',
    asOf: '2027-03-01',
    record: lrsIn('start-back-medium-referred', 42, {
      questionnaires: [startBack('2027-02-01', 3, 2)],
      referrals: [{ date: '2027-01-02', type: 'physiotherapy', status: 'sent', package: 'LRS' }],
    }),
  },
  {
    title: 'LRS: enrolled, STarT Back high: psychologically informed care (issue 12 finding 3)',
    asOf: '2027-03-01',
    record: lrsIn('start-back-high', 43, { questionnaires: [startBack('2027-02-01', 2, 4)] }),
  },
  {
    title: 'LRS: enrolled, STarT Back high exactly 6 months old: still counts (issue 12 finding 4)',
    asOf: '2027-03-01',
    record: lrsIn('start-back-6-months', 44, { questionnaires: [startBack('2026-09-01', 2, 4)] }),
  },
  {
    title: 'LRS: enrolled, STarT Back high 6 months and a day old: counts as missing (issue 12 finding 4)',
    asOf: '2027-03-01',
    record: lrsIn('start-back-stale', 45, { questionnaires: [startBack('2026-08-31', 2, 4)] }),
  },
  {
    title: 'LRS: eligible, not enrolled (a candidate): a level and a plan, no package care items (issue 12 finding 1)',
    asOf: '2027-03-01',
    record: lrs('lrs-candidate', 46, '2026-10-01', { questionnaires: [startBack('2027-02-01', 2, 4)] }),
  },
  {
    title: 'KOL: 15 January is the last day of the influenza season: vaccination due (issue 12 finding 5)',
    asOf: '2027-01-15',
    record: kol('flu-jan-15', 47, { vaccinations: [{ date: '2020-10-10', vaccine: 'pneumococcal' }] }),
  },
  {
    title: 'KOL: 16 January is outside the influenza season: no vaccination item (issue 12 finding 5)',
    asOf: '2027-01-16',
    record: kol('flu-jan-16', 48, { vaccinations: [{ date: '2020-10-10', vaccine: 'pneumococcal' }] }),
  },
  {
    title: 'KOL: a current smoker with FEV1 exactly 50 % of predicted: cessation, no DXA (DXA only below 50 %; issue 12 finding 5)',
    asOf: '2027-01-15',
    record: kol('smoker-fev1-50', 49, {
      smoking: [{ date: '2026-05-04', status: 'current', packYears: 30 }],
      spirometry: [{ date: '2026-05-04', fev1L: 1.5, fvcL: 2.9, fev1PercentPredicted: 50, postBronchodilator: true }],
    }),
  },
  {
    title: 'KOL: FEV1/FVC 0.65, then 0.72 a year later: still eligible, and a data-quality item asks to review the diagnosis (issue 12 finding 5)',
    asOf: '2027-01-15',
    record: kol('spirometry-disagrees', 50, {
      spirometry: [
        { date: '2025-05-04', ratio: 0.65, fev1PercentPredicted: 66, postBronchodilator: true },
        { date: '2026-05-04', ratio: 0.72, fev1PercentPredicted: 74, postBronchodilator: true },
      ],
    }),
  },
  {
    title: 'KOL: enrolled, never an årsstatus (kol.aarsstatus.none; issue 12 finding 8)',
    asOf: '2027-01-15',
    record: kol('aarsstatus-none', 51, { encounters: [] }),
  },
  {
    title: 'KOL: eligible, not enrolled (a candidate): a level and a plan, no package care items (issue 12 finding 1)',
    asOf: '2027-01-15',
    record: kol('kol-candidate', 52, { packageDecisions: [] }),
  },
  {
    title: 'KOL: enrolled, but the diagnosis is resolved (not eligible): no level, no package care, no plan (issue 12 finding 1)',
    asOf: '2027-01-15',
    record: kol('enrolled-not-eligible', 53, { diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'resolved', recordedDate: '2020-03-02', resolvedDate: '2026-12-01' }] }),
  },
  {
    title: 'KOL: enrolled, self-management judged poor 11 months ago: counts for the level (issue 12 finding 4)',
    asOf: '2027-01-15',
    record: kol('self-management-poor', 54, { needsAssessments: [{ date: '2026-02-15', package: 'KOL', selfManagement: 'poor' }] }),
  },
  {
    title: 'KOL: enrolled, self-management judged poor 13 months ago: counts as missing (issue 12 finding 4)',
    asOf: '2027-01-15',
    record: kol('self-management-stale', 55, { needsAssessments: [{ date: '2025-12-15', package: 'KOL', selfManagement: 'poor' }] }),
  },
];
