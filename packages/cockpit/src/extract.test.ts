/**
 * The monitoring extract: aggregates only (no id, CPR, position or
 * per-patient value), small cells suppressed, and no suppressed cell
 * recoverable from the published counts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '@kronikerpakker/core';
import type { PatientRecordInput } from '@kronikerpakker/core';
import { buildCockpit } from './build';
import { monitoringExtract } from './extract';
import type { MonitoringExtract } from './extract';
import { CLINIC, CLINIC_AS_OF } from './test-helpers';
import type { Cockpit } from './types';

const FIXTURE = fileURLToPath(new URL('../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url));
const lines = readFileSync(FIXTURE, 'utf8').split('\n').filter((l) => l.length > 0);
const fixtureRecords = lines.map((l) => JSON.parse(l) as PatientRecordInput);

/** Every key an extract may have (anything else would be new information). */
const ALLOWED_KEYS = new Set([
  'kind', 'version', 'profile', 'asOf', 'minCell', 'ruleSets', 'id', 'digest', 'status', 'population', 'records', 'valid',
  'invalid', 'inProfile', 'indicators', 'numerator', 'denominator', 'proportion', 'suppressed', 'worklists', 'size', 'count', 'byCode',
]);

function keysOf(value: unknown, out = new Set<string>(), parent = ''): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out, parent);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      // byCode's keys are issue codes.
      if (parent !== 'byCode') out.add(k);
      keysOf(v, out, k);
    }
  }
  return out;
}

describe('the extract of the committed fixture leaks nothing', () => {
  for (const profile of ['KOL', 'LRS'] as const) {
    it(`${profile}: no record id, CPR, birth date or position; only aggregate keys`, () => {
      const cockpit = buildCockpit([...lines, '{not json', '{"id":"bad-zz","patient":{}}'], { asOf: '2027-01-15', profile });
      expect(cockpit.rows?.length).toBeGreaterThan(0);
      const extract = monitoringExtract(cockpit);
      const json = JSON.stringify(extract);
      for (const r of fixtureRecords) {
        expect(json).not.toContain(r.id);
        if (r.patient.cpr !== undefined) {
          expect(json).not.toContain(r.patient.cpr);
          expect(json).not.toContain(r.patient.cpr.replace('-', ''));
        }
      }
      expect(json).not.toContain('syn-');
      expect(json).not.toContain('bad-zz');
      expect(json).not.toContain('position');
      for (const k of keysOf(extract)) expect(ALLOWED_KEYS.has(k), k).toBe(true);
      expect(extract.kind).toBe('kronikerpakker-monitoring-extract');
      expect(extract.ruleSets.map((r) => r.id)).toEqual(cockpit.ruleSets.map((r) => r.id));
      // The invalid records' positions (501, 502) are not in it either, nor their paths.
      expect(json).not.toContain('patient.');
    });
  }

  it('publishes every large count unchanged', () => {
    const cockpit = buildCockpit(lines, { asOf: '2027-01-15', profile: 'LRS' });
    const extract = monitoringExtract(cockpit);
    expect(extract.population).toEqual({ records: 500, valid: 500, invalid: 0, inProfile: cockpit.population.inProfile });
    for (const i of extract.indicators) {
      const c = cockpit.indicators.find((x) => x.id === i.id);
      if (i.numerator !== null) expect(i.numerator).toBe(c?.numerator);
      if (i.denominator !== null) expect(i.denominator).toBe(c?.denominator);
      if (!i.suppressed) expect(i.proportion).toBe(c?.proportion);
    }
  });
});

describe('suppression on the 20-patient clinic', () => {
  it('KOL: small cells and their complements are null', () => {
    const extract = monitoringExtract(buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile: 'KOL' }));
    // records 20 = valid 20 + invalid 0; inProfile 12; enrolled 9 of 10, so the 1 candidate must not be recoverable.
    expect(extract.population).toEqual({ records: 20, valid: 20, invalid: 0, inProfile: 12 });
    const enrolled = extract.indicators.find((i) => i.id === 'enrolled');
    expect(enrolled?.numerator === null || enrolled?.denominator === null).toBe(true);
    expect(extract.worklists.find((w) => w.id === 'candidates')?.size).toBeNull();
    expect(extract.indicators.find((i) => i.id === 'level-2')?.numerator).toBe(0);
    expect(extract.indicators.find((i) => i.id === 'level-3')?.numerator).toBeNull();
    // level-1 (7) + level-3 (2, suppressed) = enrolled: level-1 or enrolled must go too.
    const l1 = extract.indicators.find((i) => i.id === 'level-1');
    expect(l1?.numerator === null || l1?.denominator === null).toBe(true);
  });

  it('LRS: the level-3 worklist equals the level-3 numerator (issue 12 finding 8), so it is suppressed with it', () => {
    // 2 x l01 (level 1), 12 x l03 (level 2), 10 x l05 (level 3), all in the package: level 1 (2) is small; its
    // complement among the levels (level 3, the smallest) must not be published again as the size of the level-3 worklist.
    const pick = (id: string, n: number) => Array.from({ length: n }, (_, i) => ({ ...(CLINIC.find((r) => r.id === id) as object), id: `${id}-${String(i)}` }));
    const records = [...pick('l01', 2), ...pick('l03', 12), ...pick('l05', 10)];
    const cockpit = buildCockpit(records, { asOf: CLINIC_AS_OF, profile: 'LRS' });
    expect(cockpit.indicators.filter((i) => i.id.startsWith('level-')).map((i) => i.numerator)).toEqual([2, 12, 10]);
    expect(cockpit.worklists.find((w) => w.id === 'level-3')?.size).toBe(10);
    const extract = monitoringExtract(cockpit);
    const level = (n: number) => extract.indicators.find((i) => i.id === `level-${String(n)}`)?.numerator;
    const enrolled = extract.indicators.find((i) => i.id === 'enrolled')?.numerator;
    expect(level(1)).toBeNull();
    const level3 = level(3) ?? extract.worklists.find((w) => w.id === 'level-3')?.size ?? null;
    // Level 1 = enrolled - level 2 - level 3 must not be computable from what is published.
    expect(enrolled === null || level(2) === null || level3 === null).toBe(true);
  });

  it('with minCell 1 nothing is suppressed', () => {
    const cockpit = buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile: 'LRS' });
    const extract = monitoringExtract(cockpit, { minCell: 1 });
    expect(extract.indicators.map((i) => [i.numerator, i.denominator])).toEqual(cockpit.indicators.map((i) => [i.numerator, i.denominator]));
    expect(extract.worklists.every((w) => !w.suppressed)).toBe(true);
  });

  it('rejects a bad minCell or cockpit with a code and path', () => {
    const cockpit = buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile: 'LRS' });
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return KronikerpakkerError.is(e) ? [e.code, e.path] : e;
      }
      return undefined;
    };
    expect(err(() => monitoringExtract(cockpit, { minCell: 0 }))).toEqual(['INVALID_ARGUMENT', ['options', 'minCell']]);
    expect(err(() => monitoringExtract({} as Cockpit))).toEqual(['INVALID_ARGUMENT', ['cockpit']]);
  });
});

/** The relations an observer knows between published counts: total = sum of parts. */
function relations(e: MonitoringExtract): { total: number | null; parts: (number | null)[]; ids: string[] }[] {
  const ind = (id: string) => e.indicators.find((i) => i.id === id);
  const wl = (id: string) => e.worklists.find((w) => w.id === id);
  const out: { total: number | null; parts: (number | null)[]; ids: string[] }[] = [];
  const p = e.population;
  out.push({ total: p.records, parts: [p.valid, p.invalid], ids: ['records', 'valid', 'invalid'] });
  const enrolled = ind('enrolled');
  out.push({ total: enrolled?.denominator ?? null, parts: [enrolled?.numerator ?? null, wl('candidates')?.size ?? null], ids: ['den', 'enrolled', 'candidates'] });
  out.push({
    total: enrolled?.numerator ?? null,
    parts: ['level-1', 'level-2', 'level-3'].map((id) => ind(id)?.numerator ?? null),
    ids: ['enrolled', 'level-1', 'level-2', 'level-3'],
  });
  // Issue 12 finding 8: the level-3 worklist holds exactly the patients in the package at level 3.
  out.push({ total: wl('level-3')?.size ?? null, parts: [ind('level-3')?.numerator ?? null], ids: ['level-3-worklist', 'level-3'] });
  return out;
}

/** Solves relations with one unknown, repeatedly (subtraction, also chained); returns what it recovers. */
function recoverable(e: MonitoringExtract, truth: Cockpit): string[] {
  const recovered: string[] = [];
  const known = new Map<string, number>();
  const rels = relations(e);
  const cockpitValue: Record<string, number> = {
    records: truth.population.records,
    valid: truth.population.valid,
    invalid: truth.population.invalid,
    den: truth.indicators.find((i) => i.id === 'enrolled')?.denominator ?? 0,
    enrolled: truth.indicators.find((i) => i.id === 'enrolled')?.numerator ?? 0,
    candidates: truth.worklists.find((w) => w.id === 'candidates')?.size ?? 0,
  };
  for (const l of ['level-1', 'level-2', 'level-3']) cockpitValue[l] = truth.indicators.find((i) => i.id === l)?.numerator ?? 0;
  cockpitValue['level-3-worklist'] = truth.worklists.find((w) => w.id === 'level-3')?.size ?? 0;
  for (const r of rels) {
    [r.total, ...r.parts].forEach((v, i) => {
      if (v !== null) known.set(r.ids[i] as string, v);
    });
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of rels) {
      const unknown = r.ids.filter((id) => !known.has(id));
      if (unknown.length !== 1) continue;
      const u = unknown[0] as string;
      const [totalId, ...partIds] = r.ids as [string, ...string[]];
      const sumParts = partIds.reduce((s, id) => s + (known.get(id) ?? 0), 0);
      const value = u === totalId ? sumParts : (known.get(totalId) ?? 0) - (sumParts - 0);
      expect(value).toBe(cockpitValue[u]);
      known.set(u, value);
      recovered.push(u);
      changed = true;
    }
  }
  return recovered;
}

function publishedCounts(e: MonitoringExtract): (number | null)[] {
  return [
    ...Object.values(e.population),
    ...e.indicators.flatMap((i) => [i.numerator, i.denominator]),
    ...e.worklists.map((w) => w.size),
    e.invalid.count,
    ...Object.values(e.invalid.byCode),
  ];
}

describe('suppression, as a property over generated small populations', () => {
  const patient = fc.oneof(
    fc.integer({ min: 0, max: CLINIC.length - 1 }).map((i) => ({ kind: 'clinic' as const, i })),
    fc.constantFrom({ kind: 'bad-json' as const, i: 0 }, { kind: 'bad-schema' as const, i: 0 }),
  );
  const population = fc.tuple(fc.array(patient, { maxLength: 60 }), fc.constantFrom('KOL' as const, 'LRS' as const), fc.integer({ min: 2, max: 6 }));

  it('every published count is 0 or >= minCell, every published difference too, and no suppressed cell is recoverable', () => {
    fc.assert(
      fc.property(population, ([patients, profile, minCell]) => {
        const input = patients.map((p, n) => {
          if (p.kind === 'bad-json') return '{"id":';
          if (p.kind === 'bad-schema') return JSON.stringify({ id: `x-${String(n)}`, patient: { sex: 'female', listed: true } });
          return JSON.stringify({ ...CLINIC[p.i], id: `gen-${String(n)}` });
        });
        const cockpit = buildCockpit(input, { asOf: CLINIC_AS_OF, profile, retainRows: false });
        const extract = monitoringExtract(cockpit, { minCell });
        for (const v of publishedCounts(extract)) expect(v === null || v === 0 || v >= minCell).toBe(true);
        // Differences of published numerator/denominator pairs and of published subsets are 0 or >= minCell.
        const diff = (a: number | null | undefined, b: number | null | undefined) => {
          if (a === null || a === undefined || b === null || b === undefined) return;
          const d = a - b;
          expect(d === 0 || d >= minCell).toBe(true);
        };
        for (const i of extract.indicators) diff(i.denominator, i.numerator);
        diff(extract.population.valid, extract.population.inProfile);
        const inProfile = extract.population.inProfile;
        const inPackageOrCandidates = extract.indicators[0]?.denominator;
        for (const w of extract.worklists) {
          // Issue 12 finding 8: the enrolled who no longer meet the criteria are outside the package and not
          // candidates, so the rest of the profile (not enrolled, not eligible) is the difference to protect.
          if (w.id === 'no-longer-eligible') {
            if (inProfile !== null && inPackageOrCandidates !== null && inPackageOrCandidates !== undefined) diff(inProfile - inPackageOrCandidates, w.size);
          } else if (w.id !== 'candidates' && w.id !== 'level-3') diff(inProfile, w.size);
        }
        for (const v of Object.values(extract.invalid.byCode)) diff(extract.invalid.count, v);
        const level3 = extract.indicators.find((i) => i.id === 'level-3')?.numerator;
        diff(extract.worklists.find((w) => w.id === 'level-3')?.size, level3);
        // Nothing suppressed comes back by (chained) subtraction.
        expect(recoverable(extract, cockpit)).toEqual([]);
        // Whatever is published is true.
        expect(extract.population.records === null || extract.population.records === cockpit.population.records).toBe(true);
      }),
      { numRuns: 150, seed: 2027 },
    );
  });
});
