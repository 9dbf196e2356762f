/**
 * `@kronikerpakker/differentiation`: the needs assessment of the KOL and
 * lænderygsmerter (LRS) chronic-care packages. It suggests a level of care
 * 1, 2 or 3 from the condition's severity (GOLD for KOL; STarT Back and
 * Oswestry for LRS), generic complexity factors and the clinician's
 * judgement, says what drove it and what data are missing, keeps the
 * clinician's decision beside it, tells when to re-assess, and gives the
 * contact plan of the level.
 *
 * The model is **provisional** and is data: the versioned rule packs
 * `kol-differentiation` and `lrs-differentiation`. An authority replaces a
 * pack with a new version and validity, without a code change.
 *
 * ```ts
 * import { parsePatientRecord } from '@kronikerpakker/core';
 * import { suggestLevel } from '@kronikerpakker/differentiation';
 *
 * const record = parsePatientRecord(input, { asOf: '2027-01-15' });
 * const s = suggestLevel(record, { package: 'KOL', asOf: '2027-01-15' });
 * s.suggestedLevel;          // 1 | 2 | 3 (the level certain from the data present)
 * s.determined;              // true when missing data cannot change it
 * s.missing[0]?.text.da;     // what to record, in Danish
 * s.drivers[0]?.text.en;     // what drove it, in English
 * s.clinicianDecision;       // the clinician's level, kept beside the suggestion
 * s.ruleSet;                 // { id: 'kol-differentiation', version: '0.1.0', digest: '…', status: 'provisional' }
 * ```
 *
 * @packageDocumentation
 */

// The needs assessment.
export { suggestLevel, suggestLevelInContext } from './suggest';
export { DRIVER_DOMAINS, DRIVER_SOURCES, PRO_TIMINGS, REASSESSMENT_REASONS, SEVERITY_CLASSES } from './types';
export type {
  ClinicianLevelDecision,
  ContactPlan,
  ContactPlanOffer,
  DriverContribution,
  DriverDomain,
  DriverSource,
  LevelDriver,
  LevelMissingData,
  LevelSuggestion,
  LocalizedText,
  ProTiming,
  Reassessment,
  ReassessmentDetail,
  ReassessmentReason,
  SeverityClass,
  SuggestLevelInContextOptions,
  SuggestLevelOptions,
} from './types';

// The shipped packs, their facts and the default set.
export {
  DIFFERENTIATION_PACK_IDS,
  createDifferentiationPackSet,
  defaultDifferentiationPacks,
  differentiationFacts,
  kolDifferentiationPack,
  lrsDifferentiationPack,
} from './packs';

// What a differentiation pack's events and parameters mean, and their validation.
export {
  DIFFERENTIATION_PACK_ISSUE_CODES,
  DifferentiationEventSchema,
  DifferentiationParametersSchema,
  validateDifferentiationPack,
} from './parameters';
export type {
  ClinicianEvent,
  ComplexityEvent,
  DifferentiationEvent,
  DifferentiationPackIssueCode,
  DifferentiationParameters,
  LevelPlanParameters,
  OfferParameters,
  SeverityEvent,
} from './parameters';
