/**
 * `@kronikerpakker/cpd`: the treatment plan (behandlingsplan) as a CPD-DK
 * 2.0.0 document: the plan model, XML out and in, validation, XDS metadata
 * and readable HTML.
 *
 * ```ts
 * import { buildTreatmentPlan, toCpdXml, validateCpd, parseCpd } from '@kronikerpakker/cpd';
 *
 * const plan = buildTreatmentPlan(record, { asOf: '2027-01-15', package: 'KOL', clinic, author, patientName });
 * const xml = toCpdXml(plan);
 * const report = await validateCpd(xml, { schemas });
 * ```
 *
 * @packageDocumentation
 */

// The plan model.
export { PersonNameSchema, TreatmentPlanSchema } from './model';
export type { PersonName, PlanGoal, PlanHealthConcern, PlanLevel, PlanOutcome, TreatmentPlan } from './model';
export { buildTreatmentPlan, contactPlanFollowUps } from './build-plan';
export type { BuildTreatmentPlanOptions, ContactPlanFollowUpsOptions, GoalInput, PersonNameInput, PlannedContact } from './build-plan';

// Codes: the fixed CPD-DK identifiers and the provisional ones.
export { CPD, DEFAULT_CPD_CODES, PROVISIONAL_CODE_SYSTEM, provisionalCodes } from './config';
export type { CpdCode, CpdCodeConfig, ProvisionalCode } from './config';

// The document.
export { toCpdXml } from './to-xml';
export type { ToCpdXmlOptions } from './to-xml';
export { parseCpd } from './parse';
export { CPD_LIMIT_NAMES, DEFAULT_CPD_LIMITS } from './limits';
export type { CpdLimitName, CpdLimits } from './limits';
export type { ParseCpdOptions, ParseCpdResult } from './parse';
export type { CpdSectionKind, CpdSectionSummary } from './inspect';
export { validateCpd, xmllintXsdValidator } from './validate';
export type { CdaSchemaSet, CpdValidationReport, ValidateCpdOptions, XsdError, XsdValidator } from './validate';
export { CPD_FINDING_CODES } from './findings';
export type { CpdFinding, CpdFindingCode, CpdSeverity } from './findings';
export { toXdsMetadata } from './xds';
export type { ToXdsMetadataOptions, XdsMetadata } from './xds';
export { renderPlanHtml } from './render-html';
export type { RenderPlanHtmlOptions } from './render-html';

// Text safety.
export { firstInvalidXmlChar, stripInvalidXmlChars } from './xml-text';
