/**
 * The hand-built 20-patient clinic (test-helpers.ts) on 2027-03-15: every
 * row's key fields, every worklist's ids in order, and every indicator's
 * numerator and denominator, written out by hand for both profiles.
 */
import { describe, expect, it } from 'vitest';
import { buildCockpit } from './build';
import { CLINIC, CLINIC_AS_OF } from './test-helpers';
import type { Cockpit, CockpitRow } from './types';

/** id, status, enrolled, effective level, group, lastAarsstatus, nextDue, urgent, pro, worklists. */
type RowKey = [string, CockpitRow['status'], boolean, number | null, string | null, string | null, string | null, boolean, CockpitRow['pro'], string[]];

function key(row: CockpitRow): RowKey {
  return [row.id, row.status, row.enrolled, row.level.effective, row.group, row.lastAarsstatus, row.nextDue, row.urgent, row.pro, [...row.worklists]];
}

function worklistIds(cockpit: Cockpit): Record<string, string[]> {
  return Object.fromEntries(cockpit.worklists.map((w) => [w.id, (w.rows ?? []).map((r) => r.id)]));
}

function indicatorValues(cockpit: Cockpit): Record<string, [number, number]> {
  return Object.fromEntries(cockpit.indicators.map((i) => [i.id, [i.numerator, i.denominator]]));
}

describe('KOL profile of the 20-patient clinic', () => {
  const cockpit = buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile: 'KOL' });

  it('counts the population: 12 patients in the profile (k01-k11 and b01)', () => {
    expect(cockpit.population).toEqual({ records: 20, valid: 20, invalid: 0, inProfile: 12 });
    expect(cockpit.invalid).toEqual({ count: 0, byCode: {}, entries: [] });
    expect(cockpit.ruleSets.map((r) => r.id)).toEqual(['kol-inclusion', 'kol-differentiation', 'kol-care']);
  });

  it('gives every row its status, level, group, dates, PRO status and worklists', () => {
    expect(cockpit.rows?.map(key)).toEqual([
      ['k01', 'eligible', true, 1, 'A', '2026-10-01', null, false, 'completed', []],
      ['k02', 'eligible', true, 1, 'A', '2025-12-01', '2026-12-01', false, 'due', ['aarsstatus-overdue', 'missing-spirometry', 'smokers']],
      ['k03', 'eligible', true, 1, 'A', '2026-04-01', '2027-04-01', false, 'due', ['aarsstatus-due-30d', 'missing-spirometry']],
      ['k04', 'eligible', true, 3, 'E', '2026-10-01', '2027-01-01', false, 'completed', ['level-3', 'frequent-exacerbations']],
      ['k05', 'eligible', false, 1, 'A', '2026-10-01', null, false, 'completed', ['candidates']],
      ['k06', 'not-eligible', true, 1, 'A', '2026-10-01', null, false, 'not-applicable', ['no-longer-eligible']],
      ['k07', 'insufficient-data', false, null, 'A', '2026-10-01', null, false, 'completed', ['missing-spirometry']],
      ['k08', 'excluded', false, null, 'A', '2026-10-01', null, false, 'not-applicable', []],
      ['k09', 'eligible', true, 3, 'A', '2026-10-01', '2027-01-01', false, 'completed', ['level-3']],
      ['k10', 'eligible', true, 1, 'A', null, null, false, 'missing', ['aarsstatus-overdue']],
      ['k11', 'excluded', true, 1, 'A', '2026-10-01', null, false, 'not-applicable', ['no-longer-eligible']],
      ['b01', 'eligible', true, 1, 'A', '2026-10-01', null, false, 'completed', []],
    ]);
  });

  it('keeps the suggested and the decided level apart', () => {
    const k09 = cockpit.rows?.find((r) => r.id === 'k09');
    expect(k09?.level).toEqual({ suggested: 1, determined: false, decided: 3, effective: 3 });
    const k04 = cockpit.rows?.find((r) => r.id === 'k04');
    expect(k04?.level).toEqual({ suggested: 3, determined: true, decided: null, effective: 3 });
    // Neither eligible nor enrolled: no level.
    expect(cockpit.rows?.find((r) => r.id === 'k08')?.level).toEqual({ suggested: null, determined: false, decided: null, effective: null });
  });

  it('counts care items by kind and lists their codes', () => {
    const k02 = cockpit.rows?.find((r) => r.id === 'k02');
    expect(k02?.counts).toEqual({ overdue: 1, due: 2, missing: 0, alerts: 0, suggestions: 2, dataQuality: 0 });
    expect(k02?.itemCodes).toEqual(['kol.aarsstatus.overdue', 'kol.smoking-cessation', 'kol.spirometry.due', 'kol.pro.cat-before-aarsstatus', 'kol.dxa']);
    expect(cockpit.rows?.find((r) => r.id === 'k07')?.counts).toEqual({ overdue: 0, due: 0, missing: 0, alerts: 0, suggestions: 0, dataQuality: 1 });
    expect(cockpit.rows?.find((r) => r.id === 'k10')?.itemCodes).toEqual(['kol.aarsstatus.none', 'kol.cat.missing']);
  });

  it('fills every worklist, sorted urgent first, then by next due date (none last), then position', () => {
    expect(worklistIds(cockpit)).toEqual({
      'aarsstatus-overdue': ['k02', 'k10'],
      'aarsstatus-due-30d': ['k03'],
      'missing-spirometry': ['k02', 'k03', 'k07'],
      'level-3': ['k04', 'k09'],
      'frequent-exacerbations': ['k04'],
      smokers: ['k02'],
      candidates: ['k05'],
      'no-longer-eligible': ['k06', 'k11'],
    });
    expect(cockpit.worklists.map((w) => w.size)).toEqual([2, 1, 3, 2, 1, 1, 1, 2]);
  });

  it('computes every indicator', () => {
    expect(indicatorValues(cockpit)).toEqual({
      // Enrolled: k01-k04, k06, k09-k11, b01; eligible not enrolled: k05.
      enrolled: [9, 10],
      'level-1': [7, 9],
      'level-2': [0, 9],
      'level-3': [2, 9], // k04 suggested, k09 decided
      'aarsstatus-12m': [7, 9], // not k02 (2025-12-01), not k10 (none)
      'spirometry-24m': [8, 9], // not k03 (2025-03-01)
      'pro-completed': [4, 9], // k01, k04, k09, b01
      'plan-shared': [7, 9], // not k04 (none), not k02 (2025-12-02)
    });
    const enrolled = cockpit.indicators[0];
    expect(enrolled?.proportion).toBe(0.9);
    expect(cockpit.indicators.find((i) => i.id === 'level-2')?.proportion).toBe(0);
  });
});

describe('LRS profile of the 20-patient clinic', () => {
  const cockpit = buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile: 'LRS' });

  it('counts the population: 8 patients in the profile (l01-l07 and b01)', () => {
    expect(cockpit.population).toEqual({ records: 20, valid: 20, invalid: 0, inProfile: 8 });
    expect(cockpit.ruleSets.map((r) => r.id)).toEqual(['lrs-inclusion', 'lrs-differentiation', 'lrs-care']);
  });

  it('gives every row its status, level, STarT Back group, dates, PRO status and worklists', () => {
    expect(cockpit.rows?.map(key)).toEqual([
      ['l01', 'eligible', true, 1, 'low', '2026-11-01', null, false, 'completed', []],
      ['l02', 'excluded', true, 3, 'low', null, null, true, 'completed', ['red-flag-open', 'level-3', 'no-longer-eligible']],
      ['l03', 'eligible', true, 2, 'low', null, null, false, 'completed', ['sick-leave']],
      ['l04', 'eligible', false, 1, null, null, null, false, 'missing', ['start-back-missing', 'candidates']],
      ['l05', 'eligible', true, 3, 'high', null, '2026-09-01', false, 'completed', ['level-3', 'follow-up-overdue']],
      ['l06', 'not-eligible', false, null, 'low', null, null, false, 'completed', []],
      ['l07', 'eligible', true, 2, 'low', null, null, false, 'missing', ['start-back-missing']],
      // b01's årsstatus is for KOL, so it is not LRS's.
      ['b01', 'eligible', true, 1, 'low', null, null, false, 'completed', []],
    ]);
    const l02 = cockpit.rows?.find((r) => r.id === 'l02');
    expect(l02?.itemCodes[0]).toBe('lrs.red-flag.open');
    expect(l02?.counts.alerts).toBe(1);
  });

  it('fills every worklist; the urgent row comes first whatever its due date', () => {
    expect(worklistIds(cockpit)).toEqual({
      'red-flag-open': ['l02'],
      'sick-leave': ['l03'],
      'level-3': ['l02', 'l05'], // l02 urgent (no due date) before l05 (due 2026-09-01)
      'follow-up-overdue': ['l05'],
      'start-back-missing': ['l04', 'l07'],
      candidates: ['l04'],
      'no-longer-eligible': ['l02'],
    });
  });

  it('computes every indicator', () => {
    expect(indicatorValues(cockpit)).toEqual({
      // Enrolled: l01-l03, l05, l07, b01; eligible not enrolled: l04.
      enrolled: [6, 7],
      'level-1': [2, 6], // l01, b01
      'level-2': [2, 6], // l03 suggested, l07 decided
      'level-3': [2, 6], // l02 decided, l05 suggested
      'aarsstatus-12m': [1, 6], // l01 (an årsstatus without a package)
      'start-back-done': [5, 6], // not l07 (2026-08-01)
      'pro-completed': [5, 6], // not l07
      'plan-shared': [5, 6], // not l07
    });
  });
});

describe('patients outside the profile', () => {
  it('are counted in the population but get no row', () => {
    const kol = buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile: 'KOL' });
    const ids = new Set(kol.rows?.map((r) => r.id));
    expect(ids.has('n01')).toBe(false);
    expect(ids.has('l01')).toBe(false);
    expect(kol.population.valid).toBe(20);
  });
});
