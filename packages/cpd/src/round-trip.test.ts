import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormed } from './xml-tree';
import { DEFAULT_CPD_CODES } from './config';
import type { CpdCodeConfig } from './config';
import { parseCpd } from './parse';
import { toCpdXml } from './to-xml';
import { planArb, samplePlan } from './test-helpers';

describe('parseCpd(toCpdXml(plan)) equals plan', () => {
  it('for the KOL and LRS samples', () => {
    for (const pkg of ['KOL', 'LRS'] as const) {
      const plan = samplePlan(pkg);
      const { plan: back, findings } = parseCpd(toCpdXml(plan));
      expect(back).toEqual(plan);
      expect(findings.every((f) => f.code === 'CPD_PROVISIONAL_CODE')).toBe(true);
    }
  });

  it('for generated plans with hostile free text (property)', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const xml = toCpdXml(plan);
        expect(wellFormed(xml)).toBe(true);
        const { plan: back } = parseCpd(xml);
        expect(back).toEqual(plan);
      }),
      { numRuns: 150 },
    );
  });

  it('with integrator codes: the override is used consistently', () => {
    const codes: CpdCodeConfig = {
      ...DEFAULT_CPD_CODES,
      forloebslabel: { ...DEFAULT_CPD_CODES.forloebslabel, LRS: { code: 'ALAL99', codeSystem: '1.2.208.176.2.4', displayName: 'Lænderyg', provisional: false } },
    };
    const plan = samplePlan('LRS');
    const xml = toCpdXml(plan, { codes });
    expect(xml).toContain('code="ALAL99"');
    const parsed = parseCpd(xml, { codes });
    expect(parsed.plan).toEqual(plan);
    expect(parsed.findings.some((f) => f.location.includes('documentationOf'))).toBe(false);
    // Read with the default codes the label is unknown: a warning, and no plan.
    expect(parseCpd(xml).findings.map((f) => f.code)).toContain('CPD_FORLOEBSLABEL_UNKNOWN');
  });
});
