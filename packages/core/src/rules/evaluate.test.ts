import { describe, expect, it } from 'vitest';
import { compileRulePack, evaluateRulePack, missingData } from './evaluate';
import type { GroupTrace, LeafTrace, RuleResult } from './evaluate';
import { computeFact, createFactContext } from './facts';
import { loadRulePack } from './pack';
import { record, samplePack } from './test-helpers';

const asOf = '2027-01-15';
const compiled = compileRulePack(loadRulePack(samplePack()));

function results(input: Parameters<typeof record>[0]): Record<string, RuleResult> {
  const evaluation = evaluateRulePack(compiled, createFactContext(record(input), asOf));
  return Object.fromEntries(evaluation.results.map((r) => [r.name, r]));
}

const kolDiagnosis = { system: 'ICPC-2' as const, code: 'R95', status: 'active' as const, recordedDate: '2020-01-01' };

describe('evaluateRulePack', () => {
  it('returns one result per rule with the pack identity', () => {
    const evaluation = evaluateRulePack(compiled, createFactContext(record(), asOf));
    expect(evaluation.results.map((r) => r.name)).toEqual(['adult', 'obstruction', 'either', 'not-declined', 'no-red-flag']);
    expect(evaluation.ruleSet).toEqual(compiled.pack.ref);
    expect(evaluation.results[1]?.priority).toBe(5);
    expect(evaluation.results[0]?.priority).toBe(1);
  });

  it('gives unknown, not false, when a fact is missing, and names the missing data', () => {
    const r = results({ diagnoses: [kolDiagnosis] });
    expect(r['obstruction']?.result).toBe('unknown');
    expect(r['obstruction']?.missing).toEqual(['post-bronchodilator-spirometry']);
  });

  it('lets a false leaf decide an all group even when another leaf is unknown', () => {
    const r = results({});
    expect(r['obstruction']?.result).toBe('false');
    expect(r['obstruction']?.missing).toEqual([]);
  });

  it('lets a true leaf decide an any group even when another leaf is unknown', () => {
    const r = results({
      backPainEpisodes: [
        { onsetDate: '2026-03-01', endDate: '2026-04-01' },
        { onsetDate: '2026-09-01', endDate: '2026-10-01' },
      ],
    });
    expect(r['either']?.result).toBe('true');
    const trace = r['either']?.trace as GroupTrace;
    expect(trace.children.map((c) => c.result)).toEqual(['unknown', 'true']);
  });

  it('keeps an any group unknown when nothing decides it', () => {
    const r = results({ backPainEpisodes: [] });
    expect(r['either']?.result).toBe('unknown');
    expect(r['either']?.missing).toEqual(['back-pain-episode-onset']);
  });

  it('negates true and false and keeps unknown unknown under not', () => {
    expect(results({})['not-declined']?.result).toBe('true');
    expect(results({ packageDecisions: [{ date: '2026-01-01', package: 'KOL', decision: 'declined' }] })['not-declined']?.result).toBe('false');
  });

  it('traces every leaf with its fact value, params and operator', () => {
    const r = results({
      diagnoses: [kolDiagnosis],
      spirometry: [{ date: '2026-01-01', ratio: 0.62, postBronchodilator: true }],
    });
    const trace = r['obstruction']?.trace as GroupTrace;
    expect(trace.kind).toBe('all');
    const leaf = trace.children[1] as LeafTrace;
    expect(leaf).toEqual({
      kind: 'fact',
      fact: 'lowestPostBronchodilatorRatio',
      operator: 'lessThan',
      value: 0.7,
      factValue: 0.62,
      result: 'true',
    });
    const withParams = (results({}).either?.trace as GroupTrace).children[1] as LeafTrace;
    expect(withParams.params).toEqual({ months: 12 });
    expect(withParams.factValue).toBe(0);
  });

  it('does not treat a pre-bronchodilator spirometry as confirming', () => {
    const r = results({ diagnoses: [kolDiagnosis], spirometry: [{ date: '2026-01-01', ratio: 0.5, postBronchodilator: false }] });
    expect(r['obstruction']?.result).toBe('unknown');
  });

  it('uses the 0.70 boundary as strictly below', () => {
    const at = (ratio: number) =>
      results({ diagnoses: [kolDiagnosis], spirometry: [{ date: '2026-01-01', ratio, postBronchodilator: true }] })['obstruction']?.result;
    expect(at(0.7)).toBe('false');
    expect(at(0.699)).toBe('true');
  });

  it('sees red flags by their latest assessment', () => {
    const flag = (status: 'present' | 'absent' | 'cleared', date: string) => ({ date, flag: 'saddle-anaesthesia' as const, status });
    expect(results({ redFlags: [flag('present', '2026-01-01')] })['no-red-flag']?.result).toBe('false');
    expect(results({ redFlags: [flag('present', '2026-01-01'), flag('cleared', '2026-01-05')] })['no-red-flag']?.result).toBe('true');
  });

  it('computes each fact once per context', () => {
    const ctx = createFactContext(record(), asOf);
    evaluateRulePack(compiled, ctx);
    const size = ctx.memo.size;
    evaluateRulePack(compiled, ctx);
    expect(ctx.memo.size).toBe(size);
    expect(computeFact(ctx, 'age')).toBe(76);
  });

  it('collects missing data only from undecided branches', () => {
    const r = results({ diagnoses: [kolDiagnosis] });
    expect(missingData(r['obstruction']?.trace as GroupTrace)).toEqual(['post-bronchodilator-spirometry']);
    expect(missingData(results({}).adult?.trace as GroupTrace)).toEqual([]);
  });
});
