/**
 * The differentiation packs the SDK ships, the fact catalogue they use, and
 * the default set built from them.
 *
 * @module
 */
import { createRulePackSet, deepFreeze } from '@kronikerpakker/core';
import type { FactCatalogue, PackageId, RulePackDocument, RulePackSet } from '@kronikerpakker/core';
import { proFactCatalogue } from '@kronikerpakker/pro';
import kolPack from '../packs/kol-differentiation.json';
import lrsPack from '../packs/lrs-differentiation.json';
import { differentiationPlan } from './parameters';

/**
 * The KOL differentiation pack (`kol-differentiation` 0.1.0,
 * **provisional**, valid from 2027-01-01) as a frozen JSON document.
 * Severity: high for GOLD group E or GOLD 4, moderate for GOLD group B or
 * GOLD 3, low otherwise; the generic complexity factors; clinician "complex
 * course"; bands and contact plan in `parameters`. See the package README.
 *
 * @example
 * ```ts
 * kolDifferentiationPack.version; // '0.1.0'
 * kolDifferentiationPack.status;  // 'provisional'
 * ```
 */
export const kolDifferentiationPack: RulePackDocument = deepFreeze(kolPack as RulePackDocument);

/**
 * The LRS differentiation pack (`lrs-differentiation` 0.1.0, **provisional
 * in full**, valid from 2027-01-01) as a frozen JSON document. Severity:
 * STarT Back low/medium/high gives low/moderate/high, an Oswestry score
 * above 40 % raises low to moderate; the generic complexity factors plus
 * work; clinician "complex course". See the package README.
 *
 * @example
 * ```ts
 * lrsDifferentiationPack.rules.some((r) => r.name === 'complexity.work.sick-leave'); // true
 * ```
 */
export const lrsDifferentiationPack: RulePackDocument = deepFreeze(lrsPack as RulePackDocument);

/**
 * The pack id that decides the level for each package. A replacement pack
 * keeps its package's id (with a new `version` and validity).
 *
 * @example
 * ```ts
 * DIFFERENTIATION_PACK_IDS.LRS; // 'lrs-differentiation'
 * ```
 */
export const DIFFERENTIATION_PACK_IDS: { readonly [P in PackageId]: string } = Object.freeze({
  KOL: 'kol-differentiation',
  LRS: 'lrs-differentiation',
});

/**
 * The facts a differentiation pack may use: core's facts plus the PRO facts
 * of `@kronikerpakker/pro` (STarT Back, ODI, SILS). Load, compile and export
 * differentiation packs with it.
 *
 * @returns the shared catalogue
 * @example
 * ```ts
 * differentiationFacts().has('latestStartBackGroup'); // true
 * ```
 */
export function differentiationFacts(): FactCatalogue {
  return proFactCatalogue();
}

/**
 * Builds a rule-pack set of differentiation packs: loads each with
 * {@link differentiationFacts}, checks validity overlaps, compiles each
 * once, and validates each as a differentiation pack
 * ({@link validateDifferentiationPack}). This is how an authority's or a
 * vendor's replacement pack is used: pass the set as `packs`.
 *
 * @param packs - pack JSON documents (several versions of a pack may be given)
 * @returns the set
 * @throws `InvalidRulePackError` for an invalid pack, overlapping versions or invalid differentiation parameters or events
 * @example
 * ```ts
 * const packs = createDifferentiationPackSet([kolDifferentiationPack, lrsDifferentiationPack, kolV2]);
 * suggestLevel(record, { package: 'KOL', asOf: '2028-03-01', packs });
 * ```
 */
export function createDifferentiationPackSet(packs: readonly unknown[]): RulePackSet {
  const set = createRulePackSet(packs, { facts: differentiationFacts() });
  for (const pack of set.packs) differentiationPlan(pack);
  return set;
}

let defaultSet: RulePackSet | undefined;

/**
 * The set used when no `packs` option is given: the shipped
 * {@link kolDifferentiationPack} and {@link lrsDifferentiationPack}, loaded,
 * validated and compiled once, on first use.
 *
 * @returns the shared default set
 * @example
 * ```ts
 * defaultDifferentiationPacks().select('kol-differentiation', '2027-01-15').pack.ref.status; // 'provisional'
 * ```
 */
export function defaultDifferentiationPacks(): RulePackSet {
  defaultSet ??= createDifferentiationPackSet([kolDifferentiationPack, lrsDifferentiationPack]);
  return defaultSet;
}
