import { describe, expect, it } from 'vitest';
import type { PatientRecordInput } from '@kronikerpakker/core';
import { suggestLevel } from './index';
import type { LevelSuggestion } from './index';
import { asOf, cleanNeeds, decided, dx, lrsBase, odi, parse, sils, startBack, summary } from './test-helpers';
import type { Expected } from './test-helpers';

type Input = Omit<PatientRecordInput, 'id' | 'patient'>;

const lrs = (change: (base: Input) => Input = (b) => b): LevelSuggestion =>
  suggestLevel(parse(change(lrsBase())), { package: 'LRS', asOf });


/** The base's questionnaires with STarT Back and ODI replaced (SILS 1 kept). */
const pro = (b: Input, ...questionnaires: NonNullable<Input['questionnaires']>): Input => ({ ...b, questionnaires: [sils(1), ...questionnaires] });
const withNeeds = (b: Input, overrides: Parameters<typeof cleanNeeds>[1]): Input => ({ ...b, needsAssessments: [cleanNeeds('LRS', overrides)] });
const sickFrom = (b: Input, startDate: string): Input => ({ ...b, sickLeave: [{ startDate, extent: 'full', backPainRelated: true }] });

// Hand-checked: each row was worked out from needs-assessment.md and domain.md §3.3-3.4, not from the code.
const TABLE: readonly [string, (b: Input) => Input, Expected][] = [
  ['baseline: STarT Back low (2), ODI 20 %, no factors', (b) => b, decided(1, 'low', 0, [])],
  ['STarT Back total 3, subscore 3: low', (b) => pro(b, startBack(3, 3), odi(10)), decided(1, 'low', 0, [])],
  ['STarT Back total 4, subscore 3: medium, moderate', (b) => pro(b, startBack(4, 3), odi(10)), decided(2, 'moderate', 0, ['start-back-medium'])],
  ['STarT Back total 4, subscore 4: high', (b) => pro(b, startBack(4, 4), odi(10)), decided(3, 'high', 0, ['start-back-high'])],
  ['STarT Back total 9, subscore 5: high', (b) => pro(b, startBack(9, 5), odi(10)), decided(3, 'high', 0, ['start-back-high'])],
  ['ODI 40 % does not raise low', (b) => pro(b, startBack(2, 1), odi(20)), decided(1, 'low', 0, [])],
  ['ODI 42 % (above 40) raises low to moderate', (b) => pro(b, startBack(2, 1), odi(21)), decided(2, 'moderate', 0, ['odi-severe'])],
  ['ODI 42 % with STarT Back medium: moderate', (b) => pro(b, startBack(4, 2), odi(21)), decided(2, 'moderate', 0, ['start-back-medium', 'odi-severe'])],
  ['ODI 42 % with STarT Back high: high', (b) => pro(b, startBack(5, 4), odi(21)), decided(3, 'high', 0, ['start-back-high', 'odi-severe'])],
  ['sick leave for exactly 4 weeks: work factor', (b) => sickFrom(b, '2026-12-18'), decided(2, 'low', 1, ['work'])],
  ['sick leave for 3 weeks: no factor', (b) => sickFrom(b, '2026-12-19'), decided(1, 'low', 0, [])],
  ['job at risk: work factor', (b) => withNeeds(b, { jobAtRisk: true }), decided(2, 'low', 1, ['work'])],
  ['sick leave 6 weeks and job at risk: work counts once', (b) => withNeeds(sickFrom(b, '2026-12-01'), { jobAtRisk: true }), decided(2, 'low', 1, ['work'])],
  ['one other chronic condition: no multimorbidity', (b) => ({ ...b, diagnoses: [...(b.diagnoses ?? []), dx('L95')] }), decided(1, 'low', 0, [])],
  [
    'two other chronic conditions: multimorbidity',
    (b) => ({ ...b, diagnoses: [...(b.diagnoses ?? []), dx('L95'), dx('K78')] }),
    decided(2, 'low', 1, ['multimorbidity']),
  ],
  ['self-management poor: 2 factors', (b) => withNeeds(b, { selfManagement: 'poor' }), decided(2, 'low', 2, ['self-management'])],
  ['self-management poor and sick leave: 3 factors, level 3', (b) => withNeeds(sickFrom(b, '2026-11-01'), { selfManagement: 'poor' }), decided(3, 'low', 3, ['self-management', 'work'])],
  [
    'SILS 4 and lives alone: 2 factors',
    (b) => withNeeds({ ...b, questionnaires: [sils(4), startBack(2, 1), odi(10)] }, { livesAloneWithoutNetwork: true }),
    decided(2, 'low', 2, ['health-literacy', 'social.lives-alone']),
  ],
  ['anxiety on the problem list: mental health', (b) => ({ ...b, diagnoses: [...(b.diagnoses ?? []), dx('F41.1', 'ICD-10')] }), decided(2, 'low', 1, ['mental-health'])],
  ['clinician "complex course": level 3', (b) => withNeeds(b, { complexCourse: true }), decided(3, 'low', 0, ['complex-course'])],
  [
    'STarT Back high with nothing else recorded: decided',
    (b) => ({ diagnoses: b.diagnoses ?? [], questionnaires: [startBack(6, 4)] }),
    decided(3, 'high', 0, ['start-back-high']),
  ],
  [
    'STarT Back medium, ODI not recorded: moderate is settled',
    (b) => pro(b, startBack(4, 1)),
    decided(2, 'moderate', 0, ['start-back-medium']),
  ],
  [
    'latest scorable STarT Back wins: older high, newer low',
    (b) => pro(b, startBack(6, 5, '2026-03-01'), startBack(1, 0, '2026-10-01'), odi(10)),
    decided(1, 'low', 0, []),
  ],
  [
    'no STarT Back, ODI 20 %: at least 1, could be 3',
    (b) => pro(b, odi(10)),
    { level: 1, min: 1, max: 3, determined: false, severity: 'unknown', factors: 0, drivers: [], missing: ['start-back'] },
  ],
  [
    'no STarT Back, ODI 42 %: at least 2, could be 3',
    (b) => pro(b, odi(21)),
    { level: 2, min: 2, max: 3, determined: false, severity: 'unknown', factors: 0, drivers: ['odi-severe'], missing: ['start-back'] },
  ],
  [
    'no STarT Back and no ODI',
    (b) => pro(b),
    { level: 1, min: 1, max: 3, determined: false, severity: 'unknown', factors: 0, drivers: [], missing: ['start-back', 'odi'] },
  ],
  [
    'job at risk not recorded: at least 1, could be 2',
    (b) => ({ ...b, needsAssessments: [{ ...cleanNeeds('LRS'), jobAtRisk: undefined }] }),
    { level: 1, min: 1, max: 2, determined: false, severity: 'low', factors: 0, drivers: [], missing: ['needs-assessment'] },
  ],
  [
    'a needs assessment for KOL does not count for LRS',
    (b) => ({ ...b, needsAssessments: [cleanNeeds('KOL')] }),
    { level: 1, min: 1, max: 3, determined: false, severity: 'low', factors: 0, drivers: [], missing: ['needs-assessment'] },
  ],
];

describe('LRS levels: the hand-checked table', () => {
  it('has at least 20 cases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(TABLE)('%s', (_name, change, expected) => {
    expect(summary(lrs(change))).toEqual(expected);
  });
});

describe('LRS drivers', () => {
  it('show the questionnaire value used', () => {
    const s = lrs((b) => pro(sickFrom(b, '2026-11-20'), startBack(2, 1), odi(21)));
    const odiDriver = s.drivers.find((d) => d.factor === 'odi-severe');
    expect(odiDriver).toMatchObject({ fact: 'latestOdiPercent', value: 42, source: 'questionnaire', contribution: { kind: 'level', level: 2 } });
    expect(odiDriver?.text).toEqual({ da: 'Oswestry-score 42 %: svært nedsat funktion.', en: 'Oswestry score 42 %: severe disability.' });
    const work = s.drivers.find((d) => d.factor === 'work');
    expect(work).toMatchObject({ fact: 'currentSickLeaveWeeks', value: 8, source: 'record', contribution: { kind: 'factors', factors: 1 } });
    expect(work?.text.da).toBe('Arbejde: sygemeldt i 8 uger.');
  });

  it('names the clinician as the source of recorded items', () => {
    const s = lrs((b) => withNeeds(b, { jobAtRisk: true }));
    expect(s.drivers[0]).toMatchObject({ factor: 'work', rule: 'complexity.work.job-at-risk', source: 'clinician', value: true });
  });
});

describe('LRS: the clinician decides, and re-assessment', () => {
  const decision = (date: string, level: 1 | 2 | 3) => ({ date, package: 'LRS' as const, level, reason: 'Assessed in consultation' });

  it('keeps a differing decision beside the suggestion', () => {
    const s = lrs((b) => ({ ...pro(b, startBack(5, 4), odi(10)), levelDecisions: [decision('2026-10-01', 2)] }));
    expect(s.suggestedLevel).toBe(3);
    expect(s.clinicianDecision).toEqual({ level: 2, reason: 'Assessed in consultation', date: '2026-10-01' });
    expect(s.differsFromClinician).toBe(true);
    expect(s.contactPlan).toMatchObject({ level: 2, basis: 'clinician' });
    // Issue 12 finding 5: the treatment follows the STarT Back group (care pack); the level's offers do not name it.
    expect(s.suggestedContactPlan.offers.map((o) => o.code)).toEqual(['advice', 'self-management-material', 'multidisciplinary-assessment', 'coordinator']);
  });

  it('is due after an admission and after an årsstatus for LRS since the decision', () => {
    const s = lrs((b) => ({
      ...b,
      levelDecisions: [decision('2026-10-01', 1)],
      admissions: [{ date: '2026-11-15', cause: 'LRS' }],
      encounters: [
        { date: '2026-12-01', type: 'aarsstatus', package: 'KOL' },
        { date: '2027-01-05', type: 'aarsstatus', package: 'LRS' },
      ],
    }));
    expect(s.reassessment.due).toBe(true);
    expect(s.reassessment.reasons).toEqual(['aarsstatus', 'after-admission']);
    expect(s.reassessment.details.map((d) => d.date)).toEqual(['2027-01-05', '2026-11-15']);
  });

  it('is due when the STarT Back group has moved since the decision', () => {
    const s = lrs((b) => ({ ...pro(b, startBack(2, 1, '2026-09-01'), startBack(5, 4, '2026-12-01'), odi(10)), levelDecisions: [decision('2026-10-01', 1)] }));
    expect(s.reassessment.reasons).toEqual(['severity-changed']);
    expect(s.reassessment.details[0]?.text.en).toBe('The severity of the condition has changed since the latest level decision: reassess the level.');
  });

  it('gives the LRS contact plan per level (the level sets the frequency; the STarT Back group the treatment, Hill et al. 2011)', () => {
    expect(lrs().contactPlan.offers.map((o) => o.text.da)).toEqual(['Rådgivning om lænderygsmerter.', 'Materiale til egenomsorg.']);
    const level2 = lrs((b) => pro(b, startBack(4, 2), odi(10))).contactPlan;
    expect(level2.followUpIntervalMonths).toBe(6);
    expect(level2.offers.map((o) => o.code)).toEqual(['advice', 'self-management-material']);
  });
});
