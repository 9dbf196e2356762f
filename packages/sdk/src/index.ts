/**
 * `@kronikerpakker/sdk`: one entry point over the kronikerpakker SDK for the
 * KOL and lænderygsmerter (LRS) chronic-care packages, and the
 * `kronikerpakker` command line.
 *
 * - {@link evaluatePatient}: inclusion, level, business rules and (when asked)
 *   the treatment plan and its CPD-DK document for one patient, in one call
 *   and one result; input a record, a parsed record or a FHIR R4 Bundle.
 * - {@link explainPatient}: that result as text a clinician reads.
 * - {@link evaluatePopulation}: the clinic's cockpit over a stream of records.
 * - {@link loadRulePacks}: newer rule-pack versions beside the shipped ones, no code change.
 *
 * ```ts
 * import { evaluatePatient, explainPatient } from '@kronikerpakker/sdk';
 *
 * const evaluation = evaluatePatient(input, { asOf: '2027-01-15' });
 * evaluation.packages.KOL?.inclusion.status; // 'eligible'
 * explainPatient(evaluation, { locale: 'da' }).join('\n');
 * ```
 *
 * @packageDocumentation
 */

export { evaluatePatient } from './evaluate';
export type {
  EvaluatePatientOptions,
  PackageEvaluation,
  PatientEvaluation,
  PatientInput,
  PlanRequest,
  PlanStatus,
} from './evaluate';
export { evaluatePopulation } from './population';
export type { EvaluatePopulationOptions } from './population';
export { explainPatient } from './explain';
export type { ExplainOptions } from './explain';
export type { FhirBundleInput, FhirMappingReport } from './fhir-input';
export {
  RULE_PACK_KINDS,
  loadRulePacks,
  rulePackKindOf,
  shippedRulePack,
  shippedRulePacks,
  verifyRulePack,
} from './packs';
export type { LoadRulePacksOptions, RulePackInfo, RulePackKind, RulePacks } from './packs';
