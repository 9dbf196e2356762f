import { describe, expect, it } from 'vitest';
import { codeSystems } from './code-systems';
import {
  mcsAnalysisCodes,
  mcsAnalysisCodesSource,
  mcsAnalysisNameByCode,
  wellKnownCodes,
  wellKnownCodesSource,
} from './analysis-codes';
import type { McsAnalysisName } from './analysis-codes';

describe('mcsAnalysisCodes', () => {
  it('holds the spec codes', () => {
    expect(mcsAnalysisCodes.fev1).toMatchObject({ code: 'MCS88015', unit: 'L' });
    expect(mcsAnalysisCodes.fev6.code).toBe('MCS88100');
    expect(mcsAnalysisCodes.catScore).toMatchObject({ code: 'MCS88137', range: { min: 0, max: 40 } });
    expect(mcsAnalysisCodes.mrcScale).toMatchObject({ code: 'MCS88021', range: { min: 1, max: 5 } });
    expect(mcsAnalysisCodes.smokingStatus.code).toBe('MCS88011');
    expect(mcsAnalysisCodes.mannicheVas.code).toBe('MCS88147');
    expect(mcsAnalysisCodes.sitToStand30s.code).toBe('MCS88050');
  });

  it('uses unique codes, all in the mcs system', () => {
    const all = Object.values(mcsAnalysisCodes);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    for (const c of all) expect(c.system).toBe('mcs');
    expect(codeSystems.mcs.oid).toBe('1.2.208.184.100.8');
    expect(mcsAnalysisCodesSource.title).toMatch(/MedCom/);
  });

  it('looks names up by code', () => {
    for (const name of Object.keys(mcsAnalysisCodes) as McsAnalysisName[]) {
      expect(mcsAnalysisNameByCode(mcsAnalysisCodes[name].code)).toBe(name);
    }
    expect(mcsAnalysisNameByCode(' mcs88147 ')).toBe('mannicheVas');
    expect(mcsAnalysisNameByCode('MCS00000')).toBeUndefined();
    expect(mcsAnalysisNameByCode(1 as unknown as string)).toBeUndefined();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(mcsAnalysisCodes)).toBe(true);
    expect(Object.isFrozen(mcsAnalysisCodes.catScore.range)).toBe(true);
  });
});

describe('wellKnownCodes', () => {
  it('holds the spec codes in known systems', () => {
    expect(wellKnownCodes.carePlanDocument).toMatchObject({ system: 'loinc', code: '81215-6' });
    expect(wellKnownCodes.bodyWeight).toMatchObject({ system: 'npu', code: 'NPU03804', label: 'Vægt' });
    expect(wellKnownCodes.snomedDkModule).toMatchObject({ system: 'snomed', code: '554471000005108' });
    expect(wellKnownCodes.flpGoalText.system).toBe('medcom-message');
    for (const c of Object.values(wellKnownCodes)) expect(codeSystems[c.system]).toBeDefined();
    expect(wellKnownCodesSource.title.length).toBeGreaterThan(0);
    expect(Object.isFrozen(wellKnownCodes.bodyWeight)).toBe(true);
  });
});
