/**
 * The inclusion packs the SDK ships, and the default set built from them.
 *
 * @module
 */
import { createRulePackSet, deepFreeze } from '@kronikerpakker/core';
import type { PackageId, RulePackDocument, RulePackSet } from '@kronikerpakker/core';
import kolPack from '../packs/kol-inclusion.json';
import lrsPack from '../packs/lrs-inclusion.json';

/**
 * The KOL inclusion pack (`kol-inclusion` 0.1.0, **provisional**, valid from
 * 2027-01-01) as a frozen JSON document: an active KOL diagnosis (R95, J44.x,
 * J43.x), confirmed by a post-bronchodilator FEV1/FVC below 0.70, age 30 or
 * more (provisional); excluded when followed in hospital for KOL
 * (provisional), declined, deceased or not listed. See the package README.
 *
 * @example
 * ```ts
 * kolInclusionPack.version; // '0.1.0'
 * loadRulePack(kolInclusionPack).digest; // the digest every result's ruleSet carries
 * ```
 */
export const kolInclusionPack: RulePackDocument = deepFreeze(kolPack as RulePackDocument);

/**
 * The LRS inclusion pack (`lrs-inclusion` 0.1.0, **provisional in full**,
 * valid from 2027-01-01) as a frozen JSON document: age 18 or more, an active
 * low back pain diagnosis, pain for 12 weeks or more or 2 episodes in 12
 * months; excluded by an open red flag (one rule per category, an urgent
 * action), declined, deceased or not listed. See the package README.
 *
 * @example
 * ```ts
 * lrsInclusionPack.rules.filter((r) => r.name.startsWith('lrs.red-flag.')).length; // 6
 * ```
 */
export const lrsInclusionPack: RulePackDocument = deepFreeze(lrsPack as RulePackDocument);

/**
 * The pack id that decides inclusion for each package. A replacement pack
 * must keep its package's id (and a new `version` and validity).
 *
 * @example
 * ```ts
 * INCLUSION_PACK_IDS.KOL; // 'kol-inclusion'
 * ```
 */
export const INCLUSION_PACK_IDS: { readonly [P in PackageId]: string } = Object.freeze({
  KOL: 'kol-inclusion',
  LRS: 'lrs-inclusion',
});

let defaultSet: RulePackSet | undefined;

/**
 * The rule-pack set used when no `packs` option is given: the shipped
 * {@link kolInclusionPack} and {@link lrsInclusionPack}, loaded, validated and
 * compiled once, on first use. To replace a pack, build your own set with
 * `createRulePackSet([...])` and pass it as `packs`.
 *
 * @returns the shared default set
 * @example
 * ```ts
 * defaultInclusionPacks().select('kol-inclusion', '2027-01-15').pack.ref;
 * // { id: 'kol-inclusion', version: '0.1.0', digest: '…', status: 'provisional' }
 * ```
 */
export function defaultInclusionPacks(): RulePackSet {
  defaultSet ??= createRulePackSet([kolInclusionPack, lrsInclusionPack]);
  return defaultSet;
}
