/**
 * The main job on a synthetic clinic, as a function the test can run: the
 * cockpit for both profiles (indicators and the largest worklists), one
 * patient's full evaluation explained, that patient's CPD-DK document
 * written and validated, and the plan as HTML for the patient and the
 * clinician; every file in one output folder.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IsoDate, PackageId, PatientRecordInput } from '@kronikerpakker/core';
import { buildCockpit, monitoringExtract } from '@kronikerpakker/cockpit';
import type { Cockpit, CockpitRow } from '@kronikerpakker/cockpit';
import { renderPlanHtml, validateCpd } from '@kronikerpakker/cpd';
import type { CpdValidationReport } from '@kronikerpakker/cpd';
import { CDA_SDTC_MAIN, readCdaSchemaDir } from '@kronikerpakker/cpd/node';
import { evaluatePatient, explainPatient } from '@kronikerpakker/sdk';
import type { PatientEvaluation } from '@kronikerpakker/sdk';
import { renderSummary, summariseClinic } from './summarise';

/** Options of {@link runMainJob}. */
export interface MainJobOptions {
  readonly records: readonly PatientRecordInput[];
  readonly seed: number;
  readonly asOf: IsoDate;
  readonly outDir: string;
  /** The HL7 CDA R2 schema folder (`cda-r2`), when present: the CPD document is XSD-validated too. */
  readonly schemaDir?: string | undefined;
}

/** What the main job produced. */
export interface MainJobResult {
  /** The report printed to the terminal. */
  readonly report: string;
  /** The files written, relative to the output folder. */
  readonly files: readonly string[];
  readonly cockpits: Readonly<Record<PackageId, Cockpit>>;
  readonly patient: PatientEvaluation;
  readonly cpd: CpdValidationReport;
}

/** The synthetic clinic and author named in the plan. */
const CLINIC = { sorId: '123456789012345', name: 'Syntetisk Lægehus (demo)' } as const;
const AUTHOR = { sorId: '123456789012346', name: { prefix: 'Læge', given: ['Syntetisk'], family: 'Demo' } } as const;


const pct = (p: number | null): string => (p === null ? '   -  ' : `${(100 * p).toFixed(1).padStart(5)} %`);

function cockpitSection(c: Cockpit): string[] {
  const lines = [
    `Klinikens Cockpit: ${c.profile}   (${String(c.population.inProfile)} patients in the profile of ${String(c.population.valid)} valid records)`,
    '',
    `  ${'Indicator'.padEnd(52)}${'n'.padStart(6)}${'of'.padStart(7)}${'share'.padStart(10)}`,
  ];
  for (const i of c.indicators) lines.push(`  ${i.title.en.padEnd(52)}${String(i.numerator).padStart(6)}${String(i.denominator).padStart(7)}${pct(i.proportion).padStart(10)}`);
  lines.push('', `  ${'Worklist'.padEnd(52)}${'patients'.padStart(10)}`);
  for (const w of c.worklists) lines.push(`  ${w.title.en.padEnd(52)}${String(w.size).padStart(10)}`);
  const largest = [...c.worklists].sort((a, b) => b.size - a.size).slice(0, 3);
  for (const w of largest) {
    if (w.size === 0) continue;
    lines.push('', `  ${w.title.da} (${w.title.en}): the first ${String(Math.min(5, w.size))} of ${String(w.size)}`);
    lines.push(`    ${'record'.padEnd(34)}${'status'.padEnd(19)}${'level'.padEnd(7)}${'next due'.padEnd(12)}overdue/missing/alerts`);
    for (const r of (w.rows ?? []).slice(0, 5)) {
      const level = r.level.effective === null ? '-' : String(r.level.effective);
      lines.push(`    ${r.id.padEnd(34)}${r.status.padEnd(19)}${level.padEnd(7)}${(r.nextDue ?? '-').padEnd(12)}${String(r.counts.overdue)}/${String(r.counts.missing)}/${String(r.counts.alerts)}`);
    }
  }
  return lines;
}

/** The patient the demo explains: enrolled in KOL, eligible, with a CPR and the most open items. */
function pickPatient(c: Cockpit, byId: ReadonlyMap<string, PatientRecordInput>): PatientRecordInput {
  const rows: readonly CockpitRow[] = c.rows ?? [];
  const open = (r: CockpitRow) => r.counts.overdue + r.counts.due + r.counts.missing + r.counts.alerts + r.counts.suggestions;
  const candidates = rows.filter((r) => r.enrolled && r.status === 'eligible' && byId.get(r.id)?.patient.cpr !== undefined && !r.id.includes('-edge-'));
  const best = [...candidates].sort((a, b) => open(b) - open(a) || a.position - b.position)[0];
  const record = best === undefined ? undefined : byId.get(best.id);
  if (record === undefined) throw new Error('The synthetic clinic has no enrolled, eligible KOL patient with a CPR');
  return record;
}

/**
 * Runs the main job and writes its files.
 *
 * @param options - records, seed, date, output folder, and the schema folder if present
 * @returns the report, the files and the results
 */
export async function runMainJob(options: MainJobOptions): Promise<MainJobResult> {
  const { records, seed, asOf, outDir } = options;
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, content: string): void => {
    writeFileSync(join(outDir, name), content);
    files.push(name);
  };

  write('clinic.ndjson', records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const summary = summariseClinic(records, asOf);
  write('summary.txt', `${renderSummary(summary, { seed, asOf })}\n`);

  const cockpits = { KOL: buildCockpit(records, { asOf, profile: 'KOL' }), LRS: buildCockpit(records, { asOf, profile: 'LRS' }) };
  for (const pkg of ['KOL', 'LRS'] as const) {
    write(`cockpit-${pkg}.json`, `${JSON.stringify(cockpits[pkg], null, 2)}\n`);
    write(`monitoring-${pkg}.json`, `${JSON.stringify(monitoringExtract(cockpits[pkg]), null, 2)}\n`);
  }

  const byId = new Map(records.map((r) => [r.id, r]));
  const record = pickPatient(cockpits.KOL, byId);
  let n = 0;
  const patient = evaluatePatient(record, {
    asOf,
    packages: ['KOL'],
    plan: {
      clinic: CLINIC,
      author: AUTHOR,
      patientName: { given: ['Syntetisk'], family: 'Patient' },
      goals: [{ kind: 'patient', text: 'Jeg vil kunne gå tur med hunden hver dag uden at stoppe.' }],
      cpd: true,
      idGenerator: () => `6f1c2d3e-4a5b-4c6d-8e7f-${String(++n).padStart(12, '0')}`,
      clock: () => new Date(`${asOf}T09:30:00+01:00`),
    },
  });
  const kol = patient.packages.KOL;
  if (kol?.plan === undefined || kol.cpd === undefined) throw new Error('The demo patient got no plan');
  const explained = explainPatient(patient, { locale: 'da' }).join('\n');
  write('patient.txt', `${explained}\n`);
  write('patient.json', `${JSON.stringify(patient, null, 2)}\n`);
  write('plan.xml', kol.cpd);
  const cpd = await validateCpd(kol.cpd, options.schemaDir === undefined ? {} : { schemas: readCdaSchemaDir(options.schemaDir) });
  write('plan.validation.json', `${JSON.stringify(cpd, null, 2)}\n`);
  write('plan.patient.html', renderPlanHtml(kol.plan, { audience: 'patient', locale: 'da' }));
  write('plan.clinician.html', renderPlanHtml(kol.plan, { audience: 'clinician', locale: 'da' }));

  const errors = cpd.findings.filter((f) => f.severity === 'error').length;
  const warnings = cpd.findings.filter((f) => f.severity === 'warning').length;
  const packs = [...new Map([...cockpits.KOL.ruleSets, ...cockpits.LRS.ruleSets].map((r) => [`${r.id}@${r.version}`, r])).values()];
  const report = [
    `kronikerpakker demo: a SYNTHETIC clinic of ${String(records.length)} patients (seed ${String(seed)}), evaluated as of ${asOf}`,
    `Rule packs: ${packs.map((r) => `${r.id} ${r.version}${r.status === 'provisional' ? ' (provisional)' : ''}`).join(', ')}`,
    `Records: ${String(summary.valid)} valid, ${String(summary.invalid)} invalid (see summary.txt)`,
    '',
    ...cockpitSection(cockpits.KOL),
    '',
    ...cockpitSection(cockpits.LRS),
    '',
    `One patient, explained (as the clinician sees it, in Danish): ${record.id}`,
    '',
    ...explained.split('\n').map((l) => `  ${l}`),
    '',
    `The treatment plan as a CPD-DK document: plan.xml`,
    `  validation: ${cpd.valid ? 'valid' : 'INVALID'} (XSD ${cpd.xsd === 'skipped' ? 'not checked: the HL7 schemas were not found' : cpd.xsd}; ${String(errors)} errors, ${String(warnings)} warnings${warnings > 0 ? ': provisional codes, see docs/cpd.md' : ''})`,
    `The plan for the patient to read: plan.patient.html (and plan.clinician.html)`,
  ].join('\n');
  return { report, files, cockpits, patient, cpd };
}

/**
 * The HL7 CDA R2 schema folder beside the project (`../shared/standards/cda-r2`), if it is there.
 *
 * @param repoRoot - the repository root
 * @returns the folder, or undefined
 */
export function findSchemaDir(repoRoot: string): string | undefined {
  const dir = join(repoRoot, '..', 'shared', 'standards', 'cda-r2');
  return existsSync(join(dir, CDA_SDTC_MAIN)) ? dir : undefined;
}
