/**
 * Hand-checked cases for the LRS inclusion pack (lrs-inclusion 0.2.0, all
 * rules PROVISIONAL). Each case: a record built from fragments, the
 * evaluation date, the expected status, reason codes (in order) and missing data.
 */
import { describe, expect, it } from 'vitest';
import { RED_FLAGS } from '@kronikerpakker/core';
import type { MessageCode, RedFlagCategory, RedFlagCode } from '@kronikerpakker/core';
import { born, decision, deceased, dx, episode, flag, notListed, runCase } from './test-helpers';
import type { Case, Part } from './test-helpers';

const ELIGIBLE_DURATION: readonly MessageCode[] = [
  'inclusion.age.met',
  'inclusion.lrs.diagnosis.present',
  'inclusion.lrs.duration.met',
];
const ELIGIBLE_RECURRENT: readonly MessageCode[] = [
  'inclusion.age.met',
  'inclusion.lrs.diagnosis.present',
  'inclusion.lrs.recurrent',
];
const L03 = dx('L03');
/** Current episode since 2026-09-01: 19 whole weeks on 2027-01-15. */
const LONG = episode('2026-09-01');
/** A 46-year-old with L03 and 19 weeks of pain. */
const LRS: readonly Part[] = [born('1980-05-10'), L03, LONG];

/**
 * Issue 12 finding 4: urgent warning signs, each with the flags that raise it
 * (alone, or only in combination), and the category its reason names.
 * Source: spec/domain.md 3.2 (revised 2026-12); Lægehåndbogen; NICE NG59;
 * Henschke et al. 2009 (Arthritis Rheum); Cochrane CD014461 (2023).
 */
const URGENT: readonly { readonly flags: readonly RedFlagCode[]; readonly category: RedFlagCategory; readonly why: string }[] = [
  { flags: ['saddle-anaesthesia'], category: 'cauda-equina', why: 'saddle anaesthesia alone' },
  { flags: ['bladder-bowel-dysfunction'], category: 'cauda-equina', why: 'bladder or bowel dysfunction alone' },
  { flags: ['progressive-neurological-deficit'], category: 'neurological-deficit', why: 'a progressive or severe deficit alone' },
  { flags: ['fever', 'immunosuppression'], category: 'infection', why: 'fever with immunosuppression' },
  { flags: ['fever', 'iv-drug-use'], category: 'infection', why: 'fever with IV drug use' },
  { flags: ['trauma'], category: 'fracture', why: 'significant trauma alone' },
  { flags: ['previous-cancer', 'unexplained-weight-loss'], category: 'malignancy', why: 'previous cancer with unexplained weight loss' },
  { flags: ['previous-cancer', 'constant-or-night-pain'], category: 'malignancy', why: 'previous cancer with constant or night pain' },
  { flags: ['inflammatory-disease-suspected'], category: 'inflammatory', why: 'suspected inflammatory disease' },
];

const redFlagCases: readonly Case[] = URGENT.map(({ flags, category, why }) => ({
  name: `urgent warning sign, ${why}: excluded with an urgent action (${category})`,
  record: [...LRS, ...flags.map((f) => flag(f, 'present'))],
  status: 'excluded' as const,
  reasons: ['inclusion.lrs.red-flag'] as const,
  check: (r) => {
    const reason = r.reasons[0];
    expect(reason?.params).toEqual({ category });
    expect(reason?.urgent).toBe(true);
    expect(reason?.provisional).toBe(true);
    expect(reason?.criterion).toBe(`red-flag-${category}`);
    expect(reason?.text.da).toMatch(/^Rødt flag: mistanke om /u);
    expect(reason?.text.en).toContain('refer urgently');
  },
}));

/**
 * Issue 12 finding 4: risk factors on their own never exclude (nor do two of
 * them that make no urgent combination): the patient stays eligible. Most
 * primary-care back-pain patients have at least one (Henschke et al. 2009).
 */
const RISK_FACTORS: readonly (readonly RedFlagCode[])[] = [
  ['high-age'],
  ['osteoporosis'],
  ['long-term-steroids'],
  ['previous-cancer'],
  ['constant-or-night-pain'],
  ['unexplained-weight-loss'],
  ['fever'],
  ['immunosuppression'],
  ['iv-drug-use'],
  ['neurological-deficit'],
  ['high-age', 'osteoporosis', 'long-term-steroids'],
  ['unexplained-weight-loss', 'constant-or-night-pain'],
];

const riskFactorCases: readonly Case[] = RISK_FACTORS.map((flags) => ({
  name: `risk factor(s) ${flags.join(' + ')}: not an urgent sign, still eligible`,
  record: [...LRS, ...flags.map((f) => flag(f, 'present'))],
  status: 'eligible' as const,
  reasons: ELIGIBLE_DURATION,
  check: (r) => {
    expect(r.reasons.some((x) => x.urgent === true)).toBe(false);
    for (const f of flags) expect(RED_FLAGS[f]).toBeDefined();
  },
}));

const cases: readonly Case[] = [
  // --- Diagnosis (value set lrs-diagnosis, PROVISIONAL).
  {
    name: 'L03 with 19 weeks of pain',
    record: LRS,
    status: 'eligible',
    reasons: ELIGIBLE_DURATION,
    check: (r) => {
      expect(r.reasons.find((x) => x.code === 'inclusion.lrs.duration.met')?.params).toEqual({ weeks: 19 });
      expect(r.reasons.every((x) => x.provisional === true)).toBe(true);
    },
  },
  { name: 'L84 (back syndrome without radiation)', record: [dx('L84'), LONG], status: 'eligible', reasons: ELIGIBLE_DURATION },
  { name: 'L86 (back syndrome with radiation)', record: [dx('L86'), LONG], status: 'eligible', reasons: ELIGIBLE_DURATION },
  { name: 'ICD-10 M54.5', record: [dx('M54.5', 'ICD-10'), LONG], status: 'eligible', reasons: ELIGIBLE_DURATION },
  { name: 'SKS DM544 (M54.4, with sciatica)', record: [dx('DM544', 'SKS'), LONG], status: 'eligible', reasons: ELIGIBLE_DURATION },
  { name: 'ICD-10 M51.1 (disc disorder)', record: [dx('M51.1', 'ICD-10'), LONG], status: 'eligible', reasons: ELIGIBLE_DURATION },
  { name: 'ICD-10 M48.0 (spinal stenosis)', record: [dx('M48.0', 'ICD-10'), LONG], status: 'eligible', reasons: ELIGIBLE_DURATION },
  {
    name: 'L02 (thoracic back) is not low back pain',
    record: [dx('L02'), LONG],
    status: 'not-eligible',
    reasons: ['inclusion.lrs.diagnosis.absent'],
  },
  {
    name: 'M48.1 is outside the M48.0 stenosis code',
    record: [dx('M48.1', 'ICD-10'), LONG],
    status: 'not-eligible',
    reasons: ['inclusion.lrs.diagnosis.absent'],
  },
  {
    name: 'a resolved L03 does not count',
    record: [dx('L03', 'ICPC-2', 'resolved'), LONG],
    status: 'not-eligible',
    reasons: ['inclusion.lrs.diagnosis.absent'],
  },

  // --- Age >= 18.
  {
    name: 'under 18',
    record: [born('2010-01-01'), L03, LONG],
    status: 'not-eligible',
    reasons: ['inclusion.age.below'],
    check: (r) => { expect(r.reasons[0]?.params).toEqual({ minAge: 18 }); },
  },
  { name: '17 on the day before the 18th birthday', record: [born('2009-01-16'), L03, LONG], status: 'not-eligible', reasons: ['inclusion.age.below'] },
  { name: '18 exactly on the birthday', record: [born('2009-01-15'), L03, LONG], status: 'eligible', reasons: ELIGIBLE_DURATION },
  {
    name: 'born 29 February 2012: still 17 on 28 February 2030',
    record: [born('2012-02-29'), L03, episode('2029-10-01')],
    asOf: '2030-02-28',
    status: 'not-eligible',
    reasons: ['inclusion.age.below'],
  },
  {
    name: 'born 29 February 2012: 18 on 1 March 2030',
    record: [born('2012-02-29'), L03, episode('2029-10-01')],
    asOf: '2030-03-01',
    status: 'eligible',
    reasons: ELIGIBLE_DURATION,
  },

  // --- Persistence: >= 12 weeks since onset of the current episode, or >= 2 episodes in 12 months.
  {
    name: '12 weeks minus one day since onset (83 days): not eligible, both ways of qualifying named',
    record: [born('1980-05-10'), L03, episode('2026-10-24')],
    status: 'not-eligible',
    reasons: ['inclusion.lrs.persistence.not-met'],
    check: (r) => {
      expect(r.reasons[0]?.params).toEqual({ weeks: 11, minWeeks: 12, episodes: 1, minEpisodes: 2, months: 12 });
      expect(r.reasons[0]?.text.da).toBe(
        'Lænderygsmerterne har varet i 11 uger, og der er 1 episode inden for de seneste 12 måneder. Pakken kræver mindst 12 uger eller mindst 2 episoder inden for 12 måneder.',
      );
    },
  },
  {
    name: 'exactly 12 weeks since onset (84 days)',
    record: [born('1980-05-10'), L03, episode('2026-10-23')],
    status: 'eligible',
    reasons: ELIGIBLE_DURATION,
    check: (r) => { expect(r.reasons[2]?.params).toEqual({ weeks: 12 }); },
  },
  {
    name: 'two episodes in 12 months (recurrent), the current one short',
    record: [L03, episode('2026-03-01', '2026-04-01'), episode('2026-12-20')],
    status: 'eligible',
    reasons: ELIGIBLE_RECURRENT,
    check: (r) => { expect(r.reasons[2]?.params).toEqual({ episodes: 2 }); },
  },
  {
    name: 'one episode in 12 months (the earlier one is older): not eligible',
    record: [L03, episode('2025-12-01', '2025-12-20'), episode('2026-12-20')],
    status: 'not-eligible',
    reasons: ['inclusion.lrs.persistence.not-met'],
    check: (r) => { expect(r.reasons[0]?.params).toMatchObject({ weeks: 3, episodes: 1 }); },
  },
  {
    name: 'an episode exactly 12 months back is within the 12 months',
    record: [L03, episode('2026-01-15', '2026-02-15'), episode('2026-12-20')],
    status: 'eligible',
    reasons: ELIGIBLE_RECURRENT,
  },
  {
    name: 'an episode 12 months and one day back is not',
    record: [L03, episode('2026-01-14', '2026-02-15'), episode('2026-12-20')],
    status: 'not-eligible',
    reasons: ['inclusion.lrs.persistence.not-met'],
  },
  {
    name: 'both long and recurrent: both reasons',
    record: [L03, episode('2026-02-01', '2026-03-01'), episode('2026-09-01')],
    status: 'eligible',
    reasons: [...ELIGIBLE_DURATION, 'inclusion.lrs.recurrent'],
  },
  {
    name: 'no episode recorded: insufficient data naming the onset date',
    record: [L03],
    status: 'insufficient-data',
    reasons: ['inclusion.lrs.persistence.unknown'],
    missing: ['back-pain-episode-onset'],
    check: (r) => { expect(r.missing[0]?.text.da).toBe('Debutdato for den aktuelle episode med lænderygsmerter'); },
  },
  {
    name: 'one ended episode and no current one: insufficient data',
    record: [L03, episode('2026-06-01', '2026-07-01')],
    status: 'insufficient-data',
    reasons: ['inclusion.lrs.persistence.unknown'],
    missing: ['back-pain-episode-onset'],
  },
  {
    name: 'no episode and under 18: not eligible, not insufficient data',
    record: [born('2012-01-01'), L03],
    status: 'not-eligible',
    reasons: ['inclusion.age.below'],
    missing: [],
  },
  {
    name: 'no episode and no LRS diagnosis: not eligible',
    record: [born('1980-05-10')],
    status: 'not-eligible',
    reasons: ['inclusion.lrs.diagnosis.absent'],
    missing: [],
  },

  // --- Warning signs: urgent signs exclude (an urgent action, listed first); risk factors never alone.
  ...redFlagCases,
  ...riskFactorCases,
  {
    name: 'an urgent sign assessed and cleared no longer excludes',
    record: [...LRS, flag('saddle-anaesthesia', 'present', '2026-11-01'), flag('saddle-anaesthesia', 'cleared', '2026-11-15')],
    status: 'eligible',
    reasons: ELIGIBLE_DURATION,
  },
  {
    name: 'a red flag asked about and absent does not exclude',
    record: [...LRS, flag('saddle-anaesthesia', 'absent')],
    status: 'eligible',
    reasons: ELIGIBLE_DURATION,
  },
  {
    name: 'cleared, then present again: excluded',
    record: [...LRS, flag('trauma', 'cleared', '2026-10-01'), flag('trauma', 'present', '2026-12-01')],
    status: 'excluded',
    reasons: ['inclusion.lrs.red-flag'],
  },
  {
    name: 'two urgent signs: one urgent reason each, in pack order',
    record: [...LRS, flag('fever', 'present'), flag('immunosuppression', 'present'), flag('saddle-anaesthesia', 'present')],
    status: 'excluded',
    reasons: ['inclusion.lrs.red-flag', 'inclusion.lrs.red-flag'],
    check: (r) => { expect(r.reasons.map((x) => x.params['category'])).toEqual(['cauda-equina', 'infection']); },
  },
  {
    name: 'an urgent sign and a declined package: the urgent action comes first',
    record: [...LRS, decision('LRS', 'declined'), flag('trauma', 'present')],
    status: 'excluded',
    reasons: ['inclusion.lrs.red-flag', 'inclusion.excluded.declined.revisitable'],
  },
  {
    name: 'a red flag without an LRS diagnosis still gives the urgent action',
    record: [born('1980-05-10'), flag('bladder-bowel-dysfunction', 'present')],
    status: 'excluded',
    reasons: ['inclusion.lrs.red-flag'],
  },

  // --- Other exclusions.
  {
    name: 'declined excludes, and can be revisited',
    record: [...LRS, decision('LRS', 'declined', '2026-10-05')],
    status: 'excluded',
    reasons: ['inclusion.excluded.declined.revisitable'],
    check: (r) => { expect(r.reasons[0]?.params).toEqual({ date: '2026-10-05' }); },
  },
  {
    name: 'declined, then included later',
    record: [...LRS, decision('LRS', 'declined', '2026-01-05'), decision('LRS', 'included', '2026-10-05')],
    status: 'eligible',
    reasons: ELIGIBLE_DURATION,
  },
  {
    name: 'followed in hospital is not an LRS exclusion (no such rule in the pack)',
    record: [...LRS, decision('LRS', 'followed-in-hospital')],
    status: 'eligible',
    reasons: ELIGIBLE_DURATION,
  },
  {
    name: 'declining KOL does not exclude from LRS',
    record: [...LRS, decision('KOL', 'declined')],
    status: 'eligible',
    reasons: ELIGIBLE_DURATION,
  },
  {
    name: 'deceased',
    record: [...LRS, deceased('2027-01-02')],
    status: 'excluded',
    reasons: ['inclusion.excluded.deceased', 'inclusion.excluded.not-listed'],
  },
  { name: 'not listed', record: [...LRS, notListed], status: 'excluded', reasons: ['inclusion.excluded.not-listed'] },
];

describe('lrs-inclusion: hand-checked cases', () => {
  it('has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    runCase('LRS', c);
  });
});
