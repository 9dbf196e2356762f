import { describe, expect, it } from 'vitest';
import { parsePatientRecord } from '@kronikerpakker/core';
import { generateBundles, toFhirBundle } from './fhir-bundle';
import { generateClinic } from './generate';

const ASOF = '2027-01-15';

describe('toFhirBundle', () => {
  const clinic = generateClinic({ seed: 2027, size: 200, asOf: ASOF });

  it('writes the Patient first, one resource per list item, and nothing else', () => {
    for (const record of clinic) {
      const bundle = toFhirBundle(record);
      expect(bundle.resourceType).toBe('Bundle');
      expect(bundle.type).toBe('collection');
      expect(bundle.entry[0]?.resource.resourceType).toBe('Patient');
      const parsed = parsePatientRecord(record, { asOf: ASOF });
      let items = 0;
      for (const value of Object.values(parsed)) if (Array.isArray(value)) items += value.length;
      expect(bundle.entry).toHaveLength(items + 1);
    }
  });

  it('is deterministic: the same record gives the same Bundle, with unique fullUrls', () => {
    const record = clinic[5]!;
    expect(toFhirBundle(record)).toEqual(toFhirBundle(structuredClone(record)));
    const urls = toFhirBundle(record).entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-0000-4000-8000-[0-9a-f]{12}$/);
  });

  it('labels synthetic data (HTEST), carries no names, and points every resource at the Patient', () => {
    const bundle = toFhirBundle(clinic[0]!);
    const patient = bundle.entry[0]!.resource;
    expect(patient['meta']).toEqual({ security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST' }] });
    expect(patient['name']).toBeUndefined();
    for (const entry of bundle.entry.slice(1)) {
      const ref = (entry.resource['subject'] ?? entry.resource['patient']) as { reference: string };
      expect(ref.reference).toBe(bundle.entry[0]!.fullUrl);
    }
  });

  it('writes CPR under the DK core system and FEV1 with the MedCom code', () => {
    const record = clinic.find((r) => r.patient.cpr !== undefined && (r.spirometry ?? []).some((s) => s.fev1L !== undefined))!;
    const bundle = toFhirBundle(record);
    expect(bundle.entry[0]!.resource['identifier']).toEqual([{ system: 'urn:oid:1.2.208.176.1.2', value: record.patient.cpr }]);
    const spiro = bundle.entry.find((e) => e.resource.resourceType === 'Observation' && JSON.stringify(e.resource['code']).includes('"spirometry"'))!;
    expect(JSON.stringify(spiro.resource['component'])).toContain('"system":"urn:oid:1.2.208.184.100.8","code":"MCS88015"');
  });

  it('writes a transaction with POST requests', () => {
    const bundle = toFhirBundle(clinic[1]!, { type: 'transaction' });
    expect(bundle.type).toBe('transaction');
    for (const e of bundle.entry) expect(e.request).toEqual({ method: 'POST', url: e.resource.resourceType });
  });
});

describe('generateBundles', () => {
  it('maps generateRecords one to one', () => {
    const bundles = [...generateBundles({ seed: 2027, size: 5, asOf: ASOF })];
    expect(bundles).toEqual(generateClinic({ seed: 2027, size: 5, asOf: ASOF }).map((r) => toFhirBundle(r)));
  });
});
