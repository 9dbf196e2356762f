/**
 * CPD numbers for `pnpm bench`: the treatment plan as a CPD-DK document, on
 * generated SYNTHETIC records, with the BUILT packages (as vendors ship them;
 * build first: `pnpm -r --filter "./packages/*" build`). For KOL and LRS:
 *   buildTreatmentPlan (inclusion + level + plan), toCpdXml, parseCpd,
 *   validateCpd with the coded CPD-DK rules only, validateCpd with the HL7
 *   CDA R2 SDTC schema (when ../shared/standards/cda-r2 exists; skipped with
 *   a message otherwise), renderPlanHtml (patient page).
 * Rounds are interleaved so that drift on a shared, noisy machine hits every
 * step alike; the table shows docs/second per round and the best round.
 *
 * Usage: npx tsx src/cpd-bench.ts [--records 2000 --rounds 3 --docs 2000 --xsd-docs 20]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePatientRecord } from '@kronikerpakker/core';
import type { PackageId, PatientRecord } from '@kronikerpakker/core';
import { buildTreatmentPlan, parseCpd, renderPlanHtml, toCpdXml, validateCpd } from '@kronikerpakker/cpd';
import { readCdaSchemaDir } from '@kronikerpakker/cpd/node';
import type { CdaSchemaSet, TreatmentPlan } from '@kronikerpakker/cpd';
import { generateRecords } from '@kronikerpakker/test-fixtures';

/** Options of {@link main}. */
export interface CpdBenchOptions {
  /** Synthetic records to generate (the included ones of each package are used). */
  readonly records?: number;
  /** Interleaved rounds. */
  readonly rounds?: number;
  /** Documents per step and round (the XSD step uses `xsdDocs`). */
  readonly docs?: number;
  /** Documents per round for validateCpd with the XSD (slow: libxml2 in WebAssembly). */
  readonly xsdDocs?: number;
  /** Generator seed. */
  readonly seed?: number;
  /** The folder holding `cda-r2/` (default: ../shared/standards from the repository). */
  readonly standardsDir?: string;
}

/** One row of the result: a step for one package, docs/second per round. */
export interface CpdBenchRow {
  readonly step: string;
  readonly package: PackageId;
  readonly perRound: readonly number[];
  readonly best: number;
}

const asOf = '2027-01-15';
const DEFAULT_STANDARDS = fileURLToPath(new URL('../../../../shared/standards/', import.meta.url));

function loadSchemas(standardsDir: string): CdaSchemaSet | undefined {
  const root = join(standardsDir, 'cda-r2');
  return existsSync(root) ? readCdaSchemaDir(root) : undefined;
}

let counter = 0;
const ids = (): string => {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
};
const clock = (): Date => new Date('2027-01-15T09:30:00Z');

function planFor(record: PatientRecord, pkg: PackageId): TreatmentPlan {
  return buildTreatmentPlan(record, {
    asOf,
    package: pkg,
    clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
    author: { sorId: '123456789012346', name: { given: ['Syntetisk'], family: 'Læge' } },
    custodian: { sorId: '919851000016006', name: 'PLSP A/S' },
    patientName: { given: ['Syntetisk'], family: 'Patient' },
    goals: [
      { kind: 'text', text: 'Mere bevægelse i hverdagen' },
      { kind: 'patient', text: 'Jeg vil kunne gå tur hver dag.' },
    ],
    completedServices: [{ date: '2027-01-10', text: 'Årsstatus gennemført' }],
    idGenerator: ids,
    clock,
  });
}

/**
 * Runs the CPD benchmark and prints a table (docs/second per round and the
 * best round). Returns the rows.
 */
export async function main(options: CpdBenchOptions = {}): Promise<readonly CpdBenchRow[]> {
  const records = options.records ?? 2000;
  const rounds = options.rounds ?? 3;
  const docs = options.docs ?? 2000;
  const xsdDocs = options.xsdDocs ?? 20;
  const seed = options.seed ?? 2027;
  const schemas = loadSchemas(options.standardsDir ?? DEFAULT_STANDARDS);

  console.log(`CPD: generating ${String(records)} synthetic records (seed ${String(seed)}) and building the plans of the included patients...`);
  const parsed: PatientRecord[] = [];
  for (const input of generateRecords({ seed, size: records, asOf, edgeCases: false })) {
    const record = parsePatientRecord(input, { asOf });
    if (record.patient.cpr !== undefined) parsed.push(record);
  }
  const sets = new Map<PackageId, { records: PatientRecord[]; plans: TreatmentPlan[]; xmls: string[] }>();
  for (const pkg of ['KOL', 'LRS'] as const) {
    const set = { records: [] as PatientRecord[], plans: [] as TreatmentPlan[], xmls: [] as string[] };
    for (const record of parsed) {
      try {
        set.plans.push(planFor(record, pkg));
        set.records.push(record);
      } catch {
        // not included in the package: no plan
      }
    }
    if (set.plans.length === 0) throw new Error(`no ${pkg} patient included among ${String(records)} records; raise --records`);
    set.xmls = set.plans.map((p) => toCpdXml(p));
    sets.set(pkg, set);
    const chars = Math.round(set.xmls.reduce((a, x) => a + x.length, 0) / set.xmls.length);
    console.log(`  ${pkg}: ${String(set.plans.length)} plans, ${String(chars)} characters per document on average`);
  }
  if (schemas === undefined) console.log(`  validateCpd with XSD: SKIPPED (no cda-r2 folder under ${options.standardsDir ?? DEFAULT_STANDARDS})`);

  type Step = readonly [name: string, n: number, run: (pkg: PackageId, i: number) => unknown];
  const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
  const of = (pkg: PackageId): { records: PatientRecord[]; plans: TreatmentPlan[]; xmls: string[] } => sets.get(pkg) ?? { records: [], plans: [], xmls: [] };
  const steps: Step[] = [
    ['buildTreatmentPlan', docs, (pkg, i) => planFor(at(of(pkg).records, i), pkg)],
    ['toCpdXml', docs, (pkg, i) => toCpdXml(at(of(pkg).plans, i))],
    ['parseCpd', docs, (pkg, i) => parseCpd(at(of(pkg).xmls, i))],
    ['validateCpd (rules, no XSD)', docs, (pkg, i) => validateCpd(at(of(pkg).xmls, i))],
    ['renderPlanHtml (patient)', docs, (pkg, i) => renderPlanHtml(at(of(pkg).plans, i), { audience: 'patient' })],
  ];
  if (schemas !== undefined) steps.push(['validateCpd (rules + XSD)', xsdDocs, (pkg, i) => validateCpd(at(of(pkg).xmls, i), { schemas })]);

  // Warm-up (and a check that the XSD step works at all).
  for (const [name, n, run] of steps) {
    for (const pkg of ['KOL', 'LRS'] as const) {
      for (let i = 0; i < Math.min(n, 100); i++) {
        const r = run(pkg, i);
        if (r instanceof Promise) {
          const report = (await r) as { valid: boolean };
          if (!report.valid) throw new Error(`${name}: a generated ${pkg} document is not valid`);
        }
      }
    }
  }

  const rates = new Map<string, number[]>();
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [name, n, run] of steps) {
      for (const pkg of ['KOL', 'LRS'] as const) {
        const t0 = performance.now();
        for (let i = 0; i < n; i++) {
          const r = run(pkg, i);
          if (r instanceof Promise) await r;
          sink++;
        }
        const rate = (n / (performance.now() - t0)) * 1000;
        const key = `${name}\u0000${pkg}`;
        rates.set(key, [...(rates.get(key) ?? []), rate]);
      }
    }
  }

  const rows: CpdBenchRow[] = [...rates].map(([key, perRound]) => {
    const [step = '', pkg = 'KOL'] = key.split('\u0000');
    return { step, package: pkg as PackageId, perRound, best: Math.max(...perRound) };
  });
  const fmt = (v: number): string => (v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'));
  const header = ['step', 'pkg', ...Array.from({ length: rounds }, (_, r) => `round ${String(r + 1)}`), 'best docs/s'];
  const table = rows.map((r) => [r.step, r.package, ...r.perRound.map(fmt), fmt(r.best)]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\nCPD-DK documents per second (${String(rounds)} interleaved rounds; ${String(docs)} docs per step and round${schemas === undefined ? '' : `, ${String(xsdDocs)} with XSD`}):`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  if (sink < 0) console.log(sink);
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '2000' },
      rounds: { type: 'string', default: '3' },
      docs: { type: 'string', default: '2000' },
      'xsd-docs': { type: 'string', default: '20' },
      seed: { type: 'string', default: '2027' },
    },
  });
  await main({ records: Number(values.records), rounds: Number(values.rounds), docs: Number(values.docs), xsdDocs: Number(values['xsd-docs']), seed: Number(values.seed) });
}
