/**
 * The care packs the SDK ships, what their events mean (validated with zod),
 * and the default set.
 *
 * @module
 */
import { InvalidRulePackError, createRulePackSet, deepFreeze, factReader, isMessageCode, messages } from '@kronikerpakker/core';
import type { ErrorPath, FactCatalogue, FactContext, FactValue, MessageCode, PackageId, RulePack, RulePackDocument, RulePackIssue, RulePackSet } from '@kronikerpakker/core';
import { z } from 'zod';
import kolPack from '../packs/kol-care.json';
import lrsPack from '../packs/lrs-care.json';
import { careFacts } from './facts';
import { CARE_ITEM_KINDS } from './types';
import type { CareItemKind } from './types';

/**
 * The KOL care pack (`kol-care` 0.1.0, **provisional**, valid from
 * 2027-01-01) as a frozen JSON document. See the package README for every item.
 *
 * @example
 * ```ts
 * kolCarePack.status; // 'provisional'
 * ```
 */
export const kolCarePack: RulePackDocument = deepFreeze(kolPack as RulePackDocument);

/**
 * The LRS care pack (`lrs-care` 0.1.0, **provisional in full**, valid from
 * 2027-01-01) as a frozen JSON document. See the package README for every item.
 *
 * @example
 * ```ts
 * lrsCarePack.rules.some((r) => r.name === 'lrs.red-flag.open'); // true
 * ```
 */
export const lrsCarePack: RulePackDocument = deepFreeze(lrsPack as RulePackDocument);

/**
 * The pack id that gives the care items of each package. A replacement pack
 * keeps its package's id (with a new `version` and validity).
 *
 * @example
 * ```ts
 * CARE_PACK_IDS.KOL; // 'kol-care'
 * ```
 */
export const CARE_PACK_IDS: { readonly [P in PackageId]: string } = Object.freeze({ KOL: 'kol-care', LRS: 'lrs-care' });

const jsonValue: z.ZodType = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

/**
 * What a `care-item` event's params mean: `code` (stable, shown to
 * integrators), `kind`, `priority` (1-100, higher first), `message` (a
 * message code; it takes `{ date }` exactly when `due` is given), `source`,
 * `scope` (`package`: only for patients in the package; `always`: data
 * quality and urgent alerts), `urgent` (first, before any priority) and `due`
 * (a date fact that gives the due date).
 *
 * @example
 * ```ts
 * CareEventParamsSchema.parse({ code: 'kol.dxa', kind: 'suggestion', priority: 38, message: 'care.kol.dxa', source: 'DSAM', scope: 'package' });
 * ```
 */
export const CareEventParamsSchema: z.ZodType<CareEventParams> = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9.-]{1,79}$/),
  kind: z.enum(CARE_ITEM_KINDS),
  priority: z.number().int().min(1).max(100),
  message: z.string().min(1),
  source: z.string().min(1),
  scope: z.enum(['package', 'always']),
  urgent: z.boolean().optional(),
  due: z.strictObject({ fact: z.string().min(1), params: z.record(z.string(), jsonValue).optional() }).optional(),
});

/**
 * The params of a `care-item` event (see {@link CareEventParamsSchema}).
 *
 * @example
 * ```ts
 * const p: CareEventParams = { code: 'kol.dxa', kind: 'suggestion', priority: 38, message: 'care.kol.dxa', source: 'DSAM', scope: 'package' };
 * ```
 */
export interface CareEventParams {
  /** A stable code, shown to integrators (`kol.aarsstatus.overdue`). */
  readonly code: string;
  /** The kind of item. */
  readonly kind: CareItemKind;
  /** 1-100, higher first. */
  readonly priority: number;
  /** The message code of the text; it takes `{ date }` exactly when `due` is given. */
  readonly message: string;
  /** The source the rule rests on. */
  readonly source: string;
  /** `package`: only for patients in the package; `always`: for any patient. */
  readonly scope: 'package' | 'always';
  /** An urgent action: first, before any priority. */
  readonly urgent?: boolean | undefined;
  /** The date fact (and its params) that gives the due date. */
  readonly due?: { readonly fact: string; readonly params?: Readonly<Record<string, unknown>> | undefined } | undefined;
}

/** A rule of a care pack, as the evaluator uses it. @internal */
export interface PlannedCareRule {
  readonly name: string;
  /** `scope` for the package-scope rule, else a care item. */
  readonly scope: boolean;
  readonly code: string;
  readonly kind: CareItemKind;
  readonly priority: number;
  readonly urgent: boolean;
  readonly always: boolean;
  readonly message: MessageCode;
  readonly source: string;
  readonly due:
    | {
        readonly fact: string;
        readonly params: Readonly<Record<string, unknown>> | undefined;
        /** Reads the due date (the fact's definition and memo slot looked up once). */
        readonly read: (ctx: FactContext) => FactValue;
      }
    | undefined;
}

/** A validated care pack. @internal */
export interface CarePlan {
  readonly package: PackageId;
  readonly rules: readonly PlannedCareRule[];
}

const plans = new WeakMap<RulePack, CarePlan>();

function dueOf(fact: string, params: Readonly<Record<string, unknown>> | undefined, facts: FactCatalogue): PlannedCareRule['due'] {
  return { fact, params, read: factReader(fact, params, facts) };
}

/**
 * The form of a rule name an error may repeat (the shipped packs' `kol.diagnosis`): any other name is
 * left out of issues and messages, so an error never repeats an arbitrary string from a document.
 */
const RULE_NAME_FORM = /^[a-z][a-z0-9._-]{0,119}$/;

/**
 * Validates a loaded pack as a care pack and returns its plan (cached per pack).
 *
 * @param pack - a pack loaded with {@link careFacts}
 * @param facts - the catalogue (default {@link careFacts})
 * @returns the plan
 * @throws `InvalidRulePackError` naming the rule and path of every problem
 * @internal
 */
export function carePlan(pack: RulePack, facts: FactCatalogue = careFacts()): CarePlan {
  const cached = plans.get(pack);
  if (cached !== undefined) return cached;
  const issues: RulePackIssue[] = [];
  const issue = (path: ErrorPath, code: string, rule?: string): void => {
    issues.push(rule === undefined || !RULE_NAME_FORM.test(rule) ? { packId: pack.id, path, code } : { packId: pack.id, rule, path, code });
  };
  const pkg = pack.parameters?.['package'];
  if (pkg !== 'KOL' && pkg !== 'LRS') issue(['parameters', 'package'], 'invalid-parameters');
  const rules: PlannedCareRule[] = [];
  let scopes = 0;
  pack.rules.forEach((rule, i) => {
    const path: ErrorPath = ['rules', i, 'event'];
    if (rule.event.type === 'scope') {
      scopes++;
      rules.push({
        name: rule.name,
        scope: true,
        code: rule.name,
        kind: 'suggestion',
        priority: 1,
        urgent: false,
        always: false,
        message: 'provisional.rule',
        source: '',
        due: undefined,
      });
      return;
    }
    if (rule.event.type !== 'care-item') {
      issue([...path, 'type'], 'invalid-event', rule.name);
      return;
    }
    const parsed = CareEventParamsSchema.safeParse(rule.event.params ?? {});
    if (!parsed.success) {
      for (const x of parsed.error.issues) issue([...path, 'params', ...x.path.map((p) => (typeof p === 'number' ? p : String(p)))], 'invalid-event', rule.name);
      return;
    }
    const p = parsed.data;
    if (!isMessageCode(p.message)) {
      issue([...path, 'params', 'message'], 'unknown-message', rule.name);
      return;
    }
    const spec = Object.keys(messages[p.message].params);
    const wanted = p.due === undefined ? [] : ['date'];
    if (spec.length !== wanted.length || spec.some((k) => !wanted.includes(k))) issue([...path, 'params', 'message'], 'message-params', rule.name);
    if (p.due !== undefined) {
      const def = facts.get(p.due.fact);
      if (def?.type !== 'date') issue([...path, 'params', 'due', 'fact'], 'invalid-due-fact', rule.name);
      else if (def.params !== undefined && !def.params.safeParse(p.due.params ?? {}).success) issue([...path, 'params', 'due', 'params'], 'invalid-fact-params', rule.name);
    }
    rules.push({
      name: rule.name,
      scope: false,
      code: p.code,
      kind: p.kind,
      priority: p.priority,
      urgent: p.urgent === true,
      always: p.scope === 'always',
      message: p.message,
      source: p.source,
      due: p.due === undefined ? undefined : dueOf(p.due.fact, p.due.params === undefined ? undefined : Object.freeze({ ...p.due.params }), facts),
    });
  });
  if (scopes !== 1) issue(['rules'], 'scope-rule-count');
  if (issues.length > 0) {
    const shown = issues.slice(0, 10).map((x) => `${x.rule === undefined ? '' : `rule "${x.rule}" `}${x.code}`).join('; ');
    throw new InvalidRulePackError(`Invalid care pack "${pack.id}": ${shown}`, issues, { path: issues[0]?.path ?? [] });
  }
  const plan: CarePlan = { package: pkg as PackageId, rules };
  plans.set(pack, plan);
  return plan;
}

/**
 * Builds a rule-pack set of care packs: loads each with {@link careFacts},
 * checks validity overlaps, compiles each once and validates each as a care
 * pack. This is how a replacement pack is used: pass the set as `packs`.
 *
 * @param packs - pack JSON documents (several versions of a pack may be given)
 * @returns the set
 * @throws `InvalidRulePackError` for an invalid pack, overlapping versions or invalid care events
 * @example
 * ```ts
 * const packs = createCarePackSet([kolCarePack, lrsCarePack]);
 * evaluateCare(record, { package: 'KOL', asOf: '2027-01-15', packs });
 * ```
 */
export function createCarePackSet(packs: readonly unknown[]): RulePackSet {
  const set = createRulePackSet(packs, { facts: careFacts() });
  for (const pack of set.packs) carePlan(pack);
  return set;
}

let defaultSet: RulePackSet | undefined;

/**
 * The set used when no `packs` option is given: {@link kolCarePack} and
 * {@link lrsCarePack}, loaded, validated and compiled once, on first use.
 *
 * @returns the shared default set
 * @example
 * ```ts
 * defaultCarePacks().select('kol-care', '2027-01-15').pack.ref.status; // 'provisional'
 * ```
 */
export function defaultCarePacks(): RulePackSet {
  defaultSet ??= createCarePackSet([kolCarePack, lrsCarePack]);
  return defaultSet;
}
