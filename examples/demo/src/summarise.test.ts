import { generateClinic } from '@kronikerpakker/test-fixtures';
import { describe, expect, it } from 'vitest';
import { renderSummary, summariseClinic } from './summarise';

describe('the demo summary', () => {
  const asOf = '2027-01-15';
  const records = generateClinic({ seed: 7, size: 400, asOf });
  const summary = summariseClinic(records, asOf);

  it('validates every synthetic record', () => {
    expect(summary.total).toBe(400);
    expect(summary.invalid).toBe(0);
    expect(summary.ageBands.reduce((a, b) => a + b.count, 0)).toBe(400);
  });

  it('counts KOL patients and splits them by spirometry', () => {
    expect(summary.kolDiagnosis).toBeGreaterThan(0);
    expect(summary.kolConfirmedBySpirometry + summary.kolWithoutSpirometry).toBeLessThanOrEqual(summary.kolDiagnosis);
  });

  it('reports invalid records by issue code, without values', () => {
    const broken = [{ id: 'x', patient: { birthDate: '2030-01-01', sex: 'male', listed: true } }];
    const s = summariseClinic(broken, asOf);
    expect(s.invalid).toBe(1);
    expect(s.issuesByCode).toEqual({ 'future-date': 1 });
    expect(renderSummary(s, { seed: 0, asOf })).not.toContain('2030');
  });

  it('decides inclusion for every diagnosed patient and suggests a level for every eligible one', () => {
    for (const pkg of ['KOL', 'LRS'] as const) {
      const p = summary.packages[pkg];
      const decided = Object.values(p.status).reduce((a, b) => a + b, 0);
      expect(decided).toBe(pkg === 'KOL' ? summary.kolDiagnosis : summary.lrsDiagnosis);
      expect(p.levels['1'] + p.levels['2'] + p.levels['3']).toBe(p.status.eligible);
    }
    expect(summary.packages.KOL.status.eligible).toBeGreaterThan(0);
  });

  it('labels the output as synthetic', () => {
    expect(renderSummary(summary, { seed: 7, asOf })).toContain('SYNTHETIC DATA');
  });
});
