import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePatientRecord } from '@kronikerpakker/core';
import { evaluatePatient } from '../evaluate';
import type { PackageId } from '@kronikerpakker/core';
import { buildConformanceKit, coverageOf } from '../../scripts/conformance-kit-builder';
import { readConformanceKit, runConformance } from './files';
import type { ConformanceExpectation, ConformanceKit } from './kit';
import { conformanceCpd, expectationsFor, outputOf } from './produce';

const KIT_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'test-fixtures', 'conformance');
const kit = JSON.parse(readFileSync(join(KIT_DIR, 'kit.json'), 'utf8')) as ConformanceKit;
const inputOf = (file: string): unknown => JSON.parse(readFileSync(join(KIT_DIR, file), 'utf8'));

const outDir = mkdtempSync(join(tmpdir(), 'kp-conformance-'));
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

/** Writes what an integration built on the SDK writes for every case. */
function writeSdkOutputs(dir: string): void {
  for (const kase of kit.cases) {
    const input = inputOf(kase.input);
    const expectations = expectationsFor(parsePatientRecord(input, { asOf: kase.asOf }), kase.asOf);
    writeFileSync(join(dir, `${kase.id}.json`), JSON.stringify(outputOf(expectations)));
    for (const [pkg, e] of Object.entries(expectations) as [PackageId, ConformanceExpectation][]) {
      if (e.cpd) writeFileSync(join(dir, `${kase.id}-${pkg}.xml`), conformanceCpd(input, kase.asOf, pkg));
    }
  }
}

describe('the conformance kit (test-fixtures/conformance)', () => {
  it('equals a fresh build, so it never drifts from the packs (rebuild: pnpm --filter @kronikerpakker/sdk build:conformance-kit)', () => {
    const { files } = buildConformanceKit();
    const stale = [...files].filter(([path, content]) => readFileSync(join(KIT_DIR, path), 'utf8') !== content).map(([path]) => path);
    expect(stale).toEqual([]);
    expect(files.size).toBe(2 * kit.cases.length + 1);
  }, 120_000);

  it('covers every rule of every shipped pack both true and false, every status, level and item code', () => {
    const seen = new Set<string>();
    for (const kase of kit.cases) for (const t of coverageOf(parsePatientRecord(inputOf(kase.input), { asOf: kase.asOf }), kase.asOf)) seen.add(t);
    const rules = new Set([...seen].filter((t) => t.includes('/')).map((t) => t.replace(/=(true|false|unknown)$/, '')));
    expect(rules.size).toBeGreaterThan(80);
    const gaps = [...rules].flatMap((r) => ['true', 'false'].filter((v) => !seen.has(`${r}=${v}`)).map((v) => `${r}=${v}`));
    expect(gaps).toEqual([]);
    for (const pkg of ['KOL', 'LRS']) {
      for (const s of ['eligible', 'not-eligible', 'excluded', 'insufficient-data']) expect(seen).toContain(`${pkg}:status=${s}`);
      for (const l of [1, 2, 3]) expect(seen).toContain(`${pkg}:level=${String(l)}`);
    }
  }, 60_000);

  it('is synthetic throughout', () => {
    for (const kase of kit.cases) expect((inputOf(kase.input) as { synthetic?: boolean }).synthetic).toBe(true);
  });

  it('the SDK passes its own kit', async () => {
    writeSdkOutputs(outDir);
    const report = await runConformance(KIT_DIR, outDir);
    expect(report.cases.filter((c) => c.outcome !== 'passed')).toEqual([]);
    expect(report.passed).toBe(kit.cases.length);
  }, 60_000);

  it('the FHIR route concludes the same: every case as its Bundle through evaluatePatient passes', async () => {
    const fhirDir = mkdtempSync(join(tmpdir(), 'kp-conformance-fhir-'));
    try {
      for (const kase of kit.cases) {
        if (kase.bundle === undefined) throw new Error(`case ${kase.id} has no bundle`);
        const evaluation = evaluatePatient(inputOf(kase.bundle) as Parameters<typeof evaluatePatient>[0], { asOf: kase.asOf });
        expect(evaluation.valid).toBe(true);
        const output = Object.fromEntries(
          (['KOL', 'LRS'] as const).map((pkg) => {
            const e = evaluation.packages[pkg];
            return [pkg, { inclusion: e?.inclusion.status, level: e?.level?.suggestedLevel ?? null, items: e?.care.items.map((i) => ({ code: i.code, dueDate: i.dueDate })) }];
          }),
        );
        writeFileSync(join(fhirDir, `${kase.id}.json`), JSON.stringify(output));
        for (const [pkg, e] of Object.entries(kase.expected) as [PackageId, ConformanceExpectation][]) {
          if (e.cpd) writeFileSync(join(fhirDir, `${kase.id}-${pkg}.xml`), conformanceCpd(inputOf(kase.input), kase.asOf, pkg));
        }
      }
      const report = await runConformance(KIT_DIR, fhirDir);
      expect(report.cases.filter((c) => c.outcome !== 'passed')).toEqual([]);
    } finally {
      rmSync(fhirDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('catches a wrong status, a missing item, a wrong level, an invalid CPD document and a missing output', async () => {
    const wrongDir = mkdtempSync(join(tmpdir(), 'kp-conformance-wrong-'));
    try {
      writeSdkOutputs(wrongDir);
      const first = kit.cases[0];
      const last = kit.cases.at(-1);
      const withItems = kit.cases.find((c) => c !== first && (c.expected.KOL?.items.length ?? 0) > 1 && c.expected.KOL?.cpd === true);
      const withLevel = kit.cases.find((c) => c !== last && c.expected.LRS?.level === 2);
      if (withItems === undefined || withLevel === undefined || first === undefined || last === undefined) throw new Error('kit lacks the cases this test needs');
      const edit = (id: string, change: (o: Record<string, Record<string, unknown>>) => void) => {
        const path = join(wrongDir, `${id}.json`);
        const o = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
        change(o);
        writeFileSync(path, JSON.stringify(o));
      };
      edit(first.id, (o) => {
        (o['KOL'] as Record<string, unknown>)['inclusion'] = 'not-eligible';
      });
      edit(withItems.id, (o) => {
        (o['KOL'] as { items: unknown[] }).items.pop();
      });
      edit(withLevel.id, (o) => {
        (o['LRS'] as Record<string, unknown>)['level'] = 1;
      });
      writeFileSync(join(wrongDir, `${withItems.id}-KOL.xml`), '<ClinicalDocument xmlns="urn:hl7-org:v3"/>');
      unlinkSync(join(wrongDir, `${last.id}.json`));

      const report = await runConformance(KIT_DIR, wrongDir);
      const byId = new Map(report.cases.map((c) => [c.id, c]));
      expect(byId.get(first.id)?.differences.map((d) => d.path)).toEqual(['KOL.inclusion']);
      expect(byId.get(withItems.id)?.differences.map((d) => d.path)).toEqual(['KOL.items', 'KOL.cpd']);
      expect(byId.get(withLevel.id)?.differences).toEqual([{ path: 'LRS.level', expected: 2, actual: 1 }]);
      expect(byId.get(last.id)?.outcome).toBe('missing');
      expect(report.failed).toBe(3);
      expect(report.missing).toBe(1);
      expect(report.passed).toBe(kit.cases.length - 4);
    } finally {
      rmSync(wrongDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a folder that is not a kit, with a code and no content', async () => {
    await expect(readConformanceKit(outDir)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', path: ['kitDir'] });
  });
});
