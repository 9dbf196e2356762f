/**
 * The result of an inclusion evaluation: data, never an exception. Each
 * result names its status, every criterion and exclusion with its trace, the
 * reasons a clinician reads (Danish and English), the data that would decide
 * an undecided case, and the rule-pack version that decided.
 *
 * @module
 */
import type { IsoDate, LocalizedText as CoreLocalizedText, MessageCode, MissingDataCode, PackageId, RulePackSet, RuleSetRef, TraceNode, Truth } from '@kronikerpakker/core';

/**
 * The inclusion status of one patient for one package:
 *
 * - `excluded`: an exclusion rule holds (an open red flag, declined, deceased,
 *   not listed, followed in hospital);
 * - `not-eligible`: no exclusion holds, but a criterion is not met;
 * - `insufficient-data`: nothing excludes and nothing fails, but a rule cannot
 *   be decided from the record (see {@link InclusionResult.missing});
 * - `eligible`: every criterion is met and no exclusion holds.
 *
 * @example
 * ```ts
 * const status: InclusionStatus = evaluateInclusion(record, { package: 'KOL', asOf }).status;
 * ```
 */
export type InclusionStatus = 'eligible' | 'not-eligible' | 'excluded' | 'insufficient-data';

/**
 * Every {@link InclusionStatus}, in the order the status is derived (an
 * exclusion decides before a failed criterion, which decides before missing data).
 *
 * @example
 * ```ts
 * INCLUSION_STATUSES.includes('eligible'); // true
 * ```
 */
export const INCLUSION_STATUSES: readonly InclusionStatus[] = Object.freeze([
  'excluded',
  'not-eligible',
  'insufficient-data',
  'eligible',
] as const);

/**
 * The two kinds of inclusion rule, named by the rule's event `type`:
 * a `criterion` must be true to be eligible; an `exclusion` excludes when true.
 *
 * @example
 * ```ts
 * const kind: InclusionRuleKind = 'exclusion';
 * ```
 */
export type InclusionRuleKind = 'criterion' | 'exclusion';

/**
 * A text in every locale the SDK writes: Danish (`da`, read by the GP) and
 * English (`en`).
 *
 * @example
 * ```ts
 * const text: LocalizedText = { da: 'Patienten er under 30 år.', en: 'The patient is under 30 years of age.' };
 * ```
 */
export type LocalizedText = CoreLocalizedText;

/**
 * One reason behind a status, as the clinician reads it. The `code` is a
 * stable message code: store it, and render it again with `formatMessage`
 * and `params` in any locale.
 *
 * @example
 * ```ts
 * const reason: InclusionReason = {
 *   code: 'inclusion.lrs.red-flag',
 *   params: { category: 'cauda-equina' },
 *   text: { da: 'Rødt flag: mistanke om cauda equina-syndrom. ...', en: 'Red flag: suspected cauda equina syndrome. ...' },
 *   source: 'Lægehåndbogen (sundhed.dk), røde flag; ...',
 *   criterion: 'red-flag-cauda-equina',
 *   rule: 'lrs.red-flag.cauda-equina',
 *   kind: 'exclusion',
 *   urgent: true,
 *   provisional: true,
 * };
 * ```
 */
export interface InclusionReason {
  /** The stable message code. */
  readonly code: MessageCode;
  /** The message's parameters (clinical numbers the GP sees, dates, categories: never a CPR or a name). */
  readonly params: Readonly<Record<string, string | number>>;
  /** The rendered text in Danish and English. */
  readonly text: LocalizedText;
  /** The source the rule rests on, from the pack. */
  readonly source: string;
  /** The criterion id of the rule that gave this reason. */
  readonly criterion: string;
  /** The rule's name in the pack. */
  readonly rule: string;
  /** Whether the rule is a criterion or an exclusion. */
  readonly kind: InclusionRuleKind;
  /** An urgent action for the clinician (an open red flag); urgent reasons are listed first. */
  readonly urgent?: true | undefined;
  /** A finding about the quality of the record (spirometry contradicting a KOL diagnosis), not a clinical exclusion. */
  readonly dataQuality?: true | undefined;
  /** The rule is provisional (no national rule yet): the pack says so. */
  readonly provisional?: true | undefined;
}

/**
 * A piece of data that, if recorded, would let an undecided rule be decided.
 *
 * @example
 * ```ts
 * const missing: InclusionMissingData = {
 *   code: 'post-bronchodilator-spirometry',
 *   text: { da: 'Spirometri efter bronkodilatation (FEV1/FVC)', en: 'Post-bronchodilator spirometry (FEV1/FVC)' },
 * };
 * ```
 */
export interface InclusionMissingData {
  /** The missing-data code (its message code is `missing.<code>`, see `missingDataMessageCode`). */
  readonly code: MissingDataCode;
  /** What to record, in Danish and English. */
  readonly text: LocalizedText;
}

/**
 * The outcome of one rule of the pack, with its trace.
 *
 * @example
 * ```ts
 * const age = result.criteria.find((c) => c.id === 'age');
 * age?.result; // 'true'
 * ```
 */
export interface InclusionCriterionResult {
  /** The criterion id from the rule's event params (`age`, `kol-diagnosis`, `declined`, ...). */
  readonly id: string;
  /** The rule's name in the pack. */
  readonly rule: string;
  /** Criterion (must be true) or exclusion (excludes when true). */
  readonly kind: InclusionRuleKind;
  /** true, false, or unknown when data are missing. */
  readonly result: Truth;
  /** The data that would decide the rule, when it is unknown. */
  readonly missing: readonly MissingDataCode[];
  /** The full evaluation trace: every leaf with the fact value used. */
  readonly trace: TraceNode;
}

/**
 * The inclusion decision for one patient, one package and one date.
 *
 * @example
 * ```ts
 * const result: InclusionResult = evaluateInclusion(record, { package: 'KOL', asOf: '2027-01-15' });
 * if (result.status === 'insufficient-data') show(result.missing.map((m) => m.text.da));
 * ```
 */
export interface InclusionResult {
  /** The package. */
  readonly package: PackageId;
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /** The status, derived from the rule results (see {@link InclusionStatus}). */
  readonly status: InclusionStatus;
  /** Every rule of the pack, in pack order. */
  readonly criteria: readonly InclusionCriterionResult[];
  /** Why: the reasons behind the status, urgent ones first. */
  readonly reasons: readonly InclusionReason[];
  /** For `insufficient-data`: the data that would decide it. Empty for the other statuses (more data would not change them). */
  readonly missing: readonly InclusionMissingData[];
  /** The rule-pack version that decided: id, version, digest, provisional or approved. */
  readonly ruleSet: RuleSetRef;
}

/**
 * Options of {@link evaluateInclusionInContext}: the evaluation date comes
 * from the fact context.
 *
 * @example
 * ```ts
 * const options: InclusionContextOptions = { package: 'LRS' };
 * ```
 */
export interface InclusionContextOptions {
  /** `KOL` or `LRS`. */
  readonly package: PackageId;
  /**
   * The rule packs to decide with; defaults to {@link defaultInclusionPacks}.
   * The set must hold a version of `kol-inclusion` (for KOL) or
   * `lrs-inclusion` (for LRS) valid on the evaluation date.
   */
  readonly packs?: RulePackSet | undefined;
}

/**
 * Options of {@link evaluateInclusion}.
 *
 * @example
 * ```ts
 * const options: InclusionOptions = { package: 'KOL', asOf: '2027-01-15' };
 * ```
 */
export interface InclusionOptions extends InclusionContextOptions {
  /** The evaluation date, `YYYY-MM-DD` (Europe/Copenhagen). */
  readonly asOf: IsoDate;
}

/**
 * Options of {@link evaluateInclusionForBoth}.
 *
 * @example
 * ```ts
 * const options: InclusionForBothOptions = { asOf: '2027-01-15' };
 * ```
 */
export interface InclusionForBothOptions {
  /** The evaluation date, `YYYY-MM-DD` (Europe/Copenhagen). */
  readonly asOf: IsoDate;
  /** The rule packs to decide with; defaults to {@link defaultInclusionPacks}. */
  readonly packs?: RulePackSet | undefined;
}

/**
 * The decisions for both packages, computed over one shared fact context.
 *
 * @example
 * ```ts
 * const { KOL, LRS } = evaluateInclusionForBoth(record, { asOf: '2027-01-15' });
 * ```
 */
export type InclusionForBoth = { readonly [P in PackageId]: InclusionResult };
