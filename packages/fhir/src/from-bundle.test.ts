import type * as fhir4 from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { InvalidRecordError, KronikerpakkerError, syntheticCpr } from '@kronikerpakker/core';
import { DEFAULT_FHIR_CODE_MAPS } from './code-maps';
import { fromFhirBundle, fromFhirBundleOrThrow } from './from-bundle';

const ASOF = '2027-01-15';
const PATIENT_URL = 'urn:uuid:00000000-0000-4000-8000-000000000000';
const CPR = syntheticCpr('1950-03-04', 'female', 7);
const subject = { reference: PATIENT_URL };

function patient(extra: Record<string, unknown> = {}): fhir4.Patient {
  return {
    resourceType: 'Patient',
    id: 'p1',
    identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: CPR }],
    gender: 'female',
    birthDate: '1950-03-04',
    extension: [{ url: 'urn:kronikerpakker:fhir:extension:listed', valueBoolean: true }],
    ...extra,
  };
}

function bundle(...resources: fhir4.FhirResource[]): fhir4.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource, i) => ({ fullUrl: i === 0 ? PATIENT_URL : `urn:uuid:00000000-0000-4000-8000-00000000000${String(i)}`, resource })),
  };
}

function obs(code: fhir4.Coding[], rest: Partial<fhir4.Observation>): fhir4.Observation {
  return { resourceType: 'Observation', status: 'final', code: { coding: code }, subject, effectiveDateTime: '2026-05-01', ...rest };
}

function ok(b: unknown, options: Partial<Parameters<typeof fromFhirBundle>[1]> = {}) {
  const result = fromFhirBundle(b, { asOf: ASOF, ...options });
  if (!result.success) throw result.error;
  return result;
}

describe('fromFhirBundle: Patient', () => {
  it('maps the DK core CPR identifier, birth date, gender, deceased date, listed and the HTEST label', () => {
    const { record, report } = ok(
      bundle(
        patient({
          deceasedDateTime: '2026-12-24T23:30:00Z',
          meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST' }] },
          extension: [{ url: 'urn:kronikerpakker:fhir:extension:listed', valueBoolean: false }],
        }),
      ),
    );
    expect(record.id).toBe('p1');
    expect(record.synthetic).toBe(true);
    // 23:30 UTC on 24 December is 00:30 on 25 December in Copenhagen.
    expect(record.patient).toEqual({ cpr: CPR.replace('-', ''), birthDate: '1950-03-04', sex: 'female', listed: false, deceasedDate: '2026-12-25' });
    expect(report.entries).toEqual([{ index: 0, resourceType: 'Patient', outcome: 'used', target: 'patient' }]);
  });

  it('assumes listed when the extension is absent, and says so; listedWhenAbsent overrides', () => {
    const p = patient({ extension: [] });
    expect(ok(bundle(p)).record.patient.listed).toBe(true);
    expect(ok(bundle(p)).report.entries[0]?.notes).toEqual(['listed-assumed']);
    expect(ok(bundle(p), { listedWhenAbsent: false }).record.patient.listed).toBe(false);
  });

  it('recognises replacement numbers (X-eCPR in the CPR system or under its own system) and never uses them as CPR', () => {
    const x = patient({ identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '0101501AB1' }] });
    const r1 = ok(bundle(x));
    expect(r1.record.patient.cpr).toBeUndefined();
    expect(r1.report.entries[0]?.notes).toEqual(['replacement-number']);
    const y = patient({ identifier: [{ system: 'urn:oid:1.2.208.176.1.6.1.1', value: '0101501AB1' }] });
    expect(ok(bundle(y)).report.entries[0]?.notes).toEqual(['replacement-number']);
    const bad = patient({ identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '3104961234' }] });
    expect(ok(bundle(bad)).report.entries[0]?.notes).toEqual(['invalid-cpr']);
  });

  it('rejects a second Patient and resources about another patient', () => {
    const other = obs([{ system: 'urn:oid:1.2.208.184.100.8', code: 'MCS88021' }], { valueInteger: 3, subject: { reference: 'Patient/other' } });
    const { report, record } = ok(bundle(patient(), patient({ id: 'p2' }), other));
    expect(report.entries.map((e) => e.reason)).toEqual([undefined, 'second-patient', 'other-patient']);
    expect(record.mrc).toEqual([]);
    // A relative reference to the Patient's id is the same patient.
    const same = obs([{ system: 'urn:oid:1.2.208.184.100.8', code: 'MCS88021' }], { valueInteger: 3, subject: { reference: 'Patient/p1' } });
    expect(ok(bundle(patient(), same)).record.mrc).toEqual([{ date: '2026-05-01', grade: 3 }]);
  });

  it('uses the first usable Patient; an unusable one before it keeps its own reason', () => {
    const { report, record } = ok(bundle(patient({ id: 'p0', birthDate: '1950-02' }), patient()));
    expect(record.id).toBe('p1');
    expect(report.entries.map((e) => [e.outcome, e.reason])).toEqual([
      ['rejected', 'partial-date'],
      ['used', undefined],
    ]);
  });

  it('returns a coded error for a non-Bundle, a Bundle without Patient, and a Patient without birth date', () => {
    for (const input of [null, 'x', [], { resourceType: 'Patient' }, { resourceType: 'Bundle', entry: {} }]) {
      const r = fromFhirBundle(input, { asOf: ASOF });
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.code).toBe('INVALID_ARGUMENT');
    }
    const none = fromFhirBundle(bundle(obs([{ system: 'http://loinc.org', code: '29463-7' }], { valueQuantity: { value: 80, code: 'kg' } })), { asOf: ASOF });
    expect(none.success).toBe(false);
    expect(none.report.issues).toEqual(['no-patient']);
    const noBirth = fromFhirBundle(bundle(patient({ birthDate: undefined })), { asOf: ASOF });
    expect(noBirth.report.entries[0]).toEqual({ index: 0, resourceType: 'Patient', outcome: 'rejected', reason: 'missing-date' });
    expect(() => fromFhirBundleOrThrow({}, { asOf: ASOF })).toThrow(KronikerpakkerError);
  });
});

describe('fromFhirBundle: Condition', () => {
  const cond = (system: string, code: string, rest: Partial<fhir4.Condition> = {}): fhir4.Condition => ({
    resourceType: 'Condition',
    code: { coding: [{ system, code }] },
    subject,
    recordedDate: '2020-02-02',
    ...rest,
  });

  it('reads ICPC-2 under both systems, ICD-10 and SKS, with status, onset and abatement', () => {
    const { record } = ok(
      bundle(
        patient(),
        cond('http://hl7.org/fhir/sid/icpc-2', 'R95', { clinicalStatus: { coding: [{ code: 'active' }] }, onsetDateTime: '2019-06-01' }),
        cond('urn:oid:1.2.208.176.2.31', 'L03', { recordedDate: '2021-01-01' }),
        cond('http://hl7.org/fhir/sid/icd-10', 'M54.5', { recordedDate: '2022-01-01', abatementDateTime: '2022-03-01' }),
        cond('urn:oid:1.2.208.176.2.4', 'DJ449', { recordedDate: '2023-01-01', clinicalStatus: { coding: [{ code: 'remission' }] } }),
      ),
    );
    expect(record.diagnoses).toEqual([
      { system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-02-02', onsetDate: '2019-06-01' },
      { system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2021-01-01' },
      { system: 'ICD-10', code: 'M54.5', status: 'resolved', recordedDate: '2022-01-01', resolvedDate: '2022-03-01' },
      { system: 'ICD-10', code: 'J44.9', status: 'resolved', recordedDate: '2023-01-01' },
    ]);
  });

  it('ignores unknown codes, refuted and entered-in-error; rejects malformed codes and missing dates', () => {
    const { report, record } = ok(
      bundle(
        patient(),
        cond('http://snomed.info/sct', '13645005'),
        cond('http://hl7.org/fhir/sid/icpc-2', 'R95', { verificationStatus: { coding: [{ code: 'refuted' }] } }),
        cond('http://hl7.org/fhir/sid/icpc-2', 'R95', { verificationStatus: { coding: [{ code: 'entered-in-error' }] } }),
        cond('http://hl7.org/fhir/sid/icpc-2', 'XYZ'),
        cond('http://hl7.org/fhir/sid/icpc-2', 'R95', { recordedDate: undefined }),
        cond('http://hl7.org/fhir/sid/icpc-2', 'R95', { recordedDate: '2026' }),
        cond('http://hl7.org/fhir/sid/icpc-2', 'R95', { recordedDate: '2027-02-01' }),
      ),
    );
    expect(record.diagnoses).toEqual([]);
    expect(report.entries.slice(1).map((e) => [e.outcome, e.reason])).toEqual([
      ['ignored', 'unknown-code'],
      ['ignored', 'refuted'],
      ['ignored', 'entered-in-error'],
      ['rejected', 'invalid-code'],
      ['rejected', 'missing-date'],
      ['rejected', 'partial-date'],
      ['ignored', 'after-as-of'],
    ]);
    expect(report.counts).toEqual({ used: 1, ignored: 4, rejected: 3 });
  });
});

describe('fromFhirBundle: Observation', () => {
  const loinc = (code: string): fhir4.Coding => ({ system: 'http://loinc.org', code });
  const mcs = (code: string): fhir4.Coding => ({ system: 'urn:oid:1.2.208.184.100.8', code });
  const sdk = (code: string): fhir4.Coding => ({ system: 'urn:kronikerpakker:fhir:code', code });

  it('reads a spirometry panel: LOINC post-bronchodilator FEV1 in mL, FVC, ratio in %, % predicted', () => {
    const { record } = ok(
      bundle(
        patient(),
        obs([sdk('spirometry')], {
          component: [
            { code: { coding: [loinc('20155-8')] }, valueQuantity: { value: 1400, code: 'mL' } },
            { code: { coding: [loinc('19870-5')] }, valueQuantity: { value: 2, code: 'L' } },
            { code: { coding: [loinc('19926-5')] }, valueQuantity: { value: 70, code: '%' } },
            { code: { coding: [loinc('20152-5')] }, valueQuantity: { value: 55, code: '%' } },
          ],
        }),
      ),
    );
    expect(record.spirometry).toEqual([
      { date: '2026-05-01', fev1L: 1.4, fvcL: 2, ratio: 0.7, fev1PercentPredicted: 55, postBronchodilator: true, ratioSource: 'given' },
    ]);
  });

  it('reads MRC (MCS88021, Danish 1-5), CAT (MCS88137), smoking (LOINC 72166-2 + SNOMED) and weight (NPU03804)', () => {
    const { record } = ok(
      bundle(
        patient(),
        obs([mcs('MCS88021')], { valueInteger: 3 }),
        obs([mcs('mcs88137')], { valueQuantity: { value: 17 } }),
        obs([loinc('72166-2')], { valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '8517006' }] } }),
        obs([{ system: 'urn:oid:1.2.208.176.2.1', code: 'NPU03804' }], { valueQuantity: { value: 81500, code: 'g' } }),
        obs([loinc('8302-2')], { valueQuantity: { value: 1.7, code: 'm' } }),
      ),
    );
    expect(record.mrc).toEqual([{ date: '2026-05-01', grade: 3 }]);
    expect(record.cat).toEqual([{ date: '2026-05-01', total: 17 }]);
    expect(record.smoking).toEqual([{ date: '2026-05-01', status: 'former' }]);
    expect(record.bodyMeasurements).toEqual([{ date: '2026-05-01', weightKg: 81.5 }, { date: '2026-05-01', heightCm: 170 }]);
  });

  it('takes the Copenhagen calendar day of a dateTime', () => {
    const { record } = ok(bundle(patient(), obs([mcs('MCS88021')], { valueInteger: 2, effectiveDateTime: '2026-06-30T22:30:00Z' })));
    expect(record.mrc[0]?.date).toBe('2026-07-01');
  });

  it('reports units it does not convert, missing values, stand-alone spirometry values and unknown codes', () => {
    const { report } = ok(
      bundle(
        patient(),
        obs([loinc('29463-7')], { valueQuantity: { value: 180, code: '[lb_av]' } }),
        obs([mcs('MCS88021')], {}),
        obs([loinc('20150-9')], { valueQuantity: { value: 2, code: 'L' } }),
        obs([loinc('2345-7')], { valueQuantity: { value: 5 } }),
        obs([mcs('MCS88021')], { valueInteger: 3, status: 'entered-in-error' }),
      ),
    );
    expect(report.entries.slice(1).map((e) => e.reason)).toEqual(['unsupported-unit', 'missing-value', 'unsupported-structure', 'unknown-code', 'entered-in-error']);
  });

  it('reads a red flag from an Observation as well as from a Flag', () => {
    const flagCode = { system: 'urn:kronikerpakker:fhir:value', code: 'fever' };
    const flag: fhir4.Flag = {
      resourceType: 'Flag',
      status: 'active',
      code: { coding: [{ system: 'urn:kronikerpakker:fhir:value', code: 'trauma' }] },
      subject,
      period: { start: '2026-04-01' },
    };
    const { record } = ok(bundle(patient(), obs([flagCode], { valueBoolean: false }), flag));
    expect(record.redFlags).toEqual([
      { date: '2026-04-01', flag: 'trauma', status: 'present' },
      { date: '2026-05-01', flag: 'fever', status: 'absent' },
    ]);
  });
});

describe('fromFhirBundle: other resources', () => {
  it('maps Immunization by ATC group, Encounter types and admissions, ServiceRequest status', () => {
    const { record, report } = ok(
      bundle(
        patient(),
        { resourceType: 'Immunization', status: 'completed', vaccineCode: { coding: [{ system: 'http://www.whocc.no/atc', code: 'J07BB02' }] }, patient: subject, occurrenceDateTime: '2026-10-10' },
        { resourceType: 'Immunization', status: 'not-done', vaccineCode: { coding: [{ system: 'http://www.whocc.no/atc', code: 'J07AL02' }] }, patient: subject, occurrenceDateTime: '2026-10-10' },
        { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject, period: { start: '2026-11-01' } },
        {
          resourceType: 'Encounter',
          status: 'finished',
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
          subject,
          period: { start: '2026-11-02', end: '2026-11-05' },
          reasonCode: [{ coding: [{ system: 'urn:oid:1.2.208.176.2.4', code: 'DJ441' }] }],
        },
        { resourceType: 'ServiceRequest', status: 'completed', intent: 'order', code: { coding: [{ system: 'urn:kronikerpakker:fhir:value', code: 'physiotherapy' }] }, subject, authoredOn: '2026-09-01' },
        { resourceType: 'Medication', code: { text: 'x' } },
      ),
    );
    expect(record.vaccinations).toEqual([{ date: '2026-10-10', vaccine: 'influenza', code: { system: 'ATC', code: 'J07BB02' } }]);
    expect(record.encounters).toEqual([{ date: '2026-11-01', type: 'other' }]);
    expect(record.admissions).toEqual([{ date: '2026-11-02', endDate: '2026-11-05', cause: 'KOL' }]);
    expect(record.referrals).toEqual([{ date: '2026-09-01', type: 'physiotherapy', status: 'completed' }]);
    expect(report.entries[2]).toEqual({ index: 2, resourceType: 'Immunization', outcome: 'ignored', reason: 'not-done' });
    expect(report.entries[6]).toEqual({ index: 6, resourceType: 'Medication', outcome: 'ignored', reason: 'unknown-resource-type' });
  });

  it('reads QuestionnaireResponses through @kronikerpakker/pro; unknown instruments are ignored, bad ones rejected', () => {
    const qr = (questionnaire: string, value: number): fhir4.QuestionnaireResponse => ({
      resourceType: 'QuestionnaireResponse',
      questionnaire,
      status: 'completed',
      subject,
      authored: '2026-08-01T09:00:00+02:00',
      item: [{ linkId: 'nrs', answer: [{ valueInteger: value }] }],
    });
    const { record, report } = ok(
      bundle(patient(), qr('urn:kronikerpakker:pro:questionnaire:NRS-pain', 6), qr('urn:example:other', 1), qr('urn:kronikerpakker:pro:questionnaire:NRS-pain', 11)),
    );
    expect(record.questionnaires).toEqual([{ date: '2026-08-01', instrument: 'NRS-pain', version: '1.0', answers: { nrs: 6 } }]);
    expect(report.entries.slice(1).map((e) => [e.outcome, e.reason ?? e.target])).toEqual([
      ['used', 'questionnaires'],
      ['ignored', 'unknown-code'],
      ['rejected', 'invalid-questionnaire-response'],
    ]);
  });

  it('honours integrator code maps (an LPS-local weight code) and leaves the defaults alone', () => {
    const local = obs([{ system: 'urn:my-lps', code: 'VAEGT' }], { valueQuantity: { value: 80, code: 'kg' } });
    expect(ok(bundle(patient(), local)).report.entries[1]?.reason).toBe('unknown-code');
    const maps = { observations: { weight: [...DEFAULT_FHIR_CODE_MAPS.observations.weight, { system: 'urn:my-lps', code: 'VAEGT' }] } };
    expect(ok(bundle(patient(), local), { codeMaps: maps }).record.bodyMeasurements).toEqual([{ date: '2026-05-01', weightKg: 80 }]);
    expect(DEFAULT_FHIR_CODE_MAPS.observations.weight).toHaveLength(2);
  });

  it('returns validation issues as InvalidRecordError with record paths; targetIndex ties them to the entry', () => {
    const bad = obs([{ system: 'urn:kronikerpakker:fhir:code', code: 'spirometry' }], {
      component: [
        { code: { coding: [{ system: 'http://loinc.org', code: '20150-9' }] }, valueQuantity: { value: 3, code: 'L' } },
        { code: { coding: [{ system: 'http://loinc.org', code: '19870-5' }] }, valueQuantity: { value: 2, code: 'L' } },
      ],
    });
    const result = fromFhirBundle(bundle(patient(), bad), { asOf: ASOF });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(InvalidRecordError);
    expect((result.error as InvalidRecordError).issues).toEqual([{ path: ['spirometry', 0, 'fev1L'], code: 'inconsistent' }]);
    expect(result.report.entries[1]).toMatchObject({ target: 'spirometry', targetIndex: 0 });
    expect(result.input?.spirometry).toHaveLength(1);
  });
});
