/**
 * Care items for one patient: evaluate the package's care pack with the core
 * evaluator and turn every rule that holds into a dated item, generically:
 * the code knows no threshold, interval or code list; the pack does.
 *
 * @module
 */
import {
  KronikerpakkerError,
  assertAsOf,
  assertOptionsObject,
  assertPackageId,
  assertParsedRecord,
  createFactContext,
  evaluateRulePack,
  formatMessageInAllLocales,
} from '@kronikerpakker/core';
import type { FactContext, IsoDate, MessageCode, PackageId, PatientRecord, RuleResult, RuleSetRef, TraceNode, Truth } from '@kronikerpakker/core';
import { inclusionOf, levelSuggestionOf } from './facts';
import { CARE_PACK_IDS, carePlan, defaultCarePacks } from './packs';
import type { PlannedCareRule } from './packs';
import type { CareContextOptions, CareEvaluation, CareItem, CareItemKind, CareOptions, LocalizedText, TriggerFact } from './types';


/** Texts of items without a due date are the same for every patient: rendered once per message. */
const fixedTexts = new Map<MessageCode, LocalizedText>();

/**
 * Texts of dated items repeat across a population (many patients share a due
 * date): kept in a bounded cache, emptied when it fills.
 */
const datedTexts = new Map<string, LocalizedText>();
const DATED_TEXTS_MAX = 20_000;

function textOf(code: MessageCode, dueDate: IsoDate | null): LocalizedText {
  if (dueDate !== null) {
    const key = `${code}|${dueDate}`;
    let dated = datedTexts.get(key);
    if (dated === undefined) {
      if (datedTexts.size >= DATED_TEXTS_MAX) datedTexts.clear();
      dated = renderFrozen(code, { date: dueDate });
      datedTexts.set(key, dated);
    }
    return dated;
  }
  let text = fixedTexts.get(code);
  if (text === undefined) {
    text = renderFrozen(code, {});
    fixedTexts.set(code, text);
  }
  return text;
}

/** The leaves that decided a node's result `want` (the package scope left out). */
function collectDeciding(node: TraceNode, want: Truth, into: TriggerFact[]): void {
  if (node.result !== want) return;
  if (node.kind === 'fact') {
    into.push({ fact: node.fact, params: node.params, operator: node.operator, operand: node.value, value: node.factValue });
    return;
  }
  if (node.name === 'in-package') return;
  if (node.kind === 'not') {
    const child = node.children[0];
    if (child !== undefined) collectDeciding(child, want === 'true' ? 'false' : 'true', into);
    return;
  }
  for (const child of node.children) collectDeciding(child, want, into);
}

/**
 * One care item. The trace and the triggering facts are read from the rule
 * result when asked for (a class with prototype getters keeps one hidden
 * class; `toJSON` includes both).
 */
class Item implements CareItem {
  readonly code: string;
  readonly kind: CareItemKind;
  readonly priority: number;
  readonly urgent: boolean;
  readonly dueDate: IsoDate | null;
  readonly message: MessageCode;
  readonly text: LocalizedText;
  readonly source: string;
  readonly rule: string;
  readonly provisional: boolean;
  readonly ruleSet: RuleSetRef;
  readonly #result: RuleResult;
  #facts: readonly TriggerFact[] | undefined;

  constructor(rule: PlannedCareRule, result: RuleResult, dueDate: IsoDate | null, ruleSet: RuleSetRef) {
    this.code = rule.code;
    this.kind = rule.kind;
    this.priority = rule.priority;
    this.urgent = rule.urgent;
    this.dueDate = dueDate;
    this.message = rule.message;
    this.text = textOf(rule.message, dueDate);
    this.source = rule.source;
    this.rule = rule.name;
    this.provisional = ruleSet.status === 'provisional';
    this.ruleSet = ruleSet;
    this.#result = result;
  }

  get trace(): TraceNode {
    return this.#result.trace;
  }

  get facts(): readonly TriggerFact[] {
    if (this.#facts === undefined) {
      const into: TriggerFact[] = [];
      collectDeciding(this.#result.trace, 'true', into);
      this.#facts = into;
    }
    return this.#facts;
  }

  toJSON(): Omit<CareItem, 'facts' | 'trace'> & { facts: readonly TriggerFact[]; trace: TraceNode } {
    return {
      code: this.code,
      kind: this.kind,
      priority: this.priority,
      urgent: this.urgent,
      dueDate: this.dueDate,
      message: this.message,
      text: this.text,
      source: this.source,
      rule: this.rule,
      provisional: this.provisional,
      facts: this.facts,
      trace: this.trace,
      ruleSet: this.ruleSet,
    };
  }
}

/**
 * The order of items: urgent first, then priority (highest first), then due
 * date (earliest first, items without one after those with one), then code.
 *
 * @param a - an item
 * @param b - another item
 * @returns negative when `a` comes first
 * @example
 * ```ts
 * [...items].sort(compareCareItems);
 * ```
 */
export function compareCareItems(a: CareItem, b: CareItem): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** No items: shared by every evaluation without any (frozen). */
const NO_ITEMS: readonly CareItem[] = Object.freeze([]);

/**
 * The care items for one package in an existing fact context: share the
 * context with `evaluateInclusionInContext` and `suggestLevelInContext` so
 * every fact is computed once per patient and date.
 *
 * Every rule of the package's care pack is evaluated (three-valued, traced).
 * A rule that holds gives one item with the pack's code, kind, priority,
 * message and source; its due date comes from the date fact the event names
 * (for a `due` item never before `asOf`: a date that has passed means due now).
 * Rules with scope `package` hold only for patients in the package by the
 * enrolment policy (`enrolmentOf` of `@kronikerpakker/inclusion`: enrolled, and
 * eligible or with data missing; the pack's `in-package` condition reads it through the fact
 * `packageCareInScope`); rules with scope `always` (data quality, an urgent
 * warning sign) hold for anyone. A rule whose result is unknown gives no
 * item: the packs ask for missing data with explicit `missing-data` rules.
 *
 * @param ctx - the patient's fact context (`createFactContext(record, asOf)`, record validated by `parsePatientRecord`)
 * @param options - the package, and the packs to use
 * @returns the ordered items, whether the patient is in the package, and the pack version
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for an unknown package or a malformed `ctx.asOf`;
 *   `InvalidRulePackError` when no version of the package's care pack is valid on `asOf`
 * @example
 * ```ts
 * const ctx = createFactContext(record, '2027-01-15');
 * const level = suggestLevelInContext(ctx, { package: 'KOL' });
 * const care = evaluateCareInContext(ctx, { package: 'KOL', level });
 * care.items.map((i) => i.code); // ['kol.exacerbations.review', 'kol.aarsstatus.overdue', …]
 * ```
 */
export function evaluateCareInContext(ctx: FactContext, options: CareContextOptions): CareEvaluation {
  assertOptionsObject(options);
  assertPackageId(options.package);
  assertAsOf(ctx.asOf);
  const pkg = options.package;
  const packs = options.packs ?? defaultCarePacks();
  const compiled = packs.select(CARE_PACK_IDS[pkg], ctx.asOf);
  const plan = carePlan(compiled.pack);
  // Seed the level the facts read (the contact plan in force and the re-assessment).
  if (options.level !== undefined || options.levelPacks !== undefined) seedLevel(ctx, pkg, options);
  if (options.inclusion !== undefined || options.inclusionPacks !== undefined) seedInclusion(ctx, pkg, options);
  const evaluation = evaluateRulePack(compiled, ctx);

  // Most patients of a clinic get no item: nothing is allocated for them.
  let items: Item[] | undefined;
  let inPackage = false;
  let urgent = false;
  const truths = evaluation.truths;
  for (let i = 0; i < plan.rules.length; i++) {
    const rule = plan.rules[i] as PlannedCareRule;
    // Only rules that hold give items: the result objects of the others are never built.
    if (truths[i] !== 'true') continue;
    if (rule.scope) {
      inPackage = true;
      continue;
    }
    const result = evaluation.resultAt(i);
    let dueDate: IsoDate | null = null;
    if (rule.due !== undefined) {
      const value = rule.due.read(ctx);
      // "Due" is what to do soon: a due date that has passed (the PRO before an overdue årsstatus) means due now.
      if (typeof value === 'string') dueDate = rule.kind === 'due' && value < ctx.asOf ? ctx.asOf : value;
    }
    if (rule.urgent) urgent = true;
    items ??= [];
    items.push(new Item(rule, result, dueDate, evaluation.ruleSet));
  }
  if (items !== undefined && items.length > 1) items.sort(compareCareItems);
  return { package: pkg, asOf: ctx.asOf, inPackage, urgent, items: items ?? NO_ITEMS, ruleSet: evaluation.ruleSet };
}

function seedInclusion(ctx: FactContext, pkg: PackageId, options: CareContextOptions): void {
  const given = options.inclusion;
  if (given !== undefined) {
    if (given.package !== pkg || given.asOf !== ctx.asOf) {
      throw new KronikerpakkerError('INVALID_ARGUMENT', 'The inclusion result is for another package or date', { path: ['options', 'inclusion'] });
    }
    inclusionOf(ctx, pkg, undefined, given);
    return;
  }
  inclusionOf(ctx, pkg, options.inclusionPacks);
}

function seedLevel(ctx: FactContext, pkg: PackageId, options: CareContextOptions): void {
  if (options.level !== undefined) {
    if (options.level.package !== pkg || options.level.asOf !== ctx.asOf) {
      throw new KronikerpakkerError('INVALID_ARGUMENT', 'The level suggestion is for another package or date', { path: ['options', 'level'] });
    }
    levelSuggestionOf(ctx, pkg, undefined, options.level);
    return;
  }
  levelSuggestionOf(ctx, pkg, options.levelPacks);
}

/**
 * The care items of one patient for one package on one date: what is due or
 * overdue (årsstatus, follow-up of the contact plan, PRO), what is missing,
 * what to suggest or act on, and data to check. Results are data: a clinical
 * outcome never throws. See {@link evaluateCareInContext}.
 *
 * @param record - a record validated by `parsePatientRecord` (parse it with the same `asOf`)
 * @param options - the package (`KOL` or `LRS`), the evaluation date, and optionally the packs
 * @returns the ordered items with Danish and English texts and the pack version
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for a malformed `asOf`, an unknown package or an unparsed record
 *   (messages never carry patient data); `InvalidRulePackError` when no pack version is valid on `asOf`
 * @example
 * ```ts
 * const record = parsePatientRecord(input, { asOf: '2027-01-15' });
 * const care = evaluateCare(record, { package: 'KOL', asOf: '2027-01-15' });
 * care.items[0]?.code;    // 'kol.aarsstatus.overdue'
 * care.items[0]?.text.da; // 'Årsstatus er overskredet: den skulle have været holdt senest den 10. januar 2027.'
 * ```
 */
export function evaluateCare(record: PatientRecord, options: CareOptions): CareEvaluation {
  assertOptionsObject(options);
  assertAsOf(options.asOf);
  assertPackageId(options.package);
  assertParsedRecord(record);
  return evaluateCareInContext(createFactContext(record, options.asOf), options);
}

/** Texts are shared between items, so they are frozen. */
function renderFrozen(code: MessageCode, params: Readonly<Record<string, string>>): LocalizedText {
  return Object.freeze(formatMessageInAllLocales(code, params));
}
