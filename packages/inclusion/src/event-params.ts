/**
 * What the events of an inclusion pack mean, and their validation.
 *
 * An inclusion pack is an ordinary rule pack whose every rule has an event
 * `{ type: 'criterion' | 'exclusion', params }`. The params say which
 * criterion the rule decides, the source it rests on, and which message the
 * clinician reads when the rule is true, false or unknown. Message
 * parameters are literals, facts of the patient, or operands of the rule's
 * own named conditions (so a threshold is written once).
 *
 * Validation runs once per loaded pack (memoised by object identity) and
 * reports every problem as an {@link InvalidRulePackError} naming the pack,
 * the rule and the path.
 *
 * @module
 */
import { z } from 'zod';
import {
  FACTS,
  InvalidRulePackError,
  isIsoDate,
  isMessageCode,
  isRedFlagCategory,
  loadRulePack,
  messages,
} from '@kronikerpakker/core';
import type {
  Condition,
  ErrorPath,
  FactType,
  JsonValue,
  LeafCondition,
  MessageCode,
  MessageDefinition,
  ParamKind,
  RulePack,
  RulePackIssue,
  Truth,
} from '@kronikerpakker/core';

/**
 * A message parameter bound to a fact of the patient, computed when the
 * reason is rendered: `{ "fact": "lowestPostBronchodilatorRatio" }`.
 *
 * @example
 * ```ts
 * const binding: FactBinding = { fact: 'latestPackageDecisionDate', params: { package: 'KOL' } };
 * ```
 */
export interface FactBinding {
  /** A fact name from the SDK's fact catalogue. */
  readonly fact: string;
  /** The fact's params, for facts that take them. */
  readonly params?: Readonly<Record<string, JsonValue>> | undefined;
}

/**
 * A message parameter bound to an operand of a named leaf condition of the
 * same rule: its `value` (`{ "condition": "min-age" }`), or one of its fact
 * params (`{ "condition": "recurrent", "param": "months" }`). A threshold is
 * then written once, in the condition, and the text cannot drift from it.
 *
 * @example
 * ```ts
 * const binding: ConditionBinding = { condition: 'min-age' };
 * ```
 */
export interface ConditionBinding {
  /** The `name` of a leaf condition in the same rule. */
  readonly condition: string;
  /** A key of the leaf's fact `params`; when absent, the leaf's `value` is used. */
  readonly param?: string | undefined;
}

/**
 * How one message parameter gets its value: a literal, a fact, or a
 * condition operand.
 *
 * @example
 * ```ts
 * const bindings: Record<string, MessageParamBinding> = { ratio: { fact: 'lowestPostBronchodilatorRatio' }, minAge: 30 };
 * ```
 */
export type MessageParamBinding = string | number | FactBinding | ConditionBinding;

/**
 * What a rule says when it has one result: the message, its parameters and
 * flags.
 *
 * `when` names a condition (leaf or group) of the same rule; the outcome then
 * applies only when that condition has the same result as the rule. Give
 * several guarded outcomes to say *which* branch of an `any` held (the LRS
 * persistence rule names "lasted >= 12 weeks" and "recurrent" apart). Every
 * guarded outcome that applies gives a reason; unguarded outcomes apply only
 * when no guarded one does.
 *
 * @example
 * ```ts
 * const outcome: InclusionOutcome = {
 *   message: 'inclusion.kol.spirometry.contradicts',
 *   params: { ratio: { fact: 'lowestPostBronchodilatorRatio' } },
 *   dataQuality: true,
 * };
 * ```
 */
export interface InclusionOutcome {
  /** The name of a condition of this rule that must have the same result as the rule. */
  readonly when?: string | undefined;
  /** The message code of the reason (must be a code of the message catalogue). */
  readonly message: MessageCode;
  /** One binding per parameter the message takes, and no others. */
  readonly params?: Readonly<Record<string, MessageParamBinding>> | undefined;
  /** The reason is an urgent action (listed first). */
  readonly urgent?: true | undefined;
  /** The reason is a data-quality finding. */
  readonly dataQuality?: true | undefined;
}

/**
 * The `params` of an inclusion rule's event.
 *
 * @example
 * ```ts
 * const params: InclusionEventParams = {
 *   criterion: 'age',
 *   source: 'DrKOL (patients over 30); PROVISIONAL default',
 *   provisional: true,
 *   whenFalse: { message: 'inclusion.age.below', params: { minAge: { condition: 'min-age' } } },
 * };
 * ```
 */
export interface InclusionEventParams {
  /** A stable id of what the rule decides (`age`, `kol-diagnosis`, `red-flag-fracture`, ...), unique in the pack. */
  readonly criterion: string;
  /** A short citation of the source the rule rests on (the pack's `sources` give the full titles). */
  readonly source: string;
  /** The rule is provisional: its reasons say so. */
  readonly provisional?: true | undefined;
  /** The reason(s) when the rule is true. Required for an exclusion. */
  readonly whenTrue?: InclusionOutcome | readonly InclusionOutcome[] | undefined;
  /** The reason(s) when the rule is false. Required for a criterion. */
  readonly whenFalse?: InclusionOutcome | readonly InclusionOutcome[] | undefined;
  /** The reason(s) when the rule cannot be decided (data missing). */
  readonly whenUnknown?: InclusionOutcome | readonly InclusionOutcome[] | undefined;
}

/**
 * The event of an inclusion rule.
 *
 * @example
 * ```ts
 * const event: InclusionEvent = {
 *   type: 'exclusion',
 *   params: { criterion: 'deceased', source: 'SDK default', whenTrue: { message: 'inclusion.excluded.deceased' } },
 * };
 * ```
 */
export interface InclusionEvent {
  /** `criterion`: must be true to be eligible. `exclusion`: excludes when true. */
  readonly type: 'criterion' | 'exclusion';
  /** What the rule decides and says. */
  readonly params: InclusionEventParams;
}

const json: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]),
);

// A refinement (not a type check), so that a union of one outcome or a list still picks its branch
// and the issue points at `message`.
const messageCode = z.string().refine((v) => isMessageCode(v), { message: 'Unknown message code' });

const binding = z.union([
  z.string(),
  z.number(),
  z.strictObject({ fact: z.string().min(1), params: z.record(z.string(), json).optional() }),
  z.strictObject({ condition: z.string().min(1), param: z.string().min(1).optional() }),
]);

const outcome = z.strictObject({
  when: z.string().min(1).optional(),
  message: messageCode,
  params: z.record(z.string(), binding).optional(),
  urgent: z.literal(true).optional(),
  dataQuality: z.literal(true).optional(),
});

const outcomes = z.union([outcome, z.array(outcome).min(1)]);

/**
 * The zod schema of an inclusion rule's event (`type` and `params`). Message
 * codes must be codes of the catalogue (`isMessageCode`). The checks that
 * need the whole rule (message parameters, condition names) are made by
 * {@link validateInclusionPack}.
 *
 * @example
 * ```ts
 * InclusionEventSchema.safeParse(pack.rules[0].event).success; // true
 * ```
 */
export const InclusionEventSchema: z.ZodType<InclusionEvent> = z.strictObject({
  type: z.enum(['criterion', 'exclusion']),
  params: z.strictObject({
    criterion: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
    source: z.string().min(1).max(300),
    provisional: z.literal(true).optional(),
    whenTrue: outcomes.optional(),
    whenFalse: outcomes.optional(),
    whenUnknown: outcomes.optional(),
  }),
});

/**
 * Kinds of problem in an inclusion pack's events (beyond those `loadRulePack`
 * reports), as `code` of each {@link RulePackIssue}.
 *
 * @example
 * ```ts
 * const code: InclusionPackIssueCode = 'unknown-message-code';
 * ```
 */
export type InclusionPackIssueCode =
  /** The event is not `{ type: 'criterion' | 'exclusion', params }` of the right shape. */
  | 'invalid-inclusion-event'
  /** A message code is not in the catalogue. */
  | 'unknown-message-code'
  /** Two rules decide the same criterion id. */
  | 'duplicate-criterion'
  /** A criterion without `whenFalse`, or an exclusion without `whenTrue`. */
  | 'missing-outcome'
  /** `when` or a condition binding names no condition of the rule, or a name used twice. */
  | 'unknown-condition-name'
  /** A parameter the message takes has no binding. */
  | 'message-param-missing'
  /** A binding for a parameter the message does not take. */
  | 'message-param-unknown'
  /** A binding whose value cannot have the parameter's kind. */
  | 'message-param-type'
  /** A fact binding names no fact of the catalogue. */
  | 'unknown-fact'
  /** A fact binding's params do not fit the fact. */
  | 'invalid-fact-params'
  /** At evaluation: a fact bound to a message parameter had no usable value for this patient. */
  | 'unresolved-message-param';

/** @internal a parameter binding resolved as far as the pack allows. */
export type PlannedBinding =
  | { readonly kind: 'literal'; readonly name: string; readonly value: string | number }
  | {
      readonly kind: 'fact';
      readonly name: string;
      readonly paramKind: ParamKind;
      readonly fact: string;
      readonly params: Readonly<Record<string, JsonValue>> | undefined;
      readonly path: ErrorPath;
    };

/** @internal one outcome, ready to render. */
export interface PlannedOutcome {
  readonly when: string | undefined;
  readonly message: MessageCode;
  readonly bindings: readonly PlannedBinding[];
  /** Every binding is a literal: the reason is the same for every patient and is rendered once. */
  readonly fixed: boolean;
  readonly urgent: boolean;
  readonly dataQuality: boolean;
}

/** @internal one rule of an inclusion pack, ready to derive a status from. */
export interface PlannedRule {
  readonly name: string;
  readonly kind: 'criterion' | 'exclusion';
  readonly criterion: string;
  readonly source: string;
  readonly provisional: boolean;
  readonly outcomes: { readonly [T in Truth]: readonly PlannedOutcome[] };
}

/** @internal a validated inclusion pack: one planned rule per pack rule, in pack order. */
export interface InclusionPlan {
  readonly pack: RulePack;
  readonly rules: readonly PlannedRule[];
}

const plans = new WeakMap<RulePack, InclusionPlan>();

/** @internal whether a value fits a message parameter kind (the run-time check of `formatMessage`, made early). */
export function fitsKind(kind: ParamKind, value: unknown): value is string | number {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'date':
      return isIsoDate(value);
    case 'red-flag-category':
      return isRedFlagCategory(value);
  }
}

/** Whether a fact of this type can ever give a value of this kind. */
function factFitsKind(type: FactType, values: readonly string[] | undefined, kind: ParamKind): boolean {
  switch (type) {
    case 'number':
      return kind === 'number' || kind === 'integer';
    case 'date':
      return kind === 'date' || kind === 'string';
    case 'string':
      if (kind === 'string') return true;
      return kind === 'red-flag-category' && values !== undefined && values.every((v) => isRedFlagCategory(v));
    case 'boolean':
    case 'string-list':
    case 'coding-list':
      return false;
  }
}

/** Every named condition of a rule, with how often each name is used. */
function namedConditions(root: Condition): Map<string, { node: Condition; count: number }> {
  const out = new Map<string, { node: Condition; count: number }>();
  const walk = (c: Condition): void => {
    if (c.name !== undefined) {
      const seen = out.get(c.name);
      out.set(c.name, { node: seen?.node ?? c, count: (seen?.count ?? 0) + 1 });
    }
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
  };
  walk(root);
  return out;
}

function isLeaf(c: Condition): c is LeafCondition {
  return 'fact' in c;
}

function asList(o: InclusionOutcome | readonly InclusionOutcome[] | undefined): readonly InclusionOutcome[] {
  if (o === undefined) return [];
  return Array.isArray(o) ? (o as readonly InclusionOutcome[]) : [o as InclusionOutcome];
}

function issueCodeOfZod(path: readonly PropertyKey[]): InclusionPackIssueCode {
  return path.at(-1) === 'message' ? 'unknown-message-code' : 'invalid-inclusion-event';
}

/**
 * The form of a rule name an error may repeat (the shipped packs' `kol.diagnosis`): any other name is
 * left out of issues and messages, so an error never repeats an arbitrary string from a document.
 */
const RULE_NAME_FORM = /^[a-z][a-z0-9._-]{0,119}$/;

/** Builds the plan of a loaded pack, collecting every issue. */
function buildPlan(pack: RulePack): InclusionPlan {
  const issues: RulePackIssue[] = [];
  const criteria = new Set<string>();
  const rules: PlannedRule[] = [];
  pack.rules.forEach((rule, i) => {
    const at = (path: ErrorPath, code: InclusionPackIssueCode): void => {
      issues.push({ packId: pack.id, ...(RULE_NAME_FORM.test(rule.name) ? { rule: rule.name } : {}), path: ['rules', i, 'event', ...path], code });
    };
    const parsed = InclusionEventSchema.safeParse(rule.event);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        at(
          issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
          issueCodeOfZod(issue.path),
        );
      }
      return;
    }
    const { type, params } = parsed.data;
    if (criteria.has(params.criterion)) at(['params', 'criterion'], 'duplicate-criterion');
    criteria.add(params.criterion);
    if (type === 'criterion' && params.whenFalse === undefined) at(['params', 'whenFalse'], 'missing-outcome');
    if (type === 'exclusion' && params.whenTrue === undefined) at(['params', 'whenTrue'], 'missing-outcome');

    const names = namedConditions(rule.conditions);
    const named = (name: string): Condition | undefined => {
      const entry = names.get(name);
      return entry !== undefined && entry.count === 1 ? entry.node : undefined;
    };

    const planOutcomes = (key: 'whenTrue' | 'whenFalse' | 'whenUnknown'): PlannedOutcome[] => {
      const value = params[key];
      const list = asList(value);
      return list.map((o, j) => {
        const base: ErrorPath = Array.isArray(value) ? ['params', key, j] : ['params', key];
        if (o.when !== undefined && named(o.when) === undefined) at([...base, 'when'], 'unknown-condition-name');
        const spec = (messages[o.message] as MessageDefinition).params;
        const given = o.params ?? {};
        const bindings: PlannedBinding[] = [];
        for (const name of Object.keys(given)) {
          if (!Object.hasOwn(spec, name)) at([...base, 'params', name], 'message-param-unknown');
        }
        for (const [name, kind] of Object.entries(spec)) {
          const path: ErrorPath = [...base, 'params', name];
          const b = Object.hasOwn(given, name) ? given[name] : undefined;
          if (b === undefined) {
            at(path, 'message-param-missing');
            continue;
          }
          if (typeof b === 'string' || typeof b === 'number') {
            if (fitsKind(kind, b)) bindings.push({ kind: 'literal', name, value: b });
            else at(path, 'message-param-type');
            continue;
          }
          if ('fact' in b) {
            const def = FACTS.get(b.fact);
            if (def === undefined) {
              at([...path, 'fact'], 'unknown-fact');
              continue;
            }
            const factParams = def.params === undefined ? b.params === undefined : def.params.safeParse(b.params ?? {}).success;
            if (!factParams) at([...path, 'params'], 'invalid-fact-params');
            if (!factFitsKind(def.type, def.values, kind)) at(path, 'message-param-type');
            bindings.push({
              kind: 'fact',
              name,
              paramKind: kind,
              fact: b.fact,
              // A frozen copy: core's computeFact remembers the memo slot of frozen params.
              params: b.params === undefined ? undefined : Object.freeze({ ...b.params }),
              path: ['rules', i, 'event', ...path],
            });
            continue;
          }
          const leaf = named(b.condition);
          if (leaf === undefined || !isLeaf(leaf)) {
            at([...path, 'condition'], 'unknown-condition-name');
            continue;
          }
          const operand: unknown = b.param === undefined ? leaf.value : leaf.params?.[b.param];
          if (fitsKind(kind, operand)) bindings.push({ kind: 'literal', name, value: operand });
          else at(path, 'message-param-type');
        }
        return {
          when: o.when,
          message: o.message,
          bindings,
          fixed: bindings.every((b) => b.kind === 'literal'),
          urgent: o.urgent === true,
          dataQuality: o.dataQuality === true,
        };
      });
    };

    rules.push({
      name: rule.name,
      kind: type,
      criterion: params.criterion,
      source: params.source,
      provisional: params.provisional === true,
      outcomes: { true: planOutcomes('whenTrue'), false: planOutcomes('whenFalse'), unknown: planOutcomes('whenUnknown') },
    });
  });
  if (issues.length > 0) throw planError(pack.id, issues);
  return { pack, rules };
}

function describe(issue: RulePackIssue): string {
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${p}`)).join('').replace(/^\./, '');
  return `${issue.rule === undefined ? '' : `rule "${issue.rule}" `}at ${where}: ${issue.code}`;
}

function planError(packId: string, issues: readonly RulePackIssue[]): InvalidRulePackError {
  const shown = issues.slice(0, 10).map(describe).join('; ');
  const more = issues.length > 10 ? `; and ${String(issues.length - 10)} more` : '';
  return new InvalidRulePackError(`Invalid inclusion pack "${packId}": ${shown}${more}`, issues, {
    path: issues[0]?.path ?? [],
  });
}

/**
 * The validated plan of a loaded pack, built once per pack object.
 *
 * @internal
 */
export function inclusionPlan(pack: RulePack): InclusionPlan {
  let plan = plans.get(pack);
  if (plan === undefined) {
    plan = buildPlan(pack);
    plans.set(pack, plan);
  }
  return plan;
}

function isLoaded(p: unknown): p is RulePack {
  return typeof p === 'object' && p !== null && typeof (p as { digest?: unknown }).digest === 'string' && 'ref' in p;
}

/**
 * Checks a rule pack as an inclusion pack: first as any rule pack
 * (`loadRulePack`: shape, facts, operators, dates), then every rule's event
 * against {@link InclusionEventSchema} and the rule itself: message codes
 * exist, each message gets exactly its parameters with values of the right
 * kind, `when` and condition bindings name conditions of the rule, a
 * criterion says why it fails, an exclusion says why it excludes. Use it in
 * a vendor's CI before shipping a replacement pack.
 *
 * @param pack - a pack document (parsed JSON) or a pack from `loadRulePack`
 * @returns the loaded pack
 * @throws `InvalidRulePackError` listing every problem (pack id, rule name, path, an {@link InclusionPackIssueCode} or a `loadRulePack` code)
 * @example
 * ```ts
 * import myKolPack from './my-kol-inclusion.json';
 * validateInclusionPack(myKolPack); // throws if the pack cannot drive evaluateInclusion
 * ```
 */
export function validateInclusionPack(pack: unknown): RulePack {
  let document: unknown = pack;
  if (isLoaded(pack)) {
    const { digest: _digest, ref: _ref, ...rest } = pack;
    document = rest;
  }
  const loaded = loadRulePack(document);
  inclusionPlan(loaded);
  return loaded;
}
