/**
 * The public types of the business rules: care items and the evaluation.
 *
 * @module
 */
import type { FactValue, IsoDate, JsonValue, LocalizedText as CoreLocalizedText, MessageCode, PackageId, RulePackSet, RuleSetRef, TraceNode } from '@kronikerpakker/core';
import type { LevelSuggestion } from '@kronikerpakker/differentiation';
import type { InclusionResult } from '@kronikerpakker/inclusion';

/**
 * The kinds of care item: `due` (to do by a date or now), `overdue` (its due
 * date has passed), `missing-data` (something the package needs is not
 * recorded), `suggestion` (an offer to consider), `alert` (needs the
 * clinician's attention now) and `data-quality` (a suspicious entry to check).
 *
 * @example
 * ```ts
 * CARE_ITEM_KINDS.includes('overdue'); // true
 * ```
 */
export const CARE_ITEM_KINDS = ['due', 'overdue', 'missing-data', 'suggestion', 'alert', 'data-quality'] as const;

/**
 * One of {@link CARE_ITEM_KINDS}.
 *
 * @example
 * ```ts
 * const kind: CareItemKind = 'alert';
 * ```
 */
export type CareItemKind = (typeof CARE_ITEM_KINDS)[number];

/**
 * A text in every supported locale (Danish first).
 *
 * @example
 * ```ts
 * const text: LocalizedText = { da: 'Patienten ryger: tilbyd rygestop.', en: 'The patient smokes: offer smoking cessation.' };
 * ```
 */
export type LocalizedText = CoreLocalizedText;

/**
 * A fact that triggered an item: a leaf of the rule's trace that decided it.
 *
 * @example
 * ```ts
 * const f: TriggerFact = { fact: 'currentSmoker', params: undefined, operator: 'equal', operand: true, value: true };
 * ```
 */
export interface TriggerFact {
  /** The fact's name. */
  readonly fact: string;
  /** The fact's params, if any. */
  readonly params: Readonly<Record<string, JsonValue>> | undefined;
  /** The operator of the leaf. */
  readonly operator: string;
  /** The operand from the pack. */
  readonly operand: JsonValue;
  /** The patient's value of the fact. */
  readonly value: FactValue;
}

/**
 * One dated item for the clinician: what to do, why, by when, and which
 * pack version said so.
 *
 * @example
 * ```ts
 * const item = evaluateCare(record, { package: 'KOL', asOf: '2027-01-15' }).items[0];
 * item?.code;     // 'kol.aarsstatus.overdue'
 * item?.dueDate;  // '2027-01-10'
 * item?.text.da;  // 'Årsstatus er overskredet: …'
 * ```
 */
export interface CareItem {
  /** A stable code from the pack (`kol.aarsstatus.overdue`, `dq.bmi-implausible`, ...). */
  readonly code: string;
  /** The kind of item. */
  readonly kind: CareItemKind;
  /** 1-100, higher first (from the pack). */
  readonly priority: number;
  /** True for an urgent action (an open red flag): urgent items come first, before any priority. */
  readonly urgent: boolean;
  /** The due date, where one applies; `null` otherwise. */
  readonly dueDate: IsoDate | null;
  /** The message code of the text. */
  readonly message: MessageCode;
  /** The item in Danish and English. */
  readonly text: LocalizedText;
  /** The source the rule rests on (from the pack). */
  readonly source: string;
  /** The rule that produced the item. */
  readonly rule: string;
  /** True when the pack is provisional (every shipped pack is). */
  readonly provisional: boolean;
  /** The facts that triggered the item (the deciding leaves of the trace, without the package scope). */
  readonly facts: readonly TriggerFact[];
  /** The rule's full trace. */
  readonly trace: TraceNode;
  /** The pack version that produced the item. */
  readonly ruleSet: RuleSetRef;
}

/**
 * The care items of one patient for one package on one date.
 *
 * @example
 * ```ts
 * const care = evaluateCare(record, { package: 'LRS', asOf: '2027-01-15' });
 * care.urgent;          // true when a red flag is open
 * care.items[0]?.code;  // 'lrs.red-flag.open'
 * ```
 */
export interface CareEvaluation {
  /** The package. */
  readonly package: PackageId;
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /**
   * Whether the patient is in the package by the enrolment policy of
   * `@kronikerpakker/inclusion` (`enrolmentOf(...).inPackage`: enrolled, and
   * eligible or with data missing). Out of the package (a candidate, excluded,
   * not eligible), only the items of rules with scope `always` (data quality,
   * an urgent warning sign) are given.
   */
  readonly inPackage: boolean;
  /** True when any item is urgent. */
  readonly urgent: boolean;
  /** The items: urgent first, then by priority (highest first), then by due date (earliest first; none last), then by code. */
  readonly items: readonly CareItem[];
  /** The pack version that decided. */
  readonly ruleSet: RuleSetRef;
}

/**
 * Options of {@link evaluateCareInContext}.
 *
 * @example
 * ```ts
 * const options: CareContextOptions = { package: 'KOL' };
 * ```
 */
export interface CareContextOptions {
  /** The package: `KOL` or `LRS`. */
  readonly package: PackageId;
  /** The care packs (default `defaultCarePacks()`); build with `createCarePackSet`. */
  readonly packs?: RulePackSet | undefined;
  /** The differentiation packs that give the level and contact plan (default: the shipped ones). */
  readonly levelPacks?: RulePackSet | undefined;
  /** A level suggestion already computed for this context and package (saves computing it again). */
  readonly level?: LevelSuggestion | undefined;
  /** The inclusion packs that decide the enrolment policy's scope (default: the shipped ones). */
  readonly inclusionPacks?: RulePackSet | undefined;
  /** An inclusion result already computed for this context and package (saves computing it again). */
  readonly inclusion?: InclusionResult | undefined;
}

/**
 * Options of {@link evaluateCare}: as {@link CareContextOptions}, with the date.
 *
 * @example
 * ```ts
 * const options: CareOptions = { package: 'LRS', asOf: '2027-01-15' };
 * ```
 */
export interface CareOptions extends CareContextOptions {
  /** The evaluation date. */
  readonly asOf: IsoDate;
}
