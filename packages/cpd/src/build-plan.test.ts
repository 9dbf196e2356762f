import { describe, expect, it } from 'vitest';
import { KronikerpakkerError, parsePatientRecord } from '@kronikerpakker/core';
import { buildTreatmentPlan } from './build-plan';
import { TreatmentPlanSchema } from './model';
import { asOf, fixedClock, includedRecord, samplePlan, sequentialIds } from './test-helpers';

const common = {
  asOf,
  clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
  author: { sorId: '123456789012346', name: { given: ['Syntetisk'], family: 'Læge' } },
  patientName: { given: ['Syntetisk'], family: 'Patient' },
} as const;

describe('buildTreatmentPlan', () => {
  it('assembles a valid, deterministic plan with health concerns, results, level and contact plan', () => {
    const plan = samplePlan('KOL');
    expect(TreatmentPlanSchema.safeParse(plan).success).toBe(true);
    expect(samplePlan('KOL')).toEqual(plan);
    expect(plan.healthConcerns.length).toBeGreaterThan(0);
    expect(plan.outcomes.some((o) => o.system === 'MCS')).toBe(true);
    expect(plan.level?.drivers.length).toBeGreaterThan(0);
    expect(plan.interventions.planned).toHaveLength(1); // the next årsstatus from the contact plan
    expect(plan.createdAt).toBe('2027-01-15T09:30:00Z');
    expect(plan.title).toBe('Forløbsplan for KOL');
  });

  it('makes a replacing version in the same set', () => {
    const first = samplePlan('LRS');
    const next = buildTreatmentPlan(includedRecord('LRS'), {
      ...common,
      package: 'LRS',
      replaces: { setId: first.version.setId, number: first.version.number, documentId: first.documentId },
      idGenerator: sequentialIds(900),
      clock: fixedClock,
    });
    expect(next.version).toEqual({ setId: first.version.setId, number: 2, replaces: first.documentId });
  });

  it('cleans characters XML forbids out of free text', () => {
    const plan = buildTreatmentPlan(includedRecord('KOL'), {
      ...common,
      package: 'KOL',
      goals: [{ kind: 'patient', text: 'Gå\u0000 tur\uFFFF' }],
      level: null,
      idGenerator: sequentialIds(),
      clock: fixedClock,
    });
    expect(plan.goals[0]).toMatchObject({ kind: 'patient', text: 'Gå tur' });
    expect(plan.level).toBeUndefined();
  });

  it('refuses a patient who is not included, unless allowed', () => {
    const record = parsePatientRecord({ id: 'syn-x', synthetic: true, patient: { cpr: includedRecord('KOL').patient.cpr, birthDate: includedRecord('KOL').patient.birthDate, sex: includedRecord('KOL').patient.sex, listed: true } }, { asOf });
    const options = { ...common, package: 'KOL' as const, idGenerator: sequentialIds(), clock: fixedClock };
    let caught: unknown;
    try {
      buildTreatmentPlan(record, options);
    } catch (err) {
      caught = err;
    }
    expect(KronikerpakkerError.is(caught) && caught.code === 'INVALID_ARGUMENT').toBe(true);
    const status = (caught as KronikerpakkerError).message;
    expect(status).not.toContain(record.patient.cpr ?? 'x');
  });
});
