/**
 * The hand-built 20-patient clinic (test-helpers.ts) on 2027-03-15: every
 * row's key fields, every worklist's ids in order, and every indicator's
 * numerator and denominator, written out by hand for both profiles.
 *
 * Issue 12 finding 1 (one enrolment policy): only patients in the package
 * (standing `enrolled`) get a level's package care, PRO status and the
 * package's worklists; candidates get a level but no package care; excluded
 * and not-eligible patients get neither, enrolled or not. Indicator
 * denominators count patients in the package (issue 12 finding 8).
 */
import { describe, expect, it } from 'vitest';
import { buildCockpit } from './build';
import { CLINIC, CLINIC_AS_OF } from './test-helpers';
import type { Cockpit, CockpitRow } from './types';

/** id, status, enrolled, standing, effective level, group, lastAarsstatus, nextDue, urgent, pro, worklists. */
type RowKey = [
  string,
  CockpitRow['status'],
  boolean,
  CockpitRow['standing'],
  number | null,
  string | null,
  string | null,
  string | null,
  boolean,
  CockpitRow['pro'],
  string[],
];

function key(row: CockpitRow): RowKey {
  return [row.id, row.status, row.enrolled, row.standing, row.level.effective, row.group, row.lastAarsstatus, row.nextDue, row.urgent, row.pro, [...row.worklists]];
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
      ['k01', 'eligible', true, 'enrolled', 1, 'A', '2026-10-01', null, false, 'completed', []],
      ['k02', 'eligible', true, 'enrolled', 1, 'A', '2025-12-01', '2026-12-01', false, 'due', ['aarsstatus-overdue', 'missing-spirometry', 'smokers']],
      ['k03', 'eligible', true, 'enrolled', 1, 'A', '2026-04-01', '2027-04-01', false, 'due', ['aarsstatus-due-30d', 'missing-spirometry']],
      ['k04', 'eligible', true, 'enrolled', 3, 'E', '2026-10-01', '2027-01-01', false, 'completed', ['level-3', 'frequent-exacerbations']],
      // Issue 12 finding 1: a candidate has a level but no package care, so no PRO status.
      ['k05', 'eligible', false, 'candidate', 1, 'A', '2026-10-01', null, false, 'not-applicable', ['candidates']],
      // Issue 12 finding 1: not-eligible wins over enrolment: no level.
      ['k06', 'not-eligible', true, 'not-eligible', null, 'A', '2026-10-01', null, false, 'not-applicable', ['no-longer-eligible']],
      // Issue 12 finding 1: not in the package, no PRO status; the data-quality item (scope always) still lists it.
      ['k07', 'insufficient-data', false, 'insufficient-data', null, 'A', '2026-10-01', null, false, 'not-applicable', ['missing-spirometry']],
      ['k08', 'excluded', false, 'excluded', null, 'A', '2026-10-01', null, false, 'not-applicable', []],
      ['k09', 'eligible', true, 'enrolled', 3, 'A', '2026-10-01', '2027-01-01', false, 'completed', ['level-3']],
      // Issue 12 finding 8: never an årsstatus is its own worklist.
      ['k10', 'eligible', true, 'enrolled', 1, 'A', null, null, false, 'missing', ['aarsstatus-none']],
      // Issue 12 finding 1: excluded wins over enrolment: no level.
      ['k11', 'excluded', true, 'excluded', null, 'A', '2026-10-01', null, false, 'not-applicable', ['no-longer-eligible']],
      ['b01', 'eligible', true, 'enrolled', 1, 'A', '2026-10-01', null, false, 'completed', []],
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
    // Issue 12 finding 5: no DXA for a smoker with FEV1 60 % of predicted (only FEV1 < 50 %).
    expect(k02?.counts).toEqual({ overdue: 1, due: 2, missing: 0, alerts: 0, suggestions: 1, dataQuality: 0 });
    expect(k02?.itemCodes).toEqual(['kol.aarsstatus.overdue', 'kol.smoking-cessation', 'kol.spirometry.due', 'kol.pro.cat-before-aarsstatus']);
    expect(cockpit.rows?.find((r) => r.id === 'k07')?.counts).toEqual({ overdue: 0, due: 0, missing: 0, alerts: 0, suggestions: 0, dataQuality: 1 });
    expect(cockpit.rows?.find((r) => r.id === 'k10')?.itemCodes).toEqual(['kol.aarsstatus.none', 'kol.cat.missing']);
  });

  it('fills every worklist, sorted urgent first, then by next due date (none last), then position', () => {
    expect(worklistIds(cockpit)).toEqual({
      // Issue 12 finding 8: overdue (k02) and never held (k10) are two worklists.
      'aarsstatus-overdue': ['k02'],
      'aarsstatus-none': ['k10'],
      'aarsstatus-due-30d': ['k03'],
      // k07 is not in the package: dq.kol-without-spirometry (scope always) lists it.
      'missing-spirometry': ['k02', 'k03', 'k07'],
      'level-3': ['k04', 'k09'],
      'frequent-exacerbations': ['k04'],
      smokers: ['k02'],
      candidates: ['k05'],
      'no-longer-eligible': ['k06', 'k11'],
    });
    expect(cockpit.worklists.map((w) => w.size)).toEqual([1, 1, 1, 3, 2, 1, 1, 1, 2]);
  });

  it('computes every indicator', () => {
    expect(indicatorValues(cockpit)).toEqual({
      // Issue 12 finding 8: denominators are the patients in the package: k01-k04, k09, k10, b01
      // (k06 not-eligible and k11 excluded are enrolled but not in the package); candidate: k05.
      enrolled: [7, 8],
      'level-1': [5, 7], // k01, k02, k03, k10, b01
      'level-2': [0, 7],
      'level-3': [2, 7], // k04 suggested, k09 decided
      'aarsstatus-12m': [5, 7], // not k02 (2025-12-01), not k10 (none)
      'spirometry-24m': [6, 7], // not k03 (2025-03-01)
      'pro-completed': [4, 7], // k01, k04, k09, b01
      'plan-shared': [5, 7], // not k04 (none), not k02 (2025-12-02)
    });
    const enrolled = cockpit.indicators[0];
    expect(enrolled?.proportion).toBe(7 / 8);
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
      ['l01', 'eligible', true, 'enrolled', 1, 'low', '2026-11-01', null, false, 'completed', []],
      // Issue 12 finding 1: an urgent warning sign excludes; excluded wins over enrolment and the clinician's level 3:
      // no level, no package care; the urgent alert (scope always) still shows.
      ['l02', 'excluded', true, 'excluded', null, 'low', null, null, true, 'not-applicable', ['red-flag-open', 'no-longer-eligible']],
      ['l03', 'eligible', true, 'enrolled', 2, 'low', null, null, false, 'completed', ['sick-leave']],
      // Issue 12 finding 1: a candidate gets no package care items (no lrs.start-back.missing), so no PRO status.
      ['l04', 'eligible', false, 'candidate', 1, null, null, null, false, 'not-applicable', ['candidates']],
      ['l05', 'eligible', true, 'enrolled', 3, 'high', null, '2026-09-01', false, 'completed', ['level-3', 'follow-up-overdue']],
      // Issue 12 finding 1: not in the package: no PRO status.
      ['l06', 'not-eligible', false, 'not-eligible', null, 'low', null, null, false, 'not-applicable', []],
      // Issue 12 finding 4: the STarT Back of 2026-08-01 is over 6 months old: it counts as missing, so no group.
      ['l07', 'eligible', true, 'enrolled', 2, null, null, null, false, 'missing', ['start-back-missing']],
      // b01's årsstatus is for KOL, so it is not LRS's.
      ['b01', 'eligible', true, 'enrolled', 1, 'low', null, null, false, 'completed', []],
    ]);
    const l02 = cockpit.rows?.find((r) => r.id === 'l02');
    expect(l02?.itemCodes[0]).toBe('lrs.red-flag.open');
    expect(l02?.counts.alerts).toBe(1);
  });

  it('fills every worklist; the urgent row comes first whatever its due date', () => {
    expect(worklistIds(cockpit)).toEqual({
      'red-flag-open': ['l02'],
      'sick-leave': ['l03'],
      // Issue 12 finding 8: level 3 only for patients in the package (l02 is excluded).
      'level-3': ['l05'],
      'follow-up-overdue': ['l05'],
      // Issue 12 finding 1: the candidate l04 gets no package care item.
      'start-back-missing': ['l07'],
      candidates: ['l04'],
      'no-longer-eligible': ['l02'],
    });
  });

  it('computes every indicator', () => {
    expect(indicatorValues(cockpit)).toEqual({
      // Issue 12 finding 8: in the package: l01, l03, l05, l07, b01 (l02 is enrolled but excluded); candidate: l04.
      enrolled: [5, 6],
      'level-1': [2, 5], // l01, b01
      'level-2': [2, 5], // l03 suggested, l07 decided
      'level-3': [1, 5], // l05 suggested
      'aarsstatus-12m': [1, 5], // l01 (an årsstatus without a package)
      'start-back-done': [4, 5], // not l07 (2026-08-01)
      'pro-completed': [4, 5], // not l07
      'plan-shared': [4, 5], // not l07
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

describe('the group column reads the level pack\'s freshness windows (issue 12 finding 4)', () => {
  const R95 = { system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2018-02-01' } as const;
  const kolWith = (id: string, mrcDate: string, grade: number) => ({
    ...(CLINIC.find((r) => r.id === 'k01') as object),
    id,
    diagnoses: [R95],
    mrc: [{ date: mrcDate, grade }],
    questionnaires: [],
  });

  it.each([
    // MRC 4 (>= 3: GOLD group B) within 12 months counts; 12 months and a day before asOf (2027-03-15) it is missing.
    ['MRC 4 on 2026-03-15 (12 months)', '2026-03-15', 4, 'B'],
    ['MRC 4 on 2026-03-14 (12 months and a day)', '2026-03-14', 4, null],
    ['MRC 2 on 2026-10-01', '2026-10-01', 2, 'A'],
  ] as const)('%s: GOLD group %s', (_name, date, grade, group) => {
    const cockpit = buildCockpit([kolWith('g1', date, grade)], { asOf: CLINIC_AS_OF, profile: 'KOL' });
    expect(cockpit.rows?.[0]?.group).toBe(group);
  });
});
