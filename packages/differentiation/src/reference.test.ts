import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFactContext, evaluateRulePack, parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord, TraceNode } from '@kronikerpakker/core';
import { disagreements, generateClinic } from '@kronikerpakker/test-fixtures';
import { DIFFERENTIATION_PACK_IDS, defaultDifferentiationPacks, suggestLevel } from './index';
import { parse, stateArb, toInput } from './test-helpers';

const asOf = '2027-01-15';
const fixturePath = fileURLToPath(new URL('../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url));

const fixture: PatientRecord[] = readFileSync(fixturePath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => parsePatientRecord(JSON.parse(line) as unknown, { asOf }));

const generated: PatientRecord[] = generateClinic({ seed: 11, size: 600, asOf }).map((input) => parsePatientRecord(input, { asOf }));

// Records of every shape the model cares about (each factor present, absent and unrecorded), seeded.
const sampled: PatientRecord[] = fc.sample(stateArb, { numRuns: 400, seed: 2027 }).map((state) => parse(toInput(state)));

const allKnown = (node: TraceNode): boolean => (node.kind === 'fact' ? node.result !== 'unknown' : node.children.every(allKnown));

describe.each(['KOL', 'LRS'] as const)('the %s differentiation pack against stock json-rules-engine', (pkg) => {
  const compiled = defaultDifferentiationPacks().select(DIFFERENTIATION_PACK_IDS[pkg], asOf);

  it('agrees on the committed fixture (seed 2027, 500 patients) wherever all facts are known', async () => {
    expect(fixture).toHaveLength(500);
    expect(await disagreements(compiled.pack, fixture, asOf)).toEqual([]);
  });

  it('agrees on generated records (seed 11, 600 patients)', async () => {
    expect(await disagreements(compiled.pack, generated, asOf)).toEqual([]);
  });

  it('agrees on sampled records of every shape (400, seeded)', async () => {
    expect(await disagreements(compiled.pack, sampled, asOf)).toEqual([]);
  });

  it('was compared on every rule: each is fully known, and true, for some patient', () => {
    const known = new Map<string, number>();
    const held = new Map<string, number>();
    for (const record of [...fixture, ...generated, ...sampled]) {
      for (const r of evaluateRulePack(compiled, createFactContext(record, asOf)).results) {
        if (allKnown(r.trace)) known.set(r.name, (known.get(r.name) ?? 0) + 1);
        if (r.result === 'true') held.set(r.name, (held.get(r.name) ?? 0) + 1);
      }
    }
    for (const rule of compiled.pack.rules) {
      expect(known.get(rule.name) ?? 0, rule.name).toBeGreaterThan(0);
      expect(held.get(rule.name) ?? 0, rule.name).toBeGreaterThan(0);
    }
  });

  it('gives a consistent suggestion for every patient of the fixture', () => {
    for (const record of fixture) {
      const s = suggestLevel(record, { package: pkg, asOf });
      expect(s.minimumLevel).toBeLessThanOrEqual(s.maximumLevel);
      expect(s.determined).toBe(s.minimumLevel === s.maximumLevel);
      if (s.minimumLevel === 3) expect(s.determined).toBe(true);
      expect(s.differsFromClinician).toBe(s.clinicianDecision !== undefined && s.clinicianDecision.level !== s.suggestedLevel);
    }
  });
});
