import { describe, expect, it } from 'vitest';
import { CPR_FHIR_SYSTEM, RED_FLAG_CODES, REFERRAL_TYPES, codeSystems, mcsAnalysisCodes } from '@kronikerpakker/core';
import { DEFAULT_FHIR_CODE_MAPS, FHIR_URN_PREFIX, mergeFhirCodeMaps } from './code-maps';

describe('DEFAULT_FHIR_CODE_MAPS', () => {
  it('is frozen, deeply', () => {
    expect(Object.isFrozen(DEFAULT_FHIR_CODE_MAPS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_FHIR_CODE_MAPS.observations)).toBe(true);
    expect(Object.isFrozen(DEFAULT_FHIR_CODE_MAPS.observations.fev1)).toBe(true);
    expect(Object.isFrozen(DEFAULT_FHIR_CODE_MAPS.observations.fev1[0])).toBe(true);
  });

  it('uses the national identifiers of core: CPR, ICPC-2 (both URIs), ICD-10, SKS, MCS, NPU', () => {
    expect(DEFAULT_FHIR_CODE_MAPS.cprSystems).toEqual([CPR_FHIR_SYSTEM]);
    expect(DEFAULT_FHIR_CODE_MAPS.diagnosisSystems.map((s) => [s.system, s.value])).toEqual([
      ['http://hl7.org/fhir/sid/icpc-2', 'ICPC-2'],
      ['urn:oid:1.2.208.176.2.31', 'ICPC-2'],
      ['urn:oid:2.16.840.1.113883.6.139', 'ICPC-2'],
      ['http://hl7.org/fhir/sid/icd-10', 'ICD-10'],
      ['urn:oid:1.2.208.176.2.4', 'SKS'],
    ]);
    const o = DEFAULT_FHIR_CODE_MAPS.observations;
    expect(o.fev1[0]).toEqual({ system: codeSystems.mcs.fhirUri, code: mcsAnalysisCodes.fev1.code });
    expect(o.mrc.map((c) => c.code)).toEqual(['MCS88021']);
    expect(o.cat.map((c) => c.code)).toEqual(['MCS88137']);
    expect(o.weight.map((c) => `${c.system}|${c.code}`)).toEqual(['urn:oid:1.2.208.176.2.1|NPU03804', 'http://loinc.org|29463-7']);
  });

  it('marks every SDK-minted code provisional', () => {
    const all: { system: string; provisional?: boolean }[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        if ('system' in v && 'code' in v) all.push(v as { system: string; provisional?: boolean });
        else Object.values(v).forEach(walk);
      }
    };
    walk(DEFAULT_FHIR_CODE_MAPS);
    const sdk = all.filter((c) => c.system.startsWith(FHIR_URN_PREFIX));
    expect(sdk.length).toBeGreaterThan(30);
    expect(sdk.every((c) => c.provisional === true)).toBe(true);
  });

  it('has a code for every red flag and referral type of the record vocabulary', () => {
    expect(DEFAULT_FHIR_CODE_MAPS.redFlags.map((f) => f.value)).toEqual([...RED_FLAG_CODES]);
    expect(DEFAULT_FHIR_CODE_MAPS.referralTypes.map((f) => f.value)).toEqual([...REFERRAL_TYPES]);
  });
});

describe('mergeFhirCodeMaps', () => {
  it('returns the defaults without overrides', () => {
    expect(mergeFhirCodeMaps(undefined)).toBe(DEFAULT_FHIR_CODE_MAPS);
  });

  it('replaces top-level keys and merges observation targets and extensions per key', () => {
    const merged = mergeFhirCodeMaps({
      encounterTypes: [{ system: 'urn:my-lps', code: 'AAR', value: 'aarsstatus' }],
      observations: { height: [{ system: 'urn:my-lps', code: 'H' }] },
      extensions: { listed: 'urn:my-lps:listed' },
    });
    expect(merged.encounterTypes).toEqual([{ system: 'urn:my-lps', code: 'AAR', value: 'aarsstatus' }]);
    expect(merged.observations.height).toEqual([{ system: 'urn:my-lps', code: 'H' }]);
    expect(merged.observations.weight).toBe(DEFAULT_FHIR_CODE_MAPS.observations.weight);
    expect(merged.extensions).toEqual({ ...DEFAULT_FHIR_CODE_MAPS.extensions, listed: 'urn:my-lps:listed' });
    expect(DEFAULT_FHIR_CODE_MAPS.extensions.listed).toBe('urn:kronikerpakker:fhir:extension:listed');
  });
});
