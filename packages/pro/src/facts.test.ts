import { describe, expect, it } from 'vitest';
import { FACTS, computeFact, createFactContext, createRulePackSet, evaluateRulePack, loadRulePack, parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecordInput } from '@kronikerpakker/core';
import { disagreements } from '@kronikerpakker/test-fixtures';
import { PRO_FACTS, proFactCatalogue } from './index';

const asOf = '2027-01-15';
type Questionnaires = NonNullable<PatientRecordInput['questionnaires']>;

const record = (questionnaires: Questionnaires = []) =>
  parsePatientRecord({ id: 't', patient: { birthDate: '1970-01-01', sex: 'female', listed: true }, questionnaires }, { asOf });

const fact = (questionnaires: Questionnaires, name: string) =>
  computeFact(createFactContext(record(questionnaires), asOf), name, undefined, proFactCatalogue());

/** STarT Back answers with q1..q4 agreeing `physical` times and psychosocial items q5..q8 agreeing, q9 coded. */
function startBack(date: string, physical: number, psychosocial: number, q9 = 0, version = '1.0') {
  const answers: Record<string, number | null> = {};
  for (let i = 1; i <= 4; i++) answers[`q${String(i)}`] = i <= physical ? 1 : 0;
  for (let i = 5; i <= 8; i++) answers[`q${String(i)}`] = i - 4 <= psychosocial ? 1 : 0;
  answers['q9'] = q9;
  return { date, instrument: 'STarT-Back' as const, version, answers };
}

function odi(date: string, sections: readonly (number | null)[]) {
  const answers: Record<string, number | null> = {};
  sections.forEach((v, i) => {
    answers[`s${String(i + 1)}`] = v;
  });
  return { date, instrument: 'ODI' as const, version: '2.1a', answers };
}

describe('PRO facts', () => {
  it('extend core facts without redefining any', () => {
    for (const d of PRO_FACTS) expect(FACTS.has(d.name)).toBe(false);
    expect(proFactCatalogue().size).toBe(FACTS.size + PRO_FACTS.length);
    expect(proFactCatalogue()).toBe(proFactCatalogue());
    expect(Object.isFrozen(PRO_FACTS)).toBe(true);
  });

  it('name the data that would decide them', () => {
    const missing = Object.fromEntries(PRO_FACTS.map((d) => [d.name, d.missing]));
    expect(missing).toEqual({
      latestStartBackTotal: 'start-back',
      latestStartBackPsychosocial: 'start-back',
      latestStartBackGroup: 'start-back',
      latestOdiPercent: 'odi',
      latestSilsScore: 'sils',
    });
  });
});

describe('STarT Back facts', () => {
  it.each([
    // physical, psychosocial (q5-q8), q9 code -> total, subscore, group
    [3, 0, 0, 3, 0, 'low'],
    [0, 3, 0, 3, 3, 'low'],
    [1, 3, 0, 4, 3, 'medium'],
    [0, 4, 0, 4, 4, 'high'],
    [0, 3, 3, 4, 4, 'high'],
    [4, 4, 4, 9, 5, 'high'],
    [0, 0, 2, 0, 0, 'low'],
  ] as const)('physical %d, psychosocial %d, q9 %d: total %d, subscore %d, %s', (physical, psychosocial, q9, total, sub, group) => {
    const q = [startBack('2026-10-01', physical, psychosocial, q9)];
    expect(fact(q, 'latestStartBackTotal')).toBe(total);
    expect(fact(q, 'latestStartBackPsychosocial')).toBe(sub);
    expect(fact(q, 'latestStartBackGroup')).toBe(group);
  });

  it('takes the latest scorable response, skipping one that cannot be scored', () => {
    const incomplete = { ...startBack('2026-12-01', 4, 4), answers: { ...startBack('2026-12-01', 4, 4).answers, q3: null } };
    const q = [startBack('2026-01-01', 0, 0), startBack('2026-06-01', 1, 3), incomplete];
    expect(fact(q, 'latestStartBackGroup')).toBe('medium');
    expect(fact([startBack('2026-06-01', 1, 3), startBack('2026-12-01', 4, 4, 0, '9.9')], 'latestStartBackGroup')).toBe('medium');
  });

  it('is unknown without a scorable response', () => {
    expect(fact([], 'latestStartBackGroup')).toBeUndefined();
    expect(fact([{ ...startBack('2026-06-01', 1, 1), answers: { q1: 1 } }], 'latestStartBackTotal')).toBeUndefined();
  });
});

describe('ODI and SILS facts', () => {
  it('gives the ODI percent, unrounded, with one section missing', () => {
    expect(fact([odi('2026-06-01', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2])], 'latestOdiPercent')).toBe(40);
    expect(fact([odi('2026-06-01', [3, 2, 2, 2, 2, 2, 2, 2, 2, 2])], 'latestOdiPercent')).toBe(42);
    expect(fact([odi('2026-06-01', [3, 2, 2, 2, 2, 2, 2, null, 2, 2])], 'latestOdiPercent')).toBeCloseTo(42.222, 3);
    expect(fact([odi('2026-06-01', [3, 2, 2, 2, 2, 2, 2, null, null, 2])], 'latestOdiPercent')).toBeUndefined();
  });

  it('gives the latest SILS answer', () => {
    const sils = (date: string, v: number | null) => ({ date, instrument: 'SILS' as const, version: '1.0', answers: { sils: v } });
    expect(fact([sils('2026-01-01', 4), sils('2026-06-01', 2)], 'latestSilsScore')).toBe(2);
    expect(fact([sils('2026-01-01', 4), sils('2026-06-01', null)], 'latestSilsScore')).toBe(4);
    expect(fact([], 'latestSilsScore')).toBeUndefined();
  });
});

/**
 * Issue 12 finding 6: STarT Back and ODI count for 6 calendar months with
 * params.withinMonths (the intervals of the care pack's lrs.start-back.missing
 * and lrs.pro.due; differentiation pack lrs 0.2.0). asOf 2027-01-15: 6 months
 * back is 2026-07-15. Without the param, the latest of any age counts.
 */
describe('STarT Back and ODI with withinMonths (issue 12 finding 6)', () => {
  const fresh = (questionnaires: Questionnaires, name: string, params?: Record<string, unknown>) =>
    computeFact(createFactContext(record(questionnaires), asOf), name, params, proFactCatalogue());
  const W = { withinMonths: 6 };
  const incomplete = { ...startBack('2026-12-01', 4, 4), answers: { ...startBack('2026-12-01', 4, 4).answers, q3: null } };
  const odi50 = (date: string) => odi(date, [5, 5, 5, 5, 5, 0, 0, 0, 0, 0]);

  it.each([
    ['high, exactly 6 months old (2026-07-15): counts', [startBack('2026-07-15', 0, 4)], W, 'high'],
    ['high, 6 months and 1 day old (2026-07-14): unknown', [startBack('2026-07-14', 0, 4)], W, undefined],
    ['high, 7 months old, no window: counts (the 0.1.0 behaviour)', [startBack('2026-06-15', 0, 4)], undefined, 'high'],
    ['an old high and a current low: low', [startBack('2026-01-01', 0, 4), startBack('2026-10-01', 1, 0)], W, 'low'],
    ['an old scorable response and a current unscorable one: unknown (no current score)', [startBack('2026-06-01', 1, 3), incomplete], W, undefined],
  ] as const)('latestStartBackGroup: %s', (_name, q, params, expected) => {
    expect(fresh([...q], 'latestStartBackGroup', params)).toBe(expected);
  });

  it.each([
    ['50 %, exactly 6 months old: counts', [odi50('2026-07-15')], W, 50],
    ['50 %, 6 months and 1 day old: unknown', [odi50('2026-07-14')], W, undefined],
    ['50 %, 7 months old, no window: counts', [odi50('2026-06-15')], undefined, 50],
  ] as const)('latestOdiPercent: %s', (_name, q, params, expected) => {
    expect(fresh([...q], 'latestOdiPercent', params)).toBe(expected);
  });

  it('accepts a window of 1-120 whole months only', () => {
    for (const name of ['latestStartBackGroup', 'latestOdiPercent']) {
      const params = PRO_FACTS.find((d) => d.name === name)?.params;
      expect(params?.safeParse({ withinMonths: 6 }).success).toBe(true);
      expect(params?.safeParse({}).success).toBe(true);
      expect(params?.safeParse({ withinMonths: 0 }).success).toBe(false);
      expect(params?.safeParse({ withinMonths: 121 }).success).toBe(false);
      expect(params?.safeParse({ months: 6 }).success).toBe(false);
    }
  });
});

describe('PRO facts in a rule pack', () => {
  const pack = {
    id: 'pro-facts-test',
    version: '1.0.0',
    title: 'PRO facts (test)',
    validFrom: '2027-01-01',
    status: 'provisional' as const,
    sources: [{ title: 'Test' }],
    rules: [
      { name: 'high', conditions: { all: [{ fact: 'latestStartBackGroup', operator: 'equal', value: 'high' }] }, event: { type: 't' } },
      { name: 'odi', conditions: { all: [{ fact: 'latestOdiPercent', operator: 'greaterThan', value: 40 }] }, event: { type: 't' } },
      { name: 'sils', conditions: { all: [{ fact: 'latestSilsScore', operator: 'greaterThanInclusive', value: 3 }] }, event: { type: 't' } },
    ],
  };

  it('load only with the PRO catalogue', () => {
    expect(() => loadRulePack(pack)).toThrow(/unknown-fact/);
    expect(loadRulePack(pack, { facts: proFactCatalogue() }).id).toBe('pro-facts-test');
  });

  it('evaluate three-valued with missing-data codes and agree with stock json-rules-engine', async () => {
    const set = createRulePackSet([pack], { facts: proFactCatalogue() });
    const compiled = set.select('pro-facts-test', asOf);
    const none = evaluateRulePack(compiled, createFactContext(record(), asOf));
    expect(none.results.map((r) => [r.result, r.missing])).toEqual([
      ['unknown', ['start-back']],
      ['unknown', ['odi']],
      ['unknown', ['sils']],
    ]);
    const records = [
      record(),
      record([startBack('2026-06-01', 0, 4), odi('2026-06-01', [3, 2, 2, 2, 2, 2, 2, 2, 2, 2])]),
      record([startBack('2026-06-01', 1, 3), odi('2026-06-01', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2])]),
    ];
    expect(evaluateRulePack(compiled, createFactContext(records[1]!, asOf)).results.map((r) => r.result)).toEqual(['true', 'true', 'unknown']);
    expect(await disagreements(compiled.pack, records, asOf)).toEqual([]);
  });
});
