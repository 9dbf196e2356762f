/**
 * What the page shows, in Node (no browser needed): the clinic and its two
 * cockpits, the Danish labels, and the plan or the reason there is none.
 */
import { describe, expect, it } from 'vitest';
import type { CockpitRow } from '@kronikerpakker/cockpit';
import { AS_OF, DEFAULT_CLINIC, buildClinicView, clinicChoiceFrom, levelText, planFor, standingText, statusText } from './cockpit-view';

const view = buildClinicView({ seed: 2027, size: 500 });
const rowsOf = (profile: 'KOL' | 'LRS'): readonly CockpitRow[] => view.cockpits[profile].rows ?? [];

describe('clinicChoiceFrom', () => {
  it('reads seed and size, and falls back to the default clinic for anything else', () => {
    expect(clinicChoiceFrom('')).toEqual(DEFAULT_CLINIC);
    expect(clinicChoiceFrom('?seed=7&size=250')).toEqual({ seed: 7, size: 250 });
    expect(clinicChoiceFrom('?seed=-1&size=0')).toEqual(DEFAULT_CLINIC);
    expect(clinicChoiceFrom('?size=20001')).toEqual(DEFAULT_CLINIC);
    expect(clinicChoiceFrom('?size=1e3&seed=abc')).toEqual(DEFAULT_CLINIC);
  });
});

describe('labels', () => {
  it('names every inclusion status in Danish', () => {
    expect(statusText('eligible')).toBe('Opfyldt');
    expect(statusText('not-eligible')).toBe('Ikke opfyldt');
    expect(statusText('excluded')).toBe('Ekskluderet');
    expect(statusText('insufficient-data')).toBe('Mangler data');
  });

  it('says whether the level is decided or suggested', () => {
    expect(levelText({ suggested: null, determined: false, decided: null, effective: null })).toBe('–');
    expect(levelText({ suggested: 2, determined: true, decided: 3, effective: 3 })).toBe('3, besluttet');
    expect(levelText({ suggested: 2, determined: true, decided: null, effective: 2 })).toBe('2, foreslået');
    expect(levelText({ suggested: 1, determined: false, decided: null, effective: 1 })).toBe('1, foreløbig');
  });
});

describe('buildClinicView', () => {
  it('generates the clinic and builds both cockpits as of the page date', () => {
    expect(view.records.size).toBe(500);
    for (const profile of ['KOL', 'LRS'] as const) {
      const cockpit = view.cockpits[profile];
      expect(cockpit.asOf).toBe(AS_OF);
      expect(cockpit.population.records).toBe(500);
      expect(rowsOf(profile).length).toBe(cockpit.population.inProfile);
      expect(rowsOf(profile).length).toBeGreaterThan(0);
      for (const row of rowsOf(profile)) expect(view.records.has(row.id)).toBe(true);
    }
  });
});

describe('planFor', () => {
  it("renders an eligible patient's plan for the patient, in Danish, the same on every call", () => {
    const row = rowsOf('KOL').find((r) => r.status === 'eligible' && (view.records.get(r.id) as { patient: { cpr?: string } }).patient.cpr !== undefined);
    expect(row).toBeDefined();
    const outcome = planFor(view.records.get(row!.id), row!, 'KOL');
    expect(outcome.kind).toBe('plan');
    if (outcome.kind !== 'plan') return;
    expect(outcome.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(outcome.html).toContain('<html lang="da">');
    expect(outcome.html).toContain('<h1>Min plan: ');
    expect(outcome.html).toContain('Syntetisk Patient');
    // The patient's version shows no CPR number.
    const cpr = (view.records.get(row!.id) as { patient: { cpr: string } }).patient.cpr;
    expect(outcome.html).not.toContain(cpr);
    expect(planFor(view.records.get(row!.id), row!, 'KOL')).toEqual(outcome);
  });

  it('gives no plan to a patient who does not meet the criteria, and says why', () => {
    const row = rowsOf('LRS').find((r) => r.status !== 'eligible' && !r.enrolled);
    expect(row).toBeDefined();
    const outcome = planFor(view.records.get(row!.id), row!, 'LRS');
    expect(outcome).toEqual({ kind: 'none', reason: expect.stringContaining(`kriterierne for LRS er »${statusText(row!.status).toLowerCase()}«`) as unknown });
  });

  // Issue 12 finding 1: the one enrolment policy decides the plan, as in the SDK.
  it.each([
    ['enrolled', 'eligible', true, 'plan'],
    ['enrolled', 'insufficient-data', true, 'plan'],
    ['candidate', 'eligible', false, 'plan'],
    ['excluded', 'excluded', true, 'none'],
    ['not-eligible', 'not-eligible', true, 'none'],
    ['insufficient-data', 'insufficient-data', false, 'none'],
  ] as const)('standing %s (status %s, enrolled %s): %s', (standing, status, enrolled, kind) => {
    // Any KOL patient with a CPR will do: planFor decides by the row before it reads the record.
    const base = rowsOf('KOL').find((r) => r.standing === 'enrolled' && (view.records.get(r.id) as { patient: { cpr?: string } }).patient.cpr !== undefined);
    expect(base).toBeDefined();
    const row = { ...base!, standing, status, enrolled } as CockpitRow;
    const outcome = planFor(view.records.get(base!.id), row, 'KOL');
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'none') expect(outcome.reason).toContain('Planen laves kun for patienter i pakken og kandidater.');
  });

  it('names every standing in Danish', () => {
    expect(['enrolled', 'candidate', 'excluded', 'not-eligible', 'insufficient-data'].map((s) => standingText(s as CockpitRow['standing']))).toEqual([
      'I pakken',
      'Kandidat',
      'Ekskluderet',
      'Ikke i pakken',
      'Ikke afgjort',
    ]);
    // Enrolled, but excluded or no longer eligible: the package's tasks are paused.
    expect(standingText('excluded', true)).toBe('Sat i bero');
    expect(standingText('not-eligible', true)).toBe('Sat i bero');
  });

  it('gives no plan to an eligible patient without a CPR number', () => {
    const row = rowsOf('LRS').find((r) => r.status === 'eligible');
    expect(row).toBeDefined();
    const raw = view.records.get(row!.id) as { patient: Record<string, unknown> };
    const { cpr: _cpr, ...patient } = raw.patient;
    const outcome = planFor({ ...raw, patient }, row!, 'LRS');
    expect(outcome).toEqual({ kind: 'none', reason: expect.stringContaining('intet CPR-nummer') as unknown });
  });
});
