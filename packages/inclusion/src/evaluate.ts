/**
 * Inclusion for one patient: evaluate the package's inclusion pack with the
 * core evaluator (three-valued, traced) and derive the status from the rule
 * results and their event params, generically: the code knows no criterion,
 * threshold or code list; the pack does.
 *
 * @module
 */
import {
  InvalidRulePackError,
  assertAsOf,
  assertOptionsObject,
  assertPackageId,
  assertParsedRecord,
  computeFact,
  createFactContext,
  evaluateRulePack,
  formatMessageInAllLocales,
  missingDataMessageCode,
  TruthVectorCache,
} from '@kronikerpakker/core';
import type {
  FactContext,
  IsoDate,
  MessageCode,
  MissingDataCode,
  PackageId,
  PackEvaluation,
  PatientRecord,
  RulePack,
  RulePackSet,
  RuleResult,
  RuleSetRef,
  TraceNode,
  Truth,
} from '@kronikerpakker/core';
import { fitsKind, inclusionPlan } from './event-params';
import type { InclusionPlan, PlannedOutcome, PlannedRule } from './event-params';
import { INCLUSION_PACK_IDS, defaultInclusionPacks } from './packs';
import type {
  InclusionContextOptions,
  InclusionCriterionResult,
  InclusionForBoth,
  InclusionForBothOptions,
  InclusionMissingData,
  InclusionOptions,
  InclusionReason,
  InclusionResult,
  InclusionStatus,
  LocalizedText,
} from './types';





/**
 * One criterion's outcome. The trace is the rule result's, built when read
 * (a class with a prototype getter keeps one hidden class; `toJSON` includes
 * the trace).
 */
/** Where a criterion's trace comes from (a symbol key: not enumerable in JSON, not a private-field brand check). */
const SOURCE = Symbol('source');

class CriterionResult implements InclusionCriterionResult {
  readonly id: string;
  readonly rule: string;
  readonly kind: PlannedRule['kind'];
  readonly result: Truth;
  readonly missing: readonly MissingDataCode[];
  readonly [SOURCE]: RuleResult;

  constructor(rule: PlannedRule, result: RuleResult) {
    this.id = rule.criterion;
    this.rule = rule.name;
    this.kind = rule.kind;
    this.result = result.result;
    this.missing = result.missing;
    this[SOURCE] = result;
  }

  get trace(): TraceNode {
    return this[SOURCE].trace;
  }

  toJSON(): Omit<InclusionCriterionResult, 'trace'> & { trace: TraceNode } {
    return { id: this.id, rule: this.rule, kind: this.kind, result: this.result, missing: this.missing, trace: this.trace };
  }
}

/**
 * Which of a rule's results gives the reasons for a status: the exclusions
 * that hold for `excluded`, the criteria that fail for `not-eligible`, the
 * undecided rules for `insufficient-data`, every rule for `eligible`.
 * `undefined` when the rule does not contribute.
 */
function contributes(status: InclusionStatus, kind: PlannedRule['kind'], result: Truth): Truth | undefined {
  switch (status) {
    case 'excluded':
      return kind === 'exclusion' && result === 'true' ? 'true' : undefined;
    case 'not-eligible':
      return kind === 'criterion' && result === 'false' ? 'false' : undefined;
    case 'insufficient-data':
      return result === 'unknown' ? 'unknown' : undefined;
    case 'eligible':
      return kind === 'criterion' ? 'true' : 'false';
  }
}

/** The result of the condition named `name` in a rule's trace. */
function resultOf(node: TraceNode, name: string): Truth | undefined {
  if (node.name === name) return node.result;
  if (node.kind === 'fact') return undefined;
  for (const child of node.children) {
    const r = resultOf(child, name);
    if (r !== undefined) return r;
  }
  return undefined;
}

function resolveParams(outcome: PlannedOutcome, ctx: FactContext, packId: string, rule: string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const b of outcome.bindings) {
    if (b.kind === 'literal') {
      params[b.name] = b.value;
      continue;
    }
    const value = computeFact(ctx, b.fact, b.params);
    if (!fitsKind(b.paramKind, value)) {
      // A fault of the pack (a fact bound where the rule's result does not decide it), never of the record.
      throw new InvalidRulePackError(
        `Inclusion pack "${packId}" rule "${rule}": message parameter "${b.name}" has no usable value for this patient (bind it under a \`when\` that decides its fact)`,
        [{ packId, rule, path: b.path, code: 'unresolved-message-param' }],
        { path: b.path },
      );
    }
    params[b.name] = value;
  }
  return params;
}

function freeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) Object.freeze(child);
  return Object.freeze(value);
}

function buildReason(
  rule: PlannedRule,
  outcome: PlannedOutcome,
  params: Readonly<Record<string, string | number>>,
): InclusionReason {
  return new Reason(rule, outcome, params);
}

/** Where a reason keeps its rendered text. */
const TEXT = Symbol('text');

/**
 * A reason, with one fixed shape (absent flags are `undefined`, which JSON
 * leaves out). Its text is rendered in both languages when first read: most
 * callers of a population use the status and codes only.
 */
class Reason implements InclusionReason {
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly source: string;
  readonly criterion: string;
  readonly rule: string;
  readonly kind: InclusionReason['kind'];
  readonly urgent: true | undefined;
  readonly dataQuality: true | undefined;
  readonly provisional: true | undefined;
  [TEXT]: LocalizedText | undefined;

  constructor(rule: PlannedRule, outcome: PlannedOutcome, params: Readonly<Record<string, string | number>>) {
    this.code = outcome.message;
    this.params = params;
    this.source = rule.source;
    this.criterion = rule.criterion;
    this.rule = rule.name;
    this.kind = rule.kind;
    this.urgent = outcome.urgent ? true : undefined;
    this.dataQuality = outcome.dataQuality ? true : undefined;
    this.provisional = rule.provisional ? true : undefined;
    this[TEXT] = undefined;
  }

  get text(): LocalizedText {
    this[TEXT] ??= formatMessageInAllLocales(this.code, this.params);
    return this[TEXT];
  }

  toJSON(): InclusionReason {
    return {
      code: this.code,
      params: this.params,
      text: this.text,
      source: this.source,
      criterion: this.criterion,
      rule: this.rule,
      kind: this.kind,
      urgent: this.urgent,
      dataQuality: this.dataQuality,
      provisional: this.provisional,
    };
  }
}


/** Reasons that are the same for every patient, rendered once per loaded pack and shared (frozen). */
const fixedReasons = new WeakMap<PlannedOutcome, InclusionReason>();

function reasonOf(rule: PlannedRule, outcome: PlannedOutcome, ctx: FactContext, packId: string): InclusionReason {
  if (!outcome.fixed) return buildReason(rule, outcome, resolveParams(outcome, ctx, packId, rule.name));
  let reason = fixedReasons.get(outcome);
  if (reason === undefined) {
    const built = new Reason(rule, outcome, resolveParams(outcome, ctx, packId, rule.name));
    // Rendered once, before freezing: a shared reason cannot fill in its text later.
    built[TEXT] = formatMessageInAllLocales(built.code, built.params);
    reason = freeze(built);
    fixedReasons.set(outcome, reason);
  }
  return reason;
}

/** {@link reasonsOf}'s report: an urgent reason was added. */
const URGENT = 1;
/** {@link reasonsOf}'s report: a reason depends on more than the rule's truth (a fact value, or a guard). */
const PATIENT_SPECIFIC = 2;

/**
 * Adds the reasons a rule gives for one of its results (see `InclusionOutcome` for `when`).
 *
 * @returns {@link URGENT} and {@link PATIENT_SPECIFIC}, or-ed
 */
function reasonsOf(
  rule: PlannedRule,
  evaluation: PackEvaluation,
  index: number,
  truth: Truth,
  ctx: FactContext,
  packId: string,
  into: InclusionReason[],
): number {
  const alternatives = rule.outcomes[truth];
  if (alternatives.length === 0) return 0;
  const only = alternatives[0];
  if (alternatives.length === 1 && only !== undefined && only.when === undefined) {
    // The common case, without the filtering below: one unguarded outcome.
    into.push(reasonOf(rule, only, ctx, packId));
    return (only.urgent ? URGENT : 0) | (only.fixed ? 0 : PATIENT_SPECIFIC);
  }
  const trace = evaluation.resultAt(index).trace;
  const guarded = alternatives.filter((o) => o.when !== undefined && resultOf(trace, o.when) === truth);
  const chosen = guarded.length > 0 ? guarded : alternatives.filter((o) => o.when === undefined);
  let report = PATIENT_SPECIFIC;
  for (const o of chosen) {
    into.push(reasonOf(rule, o, ctx, packId));
    if (o.urgent) report |= URGENT;
  }
  return report;
}

const missingTexts = new Map<MissingDataCode, InclusionMissingData>();

function missingItem(code: MissingDataCode): InclusionMissingData {
  let item = missingTexts.get(code);
  if (item === undefined) {
    item = freeze({ code, text: formatMessageInAllLocales(missingDataMessageCode(code), {}) });
    missingTexts.set(code, item);
  }
  return item;
}

/**
 * Evaluates inclusion in an existing fact context: the SDK facade and
 * {@link evaluateInclusionForBoth} share one context across packages, so
 * every fact is computed once per patient and date.
 *
 * The status is derived from the rule results and their event params:
 *
 * 1. any **exclusion** rule true: `excluded`; the reasons are those rules'
 *    `whenTrue` messages, urgent actions (an open red flag) first;
 * 2. else any **criterion** false: `not-eligible`; the reasons are those
 *    rules' `whenFalse` messages (a spirometry that contradicts a KOL
 *    diagnosis is flagged `dataQuality`);
 * 3. else any rule **unknown** (a criterion, or an exclusion, which is never
 *    silently ignored): `insufficient-data`; the reasons are the `whenUnknown`
 *    messages, and `missing` lists the data that would decide those rules;
 * 4. else `eligible`; the reasons are the criteria's `whenTrue` messages
 *    (and any exclusion's `whenFalse` message).
 *
 * A false criterion decides before an unknown one: a patient under 30
 * without spirometry is `not-eligible`, not `insufficient-data`, since no
 * spirometry could make them eligible.
 *
 * @param ctx - the patient's fact context (`createFactContext(record, asOf)`, record validated by `parsePatientRecord`)
 * @param options - the package, and the packs to use
 * @returns the decision, with criteria, traces, reasons, missing data and the deciding pack version
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for an unknown package or a malformed `ctx.asOf`;
 *   `InvalidRulePackError` when no version of the package's pack is valid on `asOf`, or the pack is not a valid inclusion pack
 * @example
 * ```ts
 * const ctx = createFactContext(record, '2027-01-15');
 * const kol = evaluateInclusionInContext(ctx, { package: 'KOL' });
 * const lrs = evaluateInclusionInContext(ctx, { package: 'LRS' }); // reuses age, listed, deceased, ...
 * ```
 */
export function evaluateInclusionInContext(ctx: FactContext, options: InclusionContextOptions): InclusionResult {
  assertOptionsObject(options);
  assertPackageId(options.package);
  assertAsOf(ctx.asOf);
  return evaluateChecked(ctx, options.package, options.packs ?? defaultInclusionPacks());
}

/**
 * A status with its reasons and missing data, when they follow from the rules' truths alone:
 * shared by every patient with the same truths (most of a population falls into a few dozen).
 */
interface Decision {
  readonly status: InclusionStatus;
  readonly reasons: readonly InclusionReason[];
  readonly missing: readonly InclusionMissingData[];
}

/** What is kept per inclusion pack: its plan, which rules are exclusions, and its decisions by truth vector. */
interface PlanState {
  readonly plan: InclusionPlan;
  readonly exclusion: readonly boolean[];
  readonly decisions: TruthVectorCache<Decision>;
}

const planStates = new WeakMap<RulePack, PlanState>();
/**
 * The state of the pack used last for each package, before the WeakMap: a
 * population runs on one pack per package, KOL and LRS in turn.
 */
const lastState: Record<PackageId, { readonly pack: RulePack; readonly state: PlanState } | undefined> = { KOL: undefined, LRS: undefined };

function stateOf(pack: RulePack, pkg: PackageId): PlanState {
  const last = lastState[pkg];
  if (last?.pack === pack) return last.state;
  let state = planStates.get(pack);
  if (state === undefined) {
    const plan = inclusionPlan(pack);
    state = { plan, exclusion: plan.rules.map((r) => r.kind === 'exclusion'), decisions: new TruthVectorCache() };
    planStates.set(pack, state);
  }
  lastState[pkg] = { pack, state };
  return state;
}

/** No missing data, shared by every decided result (frozen). */
const NO_MISSING: readonly InclusionMissingData[] = Object.freeze([]);

/** {@link evaluateInclusionInContext} once its arguments are checked. */
function evaluateChecked(ctx: FactContext, pkg: PackageId, packs: RulePackSet): InclusionResult {
  const compiled = packs.select(INCLUSION_PACK_IDS[pkg], ctx.asOf);
  const state = stateOf(compiled.pack, pkg);
  const plan = state.plan;
  const evaluation = evaluateRulePack(compiled, ctx);
  const packId = compiled.pack.id;

  // The status, reasons and missing data follow from the rules' truths alone for most patients: those are
  // shared by truth vector. Otherwise one pass over the truths decides; the rule result objects (with
  // traces) are built only where a reason or the criteria list needs them.
  const rules = plan.rules;
  const n = rules.length;
  const truths = evaluation.truths;
  if (truths.length !== n) throw new InvalidRulePackError(`Inclusion pack "${packId}" changed after loading`);
  const known = state.decisions.get(truths);
  if (known !== undefined) return new Result(pkg, ctx.asOf, known.status, known.reasons, known.missing, plan, evaluation);
  const exclusion = state.exclusion;
  let excluding = 0;
  let failing = 0;
  let undecided = 0;
  for (let i = 0; i < n; i++) {
    const truth = truths[i];
    if (truth === 'unknown') undecided++;
    else if (truth === 'true') {
      if (exclusion[i] === true) excluding++;
    } else if (exclusion[i] !== true) failing++;
  }

  const status: InclusionStatus =
    excluding > 0 ? 'excluded' : failing > 0 ? 'not-eligible' : undecided > 0 ? 'insufficient-data' : 'eligible';
  const reasons: InclusionReason[] = [];
  const missingCodes: MissingDataCode[] | undefined = status === 'insufficient-data' ? [] : undefined;
  let report = 0;
  for (let i = 0; i < n; i++) {
    const rule = rules[i] as PlannedRule;
    const truth = contributes(status, rule.kind, truths[i] as Truth);
    if (truth === undefined) continue;
    report |= reasonsOf(rule, evaluation, i, truth, ctx, packId, reasons);
    if (missingCodes !== undefined) for (const m of evaluation.resultAt(i).missing) if (!missingCodes.includes(m)) missingCodes.push(m);
  }
  // Urgent actions first; otherwise pack order (a stable sort).
  if ((report & URGENT) !== 0 && reasons.length > 1) reasons.sort((a, b) => Number(b.urgent === true) - Number(a.urgent === true));
  const missing = missingCodes === undefined || missingCodes.length === 0 ? NO_MISSING : missingCodes.map(missingItem);
  // Missing data can depend on which leaves are unknown, not only on the rules' truths: those are not shared.
  if ((report & PATIENT_SPECIFIC) === 0 && missingCodes === undefined) {
    const decision: Decision = { status, reasons: Object.freeze(reasons), missing };
    state.decisions.set(truths, decision);
    return new Result(pkg, ctx.asOf, status, decision.reasons, missing, plan, evaluation);
  }
  return new Result(pkg, ctx.asOf, status, reasons, missing, plan, evaluation);
}

// Symbol keys for a result's internals: not enumerable as data, no private-field brand checks.
const PLAN = Symbol('plan');
const EVALUATION = Symbol('evaluation');
const CRITERIA = Symbol('criteria');

/**
 * An inclusion result. The criteria (each with its trace) are built when
 * first read: deciding the status needs only the rules' truths. A class with
 * a prototype getter keeps one hidden class; `toJSON` includes the criteria.
 */
class Result implements InclusionResult {
  readonly package: PackageId;
  readonly asOf: IsoDate;
  readonly status: InclusionStatus;
  readonly reasons: readonly InclusionReason[];
  readonly missing: readonly InclusionMissingData[];
  readonly ruleSet: RuleSetRef;
  readonly [PLAN]: InclusionPlan;
  readonly [EVALUATION]: PackEvaluation;
  [CRITERIA]: readonly InclusionCriterionResult[] | undefined;

  constructor(
    pkg: PackageId,
    asOf: IsoDate,
    status: InclusionStatus,
    reasons: readonly InclusionReason[],
    missing: readonly InclusionMissingData[],
    plan: InclusionPlan,
    evaluation: PackEvaluation,
  ) {
    this.package = pkg;
    this.asOf = asOf;
    this.status = status;
    this.reasons = reasons;
    this.missing = missing;
    this.ruleSet = evaluation.ruleSet;
    this[PLAN] = plan;
    this[EVALUATION] = evaluation;
    this[CRITERIA] = undefined;
  }

  get criteria(): readonly InclusionCriterionResult[] {
    this[CRITERIA] ??= this[PLAN].rules.map((rule, i) => new CriterionResult(rule, this[EVALUATION].results[i] as RuleResult));
    return this[CRITERIA];
  }

  toJSON(): Omit<InclusionResult, 'criteria'> & { criteria: readonly InclusionCriterionResult[] } {
    return {
      package: this.package,
      asOf: this.asOf,
      status: this.status,
      criteria: this.criteria,
      reasons: this.reasons,
      missing: this.missing,
      ruleSet: this.ruleSet,
    };
  }
}



/**
 * Decides whether a patient is eligible for, excluded from, or not (yet)
 * decidable for a package on a date. Results are data: a clinical outcome
 * never throws. See {@link evaluateInclusionInContext} for how the status is
 * derived.
 *
 * @param record - a record validated by `parsePatientRecord` (parse it with the same `asOf`)
 * @param options - the package (`KOL` or `LRS`), the evaluation date, and optionally the packs
 * @returns the decision, with criteria, traces, reasons in Danish and English, missing data and the pack version
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for a malformed `asOf`, an unknown package or an unparsed record
 *   (messages never carry patient data); `InvalidRulePackError` when no pack version is valid on `asOf`
 * @example
 * ```ts
 * const record = parsePatientRecord(input, { asOf: '2027-01-15' });
 * const result = evaluateInclusion(record, { package: 'KOL', asOf: '2027-01-15' });
 * result.status;            // 'insufficient-data'
 * result.missing[0]?.text.da; // 'Spirometri efter bronkodilatation (FEV1/FVC)'
 * ```
 */
export function evaluateInclusion(record: PatientRecord, options: InclusionOptions): InclusionResult {
  assertOptionsObject(options);
  assertAsOf(options.asOf);
  assertPackageId(options.package);
  assertParsedRecord(record);
  return evaluateInclusionInContext(createFactContext(record, options.asOf), options);
}

/**
 * Decides inclusion for both packages (KOL and LRS) over one shared fact
 * context, so facts both packs use (age, listed, deceased, diagnoses) are
 * computed once.
 *
 * @param record - a record validated by `parsePatientRecord` (parse it with the same `asOf`)
 * @param options - the evaluation date, and optionally the packs
 * @returns one {@link InclusionResult} per package
 * @throws as {@link evaluateInclusion}
 * @example
 * ```ts
 * const both = evaluateInclusionForBoth(record, { asOf: '2027-01-15' });
 * both.KOL.status; // 'eligible'
 * both.LRS.status; // 'not-eligible'
 * ```
 */
export function evaluateInclusionForBoth(record: PatientRecord, options: InclusionForBothOptions): InclusionForBoth {
  assertOptionsObject(options);
  assertAsOf(options.asOf);
  assertParsedRecord(record);
  const ctx = createFactContext(record, options.asOf);
  const packs = options.packs ?? defaultInclusionPacks();
  return { KOL: evaluateChecked(ctx, 'KOL', packs), LRS: evaluateChecked(ctx, 'LRS', packs) };
}
