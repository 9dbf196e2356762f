import { describe, expect, it } from 'vitest';
import { FACTS, computeFact, createFactContext } from './facts';
import { loadRulePack } from './pack';
import { compileRulePack, evaluateRulePack } from './evaluate';
import { record, samplePack } from './test-helpers';
// Relative on purpose: core cannot depend on test-fixtures (which depends on core).
import { disagreements } from '../../../../test-fixtures/src/reference-check';

const asOf = '2027-01-15';

describe('fact latestPackageDecisionDate', () => {
  it('is a date fact with package params and no missing-data code', () => {
    const def = FACTS.get('latestPackageDecisionDate');
    expect(def?.type).toBe('date');
    expect(def?.missing).toBeUndefined();
    expect(def?.params?.safeParse({ package: 'KOL' }).success).toBe(true);
    expect(def?.params?.safeParse({}).success).toBe(false);
  });

  it('gives the date of the decision latestPackageDecision reports, per package', () => {
    const r = record({
      packageDecisions: [
        { date: '2026-05-01', package: 'KOL', decision: 'declined' },
        { date: '2025-02-01', package: 'KOL', decision: 'included' },
        { date: '2026-08-01', package: 'LRS', decision: 'included' },
      ],
    });
    const ctx = createFactContext(r, asOf);
    expect(computeFact(ctx, 'latestPackageDecision', { package: 'KOL' })).toBe('declined');
    expect(computeFact(ctx, 'latestPackageDecisionDate', { package: 'KOL' })).toBe('2026-05-01');
    expect(computeFact(ctx, 'latestPackageDecisionDate', { package: 'LRS' })).toBe('2026-08-01');
  });

  it('follows the later entry on one day, as latestPackageDecision does', () => {
    const ctx = createFactContext(
      record({
        packageDecisions: [
          { date: '2026-05-01', package: 'KOL', decision: 'declined' },
          { date: '2026-05-01', package: 'KOL', decision: 'included' },
        ],
      }),
      asOf,
    );
    expect(computeFact(ctx, 'latestPackageDecision', { package: 'KOL' })).toBe('included');
    expect(computeFact(ctx, 'latestPackageDecisionDate', { package: 'KOL' })).toBe('2026-05-01');
  });

  it('is unknown when no decision is recorded for the package', () => {
    const ctx = createFactContext(record({ packageDecisions: [{ date: '2026-05-01', package: 'LRS', decision: 'declined' }] }), asOf);
    expect(computeFact(ctx, 'latestPackageDecisionDate', { package: 'KOL' })).toBeUndefined();
  });

  it('loads in a pack with the date operators and agrees with stock json-rules-engine', async () => {
    const pack = loadRulePack(
      samplePack({
        rules: [
          {
            name: 'recent-decision',
            conditions: {
              all: [{ fact: 'latestPackageDecisionDate', params: { package: 'KOL' }, operator: 'withinLastMonths', value: 12 }],
            },
            event: { type: 'criterion' },
          },
        ],
      }),
    );
    const records = [
      record(),
      record({ packageDecisions: [{ date: '2026-01-15', package: 'KOL', decision: 'declined' }] }),
      record({ packageDecisions: [{ date: '2026-01-14', package: 'KOL', decision: 'declined' }] }),
    ];
    const results = records.map((r) => evaluateRulePack(compileRulePack(pack), createFactContext(r, asOf)).results[0]?.result);
    expect(results).toEqual(['unknown', 'true', 'false']);
    expect(await disagreements(pack, records, asOf)).toEqual([]);
  });
});
