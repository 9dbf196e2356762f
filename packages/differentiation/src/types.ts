/**
 * The result of the needs assessment: a suggested level with everything that
 * explains it, and the types of its options.
 *
 * @module
 */
import type { FactValue, IsoDate, Level, LocalizedText as CoreLocalizedText, MissingDataCode, MotivationLevel, PackageId, RulePackSet, RuleResult, RuleSetRef } from '@kronikerpakker/core';

/**
 * A text in every locale of the SDK (Danish first, English).
 *
 * @example
 * ```ts
 * const text: LocalizedText = { da: 'Foreslået niveau 2.', en: 'Suggested level 2.' };
 * ```
 */
export type LocalizedText = CoreLocalizedText;

/**
 * The severity classes of the condition: `low`, `moderate`, `high`.
 *
 * @example
 * ```ts
 * SEVERITY_CLASSES.indexOf('moderate'); // 1
 * ```
 */
export const SEVERITY_CLASSES = ['low', 'moderate', 'high'] as const;

/**
 * A severity class of the condition (disease-specific: GOLD for KOL, STarT
 * Back and Oswestry for LRS).
 *
 * @example
 * ```ts
 * const severity: SeverityClass = 'moderate';
 * ```
 */
export type SeverityClass = (typeof SEVERITY_CLASSES)[number];

/**
 * The three domains a level rests on: the condition's `severity`, the
 * generic `complexity` factors, and the `clinician`'s explicit judgement.
 *
 * @example
 * ```ts
 * DRIVER_DOMAINS; // ['severity', 'complexity', 'clinician']
 * ```
 */
export const DRIVER_DOMAINS = ['severity', 'complexity', 'clinician'] as const;

/**
 * A domain of the needs assessment (see {@link DRIVER_DOMAINS}).
 *
 * @example
 * ```ts
 * const domain: DriverDomain = 'complexity';
 * ```
 */
export type DriverDomain = (typeof DRIVER_DOMAINS)[number];

/**
 * Where a driver's data come from: the `record` (diagnoses, spirometry,
 * exacerbations, sick leave), the `clinician` (the recorded needs
 * assessment) or a `questionnaire` (PRO: STarT Back, ODI, SILS).
 *
 * @example
 * ```ts
 * DRIVER_SOURCES.includes('questionnaire'); // true
 * ```
 */
export const DRIVER_SOURCES = ['record', 'clinician', 'questionnaire'] as const;

/**
 * Where a driver's data come from (see {@link DRIVER_SOURCES}).
 *
 * @example
 * ```ts
 * const source: DriverSource = 'clinician';
 * ```
 */
export type DriverSource = (typeof DRIVER_SOURCES)[number];

/**
 * What one driver adds: a `level` it forces at least (severity and clinician
 * drivers), or a number of complexity `factors` it counts.
 *
 * @example
 * ```ts
 * const a: DriverContribution = { kind: 'level', level: 3 };
 * const b: DriverContribution = { kind: 'factors', factors: 2 };
 * ```
 */
export type DriverContribution =
  | { readonly kind: 'level'; readonly level: Level }
  | { readonly kind: 'factors'; readonly factors: number };

/**
 * One reason the level is what it is: a rule of the pack that holds.
 *
 * @example
 * ```ts
 * const driver: LevelDriver = {
 *   domain: 'severity',
 *   factor: 'gold-group-e',
 *   rule: 'kol.severity.gold-group-e',
 *   fact: 'hospitalisedExacerbationsInLastMonths',
 *   value: 1,
 *   source: 'record',
 *   severity: 'high',
 *   contribution: { kind: 'level', level: 3 },
 *   text: { da: 'GOLD-gruppe E: …', en: 'GOLD group E: …' },
 * };
 * ```
 */
export interface LevelDriver {
  /** The domain. */
  readonly domain: DriverDomain;
  /** The factor's stable id from the pack (`multimorbidity`, `social.lives-alone`, `gold-group-e`, ...). */
  readonly factor: string;
  /** The name of the rule that holds. */
  readonly rule: string;
  /** The fact whose value decided the rule (the first leaf that held). */
  readonly fact: string;
  /** That fact's value. */
  readonly value: Exclude<FactValue, undefined>;
  /** Where the data come from. */
  readonly source: DriverSource;
  /** For severity drivers: the severity class the rule gives. */
  readonly severity?: SeverityClass;
  /** What the driver adds to the level. */
  readonly contribution: DriverContribution;
  /** The driver in words. */
  readonly text: LocalizedText;
}

/**
 * Data whose absence leaves the level open: recording it could raise the
 * level above {@link LevelSuggestion.minimumLevel}.
 *
 * @example
 * ```ts
 * const missing: LevelMissingData = {
 *   code: 'start-back',
 *   factors: ['start-back-high', 'start-back-medium'],
 *   text: { da: 'STarT Back-screening', en: 'STarT Back screening' },
 * };
 * ```
 */
export interface LevelMissingData {
  /** The missing-data code (core's `MissingDataCode`). */
  readonly code: MissingDataCode;
  /** The factors (pack ids) this data would decide. */
  readonly factors: readonly string[];
  /** What to record, in words. */
  readonly text: LocalizedText;
}

/**
 * The clinician's recorded level decision for the package: kept beside the
 * suggestion, never replaced by it.
 *
 * @example
 * ```ts
 * const decision: ClinicianLevelDecision = { level: 3, reason: 'Lives alone, recent admission', date: '2026-11-02' };
 * ```
 */
export interface ClinicianLevelDecision {
  /** The level the clinician chose. */
  readonly level: Level;
  /** The clinician's reason, as recorded. */
  readonly reason: string;
  /** The date of the decision. */
  readonly date: IsoDate;
}

/**
 * Why a re-assessment of the level is due: an `aarsstatus` (yearly review)
 * since the last level decision, a hospital admission since it
 * (`after-admission`), or a severity class that differs from the one at the
 * time of the decision (`severity-changed`).
 *
 * @example
 * ```ts
 * REASSESSMENT_REASONS; // ['aarsstatus', 'after-admission', 'severity-changed']
 * ```
 */
export const REASSESSMENT_REASONS = ['aarsstatus', 'after-admission', 'severity-changed'] as const;

/**
 * A reason a re-assessment is due (see {@link REASSESSMENT_REASONS}).
 *
 * @example
 * ```ts
 * const reason: ReassessmentReason = 'after-admission';
 * ```
 */
export type ReassessmentReason = (typeof REASSESSMENT_REASONS)[number];

/**
 * One reason a re-assessment is due, with its date and words.
 *
 * @example
 * ```ts
 * const detail: ReassessmentDetail = {
 *   reason: 'after-admission',
 *   date: '2026-11-02',
 *   text: { da: 'Indlæggelse den 2. november 2026 …', en: 'Hospital admission on 2 November 2026 …' },
 * };
 * ```
 */
export interface ReassessmentDetail {
  /** The reason. */
  readonly reason: ReassessmentReason;
  /** The date of the årsstatus or admission (absent for `severity-changed`). */
  readonly date?: IsoDate;
  /** The reason in words. */
  readonly text: LocalizedText;
}

/**
 * Whether the clinician should look at the level again. Only a recorded
 * level decision can be re-assessed: without one, `due` is false and the
 * absence of {@link LevelSuggestion.clinicianDecision} asks for a first
 * decision.
 *
 * @example
 * ```ts
 * const r: Reassessment = { due: true, reasons: ['aarsstatus'], details: [] };
 * ```
 */
export interface Reassessment {
  /** True when at least one reason applies. */
  readonly due: boolean;
  /** The reasons, in the order of {@link REASSESSMENT_REASONS}. */
  readonly reasons: readonly ReassessmentReason[];
  /** The reasons with dates and words. */
  readonly details: readonly ReassessmentDetail[];
}

/**
 * When PRO questionnaires are sent: before the `aarsstatus` only, or before
 * the årsstatus and each planned follow-up.
 *
 * @example
 * ```ts
 * PRO_TIMINGS; // ['aarsstatus', 'aarsstatus-and-follow-up']
 * ```
 */
export const PRO_TIMINGS = ['aarsstatus', 'aarsstatus-and-follow-up'] as const;

/**
 * When PRO questionnaires are sent (see {@link PRO_TIMINGS}).
 *
 * @example
 * ```ts
 * const timing: ProTiming = 'aarsstatus-and-follow-up';
 * ```
 */
export type ProTiming = (typeof PRO_TIMINGS)[number];

/**
 * One offer of a level's contact plan.
 *
 * @example
 * ```ts
 * const offer: ContactPlanOffer = { code: 'municipal-rehabilitation', text: { da: 'Kommunal rehabilitering.', en: 'Municipal rehabilitation.' } };
 * ```
 */
export interface ContactPlanOffer {
  /** A stable code from the pack (`self-management-plan`, `coordinator`, ...). */
  readonly code: string;
  /** The offer in words. */
  readonly text: LocalizedText;
}

/**
 * What a level means in practice (PROVISIONAL, from the pack's parameters).
 *
 * @example
 * ```ts
 * const plan: ContactPlan = suggestLevel(record, { package: 'KOL', asOf }).contactPlan;
 * plan.followUpIntervalMonths; // null, 6 or 3
 * ```
 */
export interface ContactPlan {
  /** The level this plan is for. */
  readonly level: Level;
  /** Whether the level is the clinician's decision or the SDK's suggestion. */
  readonly basis: 'clinician' | 'suggestion';
  /** What the level means. */
  readonly meaning: LocalizedText;
  /** Months between årsstatus (yearly reviews). */
  readonly aarsstatusIntervalMonths: number;
  /** Months between planned follow-ups; `null` for none beyond the årsstatus. */
  readonly followUpIntervalMonths: number | null;
  /** When PRO questionnaires are sent. */
  readonly proBefore: ProTiming;
  /** The offers of the level (all of them, not only those added to the level below). */
  readonly offers: readonly ContactPlanOffer[];
  /** The intervals and PRO timing in words. */
  readonly texts: {
    /** The årsstatus interval. */
    readonly aarsstatus: LocalizedText;
    /** The planned follow-up, or that there is none. */
    readonly followUp: LocalizedText;
    /** When PRO questionnaires are sent. */
    readonly proBefore: LocalizedText;
  };
}

/**
 * The suggested level for one patient and package, with its explanation.
 *
 * **How the level is computed.** Every rule of the pack is true, false or
 * unknown (data missing). The *minimum level* counts only what is known to
 * hold: the highest severity class whose rule is true, the complexity
 * factors whose rules are true, a clinician judgement that is true. The
 * *maximum level* also counts every unknown rule as if it held. Each is
 * `max(severity level, complexity level, clinician level)`. When they are
 * equal, no missing data can change the level: it is `determined`. The
 * suggestion is always the minimum (never below 1): with `determined: false`
 * it reads "at least", and `missing` says what to record.
 *
 * @example
 * ```ts
 * const s = suggestLevel(record, { package: 'KOL', asOf: '2027-01-15' });
 * s.suggestedLevel;       // 3
 * s.determined;           // true (GOLD E: nothing missing can lower or raise it)
 * s.drivers[0]?.text.da;  // 'GOLD-gruppe E: …'
 * ```
 */
export interface LevelSuggestion {
  /** The package. */
  readonly package: PackageId;
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /** The suggested level: the minimum level (see above). */
  readonly suggestedLevel: Level;
  /** The level certain from the data present. */
  readonly minimumLevel: Level;
  /** The highest level the missing data could lead to. */
  readonly maximumLevel: Level;
  /** True when missing data cannot change the level (`minimumLevel === maximumLevel`). */
  readonly determined: boolean;
  /** The severity class, or `unknown` when missing data leave it open. */
  readonly severity: SeverityClass | 'unknown';
  /** The range the severity class lies in (equal ends when known). */
  readonly severityRange: {
    /** The severity certain from the data present. */
    readonly minimum: SeverityClass;
    /** The highest severity the missing data could show. */
    readonly maximum: SeverityClass;
  };
  /** The complexity factors known to be present (self-management poor counts 2). */
  readonly complexityFactors: number;
  /** The complexity factors there could be, counting every unknown factor as present. */
  readonly possibleComplexityFactors: number;
  /** What raised the level: every rule that holds and counts. */
  readonly drivers: readonly LevelDriver[];
  /** What to record to settle the level (empty when `determined`). */
  readonly missing: readonly LevelMissingData[];
  /** The patient's recorded motivation: shown in the plan, never moves the level. */
  readonly motivation?: MotivationLevel;
  /** The clinician's latest level decision for the package, if any. */
  readonly clinicianDecision?: ClinicianLevelDecision;
  /** True when a clinician's decision exists and its level differs from {@link suggestedLevel}. */
  readonly differsFromClinician: boolean;
  /** Whether the level should be looked at again. */
  readonly reassessment: Reassessment;
  /** The contact plan in force: for the clinician's level when decided, else for the suggested level. */
  readonly contactPlan: ContactPlan;
  /** The contact plan of the suggested level (the same as `contactPlan` without a decision). */
  readonly suggestedContactPlan: ContactPlan;
  /** One sentence: the suggested level and whether it is settled. */
  readonly summary: LocalizedText;
  /** When the clinician's level differs: a sentence saying so and that the decision applies. */
  readonly clinicianNote?: LocalizedText;
  /** Every rule's result with its full trace (the fact values used). */
  readonly rules: readonly RuleResult[];
  /** The pack version that decided. */
  readonly ruleSet: RuleSetRef;
}

/**
 * Options of {@link suggestLevel}.
 *
 * @example
 * ```ts
 * const options: SuggestLevelOptions = { package: 'LRS', asOf: '2027-01-15' };
 * ```
 */
export interface SuggestLevelOptions {
  /** The package: `KOL` or `LRS`. */
  readonly package: PackageId;
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /** The packs to use (default {@link defaultDifferentiationPacks}); build with {@link createDifferentiationPackSet}. */
  readonly packs?: RulePackSet;
}

/**
 * Options of {@link suggestLevelInContext}: as {@link SuggestLevelOptions},
 * without `asOf` (the context carries it).
 *
 * @example
 * ```ts
 * const options: SuggestLevelInContextOptions = { package: 'KOL' };
 * ```
 */
export interface SuggestLevelInContextOptions {
  /** The package: `KOL` or `LRS`. */
  readonly package: PackageId;
  /** The packs to use (default {@link defaultDifferentiationPacks}). */
  readonly packs?: RulePackSet;
}
