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
  KronikerpakkerError,
  assertAsOf,
  assertOptionsObject,
  assertPackageId,
  assertParsedRecord,
  computeFact,
  createFactContext,
  evaluateRulePack,
  factCatalogueOf,
  formatMessageInAllLocales,
  messages,
  missingDataMessageCode,
} from '@kronikerpakker/core';
import type {
  CompiledRulePack,
  FactCatalogue,
  FactContext,
  LeafTrace,
  Level,
  MessageDefinition,
  MissingDataCode,
  MotivationLevel,
  PackageId,
  PatientRecord,
  RuleResult,
  TraceNode,
  Truth,
} from '@kronikerpakker/core';
import { couldRaiseLevel, levelRange } from './levels';
import type { LevelRange, RuleTruth } from './levels';
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

function driverText(rule: PlannedRule, leaf: LeafTrace | undefined): LocalizedText {
  const spec = (messages[rule.message] as MessageDefinition).params;
  const kind = spec['value'];
  if (kind === undefined) return formatMessageInAllLocales(rule.message);
  const value = leaf?.factValue;
  // Validation admits a `value` message only on rules whose facts are all numbers.
  if (typeof value !== 'number') throw new InternalError('A driver message needs a number value');
  return formatMessageInAllLocales(rule.message, { value: kind === 'integer' ? Math.trunc(value) : value });
}

function buildDrivers(results: readonly RuleResult[], plan: DifferentiationPlan, range: LevelRange): LevelDriver[] {
  const drivers: LevelDriver[] = [];
  const counted = new Set<string>();
  results.forEach((result, i) => {
    const rule = plan.rules[i];
    if (rule === undefined || result.result !== 'true') return;
    const leaf = decidingLeaf(result.trace, 'true');
    let contribution: LevelDriver['contribution'];
    switch (rule.domain) {
      case 'severity':
        if (rule.severity === undefined) return;
        contribution = { kind: 'level', level: plan.parameters.severityLevels[rule.severity] };
        break;
      case 'complexity': {
        // One driver per factor: the first rule that holds with the weight that counts.
        const factor = range.factorRanges.get(rule.factor);
        if (counted.has(rule.factor) || factor === undefined || rule.weight !== factor.minimum) return;
        counted.add(rule.factor);
        contribution = { kind: 'factors', factors: rule.weight };
        break;
      }
      case 'clinician':
        if (rule.level === undefined) return;
        contribution = { kind: 'level', level: rule.level };
        break;
    }
    drivers.push({
      domain: rule.domain,
      factor: rule.factor,
      rule: rule.name,
      fact: leaf?.fact ?? rule.name,
      value: leaf?.factValue ?? true,
      source: rule.source,
      ...(rule.severity === undefined ? {} : { severity: rule.severity }),
      contribution,
      text: driverText(rule, leaf),
    });
  });
  return drivers;
}

const missingTexts = new Map<MissingDataCode, LocalizedText>();

function buildMissing(results: readonly RuleResult[], plan: DifferentiationPlan, range: LevelRange): LevelMissingData[] {
  if (range.minimumLevel === range.maximumLevel) return [];
  const byCode = new Map<MissingDataCode, string[]>();
  results.forEach((result, i) => {
    const rule = plan.rules[i];
    if (rule === undefined || result.result !== 'unknown' || !couldRaiseLevel(rule, range, plan.parameters)) return;
    for (const code of result.missing) {
      const factors = byCode.get(code) ?? [];
      if (!factors.includes(rule.factor)) factors.push(rule.factor);
      byCode.set(code, factors);
    }
  });
  return [...byCode].map(([code, factors]) => {
    let text = missingTexts.get(code);
    if (text === undefined) {
      text = formatMessageInAllLocales(missingDataMessageCode(code));
      missingTexts.set(code, text);
    }
    return { code, factors, text };
  });
}

/** The latest level decision for the package on or before asOf (the later entry on one day). */
function latestDecision(ctx: FactContext, pkg: PackageId): ClinicianLevelDecision | undefined {
  let latest: ClinicianLevelDecision | undefined;
  for (const d of ctx.record.levelDecisions) {
    if (d.package === pkg && d.date <= ctx.asOf) latest = { level: d.level, reason: d.reason, date: d.date };
  }
  return latest;
}

const contactPlans = new WeakMap<DifferentiationPlan, Map<string, ContactPlan>>();

function contactPlan(plan: DifferentiationPlan, level: Level, basis: ContactPlan['basis']): ContactPlan {
  let cache = contactPlans.get(plan);
  if (cache === undefined) {
    cache = new Map();
    contactPlans.set(plan, cache);
  }
  const key = `${String(level)}:${basis}`;
  const cached = cache.get(key);
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
  cache.set(key, built);
  return built;
}

function knownSeverity(range: LevelRange): SeverityClass | undefined {
  return range.severity.minimum === range.severity.maximum ? range.severity.minimum : undefined;
}

function truthsOf(results: readonly RuleResult[], plan: DifferentiationPlan): RuleTruth[] {
  return results.map((r, i) => {
    const rule = plan.rules[i];
    if (rule === undefined) throw new InternalError('A differentiation rule has no plan');
    return { rule, result: r.result };
  });
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
  const then = knownSeverity(levelRange(truthsOf(evaluateRulePack(compiled, thenCtx).results, plan), plan.parameters));
  if (then !== undefined) return then !== current;
  return plan.parameters.severityLevels[current] > decision.level;
}

function reassessment(
  ctx: FactContext,
  pkg: PackageId,
  catalogue: FactCatalogue,
  compiled: CompiledRulePack,
  plan: DifferentiationPlan,
  range: LevelRange,
  decision: ClinicianLevelDecision | undefined,
): Reassessment {
  if (decision === undefined) return { due: false, reasons: [], details: [] };
  const details: ReassessmentDetail[] = [];
  const aarsstatus = computeFact(ctx, 'latestAarsstatusDate', { package: pkg }, catalogue);
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
  if (typeof ctx !== 'object' || (ctx as unknown) === null) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected a fact context', { path: ['ctx'] });
  }
  assertParsedRecord(ctx.record, ['ctx', 'record']);
  assertAsOf(ctx.asOf);
  const pkg = options.package;
  const compiled = (options.packs ?? defaultDifferentiationPacks()).select(DIFFERENTIATION_PACK_IDS[pkg], ctx.asOf);
  const plan = differentiationPlan(compiled.pack);
  if (plan.parameters.package !== pkg) throw wrongPackage(compiled.pack.id);
  const catalogue = factCatalogueOf(compiled.pack);
  const { results, ruleSet } = evaluateRulePack(compiled, ctx);
  const range = levelRange(truthsOf(results, plan), plan.parameters);
  const decision = latestDecision(ctx, pkg);
  const suggestedLevel = range.minimumLevel;
  const determined = range.minimumLevel === range.maximumLevel;
  const motivation = computeFact(ctx, 'needsAssessmentMotivation', { package: pkg }, catalogue) as MotivationLevel | undefined;
  const differs = decision !== undefined && decision.level !== suggestedLevel;
  const suggestedContactPlan = contactPlan(plan, suggestedLevel, 'suggestion');
  return {
    package: pkg,
    asOf: ctx.asOf,
    suggestedLevel,
    minimumLevel: range.minimumLevel,
    maximumLevel: range.maximumLevel,
    determined,
    severity: knownSeverity(range) ?? 'unknown',
    severityRange: range.severity,
    complexityFactors: range.factors.minimum,
    possibleComplexityFactors: range.factors.maximum,
    drivers: buildDrivers(results, plan, range),
    missing: buildMissing(results, plan, range),
    ...(motivation === undefined ? {} : { motivation }),
    ...(decision === undefined ? {} : { clinicianDecision: decision }),
    differsFromClinician: differs,
    reassessment: reassessment(ctx, pkg, catalogue, compiled, plan, range, decision),
    contactPlan: decision === undefined ? suggestedContactPlan : contactPlan(plan, decision.level, 'clinician'),
    suggestedContactPlan,
    summary: determined
      ? formatMessageInAllLocales('differentiation.summary.determined', { level: suggestedLevel })
      : formatMessageInAllLocales('differentiation.summary.undetermined', { level: suggestedLevel, maximum: range.maximumLevel }),
    ...(differs ? { clinicianNote: formatMessageInAllLocales('differentiation.clinician.differs', { decided: decision.level, suggested: suggestedLevel }) } : {}),
    rules: results,
    ruleSet,
  };
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
