/**
 * What a differentiation pack's events and parameters mean, and their
 * validation.
 *
 * A differentiation pack is an ordinary rule pack. Each rule is one way a
 * domain of the needs assessment can hold, and its event says which:
 *
 * - `{ type: 'severity', params: { factor, severity: 'moderate' | 'high', source, message } }`:
 *   the condition is at least that severe when the rule holds;
 * - `{ type: 'complexity', params: { factor, weight?, source, message } }`:
 *   a complexity factor, counted `weight` times (default 1). Rules with the
 *   same `factor` are alternatives: the highest weight that holds counts
 *   once (self-management partial 1 / poor 2; mental health by diagnosis or
 *   by screen);
 * - `{ type: 'clinician', params: { factor, level, source, message } }`:
 *   the clinician's explicit judgement forces at least `level`.
 *
 * The pack's `parameters` hold what is not a condition: the level of each
 * severity class, the factor-count bands, and the contact plan per level.
 * Validation runs once per loaded pack (memoised by identity) and reports
 * every problem as an `InvalidRulePackError` naming the pack, rule and path.
 *
 * @module
 */
import { z } from 'zod';
import { InvalidRulePackError, PACKAGES, factCatalogueOf, factReader, isMessageCode, messages } from '@kronikerpakker/core';
import type {
  Condition,
  ErrorPath,
  FactContext,
  FactValue,
  LeafCondition,
  Level,
  MessageCode,
  MessageDefinition,
  PackageId,
  RulePack,
  RulePackIssue,
} from '@kronikerpakker/core';
import { DRIVER_SOURCES, PRO_TIMINGS } from './types';
import type { DriverSource, ProTiming, SeverityClass } from './types';

/**
 * The event of a severity rule: the condition is at least `severity` when
 * the rule holds.
 *
 * @example
 * ```ts
 * const e: SeverityEvent = {
 *   type: 'severity',
 *   params: { factor: 'gold-grade-4', severity: 'high', source: 'record', message: 'differentiation.kol.gold-grade-4' },
 * };
 * ```
 */
export interface SeverityEvent {
  /** `severity`. */
  readonly type: 'severity';
  /** What the rule means. */
  readonly params: {
    /** A stable id of the criterion, shown as the driver's factor. */
    readonly factor: string;
    /** The severity class the rule gives (`low` is what holds when no severity rule does). */
    readonly severity: Exclude<SeverityClass, 'low'>;
    /** Where the data come from. */
    readonly source: DriverSource;
    /** The driver's text: a message code taking no params, or only `value` (a number: the fact value used). */
    readonly message: MessageCode;
  };
}

/**
 * The event of a complexity rule: one complexity factor, counted `weight`
 * times. Rules with the same `factor` are alternatives (the highest weight
 * that holds counts, once).
 *
 * @example
 * ```ts
 * const e: ComplexityEvent = {
 *   type: 'complexity',
 *   params: { factor: 'self-management', weight: 2, source: 'clinician', message: 'differentiation.factor.self-management-poor' },
 * };
 * ```
 */
export interface ComplexityEvent {
  /** `complexity`. */
  readonly type: 'complexity';
  /** What the rule means. */
  readonly params: {
    /** The factor's stable id. */
    readonly factor: string;
    /** How many factors it counts (default 1). */
    readonly weight?: number | undefined;
    /** Where the data come from. */
    readonly source: DriverSource;
    /** The driver's text (see {@link SeverityEvent}). */
    readonly message: MessageCode;
  };
}

/**
 * The event of a clinician rule: an explicit judgement that forces at least
 * `level`.
 *
 * @example
 * ```ts
 * const e: ClinicianEvent = {
 *   type: 'clinician',
 *   params: { factor: 'complex-course', level: 3, source: 'clinician', message: 'differentiation.clinician.complex-course' },
 * };
 * ```
 */
export interface ClinicianEvent {
  /** `clinician`. */
  readonly type: 'clinician';
  /** What the rule means. */
  readonly params: {
    /** The judgement's stable id. */
    readonly factor: string;
    /** The level it forces at least. */
    readonly level: Level;
    /** Where the data come from. */
    readonly source: DriverSource;
    /** The driver's text (see {@link SeverityEvent}). */
    readonly message: MessageCode;
  };
}

/**
 * The event of a differentiation rule.
 *
 * @example
 * ```ts
 * const e: DifferentiationEvent = kolDifferentiationPack.rules[0]!.event as DifferentiationEvent;
 * e.type; // 'severity'
 * ```
 */
export type DifferentiationEvent = SeverityEvent | ComplexityEvent | ClinicianEvent;

/**
 * One offer of a level's contact plan in the pack: a stable code and the
 * message code of its text (taking no params).
 *
 * @example
 * ```ts
 * const offer: OfferParameters = { code: 'coordinator', message: 'differentiation.offer.coordinator' };
 * ```
 */
export interface OfferParameters {
  /** A stable code (`self-management-plan`, `coordinator`, ...). */
  readonly code: string;
  /** The message code of its text. */
  readonly message: MessageCode;
}

/**
 * The contact plan of one level in the pack.
 *
 * @example
 * ```ts
 * const plan: LevelPlanParameters = {
 *   meaning: 'differentiation.level.2',
 *   aarsstatusIntervalMonths: 12,
 *   followUpIntervalMonths: 6,
 *   proBefore: 'aarsstatus-and-follow-up',
 *   offers: [{ code: 'municipal-rehabilitation', message: 'differentiation.offer.kol.municipal-rehabilitation' }],
 * };
 * ```
 */
export interface LevelPlanParameters {
  /** The message code of what the level means (no params). */
  readonly meaning: MessageCode;
  /** Months between årsstatus. */
  readonly aarsstatusIntervalMonths: number;
  /** Months between planned follow-ups; `null` for none beyond the årsstatus. */
  readonly followUpIntervalMonths: number | null;
  /** When PRO questionnaires are sent (`aarsstatus-and-follow-up` needs a follow-up interval). */
  readonly proBefore: ProTiming;
  /** Every offer of the level. */
  readonly offers: readonly OfferParameters[];
}

/**
 * A differentiation pack's `parameters`.
 *
 * @example
 * ```ts
 * const p = validateDifferentiationPack(loadRulePack(kolDifferentiationPack, { facts: differentiationFacts() }));
 * p.complexityBands; // [{ minFactors: 0, level: 1 }, { minFactors: 1, level: 2 }, { minFactors: 3, level: 3 }]
 * ```
 */
export interface DifferentiationParameters {
  /** The package the pack serves. */
  readonly package: PackageId;
  /** The level of each severity class (non-decreasing: low <= moderate <= high). */
  readonly severityLevels: {
    /** The level of low severity. */
    readonly low: Level;
    /** The level of moderate severity. */
    readonly moderate: Level;
    /** The level of high severity. */
    readonly high: Level;
  };
  /**
   * The complexity level by number of factors: the last band whose
   * `minFactors` the count reaches. The first band starts at 0; `minFactors`
   * rises and `level` never falls, so adding a factor never lowers the level.
   */
  readonly complexityBands: readonly { readonly minFactors: number; readonly level: Level }[];
  /** The contact plan of each level. */
  readonly contactPlan: {
    /** Level 1. */
    readonly '1': LevelPlanParameters;
    /** Level 2. */
    readonly '2': LevelPlanParameters;
    /** Level 3. */
    readonly '3': LevelPlanParameters;
  };
}

/**
 * Kinds of problem in a differentiation pack (beyond those core's loader
 * reports): `invalid-parameters` (missing or malformed `parameters`, bands
 * that start above 0 or fall, a PRO timing without follow-ups),
 * `invalid-event` (an event that is not a differentiation event),
 * `message-params` (a message that takes params the SDK cannot give, or a
 * `value` message on a rule with a fact that is not a number),
 * `mixed-factor` (one factor id in two domains), `wrong-package` (a fact
 * param naming the other package).
 *
 * @example
 * ```ts
 * DIFFERENTIATION_PACK_ISSUE_CODES.includes('wrong-package'); // true
 * ```
 */
export const DIFFERENTIATION_PACK_ISSUE_CODES = [
  'invalid-parameters',
  'invalid-event',
  'message-params',
  'mixed-factor',
  'wrong-package',
] as const;

/**
 * A kind of problem in a differentiation pack (see {@link DIFFERENTIATION_PACK_ISSUE_CODES}).
 *
 * @example
 * ```ts
 * const code: DifferentiationPackIssueCode = 'invalid-parameters';
 * ```
 */
export type DifferentiationPackIssueCode = (typeof DIFFERENTIATION_PACK_ISSUE_CODES)[number];

const messageCode = z.string().refine((v) => isMessageCode(v), { message: 'Unknown message code' });
const factorId = z.string().regex(/^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/);
const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const source = z.enum(DRIVER_SOURCES);

/**
 * The zod schema of a differentiation rule's event. Message codes must be
 * codes of the catalogue; the checks that need the whole pack are made by
 * {@link validateDifferentiationPack}.
 *
 * @example
 * ```ts
 * DifferentiationEventSchema.safeParse(kolDifferentiationPack.rules[0]?.event).success; // true
 * ```
 */
export const DifferentiationEventSchema: z.ZodType<DifferentiationEvent> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('severity'),
    params: z.strictObject({ factor: factorId, severity: z.enum(['moderate', 'high']), source, message: messageCode }),
  }),
  z.strictObject({
    type: z.literal('complexity'),
    params: z.strictObject({ factor: factorId, weight: z.number().int().min(1).max(10).optional(), source, message: messageCode }),
  }),
  z.strictObject({
    type: z.literal('clinician'),
    params: z.strictObject({ factor: factorId, level, source, message: messageCode }),
  }),
]);

const months = z.number().int().min(1).max(60);
const levelPlan = z.strictObject({
  meaning: messageCode,
  aarsstatusIntervalMonths: months,
  followUpIntervalMonths: months.nullable(),
  proBefore: z.enum(PRO_TIMINGS),
  offers: z.array(z.strictObject({ code: factorId, message: messageCode })),
});

/**
 * The zod schema of a differentiation pack's `parameters` (shape only; the
 * ordering of bands and levels is checked by {@link validateDifferentiationPack}).
 *
 * @example
 * ```ts
 * DifferentiationParametersSchema.safeParse(kolDifferentiationPack.parameters).success; // true
 * ```
 */
export const DifferentiationParametersSchema: z.ZodType<DifferentiationParameters> = z.strictObject({
  package: z.enum(PACKAGES),
  severityLevels: z.strictObject({ low: level, moderate: level, high: level }),
  complexityBands: z.array(z.strictObject({ minFactors: z.number().int().min(0).max(100), level })).min(1),
  contactPlan: z.strictObject({ '1': levelPlan, '2': levelPlan, '3': levelPlan }),
});

/** @internal a rule of a validated pack, with what it means. */
export interface PlannedRule {
  readonly name: string;
  readonly domain: DifferentiationEvent['type'];
  readonly factor: string;
  readonly source: DriverSource;
  readonly message: MessageCode;
  /** severity rules */
  readonly severity?: Exclude<SeverityClass, 'low'>;
  /** complexity rules: factors counted (>= 1); others 0 */
  readonly weight: number;
  /** clinician rules */
  readonly level?: Level;
  /**
   * When the rule's conditions are one leaf (under single-child `all`/`any`
   * groups only): the leaf's fact and a reader of its value. A true rule's
   * deciding leaf is then that leaf, found without building the trace.
   */
  readonly onlyLeaf?: { readonly fact: string; readonly read: (ctx: FactContext) => FactValue };
}

/** The one leaf of a condition made of single-child `all`/`any` groups, if it is one. */
function singleLeaf(c: Condition): LeafCondition | undefined {
  if ('fact' in c) return c;
  if ('not' in c) return undefined;
  const children = 'all' in c ? c.all : c.any;
  const only = children[0];
  return children.length === 1 && only !== undefined ? singleLeaf(only) : undefined;
}

/** @internal a validated pack: its parameters and one planned rule per pack rule, in order. */
export interface DifferentiationPlan {
  readonly parameters: DifferentiationParameters;
  readonly rules: readonly PlannedRule[];
}

const plans = new WeakMap<RulePack, DifferentiationPlan>();

function messageParamsProblem(code: MessageCode, allowValue: boolean): boolean {
  const params = Object.entries((messages[code] as MessageDefinition).params);
  if (params.length === 0) return false;
  if (!allowValue) return true;
  return !(params.length === 1 && params[0]?.[0] === 'value' && (params[0][1] === 'number' || params[0][1] === 'integer'));
}

function leaves(c: Condition, out: { fact: string; params?: Readonly<Record<string, unknown>> | undefined }[] = []): typeof out {
  if ('all' in c) for (const x of c.all) leaves(x, out);
  else if ('any' in c) for (const x of c.any) leaves(x, out);
  else if ('not' in c) leaves(c.not, out);
  else out.push({ fact: c.fact, params: c.params });
  return out;
}

function zodIssues(error: z.ZodError, prefix: ErrorPath): ErrorPath[] {
  return error.issues.map((i) => [...prefix, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))]);
}

function checkParameters(p: DifferentiationParameters, emit: (path: ErrorPath, code: DifferentiationPackIssueCode) => void): void {
  const s = p.severityLevels;
  if (!(s.low <= s.moderate && s.moderate <= s.high)) emit(['parameters', 'severityLevels'], 'invalid-parameters');
  p.complexityBands.forEach((band, i) => {
    const previous = p.complexityBands[i - 1];
    if (previous === undefined ? band.minFactors !== 0 : band.minFactors <= previous.minFactors || band.level < previous.level) {
      emit(['parameters', 'complexityBands', i], 'invalid-parameters');
    }
  });
  for (const key of ['1', '2', '3'] as const) {
    const plan = p.contactPlan[key];
    if (plan.proBefore === 'aarsstatus-and-follow-up' && plan.followUpIntervalMonths === null) {
      emit(['parameters', 'contactPlan', key, 'proBefore'], 'invalid-parameters');
    }
    if (messageParamsProblem(plan.meaning, false)) emit(['parameters', 'contactPlan', key, 'meaning'], 'message-params');
    plan.offers.forEach((o, i) => {
      if (messageParamsProblem(o.message, false)) emit(['parameters', 'contactPlan', key, 'offers', i, 'message'], 'message-params');
    });
  }
}

/**
 * Checks that a loaded pack is a differentiation pack: its `parameters`
 * (shape, bands that start at 0 and never fall, severity levels that never
 * fall, PRO timing) and every rule's event (type, params, message codes and
 * their params, one domain per factor, fact params naming the pack's own
 * package). Memoised per pack object.
 *
 * @param pack - a pack loaded with the differentiation facts (see {@link differentiationFacts})
 * @returns the pack's parameters, validated
 * @throws `InvalidRulePackError` listing every problem with the pack id, rule and path
 * @example
 * ```ts
 * import { loadRulePack } from '@kronikerpakker/core';
 * const pack = loadRulePack(myPackJson, { facts: differentiationFacts() });
 * validateDifferentiationPack(pack).package; // 'KOL'
 * ```
 */
export function validateDifferentiationPack(pack: RulePack): DifferentiationParameters {
  return differentiationPlan(pack).parameters;
}

/**
 * The form of a rule name an error may repeat (the shipped packs' `kol.diagnosis`): any other name is
 * left out of issues and messages, so an error never repeats an arbitrary string from a document.
 */
const RULE_NAME_FORM = /^[a-z][a-z0-9._-]{0,119}$/;

/** @internal the validated plan of a pack (memoised). */
export function differentiationPlan(pack: RulePack): DifferentiationPlan {
  const cached = plans.get(pack);
  if (cached !== undefined) return cached;
  const issues: RulePackIssue[] = [];
  const emit = (path: ErrorPath, code: DifferentiationPackIssueCode, rule?: string): void => {
    issues.push({ packId: pack.id, ...(rule === undefined || !RULE_NAME_FORM.test(rule) ? {} : { rule }), path, code });
  };
  const parsed = DifferentiationParametersSchema.safeParse(pack.parameters);
  if (!parsed.success) {
    if (pack.parameters === undefined) emit(['parameters'], 'invalid-parameters');
    else for (const path of zodIssues(parsed.error, ['parameters'])) emit(path, 'invalid-parameters');
  } else {
    checkParameters(parsed.data, emit);
  }
  const facts = factCatalogueOf(pack);
  const onlyLeafOf = (c: Condition): Pick<PlannedRule, 'onlyLeaf'> => {
    const leaf = singleLeaf(c);
    return leaf === undefined ? {} : { onlyLeaf: { fact: leaf.fact, read: factReader(leaf.fact, leaf.params, facts) } };
  };
  const domainOf = new Map<string, string>();
  const rules: PlannedRule[] = [];
  pack.rules.forEach((rule, i) => {
    const event = DifferentiationEventSchema.safeParse(rule.event);
    if (!event.success) {
      for (const path of zodIssues(event.error, ['rules', i, 'event'])) emit(path, 'invalid-event', rule.name);
      return;
    }
    const { type, params } = event.data;
    const known = domainOf.get(params.factor);
    if (known !== undefined && known !== type) emit(['rules', i, 'event', 'params', 'factor'], 'mixed-factor', rule.name);
    domainOf.set(params.factor, type);
    const ruleLeaves = leaves(rule.conditions);
    if (messageParamsProblem(params.message, true)) {
      emit(['rules', i, 'event', 'params', 'message'], 'message-params', rule.name);
    } else if (Object.keys((messages[params.message] as MessageDefinition).params).length > 0) {
      // The `value` a message shows is the deciding leaf's fact value: every leaf must be a number.
      if (ruleLeaves.some((l) => facts.get(l.fact)?.type !== 'number')) emit(['rules', i, 'event', 'params', 'message'], 'message-params', rule.name);
    }
    if (parsed.success) {
      ruleLeaves.forEach((l) => {
        const pkg = l.params?.['package'];
        if (pkg !== undefined && pkg !== parsed.data.package) emit(['rules', i, 'conditions'], 'wrong-package', rule.name);
      });
    }
    rules.push({
      name: rule.name,
      domain: type,
      factor: params.factor,
      source: params.source,
      message: params.message,
      ...(type === 'severity' ? { severity: params.severity } : {}),
      weight: type === 'complexity' ? (params.weight ?? 1) : 0,
      ...(type === 'clinician' ? { level: params.level } : {}),
      ...onlyLeafOf(rule.conditions),
    });
  });
  if (issues.length > 0 || !parsed.success) {
    const shown = issues
      .slice(0, 10)
      .map((x) => `${x.rule === undefined ? '' : `rule "${x.rule}" `}at ${x.path.join('.') || '(root)'}: ${x.code}`)
      .join('; ');
    const more = issues.length > 10 ? `; and ${String(issues.length - 10)} more` : '';
    throw new InvalidRulePackError(`Invalid differentiation pack "${pack.id}": ${shown}${more}`, issues, { path: issues[0]?.path ?? [] });
  }
  const plan: DifferentiationPlan = { parameters: parsed.data, rules };
  plans.set(pack, plan);
  return plan;
}
