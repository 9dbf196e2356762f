import { parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord } from '@kronikerpakker/core';
import { evaluateInclusionForBoth } from '@kronikerpakker/inclusion';
import { generateRecords } from '@kronikerpakker/test-fixtures';
import { describe, expect, it } from 'vitest';
import { kolCriteria, kolStatus, lrsCriteria, lrsStatus } from './hand-written';
import { createJreRunner } from './jre-runner';

// The benchmark compares three implementations of one logic; this keeps them one logic.
describe('the benchmark baselines', () => {
  const asOf = '2027-01-15';
  const records: PatientRecord[] = [];
  for (const input of generateRecords({ seed: 99, size: 3000, asOf })) records.push(parsePatientRecord(input, { asOf }));
  // The generator gives every LRS patient an episode; this one has none recorded (insufficient data).
  records.push(
    parsePatientRecord(
      {
        id: 'bench-lrs-no-episode',
        synthetic: true,
        patient: { birthDate: '1970-04-04', sex: 'female', listed: true },
        diagnoses: [{ system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-01-01' }],
      },
      { asOf },
    ),
  );

  it('the hand-written baseline decides every status as the SDK does', () => {
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const r of records) {
      const sdk = evaluateInclusionForBoth(r, { asOf });
      const kol = kolStatus(r, asOf);
      const lrs = lrsStatus(r, asOf);
      seen.add(`KOL:${kol}`).add(`LRS:${lrs}`);
      if (sdk.KOL.status !== kol) mismatches.push(`${r.id} KOL sdk=${sdk.KOL.status} hand=${kol}`);
      if (sdk.LRS.status !== lrs) mismatches.push(`${r.id} LRS sdk=${sdk.LRS.status} hand=${lrs}`);
      // The per-rule baseline reports what the SDK reports, rule for rule.
      const kolAll = kolCriteria(r, asOf);
      const lrsAll = lrsCriteria(r, asOf);
      if (kolAll.status !== kol || kolAll.results.join() !== sdk.KOL.criteria.map((c) => c.result).join()) mismatches.push(`${r.id} KOL per-rule`);
      if (lrsAll.status !== lrs || lrsAll.results.join() !== sdk.LRS.criteria.map((c) => c.result).join()) mismatches.push(`${r.id} LRS per-rule`);
    }
    expect(mismatches).toEqual([]);
    // The comparison means something only if every status occurs.
    for (const pkg of ['KOL', 'LRS']) {
      for (const status of ['eligible', 'not-eligible', 'excluded', 'insufficient-data']) expect(seen).toContain(`${pkg}:${status}`);
    }
  });

  it('the json-rules-engine runner evaluates the same packs', async () => {
    const runner = createJreRunner(asOf);
    let fired = 0;
    for (const r of records.slice(0, 200)) fired += await runner.run(r);
    expect(fired).toBeGreaterThan(200);
  });
});
