/**
 * Rule packs for the facade: the shipped sets, and integrator packs (newer
 * official versions) loaded beside them without a code change.
 *
 * @module
 */
import { InvalidRulePackError, KronikerpakkerError, createRulePackSet, loadRulePack } from '@kronikerpakker/core';
import type { IsoDate, RulePack, RulePackIssue, RulePackSet, RuleSetRef } from '@kronikerpakker/core';
import { CARE_PACK_IDS, createCarePackSet, defaultCarePacks } from '@kronikerpakker/business-rules';
import {
  DIFFERENTIATION_PACK_IDS,
  createDifferentiationPackSet,
  defaultDifferentiationPacks,
} from '@kronikerpakker/differentiation';
import { INCLUSION_PACK_IDS, defaultInclusionPacks, validateInclusionPack } from '@kronikerpakker/inclusion';

/** The three kinds of rule pack the facade evaluates. */
export type RulePackKind = 'inclusion' | 'differentiation' | 'care';

/** Every {@link RulePackKind}, in evaluation order. */
export const RULE_PACK_KINDS: readonly RulePackKind[] = Object.freeze(['inclusion', 'differentiation', 'care'] as const);

/**
 * The rule packs an evaluation uses, one set per kind. A kind left out uses
 * the shipped packs of its package.
 *
 * @example
 * ```ts
 * const packs: RulePacks = loadRulePacks([kolInclusion020]); // shipped packs + the new version
 * evaluatePatient(record, { asOf: '2027-08-01', packs });
 * ```
 */
export interface RulePacks {
  /** Inclusion packs (`kol-inclusion`, `lrs-inclusion`). */
  readonly inclusion?: RulePackSet | undefined;
  /** Differentiation (level) packs (`kol-differentiation`, `lrs-differentiation`). */
  readonly differentiation?: RulePackSet | undefined;
  /** Business-rule (care) packs (`kol-care`, `lrs-care`). */
  readonly care?: RulePackSet | undefined;
}

/** Options of {@link loadRulePacks}. */
export interface LoadRulePacksOptions {
  /**
   * Keep the shipped packs beside the loaded ones (default `true`): a loaded
   * version decides on the dates it is valid, the shipped version on the
   * others. With `false`, only the loaded packs are used for a kind that has
   * any (a date no loaded version covers is then a `no-valid-version` error).
   */
  readonly includeShipped?: boolean;
}

/**
 * The kind of a pack, from its id (the ids the packages select by).
 *
 * @param id - a pack id
 * @returns the kind, or `undefined` for an id no package uses
 * @example
 * ```ts
 * rulePackKindOf('kol-care'); // 'care'
 * ```
 */
export function rulePackKindOf(id: string): RulePackKind | undefined {
  for (const kind of RULE_PACK_KINDS) {
    const ids = PACK_IDS[kind];
    if (ids.KOL === id || ids.LRS === id) return kind;
  }
  return undefined;
}

const PACK_IDS = {
  inclusion: INCLUSION_PACK_IDS,
  differentiation: DIFFERENTIATION_PACK_IDS,
  care: CARE_PACK_IDS,
} as const;

function shippedSet(kind: RulePackKind): RulePackSet {
  switch (kind) {
    case 'inclusion':
      return defaultInclusionPacks();
    case 'differentiation':
      return defaultDifferentiationPacks();
    case 'care':
      return defaultCarePacks();
  }
}

function buildSet(kind: RulePackKind, documents: readonly unknown[]): RulePackSet {
  switch (kind) {
    case 'inclusion': {
      const set = createRulePackSet(documents);
      for (const pack of set.packs) validateInclusionPack(pack);
      return set;
    }
    case 'differentiation':
      return createDifferentiationPackSet(documents);
    case 'care':
      return createCarePackSet(documents);
  }
}

/**
 * The form of a pack id (as core's rule-pack format defines it). An error
 * names an id only in this form, so a document that is not a pack (a patient
 * record passed by mistake) never puts its id in an error.
 */
const PACK_ID_FORM = /^[a-z][a-z0-9-]{1,63}$/;

function packIdOf(id: unknown): { packId?: string } {
  return typeof id === 'string' && PACK_ID_FORM.test(id) ? { packId: id } : {};
}

/** Throws the shape errors of a document whose kind is unknown (its facts cannot be checked without one). */
function checkShape(document: unknown): void {
  // Through the loader, which checks the document's size before anything walks it: its shape errors
  // (and too-large) are thrown; errors of facts and operators need the kind and are not this check's.
  try {
    loadRulePack(document);
  } catch (err) {
    if (err instanceof InvalidRulePackError && err.issues.some((i) => i.code === 'invalid-shape' || i.code === 'too-large')) throw err;
  }
}

function isValidOn(pack: RulePack, asOf: IsoDate): boolean {
  return pack.validFrom <= asOf && (pack.validTo === undefined || asOf <= pack.validTo);
}

/**
 * A set whose own versions decide on the dates they are valid, falling back
 * to `base` on other dates. `packs` lists both (loaded versions first).
 */
function layeredSet(own: RulePackSet, base: RulePackSet): RulePackSet {
  const byId = new Map<string, RulePack[]>();
  for (const pack of own.packs) {
    const list = byId.get(pack.id);
    if (list === undefined) byId.set(pack.id, [pack]);
    else list.push(pack);
  }
  return {
    packs: [...own.packs, ...base.packs],
    select(id, asOf) {
      const mine = byId.get(id);
      if (mine !== undefined) {
        for (const pack of mine) if (isValidOn(pack, asOf)) return own.select(id, asOf);
      }
      return base.select(id, asOf);
    },
  };
}

/**
 * Loads integrator rule packs (parsed JSON documents, for example newer
 * official versions of the shipped packs) into {@link RulePacks}. Each
 * document's kind comes from its id; it is validated with core's
 * `loadRulePack` against the fact catalogue of its kind (the core facts for
 * inclusion, `differentiationFacts()` for levels, `careFacts()` for business
 * rules) and checked as a pack of its kind. Versions of one id may not
 * overlap in validity among the loaded documents.
 *
 * With `includeShipped` (the default) each kind's set holds the shipped
 * packs too: a loaded version decides on the dates it is valid (its
 * `validFrom`..`validTo`), the shipped version on the other dates, so a new
 * version can be installed before the day it applies. Every result names
 * the version that decided in its `ruleSet`.
 *
 * @param documents - pack documents (parsed JSON)
 * @param options - whether to keep the shipped packs (default true)
 * @returns the sets, one per kind that has loaded documents (with `includeShipped`, one per kind)
 * @throws `InvalidRulePackError` (`INVALID_RULE_PACK`) listing every problem with pack id, rule and path;
 *   an id no package selects is `unknown-pack-id` (the id is named only in the form of a pack id);
 *   `KronikerpakkerError` `INVALID_ARGUMENT` for options that are not an object or an `includeShipped` that is not a boolean
 * @example
 * ```ts
 * const next = { ...kolInclusionPack, version: '0.3.0', validFrom: '2027-07-01', rules: changedRules };
 * const packs = loadRulePacks([next]);
 * evaluatePatient(record, { asOf: '2027-08-01', packs }).packages.KOL?.inclusion.ruleSet.version; // '0.3.0'
 * evaluatePatient(record, { asOf: '2027-03-01', packs }).packages.KOL?.inclusion.ruleSet.version; // '0.2.0'
 * ```
 */
export function loadRulePacks(documents: readonly unknown[], options: LoadRulePacksOptions = {}): RulePacks {
  if (!Array.isArray(documents)) {
    throw new InvalidRulePackError('Expected an array of rule-pack documents', [{ path: [], code: 'invalid-shape' }]);
  }
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected an options object', { path: ['options'] });
  }
  const includeShippedOption: unknown = options.includeShipped;
  if (includeShippedOption !== undefined && typeof includeShippedOption !== 'boolean') {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected includeShipped to be a boolean', { path: ['options', 'includeShipped'] });
  }
  const includeShipped = includeShippedOption ?? true;
  const byKind: Record<RulePackKind, unknown[]> = { inclusion: [], differentiation: [], care: [] };
  const issues: RulePackIssue[] = [];
  // Read by index: an array whose constructor or iterator was overwritten is read like any other.
  const list: readonly unknown[] = documents;
  for (let index = 0; index < list.length; index++) {
    const document = list[index];
    const id = typeof document === 'object' && document !== null ? (document as { id?: unknown }).id : undefined;
    const kind = typeof id === 'string' ? rulePackKindOf(id) : undefined;
    if (kind === undefined) {
      // Shape errors first (they name the pack and path); a well-formed pack with a foreign id is unknown.
      checkShape(document);
      issues.push({ ...packIdOf(id), path: ['id'], code: 'unknown-pack-id' });
      continue;
    }
    byKind[kind].push(document);
  }
  if (issues.length > 0) {
    throw new InvalidRulePackError(
      `Rule packs with an id no package selects: ${issues.map((i) => `"${i.packId ?? ''}"`).join(', ')}`,
      issues,
      { path: ['id'] },
    );
  }
  const out: { inclusion?: RulePackSet; differentiation?: RulePackSet; care?: RulePackSet } = {};
  for (const kind of RULE_PACK_KINDS) {
    const docs = byKind[kind];
    if (docs.length === 0) {
      if (includeShipped) out[kind] = shippedSet(kind);
      continue;
    }
    const own = buildSet(kind, docs);
    out[kind] = includeShipped ? layeredSet(own, shippedSet(kind)) : own;
  }
  return out;
}

/**
 * One pack as listed by {@link shippedRulePacks} and {@link verifyRulePack}:
 * its identity, validity and title.
 */
export interface RulePackInfo {
  /** The kind (which package evaluates it). */
  readonly kind: RulePackKind;
  /** id, version, digest and status, as every result's `ruleSet` names them. */
  readonly ref: RuleSetRef;
  /** The pack's title. */
  readonly title: string;
  /** First day of validity (inclusive). */
  readonly validFrom: IsoDate;
  /** Last day of validity (inclusive), or `null` when open-ended. */
  readonly validTo: IsoDate | null;
  /** The number of rules. */
  readonly rules: number;
}

function infoOf(kind: RulePackKind, pack: RulePack): RulePackInfo {
  return { kind, ref: pack.ref, title: pack.title, validFrom: pack.validFrom, validTo: pack.validTo ?? null, rules: pack.rules.length };
}

/**
 * The packs the SDK ships, loaded and validated, in kind order.
 *
 * @returns one entry per shipped pack
 * @example
 * ```ts
 * shippedRulePacks().map((p) => `${p.ref.id}@${p.ref.version}`);
 * // ['kol-inclusion@0.2.0', 'lrs-inclusion@0.2.0', 'kol-differentiation@0.2.0', ...]
 * ```
 */
export function shippedRulePacks(): readonly RulePackInfo[] {
  return RULE_PACK_KINDS.flatMap((kind) => shippedSet(kind).packs.map((p) => infoOf(kind, p)));
}

/**
 * The shipped pack document (with its loaded form) by id.
 *
 * @param id - a pack id, e.g. `kol-care`
 * @returns the loaded pack and its kind, or `undefined` when no shipped pack has the id
 * @example
 * ```ts
 * shippedRulePack('kol-care')?.pack.rules.length;
 * ```
 */
export function shippedRulePack(id: string): { readonly kind: RulePackKind; readonly pack: RulePack } | undefined {
  const kind = rulePackKindOf(id);
  if (kind === undefined) return undefined;
  const pack = shippedSet(kind).packs.find((p) => p.id === id);
  return pack === undefined ? undefined : { kind, pack };
}

/**
 * Checks one pack document the way {@link loadRulePacks} would load it: shape,
 * facts of its kind, operators, values, and the event params of its kind.
 *
 * @param document - a parsed pack document
 * @returns the pack's info when valid
 * @throws `InvalidRulePackError` listing every problem (pack id, rule name, path, code)
 * @example
 * ```ts
 * try { verifyRulePack(JSON.parse(text)); } catch (err) { if (KronikerpakkerError.is(err)) report(err); }
 * ```
 */
export function verifyRulePack(document: unknown): RulePackInfo {
  const id = typeof document === 'object' && document !== null ? (document as { id?: unknown }).id : undefined;
  const kind = typeof id === 'string' ? rulePackKindOf(id) : undefined;
  if (kind === undefined) {
    checkShape(document);
    const named = packIdOf(id);
    throw new InvalidRulePackError(`Rule pack${named.packId === undefined ? '' : ` "${named.packId}"`}: no package selects this id`, [
      { ...named, path: ['id'], code: 'unknown-pack-id' },
    ], { path: ['id'] });
  }
  const set = buildSet(kind, [document]);
  const pack = set.packs[0] as RulePack;
  return infoOf(kind, pack);
}
