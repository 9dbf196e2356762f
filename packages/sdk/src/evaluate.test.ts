import type * as fhir4 from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError, parsePatientRecord, syntheticCpr } from '@kronikerpakker/core';
import type { PatientRecordInput } from '@kronikerpakker/core';
import { evaluateCare } from '@kronikerpakker/business-rules';
import { parseCpd } from '@kronikerpakker/cpd';
import { suggestLevel } from '@kronikerpakker/differentiation';
import { evaluateInclusion } from '@kronikerpakker/inclusion';
import { evaluatePatient } from './evaluate';
import { ASOF, deterministicPlan, fixtureRecord, fixtureRecords } from './test-helpers';

/** Results are classes with lazy getters and toJSON: compare their JSON forms. */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('evaluatePatient over the committed fixture', () => {
  it('evaluates all 500 records, and agrees with each package evaluated on its own', () => {
    const statuses = new Map<string, number>();
    let levels = 0;
    let compared = 0;
    for (const [i, input] of fixtureRecords().entries()) {
      const e = evaluatePatient(input, { asOf: ASOF });
      expect(e.valid).toBe(true);
      expect(e.recordId).toBe(input.id);
      for (const pkg of ['KOL', 'LRS'] as const) {
        const p = e.packages[pkg];
        if (p === undefined) throw new Error('missing package');
        statuses.set(`${pkg}:${p.inclusion.status}`, (statuses.get(`${pkg}:${p.inclusion.status}`) ?? 0) + 1);
        expect(p.planStatus).toBe('not-requested');
        // Issue 12 finding 1: the one enrolment policy decides the level (in the package or a candidate; never excluded or not-eligible).
        const standing = p.inclusion.status === 'excluded' || p.inclusion.status === 'not-eligible' ? p.inclusion.status : p.enrolled ? 'enrolled' : p.inclusion.status === 'eligible' ? 'candidate' : 'insufficient-data';
        expect(p.enrolment.standing).toBe(standing);
        expect(p.level === null).toBe(!(standing === 'enrolled' || standing === 'candidate'));
        if (p.level !== null) levels++;
        // One shared fact context gives what the packages give on their own (every 10th record, and every one with a level).
        if (i % 10 === 0 || p.level !== null) {
          compared++;
          const record = parsePatientRecord(input, { asOf: ASOF });
          expect(json(p.inclusion)).toEqual(json(evaluateInclusion(record, { package: pkg, asOf: ASOF })));
          expect(json(p.care)).toEqual(json(evaluateCare(record, { package: pkg, asOf: ASOF })));
          if (p.level !== null) expect(json(p.level)).toEqual(json(suggestLevel(record, { package: pkg, asOf: ASOF })));
        }
      }
    }
    expect(statuses.get('KOL:eligible')).toBe(8);
    // Issue 12 finding 2: syn-2027-164's only warning sign (high-age) is a risk factor now, so it no longer excludes: 19 -> 20.
    expect(statuses.get('LRS:eligible')).toBe(20);
    expect(levels).toBeGreaterThanOrEqual(27);
    expect(compared).toBeGreaterThan(100);
  });

  it('gives a JSON-serialisable result that survives a round trip', () => {
    const e = evaluatePatient(fixtureRecord('syn-2027-15-edge-ratio-070'), { asOf: ASOF, plan: deterministicPlan() });
    const back = JSON.parse(JSON.stringify(e)) as typeof e;
    expect(back).toEqual(JSON.parse(JSON.stringify(back)));
    expect(back.packages.KOL?.inclusion.status).toBe('eligible');
    expect(back.packages.KOL?.level?.suggestedLevel).toBe(2);
    expect(back.packages.KOL?.care.items.map((i) => i.code)).toContain('kol.follow-up.overdue');
    expect(back.packages.KOL?.cpd).toBe(e.packages.KOL?.cpd);
  });

  it('evaluates only the packages asked for', () => {
    const e = evaluatePatient(fixtureRecord('syn-2027-15-edge-ratio-070'), { asOf: ASOF, packages: ['LRS'] });
    expect(Object.keys(e.packages)).toEqual(['LRS']);
  });

  it('takes a record from parsePatientRecord as it is', () => {
    const input = fixtureRecord('syn-2027-15-edge-ratio-070');
    const record = parsePatientRecord(input, { asOf: ASOF });
    expect(json(evaluatePatient(record, { asOf: ASOF }))).toEqual(json(evaluatePatient(input, { asOf: ASOF })));
  });
});

describe('evaluatePatient: plans and CPD documents', () => {
  it('builds the plan and a byte-identical CPD document given ids and clock', () => {
    const a = evaluatePatient(fixtureRecord('syn-2027-15-edge-ratio-070'), { asOf: ASOF, plan: deterministicPlan() });
    const b = evaluatePatient(fixtureRecord('syn-2027-15-edge-ratio-070'), { asOf: ASOF, plan: deterministicPlan() });
    const kol = a.packages.KOL;
    expect(kol?.planStatus).toBe('built');
    expect(kol?.cpd).toBeDefined();
    expect(kol?.cpd).toBe(b.packages.KOL?.cpd);
    expect(kol?.plan?.createdAt).toBe('2027-01-15T09:30:00Z');
    expect(kol?.plan?.level?.level).toBe(2);
    const parsed = parseCpd(kol?.cpd ?? '');
    expect(parsed.plan?.documentId).toBe(kol?.plan?.documentId);
  });

  it('builds the plan without XML unless cpd is asked for', () => {
    const e = evaluatePatient(fixtureRecord('syn-2027-15-edge-ratio-070'), { asOf: ASOF, plan: deterministicPlan(false) });
    expect(e.packages.KOL?.plan).toBeDefined();
    expect(e.packages.KOL?.cpd).toBeUndefined();
  });

  it('says why no plan was built: not included, or no CPR', () => {
    const notIncluded = evaluatePatient(fixtureRecord('syn-2027-1'), { asOf: ASOF, plan: deterministicPlan() });
    expect(notIncluded.packages.KOL?.planStatus).toBe('not-included');
    expect(notIncluded.packages.KOL?.plan).toBeUndefined();
    const eligibleWithoutCpr = fixtureRecords().find((r) => {
      const e = evaluatePatient(r, { asOf: ASOF, packages: ['LRS'] });
      return r.patient.cpr === undefined && e.packages.LRS?.inclusion.status === 'eligible';
    });
    if (eligibleWithoutCpr === undefined) throw new Error('the fixture has eligible LRS patients without CPR');
    expect(evaluatePatient(eligibleWithoutCpr, { asOf: ASOF, packages: ['LRS'], plan: deterministicPlan() }).packages.LRS?.planStatus).toBe('no-cpr');
  });
});

describe('evaluatePatient: invalid input is a result, bad options throw', () => {
  const MARK_CPR = '0101501234';
  const bad: PatientRecordInput = {
    id: 'syn-bad-1',
    patient: { birthDate: '1950-01-01', sex: 'female', listed: true, cpr: `${MARK_CPR}X` },
    spirometry: [{ date: '2026-01-01', fev1L: 98.7654, postBronchodilator: true }],
  };

  it('returns valid: false with coded issues and no values', () => {
    const e = evaluatePatient(bad, { asOf: ASOF });
    expect(e.valid).toBe(false);
    expect(e.recordId).toBeNull();
    expect(e.packages).toEqual({});
    expect(e.issues).toEqual([
      { path: ['patient', 'cpr'], code: 'invalid-format' },
      { path: ['spirometry', 0, 'fev1L'], code: 'out-of-range' },
    ]);
    const text = JSON.stringify(e);
    expect(text).not.toContain(MARK_CPR);
    expect(text).not.toContain('98.7654');
  });

  it('strips unknown fields when asked', () => {
    const input = { ...fixtureRecord('syn-2027-2'), extra: 1 } as PatientRecordInput;
    expect(evaluatePatient(input, { asOf: ASOF }).issues).toEqual([{ path: [], code: 'unknown-field' }]);
    expect(evaluatePatient(input, { asOf: ASOF, unknownFields: 'strip' }).valid).toBe(true);
  });

  it.each([
    [{ asOf: '2027-02-30' }, ['asOf']],
    [{ asOf: ASOF, packages: ['XYZ'] }, ['options', 'packages', 0]],
    [{ asOf: ASOF, packages: [] }, ['options', 'packages']],
    [{ asOf: ASOF, plan: { clinic: { sorId: '1', name: 'x' } } }, ['options', 'plan', 'author']],
    [{ asOf: ASOF, unknownFields: 'keep' }, ['options', 'unknownFields']],
  ])('throws INVALID_ARGUMENT for bad options %#', (options, path) => {
    let caught: unknown;
    try {
      evaluatePatient(fixtureRecord('syn-2027-2'), options as never);
    } catch (err) {
      caught = err;
    }
    expect(KronikerpakkerError.is(caught)).toBe(true);
    expect((caught as KronikerpakkerError).code).toBe('INVALID_ARGUMENT');
    expect((caught as KronikerpakkerError).path).toEqual(path);
  });
});

describe('evaluatePatient: FHIR R4 Bundle input', () => {
  const cpr = syntheticCpr('1950-03-04', 'female', 7);
  const patientUrl = 'urn:uuid:00000000-0000-4000-8000-000000000000';
  const patient: fhir4.Patient = {
    resourceType: 'Patient',
    id: 'syn-fhir-1',
    identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: cpr }],
    gender: 'female',
    birthDate: '1950-03-04',
    extension: [{ url: 'urn:kronikerpakker:fhir:extension:listed', valueBoolean: true }],
  };
  const condition: fhir4.Condition = {
    resourceType: 'Condition',
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icpc-2', code: 'R95' }] },
    clinicalStatus: { coding: [{ code: 'active' }] },
    subject: { reference: patientUrl },
    recordedDate: '2020-02-02',
  };
  const bundle: fhir4.Bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: patientUrl, resource: patient },
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: condition },
    ],
  };

  it('maps the Bundle, evaluates the record and keeps the mapping report', () => {
    const e = evaluatePatient(bundle, { asOf: ASOF });
    expect(e.valid).toBe(true);
    expect(e.recordId).toBe('syn-fhir-1');
    expect(e.mapping?.counts).toEqual({ used: 2, ignored: 0, rejected: 0 });
    // A KOL diagnosis without spirometry: not decidable yet.
    expect(e.packages.KOL?.inclusion.status).toBe('insufficient-data');
    expect(e.packages.KOL?.inclusion.missing.map((m) => m.code)).toEqual(['post-bronchodilator-spirometry']);
  });

  it('reports a Bundle without a Patient as an invalid record, with the mapping report', () => {
    const e = evaluatePatient({ resourceType: 'Bundle', type: 'collection', entry: [] }, { asOf: ASOF });
    expect(e.valid).toBe(false);
    expect(e.issues).toEqual([{ path: ['patient'], code: 'required' }]);
    expect(e.mapping?.counts).toEqual({ used: 0, ignored: 0, rejected: 0 });
  });
});
