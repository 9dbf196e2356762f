/**
 * `@kronikerpakker/fhir`: FHIR R4 in. Maps a Bundle of one patient's data
 * (DK core Patient with CPR, Conditions in ICPC-2 / ICD-10 / SKS,
 * Observations coded in MedCom MCS, NPU, LOINC or SNOMED CT,
 * QuestionnaireResponses, Encounters, ServiceRequests, Immunizations, Flags)
 * to a validated `PatientRecord`, with a mapping report that is safe to log.
 * The code maps are data: {@link DEFAULT_FHIR_CODE_MAPS}, overridable per call.
 *
 * ```ts
 * import { fromFhirBundle } from '@kronikerpakker/fhir';
 *
 * const result = fromFhirBundle(bundle, { asOf: '2027-01-15' });
 * if (result.success) use(result.record);
 * log(result.report); // outcomes and reason codes only
 * ```
 *
 * @packageDocumentation
 */

export { DEFAULT_FHIR_CODE_MAPS, FHIR_URN_PREFIX, mergeFhirCodeMaps } from './code-maps';
export type {
  FhirCodeEntry,
  FhirCodeMapOverrides,
  FhirDiagnosisSystem,
  FhirCodeMaps,
  FhirExtensionUrls,
  FhirObservationCodes,
  FhirStatusEntry,
  FhirValueEntry,
  FhirVaccineEntry,
} from './code-maps';
export { RECORD_CONVENTION_LISTS, fromFhirBundle, fromFhirBundleOrThrow } from './from-bundle';
export type {
  FhirMappingFailure,
  FhirMappingOutput,
  FhirMappingResult,
  FhirMappingSuccess,
  FromFhirBundleOptions,
  RecordConventionList,
  RecordFieldSpec,
  RecordListSpec,
} from './from-bundle';
export type { MappingCounts, MappingOutcome, MappingReasonCode, MappingReport, MappingReportEntry, MappingTarget } from './report';
