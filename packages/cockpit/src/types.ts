/**
 * The public types of the cockpit: options, rows, worklists, indicators and
 * the cockpit itself.
 *
 * @module
 */
import type { IsoDate, Level, LocalizedText, RulePackSet, RuleSetRef, UnknownFieldPolicy } from '@kronikerpakker/core';
import type { EnrolmentStanding, InclusionStatus } from '@kronikerpakker/inclusion';

/**
 * A cockpit profile: the package whose population the cockpit shows.
 *
 * @example
 * ```ts
 * const profile: CockpitProfile = 'KOL';
 * ```
 */
export type CockpitProfile = 'KOL' | 'LRS';

/**
 * Replacement rule packs (for example a newer national version), passed
 * through to the evaluations. Each defaults to the shipped packs.
 *
 * @example
 * ```ts
 * const packs: CockpitPacks = { inclusion: createRulePackSet([myKolInclusion, lrsInclusionPack]) };
 * ```
 */
export interface CockpitPacks {
  /** Inclusion packs (default `defaultInclusionPacks()`). */
  readonly inclusion?: RulePackSet | undefined;
  /** Differentiation packs (default `defaultDifferentiationPacks()`). */
  readonly differentiation?: RulePackSet | undefined;
  /** Care (business-rule) packs (default `defaultCarePacks()`). */
  readonly care?: RulePackSet | undefined;
}

/**
 * Options of {@link buildCockpit}.
 *
 * @example
 * ```ts
 * const options: CockpitOptions = { asOf: '2027-03-15', profile: 'KOL', retainRows: false };
 * ```
 */
export interface CockpitOptions {
  /** The evaluation date (`YYYY-MM-DD`, Europe/Copenhagen). Records are validated and evaluated as of it. */
  readonly asOf: IsoDate;
  /** The profile: `KOL` or `LRS`. */
  readonly profile: CockpitProfile;
  /** Replacement rule packs. */
  readonly packs?: CockpitPacks | undefined;
  /** Unknown record fields: `reject` (default) makes the record invalid, `strip` drops them. */
  readonly unknownFields?: UnknownFieldPolicy | undefined;
  /**
   * Keep the rows (default `true`). With `false` the cockpit keeps only counts,
   * indicators and worklist sizes, so its memory does not grow with the population.
   */
  readonly retainRows?: boolean | undefined;
  /** Called with each row as it is made (also when rows are not retained). */
  readonly onRow?: ((row: CockpitRow) => void) | undefined;
  /** Called with the number of records processed, every 1000 records and once at the end. */
  readonly onProgress?: ((processed: number) => void) | undefined;
}

/**
 * A patient's level in the cockpit: the suggestion of the needs assessment
 * and the clinician's decision. All `null` (and `determined` false) for a
 * patient who is neither eligible nor enrolled.
 *
 * @example
 * ```ts
 * const level: CockpitLevel = { suggested: 2, determined: true, decided: 3, effective: 3 };
 * ```
 */
export interface CockpitLevel {
  /** The suggested level (the level certain from the data present). */
  readonly suggested: Level | null;
  /** True when missing data cannot change the suggestion. */
  readonly determined: boolean;
  /** The clinician's latest level decision for the package. */
  readonly decided: Level | null;
  /** The level in force: `decided ?? suggested`. */
  readonly effective: Level | null;
}

/**
 * The PRO status of a row (see docs/cockpit.md):
 * `not-applicable` when the patient is not in the package (standing other
 * than `enrolled`: the package's care items are not in scope);
 * `missing` when a PRO missing-data item is open (KOL: `kol.cat.missing`,
 * `kol.mrc.missing`; LRS: `lrs.start-back.missing`) or no questionnaire of
 * the package's instruments was answered in the last 12 months;
 * `due` when a PRO is due (KOL: `kol.pro.cat-before-aarsstatus`; LRS: `lrs.pro.due`);
 * `completed` otherwise.
 *
 * @example
 * ```ts
 * const pro: ProStatus = 'completed';
 * ```
 */
export type ProStatus = 'completed' | 'due' | 'missing' | 'not-applicable';

/**
 * How many care items of each kind a row has.
 *
 * @example
 * ```ts
 * const counts: CockpitCounts = { overdue: 1, due: 2, missing: 0, alerts: 0, suggestions: 1, dataQuality: 0 };
 * ```
 */
export interface CockpitCounts {
  /** Items of kind `overdue`. */
  readonly overdue: number;
  /** Items of kind `due`. */
  readonly due: number;
  /** Items of kind `missing-data`. */
  readonly missing: number;
  /** Items of kind `alert`. */
  readonly alerts: number;
  /** Items of kind `suggestion`. */
  readonly suggestions: number;
  /** Items of kind `data-quality`. */
  readonly dataQuality: number;
}

/**
 * One patient of the profile in the cockpit. No CPR, name or birth date:
 * the record id and the input position find the patient in the LPS.
 *
 * @example
 * ```ts
 * row.id;        // 'p-017'
 * row.worklists; // ['aarsstatus-overdue', 'smokers']
 * ```
 */
export interface CockpitRow {
  /** The record's id. */
  readonly id: string;
  /** The record's 1-based position in the input. */
  readonly position: number;
  /** The inclusion status for the profile's package. */
  readonly status: InclusionStatus;
  /** Enrolled: the latest package decision for the package (on or before asOf) is `included`. */
  readonly enrolled: boolean;
  /**
   * Where the patient stands by the enrolment policy (`enrolmentOf` of
   * `@kronikerpakker/inclusion`): `enrolled` (in the package), `candidate`,
   * `excluded`, `not-eligible` or `insufficient-data`.
   */
  readonly standing: EnrolmentStanding;
  /** The level, when the enrolment policy says one applies (in the package, or a candidate); else all null. */
  readonly level: CockpitLevel;
  /**
   * KOL: the GOLD group (A, B, E); LRS: the latest STarT Back risk group;
   * null when unknown. Read with the level pack's freshness window (MRC/CAT
   * of the last 12 months, STarT Back of the last 6 months in the shipped
   * packs), so an older score shows as unknown, as the level and care treat it.
   */
  readonly group: 'A' | 'B' | 'E' | 'low' | 'medium' | 'high' | null;
  /** The date of the latest årsstatus encounter for the package (or without a package). */
  readonly lastAarsstatus: IsoDate | null;
  /** The earliest due date of the row's `due` and `overdue` items (before asOf only for an overdue item). */
  readonly nextDue: IsoDate | null;
  /** Care items by kind. */
  readonly counts: CockpitCounts;
  /** True when a care item is urgent (an open urgent warning sign, `lrs.red-flag.open`). */
  readonly urgent: boolean;
  /** The PRO status. */
  readonly pro: ProStatus;
  /** The codes of the row's care items, in the care order (urgent first, then priority). */
  readonly itemCodes: readonly string[];
  /** The worklists the row is on. */
  readonly worklists: readonly WorklistId[];
}

/**
 * The id of a worklist (see {@link WORKLISTS}).
 *
 * @example
 * ```ts
 * const id: WorklistId = 'candidates';
 * ```
 */
export type WorklistId =
  | 'aarsstatus-overdue'
  | 'aarsstatus-none'
  | 'aarsstatus-due-30d'
  | 'missing-spirometry'
  | 'level-3'
  | 'frequent-exacerbations'
  | 'smokers'
  | 'red-flag-open'
  | 'sick-leave'
  | 'follow-up-overdue'
  | 'start-back-missing'
  | 'candidates'
  | 'no-longer-eligible';

/**
 * A worklist's definition: a named, documented filter over rows.
 *
 * @example
 * ```ts
 * const smokers = WORKLISTS.find((w) => w.profile === 'KOL' && w.id === 'smokers');
 * smokers?.matches(row);
 * ```
 */
export interface WorklistDefinition {
  /** The worklist's id (unique within a profile). */
  readonly id: WorklistId;
  /** The profile it belongs to. */
  readonly profile: CockpitProfile;
  /** Its title. */
  readonly title: LocalizedText;
  /** What it is for, for clinicians. */
  readonly description: LocalizedText;
  /** Exactly which rows are on it. */
  readonly definition: LocalizedText;
  /** Whether a row is on the worklist. */
  readonly matches: (row: CockpitRow) => boolean;
}

/**
 * A worklist in a cockpit.
 *
 * @example
 * ```ts
 * cockpit.worklists[0]; // { id: 'aarsstatus-overdue', title: {...}, size: 12, rows: [...] }
 * ```
 */
export interface CockpitWorklist {
  /** The worklist's id. */
  readonly id: WorklistId;
  /** Its title. */
  readonly title: LocalizedText;
  /** How many rows are on it. */
  readonly size: number;
  /** Its rows (when rows are retained): urgent first, then by `nextDue` (none last), then by position. */
  readonly rows?: readonly CockpitRow[];
}

/**
 * The id of a quality indicator (see {@link INDICATORS}).
 *
 * @example
 * ```ts
 * const id: IndicatorId = 'aarsstatus-12m';
 * ```
 */
export type IndicatorId =
  | 'enrolled'
  | 'level-1'
  | 'level-2'
  | 'level-3'
  | 'aarsstatus-12m'
  | 'spirometry-24m'
  | 'start-back-done'
  | 'pro-completed'
  | 'plan-shared';

/**
 * A quality indicator's definition.
 *
 * @example
 * ```ts
 * INDICATORS.find((i) => i.id === 'plan-shared')?.definition.da;
 * ```
 */
export interface IndicatorDefinition {
  /** The indicator's id. */
  readonly id: IndicatorId;
  /** The profiles it is computed for. */
  readonly profiles: readonly CockpitProfile[];
  /** Its title. */
  readonly title: LocalizedText;
  /** The numerator and the denominator, in words. */
  readonly definition: LocalizedText;
}

/**
 * A quality indicator in a cockpit.
 *
 * @example
 * ```ts
 * const i: CockpitIndicator = cockpit.indicators[0];
 * i.proportion; // numerator / denominator, or null when the denominator is 0
 * ```
 */
export interface CockpitIndicator {
  /** The indicator's id. */
  readonly id: IndicatorId;
  /** Its title. */
  readonly title: LocalizedText;
  /** Patients counted in the numerator. */
  readonly numerator: number;
  /** Patients counted in the denominator. */
  readonly denominator: number;
  /** `numerator / denominator`, or null when the denominator is 0. */
  readonly proportion: number | null;
  /** The numerator and the denominator, in words. */
  readonly definition: LocalizedText;
}

/**
 * A record that failed validation: its position and the kinds and places of
 * its problems, never its content.
 *
 * @example
 * ```ts
 * const e: InvalidRecordEntry = { position: 7, codes: ['invalid-json'], paths: [] };
 * ```
 */
export interface InvalidRecordEntry {
  /** The 1-based position in the input (NDJSON: the line number). */
  readonly position: number;
  /** The distinct issue codes (`invalid-json` for a line that is not JSON, `line-too-long` for a line over the reader's limit). */
  readonly codes: readonly string[];
  /** The paths of the issues (at most 20), e.g. `spirometry[0].ratio`. */
  readonly paths: readonly string[];
}

/**
 * The records that failed validation.
 *
 * @example
 * ```ts
 * cockpit.invalid.byCode; // { 'invalid-json': 1, required: 2 }
 * ```
 */
export interface CockpitInvalid {
  /** How many records failed validation. */
  readonly count: number;
  /** Invalid records per issue code (a record with several codes counts once under each). */
  readonly byCode: Readonly<Record<string, number>>;
  /** The first 1000 invalid records, by position. */
  readonly entries: readonly InvalidRecordEntry[];
}

/**
 * Counts of the population read.
 *
 * @example
 * ```ts
 * cockpit.population; // { records: 500, valid: 498, invalid: 2, inProfile: 61 }
 * ```
 */
export interface CockpitPopulation {
  /** Records read (blank NDJSON lines are not records). */
  readonly records: number;
  /** Records that passed validation. */
  readonly valid: number;
  /** Records that failed validation. */
  readonly invalid: number;
  /** Valid records in the profile (each has a row). */
  readonly inProfile: number;
}

/**
 * Klinikens Cockpit for one profile on one date. JSON-serialisable; it holds
 * record ids and positions but no CPR, name, birth date or record content.
 *
 * @example
 * ```ts
 * const cockpit = buildCockpit(records, { asOf: '2027-03-15', profile: 'KOL' });
 * cockpit.worklists.find((w) => w.id === 'candidates')?.size;
 * ```
 */
export interface Cockpit {
  /** The profile. */
  readonly profile: CockpitProfile;
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /** Counts of the population read. */
  readonly population: CockpitPopulation;
  /** The rows of the patients in the profile, in input order (absent when `retainRows` is false). */
  readonly rows?: readonly CockpitRow[];
  /** The profile's worklists, in the order of {@link WORKLISTS}. */
  readonly worklists: readonly CockpitWorklist[];
  /** The profile's quality indicators, in the order of {@link INDICATORS}. */
  readonly indicators: readonly CockpitIndicator[];
  /** The records that failed validation. */
  readonly invalid: CockpitInvalid;
  /** The rule-pack versions used (inclusion, differentiation, care). */
  readonly ruleSets: readonly RuleSetRef[];
}
