import { describe, expect, it } from 'vitest';
import { CPR_FHIR_SYSTEM, CPR_OID, X_ECPR_FHIR_SYSTEM } from '../cpr/cpr';
import { codeSystemByOid, codeSystemByUri, codeSystems } from './code-systems';
import type { CodeSystemId } from './code-systems';

const IDS: readonly CodeSystemId[] = [
  'cpr', 'sor', 'ydernummer', 'icpc2', 'sks', 'icd10', 'npu', 'mcs', 'medcom-message', 'loinc', 'snomed', 'pro-dk', 'x-ecpr',
];

describe('codeSystems', () => {
  it('has exactly the documented ids, each keyed by its own id', () => {
    expect(Object.keys(codeSystems).sort()).toEqual([...IDS].sort());
    for (const id of IDS) expect(codeSystems[id].id).toBe(id);
  });

  it('records the spec OIDs and URIs', () => {
    expect(codeSystems.cpr).toMatchObject({ oid: '1.2.208.176.1.2', fhirUri: 'urn:oid:1.2.208.176.1.2' });
    expect(codeSystems.sor).toMatchObject({ oid: '1.2.208.176.1.1', fhirUri: 'urn:oid:1.2.208.176.1.1' });
    expect(codeSystems.ydernummer).toMatchObject({ oid: '1.2.208.176.1.4', fhirUri: 'urn:oid:1.2.208.176.1.4' });
    expect(codeSystems.icpc2).toMatchObject({
      oid: '2.16.840.1.113883.6.139',
      fhirUri: 'http://hl7.org/fhir/sid/icpc-2',
      cdaOid: '1.2.208.176.2.31',
    });
    expect(codeSystems.sks).toMatchObject({ oid: '1.2.208.176.2.4', fhirUri: 'urn:oid:1.2.208.176.2.4' });
    expect(codeSystems.icd10.cdaOid).toBe('1.2.208.176.2.4');
    expect(codeSystems.npu.oid).toBe('1.2.208.176.2.1');
    expect(codeSystems.mcs.oid).toBe('1.2.208.184.100.8');
    expect(codeSystems['medcom-message'].oid).toBe('1.2.208.184.100.1');
    expect(codeSystems.loinc).toMatchObject({ oid: '2.16.840.1.113883.6.1', fhirUri: 'http://loinc.org' });
    expect(codeSystems.snomed).toMatchObject({ oid: '2.16.840.1.113883.6.96', fhirUri: 'http://snomed.info/sct' });
    expect(codeSystems['pro-dk'].oid).toBe('1.2.208.176.7.3.1');
    expect(codeSystems['x-ecpr'].fhirUri).toBe('urn:oid:1.2.208.176.1.6.1.1');
  });

  it('agrees with the CPR module', () => {
    expect(codeSystems.cpr.oid).toBe(CPR_OID);
    expect(codeSystems.cpr.fhirUri).toBe(CPR_FHIR_SYSTEM);
    expect(codeSystems['x-ecpr'].fhirUri).toBe(X_ECPR_FHIR_SYSTEM);
  });

  it('has unique registered OIDs and FHIR URIs, and urn:oid URIs that match the OID', () => {
    const all = Object.values(codeSystems);
    expect(new Set(all.map((s) => s.oid)).size).toBe(all.length);
    expect(new Set(all.map((s) => s.fhirUri)).size).toBe(all.length);
    for (const s of all) {
      if (s.fhirUri.startsWith('urn:oid:')) expect(s.fhirUri).toBe(`urn:oid:${s.oid}`);
      expect(s.source.title.length).toBeGreaterThan(0);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(codeSystems)).toBe(true);
    expect(Object.isFrozen(codeSystems.icpc2)).toBe(true);
    expect(Object.isFrozen(codeSystems.icpc2.source)).toBe(true);
  });
});

describe('codeSystemByOid', () => {
  it('finds every system by its registered OID', () => {
    for (const id of IDS) expect(codeSystemByOid(codeSystems[id].oid)?.id).toBe(id);
  });

  it('finds ICPC-2 by its CDA OID, and gives SKS (not ICD-10) for the SKS OID', () => {
    expect(codeSystemByOid('1.2.208.176.2.31')?.id).toBe('icpc2');
    expect(codeSystemByOid('1.2.208.176.2.4')?.id).toBe('sks');
    expect(codeSystemByOid(' 2.16.840.1.113883.6.1 ')?.id).toBe('loinc');
  });

  it('returns undefined for unknown or non-string input', () => {
    expect(codeSystemByOid('1.2.3')).toBeUndefined();
    expect(codeSystemByOid('')).toBeUndefined();
    expect(codeSystemByOid(42 as unknown as string)).toBeUndefined();
  });
});

describe('codeSystemByUri', () => {
  it('finds every system by its FHIR URI and by urn:oid:<oid>', () => {
    for (const id of IDS) {
      expect(codeSystemByUri(codeSystems[id].fhirUri)?.id).toBe(id);
      expect(codeSystemByUri(`urn:oid:${codeSystems[id].oid}`)?.id).toBe(id);
    }
  });

  it('accepts the CDA OID as urn:oid and a case-insensitive urn:oid prefix', () => {
    expect(codeSystemByUri('urn:oid:1.2.208.176.2.31')?.id).toBe('icpc2');
    expect(codeSystemByUri('URN:OID:1.2.208.176.1.2')?.id).toBe('cpr');
    expect(codeSystemByUri('http://hl7.org/fhir/sid/icd-10')?.id).toBe('icd10');
  });

  it('returns undefined for unknown URIs, bare OIDs and non-strings', () => {
    expect(codeSystemByUri('http://example.org')).toBeUndefined();
    expect(codeSystemByUri('urn:oid:')).toBeUndefined();
    expect(codeSystemByUri('1.2.208.176.1.2')).toBeUndefined();
    expect(codeSystemByUri(null as unknown as string)).toBeUndefined();
  });
});
