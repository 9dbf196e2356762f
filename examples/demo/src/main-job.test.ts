import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateClinic } from '@kronikerpakker/test-fixtures';
import { findSchemaDir, runMainJob } from './main-job';

const asOf = '2027-01-15';
const records = generateClinic({ seed: 2027, size: 600, asOf });
const outDir = mkdtempSync(join(tmpdir(), 'kp-demo-'));
const schemaDir = findSchemaDir(fileURLToPath(new URL('../../..', import.meta.url)));
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('the demo main job', async () => {
  const result = await runMainJob({ records, seed: 2027, asOf, outDir, schemaDir });

  it('writes every file it names into the output folder', () => {
    expect(result.files).toEqual([
      'clinic.ndjson',
      'summary.txt',
      'cockpit-KOL.json',
      'monitoring-KOL.json',
      'cockpit-LRS.json',
      'monitoring-LRS.json',
      'patient.txt',
      'patient.json',
      'plan.xml',
      'plan.validation.json',
      'plan.patient.html',
      'plan.clinician.html',
    ]);
    for (const f of result.files) expect(readFileSync(join(outDir, f), 'utf8').length).toBeGreaterThan(0);
  });

  it('builds the cockpit for both profiles over the whole clinic', () => {
    for (const pkg of ['KOL', 'LRS'] as const) {
      const c = result.cockpits[pkg];
      expect(c.population.records).toBe(600);
      expect(c.population.inProfile).toBeGreaterThan(0);
      expect(c.worklists.some((w) => w.size > 0)).toBe(true);
    }
    expect(result.report).toContain('Klinikens Cockpit: KOL');
    expect(result.report).toContain('Klinikens Cockpit: LRS');
  });

  it("explains one enrolled KOL patient and writes that patient's valid CPD document and plan", () => {
    const kol = result.patient.packages.KOL;
    expect(kol?.inclusion.status).toBe('eligible');
    expect(kol?.planStatus).toBe('built');
    expect(result.cpd.valid).toBe(true);
    expect(result.cpd.xsd).toBe(schemaDir === undefined ? 'skipped' : 'valid');
    expect(readFileSync(join(outDir, 'plan.xml'), 'utf8')).toContain('<ClinicalDocument');
    expect(readFileSync(join(outDir, 'plan.patient.html'), 'utf8')).toContain('lang="da"');
  });

  it('labels everything synthetic and prints no CPR number', () => {
    expect(result.report).toContain('SYNTHETIC');
    for (const r of records) if (r.patient.cpr !== undefined) expect(result.report).not.toContain(r.patient.cpr);
    const extract = readFileSync(join(outDir, 'monitoring-KOL.json'), 'utf8');
    for (const r of records) expect(extract).not.toContain(r.id);
  });
});
