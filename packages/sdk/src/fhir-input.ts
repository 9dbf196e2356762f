/**
 * FHIR R4 Bundle input for the facade, through `fromFhirBundle` of
 * `@kronikerpakker/fhir`.
 *
 * @module
 */
import type { IsoDate, PatientRecord, RecordIssue } from '@kronikerpakker/core';
import { fromFhirBundle } from '@kronikerpakker/fhir';
import type { MappingReport } from '@kronikerpakker/fhir';

/**
 * A FHIR R4 Bundle of one patient's data, recognised by
 * `resourceType: 'Bundle'` (a `fhir4.Bundle` from `@types/fhir` fits).
 *
 * @example
 * ```ts
 * const bundle: FhirBundleInput = { resourceType: 'Bundle', type: 'collection', entry: [...] };
 * ```
 */
export interface FhirBundleInput {
  /** Always `Bundle`. */
  readonly resourceType: 'Bundle';
  /** Logical id. */
  readonly id?: unknown;
  /** Metadata. */
  readonly meta?: unknown;
  /** Rules the content was created under. */
  readonly implicitRules?: unknown;
  /** Language of the content. */
  readonly language?: unknown;
  /** Persistent identifier. */
  readonly identifier?: unknown;
  /** `collection`, `transaction`, `searchset`, ... */
  readonly type?: unknown;
  /** When the Bundle was assembled. */
  readonly timestamp?: unknown;
  /** Total matches (searchset). */
  readonly total?: unknown;
  /** Links. */
  readonly link?: unknown;
  /** The entries: the Patient and the patient's resources. */
  readonly entry?: unknown;
  /** Digital signature. */
  readonly signature?: unknown;
}

/**
 * What the FHIR mapping did with each entry of the Bundle (used, ignored or
 * rejected, with a reason code and the record list it went to): the
 * `MappingReport` of `@kronikerpakker/fhir`.
 */
export type FhirMappingReport = MappingReport;

/** The outcome of mapping a Bundle: the validated record, or the issues (path and code). */
export type MappedBundle =
  | { readonly success: true; readonly record: PatientRecord; readonly report: FhirMappingReport }
  | { readonly success: false; readonly issues: readonly RecordIssue[]; readonly report: FhirMappingReport };

/**
 * Maps a Bundle to a validated record. A Bundle that cannot give a record
 * (no usable Patient, a malformed `entry`) is reported as issues, like an
 * invalid record.
 *
 * @param bundle - the Bundle
 * @param asOf - the evaluation date
 * @returns the record or the issues, with the mapping report
 */
export function mapFhirBundle(bundle: FhirBundleInput, asOf: IsoDate): MappedBundle {
  const result = fromFhirBundle(bundle, { asOf });
  if (result.success) return { success: true, record: result.record, report: result.report };
  const error = result.error;
  if (error.code === 'INVALID_RECORD' && 'issues' in error) return { success: false, issues: error.issues, report: result.report };
  const issue: RecordIssue = result.report.issues.includes('no-patient')
    ? { path: ['patient'], code: 'required' }
    : { path: error.path, code: 'invalid-type' };
  return { success: false, issues: [issue], report: result.report };
}
