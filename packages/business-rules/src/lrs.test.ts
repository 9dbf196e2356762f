import { describe, expect, it } from 'vitest';
import type { IsoDate, PatientRecordInput } from '@kronikerpakker/core';
import { suggestLevel } from '@kronikerpakker/differentiation';
import { ASOF, LRS_BASE, care, parse, withOverride } from './test-helpers';
import type { Override } from './test-helpers';

type Questionnaire = NonNullable<PatientRecordInput['questionnaires']>[number];
type RedFlagCode = NonNullable<PatientRecordInput['redFlags']>[number]['flag'];
const [START_BACK, ODI, NRS] = LRS_BASE.questionnaires as [Questionnaire, Questionnaire, Questionnaire];
const on = (q: Questionnaire, date: IsoDate): Questionnaire => ({ ...q, date });
const RMDQ: Questionnaire = { date: '2026-12-01', instrument: 'RMDQ', version: '1.0', answers: Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`q${String(i + 1)}`, 0])) };
const level = (n: 1 | 2 | 3): Override => ({ levelDecisions: [{ date: '2026-12-01', package: 'LRS', level: n, reason: 'Clinical judgement' }] });
const flag = (date: IsoDate, status: 'present' | 'absent' | 'cleared', f: RedFlagCode = 'fever') => ({ date, flag: f, status });
/** The base's red-flag review (fever absent on 2026-09-10) and, on 2027-01-10, the given signs present. */
const signs = (...present: RedFlagCode[]): Override => ({ redFlags: [flag('2026-09-10', 'absent'), ...present.map((f) => flag('2027-01-10', 'present', f))] });

/**
 * STarT Back answers scored by the Keele rule (Hill 2008): low is a total of 3
 * or less; medium a total of 4 or more with a psychosocial subscore (items
 * 5-9) of 3 or less; high a total of 4 or more with a psychosocial subscore of
 * 4 or more. Item 9 scores 1 for the answers 3 and 4.
 */
const START_BACK_ANSWERS = {
  low: { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 }, // total 0
  medium: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 }, // total 4, psychosocial 0
  high: { q1: 0, q2: 0, q3: 0, q4: 0, q5: 1, q6: 1, q7: 1, q8: 1, q9: 3 }, // total 5, psychosocial 5
} as const;
/** The base's questionnaires with a STarT Back of the given group on `date` (ODI and NRS of 2026-12-01 kept). */
const startBack = (group: keyof typeof START_BACK_ANSWERS, date: IsoDate = '2026-12-01'): Override => ({
  questionnaires: [{ ...START_BACK, date, answers: START_BACK_ANSWERS[group] }, ODI, NRS],
});
const referral = (type: 'physiotherapy' | 'psychologically-informed-physiotherapy' | 'multidisciplinary-assessment', status: 'sent' | 'accepted' | 'planned' = 'sent'): Override => ({
  referrals: [{ date: '2026-12-02', type, status }],
});
/** A needs assessment of 2026-12-01 recording that the patient lives alone without a network: a social complexity factor (level 2). */
const LIVES_ALONE: Override = { needsAssessments: [{ date: '2026-12-01', package: 'LRS', livesAloneWithoutNetwork: true }] };
const DQ_BMI: Override = { bodyMeasurements: [{ date: '2026-06-01', bmi: 75 }] };

/** STarT Back low: advice and self-management support from the GP (Hill et al. 2011, Lancet). */
const SM = 'lrs.self-management';

interface Case {
  readonly name: string;
  readonly asOf?: IsoDate;
  readonly record: Override;
  readonly codes: readonly string[];
  readonly due?: Readonly<Record<string, IsoDate>>;
  readonly inPackage?: boolean;
  readonly urgent?: boolean;
  /** The level the differentiation suggests, where the case is about it. */
  readonly suggestedLevel?: 1 | 2 | 3;
}

// Hand-checked: the base (test-helpers LRS_BASE) is enrolled, has everything
// recorded on 2027-01-15 and a STarT Back of 0 (low risk): its only item is the
// self-management suggestion (issue 12 finding 5: the care is keyed on the
// STarT Back group of the last 6 months, low -> advice and self-management; Hill 2011).
const CASES: readonly Case[] = [
  { name: '1 base: STarT Back low, nothing due; issue 12 finding 5: the self-management suggestion only (Hill 2011)', record: {}, codes: [SM], suggestedLevel: 1 },
  { name: '2 STarT Back exactly 6 months ago (2026-07-15): recorded, its group still counts', record: { questionnaires: [on(START_BACK, '2026-07-15'), ODI, NRS] }, codes: [SM] },
  { name: '3 STarT Back 6 months and a day ago: missing (and its group no longer counts)', record: { questionnaires: [on(START_BACK, '2026-07-14'), ODI, NRS] }, codes: ['lrs.start-back.missing'] },
  { name: '4 no STarT Back', record: { questionnaires: [ODI, NRS] }, codes: ['lrs.start-back.missing'] },
  { name: '5 no red-flag review', record: { redFlags: [] }, codes: ['lrs.red-flag-review.missing', SM] },
  { name: '6 red flags reviewed the day before the episode began: not this episode', record: { redFlags: [flag('2026-08-31', 'absent')] }, codes: ['lrs.red-flag-review.missing', SM] },
  { name: '7 red flags reviewed on the onset day: this episode', record: { redFlags: [flag('2026-09-01', 'absent')] }, codes: [SM] },
  { name: '8 episode ended, no current episode: the review cannot be asked for', record: { backPainEpisodes: [{ onsetDate: '2026-09-01', endDate: '2026-11-01' }], redFlags: [] }, codes: [SM] },
  {
    // Issue 12 findings 1 and 2: an urgent warning sign (cauda equina) excludes from the package; the alert shows for everyone.
    name: '9 an urgent warning sign present (saddle anaesthesia): urgent alert; issue 12 finding 1: excluded, out of the package',
    record: signs('saddle-anaesthesia'),
    codes: ['lrs.red-flag.open'],
    inPackage: false,
    urgent: true,
  },
  { name: '10 a risk factor present, then cleared: no alert, no risk-factor item', record: { redFlags: [flag('2026-12-01', 'present'), flag('2026-12-05', 'cleared')] }, codes: [SM] },
  {
    // Issue 12 finding 2: fever alone is a risk factor now; an urgent sign keeps the case's intent.
    name: '11 an urgent warning sign (saddle anaesthesia) and no LRS diagnosis: the alert still shows',
    record: { diagnoses: [], redFlags: [flag('2026-12-01', 'present', 'saddle-anaesthesia')] },
    codes: ['lrs.red-flag.open'],
    inPackage: false,
    urgent: true,
  },
  {
    // Issue 12 finding 1: the urgent sign excludes, so sick leave, STarT Back and PRO reminders go; data quality stays.
    name: '12 urgent sign dominates: first, before data quality; issue 12 finding 1: excluded, so no sick-leave alert, STarT Back or PRO reminder',
    record: {
      redFlags: [flag('2026-12-01', 'present', 'saddle-anaesthesia')],
      sickLeave: [{ startDate: '2026-11-01', extent: 'full' }],
      questionnaires: [],
      bodyMeasurements: [{ date: '2026-06-01', bmi: 11 }],
      ...level(3),
    },
    codes: ['lrs.red-flag.open', 'dq.bmi-implausible'],
    inPackage: false,
    urgent: true,
  },
  {
    // Issue 12 findings 4 and 5: fever alone is a risk factor (noted, priority 12, last); without a STarT Back no stratified item, whatever the level.
    name: '12a the same record with fever (a risk factor) instead: in the package, sick leave first, the risk factor noted last, no referral without a STarT Back',
    record: {
      redFlags: [flag('2026-12-01', 'present')],
      sickLeave: [{ startDate: '2026-11-01', extent: 'full' }],
      questionnaires: [],
      bodyMeasurements: [{ date: '2026-06-01', bmi: 11 }],
      ...level(3),
    },
    codes: ['lrs.sick-leave', 'lrs.start-back.missing', 'lrs.pro.due', 'dq.bmi-implausible', 'lrs.risk-factor.noted'],
  },
  {
    // Sick leave of 4 weeks or more is also a complexity factor of the differentiation: the suggested level becomes 2.
    // Issue 12 finding 5: the level no longer decides the referral; STarT Back low gives self-management, not physiotherapy.
    name: '13 sick leave for 28 days (4 weeks): alert, level 2, but STarT Back low: self-management, not physiotherapy',
    record: { sickLeave: [{ startDate: '2026-12-18', extent: 'full' }] },
    codes: ['lrs.sick-leave', SM],
    suggestedLevel: 2,
  },
  { name: '14 sick leave for 27 days: no alert yet', record: { sickLeave: [{ startDate: '2026-12-19', extent: 'partial' }] }, codes: [SM] },
  { name: '15 sick leave ended: no alert', record: { sickLeave: [{ startDate: '2026-10-01', endDate: '2026-12-31', extent: 'full' }] }, codes: [SM] },
  // Issue 12 finding 5: cases 16-21 were keyed on the level; the referrals are now keyed on the STarT Back group (Hill 2011).
  { name: '16 STarT Back medium without physiotherapy referral: physiotherapy (issue 12 finding 5: group, not level 2; Hill 2011)', record: startBack('medium'), codes: ['lrs.physiotherapy'], suggestedLevel: 2 },
  { name: '17 STarT Back medium with a physiotherapy referral', record: { ...startBack('medium'), ...referral('physiotherapy') }, codes: [] },
  {
    name: '18 STarT Back high without psychologically informed physiotherapy or multidisciplinary referral (issue 12 finding 5: group, not level 3; Hill 2011)',
    record: startBack('high'),
    codes: ['lrs.psychologically-informed-care'],
    suggestedLevel: 3,
  },
  { name: '19 STarT Back high with a multidisciplinary referral', record: { ...startBack('high'), ...referral('multidisciplinary-assessment', 'accepted') }, codes: [] },
  { name: '20 STarT Back high with psychologically informed physiotherapy', record: { ...startBack('high'), ...referral('psychologically-informed-physiotherapy', 'planned') }, codes: [] },
  { name: '21 clinician level 1, STarT Back low: no referral suggested, self-management', record: level(1), codes: [SM] },
  {
    name: '22 level 2, follow-up 2026-08-01: next due 2027-02-01 (17 days)',
    record: { ...level(2), referrals: [{ date: '2026-12-02', type: 'physiotherapy', status: 'sent' }], encounters: [{ date: '2026-08-01', type: 'follow-up', package: 'LRS' }] },
    codes: ['lrs.follow-up.due', SM],
    due: { 'lrs.follow-up.due': '2027-02-01' },
  },
  {
    name: '23 level 3, follow-up 2026-09-30: every 3 months, overdue since 2026-12-30',
    record: { ...level(3), referrals: [{ date: '2026-12-02', type: 'multidisciplinary-assessment', status: 'sent' }], encounters: [{ date: '2026-09-30', type: 'follow-up', package: 'LRS' }] },
    codes: ['lrs.follow-up.overdue', SM],
    due: { 'lrs.follow-up.overdue': '2026-12-30' },
  },
  {
    name: '24 level 1: no planned follow-up',
    record: { ...level(1), encounters: [{ date: '2026-01-01', type: 'follow-up', package: 'LRS' }] },
    codes: [SM],
  },
  { name: '25 ODI older than 6 months: PRO due', record: { questionnaires: [START_BACK, on(ODI, '2026-07-14'), NRS] }, codes: ['lrs.pro.due', SM] },
  { name: '26 no NRS: PRO due', record: { questionnaires: [START_BACK, ODI] }, codes: ['lrs.pro.due', SM] },
  { name: '27 Roland-Morris instead of ODI: PRO done', record: { questionnaires: [START_BACK, RMDQ, NRS] }, codes: [SM] },
  {
    name: '28 lumbar MRI requested without a red flag: advisory',
    record: { imaging: [{ date: '2026-12-01', modality: 'mri', region: 'lumbar-spine', status: 'requested' }] },
    codes: ['lrs.imaging.without-red-flag', SM],
  },
  {
    // Issue 12: an urgent alert asks for action; for a deceased patient there is none to take.
    name: '28c deceased with an urgent sign (saddle anaesthesia): no alert, no package items',
    record: { patient: { deceasedDate: '2027-01-02' }, redFlags: [flag('2027-01-01', 'present', 'saddle-anaesthesia')] },
    codes: [],
    inPackage: false,
  },
  {
    // Issue 12 finding 4: a risk factor alone is not a warning sign, so it does not justify imaging (NKR 2016; Henschke 2009).
    name: '28a lumbar MRI requested with one risk factor (high age) present: advisory still',
    record: {
      redFlags: [flag('2026-09-10', 'absent'), flag('2026-11-01', 'present', 'high-age')],
      imaging: [{ date: '2026-12-01', modality: 'mri', region: 'lumbar-spine', status: 'requested' }],
    },
    codes: ['lrs.imaging.without-red-flag', SM, 'lrs.risk-factor.noted'],
  },
  {
    // Issue 12 finding 4: two risk factors together ("consider further assessment") may justify imaging (Downie 2013).
    name: '28b lumbar MRI requested with two risk factors (high age, osteoporosis): no advisory, consider further assessment',
    record: {
      redFlags: [flag('2026-09-10', 'absent'), flag('2026-11-01', 'present', 'high-age'), flag('2026-11-01', 'present', 'osteoporosis')],
      imaging: [{ date: '2026-12-01', modality: 'mri', region: 'lumbar-spine', status: 'requested' }],
    },
    codes: ['lrs.risk-factors.consider-assessment', SM],
  },
  {
    name: '29 lumbar MRI requested with a red flag present on the day (later cleared): no advisory',
    record: {
      redFlags: [flag('2026-09-10', 'absent'), flag('2026-12-01', 'present', 'saddle-anaesthesia'), flag('2026-12-20', 'cleared', 'saddle-anaesthesia')],
      imaging: [{ date: '2026-12-01', modality: 'mri', region: 'lumbar-spine', status: 'requested' }],
    },
    codes: [SM],
  },
  { name: '30 hip x-ray: not spine imaging', record: { imaging: [{ date: '2026-12-01', modality: 'x-ray', region: 'hip', status: 'performed' }] }, codes: [SM] },
  {
    name: '31 spine x-ray 12 months and a day ago: outside the window',
    record: { imaging: [{ date: '2026-01-14', modality: 'x-ray', region: 'lumbar-spine', status: 'performed' }] },
    codes: [SM],
  },
  { name: '32 no LRS diagnosis: out of scope, nothing', record: { diagnoses: [], questionnaires: [], redFlags: [] }, codes: [], inPackage: false },
  {
    name: '33 ended package: out of scope, data quality kept',
    record: { packageDecisions: [{ date: '2026-12-01', package: 'LRS', decision: 'ended' }], questionnaires: [], bodyMeasurements: [{ date: '2026-06-01', weightKg: 300, heightCm: 200 }] },
    codes: ['dq.bmi-implausible'],
    inPackage: false,
  },
  {
    name: '33a not on the clinic\'s list: out of scope, no reminders (a red flag would still show)',
    record: { patient: { listed: false }, questionnaires: [] },
    codes: [],
    inPackage: false,
  },
  // Equal priorities (30) are ordered by code: dq.* before lrs.*.
  { name: '34 CPR of a woman, recorded male', record: { patient: { cpr: '1004754322' } }, codes: ['dq.cpr-sex-mismatch', SM] },
  { name: '35 two NRS on one day', record: { questionnaires: [START_BACK, ODI, NRS, NRS] }, codes: [SM, 'dq.duplicate-entries'] },
  {
    name: '36 deceased: out of scope',
    record: { patient: { deceasedDate: '2027-01-01' }, questionnaires: [] },
    codes: [],
    inPackage: false,
  },

  // Issue 12 finding 1: one enrolment policy (inclusion/src/enrolment.ts). Package care items only for enrolled
  // patients who are eligible or lack data; data quality and the urgent alert for everyone.
  {
    name: 'issue 12 finding 1: urgent sign (bladder/bowel dysfunction), STarT Back and PRO missing: excluded, only the alert and data quality (no lrs.start-back.missing, no lrs.pro.due)',
    record: { ...signs('bladder-bowel-dysfunction'), questionnaires: [], ...DQ_BMI },
    codes: ['lrs.red-flag.open', 'dq.bmi-implausible'],
    inPackage: false,
    urgent: true,
  },
  {
    name: 'issue 12 finding 1: candidate (eligible, no package decision), STarT Back and PRO missing: no package items, data quality shows',
    record: { packageDecisions: [], questionnaires: [], ...DQ_BMI },
    codes: ['dq.bmi-implausible'],
    inPackage: false,
  },
  {
    name: 'issue 12 finding 1: candidate with two risk factors: the consider-assessment suggestion shows (scope always), no package items',
    record: { packageDecisions: [], questionnaires: [], ...signs('high-age', 'osteoporosis') },
    codes: ['lrs.risk-factors.consider-assessment'],
    inPackage: false,
  },
  {
    name: 'issue 12 finding 1: enrolled but not eligible (episode of 4 weeks, not recurrent; NKR 2016 12 weeks): no package items, data quality shows',
    record: { backPainEpisodes: [{ onsetDate: '2026-12-18' }], redFlags: [flag('2026-12-18', 'absent')], questionnaires: [], ...DQ_BMI },
    codes: ['dq.bmi-implausible'],
    inPackage: false,
  },
  {
    name: 'issue 12 finding 1: enrolled with insufficient data (no episode recorded): stays in the package, data asked for',
    record: { backPainEpisodes: [], questionnaires: [], ...DQ_BMI },
    codes: ['lrs.start-back.missing', 'lrs.pro.due', 'dq.bmi-implausible'],
  },
  {
    name: 'issue 12 finding 1: not enrolled with insufficient data: no package items',
    record: { backPainEpisodes: [], packageDecisions: [], questionnaires: [] },
    codes: [],
    inPackage: false,
  },

  // Issue 12 finding 4: risk factors never exclude alone (Henschke 2009; Cochrane CD014461, 2023); combinations
  // raise the probability of serious pathology (Downie 2013); the urgent combinations are the inclusion pack's.
  {
    name: 'issue 12 finding 4: one risk factor (high age): no alert, in the package, lrs.risk-factor.noted (Henschke 2009)',
    record: signs('high-age'),
    codes: [SM, 'lrs.risk-factor.noted'],
  },
  {
    name: 'issue 12 finding 4: one risk factor (previous cancer alone): no alert, noted',
    record: signs('previous-cancer'),
    codes: [SM, 'lrs.risk-factor.noted'],
  },
  {
    name: 'issue 12 finding 4: two risk factors (high age, osteoporosis): consider further assessment, no alert, in the package (Downie 2013)',
    record: signs('high-age', 'osteoporosis'),
    codes: ['lrs.risk-factors.consider-assessment', SM],
  },
  {
    name: 'issue 12 finding 4: fever with immunosuppression (infection): urgent alert, excluded, no risk-factor items (NICE NG59)',
    record: signs('fever', 'immunosuppression'),
    codes: ['lrs.red-flag.open'],
    inPackage: false,
    urgent: true,
  },
  {
    name: 'issue 12 finding 4: previous cancer with night pain (malignancy): urgent alert, excluded, no risk-factor items',
    record: signs('previous-cancer', 'constant-or-night-pain'),
    codes: ['lrs.red-flag.open'],
    inPackage: false,
    urgent: true,
  },
  {
    name: 'issue 12 finding 2: a progressive neurological deficit alone: urgent alert, excluded (a stable one is a risk factor, below)',
    record: signs('progressive-neurological-deficit'),
    codes: ['lrs.red-flag.open'],
    inPackage: false,
    urgent: true,
  },
  { name: 'issue 12 finding 4: a stable (radicular) neurological deficit alone: noted, no alert', record: signs('neurological-deficit'), codes: [SM, 'lrs.risk-factor.noted'] },

  // Issue 12 finding 5: stratified care keyed on the STarT Back group of the last 6 months (Hill et al. 2011, Lancet).
  {
    name: 'issue 12 finding 5: STarT Back low with a social factor (lives alone without a network: level 2): self-management, NOT physiotherapy (Hill 2011)',
    record: LIVES_ALONE,
    codes: [SM],
    suggestedLevel: 2,
  },
  { name: 'issue 12 finding 5: STarT Back medium: physiotherapy (Hill 2011)', record: { ...startBack('medium'), ...LIVES_ALONE }, codes: ['lrs.physiotherapy'], suggestedLevel: 2 },
  { name: 'issue 12 finding 5: STarT Back medium with the clinician\'s level 1: physiotherapy still (the group decides, not the level)', record: { ...startBack('medium'), ...level(1) }, codes: ['lrs.physiotherapy'] },
  { name: 'issue 12 finding 5: STarT Back high: psychologically informed care (Hill 2011)', record: startBack('high'), codes: ['lrs.psychologically-informed-care'], suggestedLevel: 3 },
  {
    name: 'issue 12 finding 5: STarT Back high with the clinician\'s level 2: psychologically informed care, not physiotherapy',
    record: { ...startBack('high'), ...level(2) },
    codes: ['lrs.psychologically-informed-care'],
  },
  {
    name: 'issue 12 finding 5: STarT Back high 6 months and a day old: none of the three, STarT Back missing (freshness 6 months)',
    record: startBack('high', '2026-07-14'),
    codes: ['lrs.start-back.missing'],
  },
  {
    name: 'issue 12 finding 5: STarT Back low 6 months and a day old: no self-management, STarT Back missing',
    record: startBack('low', '2026-07-14'),
    codes: ['lrs.start-back.missing'],
  },
];

describe('LRS care items: the hand-checked table', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const asOf = c.asOf ?? ASOF;
    const result = care('LRS', c.record, asOf);
    expect(result.items.map((i) => i.code)).toEqual(c.codes);
    if (c.suggestedLevel !== undefined) {
      expect(suggestLevel(parse(withOverride(LRS_BASE, c.record), asOf), { package: 'LRS', asOf }).suggestedLevel).toBe(c.suggestedLevel);
    }
    expect(result.inPackage).toBe(c.inPackage ?? true);
    expect(result.urgent).toBe(c.urgent ?? false);
    for (const [code, date] of Object.entries(c.due ?? {})) {
      expect(result.items.find((i) => i.code === code)?.dueDate, code).toBe(date);
    }
    for (const item of result.items) {
      expect(item.ruleSet.id).toBe('lrs-care');
      expect(item.provisional).toBe(true);
      expect(item.facts.length).toBeGreaterThan(0);
    }
    if (result.urgent) {
      expect(result.items[0]?.urgent).toBe(true);
      expect(result.items[0]?.priority).toBe(Math.max(...result.items.map((i) => i.priority)));
    }
  });
});
