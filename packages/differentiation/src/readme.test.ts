import { describe, expect, it } from 'vitest';
import { createFactContext } from '@kronikerpakker/core';
import { createDifferentiationPackSet, kolDifferentiationPack, lrsDifferentiationPack, suggestLevel, suggestLevelInContext } from './index';
import { asOf, cleanNeeds, kolBase, lrsBase, parse } from './test-helpers';

// The examples of README.md and the module doc, kept true.
describe('documented examples', () => {
  it('README usage: group B, two factors, SILS not recorded', () => {
    const record = parse({ ...kolBase(), mrc: [{ date: '2026-06-01', grade: 3 }], questionnaires: [], needsAssessments: [cleanNeeds('KOL', { selfManagement: 'partial', livesAloneWithoutNetwork: true })] });
    const s = suggestLevel(record, { package: 'KOL', asOf });
    expect(s.suggestedLevel).toBe(2);
    expect(s.determined).toBe(false);
    expect(s.maximumLevel).toBe(3);
    expect(s.missing).toEqual([{ code: 'sils', factors: ['health-literacy'], text: { da: 'Screening for sundhedskompetence (SILS)', en: 'Health literacy screening (SILS)' } }]);
    expect(s.drivers[0]).toMatchObject({ domain: 'severity', factor: 'gold-group-b', fact: 'goldGroup', value: 'B', source: 'record', contribution: { kind: 'level', level: 2 } });
    expect(s.summary.da).toBe('Foreslået niveau er mindst 2. Manglende oplysninger kan hæve det til højst 3.');
    expect(s.ruleSet).toMatchObject({ id: 'kol-differentiation', version: '0.2.0', status: 'provisional' });
  });

  it('README shared context', () => {
    const record = parse(lrsBase());
    expect(suggestLevelInContext(createFactContext(record, asOf), { package: 'LRS' }).suggestedLevel).toBe(1);
  });

  it('README replacing a pack', () => {
    const kolV2 = { ...JSON.parse(JSON.stringify(kolDifferentiationPack)), version: '0.3.0', validFrom: '2028-01-01', status: 'approved' } as unknown;
    const packs = createDifferentiationPackSet([{ ...kolDifferentiationPack, validTo: '2027-12-31' }, kolV2, lrsDifferentiationPack]);
    expect(suggestLevel(parse(kolBase()), { package: 'KOL', asOf: '2028-02-01', packs }).ruleSet.version).toBe('0.3.0');
  });
});
