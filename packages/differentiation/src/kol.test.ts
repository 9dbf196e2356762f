import { describe, expect, it } from 'vitest';
import type { PatientRecordInput } from '@kronikerpakker/core';
import { suggestLevel } from './index';
import type { LevelSuggestion } from './index';
import { asOf, cleanNeeds, decided, dx, kolBase, parse, sils, summary } from './test-helpers';
import type { Expected } from './test-helpers';

type Input = Omit<PatientRecordInput, 'id' | 'patient'>;

const kol = (change: (base: Input) => Input = (b) => b): LevelSuggestion =>
  suggestLevel(parse(change(kolBase())), { package: 'KOL', asOf });

const withNeeds = (b: Input, overrides: Parameters<typeof cleanNeeds>[1]): Input => ({ ...b, needsAssessments: [cleanNeeds('KOL', overrides)] });

// Hand-checked: each row was worked out from needs-assessment.md and domain.md §2.2, not from the code.
const TABLE: readonly [string, (b: Input) => Input, Expected][] = [
  ['baseline: GOLD 2, group A (MRC 2, CAT 5), no factors', (b) => b, decided(1, 'low', 0, [])],
  ['MRC 2 alone (mMRC 1) stays group A', (b) => ({ ...b, cat: [] }), decided(1, 'low', 0, [])],
  ['MRC 3 (mMRC 2) is group B: moderate', (b) => ({ ...b, mrc: [{ date: '2026-10-01', grade: 3 }] }), decided(2, 'moderate', 0, ['gold-group-b'])],
  ['CAT 10 is group B: moderate', (b) => ({ ...b, cat: [{ date: '2026-10-01', total: 10 }] }), decided(2, 'moderate', 0, ['gold-group-b'])],
  ['CAT 9 stays group A', (b) => ({ ...b, cat: [{ date: '2026-10-01', total: 9 }] }), decided(1, 'low', 0, [])],
  [
    'one exacerbation leading to admission: group E, high',
    (b) => ({ ...b, exacerbations: [{ date: '2026-11-01', severity: 'hospitalised' }] }),
    decided(3, 'high', 0, ['gold-group-e']),
  ],
  ['one KOL admission: group E, high', (b) => ({ ...b, admissions: [{ date: '2026-11-01', endDate: '2026-11-06', cause: 'KOL' }] }), decided(3, 'high', 0, ['gold-group-e'])],
  [
    'two moderate exacerbations in 12 months: group E',
    (b) => ({ ...b, exacerbations: [{ date: '2026-02-01', severity: 'moderate' }, { date: '2026-09-01', severity: 'moderate' }] }),
    decided(3, 'high', 0, ['gold-group-e']),
  ],
  ['one moderate exacerbation: not E', (b) => ({ ...b, exacerbations: [{ date: '2026-09-01', severity: 'moderate' }] }), decided(1, 'low', 0, [])],
  ['an admission for another cause: not E', (b) => ({ ...b, admissions: [{ date: '2026-11-01', cause: 'other' }] }), decided(1, 'low', 0, [])],
  [
    'FEV1 29.9 % of predicted: GOLD 4, high',
    (b) => ({ ...b, spirometry: [{ date: '2026-06-01', ratio: 0.5, fev1PercentPredicted: 29.9, postBronchodilator: true }] }),
    decided(3, 'high', 0, ['gold-grade-4']),
  ],
  [
    'FEV1 exactly 30 %: GOLD 3, moderate',
    (b) => ({ ...b, spirometry: [{ date: '2026-06-01', ratio: 0.5, fev1PercentPredicted: 30, postBronchodilator: true }] }),
    decided(2, 'moderate', 0, ['gold-grade-3']),
  ],
  [
    'FEV1 49.9 %: GOLD 3, moderate',
    (b) => ({ ...b, spirometry: [{ date: '2026-06-01', ratio: 0.5, fev1PercentPredicted: 49.9, postBronchodilator: true }] }),
    decided(2, 'moderate', 0, ['gold-grade-3']),
  ],
  [
    'FEV1 exactly 50 %: GOLD 2, low',
    (b) => ({ ...b, spirometry: [{ date: '2026-06-01', ratio: 0.5, fev1PercentPredicted: 50, postBronchodilator: true }] }),
    decided(1, 'low', 0, []),
  ],
  ['one other chronic condition: no multimorbidity', (b) => ({ ...b, diagnoses: [...(b.diagnoses ?? []), dx('T90')] }), decided(1, 'low', 0, [])],
  [
    'two other chronic conditions: multimorbidity, 1 factor',
    (b) => ({ ...b, diagnoses: [...(b.diagnoses ?? []), dx('T90'), dx('K77')] }),
    decided(2, 'low', 1, ['multimorbidity']),
  ],
  [
    'diabetes coded in ICPC-2 and ICD-10 counts once',
    (b) => ({ ...b, diagnoses: [...(b.diagnoses ?? []), dx('T90'), dx('E11.9', 'ICD-10')] }),
    decided(1, 'low', 0, []),
  ],
  ['depression on the problem list: mental health', (b) => ({ ...b, diagnoses: [...(b.diagnoses ?? []), dx('P76')] }), decided(2, 'low', 1, ['mental-health'])],
  ['a positive mental-health screen', (b) => withNeeds(b, { mentalHealthScreenPositive: true }), decided(2, 'low', 1, ['mental-health'])],
  ['self-management partial: 1 factor', (b) => withNeeds(b, { selfManagement: 'partial' }), decided(2, 'low', 1, ['self-management'])],
  ['self-management poor: 2 factors, still level 2', (b) => withNeeds(b, { selfManagement: 'poor' }), decided(2, 'low', 2, ['self-management'])],
  [
    'self-management poor and lives alone: 3 factors, level 3',
    (b) => withNeeds(b, { selfManagement: 'poor', livesAloneWithoutNetwork: true }),
    decided(3, 'low', 3, ['social.lives-alone', 'self-management']),
  ],
  [
    'three social items: 3 factors, level 3',
    (b) => withNeeds(b, { caregiverBurden: true, languageBarrier: true, substanceAbuse: true }),
    decided(3, 'low', 3, ['social.caregiver-burden', 'social.language-barrier', 'social.substance-abuse']),
  ],
  ['SILS 3: possibly limited health literacy', (b) => ({ ...b, questionnaires: [sils(3)] }), decided(2, 'low', 1, ['health-literacy'])],
  ['SILS 2: adequate', (b) => ({ ...b, questionnaires: [sils(2)] }), decided(1, 'low', 0, [])],
  ['clinician "complex course" with group A: level 3', (b) => withNeeds(b, { complexCourse: true }), decided(3, 'low', 0, ['complex-course'])],
  ['sick leave is not a KOL factor', (b) => ({ ...b, sickLeave: [{ startDate: '2026-10-01', extent: 'full' }] }), decided(1, 'low', 0, [])],
  [
    'moderate severity and one factor: max(2, 2) = 2',
    (b) => withNeeds({ ...b, mrc: [{ date: '2026-10-01', grade: 4 }] }, { languageBarrier: true }),
    decided(2, 'moderate', 1, ['gold-group-b', 'social.language-barrier']),
  ],
  [
    'GOLD E with no needs assessment and no SILS: decided all the same',
    (b) => ({ ...b, needsAssessments: [], questionnaires: [], exacerbations: [{ date: '2026-11-01', severity: 'hospitalised' }] }),
    decided(3, 'high', 0, ['gold-group-e']),
  ],
  [
    'no needs assessment, group A: at least 1, could be 3',
    (b) => ({ ...b, needsAssessments: [] }),
    { level: 1, min: 1, max: 3, determined: false, severity: 'low', factors: 0, drivers: [], missing: ['needs-assessment'] },
  ],
  [
    'two factors known, SILS missing: at least 2, could be 3',
    (b) => withNeeds({ ...b, questionnaires: [] }, { selfManagement: 'partial', substanceAbuse: true }),
    { level: 2, min: 2, max: 3, determined: false, severity: 'low', factors: 2, drivers: ['social.substance-abuse', 'self-management'], missing: ['sils'] },
  ],
  [
    'group B, FEV1 % unknown: at least 2, could be 3 (GOLD 4)',
    (b) => ({ ...b, spirometry: [{ date: '2026-06-01', ratio: 0.6, postBronchodilator: true }], mrc: [{ date: '2026-06-01', grade: 3 }] }),
    { level: 2, min: 2, max: 3, determined: false, severity: 'unknown', factors: 0, drivers: ['gold-group-b'], missing: ['fev1-percent-predicted'] },
  ],
  [
    'only the diagnosis recorded: at least 1, could be 3',
    (b) => ({ diagnoses: b.diagnoses ?? [] }),
    {
      level: 1,
      min: 1,
      max: 3,
      determined: false,
      severity: 'unknown',
      factors: 0,
      drivers: [],
      missing: ['fev1-percent-predicted', 'mrc', 'needs-assessment', 'sils'],
    },
  ],
  [
    'a needs assessment for LRS does not count for KOL',
    (b) => ({ ...b, needsAssessments: [cleanNeeds('LRS', { selfManagement: 'poor' })] }),
    { level: 1, min: 1, max: 3, determined: false, severity: 'low', factors: 0, drivers: [], missing: ['needs-assessment'] },
  ],
];

describe('KOL levels: the hand-checked table', () => {
  it('has at least 20 cases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(TABLE)('%s', (_name, change, expected) => {
    expect(summary(kol(change))).toEqual(expected);
  });
});

describe('KOL drivers explain themselves', () => {
  it('name the fact value, the source and the contribution, in Danish and English', () => {
    const s = kol((b) => ({ ...b, diagnoses: [...(b.diagnoses ?? []), dx('T90'), dx('K77'), dx('R96')], admissions: [{ date: '2026-11-01', cause: 'KOL' }] }));
    expect(s.drivers).toEqual([
      {
        domain: 'severity',
        factor: 'gold-group-e',
        rule: 'kol.severity.gold-group-e',
        fact: 'hospitalisedExacerbationsInLastMonths',
        value: 1,
        source: 'record',
        severity: 'high',
        contribution: { kind: 'level', level: 3 },
        text: {
          da: 'GOLD-gruppe E: mindst 2 moderate eksacerbationer eller 1 med indlæggelse inden for de seneste 12 måneder.',
          en: 'GOLD group E: at least 2 moderate exacerbations, or 1 leading to hospital admission, in the last 12 months.',
        },
      },
      {
        domain: 'complexity',
        factor: 'multimorbidity',
        rule: 'complexity.multimorbidity',
        fact: 'activeConditionsInValueSet',
        value: 3,
        source: 'record',
        contribution: { kind: 'factors', factors: 1 },
        text: {
          da: 'Multisygdom: 3 andre kroniske sygdomme på problemlisten.',
          en: 'Multimorbidity: 3 other chronic conditions on the problem list.',
        },
      },
    ]);
  });

  it('lists missing data with the factors it would decide and its text', () => {
    const s = kol((b) => ({ ...b, questionnaires: [], needsAssessments: [] }));
    expect(s.missing).toEqual([
      {
        code: 'needs-assessment',
        factors: ['mental-health', 'social.lives-alone', 'social.caregiver-burden', 'social.language-barrier', 'social.substance-abuse', 'self-management'],
        text: { da: 'Behovsvurdering registreret af klinikeren', en: 'Needs assessment recorded by the clinician' },
      },
      { code: 'sils', factors: ['health-literacy'], text: { da: 'Screening for sundhedskompetence (SILS)', en: 'Health literacy screening (SILS)' } },
    ]);
    expect(s.summary).toEqual({
      da: 'Foreslået niveau er mindst 1. Manglende oplysninger kan hæve det til højst 3.',
      en: 'The suggested level is at least 1. Missing information could raise it to at most 3.',
    });
  });

  it('leaves out missing data that cannot change the level', () => {
    // Depression is known; a missing screen could not add a second mental-health factor.
    const s = kol((b) => ({
      ...b,
      diagnoses: [...(b.diagnoses ?? []), dx('P76')],
      needsAssessments: [{ date: '2026-09-01', package: 'KOL', livesAloneWithoutNetwork: false, caregiverBurden: false, languageBarrier: false, substanceAbuse: false, selfManagement: 'good' }],
    }));
    expect(s.determined).toBe(true);
    expect(s.missing).toEqual([]);
    expect(s.rules.find((r) => r.name === 'complexity.mental-health.screen')?.result).toBe('unknown');
  });

  it('shows the recorded motivation without letting it move the level', () => {
    expect(kol((b) => withNeeds(b, { motivation: 'low' })).motivation).toBe('low');
    expect(kol((b) => withNeeds(b, { motivation: 'low' })).suggestedLevel).toBe(1);
    expect(kol((b) => ({ ...b, needsAssessments: [] })).motivation).toBeUndefined();
  });

  it('carries the provisional pack version and the full trace', () => {
    const s = kol();
    expect(s.ruleSet).toMatchObject({ id: 'kol-differentiation', version: '0.2.0', status: 'provisional' });
    expect(s.ruleSet.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(s.rules.map((r) => r.name)).toContain('kol.severity.gold-group-b');
    expect(s.summary).toEqual({ da: 'Foreslået niveau 1.', en: 'Suggested level 1.' });
  });

  it('serialises every rule result with its trace, after the other fields and before the pack version', () => {
    const s = kol();
    const json = JSON.parse(JSON.stringify(s)) as Record<string, unknown> & { rules: { name: string; trace: { kind: string } }[] };
    expect(Object.keys(json).slice(-2)).toEqual(['rules', 'ruleSet']);
    expect(json.rules.map((r) => r.name)).toEqual(s.rules.map((r) => r.name));
    expect(json.rules.every((r) => typeof r.trace.kind === 'string')).toBe(true);
    expect(Object.keys(json).slice(0, 3)).toEqual(['package', 'asOf', 'suggestedLevel']);
  });
});

describe('KOL: the clinician decides', () => {
  const decision = (date: string, level: 1 | 2 | 3, reason = 'Clinical judgement') => ({ date, package: 'KOL' as const, level, reason });

  it('keeps a decision that differs beside the suggestion, never replacing it', () => {
    const s = kol((b) => ({ ...b, mrc: [{ date: '2026-06-01', grade: 3 }], levelDecisions: [decision('2026-10-01', 1, 'Patient prefers fewer visits')] }));
    expect(s.suggestedLevel).toBe(2);
    expect(s.clinicianDecision).toEqual({ level: 1, reason: 'Patient prefers fewer visits', date: '2026-10-01' });
    expect(s.differsFromClinician).toBe(true);
    expect(s.contactPlan).toMatchObject({ level: 1, basis: 'clinician', followUpIntervalMonths: null });
    expect(s.suggestedContactPlan).toMatchObject({ level: 2, basis: 'suggestion', followUpIntervalMonths: 6 });
    expect(s.clinicianNote?.da).toBe('Klinikeren har valgt niveau 1; forslaget er niveau 2. Klinikerens beslutning gælder.');
  });

  it('does not differ when the clinician chose the suggested level', () => {
    const s = kol((b) => ({ ...b, levelDecisions: [decision('2026-10-01', 3), decision('2026-12-01', 1)] }));
    expect(s.clinicianDecision?.level).toBe(1);
    expect(s.differsFromClinician).toBe(false);
    expect(s.clinicianNote).toBeUndefined();
    expect(s.contactPlan.basis).toBe('clinician');
  });

  it('ignores decisions for the other package', () => {
    const s = kol((b) => ({ ...b, levelDecisions: [{ date: '2026-10-01', package: 'LRS', level: 3, reason: 'Back' }] }));
    expect(s.clinicianDecision).toBeUndefined();
    expect(s.differsFromClinician).toBe(false);
    expect(s.contactPlan.basis).toBe('suggestion');
  });
});

describe('KOL re-assessment', () => {
  const decision = (date: string, level: 1 | 2 | 3) => ({ date, package: 'KOL' as const, level, reason: 'Assessed' });

  it('is not due without a decision', () => {
    expect(kol((b) => ({ ...b, admissions: [{ date: '2026-12-01', cause: 'other' }] })).reassessment).toEqual({ due: false, reasons: [], details: [] });
  });

  it('is due after a hospital admission since the decision', () => {
    const s = kol((b) => ({ ...b, levelDecisions: [decision('2026-06-01', 1)], admissions: [{ date: '2026-09-10', endDate: '2026-09-12', cause: 'other' }] }));
    expect(s.reassessment.due).toBe(true);
    expect(s.reassessment.reasons).toEqual(['after-admission']);
    expect(s.reassessment.details[0]).toEqual({
      reason: 'after-admission',
      date: '2026-09-10',
      text: {
        da: 'Indlæggelse den 10. september 2026 efter seneste niveaubeslutning: vurder niveauet igen.',
        en: 'Hospital admission on 10 September 2026 after the latest level decision: reassess the level.',
      },
    });
  });

  it('is not due for an admission before the decision', () => {
    const s = kol((b) => ({ ...b, levelDecisions: [decision('2026-10-01', 1)], admissions: [{ date: '2026-09-10', cause: 'other' }] }));
    expect(s.reassessment).toEqual({ due: false, reasons: [], details: [] });
  });

  it('is due at an årsstatus since the decision, not one on the day of it', () => {
    const due = kol((b) => ({ ...b, levelDecisions: [decision('2026-02-01', 1)], encounters: [{ date: '2027-01-10', type: 'aarsstatus', package: 'KOL' }] }));
    expect(due.reassessment.reasons).toEqual(['aarsstatus']);
    const same = kol((b) => ({ ...b, levelDecisions: [decision('2026-10-01', 1)], encounters: [{ date: '2026-10-01', type: 'aarsstatus', package: 'KOL' }] }));
    expect(same.reassessment.due).toBe(false);
    const other = kol((b) => ({ ...b, levelDecisions: [decision('2026-02-01', 1)], encounters: [{ date: '2027-01-10', type: 'aarsstatus', package: 'LRS' }] }));
    expect(other.reassessment.due).toBe(false);
  });

  it('is due when the severity class has changed since the decision', () => {
    const s = kol((b) => ({ ...b, levelDecisions: [decision('2026-07-01', 1)], mrc: [{ date: '2026-06-01', grade: 2 }, { date: '2026-12-01', grade: 4 }] }));
    expect(s.severity).toBe('moderate');
    expect(s.reassessment.reasons).toEqual(['severity-changed']);
    const unchanged = kol((b) => ({ ...b, levelDecisions: [decision('2026-07-01', 1)], mrc: [{ date: '2026-06-01', grade: 2 }, { date: '2026-12-01', grade: 2 }] }));
    expect(unchanged.reassessment.due).toBe(false);
  });

  it('compares with the decided level when the severity then is unknown', () => {
    // Nothing was recorded on 2026-01-01: severity then unknown; now GOLD E (level 3) is above the decided level 1.
    const s = kol((b) => ({ ...b, levelDecisions: [decision('2026-01-01', 1)], admissions: [{ date: '2026-12-01', cause: 'KOL' }] }));
    expect(s.reassessment.reasons).toEqual(['after-admission', 'severity-changed']);
    // Low severity now is within a decided level 2: no change can be inferred.
    const t = kol((b) => ({ ...b, levelDecisions: [decision('2026-01-01', 2)] }));
    expect(t.reassessment.due).toBe(false);
  });
});

describe('KOL contact plan', () => {
  it('gives each level its intervals, PRO timing and offers', () => {
    const plans = [kol(), kol((b) => ({ ...b, mrc: [{ date: '2026-10-01', grade: 3 }] })), kol((b) => withNeeds(b, { complexCourse: true }))].map(
      (s) => s.contactPlan,
    );
    expect(plans.map((p) => [p.level, p.aarsstatusIntervalMonths, p.followUpIntervalMonths, p.proBefore])).toEqual([
      [1, 12, null, 'aarsstatus'],
      [2, 12, 6, 'aarsstatus-and-follow-up'],
      [3, 12, 3, 'aarsstatus-and-follow-up'],
    ]);
    expect(plans.map((p) => p.offers.map((o) => o.code))).toEqual([
      ['self-management-plan', 'smoking-cessation'],
      ['self-management-plan', 'smoking-cessation', 'municipal-rehabilitation'],
      ['self-management-plan', 'smoking-cessation', 'municipal-rehabilitation', 'coordinator', 'specialist-assessment'],
    ]);
    expect(plans[2]?.meaning.da).toBe('Niveau 3: komplekst forløb, koordineret på tværs af sektorer.');
    expect(plans[1]?.texts).toEqual({
      aarsstatus: { da: 'Årsstatus hver 12. måned.', en: 'Årsstatus (yearly review) every 12 months.' },
      followUp: { da: 'Planlagt opfølgning hver 6. måned.', en: 'Planned follow-up every 6 months.' },
      proBefore: { da: 'PRO-skema før årsstatus og før hver opfølgning.', en: 'PRO questionnaire before the årsstatus and before each follow-up.' },
    });
    expect(plans[0]?.texts.followUp.en).toBe('No planned follow-up beyond the årsstatus.');
  });
});
