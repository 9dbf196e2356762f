/**
 * The facts a rule pack may use. Each fact is computed by the SDK from a
 * validated {@link PatientRecord} and the evaluation date `asOf`, is named,
 * typed and documented, and says which data would decide it when it cannot
 * be computed (its value is then **unknown**, never false).
 *
 * A fact is computed at most once per patient and `asOf`, however many
 * packs ask for it: the {@link FactContext} memoises it.
 *
 * @module
 */
import { z } from 'zod';
import { KronikerpakkerError } from '../errors/errors';
import { RED_FLAGS, RED_FLAG_CATEGORIES, PACKAGE_DECISIONS, PACKAGES, SEXES } from '../record/vocabulary';
import type { PackageId, RedFlagCategory, RedFlagCode } from '../record/vocabulary';
import type { MessageCode } from '../messages/messages';
import type { PatientRecord } from '../record/schema';
import { ageInYears, wholeWeeksBetween } from '../time/differences';
import { isWithinLastMonths } from '../time/intervals';
import type { IsoDate } from '../time/iso-date';

/** The types a fact can have. A leaf's operator and value are checked against it when a pack loads. */
export type FactType = 'number' | 'boolean' | 'string' | 'date' | 'string-list' | 'coding-list';

/** A coded item as facts expose it: a normalised diagnosis code with its system. */
export interface FactCoding {
  /** `ICPC-2` or `ICD-10` (dotted). */
  readonly system: 'ICPC-2' | 'ICD-10';
  /** The normalised code. */
  readonly code: string;
}

/** A fact's value: `undefined` means unknown (the data to decide it are missing). */
export type FactValue = number | boolean | string | readonly string[] | readonly FactCoding[] | undefined;

/**
 * The data that, if recorded, would let an unknown fact be computed. Each has
 * a message `missing.<code>` in Danish and English.
 */
export type MissingDataCode =
  | 'post-bronchodilator-spirometry'
  | 'fev1-percent-predicted'
  | 'back-pain-episode-onset'
  | 'mrc'
  | 'cat';

/** All {@link MissingDataCode}s. */
export const MISSING_DATA_CODES: readonly MissingDataCode[] = [
  'post-bronchodilator-spirometry',
  'fev1-percent-predicted',
  'back-pain-episode-onset',
  'mrc',
  'cat',
];

/**
 * Everything a fact needs, and the memo that makes each fact computed once
 * per patient and date. Create one with {@link createFactContext} and pass
 * it to every pack evaluated for that patient.
 */
export interface FactContext {
  /** The validated record. */
  readonly record: PatientRecord;
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /** @internal memo of computed facts, keyed by fact name and canonical params. */
  readonly memo: Map<string, FactValue>;
}

/**
 * Creates the context in which facts are computed for one patient on one date.
 *
 * @param record - a record validated by `parsePatientRecord` (lists sorted by date)
 * @param asOf - the evaluation date
 * @returns a fresh context with an empty memo
 * @example
 * ```ts
 * const ctx = createFactContext(record, '2027-01-15');
 * computeFact(ctx, 'age'); // 74
 * ```
 */
export function createFactContext(record: PatientRecord, asOf: IsoDate): FactContext {
  return { record, asOf, memo: new Map() };
}

/** How one fact is defined. */
export interface FactDefinition {
  /** The fact's name, as rule packs write it. */
  readonly name: string;
  /** Its type. */
  readonly type: FactType;
  /** What it means, for rule authors (English). */
  readonly description: string;
  /** The unit of a number, if any. */
  readonly unit?: string;
  /** For string and string-list facts: every value the fact can take. */
  readonly values?: readonly string[];
  /** The schema of the fact's `params`, if it takes any. */
  readonly params?: z.ZodType<Record<string, unknown>>;
  /** What data would decide the fact when it is unknown; absent for facts that are always known. */
  readonly missing?: MissingDataCode;
  /** Computes the value; `undefined` = unknown. */
  readonly compute: (ctx: FactContext, params: Record<string, unknown>) => FactValue;
}

const packageParams = z.strictObject({ package: z.enum(PACKAGES) });
const monthsParams = z.strictObject({ months: z.number().int().min(1).max(240) });

function postBronchodilatorRatios(record: PatientRecord): number[] {
  const out: number[] = [];
  for (const s of record.spirometry) if (s.postBronchodilator) out.push(s.ratio);
  return out;
}

/**
 * The state of each red flag now: the latest assessment of each flag code
 * (lists are sorted by date; on one day the later entry wins).
 */
function latestRedFlagStates(record: PatientRecord): Map<RedFlagCode, 'present' | 'absent' | 'cleared'> {
  const states = new Map<RedFlagCode, 'present' | 'absent' | 'cleared'>();
  for (const f of record.redFlags) states.set(f.flag, f.status);
  return states;
}

/** The current back-pain episode: the latest by onset that has not ended. */
function currentEpisodeOnset(record: PatientRecord): IsoDate | undefined {
  const episodes = record.backPainEpisodes;
  for (let i = episodes.length - 1; i >= 0; i--) {
    const e = episodes[i];
    if (e !== undefined && e.endDate === undefined) return e.onsetDate;
  }
  return undefined;
}

const definitions: readonly FactDefinition[] = [
  {
    name: 'age',
    type: 'number',
    unit: 'years',
    description: 'Age in whole years on asOf (a 29 February birthday counts from 1 March in common years).',
    compute: (ctx) => ageInYears(ctx.record.patient.birthDate, ctx.asOf),
  },
  {
    name: 'sex',
    type: 'string',
    values: SEXES,
    description: 'Administrative sex as recorded.',
    compute: (ctx) => ctx.record.patient.sex,
  },
  {
    name: 'listed',
    type: 'boolean',
    description: 'Whether the patient is on this clinic\'s list.',
    compute: (ctx) => ctx.record.patient.listed,
  },
  {
    name: 'deceased',
    type: 'boolean',
    description: 'Whether a date of death is recorded on or before asOf.',
    compute: (ctx) => ctx.record.patient.deceasedDate !== undefined && ctx.record.patient.deceasedDate <= ctx.asOf,
  },
  {
    name: 'activeDiagnoses',
    type: 'coding-list',
    description: 'The active problem-list codes (ICPC-2, dotted ICD-10). Test them with anyInValueSet / noneInValueSet.',
    compute: (ctx) =>
      ctx.record.diagnoses.filter((d) => d.status === 'active').map((d) => ({ system: d.system, code: d.code })),
  },
  {
    name: 'spirometryCount',
    type: 'number',
    description: 'Number of spirometries on record (pre- or post-bronchodilator).',
    compute: (ctx) => ctx.record.spirometry.length,
  },
  {
    name: 'postBronchodilatorSpirometryCount',
    type: 'number',
    description: 'Number of post-bronchodilator spirometries on record.',
    compute: (ctx) => postBronchodilatorRatios(ctx.record).length,
  },
  {
    name: 'lowestPostBronchodilatorRatio',
    type: 'number',
    description:
      'The lowest post-bronchodilator FEV1/FVC on record: below 0.70 means obstruction has been shown at least once. Unknown without post-bronchodilator spirometry.',
    missing: 'post-bronchodilator-spirometry',
    compute: (ctx) => {
      const ratios = postBronchodilatorRatios(ctx.record);
      return ratios.length === 0 ? undefined : Math.min(...ratios);
    },
  },
  {
    name: 'latestPostBronchodilatorRatio',
    type: 'number',
    description: 'FEV1/FVC of the latest post-bronchodilator spirometry. Unknown without one.',
    missing: 'post-bronchodilator-spirometry',
    compute: (ctx) => postBronchodilatorRatios(ctx.record).at(-1),
  },
  {
    name: 'latestFev1PercentPredicted',
    type: 'number',
    unit: '%',
    description: 'FEV1 % of predicted from the latest post-bronchodilator spirometry that records it. Unknown otherwise.',
    missing: 'fev1-percent-predicted',
    compute: (ctx) => {
      const s = ctx.record.spirometry;
      for (let i = s.length - 1; i >= 0; i--) {
        const x = s[i];
        if (x?.postBronchodilator === true && x.fev1PercentPredicted !== undefined) return x.fev1PercentPredicted;
      }
      return undefined;
    },
  },
  {
    name: 'latestPackageDecision',
    type: 'string',
    values: ['none', ...PACKAGE_DECISIONS],
    params: packageParams,
    description:
      'The latest recorded package decision for the package in params (included, declined, followed-in-hospital, ended), or none.',
    compute: (ctx, params) => {
      const pkg = params['package'] as PackageId;
      let latest = 'none';
      for (const d of ctx.record.packageDecisions) if (d.package === pkg) latest = d.decision;
      return latest;
    },
  },
  {
    // Added for the inclusion packs: a reason such as "declined on <date>, can be revisited" names the
    // date of the decision. Unknown only when no decision is recorded, which is not a gap in the record
    // (there is nothing to record), so the fact has no missing-data code.
    name: 'latestPackageDecisionDate',
    type: 'date',
    params: packageParams,
    description:
      'The date of the latest recorded package decision for the package in params (the decision latestPackageDecision reports). Unknown when no decision is recorded.',
    compute: (ctx, params) => {
      const pkg = params['package'] as PackageId;
      let latest: IsoDate | undefined;
      for (const d of ctx.record.packageDecisions) if (d.package === pkg) latest = d.date;
      return latest;
    },
  },
  {
    name: 'weeksSinceEpisodeOnset',
    type: 'number',
    unit: 'weeks',
    description:
      'Whole weeks from the onset of the current back-pain episode (the latest not ended) to asOf. Unknown without a current episode.',
    missing: 'back-pain-episode-onset',
    compute: (ctx) => {
      const onset = currentEpisodeOnset(ctx.record);
      return onset === undefined ? undefined : wholeWeeksBetween(onset, ctx.asOf);
    },
  },
  {
    name: 'backPainEpisodesInLastMonths',
    type: 'number',
    params: monthsParams,
    description: 'Number of back-pain episodes whose onset lies within the last `months` calendar months (inclusive).',
    compute: (ctx, params) => {
      const months = params['months'] as number;
      let n = 0;
      for (const e of ctx.record.backPainEpisodes) if (isWithinLastMonths(e.onsetDate, ctx.asOf, months)) n++;
      return n;
    },
  },
  {
    name: 'openRedFlagCategories',
    type: 'string-list',
    values: RED_FLAG_CATEGORIES,
    description:
      'Red-flag categories with at least one flag whose latest assessment is present (not absent, not assessed-and-cleared).',
    compute: (ctx) => {
      const open = new Set<RedFlagCategory>();
      for (const [flag, status] of latestRedFlagStates(ctx.record)) if (status === 'present') open.add(RED_FLAGS[flag]);
      return RED_FLAG_CATEGORIES.filter((c) => open.has(c));
    },
  },
  {
    name: 'latestMrc',
    type: 'number',
    description: 'The latest MRC dyspnoea grade on the Danish 1-5 scale (mMRC = MRC - 1). Unknown if none is recorded.',
    missing: 'mrc',
    compute: (ctx) => ctx.record.mrc.at(-1)?.grade,
  },
  {
    name: 'latestCat',
    type: 'number',
    description:
      'The latest CAT total (0-40), from the cat list or a CAT questionnaire with all eight items answered (the later wins; the list on the same day). Unknown if neither is recorded.',
    missing: 'cat',
    compute: (ctx) => latestCatTotal(ctx.record),
  },
  {
    name: 'moderateExacerbationsInLastMonths',
    type: 'number',
    params: monthsParams,
    description: 'Moderate exacerbations (treated, not admitted) within the last `months` calendar months.',
    compute: (ctx, params) => {
      const months = params['months'] as number;
      let n = 0;
      for (const e of ctx.record.exacerbations) if (e.severity === 'moderate' && isWithinLastMonths(e.date, ctx.asOf, months)) n++;
      return n;
    },
  },
  {
    name: 'hospitalisedExacerbationsInLastMonths',
    type: 'number',
    params: monthsParams,
    description:
      'Exacerbations leading to hospital admission within the last `months` calendar months: hospitalised exacerbations and KOL admissions, counted once per day (one event is often recorded as both).',
    compute: (ctx, params) => hospitalisedDays(ctx.record, ctx.asOf, params['months'] as number).size,
  },
  {
    name: 'admissionsInLastMonths',
    type: 'number',
    params: monthsParams,
    description: 'Hospital admissions (any cause) starting within the last `months` calendar months.',
    compute: (ctx, params) => {
      const months = params['months'] as number;
      let n = 0;
      for (const a of ctx.record.admissions) if (isWithinLastMonths(a.date, ctx.asOf, months)) n++;
      return n;
    },
  },
  {
    name: 'goldGrade',
    type: 'number',
    description:
      'GOLD spirometric grade 1-4 from the latest post-bronchodilator FEV1 % predicted, only once obstruction is shown (a post-bronchodilator FEV1/FVC < 0.70 on record): 1 >= 80; 2 50 to < 80; 3 30 to < 50; 4 < 30 (half-open bounds, GOLD 2023). Unknown without FEV1 % predicted or without shown obstruction.',
    missing: 'fev1-percent-predicted',
    compute: (ctx) => goldGrade(ctx),
  },
  {
    name: 'goldGroup',
    type: 'string',
    values: ['A', 'B', 'E'],
    description:
      'GOLD 2023 ABE group: E with >= 2 moderate exacerbations or >= 1 leading to admission in the last 12 months; else B if MRC >= 3 (mMRC >= 2; the Danish MRC 1-5 scale is mMRC + 1) or CAT >= 10; else A. A needs at least one of MRC and CAT recorded; unknown when neither is and the patient is not E.',
    missing: 'mrc',
    compute: (ctx) => goldGroup(ctx),
  },
];

/** Days with an exacerbation leading to admission (hospitalised exacerbations and KOL admissions). */
function hospitalisedDays(record: PatientRecord, asOf: IsoDate, months: number): Set<IsoDate> {
  const days = new Set<IsoDate>();
  for (const e of record.exacerbations) if (e.severity === 'hospitalised' && isWithinLastMonths(e.date, asOf, months)) days.add(e.date);
  for (const a of record.admissions) if (a.cause === 'KOL' && isWithinLastMonths(a.date, asOf, months)) days.add(a.date);
  return days;
}

/**
 * The latest CAT total: from the `cat` list or from a CAT questionnaire with
 * all eight items answered (0-5 each), whichever is later; on the same day the
 * `cat` entry wins.
 */
function latestCatTotal(record: PatientRecord): number | undefined {
  const fromList = record.cat.at(-1);
  let fromQuestionnaire: { date: IsoDate; total: number } | undefined;
  for (const q of record.questionnaires) {
    if (q.instrument !== 'CAT') continue;
    let total = 0;
    let complete = true;
    for (let i = 1; i <= 8; i++) {
      const v = q.answers[`cat${String(i)}`];
      if (v === undefined || v === null || !Number.isInteger(v) || v < 0 || v > 5) complete = false;
      else total += v;
    }
    if (complete) fromQuestionnaire = { date: q.date, total };
  }
  if (fromQuestionnaire !== undefined && (fromList === undefined || fromQuestionnaire.date > fromList.date)) return fromQuestionnaire.total;
  return fromList?.total;
}

function goldGrade(ctx: FactContext): number | undefined {
  const lowest = computeFact(ctx, 'lowestPostBronchodilatorRatio');
  if (typeof lowest !== 'number' || lowest >= 0.7) return undefined;
  const pp = computeFact(ctx, 'latestFev1PercentPredicted');
  if (typeof pp !== 'number') return undefined;
  return pp >= 80 ? 1 : pp >= 50 ? 2 : pp >= 30 ? 3 : 4;
}

function goldGroup(ctx: FactContext): 'A' | 'B' | 'E' | undefined {
  const moderate = computeFact(ctx, 'moderateExacerbationsInLastMonths', { months: 12 });
  const hospitalised = computeFact(ctx, 'hospitalisedExacerbationsInLastMonths', { months: 12 });
  if ((moderate as number) >= 2 || (hospitalised as number) >= 1) return 'E';
  const mrc = computeFact(ctx, 'latestMrc');
  const cat = computeFact(ctx, 'latestCat');
  if ((typeof mrc === 'number' && mrc >= 3) || (typeof cat === 'number' && cat >= 10)) return 'B';
  return mrc === undefined && cat === undefined ? undefined : 'A';
}

/** A set of fact definitions by name: the facts a pack loaded with it may use. */
export type FactCatalogue = ReadonlyMap<string, FactDefinition>;

/** Every fact the core SDK computes, by name. */
export const FACTS: FactCatalogue = new Map(definitions.map((d) => [d.name, d]));

/**
 * A catalogue with more facts: packages that own a kind of data (PRO
 * questionnaires, say) define facts over it, and their packs load with the
 * extended catalogue. A name may be defined once only.
 *
 * @param base - the catalogue to extend (usually {@link FACTS})
 * @param extra - the added definitions
 * @returns a new catalogue
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` when a name is defined twice
 * @example
 * ```ts
 * const facts = extendFacts(FACTS, [{ name: 'startBackGroup', type: 'string', ... }]);
 * loadRulePack(json, { facts });
 * ```
 */
export function extendFacts(base: FactCatalogue, extra: readonly FactDefinition[]): FactCatalogue {
  const out = new Map(base);
  for (const d of extra) {
    if (out.has(d.name)) throw new KronikerpakkerError('INVALID_ARGUMENT', 'A fact name is defined twice', { path: ['extra'] });
    out.set(d.name, d);
  }
  return out;
}

/**
 * The memo key of a fact with its params: params are written with sorted
 * keys so that `{a,b}` and `{b,a}` share one computation.
 *
 * @param name - fact name
 * @param params - fact params, if any
 * @returns the key
 */
export function factKey(name: string, params: Readonly<Record<string, unknown>> | undefined): string {
  if (params === undefined) return name;
  const keys = Object.keys(params).sort();
  if (keys.length === 0) return name;
  return `${name}(${keys.map((k) => `${k}=${JSON.stringify(params[k])}`).join(',')})`;
}

/**
 * Computes a fact for a patient (memoised in the context).
 *
 * @param ctx - the patient's fact context
 * @param name - a fact name from {@link FACTS}
 * @param params - the fact's params, if it takes any
 * @param catalogue - where the fact is defined (default: the core facts)
 * @returns the value, or `undefined` when unknown
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for an unknown fact name
 * @example
 * ```ts
 * computeFact(ctx, 'backPainEpisodesInLastMonths', { months: 12 }); // 2
 * ```
 */
export function computeFact(
  ctx: FactContext,
  name: string,
  params?: Readonly<Record<string, unknown>>,
  catalogue: FactCatalogue = FACTS,
): FactValue {
  const def = catalogue.get(name);
  if (def === undefined) throw unknownFact();
  return computeWithKey(ctx, def, factKey(name, params), params ?? {});
}

/** @internal compute with a precomputed key (the compiled evaluator's path). */
export function computeWithKey(
  ctx: FactContext,
  def: FactDefinition,
  key: string,
  params: Readonly<Record<string, unknown>>,
): FactValue {
  if (ctx.memo.has(key)) return ctx.memo.get(key);
  const value = def.compute(ctx, params);
  ctx.memo.set(key, value);
  return value;
}

function unknownFact(): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', 'Unknown fact name', { path: ['name'] });
}

/**
 * The message code that names a piece of missing data, for "what would
 * decide this" lists in results.
 *
 * @param code - a missing-data code
 * @returns `missing.<code>`
 * @example
 * ```ts
 * formatMessage(missingDataMessageCode('mrc'), {}, 'da'); // 'MRC-åndenødsgrad (1-5)'
 * ```
 */
export function missingDataMessageCode<C extends MissingDataCode>(code: C): `missing.${C}` & MessageCode {
  return `missing.${code}` as `missing.${C}` & MessageCode;
}
