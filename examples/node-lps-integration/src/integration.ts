/**
 * A minimal LPS-style batch integration: records in, per-patient
 * evaluations, the clinic's cockpit and monitoring extract per package, and
 * one eligible patient's treatment plan as a CPD-DK document out.
 * SYNTHETIC DATA ONLY.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGES } from '@kronikerpakker/core';
import type { IsoDate, PackageId } from '@kronikerpakker/core';
import { monitoringExtract, readNdjsonLines } from '@kronikerpakker/cockpit';
import { validateCpd } from '@kronikerpakker/cpd';
import { evaluatePatient, evaluatePopulation } from '@kronikerpakker/sdk';
import type { PatientInput } from '@kronikerpakker/sdk';
import { clockOf, markSynthetic, SYNTHETIC_NOTICE, SYNTHETIC_PLAN_PARTIES } from './synthetic';

/** Options of {@link runIntegration}. */
export interface IntegrationOptions {
  /** The records (`PatientRecordInput` objects, as the LPS exports them). */
  readonly records: readonly unknown[];
  /** The evaluation date, `YYYY-MM-DD`. */
  readonly asOf: IsoDate;
  /** The folder to write to (made if absent). */
  readonly outDir: string;
}

/** Per package: how many patients had each inclusion status, and levels suggested. */
export interface PackageSummary {
  /** Patients by inclusion status. */
  readonly status: Readonly<Record<string, number>>;
  /** Patients by suggested level (`1`, `2`, `3`). */
  readonly levels: Readonly<Record<string, number>>;
  /** Care items by kind (due, overdue, ...). */
  readonly items: Readonly<Record<string, number>>;
}

/** What {@link runIntegration} did. Counts, ids of synthetic records and file names only. */
export interface IntegrationSummary {
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /** Records read. */
  readonly records: number;
  /** Records that failed validation. */
  readonly invalid: number;
  /** Invalid records by issue code. */
  readonly issuesByCode: Readonly<Record<string, number>>;
  /** Per package. */
  readonly packages: Readonly<Record<PackageId, PackageSummary>>;
  /** The CPD document written: the record id, package and validation findings; `null` when no patient qualified. */
  readonly cpd: { readonly recordId: string; readonly package: PackageId; readonly file: string; readonly errors: number; readonly warnings: number } | null;
  /** The folder written to. */
  readonly outDir: string;
  /** The files written (names in `outDir`). */
  readonly files: readonly string[];
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * Reads an NDJSON file of records (one `PatientRecordInput` a line; blank
 * lines skipped) with `readNdjsonLines`. A line that is not JSON becomes
 * `null`, which the evaluation counts as an invalid record: its content is
 * never printed.
 *
 * @param path - the file
 * @returns the records
 */
export async function readRecordsFile(path: string): Promise<unknown[]> {
  const records: unknown[] = [];
  for await (const line of readNdjsonLines(createReadStream(path))) {
    // A line over the reader's limit (its content already dropped) is no record, like a line that is not JSON.
    if (typeof line !== 'string') {
      records.push(null);
      continue;
    }
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as unknown);
    } catch {
      records.push(null);
    }
  }
  return records;
}

/**
 * Runs the batch: evaluates every record with `evaluatePatient`, builds the
 * cockpit of KOL and of LRS with `evaluatePopulation`, and writes
 * `cockpit-KOL.json`, `cockpit-LRS.json`, `monitoring-KOL.json`,
 * `monitoring-LRS.json` (aggregates only, small cells suppressed),
 * `plan-<recordId>.xml` (the first eligible KOL patient with a CPR, else
 * the first eligible LRS one; validated with `validateCpd`) and
 * `summary.json`.
 *
 * @param options - records, asOf, outDir
 * @returns the summary
 */
export async function runIntegration(options: IntegrationOptions): Promise<IntegrationSummary> {
  const { records, asOf, outDir } = options;
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const write = async (name: string, content: string): Promise<void> => {
    await writeFile(join(outDir, name), content);
    files.push(name);
  };

  // 1. One patient at a time, as the LPS would on opening a patient's chart.
  const packages = {
    KOL: { status: {}, levels: {}, items: {} },
    LRS: { status: {}, levels: {}, items: {} },
  } satisfies Record<PackageId, { status: Record<string, number>; levels: Record<string, number>; items: Record<string, number> }>;
  const issuesByCode: Record<string, number> = {};
  let invalid = 0;
  const candidates: Record<PackageId, unknown> = { KOL: undefined, LRS: undefined };
  for (const record of records) {
    const evaluation = evaluatePatient(record as PatientInput, { asOf });
    if (!evaluation.valid) {
      invalid++;
      for (const issue of evaluation.issues) bump(issuesByCode, issue.code);
      continue;
    }
    for (const pkg of PACKAGES) {
      const p = evaluation.packages[pkg];
      if (p === undefined) continue;
      const s = packages[pkg];
      bump(s.status, p.inclusion.status);
      if (p.level !== null) bump(s.levels, String(p.level.suggestedLevel));
      for (const item of p.care.items) bump(s.items, item.kind);
      const hasCpr = typeof (record as { patient?: { cpr?: unknown } }).patient?.cpr === 'string';
      if (candidates[pkg] === undefined && p.inclusion.status === 'eligible' && hasCpr) candidates[pkg] = record;
    }
  }

  // 2. The clinic's cockpit and the monitoring extract, per package.
  for (const profile of PACKAGES) {
    const cockpit = evaluatePopulation(records, { asOf, profile });
    await write(`cockpit-${profile}.json`, `${JSON.stringify({ notice: SYNTHETIC_NOTICE, ...cockpit }, null, 2)}\n`);
    await write(`monitoring-${profile}.json`, `${JSON.stringify(monitoringExtract(cockpit), null, 2)}\n`);
  }

  // 3. One eligible patient's treatment plan, as a CPD-DK document.
  let cpd: IntegrationSummary['cpd'] = null;
  const pkg = PACKAGES.find((p) => candidates[p] !== undefined);
  if (pkg !== undefined) {
    const record = candidates[pkg] as PatientInput & { readonly synthetic?: boolean };
    const evaluation = evaluatePatient(record, {
      asOf,
      packages: [pkg],
      plan: { ...SYNTHETIC_PLAN_PARTIES, cpd: true, clock: clockOf(asOf) },
    });
    const xml = evaluation.packages[pkg]?.cpd;
    if (xml !== undefined && evaluation.recordId !== null) {
      const document = markSynthetic(xml, record.synthetic === true);
      const report = await validateCpd(document);
      const file = `plan-${evaluation.recordId}.xml`;
      await write(file, document);
      cpd = {
        recordId: evaluation.recordId,
        package: pkg,
        file,
        errors: report.findings.filter((f) => f.severity === 'error').length,
        warnings: report.findings.filter((f) => f.severity === 'warning').length,
      };
    }
  }

  const summary: IntegrationSummary = {
    asOf,
    records: records.length,
    invalid,
    issuesByCode,
    packages,
    cpd,
    outDir,
    files: [...files, 'summary.json'],
  };
  await write('summary.json', `${JSON.stringify({ notice: SYNTHETIC_NOTICE, ...summary }, null, 2)}\n`);
  return summary;
}

/**
 * The summary as a few lines for the console.
 *
 * @param summary - from {@link runIntegration}
 * @returns the lines
 */
export function renderSummary(summary: IntegrationSummary): string[] {
  const fmt = (counts: Readonly<Record<string, number>>): string =>
    Object.entries(counts)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, n]) => `${k} ${String(n)}`)
      .join(', ') || 'none';
  return [
    SYNTHETIC_NOTICE,
    `Evaluated ${String(summary.records)} records as of ${summary.asOf} (${String(summary.invalid)} invalid).`,
    ...PACKAGES.flatMap((pkg) => {
      const p = summary.packages[pkg];
      return [`${pkg}: ${fmt(p.status)}`, `  levels: ${fmt(p.levels)}`, `  care items: ${fmt(p.items)}`];
    }),
    summary.cpd === null
      ? 'CPD: no eligible patient with a CPR number; no document written.'
      : `CPD: ${summary.cpd.file} (${summary.cpd.package}), ${String(summary.cpd.errors)} errors, ${String(summary.cpd.warnings)} warnings.`,
    `Wrote ${summary.files.join(', ')} to ${summary.outDir}`,
  ];
}
