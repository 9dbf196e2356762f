import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFactContext, evaluateRulePack, parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord } from '@kronikerpakker/core';
import { disagreements, generateClinic } from '@kronikerpakker/test-fixtures';
import { CARE_PACK_IDS, defaultCarePacks, evaluateCare } from './index';

const asOf = '2027-01-15';
const fixturePath = fileURLToPath(new URL('../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url));

const fixture: PatientRecord[] = readFileSync(fixturePath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => parsePatientRecord(JSON.parse(line) as unknown, { asOf }));

const generated: PatientRecord[] = generateClinic({ seed: 17, size: 600, asOf }).map((input) => parsePatientRecord(input, { asOf }));

describe.each(['KOL', 'LRS'] as const)('the %s care pack against stock json-rules-engine', (pkg) => {
  const compiled = defaultCarePacks().select(CARE_PACK_IDS[pkg], asOf);

  it('agrees on the committed fixture (seed 2027, 500 patients) wherever all facts are known', async () => {
    expect(fixture).toHaveLength(500);
    expect(await disagreements(compiled.pack, fixture, asOf)).toEqual([]);
  });

  it('agrees on generated records (seed 17, 600 patients)', async () => {
    expect(await disagreements(compiled.pack, generated, asOf)).toEqual([]);
  });

  it('gives ordered items for every patient of the fixture, with the pack version', () => {
    let withItems = 0;
    for (const record of [...fixture, ...generated]) {
      const care = evaluateCare(record, { package: pkg, asOf });
      if (care.items.length > 0) withItems++;
      for (let i = 1; i < care.items.length; i++) {
        const a = care.items[i - 1];
        const b = care.items[i];
        if (a === undefined || b === undefined) continue;
        expect(Number(a.urgent) >= Number(b.urgent)).toBe(true);
        if (a.urgent === b.urgent) expect(a.priority).toBeGreaterThanOrEqual(b.priority);
      }
      for (const item of care.items) expect(item.ruleSet).toEqual(compiled.pack.ref);
    }
    expect(withItems).toBeGreaterThan(0);
  });

  it('has rules that hold for some patient of the fixture and the generated clinic', () => {
    const held = new Set<string>();
    for (const record of [...fixture, ...generated]) {
      for (const r of evaluateRulePack(compiled, createFactContext(record, asOf)).results) if (r.result === 'true') held.add(r.name);
    }
    // Not every rule need hold in a random clinic, but the scope and most items do.
    expect(held.has(`${pkg.toLowerCase()}.scope`)).toBe(true);
    expect(held.size).toBeGreaterThan(compiled.pack.rules.length / 2);
  });
});
