/**
 * The rule-pack format: metadata (id, semver version, validity, status,
 * sources) and rules in json-rules-engine's JSON. Loading validates the
 * pack's shape with zod, then every leaf against the known facts and
 * operators, and computes the content digest.
 *
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { InvalidRulePackError, KronikerpakkerError } from '../errors/errors';
import type { ErrorPath, RulePackIssue } from '../errors/errors';
import { guardedSafeParse } from '../record/zod-guard';
import { isIsoDate } from '../time/iso-date';
import { FACTS } from './facts';
import type { FactCatalogue } from './facts';
import { OPERATORS } from './operators';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;
const PACK_ID = /^[a-z][a-z0-9-]{1,63}$/;
const ISO_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** A JSON value (rule-pack params are plain JSON). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A leaf condition: `{ fact, operator, value, params? }` as in json-rules-engine. */
export interface LeafCondition {
  /** A fact name (see the fact catalogue). */
  readonly fact: string;
  /** An operator name. */
  readonly operator: string;
  /** The operand. A literal: json-rules-engine's `{ fact: ... }` operand references are not supported. */
  readonly value: JsonValue;
  /** The fact's params, for facts that take them. */
  readonly params?: Readonly<Record<string, JsonValue>> | undefined;
  /** An optional name, shown in traces. */
  readonly name?: string | undefined;
}
/** `{ all: [...] }`: true when every condition is true. */
export interface AllCondition {
  readonly all: readonly Condition[];
  readonly name?: string | undefined;
}
/** `{ any: [...] }`: true when at least one condition is true. */
export interface AnyCondition {
  readonly any: readonly Condition[];
  readonly name?: string | undefined;
}
/** `{ not: condition }`: negation (unknown stays unknown). */
export interface NotCondition {
  readonly not: Condition;
  readonly name?: string | undefined;
}
/** A condition: a group or a leaf. */
export type Condition = AllCondition | AnyCondition | NotCondition | LeafCondition;
/** A top-level condition: json-rules-engine requires a group at the top. */
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition;

/** A rule in json-rules-engine's JSON. */
export interface Rule {
  /** Unique within the pack; results and traces name it. */
  readonly name: string;
  /** json-rules-engine's priority (higher runs first); default 1. */
  readonly priority?: number | undefined;
  /** The conditions. */
  readonly conditions: TopLevelCondition;
  /** What the rule means when its conditions hold. */
  readonly event: { readonly type: string; readonly params?: Readonly<Record<string, JsonValue>> | undefined };
}

/** A source a pack rests on. */
export interface PackSource {
  /** Title of the document. */
  readonly title: string;
  /** Where it is published, if public. */
  readonly url?: string | undefined;
  /** What the pack takes from it. */
  readonly note?: string | undefined;
}

/** One entry of a pack's change log: what a version changed, for readers. */
export interface PackChange {
  /** The version the change came with. */
  readonly version: string;
  /** The date of the change, `YYYY-MM-DD`. */
  readonly date: string;
  /** What changed and why, in plain words (with the source where there is one). */
  readonly note: string;
}

/** `provisional` until the national documents are published and the pack is approved. */
export type PackStatus = 'provisional' | 'approved';

/** A rule pack as written (JSON). */
export interface RulePackDocument {
  /** Editor support: the JSON Schema of packs. */
  readonly $schema?: string | undefined;
  /** Stable id, e.g. `kol-inclusion`. */
  readonly id: string;
  /** Semantic version of this pack's content. */
  readonly version: string;
  /** Human title. */
  readonly title: string;
  /** What the pack decides, for readers. */
  readonly description?: string | undefined;
  /** First date (inclusive) on which this version applies. */
  readonly validFrom: string;
  /** Last date (inclusive) on which it applies; open-ended when absent. */
  readonly validTo?: string | undefined;
  /** provisional or approved. */
  readonly status: PackStatus;
  /** The sources the content rests on (at least one). */
  readonly sources: readonly PackSource[];
  /** The change log, newest first: what each version changed (part of the digest). */
  readonly changes?: readonly PackChange[] | undefined;
  /** The rules. */
  readonly rules: readonly Rule[];
  /**
   * Pack-level clinical parameters that are not conditions (a contact plan
   * per level, thresholds for counting factors, ...). Their meaning and
   * validation belong to the package that ships the pack; they are part of
   * the digest like everything else.
   */
  readonly parameters?: Readonly<Record<string, JsonValue>> | undefined;
}

/** The identity of a pack version that every result carries. */
export interface RuleSetRef {
  /** Pack id. */
  readonly id: string;
  /** Pack version. */
  readonly version: string;
  /** sha-256 (hex) of the pack's canonical JSON. */
  readonly digest: string;
  /** provisional or approved. */
  readonly status: PackStatus;
}

/** A loaded, validated pack with its digest. */
export interface RulePack extends RulePackDocument {
  /** The digest of the pack's canonical JSON. */
  readonly digest: string;
  /** The pack's identity, for results. */
  readonly ref: RuleSetRef;
}

const json: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]),
);

const leafSchema = z.strictObject({
  fact: z.string().min(1).meta({ description: 'A fact name from the SDK fact catalogue.' }),
  operator: z.string().min(1).meta({ description: 'An operator name (json-rules-engine built-ins, date and value-set operators).' }),
  value: json,
  params: z.record(z.string(), json).optional(),
  name: z.string().optional(),
});

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1), name: z.string().optional() }),
    z.strictObject({ any: z.array(conditionSchema).min(1), name: z.string().optional() }),
    z.strictObject({ not: conditionSchema, name: z.string().optional() }),
    leafSchema,
  ]),
);

const topLevelSchema = z.union([
  z.strictObject({ all: z.array(conditionSchema).min(1), name: z.string().optional() }),
  z.strictObject({ any: z.array(conditionSchema).min(1), name: z.string().optional() }),
  z.strictObject({ not: conditionSchema, name: z.string().optional() }),
]);

const ruleSchema = z.strictObject({
  name: z.string().min(1).max(120),
  priority: z.number().int().min(1).optional(),
  conditions: topLevelSchema,
  event: z.strictObject({ type: z.string().min(1), params: z.record(z.string(), json).optional() }),
});

/** The zod schema of a rule pack document; the shipped JSON Schema is generated from it. */
export const RulePackDocumentSchema: z.ZodType<RulePackDocument> = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(PACK_ID),
  version: z.string().regex(SEMVER),
  title: z.string().min(1),
  description: z.string().optional(),
  validFrom: z.string().regex(ISO_FORM),
  validTo: z.string().regex(ISO_FORM).optional(),
  status: z.enum(['provisional', 'approved']),
  sources: z.array(z.strictObject({ title: z.string().min(1), url: z.string().optional(), note: z.string().optional() })).min(1),
  changes: z.array(z.strictObject({ version: z.string().regex(SEMVER), date: z.string().regex(ISO_FORM), note: z.string().min(1) })).optional(),
  rules: z.array(ruleSchema).min(1),
  parameters: z.record(z.string(), json).optional(),
});

/** Kinds of problem in a rule pack. */
export type RulePackIssueCode =
  | 'invalid-shape'
  | 'unknown-fact'
  | 'unknown-operator'
  | 'wrong-operand-type'
  | 'unknown-value-set'
  | 'unknown-fact-value'
  | 'invalid-fact-params'
  | 'operator-not-for-fact'
  | 'malformed-date'
  | 'duplicate-rule-name'
  | 'overlapping-validity'
  | 'no-valid-version'
  /** The document nests deeper than {@link RULE_PACK_LIMITS}`.maxDepth` or holds more than `maxValues` values. */
  | 'too-large';

/**
 * The limits a rule-pack document is checked against before it is read
 * (the shipped packs nest at most 11 levels and hold under 1,000 values).
 * A document beyond them is rejected with `too-large`, without walking it
 * further, so no document exhausts the stack or the time of the loader.
 *
 * @example
 * ```ts
 * RULE_PACK_LIMITS.maxDepth; // 64
 * ```
 */
export const RULE_PACK_LIMITS = Object.freeze({
  /** The deepest nesting of objects and arrays. */
  maxDepth: 64,
  /** The most values (objects, arrays and primitives) in one document. */
  maxValues: 100_000,
});

/**
 * Whether an id has the form of a pack id (`kol-inclusion`): lower-case
 * letters, digits and `-`, starting with a letter. Errors name a pack id only
 * in this form, so a patient record passed as a pack by mistake can never
 * put its id (a CPR, say) in an error.
 *
 * @internal
 * @param value - anything
 * @returns true for a string in pack-id form
 * @example
 * ```ts
 * isPackIdForm('kol-care'); // true
 * isPackIdForm('0101904321'); // false
 * ```
 */
export function isPackIdForm(value: unknown): value is string {
  return typeof value === 'string' && PACK_ID.test(value);
}

/** The form of a rule name an error may repeat (the shipped packs' `kol.aarsstatus.overdue`). */
const RULE_NAME_FORM = /^[a-z][a-z0-9._-]{0,119}$/;

/** The rule name to put in an issue: the name when it has the form of an identifier, else nothing. */
function ruleNameOf(name: unknown): { rule?: string } {
  return typeof name === 'string' && RULE_NAME_FORM.test(name) ? { rule: name } : {};
}

/** The pack id to put in an issue: the id when it has the form of a pack id, else nothing. */
function packIdOf(id: unknown): { packId?: string } {
  return isPackIdForm(id) ? { packId: id } : {};
}

/** Every key the pack format defines: any other key in a path came from the input and is written `*`. */
const FORMAT_KEYS = new Set([
  '$schema', 'id', 'version', 'title', 'description', 'validFrom', 'validTo', 'status', 'sources', 'url', 'note',
  'changes', 'date', 'rules', 'name', 'priority', 'conditions', 'event', 'type', 'params', 'parameters',
  'all', 'any', 'not', 'fact', 'operator', 'value',
]);

/** A path into a pack with the keys that came from the input (free JSON under `params`, `parameters`, `value`) as `*`. */
function packPath(path: readonly PropertyKey[]): (string | number)[] {
  let free = false;
  return path.map((p) => {
    if (typeof p === 'number') return p;
    const key = typeof p === 'string' ? p : '*';
    const out = free || !FORMAT_KEYS.has(key) ? '*' : key;
    if (key === 'params' || key === 'parameters' || key === 'value') free = true;
    return out;
  });
}

/**
 * Checks the depth and size of a document without recursion, before zod or
 * anything else walks it.
 */
function sizeIssue(input: unknown): RulePackIssue | undefined {
  const { maxDepth, maxValues } = RULE_PACK_LIMITS;
  const stack: unknown[] = [input];
  const depths: number[] = [1];
  let values = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    const depth = depths.pop() ?? 1;
    if (++values > maxValues) return { path: [], code: 'too-large' };
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return { path: [], code: 'too-large' };
    if (Array.isArray(value)) {
      const list = value as readonly unknown[];
      if (values + list.length > maxValues) return { path: [], code: 'too-large' };
      for (let i = 0; i < list.length; i++) {
        stack.push(list[i]);
        depths.push(depth + 1);
      }
    } else {
      for (const key of Object.keys(value)) {
        if (++values > maxValues) return { path: [], code: 'too-large' };
        stack.push((value as Record<string, unknown>)[key]);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

/**
 * Canonical JSON: object keys sorted, no whitespace, so the digest does not
 * change with key order or formatting.
 *
 * @param value - a JSON value
 * @returns its canonical text
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/**
 * The content digest of a pack: sha-256 of its canonical JSON (without the
 * `$schema` pointer, which is editor support, not content).
 *
 * @param document - the pack document
 * @returns lowercase hex
 * @example
 * ```ts
 * packDigest(pack) === packDigest(JSON.parse(JSON.stringify(pack))); // true
 * ```
 */
export function packDigest(document: RulePackDocument): string {
  const { $schema: _ignored, ...content } = document;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));
}

/** Checks every leaf of a condition tree against the fact and operator catalogues. */
function checkCondition(
  c: Condition,
  path: ErrorPath,
  facts: FactCatalogue,
  emit: (path: ErrorPath, code: RulePackIssueCode) => void,
): void {
  if ('all' in c) {
    c.all.forEach((x, i) => {
      checkCondition(x, [...path, 'all', i], facts, emit);
    });
    return;
  }
  if ('any' in c) {
    c.any.forEach((x, i) => {
      checkCondition(x, [...path, 'any', i], facts, emit);
    });
    return;
  }
  if ('not' in c) {
    checkCondition(c.not, [...path, 'not'], facts, emit);
    return;
  }
  const fact = facts.get(c.fact);
  const op = OPERATORS.get(c.operator);
  if (fact === undefined) emit([...path, 'fact'], 'unknown-fact');
  if (op === undefined) emit([...path, 'operator'], 'unknown-operator');
  if (fact === undefined || op === undefined) return;
  if (fact.params === undefined) {
    if (c.params !== undefined && Object.keys(c.params).length > 0) emit([...path, 'params'], 'invalid-fact-params');
  } else if (!fact.params.safeParse(c.params ?? {}).success) {
    emit([...path, 'params'], 'invalid-fact-params');
  }
  if (!op.factTypes.includes(fact.type)) {
    emit([...path, 'operator'], 'operator-not-for-fact');
    return;
  }
  const problem = op.checkValue(c.value, fact);
  if (problem !== undefined) emit([...path, 'value'], problem);
}

/** Options of {@link loadRulePack}. */
export interface LoadRulePackOptions {
  /** The facts the pack may use (default: the core facts, {@link FACTS}). */
  readonly facts?: FactCatalogue;
}

const catalogues = new WeakMap<RulePack, FactCatalogue>();

/**
 * The fact catalogue a pack was validated against (and must be evaluated with).
 *
 * @param pack - a loaded pack
 * @returns its catalogue
 * @example
 * ```ts
 * factCatalogueOf(loadRulePack(json)) === FACTS; // true
 * ```
 */
export function factCatalogueOf(pack: RulePack): FactCatalogue {
  return catalogues.get(pack) ?? FACTS;
}

/**
 * Validates a rule-pack document and computes its digest.
 *
 * @param input - the parsed JSON of a pack
 * @param options - the fact catalogue to check against
 * @returns the loaded pack
 * @throws {@link InvalidRulePackError} naming the pack id, the rule and the path of every problem (a pack
 *   id or rule name only when it has the form of one; keys from free JSON such as `params` as `*`); `too-large`
 *   beyond {@link RULE_PACK_LIMITS}, checked first and without recursion. `KronikerpakkerError`
 *   `INVALID_ARGUMENT` for options that are not an object or `facts` that is not a catalogue
 * @example
 * ```ts
 * const pack = loadRulePack(JSON.parse(text));
 * pack.ref; // { id: 'kol-inclusion', version: '0.1.0', digest: '...', status: 'provisional' }
 * ```
 */
export function loadRulePack(input: unknown, options: LoadRulePackOptions = {}): RulePack {
  const facts = factsOption(options);
  const size = sizeIssue(input);
  if (size !== undefined) throw packError(undefined, [size]);
  const packId = typeof input === 'object' && input !== null ? packIdOf((input as { id?: unknown }).id).packId : undefined;
  // Guarded: zod throws instead of reporting for a value whose `length` it cannot compare (not JSON, but possible).
  const parsed = guardedSafeParse(RulePackDocumentSchema, input, undefined, RULE_PACK_LIMITS.maxDepth + 1);
  if (parsed === undefined) throw packError(packId, [{ ...(packId === undefined ? {} : { packId }), path: [], code: 'invalid-shape' }]);
  if (!parsed.success) {
    const issues: RulePackIssue[] = parsed.error.issues.map((i) => {
      const path = packPath(i.path);
      return { ...(packId === undefined ? {} : { packId }), ...ruleAt(input, path), path, code: 'invalid-shape' };
    });
    throw packError(packId, issues);
  }
  const doc = parsed.data;
  const issues: RulePackIssue[] = [];
  for (const [key, value] of [
    ['validFrom', doc.validFrom],
    ['validTo', doc.validTo],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) issues.push({ packId: doc.id, path: [key], code: 'malformed-date' });
  }
  if (doc.validTo !== undefined && isIsoDate(doc.validTo) && isIsoDate(doc.validFrom) && doc.validTo < doc.validFrom) {
    issues.push({ packId: doc.id, path: ['validTo'], code: 'malformed-date' });
  }
  const names = new Set<string>();
  doc.rules.forEach((rule, i) => {
    if (names.has(rule.name)) issues.push({ packId: doc.id, ...ruleNameOf(rule.name), path: ['rules', i, 'name'], code: 'duplicate-rule-name' });
    names.add(rule.name);
    checkCondition(rule.conditions, ['rules', i, 'conditions'], facts, (path, code) => {
      issues.push({ packId: doc.id, ...ruleNameOf(rule.name), path, code });
    });
  });
  if (issues.length > 0) throw packError(doc.id, issues);
  const digest = packDigest(doc);
  const pack: RulePack = { ...doc, digest, ref: { id: doc.id, version: doc.version, digest, status: doc.status } };
  catalogues.set(pack, facts);
  return pack;
}

function ruleAt(input: unknown, path: ErrorPath): { rule?: string } {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return {};
  const rules = (input as { rules?: unknown }).rules;
  const rule: unknown = Array.isArray(rules) ? (rules as readonly unknown[])[path[1]] : undefined;
  return typeof rule === 'object' && rule !== null ? ruleNameOf((rule as { name?: unknown }).name) : {};
}

/** The fact catalogue of the options, checked before anything is read. */
function factsOption(options: unknown): FactCatalogue {
  if (typeof options !== 'object' || options === null) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected an options object', { path: ['options'] });
  }
  const facts = (options as { facts?: unknown }).facts;
  if (facts === undefined) return FACTS;
  if (!(facts instanceof Map)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected facts to be a fact catalogue (a Map from extendFacts)', { path: ['options', 'facts'] });
  }
  return facts as FactCatalogue;
}

function describe(issue: RulePackIssue): string {
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${String(p)}]` : `.${p}`)).join('');
  return `${issue.rule === undefined ? '' : `rule "${issue.rule}" `}at ${where === '' ? '(root)' : where.replace(/^\./, '')}: ${issue.code}`;
}

function packError(packId: string | undefined, issues: readonly RulePackIssue[]): InvalidRulePackError {
  const head = `Invalid rule pack${packId === undefined ? '' : ` "${packId}"`}`;
  const shown = issues.slice(0, 10).map(describe).join('; ');
  const more = issues.length > 10 ? `; and ${String(issues.length - 10)} more` : '';
  return new InvalidRulePackError(`${head}: ${shown}${more}`, issues, { path: issues[0]?.path ?? [] });
}

