/**
 * The reference check: both shipped packs through stock json-rules-engine
 * and through the SDK evaluator must agree on every rule whose facts are all
 * known, over the committed synthetic clinic and over generated records.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FACTS,
  RED_FLAG_CODES,
  addDaysIso,
  daysBetween,
  loadRulePack,
  parsePatientRecord,
} from '@kronikerpakker/core';
import type { Condition, PatientRecord, PatientRecordInput, RulePackDocument } from '@kronikerpakker/core';
import { disagreements } from '@kronikerpakker/test-fixtures';
import { INCLUSION_STATUSES } from './types';
import { evaluateInclusionForBoth } from './evaluate';
import { kolInclusionPack, lrsInclusionPack } from './packs';

const asOf = '2027-01-15';
const PACKS = [kolInclusionPack, lrsInclusionPack].map((p) => loadRulePack(p));

function fixture(): PatientRecord[] {
  const path = fileURLToPath(new URL('../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parsePatientRecord(JSON.parse(line) as unknown, { asOf }));
}

// --- Generated records: every branch of both packs, dates relative to asOf.
const FIRST = '2021-01-01';
const SPAN = daysBetween(FIRST, asOf);
const day = fc.integer({ min: 0, max: SPAN }).map((n) => addDaysIso(FIRST, n));
const earlier = (a: string, b: string): string => (a < b ? a : b);
const DIAGNOSES = [
  ['ICPC-2', 'R95'],
  ['ICD-10', 'J44.9'],
  ['SKS', 'DJ449'],
  ['ICD-10', 'J43.9'],
  ['ICPC-2', 'R96'],
  ['ICPC-2', 'L03'],
  ['ICPC-2', 'L84'],
  ['ICPC-2', 'L86'],
  ['ICD-10', 'M54.5'],
  ['SKS', 'DM544'],
  ['ICPC-2', 'L02'],
  ['ICD-10', 'M48.1'],
] as const;

const recordArb: fc.Arbitrary<PatientRecordInput> = fc
  .record({
    birth: fc.integer({ min: 0, max: 95 * 365 }).map((n) => addDaysIso('1925-01-01', n)),
    listed: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    deceased: fc.option(day, { freq: 10 }),
    diagnoses: fc.uniqueArray(
      fc.record({ pick: fc.constantFrom(...DIAGNOSES), active: fc.boolean(), date: day }),
      { maxLength: 3, selector: (d) => d.pick[1] },
    ),
    spirometry: fc.array(
      fc.record({
        ratio: fc.oneof(fc.integer({ min: 30, max: 95 }).map((n) => n / 100), fc.constantFrom(0.7, 0.699, 0.69)),
        post: fc.boolean(),
        date: day,
      }),
      { maxLength: 3 },
    ),
    episodes: fc.array(fc.record({ onset: day, length: fc.option(fc.integer({ min: 0, max: 200 })) }), { maxLength: 3 }),
    flags: fc.array(
      fc.record({ flag: fc.constantFrom(...RED_FLAG_CODES), status: fc.constantFrom('present', 'absent', 'cleared'), date: day }),
      { maxLength: 3 },
    ),
    decisions: fc.array(
      fc.record({
        package: fc.constantFrom('KOL', 'LRS'),
        decision: fc.constantFrom('included', 'declined', 'followed-in-hospital', 'ended'),
        date: day,
      }),
      { maxLength: 2 },
    ),
  })
  .map((g) => ({
    id: 'generated',
    synthetic: true,
    patient: {
      birthDate: g.birth,
      sex: 'male' as const,
      listed: g.listed && g.deceased === null,
      ...(g.deceased === null ? {} : { deceasedDate: g.deceased }),
    },
    diagnoses: g.diagnoses.map((d) => ({
      system: d.pick[0],
      code: d.pick[1],
      status: d.active ? ('active' as const) : ('resolved' as const),
      recordedDate: d.date,
    })),
    spirometry: g.spirometry.map((s) => ({ date: s.date, ratio: s.ratio, postBronchodilator: s.post })),
    backPainEpisodes: g.episodes.map((e) =>
      e.length === null ? { onsetDate: e.onset } : { onsetDate: e.onset, endDate: earlier(addDaysIso(e.onset, e.length), asOf) },
    ),
    redFlags: g.flags,
    packageDecisions: g.decisions,
  }));

describe('the generated records', () => {
  it('reach every status of both packages, so the checks below see every branch', () => {
    const seen = new Set<string>();
    for (const input of fc.sample(recordArb, { numRuns: 600, seed: 2027 })) {
      const both = evaluateInclusionForBoth(parsePatientRecord(input, { asOf }), { asOf });
      seen.add(`KOL:${both.KOL.status}`);
      seen.add(`LRS:${both.LRS.status}`);
    }
    expect([...seen].sort()).toEqual(
      INCLUSION_STATUSES.flatMap((s) => [`KOL:${s}`, `LRS:${s}`]).sort(),
    );
  });
});

describe('reference check against stock json-rules-engine', () => {
  const records = fixture();

  it('reads the committed 500-patient fixture', () => {
    expect(records).toHaveLength(500);
  });

  it.each(PACKS.map((p) => [p.id, p] as const))('%s agrees on the committed fixture', async (_id, pack) => {
    expect(await disagreements(pack, records, asOf)).toEqual([]);
  });

  it.each(PACKS.map((p) => [p.id, p] as const))('%s agrees on generated records', async (_id, pack) => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 10 }), async (inputs) => {
        const parsed = inputs.map((input) => parsePatientRecord(input, { asOf }));
        expect(await disagreements(pack, parsed, asOf)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

/** Every fact used under an exclusion rule. */
function exclusionFacts(doc: RulePackDocument): Set<string> {
  const facts = new Set<string>();
  const walk = (c: Condition): void => {
    if ('fact' in c) facts.add(c.fact);
    else if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else walk(c.not);
  };
  for (const rule of doc.rules) if (rule.event.type === 'exclusion') walk(rule.conditions);
  return facts;
}

describe('exclusions are always decided', () => {
  it('use only facts that are always known (no missing-data code)', () => {
    for (const doc of [kolInclusionPack, lrsInclusionPack]) {
      const facts = exclusionFacts(doc);
      expect(facts.size).toBeGreaterThan(0);
      for (const name of facts) expect(FACTS.get(name)?.missing, name).toBeUndefined();
    }
  });

  it('are never unknown, and the status follows from the rule results, on the fixture and generated records', () => {
    const check = (record: PatientRecord): void => {
      const both = evaluateInclusionForBoth(record, { asOf });
      for (const result of [both.KOL, both.LRS]) {
        const exclusions = result.criteria.filter((c) => c.kind === 'exclusion');
        const criteria = result.criteria.filter((c) => c.kind === 'criterion');
        expect(exclusions.every((c) => c.result !== 'unknown')).toBe(true);
        const expected = exclusions.some((c) => c.result === 'true')
          ? 'excluded'
          : criteria.some((c) => c.result === 'false')
            ? 'not-eligible'
            : criteria.some((c) => c.result === 'unknown')
              ? 'insufficient-data'
              : 'eligible';
        expect(result.status).toBe(expected);
        expect(INCLUSION_STATUSES).toContain(result.status);
        expect(result.reasons.length).toBeGreaterThan(0);
        expect(result.missing.length > 0).toBe(result.status === 'insufficient-data');
        for (const r of result.reasons) {
          expect(r.text.da).not.toBe(r.text.en);
          expect(r.text.da).not.toMatch(/undefined|NaN/u);
        }
        // Urgent reasons come first.
        const firstCalm = result.reasons.findIndex((r) => r.urgent !== true);
        if (firstCalm >= 0) expect(result.reasons.slice(firstCalm).some((r) => r.urgent === true)).toBe(false);
      }
    };
    fixture().forEach(check);
    fc.assert(
      fc.property(recordArb, (input) => {
        check(parsePatientRecord(input, { asOf }));
      }),
      { numRuns: 300 },
    );
  });
});
