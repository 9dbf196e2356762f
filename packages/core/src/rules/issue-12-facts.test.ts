/**
 * The facts and fact params added for issue 12, as small tables (input,
 * params, expected; the source in the case name). asOf 2027-01-15: 12
 * calendar months back is 2026-01-15, 6 months back 2026-07-15.
 *
 * - openRedFlags / openRedFlagCount: the latest state of each warning sign
 *   counts (issue 12 finding 4; Lægehåndbogen; NKR 2016).
 * - withinMonths on latestMrc / latestCat / the needs-assessment facts, and
 *   symptomsWithinMonths on goldGroup (issue 12 finding 6; GOLD 2023 current
 *   symptoms; DSAM KOL årsstatus; spec/needs-assessment.md re-assessment at
 *   each årsstatus).
 * - excludeValueSet on activeConditionsInValueSet (issue 12 finding 9:
 *   depression and anxiety count as mental health only, not as multimorbidity).
 */
import { describe, expect, it } from 'vitest';
import type { PatientRecordInput } from '../record/schema';
import type { RedFlagCode, RedFlagStatus } from '../record/vocabulary';
import { FACTS, computeFact, createFactContext } from './facts';
import { loadRulePack } from './pack';
import { compileRulePack, evaluateRulePack } from './evaluate';
import { record, samplePack } from './test-helpers';
// Relative on purpose: core cannot depend on test-fixtures (which depends on core).
import { disagreements } from '../../../../test-fixtures/src/reference-check';

const asOf = '2027-01-15';
type Input = Partial<PatientRecordInput>;
const fact = (input: Input, name: string, params?: Record<string, unknown>): unknown =>
  computeFact(createFactContext(record(input), asOf), name, params);

const rf = (flag: RedFlagCode, status: RedFlagStatus, date = '2026-12-01') => ({ date, flag, status });
const dx = (code: string, system: 'ICPC-2' | 'ICD-10' = 'ICPC-2') => ({ system, code, status: 'active' as const, recordedDate: '2025-01-01' });

describe('fact openRedFlags (issue 12 finding 4)', () => {
  const TABLE: readonly [string, ReturnType<typeof rf>[], readonly RedFlagCode[]][] = [
    ['none recorded: empty (never unknown)', [], []],
    ['one present', [rf('fever', 'present')], ['fever']],
    ['absent only: not open', [rf('fever', 'absent')], []],
    ['present, then cleared by the clinician: the latest state wins, not open', [rf('fever', 'present', '2026-11-01'), rf('fever', 'cleared', '2026-11-15')], []],
    ['present, then absent: not open', [rf('trauma', 'present', '2026-11-01'), rf('trauma', 'absent', '2026-12-01')], []],
    ['cleared, then present again: open', [rf('fever', 'cleared', '2026-11-01'), rf('fever', 'present', '2026-12-01')], ['fever']],
    ['two entries on one day: the later entry wins', [rf('fever', 'present', '2026-12-01'), rf('fever', 'cleared', '2026-12-01')], []],
    [
      'several: in the order of RED_FLAGS, not of entry; other flags keep their own latest state',
      [rf('high-age', 'present'), rf('fever', 'present'), rf('saddle-anaesthesia', 'present'), rf('osteoporosis', 'absent'), rf('high-age', 'cleared', '2026-12-02')],
      ['saddle-anaesthesia', 'fever'],
    ],
    ['the new code progressive-neurological-deficit', [rf('progressive-neurological-deficit', 'present')], ['progressive-neurological-deficit']],
  ];

  it.each(TABLE)('%s', (_name, redFlags, expected) => {
    expect(fact({ redFlags }, 'openRedFlags')).toEqual(expected);
  });

  it('lists every red-flag code as a possible value, without params', () => {
    expect(FACTS.get('openRedFlags')?.values).toContain('progressive-neurological-deficit');
    expect(FACTS.get('openRedFlags')?.type).toBe('string-list');
    expect(FACTS.get('openRedFlags')?.params).toBeUndefined();
  });
});

describe('fact openRedFlagCount (issue 12 finding 4: risk factors that combine)', () => {
  const RISK = ['high-age', 'osteoporosis', 'long-term-steroids', 'previous-cancer'] as const;
  const TABLE: readonly [string, ReturnType<typeof rf>[], readonly RedFlagCode[], number][] = [
    ['none recorded: 0, never unknown', [], RISK, 0],
    ['one present', [rf('high-age', 'present')], RISK, 1],
    ['two present, one absent', [rf('high-age', 'present'), rf('osteoporosis', 'present'), rf('long-term-steroids', 'absent')], RISK, 2],
    ['present then cleared does not count', [rf('high-age', 'present'), rf('osteoporosis', 'present', '2026-11-01'), rf('osteoporosis', 'cleared', '2026-11-20')], RISK, 1],
    ['flags outside params.flags do not count', [rf('fever', 'present'), rf('saddle-anaesthesia', 'present')], RISK, 0],
    ['all four present', RISK.map((f) => rf(f, 'present')), RISK, 4],
  ];

  it.each(TABLE)('%s', (_name, redFlags, flags, expected) => {
    expect(fact({ redFlags }, 'openRedFlagCount', { flags: [...flags] })).toBe(expected);
  });

  it('accepts a non-empty list of red-flag codes only', () => {
    const params = FACTS.get('openRedFlagCount')?.params;
    expect(params?.safeParse({ flags: ['fever'] }).success).toBe(true);
    expect(params?.safeParse({ flags: [] }).success).toBe(false);
    expect(params?.safeParse({ flags: ['nope'] }).success).toBe(false);
    expect(params?.safeParse({}).success).toBe(false);
    expect(params?.safeParse({ flags: ['fever'], months: 3 }).success).toBe(false);
  });
});

describe('facts latestMrc and latestCat with withinMonths (issue 12 finding 6; DSAM KOL årsstatus)', () => {
  const catQ = (date: string, item: number) => ({
    date,
    instrument: 'CAT' as const,
    version: '1.0',
    answers: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`cat${String(i + 1)}`, item])),
  });

  const MRC: readonly [string, Input['mrc'], Record<string, unknown> | undefined, number | undefined][] = [
    ['none recorded: unknown', [], { withinMonths: 12 }, undefined],
    ['no window: the latest of any age', [{ date: '2020-01-01', grade: 4 }], undefined, 4],
    ['exactly 12 months old (2026-01-15): current', [{ date: '2026-01-15', grade: 4 }], { withinMonths: 12 }, 4],
    ['12 months and 1 day old (2026-01-14): unknown', [{ date: '2026-01-14', grade: 4 }], { withinMonths: 12 }, undefined],
    ['an old grade does not stand in for a missing current one', [{ date: '2025-06-01', grade: 5 }], { withinMonths: 12 }, undefined],
    ['the latest one, when current', [{ date: '2025-06-01', grade: 5 }, { date: '2026-06-01', grade: 2 }], { withinMonths: 12 }, 2],
    ['a 6-month window: 2026-06-01 is too old', [{ date: '2026-06-01', grade: 3 }], { withinMonths: 6 }, undefined],
    ['a 6-month window: 2026-07-15 counts', [{ date: '2026-07-15', grade: 3 }], { withinMonths: 6 }, 3],
  ];

  it.each(MRC)('latestMrc: %s', (_name, mrc, params, expected) => {
    expect(fact({ mrc }, 'latestMrc', params)).toBe(expected);
  });

  const CAT: readonly [string, Input, Record<string, unknown> | undefined, number | undefined][] = [
    ['no window: the latest of any age', { cat: [{ date: '2020-01-01', total: 25 }] }, undefined, 25],
    ['exactly 12 months old: current', { cat: [{ date: '2026-01-15', total: 12 }] }, { withinMonths: 12 }, 12],
    ['12 months and 1 day old: unknown', { cat: [{ date: '2026-01-14', total: 12 }] }, { withinMonths: 12 }, undefined],
    ['an old list entry and a current questionnaire: the questionnaire', { cat: [{ date: '2025-01-01', total: 30 }], questionnaires: [catQ('2026-12-01', 1)] }, { withinMonths: 12 }, 8],
    ['a current list entry and an old questionnaire: the list', { cat: [{ date: '2026-12-01', total: 9 }], questionnaires: [catQ('2025-01-01', 4)] }, { withinMonths: 12 }, 9],
    ['only an old questionnaire: unknown', { questionnaires: [catQ('2025-01-01', 4)] }, { withinMonths: 12 }, undefined],
  ];

  it.each(CAT)('latestCat: %s', (_name, input, params, expected) => {
    expect(fact(input, 'latestCat', params)).toBe(expected);
  });

  it('keeps the missing-data codes and accepts a window of 1-120 whole months', () => {
    expect(FACTS.get('latestMrc')?.missing).toBe('mrc');
    expect(FACTS.get('latestCat')?.missing).toBe('cat');
    for (const name of ['latestMrc', 'latestCat']) {
      const params = FACTS.get(name)?.params;
      expect(params?.safeParse({}).success).toBe(true);
      expect(params?.safeParse({ withinMonths: 1 }).success).toBe(true);
      expect(params?.safeParse({ withinMonths: 120 }).success).toBe(true);
      expect(params?.safeParse({ withinMonths: 0 }).success).toBe(false);
      expect(params?.safeParse({ withinMonths: 121 }).success).toBe(false);
      expect(params?.safeParse({ withinMonths: 1.5 }).success).toBe(false);
      expect(params?.safeParse({ months: 12 }).success).toBe(false);
    }
  });
});

describe('fact goldGroup with symptomsWithinMonths (issue 12 finding 6; GOLD 2023 ABE on current symptoms)', () => {
  const exac = (date: string, severity: 'moderate' | 'hospitalised') => ({ date, severity });
  const W = { symptomsWithinMonths: 12 };
  const TABLE: readonly [string, Input, Record<string, unknown> | undefined, string | undefined][] = [
    ['no window: MRC 4 from 2021 still makes B (the 0.1.0 behaviour)', { mrc: [{ date: '2021-01-01', grade: 4 }] }, undefined, 'B'],
    ['MRC 4 and CAT 25 from 2021: unknown, not B and not A', { mrc: [{ date: '2021-01-01', grade: 4 }], cat: [{ date: '2021-01-01', total: 25 }] }, W, undefined],
    ['MRC 4 exactly 12 months old: B', { mrc: [{ date: '2026-01-15', grade: 4 }] }, W, 'B'],
    ['MRC 4 12 months and 1 day old: unknown', { mrc: [{ date: '2026-01-14', grade: 4 }] }, W, undefined],
    ['an old CAT 25 and a current MRC 2: A on the current score', { mrc: [{ date: '2026-06-01', grade: 2 }], cat: [{ date: '2025-06-01', total: 25 }] }, W, 'A'],
    ['an old MRC 4 and a current CAT 10: B on the current score', { mrc: [{ date: '2025-06-01', grade: 4 }], cat: [{ date: '2026-06-01', total: 10 }] }, W, 'B'],
    [
      'two moderate exacerbations in 12 months: E whatever the age of the scores',
      { exacerbations: [exac('2026-03-01', 'moderate'), exac('2026-09-01', 'moderate')], mrc: [{ date: '2021-01-01', grade: 1 }] },
      W,
      'E',
    ],
    ['one exacerbation with admission, no scores: E', { exacerbations: [exac('2026-03-01', 'hospitalised')] }, W, 'E'],
  ];

  it.each(TABLE)('%s', (_name, input, params, expected) => {
    expect(fact(input, 'goldGroup', params)).toBe(expected);
  });

  it('accepts symptomsWithinMonths only', () => {
    const params = FACTS.get('goldGroup')?.params;
    expect(params?.safeParse({ symptomsWithinMonths: 12 }).success).toBe(true);
    expect(params?.safeParse({}).success).toBe(true);
    expect(params?.safeParse({ withinMonths: 12 }).success).toBe(false);
    expect(params?.safeParse({ symptomsWithinMonths: 0 }).success).toBe(false);
  });
});

describe('fact activeConditionsInValueSet with excludeValueSet (issue 12 finding 9: count each condition once)', () => {
  const MM = 'multimorbidity-chronic';
  const TABLE: readonly [string, ReturnType<typeof dx>[], Record<string, unknown>, number][] = [
    ['without exclude: depression counts as a chronic condition (0.1.0 behaviour)', [dx('P76'), dx('T90')], { valueSet: MM }, 2],
    ['depression and T90, excluding mental health: 1', [dx('P76'), dx('T90')], { valueSet: MM, excludeValueSet: 'mental-health' }, 1],
    ['depression and anxiety only: 0', [dx('P76'), dx('P74')], { valueSet: MM, excludeValueSet: 'mental-health' }, 0],
    ['depression, anxiety, T90, K77: 2 (T90, K77)', [dx('P76'), dx('P74'), dx('T90'), dx('K77')], { valueSet: MM, excludeValueSet: 'mental-health' }, 2],
    ['ICD-10 F32.1 and F41.1 are excluded too', [dx('F32.1', 'ICD-10'), dx('F41.1', 'ICD-10'), dx('T90')], { valueSet: MM, excludeValueSet: 'mental-health' }, 1],
    ['dementia (P70) is not mental health here: still counts', [dx('P70'), dx('T90'), dx('P76')], { valueSet: MM, excludeValueSet: 'mental-health' }, 2],
    ['T90 and E11.9 are one condition, still once', [dx('T90'), dx('E11.9', 'ICD-10'), dx('P76')], { valueSet: MM, excludeValueSet: 'mental-health' }, 1],
  ];

  it.each(TABLE)('%s', (_name, diagnoses, params, expected) => {
    expect(fact({ diagnoses }, 'activeConditionsInValueSet', params)).toBe(expected);
  });

  it('rejects an unknown excluded value set when a pack loads', () => {
    const params = FACTS.get('activeConditionsInValueSet')?.params;
    expect(params?.safeParse({ valueSet: MM, excludeValueSet: 'mental-health' }).success).toBe(true);
    expect(params?.safeParse({ valueSet: MM, excludeValueSet: 'nope' }).success).toBe(false);
    expect(params?.safeParse({ excludeValueSet: 'mental-health' }).success).toBe(false);
  });
});

describe('needs-assessment facts with withinMonths (issue 12 finding 6; spec/needs-assessment.md: re-assessed at each årsstatus)', () => {
  const na = (date: string, extra: Record<string, unknown>) => ({ date, package: 'KOL' as const, ...extra });
  const W = { withinMonths: 12 };
  type Row = readonly [string, Input['needsAssessments'], string, Record<string, unknown>, unknown];
  const TABLE: readonly Row[] = [
    ['flag exactly 12 months old: counts', [na('2026-01-15', { livesAloneWithoutNetwork: true })], 'needsAssessmentFlag', { item: 'livesAloneWithoutNetwork', package: 'KOL', ...W }, true],
    ['flag 12 months and 1 day old: unknown', [na('2026-01-14', { livesAloneWithoutNetwork: true })], 'needsAssessmentFlag', { item: 'livesAloneWithoutNetwork', package: 'KOL', ...W }, undefined],
    ['flag 12 months and 1 day old, no window: counts', [na('2026-01-14', { livesAloneWithoutNetwork: true })], 'needsAssessmentFlag', { item: 'livesAloneWithoutNetwork', package: 'KOL' }, true],
    [
      'a current entry without the item does not revive an old answer',
      [na('2025-06-01', { livesAloneWithoutNetwork: true }), na('2026-06-01', { selfManagement: 'good' })],
      'needsAssessmentFlag',
      { item: 'livesAloneWithoutNetwork', package: 'KOL', ...W },
      undefined,
    ],
    [
      'an entry without a package counts for the package when current',
      [{ date: '2026-06-01', substanceAbuse: false }],
      'needsAssessmentFlag',
      { item: 'substanceAbuse', package: 'KOL', ...W },
      false,
    ],
    [
      'a current entry for the other package does not count',
      [na('2025-06-01', { caregiverBurden: true }), { date: '2026-06-01', package: 'LRS', caregiverBurden: false }],
      'needsAssessmentFlag',
      { item: 'caregiverBurden', package: 'KOL', ...W },
      undefined,
    ],
    ['self-management: the latest current answer', [na('2025-06-01', { selfManagement: 'poor' }), na('2026-06-01', { selfManagement: 'partial' })], 'needsAssessmentSelfManagement', { package: 'KOL', ...W }, 'partial'],
    ['self-management only old: unknown', [na('2025-06-01', { selfManagement: 'poor' })], 'needsAssessmentSelfManagement', { package: 'KOL', ...W }, undefined],
    ['self-management only old, no window: poor', [na('2025-06-01', { selfManagement: 'poor' })], 'needsAssessmentSelfManagement', { package: 'KOL' }, 'poor'],
    ['complex course set 19 months ago: lapsed, false (an explicit judgement, never unknown)', [na('2025-06-01', { complexCourse: true })], 'clinicianComplexCourse', { package: 'KOL', ...W }, false],
    ['complex course set 7 months ago: true', [na('2026-06-01', { complexCourse: true })], 'clinicianComplexCourse', { package: 'KOL', ...W }, true],
  ];

  it.each(TABLE)('%s', (_name, needsAssessments, name, params, expected) => {
    expect(fact({ needsAssessments }, name, params)).toBe(expected);
  });

  it('accepts withinMonths on the facts that move the level, with the same bounds', () => {
    const flag = FACTS.get('needsAssessmentFlag')?.params;
    expect(flag?.safeParse({ item: 'jobAtRisk', package: 'LRS', withinMonths: 12 }).success).toBe(true);
    expect(flag?.safeParse({ item: 'jobAtRisk', package: 'LRS', withinMonths: 0 }).success).toBe(false);
    for (const name of ['needsAssessmentSelfManagement', 'clinicianComplexCourse']) {
      expect(FACTS.get(name)?.params?.safeParse({ package: 'KOL', withinMonths: 12 }).success).toBe(true);
      expect(FACTS.get(name)?.params?.safeParse({ package: 'KOL', withinMonths: 121 }).success).toBe(false);
    }
  });
});

describe('the issue 12 facts in a pack', () => {
  it('load, evaluate and agree with stock json-rules-engine', async () => {
    const pack = loadRulePack(
      samplePack({
        rules: [
          {
            name: 'urgent-cauda-equina',
            conditions: { any: [{ fact: 'openRedFlags', operator: 'contains', value: 'saddle-anaesthesia' }, { fact: 'openRedFlags', operator: 'contains', value: 'bladder-bowel-dysfunction' }] },
            event: { type: 'exclusion' },
          },
          {
            name: 'risk-factors',
            conditions: { all: [{ fact: 'openRedFlagCount', params: { flags: ['high-age', 'osteoporosis', 'long-term-steroids'] }, operator: 'greaterThanInclusive', value: 2 }] },
            event: { type: 'suggestion' },
          },
          {
            name: 'gold-b-current',
            conditions: { all: [{ fact: 'goldGroup', params: { symptomsWithinMonths: 12 }, operator: 'equal', value: 'B' }] },
            event: { type: 'severity' },
          },
          {
            name: 'multimorbid-once',
            conditions: {
              all: [{ fact: 'activeConditionsInValueSet', params: { valueSet: 'multimorbidity-chronic', excludeValueSet: 'mental-health' }, operator: 'greaterThanInclusive', value: 2 }],
            },
            event: { type: 'complexity' },
          },
          {
            name: 'alone-current',
            conditions: { all: [{ fact: 'needsAssessmentFlag', params: { item: 'livesAloneWithoutNetwork', package: 'KOL', withinMonths: 12 }, operator: 'equal', value: true }] },
            event: { type: 'complexity' },
          },
        ],
      }),
    );
    const records = [
      record(),
      record({
        redFlags: [rf('saddle-anaesthesia', 'present'), rf('high-age', 'present'), rf('osteoporosis', 'present')],
        mrc: [{ date: '2026-06-01', grade: 3 }],
        diagnoses: [dx('T90'), dx('K77'), dx('P76')],
        needsAssessments: [{ date: '2026-06-01', package: 'KOL', livesAloneWithoutNetwork: true }],
      }),
      record({
        redFlags: [rf('saddle-anaesthesia', 'present', '2026-11-01'), rf('saddle-anaesthesia', 'cleared', '2026-11-20'), rf('high-age', 'present')],
        mrc: [{ date: '2025-06-01', grade: 3 }],
        diagnoses: [dx('T90'), dx('P76'), dx('P74')],
        needsAssessments: [{ date: '2025-06-01', package: 'KOL', livesAloneWithoutNetwork: true }],
      }),
    ];
    const compiled = compileRulePack(pack);
    const results = records.map((r) => evaluateRulePack(compiled, createFactContext(r, asOf)).results.map((x) => x.result));
    expect(results).toEqual([
      ['false', 'false', 'unknown', 'false', 'unknown'],
      ['true', 'true', 'true', 'true', 'true'],
      ['false', 'false', 'unknown', 'false', 'unknown'],
    ]);
    const last = evaluateRulePack(compiled, createFactContext(records[2]!, asOf)).results;
    expect(last[2]?.missing).toEqual(['mrc']);
    expect(last[4]?.missing).toEqual(['needs-assessment']);
    expect(await disagreements(pack, records, asOf)).toEqual([]);
  });
});
