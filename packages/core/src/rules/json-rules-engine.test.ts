import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonRulesEngine } from './json-rules-engine';
import { loadRulePack } from './pack';
import { record, samplePack } from './test-helpers';
// Relative on purpose: core cannot depend on test-fixtures (which depends on core).
import { disagreements } from '../../../../test-fixtures/src/reference-check';

const asOf = '2027-01-15';

describe('toJsonRulesEngine and the reference check', () => {
  const pack = loadRulePack(samplePack());

  it('exports the rules unchanged and only the custom operators', () => {
    const x = toJsonRulesEngine(pack, { asOf });
    expect(x.rules).toBe(pack.rules);
    expect(x.operators.map((o) => o.name)).toEqual(['anyInValueSet']);
    expect(x.facts.map((f) => f.id).sort()).toEqual(
      ['activeDiagnoses', 'age', 'backPainEpisodesInLastMonths', 'latestPackageDecision', 'lowestPostBronchodilatorRatio', 'openRedFlagCategories', 'weeksSinceEpisodeOnset'],
    );
  });

  it('agrees with stock json-rules-engine on hand-made records', async () => {
    const records = [
      record(),
      record({ diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-01-01' }], spirometry: [{ date: '2026-01-01', ratio: 0.6, postBronchodilator: true }] }),
      record({ packageDecisions: [{ date: '2026-01-01', package: 'KOL', decision: 'declined' }], backPainEpisodes: [{ onsetDate: '2026-01-01' }] }),
      record({ redFlags: [{ date: '2026-01-01', flag: 'bladder-bowel-dysfunction', status: 'present' }] }),
    ];
    expect(await disagreements(pack, records, asOf)).toEqual([]);
  });

  it('agrees with stock json-rules-engine on generated records', async () => {
    const arb = fc.record({
      birthYear: fc.integer({ min: 1930, max: 2020 }),
      ratio: fc.option(fc.integer({ min: 30, max: 95 }).map((n) => n / 100)),
      weeks: fc.option(fc.integer({ min: 0, max: 80 })),
      declined: fc.boolean(),
      flag: fc.constantFrom('present', 'absent', 'cleared', undefined),
      kol: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(arb, async (g) => {
        const onset = g.weeks === null ? undefined : new Date(Date.UTC(2027, 0, 15) - g.weeks * 7 * 86400000).toISOString().slice(0, 10);
        const r = record({
          patient: { birthDate: `${String(g.birthYear)}-06-15`, sex: 'female', listed: true },
          diagnoses: g.kol ? [{ system: 'SKS', code: 'DJ449', status: 'active', recordedDate: '2021-01-01' }] : [],
          spirometry: g.ratio === null ? [] : [{ date: '2026-05-01', ratio: g.ratio, postBronchodilator: true }],
          backPainEpisodes: onset === undefined ? [] : [{ onsetDate: onset < '2021-01-01' ? '2021-01-01' : onset }],
          packageDecisions: g.declined ? [{ date: '2026-01-01', package: 'KOL', decision: 'declined' }] : [],
          redFlags: g.flag === undefined ? [] : [{ date: '2026-01-01', flag: 'saddle-anaesthesia', status: g.flag }],
        });
        expect(await disagreements(pack, [r], asOf)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
