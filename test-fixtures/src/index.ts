/**
 * `@kronikerpakker/test-fixtures`: seeded synthetic patients and clinics for
 * tests, the demo and benchmarks.
 *
 * SYNTHETIC DATA ONLY: never real patients. Every record has
 * `synthetic: true`, an id `syn-<seed>-<n>`, no names, and a CPR number (when
 * present) made only by `syntheticCpr` from `@kronikerpakker/core`.
 *
 * @packageDocumentation
 */

export { createRng, fmix32, mixSeed, Rng, WeightedTable } from './rng';
export type { WeightedEntries } from './rng';
export {
  EDGE_CASE_KINDS,
  EDGE_CASE_RANDOM_SHARE,
  EDGE_CASES_GUARANTEED_FROM,
  edgeCaseOf,
  edgeCaseSuffix,
} from './edge-cases';
export type { EdgeCaseKind } from './edge-cases';
export {
  SYNTHETIC_LEVEL_REASON,
  generateClinic,
  generateClinicNdjson,
  generatePatient,
  generateRecords,
} from './generate';
export type { ClinicOptions, PatientOptions } from './generate';
export { CLI_DEFAULTS, parseCliArgs } from './cli-args';
export type { CliOptions } from './cli-args';
export { disagreements } from './reference-check';
export { generateBundles, toFhirBundle } from './fhir-bundle';
export type { SyntheticFhirBundle, SyntheticFhirBundleEntry, SyntheticFhirResource, ToFhirBundleOptions } from './fhir-bundle';
