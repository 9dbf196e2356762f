/**
 * The needs assessment for one patient: evaluate the package's
 * differentiation pack (three-valued, traced), combine the rule results
 * into a level range, and explain it: drivers, missing data, the
 * clinician's decision beside the suggestion, re-assessment and the contact
 * plan. The code knows no criterion or threshold; the pack does.
 *
 * @module
 */
import {
  InternalError,
  InvalidRulePackError,
  assertAsOf,
  assertFactContext,
  assertOptionsObject,
  assertPackageId,
  assertParsedRecord,
  computeFact,
  createFactContext,
  deepFreeze,
  evaluateRulePack,
  factCatalogueOf,
  factReader,
  formatMessageInAllLocales,
  messages,
  missingDataMessageCode,
  TruthVectorCache,
} from '@kronikerpakker/core';
import type {
  CompiledRulePack,
  FactCatalogue,
  FactContext,
  FactValue,
  LeafTrace,
  Level,
  MessageDefinition,
  MissingDataCode,
  MotivationLevel,
  PackageId,
  PatientRecord,
  PackEvaluation,
  RuleResult,
  TraceNode,
  Truth,
} from '@kronikerpakker/core';
import { couldRaiseLevel, levelRange } from './levels';
import type { LevelRange } from './levels';
import { differentiationPlan } from './parameters';
import type { DifferentiationPlan, PlannedRule } from './parameters';
import { DIFFERENTIATION_PACK_IDS, defaultDifferentiationPacks } from './packs';
import { recordAsOf } from './record-as-of';
import type {
  ClinicianLevelDecision,
  ContactPlan,
  LevelDriver,
  LevelMissingData,
  LevelSuggestion,
  LocalizedText,
  Reassessment,
  ReassessmentDetail,
  SeverityClass,
  SuggestLevelInContextOptions,
  SuggestLevelOptions,
} from './types';





/** The leaf that decided a node's result (the first with the node's polarity), if any. */
function decidingLeaf(node: TraceNode, want: Truth): LeafTrace | undefined {
  if (node.kind === 'fact') return node.result === want ? node : undefined;
  if (node.kind === 'not') {
    const child = node.children[0];
    return child === undefined ? undefined : decidingLeaf(child, want === 'true' ? 'false' : want === 'false' ? 'true' : 'unknown');
  }
  for (const child of node.children) {
    const leaf = decidingLeaf(child, want);
    if (leaf !== undefined) return leaf;
  }
  return undefined;
}

/**
 * Rendered texts repeat across a population (a few messages and values):
 * kept in a bounded cache, emptied when it fills. Cached texts are shared
 * between results, so they are frozen.
 */
const texts = new Map<string, LocalizedText>();
const TEXTS_MAX = 10_000;

function cachedText(key: string, render: () => LocalizedText): LocalizedText {
  let text = texts.get(key);
  if (text === undefined) {
    if (texts.size >= TEXTS_MAX) texts.clear();
    text = Object.freeze(render());
    texts.set(key, text);
  }
  return text;
}

function driverText(rule: PlannedRule, value: FactValue): LocalizedText {
  const spec = (messages[rule.message] as MessageDefinition).params;
  const kind = spec['value'];
  if (kind === undefined) return cachedText(rule.message, () => formatMessageInAllLocales(rule.message));
  // Validation admits a `value` message only on rules whose facts are all numbers.
  if (typeof value !== 'number') throw new InternalError('A driver message needs a number value');
  const shown = kind === 'integer' ? Math.trunc(value) : value;
  return cachedText(`${rule.message}|${String(shown)}`, () => formatMessageInAllLocales(rule.message, { value: shown }));
}

/** No drivers: shared by every suggestion without any (frozen). */
const NO_DRIVERS: readonly LevelDriver[] = Object.freeze([]);

function buildDrivers(ctx: FactContext, evaluation: PackEvaluation, plan: DifferentiationPlan, range: LevelRange): readonly LevelDriver[] {
  // Most patients have no rule that holds: nothing is allocated for them.
  let drivers: LevelDriver[] | undefined;
  let counted: Set<string> | undefined;
  const truths = evaluation.truths;
  for (let i = 0; i < truths.length; i++) {
    const rule = plan.rules[i];
    if (rule === undefined || truths[i] !== 'true') continue;
    let contribution: LevelDriver['contribution'];
    switch (rule.domain) {
      case 'severity':
        if (rule.severity === undefined) continue;
        contribution = { kind: 'level', level: plan.parameters.severityLevels[rule.severity] };
        break;
      case 'complexity': {
        // One driver per factor: the first rule that holds with the weight that counts.
        const factor = range.factorRanges.get(rule.factor);
        counted ??= new Set<string>();
        if (counted.has(rule.factor) || factor === undefined || rule.weight !== factor.minimum) continue;
        counted.add(rule.factor);
        contribution = { kind: 'factors', factors: rule.weight };
        break;
      }
      case 'clinician':
        if (rule.level === undefined) continue;
        contribution = { kind: 'level', level: rule.level };
        break;
    }
    // The deciding leaf: the rule's only leaf when it has one (its value is memoised), else found in the trace.
    let fact: string;
    let factValue: FactValue;
    const only = rule.onlyLeaf;
    if (only !== undefined) {
      fact = only.fact;
      factValue = only.read(ctx);
    } else {
      const leaf = decidingLeaf(evaluation.resultAt(i).trace, 'true');
      fact = leaf?.fact ?? rule.name;
      factValue = leaf?.factValue;
    }
    const value = factValue ?? true;
    const text = driverText(rule, factValue);
    // Two fixed shapes (a conditional spread made every driver a slow object).
    drivers ??= [];
    drivers.push(
      rule.severity === undefined
        ? { domain: rule.domain, factor: rule.factor, rule: rule.name, fact, value, source: rule.source, contribution, text }
        : { domain: rule.domain, factor: rule.factor, rule: rule.name, fact, value, source: rule.source, severity: rule.severity, contribution, text },
    );
  }
  return drivers ?? NO_DRIVERS;
}

const missingTexts = new Map<MissingDataCode, LocalizedText>();

/**
 * The data that could raise the level above its minimum, each with the
 * factors it bears on; and whether that list follows from the rules' truths
 * alone (every such rule misses the same data for every patient, see
 * `CompiledRule.fixedMissing`), so that patients with the same truths can
 * share it.
 */
function buildMissing(
  evaluation: PackEvaluation,
  compiled: CompiledRulePack,
  plan: DifferentiationPlan,
  range: LevelRange,
): { readonly items: LevelMissingData[]; readonly fixed: boolean } {
  if (range.minimumLevel === range.maximumLevel) return { items: [], fixed: true };
  const byCode = new Map<MissingDataCode, string[]>();
  let fixed = true;
  const truths = evaluation.truths;
  for (let i = 0; i < truths.length; i++) {
    const rule = plan.rules[i];
    if (rule === undefined || truths[i] !== 'unknown' || !couldRaiseLevel(rule, range, plan.parameters)) continue;
    if (compiled.rules[i]?.fixedMissing === undefined) fixed = false;
    for (const code of evaluation.resultAt(i).missing) {
      const factors = byCode.get(code) ?? [];
      if (!factors.includes(rule.factor)) factors.push(rule.factor);
      byCode.set(code, factors);
    }
  }
  const items = [...byCode].map(([code, factors]) => {
    let text = missingTexts.get(code);
    if (text === undefined) {
      text = Object.freeze(formatMessageInAllLocales(missingDataMessageCode(code)));
      missingTexts.set(code, text);
    }
    return { code, factors, text };
  });
  return { items, fixed };
}

/** Fact params naming a package, frozen and shared (core's computeFact remembers the memo slot of frozen params). */
const PACKAGE_PARAMS: Readonly<Record<PackageId, Readonly<Record<string, unknown>>>> = {
  KOL: Object.freeze({ package: 'KOL' }),
  LRS: Object.freeze({ package: 'LRS' }),
};

/** The patient's motivation per package (a core fact: the same in every pack's catalogue). */
const READ_MOTIVATION: Readonly<Record<PackageId, (ctx: FactContext) => FactValue>> = {
  KOL: factReader('needsAssessmentMotivation', PACKAGE_PARAMS.KOL),
  LRS: factReader('needsAssessmentMotivation', PACKAGE_PARAMS.LRS),
};

/** The latest level decision for the package on or before asOf (the later entry on one day). */
function latestDecision(ctx: FactContext, pkg: PackageId): ClinicianLevelDecision | undefined {
  let latest: ClinicianLevelDecision | undefined;
  for (const d of ctx.record.levelDecisions) {
    if (d.package === pkg && d.date <= ctx.asOf) latest = { level: d.level, reason: d.reason, date: d.date };
  }
  return latest;
}

/** Contact plans by plan, basis and level (few: built once each, shared and frozen). */
const contactPlans = new WeakMap<DifferentiationPlan, Record<ContactPlan['basis'], (ContactPlan | undefined)[]>>();

function contactPlan(plan: DifferentiationPlan, level: Level, basis: ContactPlan['basis']): ContactPlan {
  let byBasis = contactPlans.get(plan);
  if (byBasis === undefined) {
    byBasis = { suggestion: [], clinician: [] };
    contactPlans.set(plan, byBasis);
  }
  const cache = byBasis[basis];
  const cached = cache[level];
  if (cached !== undefined) return cached;
  const p = plan.parameters.contactPlan[`${level}`];
  const built: ContactPlan = Object.freeze({
    level,
    basis,
    meaning: formatMessageInAllLocales(p.meaning),
    aarsstatusIntervalMonths: p.aarsstatusIntervalMonths,
    followUpIntervalMonths: p.followUpIntervalMonths,
    proBefore: p.proBefore,
    offers: Object.freeze(p.offers.map((o) => Object.freeze({ code: o.code, text: formatMessageInAllLocales(o.message) }))),
    texts: Object.freeze({
      aarsstatus: formatMessageInAllLocales('differentiation.aarsstatus.every', { months: p.aarsstatusIntervalMonths }),
      followUp:
        p.followUpIntervalMonths === null
          ? formatMessageInAllLocales('differentiation.follow-up.none')
          : formatMessageInAllLocales('differentiation.follow-up.every', { months: p.followUpIntervalMonths }),
      proBefore: formatMessageInAllLocales(`differentiation.pro-before.${p.proBefore}`),
    }),
  });
  cache[level] = built;
  return built;
}

function knownSeverity(range: LevelRange): SeverityClass | undefined {
  return range.severity.minimum === range.severity.maximum ? range.severity.minimum : undefined;
}

/**
 * What a suggestion takes from the rules' truths alone, shared by every
 * patient with the same truths (frozen): the level range, the severity, the
 * summary, and the missing data when they too follow from the truths.
 */
interface LevelShape {
  readonly range: LevelRange;
  readonly severity: SeverityClass | 'unknown';
  readonly summary: LocalizedText;
  readonly missing: readonly LevelMissingData[] | undefined;
}

/** Shapes by truth vector, per compiled pack. */
const shapes = new WeakMap<CompiledRulePack, TruthVectorCache<LevelShape>>();
/** The shapes of the pack used last for each package, before the WeakMap (KOL and LRS come in turn). */
const lastShapes: Record<PackageId, { readonly compiled: CompiledRulePack; readonly cache: TruthVectorCache<LevelShape> } | undefined> = {
  KOL: undefined,
  LRS: undefined,
};

function shapeCache(compiled: CompiledRulePack, pkg: PackageId): TruthVectorCache<LevelShape> {
  const last = lastShapes[pkg];
  if (last?.compiled === compiled) return last.cache;
  let cache = shapes.get(compiled);
  if (cache === undefined) {
    cache = new TruthVectorCache();
    shapes.set(compiled, cache);
  }
  lastShapes[pkg] = { compiled, cache };
  return cache;
}

function shapeOf(evaluation: PackEvaluation, compiled: CompiledRulePack, plan: DifferentiationPlan): LevelShape {
  const cache = shapeCache(compiled, plan.parameters.package);
  const known = cache.get(evaluation.truths);
  if (known !== undefined) return known;
  const range = rangeOf(evaluation.truths, plan);
  Object.freeze(range.severity);
  const suggestedLevel = range.minimumLevel;
  const maximum = range.maximumLevel;
  const summary =
    suggestedLevel === maximum
      ? cachedText(`summary|${String(suggestedLevel)}`, () => formatMessageInAllLocales('differentiation.summary.determined', { level: suggestedLevel }))
      : cachedText(`summary|${String(suggestedLevel)}|${String(maximum)}`, () =>
          formatMessageInAllLocales('differentiation.summary.undetermined', { level: suggestedLevel, maximum }),
        );
  const built = buildMissing(evaluation, compiled, plan, range);
  const missing = built.fixed ? deepFreeze(built.items) : undefined;
  const shape: LevelShape = Object.freeze({ range, severity: knownSeverity(range) ?? 'unknown', summary, missing });
  cache.set(evaluation.truths, shape);
  return shape;
}

/** The level range of a pack's evaluation (every rule has its plan). */
function rangeOf(truths: readonly Truth[], plan: DifferentiationPlan): LevelRange {
  if (plan.rules.length < truths.length) throw new InternalError('A differentiation rule has no plan');
  return levelRange(plan.rules.length === truths.length ? plan.rules : plan.rules.slice(0, truths.length), truths, plan.parameters);
}

/**
 * Whether the severity class now differs from the one when the level was
 * decided. The severity then is computed from the record as it stood on the
 * decision date. When it cannot be known then (its data were missing), the
 * decided level stands in for it: a decision at level L is consistent with
 * a severity whose level is at most L, so a severity now above L has changed.
 */
function severityChanged(
  ctx: FactContext,
  compiled: CompiledRulePack,
  plan: DifferentiationPlan,
  now: LevelRange,
  decision: ClinicianLevelDecision,
): boolean {
  const current = knownSeverity(now);
  if (current === undefined) return false;
  const thenCtx = createFactContext(recordAsOf(ctx.record, decision.date), decision.date);
  const thenShape = shapeOf(evaluateRulePack(compiled, thenCtx), compiled, plan);
  const then = thenShape.severity === 'unknown' ? undefined : thenShape.severity;
  if (then !== undefined) return then !== current;
  return plan.parameters.severityLevels[current] > decision.level;
}

/** No decision, nothing to re-assess: shared by every undecided suggestion (frozen). */
const NO_REASSESSMENT: Reassessment = Object.freeze({ due: false, reasons: Object.freeze([]), details: Object.freeze([]) });

function reassessment(
  ctx: FactContext,
  pkg: PackageId,
  catalogue: FactCatalogue,
  compiled: CompiledRulePack,
  plan: DifferentiationPlan,
  range: LevelRange,
  decision: ClinicianLevelDecision | undefined,
): Reassessment {
  if (decision === undefined) return NO_REASSESSMENT;
  const details: ReassessmentDetail[] = [];
  const aarsstatus = computeFact(ctx, 'latestAarsstatusDate', PACKAGE_PARAMS[pkg], catalogue);
  if (typeof aarsstatus === 'string' && aarsstatus > decision.date) {
    details.push({ reason: 'aarsstatus', date: aarsstatus, text: formatMessageInAllLocales('differentiation.reassessment.aarsstatus', { date: aarsstatus }) });
  }
  const admission = computeFact(ctx, 'latestAdmissionDate', undefined, catalogue);
  if (typeof admission === 'string' && admission > decision.date) {
    details.push({ reason: 'after-admission', date: admission, text: formatMessageInAllLocales('differentiation.reassessment.after-admission', { date: admission }) });
  }
  if (severityChanged(ctx, compiled, plan, range, decision)) {
    details.push({ reason: 'severity-changed', text: formatMessageInAllLocales('differentiation.reassessment.severity-changed') });
  }
  return { due: details.length > 0, reasons: details.map((d) => d.reason), details };
}

function wrongPackage(packId: string): InvalidRulePackError {
  return new InvalidRulePackError(`Differentiation pack "${packId}" is for the other package`, [
    { packId, path: ['parameters', 'package'], code: 'wrong-package' },
  ]);
}

/**
 * Suggests the level of care (1, 2 or 3) for one patient and package, with
 * its explanation, from a fact context the caller shares with other packs
 * (the SDK facade evaluates inclusion, level and business rules on one
 * context, so each fact is computed once).
 *
 * @param ctx - the patient's fact context (`createFactContext(record, asOf)`)
 * @param options - the package, and optionally the packs to use
 * @returns the suggestion (see {@link LevelSuggestion}); a clinical outcome is never thrown
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for a bad package or context; `InvalidRulePackError` when no pack version is valid on the context's date or the pack is not a valid differentiation pack for the package
 * @example
 * ```ts
 * import { createFactContext } from '@kronikerpakker/core';
 * const ctx = createFactContext(record, '2027-01-15');
 * suggestLevelInContext(ctx, { package: 'LRS' }).suggestedLevel; // 2
 * ```
 */
export function suggestLevelInContext(ctx: FactContext, options: SuggestLevelInContextOptions): LevelSuggestion {
  assertOptionsObject(options);
  assertPackageId(options.package);
  assertFactContext(ctx);
  const pkg = options.package;
  const compiled = (options.packs ?? defaultDifferentiationPacks()).select(DIFFERENTIATION_PACK_IDS[pkg], ctx.asOf);
  const plan = differentiationPlan(compiled.pack);
  if (plan.parameters.package !== pkg) throw wrongPackage(compiled.pack.id);
  const catalogue = factCatalogueOf(compiled.pack);
  const evaluation = evaluateRulePack(compiled, ctx);
  const shape = shapeOf(evaluation, compiled, plan);
  const range = shape.range;
  const decision = latestDecision(ctx, pkg);
  const suggestedLevel = range.minimumLevel;
  const determined = range.minimumLevel === range.maximumLevel;
  const motivation = READ_MOTIVATION[pkg](ctx) as MotivationLevel | undefined;
  const differs = decision !== undefined && decision.level !== suggestedLevel;
  const suggestedContactPlan = contactPlan(plan, suggestedLevel, 'suggestion');
  const maximum = range.maximumLevel;
  const clinicianNote = differs
    ? cachedText(`note|${String(decision.level)}|${String(suggestedLevel)}`, () =>
        formatMessageInAllLocales('differentiation.clinician.differs', { decided: decision.level, suggested: suggestedLevel }),
      )
    : undefined;
  return new Suggestion(evaluation, {
    package: pkg,
    asOf: ctx.asOf,
    suggestedLevel,
    minimumLevel: range.minimumLevel,
    maximumLevel: maximum,
    determined,
    severity: shape.severity,
    severityRange: range.severity,
    complexityFactors: range.factors.minimum,
    possibleComplexityFactors: range.factors.maximum,
    drivers: buildDrivers(ctx, evaluation, plan, range),
    missing: shape.missing ?? buildMissing(evaluation, compiled, plan, range).items,
    motivation,
    clinicianDecision: decision,
    differsFromClinician: differs,
    reassessment: reassessment(ctx, pkg, catalogue, compiled, plan, range, decision),
    contactPlan: decision === undefined ? suggestedContactPlan : contactPlan(plan, decision.level, 'clinician'),
    suggestedContactPlan,
    summary: shape.summary,
    clinicianNote,
    ruleSet: evaluation.ruleSet,
  });
}

/** A suggestion's fields but its rules; the optional ones may be given as `undefined`. */
type SuggestionFields = {
  readonly [K in keyof LevelSuggestion as Exclude<K, 'rules'>]-?: LevelSuggestion[K] | (undefined extends LevelSuggestion[K] ? undefined : never);
};

/**
 * A level suggestion. The constructor assigns every field in key order (so
 * V8 keeps them inside the object, one hidden class per combination of the
 * optional keys); an optional field that is `undefined` is left out, not set
 * to `undefined`. `rules` (every rule result with its trace) is a getter that
 * builds them when first read, and `toJSON` includes them, in the documented
 * key order.
 */
class Suggestion implements LevelSuggestion {
  declare readonly package: LevelSuggestion['package'];
  declare readonly asOf: LevelSuggestion['asOf'];
  declare readonly suggestedLevel: LevelSuggestion['suggestedLevel'];
  declare readonly minimumLevel: LevelSuggestion['minimumLevel'];
  declare readonly maximumLevel: LevelSuggestion['maximumLevel'];
  declare readonly determined: LevelSuggestion['determined'];
  declare readonly severity: LevelSuggestion['severity'];
  declare readonly severityRange: LevelSuggestion['severityRange'];
  declare readonly complexityFactors: LevelSuggestion['complexityFactors'];
  declare readonly possibleComplexityFactors: LevelSuggestion['possibleComplexityFactors'];
  declare readonly drivers: LevelSuggestion['drivers'];
  declare readonly missing: LevelSuggestion['missing'];
  declare readonly motivation?: NonNullable<LevelSuggestion['motivation']>;
  declare readonly clinicianDecision?: NonNullable<LevelSuggestion['clinicianDecision']>;
  declare readonly differsFromClinician: LevelSuggestion['differsFromClinician'];
  declare readonly reassessment: LevelSuggestion['reassessment'];
  declare readonly contactPlan: LevelSuggestion['contactPlan'];
  declare readonly suggestedContactPlan: LevelSuggestion['suggestedContactPlan'];
  declare readonly summary: LevelSuggestion['summary'];
  declare readonly clinicianNote?: NonNullable<LevelSuggestion['clinicianNote']>;
  declare readonly ruleSet: LevelSuggestion['ruleSet'];
  readonly #evaluation: PackEvaluation;

  constructor(evaluation: PackEvaluation, f: SuggestionFields) {
    this.#evaluation = evaluation;
    this.package = f.package;
    this.asOf = f.asOf;
    this.suggestedLevel = f.suggestedLevel;
    this.minimumLevel = f.minimumLevel;
    this.maximumLevel = f.maximumLevel;
    this.determined = f.determined;
    this.severity = f.severity;
    this.severityRange = f.severityRange;
    this.complexityFactors = f.complexityFactors;
    this.possibleComplexityFactors = f.possibleComplexityFactors;
    this.drivers = f.drivers;
    this.missing = f.missing;
    if (f.motivation !== undefined) this.motivation = f.motivation;
    if (f.clinicianDecision !== undefined) this.clinicianDecision = f.clinicianDecision;
    this.differsFromClinician = f.differsFromClinician;
    this.reassessment = f.reassessment;
    this.contactPlan = f.contactPlan;
    this.suggestedContactPlan = f.suggestedContactPlan;
    this.summary = f.summary;
    if (f.clinicianNote !== undefined) this.clinicianNote = f.clinicianNote;
    this.ruleSet = f.ruleSet;
  }

  get rules(): readonly RuleResult[] {
    return this.#evaluation.results;
  }

  toJSON(): LevelSuggestion {
    const { ruleSet, ...fields }: LevelSuggestion = this;
    return { ...fields, rules: this.rules, ruleSet };
  }
}

/**
 * Suggests the level of care (1, 2 or 3) for one patient and package: the
 * needs assessment of the provisional model (see the package README and
 * `docs/levels.md`). The suggestion stays beside the clinician's recorded
 * decision, never replacing it.
 *
 * @param record - a record validated by `parsePatientRecord`
 * @param options - the package, the evaluation date, and optionally the packs to use
 * @returns the suggestion with its drivers, missing data, re-assessment and contact plan
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for a bad record, package or date; `InvalidRulePackError` when no pack version is valid on `asOf`
 * @example
 * ```ts
 * import { parsePatientRecord } from '@kronikerpakker/core';
 * const record = parsePatientRecord(input, { asOf: '2027-01-15' });
 * const s = suggestLevel(record, { package: 'KOL', asOf: '2027-01-15' });
 * s.suggestedLevel;           // 1 | 2 | 3
 * s.determined;               // false: s.missing says what to record
 * s.summary.da;               // 'Foreslået niveau er mindst 2. …'
 * s.contactPlan.followUpIntervalMonths; // 6
 * ```
 */
export function suggestLevel(record: PatientRecord, options: SuggestLevelOptions): LevelSuggestion {
  assertOptionsObject(options);
  assertPackageId(options.package);
  assertAsOf(options.asOf);
  assertParsedRecord(record);
  return suggestLevelInContext(createFactContext(record, options.asOf), {
    package: options.package,
    ...(options.packs === undefined ? {} : { packs: options.packs }),
  });
}
