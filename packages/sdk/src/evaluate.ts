/**
 * `evaluatePatient`: inclusion, level, business rules and (when asked) the
 * treatment plan with its CPD-DK document, for one patient and both
 * packages, over one fact context, in one result.
 *
 * @module
 */
import {
  KronikerpakkerError,
  PACKAGES,
  assertAsOf,
  assertOptionsObject,
  assertPackageId,
  assertParsedRecord,
  createFactContext,
  isParsedRecord,
  safeParsePatientRecord,
} from '@kronikerpakker/core';
import type {
  ErrorPath,
  FactContext,
  IsoDate,
  PackageId,
  PatientRecord,
  PatientRecordInput,
  RecordIssue,
  UnknownFieldPolicy,
} from '@kronikerpakker/core';
import { enrolmentFor, evaluateInclusionInContext, isEnrolled } from '@kronikerpakker/inclusion';
import type { Enrolment, InclusionResult } from '@kronikerpakker/inclusion';
import { suggestLevelInContext } from '@kronikerpakker/differentiation';
import type { LevelSuggestion } from '@kronikerpakker/differentiation';
import { evaluateCareInContext } from '@kronikerpakker/business-rules';
import type { CareEvaluation } from '@kronikerpakker/business-rules';
import { DEFAULT_CPD_CODES, buildTreatmentPlan, toCpdXml } from '@kronikerpakker/cpd';
import type { BuildTreatmentPlanOptions, CpdCodeConfig, TreatmentPlan } from '@kronikerpakker/cpd';
import { mapFhirBundle } from './fhir-input';
import type { FhirBundleInput, FhirMappingReport } from './fhir-input';
import { RULE_PACK_KINDS } from './packs';
import type { RulePacks } from './packs';

/**
 * What to build besides the evaluation: the treatment plan of each package
 * (and its CPD-DK XML). These are the options of `buildTreatmentPlan` from
 * `@kronikerpakker/cpd` that the facade does not fill in itself (it passes
 * `asOf`, the package, the inclusion result and the level).
 *
 * @example
 * ```ts
 * const plan: PlanRequest = {
 *   clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
 *   author: { sorId: '123456789012346', name: { given: ['Syntetisk'], family: 'Læge' } },
 *   patientName: { given: ['Syntetisk'], family: 'Patient' },
 *   cpd: true,
 * };
 * ```
 */
export interface PlanRequest
  extends Omit<BuildTreatmentPlanOptions, 'asOf' | 'package' | 'inclusion' | 'level' | 'allowNotIncluded' | 'plannedFollowUps'> {
  /**
   * Planned follow-ups (date and text); default: the next årsstatus and the
   * level's planned follow-ups from its contact plan (`contactPlanFollowUps`
   * of `@kronikerpakker/cpd`).
   */
  readonly plannedFollowUps?: NonNullable<BuildTreatmentPlanOptions['plannedFollowUps']>;
  /** Also write the plan as CPD-DK XML (`toCpdXml`); deterministic given `idGenerator` and `clock`. */
  readonly cpd?: boolean;
  /** The provisional CPD codes for `toCpdXml`; defaults to `DEFAULT_CPD_CODES`. */
  readonly codes?: CpdCodeConfig;
}

/**
 * Options of {@link evaluatePatient}.
 *
 * @example
 * ```ts
 * const options: EvaluatePatientOptions = { asOf: '2027-01-15', packages: ['KOL'] };
 * ```
 */
export interface EvaluatePatientOptions {
  /** The evaluation date, `YYYY-MM-DD` (Europe/Copenhagen). Required: there is no hidden clock. */
  readonly asOf: IsoDate;
  /** The packages to evaluate; default both (`['KOL', 'LRS']`). */
  readonly packages?: readonly PackageId[];
  /** Replacement rule packs (see `loadRulePacks`); a kind left out uses the shipped packs. */
  readonly packs?: RulePacks;
  /** Build the treatment plan (and CPD XML) for each package where the patient is included; default `false`. */
  readonly plan?: false | PlanRequest;
  /** Unknown fields in a record input: `reject` (default) or `strip` (see `parsePatientRecord`). */
  readonly unknownFields?: UnknownFieldPolicy;
}

/**
 * Whether a package's treatment plan was built:
 * `not-requested` (no `plan` option), `built`, `not-included` (the
 * enrolment policy gives no plan: excluded, or neither enrolled nor eligible;
 * see `Enrolment.planApplies`), `no-cpr` (a CPD document needs the patient's
 * CPR; the record has none).
 */
export type PlanStatus = 'not-requested' | 'built' | 'not-included' | 'no-cpr';

/**
 * The evaluation of one package for one patient.
 *
 * @example
 * ```ts
 * const kol = evaluation.packages.KOL;
 * kol?.inclusion.status; // 'eligible'
 * kol?.level?.suggestedLevel; // 2
 * kol?.care.items[0]?.text.da;
 * ```
 */
export interface PackageEvaluation {
  /** `KOL` or `LRS`. */
  readonly package: PackageId;
  /** Inclusion: status, reasons, missing data, criteria with traces, the pack version. */
  readonly inclusion: InclusionResult;
  /** Whether the latest recorded package decision for this package is `included`. */
  readonly enrolled: boolean;
  /**
   * The enrolment policy's answer (`enrolmentOf` of `@kronikerpakker/inclusion`):
   * whether the patient is in the package, whether a level applies and which
   * care items are in scope. The cockpit and the plan use the same answer.
   */
  readonly enrolment: Enrolment;
  /**
   * The level suggestion, when the enrolment policy says a level applies
   * (in the package, or eligible as a candidate); `null` otherwise.
   */
  readonly level: LevelSuggestion | null;
  /** Business rules: due, overdue, missing, suggestions, alerts, data quality (ordered). */
  readonly care: CareEvaluation;
  /** Whether the plan was built, and if not, why. */
  readonly planStatus: PlanStatus;
  /** The treatment plan, when built. */
  readonly plan?: TreatmentPlan;
  /** The plan as CPD-DK XML, when built and `plan.cpd` is true. */
  readonly cpd?: string;
}

/**
 * The one result of {@link evaluatePatient}. JSON-serialisable
 * (`JSON.stringify` keeps every field). Never holds an error: an invalid
 * record gives `valid: false` with its coded issues (path and code, no
 * values) and no package results.
 *
 * @example
 * ```ts
 * const e = evaluatePatient(input, { asOf: '2027-01-15' });
 * if (!e.valid) e.issues; // [{ path: ['spirometry', 0, 'fev1L'], code: 'inconsistent' }]
 * ```
 */
export interface PatientEvaluation {
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /** The record's `id` (your id or pseudonym) when the record is valid; else `null`. */
  readonly recordId: string | null;
  /** Whether the record (or the record mapped from the FHIR Bundle) is valid. */
  readonly valid: boolean;
  /** Validation issues (empty when valid): path and code, never a value. */
  readonly issues: readonly RecordIssue[];
  /** For a FHIR Bundle input: what was used, ignored or rejected from each entry. */
  readonly mapping?: FhirMappingReport;
  /** One evaluation per requested package (none when the record is invalid). */
  readonly packages: { readonly KOL?: PackageEvaluation; readonly LRS?: PackageEvaluation };
}

/** The input of {@link evaluatePatient}: a record input, a parsed record, or a FHIR R4 Bundle. */
export type PatientInput = PatientRecordInput | PatientRecord | FhirBundleInput;

function isBundle(input: unknown): input is FhirBundleInput {
  return typeof input === 'object' && input !== null && (input as { resourceType?: unknown }).resourceType === 'Bundle';
}

/** The options of {@link evaluatePatient}, read once and checked before the input is touched. */
interface CheckedOptions {
  readonly asOf: IsoDate;
  readonly packages: readonly PackageId[];
  readonly packs: RulePacks | undefined;
  readonly plan: PlanRequest | undefined;
  readonly unknownFields: UnknownFieldPolicy | undefined;
}

function invalidOption(message: string, path: ErrorPath): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', message, { path });
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of an array, read by index (an overwritten `constructor` or iterator is never called). */
function copyArray(value: unknown, message: string, path: ErrorPath): unknown[] {
  if (!Array.isArray(value)) throw invalidOption(message, path);
  const list = value as readonly unknown[];
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

function checkPackSet(value: unknown, kind: string): void {
  if (value === undefined) return;
  if (!isObject(value) || typeof value['select'] !== 'function' || !Array.isArray(value['packs'])) {
    throw invalidOption('Expected a RulePackSet (from loadRulePacks)', ['options', 'packs', kind]);
  }
}

/** The type of a field of the plan options: `?` marks an optional one. */
type FieldType = 'string' | 'string?' | 'number' | 'number?' | 'strings';

/**
 * Checks the fields of an object of the plan options against their types:
 * the plan builder and its schema read them, and a value of another type
 * (an object whose `length` cannot be compared, say) must not reach them.
 */
function checkFields(value: unknown, fields: Readonly<Record<string, FieldType>>, path: ErrorPath): Readonly<Record<string, unknown>> {
  if (!isObject(value)) throw invalidOption('Expected an object', path);
  for (const [key, type] of Object.entries(fields)) {
    const v = value[key];
    const at = [...path, key];
    if (type === 'strings') {
      copyArray(v, 'Expected a list of strings', at).forEach((x, i) => {
        if (typeof x !== 'string') throw invalidOption('Expected a string', [...at, i]);
      });
    } else if (!(type.endsWith('?') && v === undefined) && typeof v !== type.replace('?', '')) {
      throw invalidOption(`Expected a ${type.replace('?', '')}`, at);
    }
  }
  return value;
}

const NAME: Readonly<Record<string, FieldType>> = { prefix: 'string?', given: 'strings', family: 'string' };
const ORGANISATION: Readonly<Record<string, FieldType>> = { sorId: 'string', name: 'string' };
const DATED_TEXT: Readonly<Record<string, FieldType>> = { date: 'string', text: 'string' };

function checkList(value: unknown, fields: Readonly<Record<string, FieldType>>, path: ErrorPath): void {
  if (value === undefined) return;
  copyArray(value, 'Expected a list', path).forEach((item, i) => {
    checkFields(item, fields, [...path, i]);
  });
}

/** The provisional CPD codes: the shape of {@link DEFAULT_CPD_CODES}, checked without recursion into the input. */
function checkCodes(value: unknown, like: unknown, path: ErrorPath): void {
  if (typeof like !== 'object' || like === null) {
    if (typeof value !== typeof like) throw invalidOption('Expected CPD codes of the shape of DEFAULT_CPD_CODES', path);
    return;
  }
  if (!isObject(value)) throw invalidOption('Expected CPD codes of the shape of DEFAULT_CPD_CODES', path);
  // The defaults are at most four levels deep: the walk follows them, not the input.
  for (const key of Object.keys(like)) checkCodes(value[key], (like as Record<string, unknown>)[key], [...path, key]);
}

/**
 * The plan request, checked field by field as `buildTreatmentPlan` and
 * `toCpdXml` read it (types of lists, strings, names and callbacks); the
 * content of the plan (formats, lengths) is then validated by the plan schema.
 */
function checkPlan(plan: unknown): PlanRequest | undefined {
  if (plan === undefined || plan === false) return undefined;
  const at = (...keys: (string | number)[]): ErrorPath => ['options', 'plan', ...keys];
  if (!isObject(plan)) throw invalidOption('Expected plan options or false', at());
  for (const key of ['clinic', 'author', 'patientName'] as const) {
    if (!isObject(plan[key])) throw invalidOption(`Expected plan.${key}`, at(key));
  }
  checkFields(plan['clinic'], ORGANISATION, at('clinic'));
  checkFields(plan['author'], { sorId: 'string' }, at('author'));
  checkFields((plan['author'] as Record<string, unknown>)['name'], NAME, at('author', 'name'));
  checkFields(plan['patientName'], NAME, at('patientName'));
  if (plan['custodian'] !== undefined) checkFields(plan['custodian'], ORGANISATION, at('custodian'));
  if (plan['patientAddress'] !== undefined) checkFields(plan['patientAddress'], { streetLines: 'strings', postalCode: 'string', city: 'string' }, at('patientAddress'));
  if (plan['replaces'] !== undefined) checkFields(plan['replaces'], { setId: 'string', number: 'number', documentId: 'string' }, at('replaces'));
  if (plan['validUntil'] !== undefined && typeof plan['validUntil'] !== 'string') throw invalidOption('Expected plan.validUntil to be a date', at('validUntil'));
  const goals = plan['goals'];
  if (goals !== undefined) {
    copyArray(goals, 'Expected plan.goals to be a list', at('goals')).forEach((goal, i) => {
      if (!isObject(goal)) throw invalidOption('Expected a goal', at('goals', i));
      if (goal['kind'] === 'measurable') {
        checkFields(goal, { direction: 'string', value: 'number', unit: 'string', text: 'string?' }, at('goals', i));
        checkFields(goal['code'], { system: 'string', code: 'string', displayName: 'string' }, at('goals', i, 'code'));
      } else if (goal['kind'] === 'text' || goal['kind'] === 'patient') {
        checkFields(goal, { text: 'string' }, at('goals', i));
      } else {
        throw invalidOption('Expected goal kind measurable, text or patient', at('goals', i, 'kind'));
      }
    });
  }
  checkList(plan['plannedFollowUps'], DATED_TEXT, at('plannedFollowUps'));
  checkList(plan['completedServices'], DATED_TEXT, at('completedServices'));
  for (const key of ['idGenerator', 'clock'] as const) {
    if (plan[key] !== undefined && typeof plan[key] !== 'function') throw invalidOption(`Expected plan.${key} to be a function`, at(key));
  }
  if (plan['cpd'] !== undefined && typeof plan['cpd'] !== 'boolean') throw invalidOption('Expected plan.cpd to be a boolean', at('cpd'));
  if (plan['codes'] !== undefined) checkCodes(plan['codes'], DEFAULT_CPD_CODES, at('codes'));
  return plan as unknown as PlanRequest;
}

function checkOptions(options: EvaluatePatientOptions): CheckedOptions {
  assertOptionsObject(options);
  // Each option is read once: what is checked is what is used.
  const { asOf, packages: packagesOption, packs, plan, unknownFields } = options as { readonly [K in keyof EvaluatePatientOptions]?: unknown };
  assertAsOf(asOf);
  const packages = packagesOption === undefined ? [...PACKAGES] : copyArray(packagesOption, 'Expected a non-empty list of packages (KOL, LRS)', ['options', 'packages']);
  if (packages.length === 0) {
    throw invalidOption('Expected a non-empty list of packages (KOL, LRS)', ['options', 'packages']);
  }
  packages.forEach((p, i) => {
    assertPackageId(p, ['options', 'packages', i]);
  });
  if (packs !== undefined) {
    if (!isObject(packs)) throw invalidOption('Expected packs to be an object (from loadRulePacks)', ['options', 'packs']);
    for (const kind of RULE_PACK_KINDS) checkPackSet(packs[kind], kind);
  }
  const checkedPlan = checkPlan(plan);
  if (unknownFields !== undefined && unknownFields !== 'reject' && unknownFields !== 'strip') {
    throw invalidOption('Expected unknownFields reject or strip', ['options', 'unknownFields']);
  }
  return {
    asOf,
    packages: [...new Set(packages as PackageId[])],
    packs,
    plan: checkedPlan,
    unknownFields,
  };
}

/** Parses a record input; a record already parsed (every list present) is used as it is. */
function toRecord(
  input: unknown,
  asOf: IsoDate,
  unknownFields: UnknownFieldPolicy | undefined,
): { readonly record: PatientRecord } | { readonly issues: readonly RecordIssue[] } {
  // A record from parsePatientRecord is used as it is, without validating it again.
  if (isParsedRecord(input)) return { record: input };
  const parsed = safeParsePatientRecord(input, unknownFields === undefined ? { asOf } : { asOf, unknownFields });
  if (parsed.success) return { record: parsed.record };
  // A record from parsePatientRecord carries derived fields (ratioSource, bmiSource) the input schema rejects.
  if (parsed.error.issues.every((i) => i.code === 'unknown-field')) {
    try {
      assertParsedRecord(input);
      return { record: input };
    } catch {
      // not a parsed record: its issues stand
    }
  }
  return { issues: parsed.error.issues };
}

/** Evaluates one package over the shared context. */
function evaluatePackage(
  ctx: FactContext,
  record: PatientRecord,
  pkg: PackageId,
  options: CheckedOptions,
): PackageEvaluation {
  const packs = options.packs;
  const inclusion = evaluateInclusionInContext(ctx, { package: pkg, packs: packs?.inclusion });
  const enrolled = isEnrolled(record, pkg, ctx.asOf);
  const enrolment = enrolmentFor(pkg, inclusion.status, enrolled);
  const level = enrolment.levelApplies
    ? suggestLevelInContext(ctx, packs?.differentiation === undefined ? { package: pkg } : { package: pkg, packs: packs.differentiation })
    : null;
  const care = evaluateCareInContext(ctx, {
    package: pkg,
    packs: packs?.care,
    levelPacks: packs?.differentiation,
    level: level ?? undefined,
    inclusion,
  });
  const request = options.plan;
  if (request === undefined) {
    return { package: pkg, inclusion, enrolled, enrolment, level, care, planStatus: 'not-requested' };
  }
  if (!enrolment.planApplies) return { package: pkg, inclusion, enrolled, enrolment, level, care, planStatus: 'not-included' };
  if (record.patient.cpr === undefined) return { package: pkg, inclusion, enrolled, enrolment, level, care, planStatus: 'no-cpr' };
  const { cpd: wantsCpd, codes, ...planOptions } = request;
  const plan = buildTreatmentPlan(record, {
    ...planOptions,
    asOf: ctx.asOf,
    package: pkg,
    inclusion,
    level,
  });
  if (wantsCpd !== true) return { package: pkg, inclusion, enrolled, enrolment, level, care, planStatus: 'built', plan };
  const cpd = toCpdXml(plan, codes === undefined ? {} : { codes });
  return { package: pkg, inclusion, enrolled, enrolment, level, care, planStatus: 'built', plan, cpd };
}

/**
 * Evaluates one patient: validates the record (or maps a FHIR R4 Bundle to
 * one), then for each package decides inclusion, suggests the level (for an
 * eligible or enrolled patient), lists what is due, overdue, missing or
 * worth suggesting, and, when asked, builds the treatment plan and its
 * CPD-DK document. All packages are evaluated over one fact context, so
 * each fact is computed once.
 *
 * A record that fails validation is a result (`valid: false` with its coded
 * issues), not an exception.
 *
 * @param input - a record input (JSON from your LPS), a record from `parsePatientRecord`, or a FHIR R4 Bundle (`resourceType: 'Bundle'`)
 * @param options - `asOf` (required), packages, replacement packs, plan
 * @returns the evaluation
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for bad options (no options object, a malformed `asOf`, an
 *   unknown package, `packs` that are not rule-pack sets, plan options of the wrong shape or that give an invalid
 *   plan), all checked before the input is touched; `InvalidRulePackError` when no pack version is valid on `asOf`.
 *   Whatever the input, nothing else is thrown, and no error holds a value from the input (an error thrown
 *   by your own callback, `plan.idGenerator` or `plan.clock`, passes through unchanged)
 * @example
 * ```ts
 * const e = evaluatePatient(input, { asOf: '2027-01-15' });
 * e.packages.KOL?.inclusion.status;        // 'eligible'
 * e.packages.KOL?.level?.suggestedLevel;   // 2
 * e.packages.KOL?.care.items.map((i) => i.code);
 * explainPatient(e, { locale: 'da' });     // lines a clinician reads
 * ```
 */
export function evaluatePatient(input: PatientInput, options: EvaluatePatientOptions): PatientEvaluation {
  const checked = checkOptions(options);
  const { asOf, packages } = checked;
  let mapping: FhirMappingReport | undefined;
  let record: PatientRecord;
  if (isBundle(input)) {
    const mapped = mapFhirBundle(input, asOf);
    mapping = mapped.report;
    if (!mapped.success) return { asOf, recordId: null, valid: false, issues: mapped.issues, mapping, packages: {} };
    record = mapped.record;
  } else {
    const parsed = toRecord(input, asOf, checked.unknownFields);
    if (!('record' in parsed)) return { asOf, recordId: null, valid: false, issues: parsed.issues, packages: {} };
    record = parsed.record;
  }
  const ctx = createFactContext(record, asOf);
  const results: { KOL?: PackageEvaluation; LRS?: PackageEvaluation } = {};
  for (const pkg of PACKAGES) {
    if (packages.includes(pkg)) results[pkg] = evaluatePackage(ctx, record, pkg, checked);
  }
  return mapping === undefined
    ? { asOf, recordId: record.id, valid: true, issues: [], packages: results }
    : { asOf, recordId: record.id, valid: true, issues: [], mapping, packages: results };
}
