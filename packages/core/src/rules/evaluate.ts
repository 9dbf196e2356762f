/**
 * The evaluator: compiles a pack once into plain closures (no `eval`, no
 * `new Function`, no JSONPath) and evaluates it for one patient with
 * three-valued logic and a full trace.
 *
 * Three-valued logic (Kleene): a leaf whose fact is unknown is `unknown`;
 * `all` is false if any child is false, true if all are true, else unknown;
 * `any` is true if any child is true, false if all are false, else unknown;
 * `not(unknown)` is unknown. Missing data therefore never turns into `false`.
 *
 * @module
 */
import { InternalError } from '../errors/errors';
import { computeWithKey, factKey, factSlot } from './facts';
import type { FactCatalogue, FactContext, FactDefinition, FactValue, MissingDataCode } from './facts';
import { OPERATORS } from './operators';
import { factCatalogueOf } from './pack';
import type { Condition, JsonValue, LeafCondition, RulePack, RuleSetRef } from './pack';

/** The outcome of a condition or rule: true, false, or unknown (data missing). */
export type Truth = 'true' | 'false' | 'unknown';

/** A leaf of the trace: the fact, its value, the comparison and its result. */
export interface LeafTrace {
  readonly kind: 'fact';
  /** The leaf's name, if the pack gave one. */
  readonly name?: string | undefined;
  /** Fact name. */
  readonly fact: string;
  /** Fact params, if any. */
  readonly params?: Readonly<Record<string, JsonValue>> | undefined;
  /** Operator name. */
  readonly operator: string;
  /** The operand from the pack. */
  readonly value: JsonValue;
  /** The fact value used; absent when unknown. */
  readonly factValue?: FactValue;
  /** The leaf's result. */
  readonly result: Truth;
  /** When unknown: the data that would decide it. */
  readonly missing?: MissingDataCode | undefined;
}

/** A group of the trace (`all`, `any`, `not`) with its children. */
export interface GroupTrace {
  readonly kind: 'all' | 'any' | 'not';
  /** The group's name, if the pack gave one. */
  readonly name?: string | undefined;
  /** The group's result. */
  readonly result: Truth;
  /** The children's traces, in pack order (every child is evaluated, for a complete trace). */
  readonly children: readonly TraceNode[];
}

/** A node of the evaluation trace. */
export type TraceNode = LeafTrace | GroupTrace;

/** The outcome of one rule for one patient. */
export interface RuleResult {
  /** The rule's name. */
  readonly name: string;
  /** The rule's priority (default 1). */
  readonly priority: number;
  /** Whether the rule's conditions hold. */
  readonly result: Truth;
  /** The rule's event (type and params from the pack). */
  readonly event: { readonly type: string; readonly params?: Readonly<Record<string, JsonValue>> | undefined };
  /** What data would decide the rule, when its result is unknown. */
  readonly missing: readonly MissingDataCode[];
  /**
   * The full trace: every leaf and group with its result and the fact values
   * used. Built on first read; `JSON.stringify` includes it.
   */
  readonly trace: TraceNode;
}

/** The outcome of a whole pack for one patient. */
export interface PackEvaluation {
  /** Which pack version decided. */
  readonly ruleSet: RuleSetRef;
  /** Each rule's outcome alone, in the pack's order: the cheap view for deciding a status. */
  readonly truths: readonly Truth[];
  /** One result per rule, in the pack's order (built on first read; `JSON.stringify` includes them). */
  readonly results: readonly RuleResult[];
  /**
   * The result of rule `index` alone (the same object as `results[index]`),
   * for callers that need a few of them: the others are not built.
   *
   * @internal
   * @param index - the rule's index in the pack
   * @returns the rule's result
   */
  resultAt(index: number): RuleResult;
}

/**
 * A condition compiled twice over: `truth` decides it with Kleene
 * short-circuits and allocates nothing (the hot path, run for every patient);
 * `trace` evaluates every child and records the whole tree (run when a
 * result's trace is read). Both read the same memoised facts, so they agree.
 */
interface CompiledNode {
  readonly truth: (ctx: FactContext) => Truth;
  readonly trace: (ctx: FactContext) => TraceNode;
  /**
   * For a node whose truth is unknown: adds the missing-data codes its trace
   * would give ({@link missingData}), in the same order, without building it.
   */
  readonly missing: (ctx: FactContext, into: MissingDataCode[]) => void;
  /** Every missing-data code a leaf under the node can give, in pack order (known at compile time). */
  readonly codes: readonly MissingDataCode[];
  /** Whether every leaf under the node gives a code when unknown: then an unknown node with one possible code misses exactly it. */
  readonly allCoded: boolean;
}

function unionCodes(children: readonly CompiledNode[]): MissingDataCode[] {
  const out: MissingDataCode[] = [];
  for (const child of children) for (const code of child.codes) if (!out.includes(code)) out.push(code);
  return out;
}

function addMissing(into: MissingDataCode[], code: MissingDataCode): void {
  if (!into.includes(code)) into.push(code);
}

/** A pack compiled into closures; evaluate it with {@link evaluateRulePack}. */
export interface CompiledRulePack {
  /** The pack it was compiled from. */
  readonly pack: RulePack;
  /** @internal the compiled rules. */
  readonly rules: readonly CompiledRule[];
  /** @internal each rule's truth closure, in rule order (the loop every patient runs). */
  readonly truthOf: readonly ((ctx: FactContext) => Truth)[];
}

/** @internal one compiled rule. */
export interface CompiledRule {
  readonly rule: RulePack['rules'][number];
  /** @internal */
  readonly node: CompiledNode;
  /**
   * The missing data of the rule when its result is unknown, when that list
   * is the same for every patient (no leaf under it names missing data, or
   * all name the same one); `undefined` when it depends on which leaves are
   * unknown. Known at compile time, frozen.
   */
  readonly fixedMissing: readonly MissingDataCode[] | undefined;
}

function compileLeaf(leaf: LeafCondition, facts: FactCatalogue): CompiledNode {
  const fact: FactDefinition | undefined = facts.get(leaf.fact);
  const op = OPERATORS.get(leaf.operator);
  // loadRulePack has checked both; a miss here means a pack bypassed loading.
  if (fact === undefined || op === undefined) throw new InternalError('Rule pack was not loaded before compiling');
  const params = leaf.params ?? {};
  const keyText = factKey(leaf.fact, leaf.params);
  const key = factSlot(keyText);
  const test = op.prepare(leaf.value);
  const { name, fact: factName, operator, value } = leaf;
  const factParams = leaf.params;
  const missing = fact.missing;
  return {
    truth: leafTruth(leaf, fact, keyText, key, params, test),
    // Literal objects with one fixed shape (conditional spreads here made V8 fall back to slow objects).
    trace: (ctx) => {
      const factValue = computeWithKey(ctx, fact, key, params);
      if (factValue === undefined) {
        return { kind: 'fact', name, fact: factName, params: factParams, operator, value, factValue, result: 'unknown', missing };
      }
      const result: Truth = test(factValue, ctx.asOf) ? 'true' : 'false';
      return { kind: 'fact', name, fact: factName, params: factParams, operator, value, factValue, result, missing: undefined };
    },
    missing: (_ctx, into) => {
      if (missing !== undefined) addMissing(into, missing);
    },
    codes: missing === undefined ? [] : [missing],
    allCoded: missing !== undefined,
  };
}

/**
 * A leaf's truth closure. The operators most leaves use (`equal`,
 * `notEqual`, the four numeric ones, `in`, `notIn`, `contains`, `doesNotContain`) are
 * written out with their operand, with exactly the operator's semantics: one
 * call per leaf instead of three (leaf, predicate, comparison), which is most
 * of a leaf's cost once its fact is memoised. Value-set membership is
 * memoised per fact and value set. Every other operator goes through its
 * prepared predicate. A property test checks each against the operator's own
 * predicate.
 */
function leafTruth(
  leaf: LeafCondition,
  fact: FactDefinition,
  keyText: string,
  slot: number,
  params: Readonly<Record<string, JsonValue>>,
  test: (factValue: Exclude<FactValue, undefined>, asOf: string) => boolean,
): (ctx: FactContext) => Truth {
  const b = leaf.value;
  switch (leaf.operator) {
    case 'equal':
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : a === b ? 'true' : 'false';
      };
    case 'notEqual':
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : a !== b ? 'true' : 'false';
      };
    case 'lessThan':
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : (a as number) < (b as number) ? 'true' : 'false';
      };
    case 'lessThanInclusive':
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : (a as number) <= (b as number) ? 'true' : 'false';
      };
    case 'greaterThan':
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : (a as number) > (b as number) ? 'true' : 'false';
      };
    case 'greaterThanInclusive':
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : (a as number) >= (b as number) ? 'true' : 'false';
      };
    case 'in': {
      const list = b as readonly JsonValue[];
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : list.includes(a as JsonValue) ? 'true' : 'false';
      };
    }
    case 'notIn': {
      const list = b as readonly JsonValue[];
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : list.includes(a as JsonValue) ? 'false' : 'true';
      };
    }
    case 'contains':
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : (a as readonly unknown[]).includes(b) ? 'true' : 'false';
      };
    case 'doesNotContain':
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        return a === undefined ? 'unknown' : (a as readonly unknown[]).includes(b) ? 'false' : 'true';
      };
    case 'anyInValueSet':
    case 'noneInValueSet': {
      // Both ask whether any code of the fact is in the value set. The answer is memoised per fact and
      // value set beside the facts, so leaves that ask it again (a diagnosis criterion, and its "no
      // diagnosis, nothing to confirm" twin) scan the codes once per patient.
      const anyIn = (OPERATORS.get('anyInValueSet') as NonNullable<ReturnType<typeof OPERATORS.get>>).prepare(b);
      const answerSlot = factSlot(`${keyText} anyInValueSet ${JSON.stringify(b)}`);
      const whenAny: Truth = leaf.operator === 'anyInValueSet' ? 'true' : 'false';
      const whenNone: Truth = whenAny === 'true' ? 'false' : 'true';
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        if (a === undefined) return 'unknown';
        const values = ctx.memo.values;
        let any = values[answerSlot] as boolean | undefined;
        if (any === undefined) {
          any = anyIn(a, ctx.asOf);
          values[answerSlot] = any;
        }
        return any ? whenAny : whenNone;
      };
    }
    default:
      return (ctx) => {
        const a = computeWithKey(ctx, fact, slot, params);
        if (a === undefined) return 'unknown';
        return test(a, ctx.asOf) ? 'true' : 'false';
      };
  }
}

/**
 * A group's truth with Kleene short-circuits: a `decisive` child decides,
 * else unknown if any child is unknown, else `otherwise`. Groups of two and
 * three (most of them) are written out, without a loop over their children.
 */
function groupTruth(
  children: readonly ((ctx: FactContext) => Truth)[],
  decisive: Truth,
  otherwise: Truth,
): (ctx: FactContext) => Truth {
  const [c0, c1, c2] = children;
  if (children.length === 2 && c0 !== undefined && c1 !== undefined) {
    return (ctx) => {
      const a = c0(ctx);
      if (a === decisive) return decisive;
      const b = c1(ctx);
      if (b === decisive) return decisive;
      return a === 'unknown' || b === 'unknown' ? 'unknown' : otherwise;
    };
  }
  if (children.length === 3 && c0 !== undefined && c1 !== undefined && c2 !== undefined) {
    return (ctx) => {
      const a = c0(ctx);
      if (a === decisive) return decisive;
      const b = c1(ctx);
      if (b === decisive) return decisive;
      const c = c2(ctx);
      if (c === decisive) return decisive;
      return a === 'unknown' || b === 'unknown' || c === 'unknown' ? 'unknown' : otherwise;
    };
  }
  return (ctx) => {
    let sawUnknown = false;
    for (let i = 0; i < children.length; i++) {
      const t = (children[i] as (ctx: FactContext) => Truth)(ctx);
      if (t === decisive) return decisive;
      if (t === 'unknown') sawUnknown = true;
    }
    return sawUnknown ? 'unknown' : otherwise;
  };
}

function negate(t: Truth): Truth {
  return t === 'unknown' ? 'unknown' : t === 'true' ? 'false' : 'true';
}

/** A condition's meaning as text: the same text, the same result for a patient (names are left out). */
function conditionKey(c: Condition): string {
  if ('fact' in c) return `${factKey(c.fact, c.params)} ${c.operator} ${JSON.stringify(c.value)}`;
  if ('not' in c) return `not(${conditionKey(c.not)})`;
  return 'all' in c ? `all(${c.all.map(conditionKey).join(';')})` : `any(${c.any.map(conditionKey).join(';')})`;
}

/** The keys of the groups that occur more than once in a pack (a scope every rule repeats, say). */
function repeatedGroups(pack: RulePack): ReadonlySet<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const walk = (c: Condition): void => {
    if ('fact' in c) return;
    const key = conditionKey(c);
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
    if ('not' in c) walk(c.not);
    else for (const child of 'all' in c ? c.all : c.any) walk(child);
  };
  for (const rule of pack.rules) walk(rule.conditions);
  return repeated;
}

/**
 * A group's truth memoised in the patient's context, for groups a pack
 * repeats: the first rule works it out, the others read it (keyed by the
 * group's meaning, so packs that share a group share the answer too).
 */
function memoisedTruth(truth: (ctx: FactContext) => Truth, key: string): (ctx: FactContext) => Truth {
  const slot = factSlot(`condition ${key}`);
  return (ctx) => {
    const values = ctx.memo.values;
    const known = values[slot];
    if (known !== undefined) return known as Truth;
    const t = truth(ctx);
    values[slot] = t;
    return t;
  };
}

function compileCondition(c: Condition, facts: FactCatalogue, repeated: ReadonlySet<string>): CompiledNode {
  const node = compileUnshared(c, facts, repeated);
  if ('fact' in c) return node;
  const key = conditionKey(c);
  return repeated.has(key) ? { ...node, truth: memoisedTruth(node.truth, key) } : node;
}

function compileUnshared(c: Condition, facts: FactCatalogue, repeated: ReadonlySet<string>): CompiledNode {
  if ('fact' in c) return compileLeaf(c, facts);
  const name = c.name;
  if ('not' in c) {
    const child = compileCondition(c.not, facts, repeated);
    return {
      truth: (ctx) => negate(child.truth(ctx)),
      trace: (ctx) => {
        const t = child.trace(ctx);
        return { kind: 'not', name, result: negate(t.result), children: [t] };
      },
      missing: (ctx, into) => {
        child.missing(ctx, into);
      },
      codes: child.codes,
      allCoded: child.allCoded,
    };
  }
  const isAll = 'all' in c;
  const children = (isAll ? c.all : c.any).map((x) => compileCondition(x, facts, repeated));
  const kind = isAll ? ('all' as const) : ('any' as const);
  // all: a false child decides; any: a true child decides. Unknown only if nothing decides and something is unknown.
  const decisive: Truth = isAll ? 'false' : 'true';
  const otherwise: Truth = isAll ? 'true' : 'false';
  // A group of one child has the child's truth (Kleene: all([x]) = any([x]) = x): its truth is the child's own
  // closure, one call less per rule (most rules are a single leaf under `all`). The trace keeps the group.
  const only = children.length === 1 ? children[0] : undefined;
  return {
    truth: only !== undefined ? only.truth : groupTruth(children.map((child) => child.truth), decisive, otherwise),
    trace: (ctx) => {
      const traces: TraceNode[] = [];
      let sawUnknown = false;
      let decided = false;
      for (const child of children) {
        const t = child.trace(ctx);
        traces.push(t);
        if (t.result === decisive) decided = true;
        else if (t.result === 'unknown') sawUnknown = true;
      }
      const result: Truth = decided ? decisive : sawUnknown ? 'unknown' : otherwise;
      return { kind, name, result, children: traces };
    },
    missing: (ctx, into) => {
      // Only called when this group is unknown: no child decides, so every unknown child counts
      // (children that can give no code are not even evaluated).
      for (const child of children) if (child.codes.length > 0 && child.truth(ctx) === 'unknown') child.missing(ctx, into);
    },
    codes: unionCodes(children),
    allCoded: children.every((child) => child.allCoded),
  };
}

/**
 * Compiles a loaded pack into closures. Do it once per pack, not per patient.
 *
 * @param pack - a pack from {@link loadRulePack}
 * @returns the compiled pack
 * @example
 * ```ts
 * const compiled = compileRulePack(loadRulePack(json));
 * const evaluation = evaluateRulePack(compiled, createFactContext(record, asOf));
 * ```
 */
export function compileRulePack(pack: RulePack): CompiledRulePack {
  const facts = factCatalogueOf(pack);
  const repeated = repeatedGroups(pack);
  const rules = pack.rules.map((rule) => {
    const node = compileCondition(rule.conditions, facts, repeated);
    return { rule, node, fixedMissing: fixedMissingOf(node) };
  });
  return { pack, rules, truthOf: rules.map((r) => r.node.truth) };
}

function fixedMissingOf(node: CompiledNode): readonly MissingDataCode[] | undefined {
  if (node.codes.length === 0) return NOTHING_MISSING;
  // Unknown means some leaf under it is unknown, and every leaf gives this one code.
  if (node.codes.length === 1 && node.allCoded) return onlyMissing(node.codes[0] as MissingDataCode);
  return undefined;
}

function collectMissing(node: TraceNode, into: Set<MissingDataCode>): void {
  if (node.result !== 'unknown') return;
  if (node.kind === 'fact') {
    if (node.missing !== undefined) into.add(node.missing);
    return;
  }
  for (const child of node.children) collectMissing(child, into);
}

/**
 * The data whose absence leaves a trace node unknown: only leaves under
 * unknown groups count (an unknown leaf beside a deciding sibling does not).
 *
 * @param node - a trace node
 * @returns the missing-data codes, in first-seen order
 * @example
 * ```ts
 * missingData(result.trace); // ['post-bronchodilator-spirometry']
 * ```
 */
export function missingData(node: TraceNode): MissingDataCode[] {
  const set = new Set<MissingDataCode>();
  collectMissing(node, set);
  return [...set];
}

/**
 * Evaluates a compiled pack for one patient.
 *
 * @param compiled - from {@link compileRulePack}
 * @param ctx - the patient's fact context (share it across packs for the same patient and date)
 * @returns every rule's result with its trace, and the pack's identity
 * @example
 * ```ts
 * const { results, ruleSet } = evaluateRulePack(compiled, createFactContext(record, '2027-01-15'));
 * ```
 */
export function evaluateRulePack(compiled: CompiledRulePack, ctx: FactContext): PackEvaluation {
  return new LazyPackEvaluation(compiled, ctx);
}

/**
 * A pack's outcome: the truths are computed at once (no allocation beyond
 * one array), the result objects with their traces when first read.
 */
class LazyPackEvaluation implements PackEvaluation {
  readonly ruleSet: RuleSetRef;
  readonly truths: readonly Truth[];
  readonly #compiled: CompiledRulePack;
  readonly #ctx: FactContext;
  #results: readonly RuleResult[] | undefined;
  /** Results built one at a time by {@link LazyPackEvaluation.resultAt}, before `results` was read. */
  #some: (RuleResult | undefined)[] | undefined;

  constructor(compiled: CompiledRulePack, ctx: FactContext) {
    this.#compiled = compiled;
    this.#ctx = ctx;
    this.ruleSet = compiled.pack.ref;
    const truthOf = compiled.truthOf;
    const truths: Truth[] = [];
    for (let i = 0; i < truthOf.length; i++) truths.push((truthOf[i] as (ctx: FactContext) => Truth)(ctx));
    this.truths = truths;
    this.#results = undefined;
    this.#some = undefined;
  }

  get results(): readonly RuleResult[] {
    if (this.#results === undefined) {
      const rules = this.#compiled.rules;
      const out: RuleResult[] = [];
      for (let i = 0; i < rules.length; i++) out.push(this.resultAt(i));
      this.#results = out;
      this.#some = undefined;
    }
    return this.#results;
  }

  resultAt(index: number): RuleResult {
    const all = this.#results;
    if (all !== undefined) return all[index] as RuleResult;
    this.#some ??= [];
    let result = this.#some[index];
    if (result === undefined) {
      const compiledRule = this.#compiled.rules[index];
      if (compiledRule === undefined) throw new InternalError('No rule at this index');
      result = new LazyRuleResult(compiledRule, this.#ctx, this.truths[index] as Truth);
      this.#some[index] = result;
    }
    return result;
  }

  toJSON(): { ruleSet: RuleSetRef; results: readonly RuleResult[] } {
    return { ruleSet: this.ruleSet, results: this.results };
  }
}

/**
 * A rule result whose trace is built on first read. A class with a
 * prototype getter, not an object literal with one: literals with accessors
 * get a new hidden class each time, which made V8 slow everywhere they went.
 * `toJSON` includes the trace, so serialised results are complete.
 */
/** Shared by every decided result (most of them), instead of a new empty array each. */
const NOTHING_MISSING: readonly MissingDataCode[] = Object.freeze([]);

/** Where a result's missing data are collected (results are built one at a time, synchronously). */
const MISSING_SCRATCH: MissingDataCode[] = [];

/** The one-code lists, shared by every result that misses just that (most unknown results), frozen. */
const ONLY_MISSING = new Map<MissingDataCode, readonly MissingDataCode[]>();

function onlyMissing(code: MissingDataCode): readonly MissingDataCode[] {
  let list = ONLY_MISSING.get(code);
  if (list === undefined) {
    list = Object.freeze([code]);
    ONLY_MISSING.set(code, list);
  }
  return list;
}

class LazyRuleResult implements RuleResult {
  readonly name: string;
  readonly priority: number;
  readonly result: Truth;
  readonly event: RuleResult['event'];
  readonly missing: readonly MissingDataCode[];
  readonly #node: CompiledNode;
  readonly #ctx: FactContext;
  #trace: TraceNode | undefined;

  constructor(compiled: CompiledRule, ctx: FactContext, result: Truth) {
    const { rule, node } = compiled;
    this.#node = node;
    this.#ctx = ctx;
    this.name = rule.name;
    this.priority = rule.priority ?? 1;
    this.result = result;
    this.event = rule.event;
    this.#trace = undefined;
    if (result === 'unknown') {
      const fixed = compiled.fixedMissing;
      if (fixed !== undefined) this.missing = fixed;
      else {
        const scratch = MISSING_SCRATCH;
        scratch.length = 0;
        node.missing(ctx, scratch);
        this.missing = scratch.length === 0 ? NOTHING_MISSING : scratch.length === 1 ? onlyMissing(scratch[0] as MissingDataCode) : scratch.slice();
      }
    } else {
      this.missing = NOTHING_MISSING;
    }
  }

  get trace(): TraceNode {
    this.#trace ??= this.#node.trace(this.#ctx);
    return this.#trace;
  }

  toJSON(): Omit<RuleResult, 'trace'> & { trace: TraceNode } {
    return { name: this.name, priority: this.priority, result: this.result, event: this.event, missing: this.missing, trace: this.trace };
  }
}

