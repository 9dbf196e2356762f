import { describe, expect, it } from 'vitest';
import { formatMessage, isMessageCode } from '../messages/messages';
import { FACTS, MISSING_DATA_CODES, computeFact, createFactContext, missingDataMessageCode } from './facts';
import { loadRulePack } from './pack';
import { compileRulePack, evaluateRulePack } from './evaluate';
import { record, samplePack } from './test-helpers';
// Relative on purpose: core cannot depend on test-fixtures (which depends on core).
import { disagreements } from '../../../../test-fixtures/src/reference-check';

const asOf = '2027-01-15';
const fact = (input: Parameters<typeof record>[0], name: string, params?: Record<string, unknown>) =>
  computeFact(createFactContext(record(input), asOf), name, params);

const dx = (code: string, system: 'ICPC-2' | 'ICD-10' | 'SKS' = 'ICPC-2', status: 'active' | 'resolved' = 'active') => ({
  system,
  code,
  status,
  recordedDate: '2025-01-01',
});

describe('missing-data codes', () => {
  it('has a message in Danish and English for every code', () => {
    for (const code of MISSING_DATA_CODES) {
      expect(isMessageCode(missingDataMessageCode(code))).toBe(true);
      expect(formatMessage(missingDataMessageCode(code), {}, 'da')).not.toBe(formatMessage(missingDataMessageCode(code), {}, 'en'));
    }
    expect(MISSING_DATA_CODES).toEqual(expect.arrayContaining(['needs-assessment', 'start-back', 'odi', 'sils']));
  });
});

describe('fact activeConditionsInValueSet', () => {
  const count = (diagnoses: ReturnType<typeof dx>[], valueSet = 'multimorbidity-chronic') =>
    fact({ diagnoses }, 'activeConditionsInValueSet', { valueSet });

  it('counts active conditions in the value set, not other codes', () => {
    expect(count([])).toBe(0);
    expect(count([dx('T90')])).toBe(1);
    expect(count([dx('T90'), dx('K77')])).toBe(2);
    expect(count([dx('T90'), dx('R95'), dx('L03')])).toBe(1);
    expect(count([dx('T90'), dx('K77', 'ICPC-2', 'resolved')])).toBe(1);
  });

  it('counts one condition once across codes and code systems', () => {
    expect(count([dx('T90'), dx('E11.9', 'ICD-10')])).toBe(1);
    expect(count([dx('T89'), dx('T90')])).toBe(1);
    expect(count([dx('K74'), dx('K76'), dx('DI251', 'SKS')])).toBe(1);
    expect(count([dx('F32.1', 'ICD-10'), dx('F33.0', 'ICD-10'), dx('P76')])).toBe(1);
    expect(count([dx('P76'), dx('P74')])).toBe(2);
    expect(count([dx('T90'), dx('T90')])).toBe(1);
  });

  it('takes the value set from params', () => {
    expect(count([dx('P76'), dx('T90')], 'mental-health')).toBe(1);
  });

  it('rejects an unknown value set when a pack loads', () => {
    expect(FACTS.get('activeConditionsInValueSet')?.params?.safeParse({ valueSet: 'nope' }).success).toBe(false);
    expect(FACTS.get('activeConditionsInValueSet')?.params?.safeParse({ valueSet: 'mental-health' }).success).toBe(true);
  });
});

describe('needs-assessment facts', () => {
  const na = (date: string, extra: Record<string, unknown>) => ({ date, ...extra });

  it('takes the latest recorded answer for the package, or from entries without a package', () => {
    const input = {
      needsAssessments: [
        na('2025-03-01', { package: 'KOL', livesAloneWithoutNetwork: true, selfManagement: 'poor' }),
        na('2026-03-01', { selfManagement: 'partial' }),
        na('2026-06-01', { package: 'LRS', livesAloneWithoutNetwork: false, selfManagement: 'good' }),
      ],
    };
    expect(fact(input, 'needsAssessmentFlag', { item: 'livesAloneWithoutNetwork', package: 'KOL' })).toBe(true);
    expect(fact(input, 'needsAssessmentFlag', { item: 'livesAloneWithoutNetwork', package: 'LRS' })).toBe(false);
    expect(fact(input, 'needsAssessmentSelfManagement', { package: 'KOL' })).toBe('partial');
    expect(fact(input, 'needsAssessmentSelfManagement', { package: 'LRS' })).toBe('good');
  });

  it('is unknown when the item was never recorded, with the missing-data code needs-assessment', () => {
    const input = { needsAssessments: [na('2026-03-01', { package: 'KOL', caregiverBurden: false })] };
    expect(fact(input, 'needsAssessmentFlag', { item: 'substanceAbuse', package: 'KOL' })).toBeUndefined();
    expect(fact(input, 'needsAssessmentMotivation', { package: 'KOL' })).toBeUndefined();
    expect(fact({}, 'needsAssessmentSelfManagement', { package: 'LRS' })).toBeUndefined();
    for (const name of ['needsAssessmentFlag', 'needsAssessmentSelfManagement', 'needsAssessmentMotivation']) {
      expect(FACTS.get(name)?.missing).toBe('needs-assessment');
    }
  });

  it('lets the later entry on one day win', () => {
    const input = {
      needsAssessments: [na('2026-03-01', { motivation: 'low' }), na('2026-03-01', { motivation: 'high' })],
    };
    expect(fact(input, 'needsAssessmentMotivation', { package: 'KOL' })).toBe('high');
  });

  it('reads complex course as an explicit flag: false when never set', () => {
    expect(fact({}, 'clinicianComplexCourse', { package: 'KOL' })).toBe(false);
    expect(fact({ needsAssessments: [na('2026-03-01', { complexCourse: true }), na('2026-05-01', { motivation: 'low' })] }, 'clinicianComplexCourse', { package: 'KOL' })).toBe(true);
    expect(fact({ needsAssessments: [na('2026-03-01', { complexCourse: true }), na('2026-05-01', { complexCourse: false })] }, 'clinicianComplexCourse', { package: 'KOL' })).toBe(false);
    expect(FACTS.get('clinicianComplexCourse')?.missing).toBeUndefined();
  });

  it('accepts only the yes/no items as flag params', () => {
    const params = FACTS.get('needsAssessmentFlag')?.params;
    expect(params?.safeParse({ item: 'jobAtRisk', package: 'LRS' }).success).toBe(true);
    expect(params?.safeParse({ item: 'selfManagement', package: 'LRS' }).success).toBe(false);
    expect(params?.safeParse({ item: 'complexCourse', package: 'LRS' }).success).toBe(false);
    expect(params?.safeParse({ item: 'jobAtRisk' }).success).toBe(false);
  });
});

describe('fact currentSickLeaveWeeks', () => {
  const leave = (startDate: string, endDate?: string) => ({ startDate, extent: 'full' as const, ...(endDate === undefined ? {} : { endDate }) });

  it('is 0 without a current sick leave', () => {
    expect(fact({}, 'currentSickLeaveWeeks')).toBe(0);
    expect(fact({ sickLeave: [leave('2026-10-01', '2026-11-01')] }, 'currentSickLeaveWeeks')).toBe(0);
  });

  it('counts whole weeks from the start of a running leave (4 weeks is 28 days)', () => {
    expect(fact({ sickLeave: [leave('2026-12-18')] }, 'currentSickLeaveWeeks')).toBe(4);
    expect(fact({ sickLeave: [leave('2026-12-19')] }, 'currentSickLeaveWeeks')).toBe(3);
    expect(fact({ sickLeave: [leave('2026-12-18', '2027-01-15')] }, 'currentSickLeaveWeeks')).toBe(4);
  });

  it('joins back-to-back and overlapping leaves, not leaves after a gap', () => {
    expect(fact({ sickLeave: [leave('2026-11-01', '2026-12-31'), leave('2027-01-01')] }, 'currentSickLeaveWeeks')).toBe(10);
    expect(fact({ sickLeave: [leave('2026-11-01', '2026-12-30'), leave('2027-01-01')] }, 'currentSickLeaveWeeks')).toBe(2);
    expect(fact({ sickLeave: [leave('2026-10-01', '2026-11-15'), leave('2026-11-10', '2026-12-31'), leave('2027-01-01')] }, 'currentSickLeaveWeeks')).toBe(15);
  });
});

describe('level-decision, årsstatus and admission dates', () => {
  const input = {
    levelDecisions: [
      { date: '2025-06-01', package: 'KOL' as const, level: 1 as const, reason: 'Start' },
      { date: '2026-02-01', package: 'KOL' as const, level: 3 as const, reason: 'Worse' },
      { date: '2026-04-01', package: 'LRS' as const, level: 2 as const, reason: 'Back' },
    ],
    encounters: [
      { date: '2026-05-01', type: 'aarsstatus' as const, package: 'KOL' as const },
      { date: '2026-07-01', type: 'aarsstatus' as const },
      { date: '2026-09-01', type: 'aarsstatus' as const, package: 'LRS' as const },
      { date: '2026-10-01', type: 'follow-up' as const, package: 'KOL' as const },
    ],
    admissions: [{ date: '2026-03-01', cause: 'other' as const }, { date: '2026-08-01', endDate: '2026-08-05', cause: 'KOL' as const }],
  };

  it('gives the latest decision per package', () => {
    expect(fact(input, 'latestLevelDecision', { package: 'KOL' })).toBe(3);
    expect(fact(input, 'latestLevelDecisionDate', { package: 'KOL' })).toBe('2026-02-01');
    expect(fact(input, 'latestLevelDecision', { package: 'LRS' })).toBe(2);
    expect(fact({}, 'latestLevelDecision', { package: 'LRS' })).toBeUndefined();
    expect(fact({}, 'latestLevelDecisionDate', { package: 'LRS' })).toBeUndefined();
  });

  it('gives the latest årsstatus for the package or without a package', () => {
    expect(fact(input, 'latestAarsstatusDate', { package: 'KOL' })).toBe('2026-07-01');
    expect(fact(input, 'latestAarsstatusDate', { package: 'LRS' })).toBe('2026-09-01');
    expect(fact({}, 'latestAarsstatusDate', { package: 'LRS' })).toBeUndefined();
  });

  it('gives the start of the latest admission of any cause', () => {
    expect(fact(input, 'latestAdmissionDate')).toBe('2026-08-01');
    expect(fact({}, 'latestAdmissionDate')).toBeUndefined();
  });
});

describe('the new facts in a pack', () => {
  it('load, evaluate and agree with stock json-rules-engine', async () => {
    const pack = loadRulePack(
      samplePack({
        rules: [
          {
            name: 'multimorbid',
            conditions: { all: [{ fact: 'activeConditionsInValueSet', params: { valueSet: 'multimorbidity-chronic' }, operator: 'greaterThanInclusive', value: 2 }] },
            event: { type: 'complexity' },
          },
          {
            name: 'alone',
            conditions: { all: [{ fact: 'needsAssessmentFlag', params: { item: 'livesAloneWithoutNetwork', package: 'KOL' }, operator: 'equal', value: true }] },
            event: { type: 'complexity' },
          },
          {
            name: 'self-management',
            conditions: { all: [{ fact: 'needsAssessmentSelfManagement', params: { package: 'KOL' }, operator: 'in', value: ['partial', 'poor'] }] },
            event: { type: 'complexity' },
          },
          {
            name: 'sick-leave',
            conditions: { all: [{ fact: 'currentSickLeaveWeeks', operator: 'greaterThanInclusive', value: 4 }] },
            event: { type: 'complexity' },
          },
          {
            name: 'complex',
            conditions: { all: [{ fact: 'clinicianComplexCourse', params: { package: 'KOL' }, operator: 'equal', value: true }] },
            event: { type: 'clinician' },
          },
          {
            name: 'recent-admission',
            conditions: { all: [{ fact: 'latestAdmissionDate', operator: 'withinLastMonths', value: 6 }] },
            event: { type: 'reassessment' },
          },
        ],
      }),
    );
    const records = [
      record(),
      record({
        diagnoses: [dx('T90'), dx('K77')],
        needsAssessments: [{ date: '2026-05-01', livesAloneWithoutNetwork: true, selfManagement: 'poor', complexCourse: true }],
        sickLeave: [{ startDate: '2026-11-01', extent: 'partial' }],
        admissions: [{ date: '2026-12-01', cause: 'other' }],
      }),
      record({ needsAssessments: [{ date: '2026-05-01', livesAloneWithoutNetwork: false, selfManagement: 'good' }] }),
    ];
    const compiled = compileRulePack(pack);
    const results = records.map((r) => evaluateRulePack(compiled, createFactContext(r, asOf)).results.map((x) => x.result));
    expect(results).toEqual([
      ['false', 'unknown', 'unknown', 'false', 'false', 'unknown'],
      ['true', 'true', 'true', 'true', 'true', 'true'],
      ['false', 'false', 'false', 'false', 'false', 'unknown'],
    ]);
    const missing = evaluateRulePack(compiled, createFactContext(records[0]!, asOf)).results[1]?.missing;
    expect(missing).toEqual(['needs-assessment']);
    expect(await disagreements(pack, records, asOf)).toEqual([]);
  });
});
