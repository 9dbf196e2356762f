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
    description: 'The latest CAT total (0-40). Unknown if none is recorded.',
    missing: 'cat',
    compute: (ctx) => ctx.record.cat.at(-1)?.total,
  },
];

/** Every fact a pack may use, by name. */
export const FACTS: ReadonlyMap<string, FactDefinition> = new Map(definitions.map((d) => [d.name, d]));

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
 * @returns the value, or `undefined` when unknown
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for an unknown fact name
 * @example
 * ```ts
 * computeFact(ctx, 'backPainEpisodesInLastMonths', { months: 12 }); // 2
 * ```
 */
export function computeFact(ctx: FactContext, name: string, params?: Readonly<Record<string, unknown>>): FactValue {
  const def = FACTS.get(name);
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
