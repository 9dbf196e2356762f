/**
 * `@kronikerpakker/core`: the clinical record model, code systems and value
 * sets, CPR numbers, calendar dates relative to an explicit `asOf`, errors
 * and Danish/English messages. Every other package of the SDK builds on it.
 *
 * ```ts
 * import { parsePatientRecord, ageInYears } from '@kronikerpakker/core';
 *
 * const record = parsePatientRecord(json, { asOf: '2027-01-15' });
 * ageInYears(record.patient.birthDate, '2027-01-15');
 * ```
 *
 * @packageDocumentation
 */

// Errors: one base class, a closed union of codes, paths and never values.
export {
  ERROR_CODES,
  InternalError,
  InvalidRecordError,
  InvalidRulePackError,
  KronikerpakkerError,
  assertNever,
  formatPath,
} from './errors/errors';
export type {
  ErrorCode,
  ErrorPath,
  KronikerpakkerErrorOptions,
  RecordIssue,
  RecordIssueCode,
  RulePackIssue,
} from './errors/errors';

// The clinical record.
export { PatientRecordSchema, RECORD_SCHEMA_VERSION } from './record/schema';
export type {
  Admission,
  BackPainEpisode,
  BodyMeasurement,
  CatScore,
  Diagnosis,
  Encounter,
  Exacerbation,
  ImagingStudy,
  InhalerCheck,
  LevelDecision,
  MrcScore,
  NeedsAssessment,
  PackageDecisionRecord,
  Patient,
  PatientRecord,
  PatientRecordInput,
  QuestionnaireResponse,
  RedFlagRecord,
  Referral,
  SharedPlan,
  SickLeave,
  SmokingRecord,
  Spirometry,
  UnknownFieldPolicy,
  Vaccination,
  WorkStatusRecord,
} from './record/schema';
export { parsePatientRecord, safeParsePatientRecord } from './record/parse';
export type { ParseRecordOptions, SafeParseRecordResult } from './record/parse';
export {
  ADMISSION_CAUSES,
  DIAGNOSIS_INPUT_SYSTEMS,
  DIAGNOSIS_STATUSES,
  DIAGNOSIS_SYSTEMS,
  ENCOUNTER_TYPES,
  EXACERBATION_SEVERITIES,
  IMAGING_MODALITIES,
  IMAGING_REGIONS,
  IMAGING_STATUSES,
  INHALER_CHECK_RESULTS,
  INSTRUMENTS,
  LEVELS,
  MOTIVATION_LEVELS,
  PACKAGE_DECISIONS,
  PACKAGES,
  RED_FLAGS,
  RED_FLAG_CATEGORIES,
  RED_FLAG_CODES,
  RED_FLAG_STATUSES,
  REFERRAL_STATUSES,
  REFERRAL_TYPES,
  SELF_MANAGEMENT_LEVELS,
  SEXES,
  SICK_LEAVE_EXTENTS,
  SMOKING_STATUSES,
  VACCINES,
  WORK_STATUSES,
} from './record/vocabulary';
export type {
  AdmissionCause,
  DiagnosisStatus,
  DiagnosisSystem,
  EncounterType,
  ExacerbationSeverity,
  ImagingModality,
  ImagingRegion,
  ImagingStatus,
  InhalerCheckResult,
  InstrumentId,
  Level,
  MotivationLevel,
  PackageDecision,
  PackageId,
  RedFlagCategory,
  RedFlagCode,
  RedFlagStatus,
  ReferralStatus,
  ReferralType,
  SelfManagementLevel,
  Sex,
  SickLeaveExtent,
  SmokingStatus,
  Vaccine,
  WorkStatus,
} from './record/vocabulary';

// CPR numbers.
export {
  CPR_FHIR_SYSTEM,
  CPR_OID,
  InvalidCprError,
  X_ECPR_FHIR_SYSTEM,
  classifyPersonIdentifier,
  formatCpr,
  isMod11Valid,
  maskCpr,
  parseCpr,
  safeParseCpr,
} from './cpr/cpr';
export type { CprProblem, CprSex, ParsedCpr, PersonIdentifierKind, SafeParseCprResult } from './cpr/cpr';
export { isSyntheticCprSafe, syntheticCpr } from './cpr/synthetic';

// Calendar dates and time.
export {
  COPENHAGEN_TIME_ZONE,
  addDaysIso,
  addMonthsIso,
  addWeeksIso,
  addYearsIso,
  ageInYears,
  assertAsOf,
  assertIsoDate,
  cdaTimestampToDate,
  compareIsoDates,
  copenhagenOffset,
  daysBetween,
  isIsoDate,
  isWithinLastDays,
  isWithinLastMonths,
  isWithinLastWeeks,
  isoDateOfInstant,
  maxIsoDate,
  minIsoDate,
  subDaysIso,
  subMonthsIso,
  subWeeksIso,
  subYearsIso,
  toCdaDate,
  toCdaTimestamp,
  wholeMonthsBetween,
  wholeWeeksBetween,
} from './time/index';
export type { IsoDate } from './time/index';

// Code systems and value sets.
export {
  ICPC2_CHAPTERS,
  VALUE_SET_IDS,
  codeSystemByOid,
  codeSystemByUri,
  codeSystems,
  getValueSet,
  icd10DisplayName,
  icd10DisplayNames,
  icd10ForIcpc2,
  icpc2DisplayName,
  icpc2DisplayNames,
  icpc2ForIcd10,
  icpc2Icd10ConceptMap,
  inValueSet,
  isIcd10Code,
  isIcpc2Code,
  matchesIcd10Pattern,
  mcsAnalysisCodes,
  mcsAnalysisCodesSource,
  mcsAnalysisNameByCode,
  normaliseIcd10,
  normaliseIcpc2,
  parseIcd10Pattern,
  safeNormaliseIcd10,
  safeNormaliseIcpc2,
  deepFreeze,
  toSksCode,
  valueSets,
  wellKnownCodes,
  wellKnownCodesSource,
} from './codes/index';
export type {
  CodeSystem,
  CodeSystemId,
  DataSource,
  Icd10DisplayName,
  Icd10Pattern,
  Icpc2DisplayName,
  Icpc2Icd10ConceptMap,
  Icpc2Icd10MapEntry,
  McsAnalysisCode,
  McsAnalysisName,
  ParsedIcd10Pattern,
  ValueSet,
  ValueSetCoding,
  ValueSetId,
  ValueSetStatus,
  ValueSetSystem,
  WellKnownCode,
  WellKnownCodeName,
} from './codes/index';

// Messages in Danish and English.
export {
  DEFAULT_LOCALE,
  LOCALES,
  defineCatalogue,
  errorMessageCode,
  formatIsoDate,
  formatMessage,
  formatMessageInAllLocales,
  formatNumber,
  formatRecordIssue,
  isLocale,
  isMessageCode,
  isRedFlagCategory,
  messageCodes,
  messages,
  recordIssueMessageCode,
  redFlagCategoryLabel,
} from './messages/index';
export type {
  Catalogue,
  ErrorMessageCode,
  Locale,
  LocalizedText,
  MessageCode,
  MessageDefinition,
  MessageParams,
  MessageRenderer,
  ParamKind,
  ParamKindTypes,
  ParamSpec,
  ParamValues,
  RecordIssueMessageCode,
} from './messages/index';

// Rule packs: format, facts, operators, the evaluator, selection by date.
export {
  FACTS,
  MISSING_DATA_CODES,
  computeFact,
  factReader,
  assertFactContext,
  createFactContext,
  extendFacts,
  factKey,
  missingDataMessageCode,
} from './rules/facts';
export type {
  FactCatalogue,
  FactCoding,
  FactContext,
  FactDefinition,
  FactType,
  FactValue,
  MissingDataCode,
} from './rules/facts';
export { OPERATORS } from './rules/operators';
export type { OperandProblem, OperatorDefinition } from './rules/operators';
export { RULE_PACK_LIMITS, RulePackDocumentSchema, canonicalJson, factCatalogueOf, loadRulePack, packDigest } from './rules/pack';
export type {
  AllCondition,
  AnyCondition,
  Condition,
  JsonValue,
  LeafCondition,
  LoadRulePackOptions,
  NotCondition,
  PackChange,
  PackSource,
  PackStatus,
  Rule,
  RulePack,
  RulePackDocument,
  RulePackIssueCode,
  RuleSetRef,
  TopLevelCondition,
} from './rules/pack';
export { compileRulePack, evaluateRulePack, missingData } from './rules/evaluate';
export type { CompiledRule, CompiledRulePack, GroupTrace, LeafTrace, PackEvaluation, RuleResult, TraceNode, Truth } from './rules/evaluate';
export { TruthVectorCache } from './rules/truth-cache';
export { createRulePackSet } from './rules/registry';
export type { RulePackSet } from './rules/registry';
export { JRE_CONTEXT_FACT, toJsonRulesEngine } from './rules/json-rules-engine';
export type { JreFact, JreOperator, JsonRulesEngineExport } from './rules/json-rules-engine';
export { patientRecordJsonSchema, rulePackJsonSchema } from './rules/json-schema';
export { RECORD_LISTS, assertOptionsObject, assertPackageId, assertParsedRecord, isParsedRecord } from './record/guards';
