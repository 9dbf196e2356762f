import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCpd } from '@kronikerpakker/cpd';
import { evaluatePatient } from '@kronikerpakker/sdk';
import { generateClinic, generateClinicNdjson } from '@kronikerpakker/test-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecordsFile, renderSummary, runIntegration } from './integration';
import type { IntegrationSummary } from './integration';
import { SYNTHETIC_XML_COMMENT } from './synthetic';

const asOf = '2027-01-15';

describe('the LPS batch integration', () => {
  const records = generateClinic({ seed: 2027, size: 300, asOf });
  let outDir = '';
  let summary: IntegrationSummary;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'kp-lps-integration-'));
    summary = await runIntegration({ records, asOf, outDir });
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  const readJson = async (name: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(join(outDir, name), 'utf8')) as Record<string, unknown>;

  it('writes the cockpits, the monitoring extracts, one CPD document and the summary', async () => {
    expect(summary.cpd).not.toBeNull();
    const files = (await readdir(outDir)).sort();
    expect(files).toEqual(
      ['cockpit-KOL.json', 'cockpit-LRS.json', 'monitoring-KOL.json', 'monitoring-LRS.json', `plan-${summary.cpd!.recordId}.xml`, 'summary.json'].sort(),
    );
    expect([...summary.files].sort()).toEqual(files);
    expect(summary.outDir).toBe(outDir);
  });

  it('counts the evaluations of every record, as evaluatePatient gives them', () => {
    expect(summary.records).toBe(300);
    expect(summary.invalid).toBe(0);
    for (const pkg of ['KOL', 'LRS'] as const) {
      let eligible = 0;
      for (const r of records) if (evaluatePatient(r, { asOf, packages: [pkg] }).packages[pkg]?.inclusion.status === 'eligible') eligible++;
      expect(summary.packages[pkg].status['eligible'] ?? 0).toBe(eligible);
      expect(Object.values(summary.packages[pkg].status).reduce((a, b) => a + b, 0)).toBe(300);
    }
    expect(summary.packages.KOL.status['eligible']).toBeGreaterThan(0);
  });

  it('writes each cockpit with its rows, worklists and indicators, marked SYNTHETIC', async () => {
    for (const profile of ['KOL', 'LRS'] as const) {
      const cockpit = await readJson(`cockpit-${profile}.json`);
      expect(cockpit['notice']).toMatch(/^SYNTHETIC DATA ONLY/);
      expect(cockpit['profile']).toBe(profile);
      expect(cockpit['asOf']).toBe(asOf);
      const population = cockpit['population'] as { records: number; valid: number; inProfile: number };
      expect(population.records).toBe(300);
      expect(population.valid).toBe(300);
      const rows = cockpit['rows'] as { id: string; status: string }[];
      expect(rows).toHaveLength(population.inProfile);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.id).toMatch(/^syn-2027-/);
      expect((cockpit['indicators'] as unknown[]).length).toBeGreaterThan(0);
      expect((cockpit['worklists'] as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('writes monitoring extracts with aggregates only: no record id, no CPR', async () => {
    for (const profile of ['KOL', 'LRS'] as const) {
      const text = await readFile(join(outDir, `monitoring-${profile}.json`), 'utf8');
      const extract = JSON.parse(text) as { kind: string; profile: string; asOf: string; indicators: unknown[] };
      expect(extract.kind).toBe('kronikerpakker-monitoring-extract');
      expect(extract.profile).toBe(profile);
      expect(extract.asOf).toBe(asOf);
      expect(extract.indicators.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/syn-2027-/);
      for (const r of records) if (r.patient.cpr !== undefined) expect(text).not.toContain(r.patient.cpr);
    }
  });

  it('writes a CPD document of an eligible patient that validates with zero errors', async () => {
    const cpd = summary.cpd!;
    expect(cpd.errors).toBe(0);
    const record = records.find((r) => r.id === cpd.recordId)!;
    expect(evaluatePatient(record, { asOf, packages: [cpd.package] }).packages[cpd.package]?.inclusion.status).toBe('eligible');
    const xml = await readFile(join(outDir, cpd.file), 'utf8');
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain(SYNTHETIC_XML_COMMENT);
    expect(xml).toContain(record.patient.cpr!);
    const report = await validateCpd(xml);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('summarises in a few lines, marked SYNTHETIC, naming the out folder', () => {
    const lines = renderSummary(summary);
    expect(lines[0]).toMatch(/^SYNTHETIC DATA ONLY/);
    expect(lines.join('\n')).toContain(`Evaluated 300 records as of ${asOf} (0 invalid).`);
    expect(lines.at(-1)).toContain(outDir);
  });

  it('counts invalid records by issue code, and writes nothing of them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kp-lps-integration-invalid-'));
    try {
      const broken = { id: 'syn-broken-1', synthetic: true, patient: { birthDate: '2030-01-01', sex: 'female', listed: true } };
      const s = await runIntegration({ records: [...records.slice(0, 20), broken, null], asOf, outDir: dir });
      expect(s.records).toBe(22);
      expect(s.invalid).toBe(2);
      expect(s.issuesByCode['future-date']).toBe(1);
      const all = await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')));
      for (const text of all) {
        expect(text).not.toContain('syn-broken-1');
        expect(text).not.toContain('2030-01-01');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads an NDJSON file of records, a line that is not JSON as an invalid record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kp-lps-integration-ndjson-'));
    try {
      const file = join(dir, 'clinic.ndjson');
      const lines = [...generateClinicNdjson({ seed: 2027, size: 25, asOf })];
      await writeFile(file, `${lines.join('')}\r\n{not json Ingeborg\n`);
      const read = await readRecordsFile(file);
      expect(read).toHaveLength(26);
      expect(read.slice(0, 25)).toEqual(generateClinic({ seed: 2027, size: 25, asOf }));
      expect(read[25]).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
