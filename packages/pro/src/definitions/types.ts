/**
 * The shape of an instrument definition. An instrument is data: item ids,
 * answer codes, a scoring rule, interpretation bands and which items may be
 * missing. The scoring code in this package reads nothing else.
 *
 * @module
 */

import type { InstrumentId, Locale } from '@kronikerpakker/core';

/**
 * The instruments this package defines and scores, in a stable order. A
 * subset of core's `INSTRUMENTS`: `FABQ` and `OMPSQ-10` are in the record
 * model but have no definition here yet.
 *
 * @example
 * ```ts
 * SCORED_INSTRUMENTS.includes('CAT'); // true
 * ```
 */
export const SCORED_INSTRUMENTS = Object.freeze([
  'CAT',
  'MRC',
  'STarT-Back',
  'ODI',
  'RMDQ',
  'NRS-pain',
  'SILS',
  'EQ-5D-5L',
] as const satisfies readonly InstrumentId[]);

/**
 * An instrument this package defines and scores.
 *
 * @example
 * ```ts
 * const id: ScoredInstrumentId = 'STarT-Back';
 * ```
 */
export type ScoredInstrumentId = (typeof SCORED_INSTRUMENTS)[number];

/**
 * A short text in every SDK locale (Danish and English).
 *
 * @example
 * ```ts
 * const label: LocalisedText = { da: 'CAT spørgsmål 1', en: 'CAT item 1' };
 * ```
 */
export type LocalisedText = Readonly<Record<Locale, string>>;

/**
 * One answer of a `choice` item: the code stored in a response, a neutral
 * label, and the points the code scores.
 *
 * @example
 * ```ts
 * // STarT Back item 9, "very much": code 3 scores 1 point.
 * const option: AnswerOption = { code: 3, label: { da: 'Meget', en: 'Very much' }, score: 1 };
 * ```
 */
export interface AnswerOption {
  /** The answer code, as stored in `answers` and exported as the FHIR `valueCoding.code`. */
  readonly code: number;
  /** A short neutral label (never the licensed answer wording). */
  readonly label: LocalisedText;
  /** The points this answer scores (usually equal to `code`). */
  readonly score: number;
}

/**
 * What an item accepts. Every answer is an integer code:
 *
 * - `choice`: one of `options` (FHIR item type `choice`);
 * - `integer`: any integer from `min` to `max`, scoring its own value (FHIR `integer`);
 * - `boolean`: 0 for no/false, 1 for yes/true, scoring its own value (FHIR `boolean`).
 *
 * @example
 * ```ts
 * const nrs: AnswerDomain = { type: 'integer', min: 0, max: 10 };
 * ```
 */
export type AnswerDomain = ChoiceAnswerDomain | IntegerAnswerDomain | BooleanAnswerDomain;

/**
 * A `choice` item's answers.
 *
 * @example
 * ```ts
 * const domain: ChoiceAnswerDomain = { type: 'choice', options: [] };
 * ```
 */
export interface ChoiceAnswerDomain {
  /** The kind of answer. */
  readonly type: 'choice';
  /** The answers, in ascending code order. */
  readonly options: readonly AnswerOption[];
}

/**
 * An `integer` item's range (both ends included).
 *
 * @example
 * ```ts
 * const vas: IntegerAnswerDomain = { type: 'integer', min: 0, max: 100 };
 * ```
 */
export interface IntegerAnswerDomain {
  /** The kind of answer. */
  readonly type: 'integer';
  /** The lowest allowed answer. */
  readonly min: number;
  /** The highest allowed answer. */
  readonly max: number;
}

/**
 * A yes/no item, stored as 0 (no) or 1 (yes).
 *
 * @example
 * ```ts
 * const rmdqItem: BooleanAnswerDomain = { type: 'boolean' };
 * ```
 */
export interface BooleanAnswerDomain {
  /** The kind of answer. */
  readonly type: 'boolean';
}

/**
 * Licensed wording an integrator attaches to an item with
 * {@link withItemTexts}. The SDK ships none.
 *
 * @example
 * ```ts
 * const text: ItemText = { text: { da: '<licensed wording>' }, answers: { 0: { da: '<licensed answer>' } } };
 * ```
 */
export interface ItemText {
  /** The question, in the locales you hold a licence for. */
  readonly text: Readonly<Partial<Record<Locale, string>>>;
  /** Answer wordings by answer code (`choice` and `boolean` items). */
  readonly answers?: Readonly<Record<number, Readonly<Partial<Record<Locale, string>>>>>;
}

/**
 * One item of an instrument.
 *
 * @typeParam K - the instrument's item ids
 * @example
 * ```ts
 * const item = getInstrumentDefinition('CAT').items[0];
 * item?.id; // 'cat1'
 * ```
 */
export interface InstrumentItem<K extends string = string> {
  /** The item id: the key in `answers` and the FHIR `linkId`. */
  readonly id: K;
  /** A short neutral label such as "CAT item 1" (never the licensed wording). */
  readonly label: LocalisedText;
  /** What the item accepts. */
  readonly answer: AnswerDomain;
  /**
   * Whether the item may be left out without counting as missing (EQ VAS).
   * Optional items are never part of the score.
   */
  readonly optional: boolean;
  /** Licensed wording, present only after {@link withItemTexts}. */
  readonly licensedText?: ItemText;
}

/**
 * A named partial score over some items (STarT Back's psychosocial subscore).
 *
 * @typeParam K - the instrument's item ids
 * @example
 * ```ts
 * const sub: SubscoreDefinition = {
 *   id: 'psychosocial', label: { da: 'Psykosocial delscore', en: 'Psychosocial subscore' },
 *   items: ['q5', 'q6', 'q7', 'q8', 'q9'], min: 0, max: 5,
 * };
 * ```
 */
export interface SubscoreDefinition<K extends string = string> {
  /** The subscore's id, the key in `QuestionnaireScore.subscores`. */
  readonly id: string;
  /** Its name. */
  readonly label: LocalisedText;
  /** The items it sums. */
  readonly items: readonly K[];
  /** The lowest possible subscore. */
  readonly min: number;
  /** The highest possible subscore. */
  readonly max: number;
}

/**
 * The score is the sum of the items' points; no item may be missing.
 *
 * @typeParam K - the instrument's item ids
 * @example
 * ```ts
 * const rule: SumScoring = { method: 'sum', items: ['nrs'], subscores: [] };
 * ```
 */
export interface SumScoring<K extends string = string> {
  /** The scoring method. */
  readonly method: 'sum';
  /** The items summed (every non-optional item). */
  readonly items: readonly K[];
  /** Partial sums, reported in `QuestionnaireScore.subscores`. */
  readonly subscores: readonly SubscoreDefinition<K>[];
}

/**
 * The score is the points scored as a percentage of the points possible on
 * the items *answered*: `sum / (max points x items answered) x 100`, not
 * rounded. At most `maxMissing` items may be missing.
 *
 * @typeParam K - the instrument's item ids
 * @example
 * ```ts
 * const rule = getInstrumentDefinition('ODI').scoring; // { method: 'percent-of-answered', maxMissing: 1, ... }
 * ```
 */
export interface PercentOfAnsweredScoring<K extends string = string> {
  /** The scoring method. */
  readonly method: 'percent-of-answered';
  /** The items scored. */
  readonly items: readonly K[];
  /** How many of `items` may be missing before the score cannot be computed. */
  readonly maxMissing: number;
}

/**
 * One dimension of a value set: the decrement for each level.
 *
 * @typeParam K - the instrument's item ids
 * @example
 * ```ts
 * const mobility: ValueSetDimension = { item: 'mo', decrements: [0, 0.041, 0.054, 0.157, 0.22] };
 * ```
 */
export interface ValueSetDimension<K extends string = string> {
  /** The item (dimension). */
  readonly item: K;
  /** The decrement for answer levels 1, 2, 3, 4 and 5 (level 1 is 0). */
  readonly decrements: readonly [number, number, number, number, number];
}

/**
 * The score is a preference-based index: `1 - sum of decrements`, rounded to
 * `decimals` decimals. Every dimension must be answered.
 *
 * @typeParam K - the instrument's item ids
 * @example
 * ```ts
 * const rule = getInstrumentDefinition('EQ-5D-5L').scoring; // method 'value-set', the Danish 2021 set
 * ```
 */
export interface ValueSetScoring<K extends string = string> {
  /** The scoring method. */
  readonly method: 'value-set';
  /** The value set's id, e.g. `DK-2021`. */
  readonly valueSetId: string;
  /** Where the value set is published. */
  readonly source: InstrumentSource;
  /** The decrements of every dimension. */
  readonly dimensions: readonly ValueSetDimension<K>[];
  /** Decimals the index is rounded to (half away from zero). */
  readonly decimals: number;
}

/**
 * How an instrument is scored.
 *
 * @typeParam K - the instrument's item ids
 * @example
 * ```ts
 * getInstrumentDefinition('CAT').scoring.method; // 'sum'
 * ```
 */
export type ScoringRule<K extends string = string> = SumScoring<K> | PercentOfAnsweredScoring<K> | ValueSetScoring<K>;

/**
 * A range of scores. Every bound given must hold; none given means any score.
 * `above`/`below` are strict, `atLeast`/`atMost` inclusive.
 *
 * @example
 * ```ts
 * // ODI "moderate": more than 20 % and at most 40 %.
 * const moderate: ScoreRange = { above: 20, atMost: 40 };
 * ```
 */
export interface ScoreRange {
  /** The score is at least this. */
  readonly atLeast?: number;
  /** The score is strictly greater than this. */
  readonly above?: number;
  /** The score is at most this. */
  readonly atMost?: number;
  /** The score is strictly less than this. */
  readonly below?: number;
}

/**
 * An interpretation band and when it applies. The bands of an instrument
 * are mutually exclusive and cover every possible score (tests enforce it).
 *
 * @example
 * ```ts
 * const high = getInstrumentDefinition('CAT').bands[1]; // id 'high', score { atLeast: 10 }
 * ```
 */
export interface BandDefinition {
  /** A stable id (`low`, `high`, `minimal`, ...). */
  readonly id: string;
  /** The band's name. */
  readonly label: LocalisedText;
  /** What the band means for the clinician, with its source. */
  readonly interpretation: LocalisedText;
  /** The total score's range. */
  readonly score: ScoreRange;
  /** Ranges of subscores, by subscore id (STarT Back's high risk). */
  readonly subscores?: Readonly<Record<string, ScoreRange>>;
}

/**
 * A publication or site behind a definition.
 *
 * @example
 * ```ts
 * const source: InstrumentSource = { title: 'COPD Assessment Test', url: 'https://www.catestonline.org' };
 * ```
 */
export interface InstrumentSource {
  /** Title or citation. */
  readonly title: string;
  /** Where to find it, when known. */
  readonly url?: string;
}

/**
 * Who holds the rights to the instrument's wording and what that means for
 * an integrator. The SDK never ships item wording.
 *
 * @example
 * ```ts
 * getInstrumentDefinition('EQ-5D-5L').licence.holder; // 'EuroQol Research Foundation'
 * ```
 */
export interface LicenceNote {
  /** The rights holder, when there is one. */
  readonly holder?: string;
  /** Whether the wording is copyrighted (a licence or registration may be needed). */
  readonly copyrighted: boolean;
  /** What the integrator must do before showing the instrument. */
  readonly note: string;
}

/**
 * Whether a definition follows the publication as is (`active`) or holds a
 * choice of ours or an LRS default that the national documents may change
 * (`provisional`; exported to FHIR as `status: 'draft'`).
 *
 * @example
 * ```ts
 * const status: DefinitionStatus = 'provisional';
 * ```
 */
export type DefinitionStatus = 'active' | 'provisional';

/**
 * The unit of an instrument's score.
 *
 * @example
 * ```ts
 * getInstrumentDefinition('ODI').unit; // 'percent'
 * ```
 */
export type ScoreUnit = 'points' | 'grade' | 'percent' | 'index';

/**
 * An instrument as data.
 *
 * @typeParam I - the instrument id
 * @typeParam K - its item ids
 * @example
 * ```ts
 * const cat = getInstrumentDefinition('CAT');
 * cat.items.map((i) => i.id); // ['cat1', ..., 'cat8']
 * cat.scoreRange; // { min: 0, max: 40 }
 * ```
 */
export interface InstrumentDefinition<I extends ScoredInstrumentId = ScoredInstrumentId, K extends string = string> {
  /** The instrument id (core's `InstrumentId`). */
  readonly id: I;
  /** The definition's version, matched against a response's `version`. */
  readonly version: string;
  /** The instrument's name. */
  readonly title: LocalisedText;
  /** Whether the definition is provisional. */
  readonly status: DefinitionStatus;
  /** The items, in questionnaire order. */
  readonly items: readonly InstrumentItem<K>[];
  /** How it is scored. */
  readonly scoring: ScoringRule<K>;
  /** The unit of the score. */
  readonly unit: ScoreUnit;
  /** The lowest and highest possible scores. */
  readonly scoreRange: { readonly min: number; readonly max: number };
  /** Interpretation bands; empty when no published bands exist (RMDQ, NRS, EQ-5D-5L). */
  readonly bands: readonly BandDefinition[];
  /** The primary source. */
  readonly source: InstrumentSource;
  /** Further sources (scoring rules, cut-offs, Danish validation). */
  readonly references: readonly InstrumentSource[];
  /** The licence position. */
  readonly licence: LicenceNote;
}
