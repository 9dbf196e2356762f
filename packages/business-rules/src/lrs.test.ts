import { describe, expect, it } from 'vitest';
import type { IsoDate, PatientRecordInput } from '@kronikerpakker/core';
import { ASOF, LRS_BASE, care } from './test-helpers';
import type { Override } from './test-helpers';

type Questionnaire = NonNullable<PatientRecordInput['questionnaires']>[number];
const [START_BACK, ODI, NRS] = LRS_BASE.questionnaires as [Questionnaire, Questionnaire, Questionnaire];
const on = (q: Questionnaire, date: IsoDate): Questionnaire => ({ ...q, date });
const RMDQ: Questionnaire = { date: '2026-12-01', instrument: 'RMDQ', version: '1', answers: Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`q${String(i + 1)}`, 0])) };
const level = (n: 1 | 2 | 3): Override => ({ levelDecisions: [{ date: '2026-12-01', package: 'LRS', level: n, reason: 'Clinical judgement' }] });
const flag = (date: IsoDate, status: 'present' | 'absent' | 'cleared', f: 'fever' | 'saddle-anaesthesia' = 'fever') => ({ date, flag: f, status });

interface Case {
  readonly name: string;
  readonly asOf?: IsoDate;
  readonly record: Override;
  readonly codes: readonly string[];
  readonly due?: Readonly<Record<string, IsoDate>>;
  readonly inPackage?: boolean;
  readonly urgent?: boolean;
}

// Hand-checked: the base (test-helpers LRS_BASE) has nothing due on 2027-01-15.
const CASES: readonly Case[] = [
  { name: '1 base: nothing due', record: {}, codes: [] },
  { name: '2 STarT Back exactly 6 months ago (2026-07-15): recorded', record: { questionnaires: [on(START_BACK, '2026-07-15'), ODI, NRS] }, codes: [] },
  { name: '3 STarT Back 6 months and a day ago: missing', record: { questionnaires: [on(START_BACK, '2026-07-14'), ODI, NRS] }, codes: ['lrs.start-back.missing'] },
  { name: '4 no STarT Back', record: { questionnaires: [ODI, NRS] }, codes: ['lrs.start-back.missing'] },
  { name: '5 no red-flag review', record: { redFlags: [] }, codes: ['lrs.red-flag-review.missing'] },
  { name: '6 red flags reviewed the day before the episode began: not this episode', record: { redFlags: [flag('2026-08-31', 'absent')] }, codes: ['lrs.red-flag-review.missing'] },
  { name: '7 red flags reviewed on the onset day: this episode', record: { redFlags: [flag('2026-09-01', 'absent')] }, codes: [] },
  { name: '8 episode ended, no current episode: the review cannot be asked for', record: { backPainEpisodes: [{ onsetDate: '2026-09-01', endDate: '2026-11-01' }], redFlags: [] }, codes: [] },
  {
    name: '9 a red flag present: urgent alert',
    record: { redFlags: [flag('2026-09-10', 'absent'), flag('2027-01-10', 'present', 'saddle-anaesthesia')] },
    codes: ['lrs.red-flag.open'],
    urgent: true,
  },
  { name: '10 a red flag present, then cleared: no alert', record: { redFlags: [flag('2026-12-01', 'present'), flag('2026-12-05', 'cleared')] }, codes: [] },
  {
    name: '11 a red flag present and no LRS diagnosis: the alert still shows',
    record: { diagnoses: [], redFlags: [flag('2026-12-01', 'present')] },
    codes: ['lrs.red-flag.open'],
    inPackage: false,
    urgent: true,
  },
  {
    name: '12 red flag dominates: first, before an alert of priority 85 and everything else',
    record: {
      redFlags: [flag('2026-12-01', 'present')],
      sickLeave: [{ startDate: '2026-11-01', extent: 'full' }],
      questionnaires: [],
      bodyMeasurements: [{ date: '2026-06-01', bmi: 11 }],
      ...level(3),
    },
    codes: ['lrs.red-flag.open', 'lrs.sick-leave', 'lrs.psychologically-informed-care', 'lrs.start-back.missing', 'lrs.pro.due', 'dq.bmi-implausible'],
    urgent: true,
  },
  {
    // Sick leave of 4 weeks or more is also a complexity factor of the differentiation: the suggested level becomes 2.
    name: '13 sick leave for 28 days (4 weeks): alert, and level 2 without physiotherapy',
    record: { sickLeave: [{ startDate: '2026-12-18', extent: 'full' }] },
    codes: ['lrs.sick-leave', 'lrs.physiotherapy'],
  },
  { name: '14 sick leave for 27 days: no alert yet', record: { sickLeave: [{ startDate: '2026-12-19', extent: 'partial' }] }, codes: [] },
  { name: '15 sick leave ended: no alert', record: { sickLeave: [{ startDate: '2026-10-01', endDate: '2026-12-31', extent: 'full' }] }, codes: [] },
  { name: '16 level 2 without physiotherapy referral', record: level(2), codes: ['lrs.physiotherapy'] },
  {
    name: '17 level 2 with a physiotherapy referral',
    record: { ...level(2), referrals: [{ date: '2026-12-02', type: 'physiotherapy', status: 'sent' }] },
    codes: [],
  },
  { name: '18 level 3 without psychologically informed physiotherapy or multidisciplinary referral', record: level(3), codes: ['lrs.psychologically-informed-care'] },
  {
    name: '19 level 3 with a multidisciplinary referral',
    record: { ...level(3), referrals: [{ date: '2026-12-02', type: 'multidisciplinary-assessment', status: 'accepted' }] },
    codes: [],
  },
  {
    name: '20 level 3 with psychologically informed physiotherapy',
    record: { ...level(3), referrals: [{ date: '2026-12-02', type: 'psychologically-informed-physiotherapy', status: 'planned' }] },
    codes: [],
  },
  { name: '21 level 1: no referral suggested', record: level(1), codes: [] },
  {
    name: '22 level 2, follow-up 2026-08-01: next due 2027-02-01 (17 days)',
    record: { ...level(2), referrals: [{ date: '2026-12-02', type: 'physiotherapy', status: 'sent' }], encounters: [{ date: '2026-08-01', type: 'follow-up', package: 'LRS' }] },
    codes: ['lrs.follow-up.due'],
    due: { 'lrs.follow-up.due': '2027-02-01' },
  },
  {
    name: '23 level 3, follow-up 2026-09-30: every 3 months, overdue since 2026-12-30',
    record: { ...level(3), referrals: [{ date: '2026-12-02', type: 'multidisciplinary-assessment', status: 'sent' }], encounters: [{ date: '2026-09-30', type: 'follow-up', package: 'LRS' }] },
    codes: ['lrs.follow-up.overdue'],
    due: { 'lrs.follow-up.overdue': '2026-12-30' },
  },
  {
    name: '24 level 1: no planned follow-up',
    record: { ...level(1), encounters: [{ date: '2026-01-01', type: 'follow-up', package: 'LRS' }] },
    codes: [],
  },
  { name: '25 ODI older than 6 months: PRO due', record: { questionnaires: [START_BACK, on(ODI, '2026-07-14'), NRS] }, codes: ['lrs.pro.due'] },
  { name: '26 no NRS: PRO due', record: { questionnaires: [START_BACK, ODI] }, codes: ['lrs.pro.due'] },
  { name: '27 Roland-Morris instead of ODI: PRO done', record: { questionnaires: [START_BACK, RMDQ, NRS] }, codes: [] },
  {
    name: '28 lumbar MRI requested without a red flag: advisory',
    record: { imaging: [{ date: '2026-12-01', modality: 'mri', region: 'lumbar-spine', status: 'requested' }] },
    codes: ['lrs.imaging.without-red-flag'],
  },
  {
    name: '29 lumbar MRI requested with a red flag present on the day (later cleared): no advisory',
    record: {
      redFlags: [flag('2026-09-10', 'absent'), flag('2026-12-01', 'present', 'saddle-anaesthesia'), flag('2026-12-20', 'cleared', 'saddle-anaesthesia')],
      imaging: [{ date: '2026-12-01', modality: 'mri', region: 'lumbar-spine', status: 'requested' }],
    },
    codes: [],
  },
  { name: '30 hip x-ray: not spine imaging', record: { imaging: [{ date: '2026-12-01', modality: 'x-ray', region: 'hip', status: 'performed' }] }, codes: [] },
  {
    name: '31 spine x-ray 12 months and a day ago: outside the window',
    record: { imaging: [{ date: '2026-01-14', modality: 'x-ray', region: 'lumbar-spine', status: 'performed' }] },
    codes: [],
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
  { name: '34 CPR of a woman, recorded male', record: { patient: { cpr: '1004754322' } }, codes: ['dq.cpr-sex-mismatch'] },
  { name: '35 two NRS on one day', record: { questionnaires: [START_BACK, ODI, NRS, NRS] }, codes: ['dq.duplicate-entries'] },
  {
    name: '36 deceased: out of scope',
    record: { patient: { deceasedDate: '2027-01-01' }, questionnaires: [] },
    codes: [],
    inPackage: false,
  },
];

describe('LRS care items: the hand-checked table', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = care('LRS', c.record, c.asOf ?? ASOF);
    expect(result.items.map((i) => i.code)).toEqual(c.codes);
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
