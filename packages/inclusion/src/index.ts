/**
 * `@kronikerpakker/inclusion`: who is eligible for, excluded from, or not yet
 * decidable for the KOL and lænderygsmerter (LRS) chronic-care packages.
 *
 * The criteria are data: the versioned rule packs `kol-inclusion` and
 * `lrs-inclusion` (both **provisional**), evaluated by the core evaluator with
 * three-valued logic and full traces. The status is derived generically from
 * the rule results: an exclusion that holds gives `excluded` (an open red flag
 * first, as an urgent action); else a criterion that fails gives
 * `not-eligible`; else a rule that cannot be decided gives
 * `insufficient-data` with the data to record; else `eligible`.
 *
 * ```ts
 * import { parsePatientRecord } from '@kronikerpakker/core';
 * import { evaluateInclusion } from '@kronikerpakker/inclusion';
 *
 * const record = parsePatientRecord(input, { asOf: '2027-01-15' });
 * const result = evaluateInclusion(record, { package: 'KOL', asOf: '2027-01-15' });
 * result.status;              // 'eligible' | 'not-eligible' | 'excluded' | 'insufficient-data'
 * result.reasons[0]?.text.da; // the reason, in Danish
 * result.ruleSet;             // { id: 'kol-inclusion', version: '0.1.0', digest: '…', status: 'provisional' }
 * ```
 *
 * @packageDocumentation
 */

// Evaluation.
export { evaluateInclusion, evaluateInclusionForBoth, evaluateInclusionInContext } from './evaluate';
export { INCLUSION_STATUSES } from './types';
// The one enrolment policy: in the package, level, care scope, plan.
export { enrolmentFor, enrolmentOf, isEnrolled } from './enrolment';
export type { Enrolment, EnrolmentStanding } from './enrolment';
export type {
  InclusionContextOptions,
  InclusionCriterionResult,
  InclusionForBoth,
  InclusionForBothOptions,
  InclusionMissingData,
  InclusionOptions,
  InclusionReason,
  InclusionResult,
  InclusionRuleKind,
  InclusionStatus,
  LocalizedText,
} from './types';

// The shipped packs and the default set.
export { INCLUSION_PACK_IDS, defaultInclusionPacks, kolInclusionPack, lrsInclusionPack } from './packs';

// What an inclusion pack's events mean, and their validation.
export { InclusionEventSchema, validateInclusionPack } from './event-params';
export type {
  ConditionBinding,
  FactBinding,
  InclusionEvent,
  InclusionEventParams,
  InclusionOutcome,
  InclusionPackIssueCode,
  MessageParamBinding,
} from './event-params';
