import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '@kronikerpakker/core';
import { toCpdXml } from './to-xml';
import { toXdsMetadata } from './xds';
import { samplePlan } from './test-helpers';

describe('toXdsMetadata', () => {
  it('gives the attributes of cpd-dk.md for a plan', () => {
    const plan = samplePlan('KOL');
    const m = toXdsMetadata(plan);
    expect(m.classCode).toMatchObject({ code: '001', codeSystem: '1.2.208.184.100.9' });
    expect(m.typeCode.code).toBe('81215-6');
    expect(m.formatCode).toMatchObject({ code: 'urn:ad:dk:medcom:cpd-v2.0:full', codeSystem: '1.2.208.184.100.10' });
    expect(m.eventCodeList).toEqual([{ code: 'ALAL21', codeSystem: '1.2.208.176.2.4', displayName: 'KOL' }]);
    expect(m.healthcareFacilityTypeCode.code).toBe('394761003');
    expect(m.practiceSettingCode.code).toBe('408443003');
    expect(m.confidentialityCode.code).toBe('N');
    expect(m.languageCode).toBe('da-DK');
    expect(m.uniqueId).toBe(`1.2.208.184^${plan.documentId}`);
    expect(m.sourcePatientId).toBe(`${plan.patient.cpr}^^^&1.2.208.176.1.2&ISO`);
    expect(m.homeCommunityId).toBe('1.2.208.176.8.1');
    expect(m.authorInstitution).toMatchObject({ sorId: plan.author.sorId, name: plan.clinic.name });
    expect(m.creationTime).toBe('20270115093000');
    expect(m.provisional).toBe(false);
  });

  it('is the same from the XML, and marks the provisional LRS label', () => {
    const plan = samplePlan('LRS');
    expect(toXdsMetadata(toCpdXml(plan))).toEqual(toXdsMetadata(plan));
    expect(toXdsMetadata(plan).provisional).toBe(true);
  });

  it('refuses XML that holds no plan', () => {
    expect(() => toXdsMetadata('<ClinicalDocument/>')).toThrow(KronikerpakkerError);
  });
});
