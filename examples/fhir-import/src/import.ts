/**
 * A FHIR R4 Bundle in, the kronikerpakker evaluation out: the testable part
 * of `src/main.ts`. SYNTHETIC DATA ONLY.
 *
 * @module
 */
import type { IsoDate, Locale } from '@kronikerpakker/core';
import { evaluatePatient, explainPatient } from '@kronikerpakker/sdk';
import type { FhirBundleInput, FhirMappingReport, PatientEvaluation } from '@kronikerpakker/sdk';
import type { MappingOutcome, MappingReasonCode } from '@kronikerpakker/fhir';
import { generateBundles } from '@kronikerpakker/test-fixtures';

/** The banner every output of this example starts with. */
export const SYNTHETIC_BANNER = 'SYNTHETIC DATA ONLY: use generated test patients, never real people.';

/**
 * The mapping report summed up: counts per outcome, and per outcome the
 * number of entries by reason code (notes on used entries under `notes`).
 * Codes and counts only: nothing from the Bundle.
 */
export interface MappingSummary {
  /** Entries used, ignored and rejected. */
  readonly counts: { readonly used: number; readonly ignored: number; readonly rejected: number };
  /** Ignored entries by reason code. */
  readonly ignored: Readonly<Partial<Record<MappingReasonCode, number>>>;
  /** Rejected entries by reason code. */
  readonly rejected: Readonly<Partial<Record<MappingReasonCode, number>>>;
  /** Notes on used entries by code (a defaulted or dropped field). */
  readonly notes: Readonly<Partial<Record<MappingReasonCode, number>>>;
  /** Problems of the Bundle as a whole (`no-patient`). */
  readonly issues: readonly MappingReasonCode[];
}

/** Whether a parsed JSON value is a FHIR Bundle (`resourceType: 'Bundle'`). */
export function isFhirBundle(value: unknown): value is FhirBundleInput {
  return typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === 'Bundle';
}

/**
 * Sums the mapping report by outcome and reason code.
 *
 * @param report - the `mapping` of an evaluation of a Bundle
 * @returns the summary
 */
export function summariseMapping(report: FhirMappingReport): MappingSummary {
  const by: Record<Exclude<MappingOutcome, 'used'>, Partial<Record<MappingReasonCode, number>>> = { ignored: {}, rejected: {} };
  const notes: Partial<Record<MappingReasonCode, number>> = {};
  for (const entry of report.entries) {
    if (entry.outcome === 'used') {
      for (const note of entry.notes ?? []) notes[note] = (notes[note] ?? 0) + 1;
    } else if (entry.reason !== undefined) {
      const counts = by[entry.outcome];
      counts[entry.reason] = (counts[entry.reason] ?? 0) + 1;
    }
  }
  return { counts: { ...report.counts }, ignored: by.ignored, rejected: by.rejected, notes, issues: [...report.issues] };
}

/**
 * Evaluates a FHIR Bundle for both packages as of `asOf`.
 *
 * @param bundle - a FHIR R4 Bundle of one patient
 * @param asOf - the evaluation date
 * @returns the evaluation, with its `mapping` report
 */
export function importBundle(bundle: FhirBundleInput, asOf: IsoDate): PatientEvaluation {
  return evaluatePatient(bundle, { asOf });
}

function reasonLines(title: string, counts: Readonly<Partial<Record<MappingReasonCode, number>>>): string[] {
  const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? [] : [`  ${title}:`, ...entries.map(([code, n]) => `    ${code}: ${String(n)}`)];
}

/**
 * The mapping report as text lines: counts, then reason codes with counts.
 *
 * @param summary - from {@link summariseMapping}
 * @returns the lines
 */
export function renderMapping(summary: MappingSummary): string[] {
  const c = summary.counts;
  return [
    `FHIR mapping: ${String(c.used)} used, ${String(c.ignored)} ignored, ${String(c.rejected)} rejected`,
    ...reasonLines('ignored by reason', summary.ignored),
    ...reasonLines('rejected by reason', summary.rejected),
    ...reasonLines('notes on used entries', summary.notes),
    ...(summary.issues.length === 0 ? [] : [`  Bundle issues: ${summary.issues.join(', ')}`]),
  ];
}

/**
 * The whole human output: the synthetic banner, the mapping report and the
 * evaluation explained for a clinician.
 *
 * @param evaluation - from {@link importBundle}
 * @param locale - `da` (default) or `en`
 * @returns the lines
 */
export function renderImport(evaluation: PatientEvaluation, locale: Locale = 'da'): string[] {
  const mapping = evaluation.mapping === undefined ? [] : renderMapping(summariseMapping(evaluation.mapping));
  return [SYNTHETIC_BANNER, '', ...mapping, '', ...explainPatient(evaluation, { locale })];
}

/**
 * A synthetic Bundle to import when no file is given: the first patient of
 * a generated clinic who is eligible for KOL or LRS (so the output shows a
 * level and care items).
 *
 * @param seed - the clinic's seed
 * @param asOf - the evaluation date
 * @returns the Bundle
 */
export function syntheticBundle(seed: number, asOf: IsoDate): FhirBundleInput {
  let first: FhirBundleInput | undefined;
  for (const generated of generateBundles({ seed, size: 200, asOf })) {
    const bundle: FhirBundleInput = { ...generated };
    first ??= bundle;
    const e = importBundle(bundle, asOf);
    if (e.packages.KOL?.inclusion.status === 'eligible' || e.packages.LRS?.inclusion.status === 'eligible') return bundle;
  }
  if (first === undefined) throw new Error('The generator made no Bundle');
  return first;
}
