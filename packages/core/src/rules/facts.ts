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
import type { ErrorPath } from '../errors/errors';
import { assertParsedRecord } from '../record/guards';
import { getValueSet, inValueSet, VALUE_SET_IDS } from '../codes/value-sets';
import type { ValueSetId } from '../codes/value-sets';
import {
  MOTIVATION_LEVELS,
  PACKAGE_DECISIONS,
  PACKAGES,
  RED_FLAGS,
  RED_FLAG_CATEGORIES,
  RED_FLAG_CODES,
  SELF_MANAGEMENT_LEVELS,
  SEXES,
} from '../record/vocabulary';
import type { PackageId, RedFlagCategory, RedFlagCode } from '../record/vocabulary';
import type { MessageCode } from '../messages/messages';
import type { PatientRecord } from '../record/schema';
import { ageInYears, wholeWeeksBetween } from '../time/differences';
import { isWithinLastMonths } from '../time/intervals';
import { subDaysIso, subMonthsIso } from '../time/arithmetic';
import { assertAsOf } from '../time/iso-date';
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
  | 'cat'
  | 'needs-assessment'
  | 'start-back'
  | 'odi'
  | 'sils';

/** All {@link MissingDataCode}s. */
export const MISSING_DATA_CODES: readonly MissingDataCode[] = [
  'post-bronchodilator-spirometry',
  'fev1-percent-predicted',
  'back-pain-episode-onset',
  'mrc',
  'cat',
  'needs-assessment',
  'start-back',
  'odi',
  'sils',
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
  /** @internal memo of computed facts (see {@link FactMemo}). */
  readonly memo: FactMemo;
}

/** Fact keys (name and canonical params) numbered once, so a patient's memo is an array. */
const slotByKey = new Map<string, number>();

/**
 * A memo is allocated with at most this many slots (the shipped packs use
 * under 100); slots numbered later, by callers asking for many different
 * params, grow it on use rather than making every context large.
 */
const PRESIZED_SLOTS = 256;

/**
 * The memo slot of a fact key: assigned once per process, at compile time
 * for pack leaves, so the per-patient lookup is an array index.
 *
 * @internal
 * @param key - a key from {@link factKey}
 * @returns its slot
 */
export function factSlot(key: string): number {
  let slot = slotByKey.get(key);
  if (slot === undefined) {
    slot = slotByKey.size;
    slotByKey.set(key, slot);
  }
  return slot;
}

/**
 * The facts computed so far for one patient and date, by slot. A Map keyed
 * by strings cost as much as the facts themselves on the hot path.
 *
 * @internal
 */
export class FactMemo {
  /**
   * @internal values by slot; `undefined` = not computed, {@link UNKNOWN} = computed as unknown.
   * Allocated at its full size (every slot numbered so far, up to `PRESIZED_SLOTS`) at once,
   * instead of growing slot by slot.
   */
  readonly values: unknown[] = new Array<unknown>(Math.min(slotByKey.size, PRESIZED_SLOTS));

  /**
   * Whether the fact with this key has been computed.
   *
   * @param key - a key from {@link factKey}
   * @returns true once computed (also when its value is unknown)
   */
  has(key: string): boolean {
    const slot = slotByKey.get(key);
    return slot !== undefined && this.values[slot] !== undefined;
  }

  /** How many facts have been computed. */
  get size(): number {
    let n = 0;
    for (const v of this.values) if (v !== undefined) n++;
    return n;
  }

  /** Other per-context values (see {@link FactMemo.cached}), by slot; created on first use. */
  #cache: unknown[] | undefined;

  /**
   * A value another package keeps for this patient and date (a level
   * suggestion, a questionnaire score): held by the context itself, so it
   * lives and dies with it (a module-level `WeakMap` keyed by contexts made
   * every patient's values survive young-generation collections).
   *
   * @internal
   * @param key - a name unique to the caller (`'business-rules:level:KOL'`)
   * @returns the value stored with {@link FactMemo.cache}, or `undefined`
   */
  cached(key: string): unknown {
    const cache = this.#cache;
    if (cache === undefined) return undefined;
    const slot = cacheSlotByKey.get(key);
    return slot === undefined ? undefined : cache[slot];
  }

  /**
   * Stores a value for {@link FactMemo.cached}.
   *
   * @internal
   * @param key - a name unique to the caller
   * @param value - the value (`undefined` removes it)
   */
  cache(key: string, value: unknown): void {
    let slot = cacheSlotByKey.get(key);
    if (slot === undefined) {
      slot = cacheSlotByKey.size;
      cacheSlotByKey.set(key, slot);
    }
    this.#cache ??= [];
    this.#cache[slot] = value;
  }
}

/** Keys of {@link FactMemo.cache} numbered once per process. */
const cacheSlotByKey = new Map<string, number>();

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
  return new PatientFactContext(record, asOf);
}

/**
 * A context that is its own memo: one object per patient and date instead of
 * two (a population allocates one per patient).
 */
class PatientFactContext extends FactMemo implements FactContext {
  readonly record: PatientRecord;
  readonly asOf: IsoDate;
  /** Set by {@link assertFactContext} once it has checked this context. */
  checked: boolean;

  constructor(record: PatientRecord, asOf: IsoDate) {
    super();
    this.record = record;
    this.asOf = asOf;
    this.checked = false;
  }

  get memo(): FactMemo {
    return this;
  }
}

const CTX_PATH: ErrorPath = Object.freeze(['ctx']);
const CTX_RECORD_PATH: ErrorPath = Object.freeze(['ctx', 'record']);

/**
 * Throws unless `ctx` is a fact context over a record validated by
 * `parsePatientRecord`, on a valid date. A context from
 * {@link createFactContext} is checked once: the functions that take a
 * context check it on every call, and a pipeline passes one context to many.
 *
 * @internal
 * @param ctx - the context to check
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['ctx']`, `['ctx', 'record']` or `['asOf']`)
 * @example
 * ```ts
 * assertFactContext(ctx);
 * ```
 */
export function assertFactContext(ctx: unknown): asserts ctx is FactContext {
  if (ctx instanceof PatientFactContext && ctx.checked) return;
  if (typeof ctx !== 'object' || ctx === null) throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected a fact context', { path: CTX_PATH });
  assertParsedRecord((ctx as FactContext).record, CTX_RECORD_PATH);
  assertAsOf((ctx as FactContext).asOf);
  if (ctx instanceof PatientFactContext) ctx.checked = true;
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

/**
 * How many items have a date within the last `params.months` calendar months
 * of asOf (both ends inclusive); `dateOf` returns undefined for items that do
 * not count.
 */
function countWithinLastMonths<T>(
  ctx: FactContext,
  params: Readonly<Record<string, unknown>>,
  items: readonly T[],
  dateOf: (item: T) => IsoDate | undefined,
): number {
  const months = params['months'] as number;
  let n = 0;
  for (const item of items) {
    const date = dateOf(item);
    if (date !== undefined && isWithinLastMonths(date, ctx.asOf, months)) n++;
  }
  return n;
}

/** The empty list facts share, instead of a new one per patient. */
const NONE: readonly never[] = Object.freeze([]);

const packageParams = z.strictObject({ package: z.enum(PACKAGES) });
const monthsParams = z.strictObject({ months: z.number().int().min(1).max(240) });
const valueSetId = z.enum(VALUE_SET_IDS as [ValueSetId, ...ValueSetId[]]);
const valueSetParams = z.strictObject({ valueSet: valueSetId, excludeValueSet: valueSetId.optional() });
/** A freshness window: a value recorded more than this many calendar months before asOf counts as missing. */
const withinMonths = z.number().int().min(1).max(120).optional();
const freshParams = z.strictObject({ withinMonths });
const packageFreshParams = z.strictObject({ package: z.enum(PACKAGES), withinMonths });
const goldGroupParams = z.strictObject({ symptomsWithinMonths: withinMonths });
/** The yes/no items of the needs assessment that `needsAssessmentFlag` reads. */
const NEEDS_ASSESSMENT_FLAG_ITEMS = [
  'mentalHealthScreenPositive',
  'livesAloneWithoutNetwork',
  'caregiverBurden',
  'languageBarrier',
  'substanceAbuse',
  'jobAtRisk',
] as const;
type NeedsAssessmentFlagItem = (typeof NEEDS_ASSESSMENT_FLAG_ITEMS)[number];
const redFlagsParams = z.strictObject({
  flags: z
    .array(z.enum(RED_FLAG_CODES as unknown as [RedFlagCode, ...RedFlagCode[]]))
    .min(1)
    .max(RED_FLAG_CODES.length)
    .refine((flags) => new Set(flags).size === flags.length, { message: 'each flag once' }),
});
const needsAssessmentFlagParams = z.strictObject({ item: z.enum(NEEDS_ASSESSMENT_FLAG_ITEMS), package: z.enum(PACKAGES), withinMonths });

/** The last window start computed, per window length: a population is evaluated on one asOf. */
const lastSince = new Map<number, { readonly asOf: IsoDate; readonly since: IsoDate }>();

/** The first date of a freshness window (`withinMonths` in params), or undefined for no window. */
function freshSince(asOf: IsoDate, params: Readonly<Record<string, unknown>>): IsoDate | undefined {
  const months = params['withinMonths'];
  if (typeof months !== 'number') return undefined;
  const hit = lastSince.get(months);
  if (hit !== undefined && hit.asOf === asOf) return hit.since;
  const since = subMonthsIso(asOf, months);
  // At most one entry per window length (the pack's few windows): the map cannot grow without bound.
  if (lastSince.size < 64 || hit !== undefined) lastSince.set(months, { asOf, since });
  return since;
}

// The post-bronchodilator facts loop over the spirometries themselves: they run for every patient,
// and a list of ratios built for one number was most of their cost.

function postBronchodilatorCount(record: PatientRecord): number {
  let n = 0;
  for (const s of record.spirometry) if (s.postBronchodilator) n++;
  return n;
}

function lowestPostBronchodilatorRatio(record: PatientRecord): number | undefined {
  let lowest: number | undefined;
  for (const s of record.spirometry) if (s.postBronchodilator && (lowest === undefined || s.ratio < lowest)) lowest = s.ratio;
  return lowest;
}

function latestPostBronchodilatorRatio(record: PatientRecord): number | undefined {
  const list = record.spirometry;
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i];
    if (s?.postBronchodilator === true) return s.ratio;
  }
  return undefined;
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
    compute: (ctx) => {
      const diagnoses = ctx.record.diagnoses;
      if (diagnoses.length === 0) return NONE;
      const out: FactCoding[] = [];
      for (const d of diagnoses) if (d.status === 'active') out.push({ system: d.system, code: d.code });
      return out;
    },
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
    compute: (ctx) => postBronchodilatorCount(ctx.record),
  },
  {
    name: 'lowestPostBronchodilatorRatio',
    type: 'number',
    description:
      'The lowest post-bronchodilator FEV1/FVC on record: below 0.70 means obstruction has been shown at least once. Unknown without post-bronchodilator spirometry.',
    missing: 'post-bronchodilator-spirometry',
    compute: (ctx) => lowestPostBronchodilatorRatio(ctx.record),
  },
  {
    name: 'latestPostBronchodilatorRatio',
    type: 'number',
    description: 'FEV1/FVC of the latest post-bronchodilator spirometry. Unknown without one.',
    missing: 'post-bronchodilator-spirometry',
    compute: (ctx) => latestPostBronchodilatorRatio(ctx.record),
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
    compute: (ctx, params) => countWithinLastMonths(ctx, params, ctx.record.backPainEpisodes, (e) => e.onsetDate),
  },
  {
    name: 'openRedFlagCategories',
    type: 'string-list',
    values: RED_FLAG_CATEGORIES,
    description:
      'Red-flag categories with at least one flag whose latest assessment is present (not absent, not assessed-and-cleared).',
    compute: (ctx) => {
      // Most patients have no red-flag assessment at all.
      if (ctx.record.redFlags.length === 0) return NONE;
      const open = new Set<RedFlagCategory>();
      for (const [flag, status] of latestRedFlagStates(ctx.record)) if (status === 'present') open.add(RED_FLAGS[flag]);
      return RED_FLAG_CATEGORIES.filter((c) => open.has(c));
    },
  },
  {
    name: 'openRedFlags',
    type: 'string-list',
    values: RED_FLAG_CODES,
    description:
      'The warning signs and risk factors (red-flag codes) whose latest assessment is present (not absent, not assessed-and-cleared), in the order of RED_FLAGS. The LRS packs say which are urgent alone, which in combination, and which are risk factors.',
    compute: (ctx) => {
      if (ctx.record.redFlags.length === 0) return NONE;
      const states = latestRedFlagStates(ctx.record);
      return RED_FLAG_CODES.filter((f) => states.get(f) === 'present');
    },
  },
  {
    name: 'openRedFlagCount',
    type: 'number',
    params: redFlagsParams,
    description:
      'How many of the red-flag codes in params.flags have a latest assessment of present (for the LRS packs: risk factors that combine into "consider further assessment"). 0 without any (never unknown).',
    compute: (ctx, params) => {
      if (ctx.record.redFlags.length === 0) return 0;
      const states = latestRedFlagStates(ctx.record);
      let n = 0;
      for (const f of params['flags'] as readonly RedFlagCode[]) if (states.get(f) === 'present') n++;
      return n;
    },
  },
  {
    name: 'latestMrc',
    type: 'number',
    params: freshParams,
    description:
      'The latest MRC dyspnoea grade on the Danish 1-5 scale (mMRC = MRC - 1). Unknown if none is recorded, or (with params.withinMonths) if the latest is older than that many calendar months.',
    missing: 'mrc',
    compute: (ctx, params) => {
      const m = ctx.record.mrc.at(-1);
      const since = freshSince(ctx.asOf, params);
      return m === undefined || (since !== undefined && m.date < since) ? undefined : m.grade;
    },
  },
  {
    name: 'latestCat',
    type: 'number',
    description:
      'The latest CAT total (0-40), from the cat list or a CAT questionnaire with all eight items answered (the later wins; the list on the same day). Unknown if neither is recorded, or (with params.withinMonths) if the latest is older than that many calendar months.',
    params: freshParams,
    missing: 'cat',
    compute: (ctx, params) => {
      const c = latestCatTotal(ctx.record);
      const since = freshSince(ctx.asOf, params);
      return c === undefined || (since !== undefined && c.date < since) ? undefined : c.total;
    },
  },
  // Added for @kronikerpakker/differentiation (the needs assessment). Derived here once, so that
  // business rules and the cockpit read the same values.
  {
    name: 'activeConditionsInValueSet',
    type: 'number',
    params: valueSetParams,
    description:
      'Number of distinct conditions on the active problem list with a code in the value set named by params.valueSet. Codes of one condition count once: ICD-10 by its three-character category, and the groups of CONDITION_GROUPS (diabetes T89/T90/E10/E11, ischaemic heart disease K74-K76/I20-I25, heart failure K77/I50, atrial fibrillation K78/I48, asthma R96/J45, osteoporosis L95/M80/M81, depression P76/F32/F33, anxiety P74/F41, dementia P70/F00-F03) across ICPC-2 and ICD-10. Never unknown (0 without any).',
    compute: (ctx, params) => activeConditionCount(ctx.record, params['valueSet'] as ValueSetId, params['excludeValueSet'] as ValueSetId | undefined),
  },
  {
    name: 'needsAssessmentFlag',
    type: 'boolean',
    params: needsAssessmentFlagParams,
    description:
      'The latest recorded answer to a yes/no item of the clinician\'s needs assessment (params.item) for the package in params (entries for that package or without a package). Items: mentalHealthScreenPositive, livesAloneWithoutNetwork, caregiverBurden, languageBarrier, substanceAbuse, jobAtRisk. Unknown when the item has never been recorded.',
    missing: 'needs-assessment',
    compute: (ctx, params) =>
      latestNeedsAssessmentValue(ctx.record, params['package'] as PackageId, params['item'] as NeedsAssessmentFlagItem, freshSince(ctx.asOf, params)),
  },
  {
    name: 'needsAssessmentSelfManagement',
    type: 'string',
    values: SELF_MANAGEMENT_LEVELS,
    params: packageFreshParams,
    description:
      'The latest recorded self-management capacity (good, partial, poor) of the clinician\'s needs assessment for the package in params (entries for that package or without a package). Unknown when never recorded, or (with params.withinMonths) when older than that many calendar months.',
    missing: 'needs-assessment',
    compute: (ctx, params) => latestNeedsAssessmentValue(ctx.record, params['package'] as PackageId, 'selfManagement', freshSince(ctx.asOf, params)),
  },
  {
    name: 'needsAssessmentMotivation',
    type: 'string',
    values: MOTIVATION_LEVELS,
    params: packageParams,
    description:
      'The latest recorded motivation (high, moderate, low) of the clinician\'s needs assessment for the package in params (entries for that package or without a package). Shown in the plan; it does not move the level. Unknown when never recorded.',
    missing: 'needs-assessment',
    compute: (ctx, params) => latestNeedsAssessmentValue(ctx.record, params['package'] as PackageId, 'motivation'),
  },
  {
    // An explicit clinician judgement that a clinician may set: not setting it is not missing data.
    name: 'clinicianComplexCourse',
    type: 'boolean',
    params: packageFreshParams,
    description:
      'Whether the clinician has marked the course as complex: the latest recorded complexCourse of the needs assessment for the package in params (entries for that package or without a package). False when never set, or (with params.withinMonths) when set longer ago than that (an explicit judgement, not missing data).',
    compute: (ctx, params) =>
      latestNeedsAssessmentValue(ctx.record, params['package'] as PackageId, 'complexCourse', freshSince(ctx.asOf, params)) ?? false,
  },
  {
    name: 'currentSickLeaveWeeks',
    type: 'number',
    unit: 'weeks',
    description:
      'Whole weeks from the start of the current sick leave (full or partial, any cause) to asOf. A sick leave is current when it has started and not ended before asOf; back-to-back or overlapping leaves count as one. 0 when the patient is not on sick leave (never unknown).',
    compute: (ctx) => currentSickLeaveWeeks(ctx.record, ctx.asOf),
  },
  {
    name: 'latestLevelDecision',
    type: 'number',
    params: packageParams,
    description:
      'The level (1, 2 or 3) of the clinician\'s latest level decision for the package in params. Unknown when no decision is recorded (there is then nothing to record: no missing-data code).',
    compute: (ctx, params) => latestLevelDecisionOf(ctx.record, params['package'] as PackageId)?.level,
  },
  {
    name: 'latestLevelDecisionDate',
    type: 'date',
    params: packageParams,
    description: 'The date of the decision latestLevelDecision reports. Unknown when no decision is recorded.',
    compute: (ctx, params) => latestLevelDecisionOf(ctx.record, params['package'] as PackageId)?.date,
  },
  {
    name: 'latestAarsstatusDate',
    type: 'date',
    params: packageParams,
    description:
      'The date of the latest årsstatus (yearly review) encounter for the package in params (encounters for that package or without a package). Unknown when none is recorded.',
    compute: (ctx, params) => {
      const pkg = params['package'] as PackageId;
      let latest: IsoDate | undefined;
      for (const e of ctx.record.encounters) if (e.type === 'aarsstatus' && (e.package === undefined || e.package === pkg)) latest = e.date;
      return latest;
    },
  },
  {
    name: 'latestAdmissionDate',
    type: 'date',
    description: 'The start date of the latest hospital admission (any cause). Unknown when none is recorded.',
    compute: (ctx) => ctx.record.admissions.at(-1)?.date,
  },
  {
    name: 'moderateExacerbationsInLastMonths',
    type: 'number',
    params: monthsParams,
    description: 'Moderate exacerbations (treated, not admitted) within the last `months` calendar months.',
    compute: (ctx, params) =>
      countWithinLastMonths(ctx, params, ctx.record.exacerbations, (e) => (e.severity === 'moderate' ? e.date : undefined)),
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
    compute: (ctx, params) => countWithinLastMonths(ctx, params, ctx.record.admissions, (a) => a.date),
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
    params: goldGroupParams,
    description:
      'GOLD 2023 ABE group: E with >= 2 moderate exacerbations or >= 1 leading to admission in the last 12 months; else B if MRC >= 3 (mMRC >= 2; the Danish MRC 1-5 scale is mMRC + 1) or CAT >= 10; else A. A needs at least one of MRC and CAT recorded (with params.symptomsWithinMonths: within that many calendar months; older ones count as missing); unknown when neither is and the patient is not E.',
    missing: 'mrc',
    compute: (ctx, params) => goldGroup(ctx, params['symptomsWithinMonths'] as number | undefined),
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
function latestCatTotal(record: PatientRecord): { readonly date: IsoDate; readonly total: number } | undefined {
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
  if (fromQuestionnaire !== undefined && (fromList === undefined || fromQuestionnaire.date > fromList.date)) return fromQuestionnaire;
  return fromList;
}

const readLowestRatio = factReader('lowestPostBronchodilatorRatio');
const readFev1Percent = factReader('latestFev1PercentPredicted');

function goldGrade(ctx: FactContext): number | undefined {
  const lowest = readLowestRatio(ctx);
  if (typeof lowest !== 'number' || lowest >= 0.7) return undefined;
  const pp = readFev1Percent(ctx);
  if (typeof pp !== 'number') return undefined;
  return pp >= 80 ? 1 : pp >= 50 ? 2 : pp >= 30 ? 3 : 4;
}

/** The params of the last 12 months, frozen and shared (so {@link computeFact} finds their memo slot at once). */
const LAST_12_MONTHS: Readonly<Record<string, unknown>> = Object.freeze({ months: 12 });

const readModerateExacerbations = factReader('moderateExacerbationsInLastMonths', LAST_12_MONTHS);
const readHospitalisedExacerbations = factReader('hospitalisedExacerbationsInLastMonths', LAST_12_MONTHS);
const readMrc = factReader('latestMrc');
const readCat = factReader('latestCat');

/** Frozen freshness params per window, so every read of one window finds the same memo slot. */
const freshParamsOf = new Map<number, Readonly<Record<string, unknown>>>();
function freshParamsFor(months: number): Readonly<Record<string, unknown>> {
  let p = freshParamsOf.get(months);
  if (p === undefined) {
    p = Object.freeze({ withinMonths: months });
    freshParamsOf.set(months, p);
  }
  return p;
}

function goldGroup(ctx: FactContext, symptomsWithinMonths: number | undefined): 'A' | 'B' | 'E' | undefined {
  const moderate = readModerateExacerbations(ctx);
  const hospitalised = readHospitalisedExacerbations(ctx);
  if ((moderate as number) >= 2 || (hospitalised as number) >= 1) return 'E';
  const window = symptomsWithinMonths === undefined ? undefined : freshParamsFor(symptomsWithinMonths);
  const mrc = window === undefined ? readMrc(ctx) : computeFact(ctx, 'latestMrc', window);
  const cat = window === undefined ? readCat(ctx) : computeFact(ctx, 'latestCat', window);
  if ((typeof mrc === 'number' && mrc >= 3) || (typeof cat === 'number' && cat >= 10)) return 'B';
  return mrc === undefined && cat === undefined ? undefined : 'A';
}

/**
 * Conditions that the problem list may hold under several codes (ICPC-2 and
 * ICD-10, or neighbouring ICPC-2 codes of one disease). Counting conditions,
 * not codes, keeps a dual-coded diabetes (T90 and E11.9) from counting twice
 * towards multimorbidity. The groups follow the conditions the
 * needs-assessment model names; the ICD-10 side is the SDK's own mapping, as
 * in the `multimorbidity-chronic` value set.
 */
const CONDITION_GROUPS: readonly { readonly id: string; readonly icpc2: readonly string[]; readonly icd10: readonly string[] }[] = [
  { id: 'diabetes', icpc2: ['T89', 'T90'], icd10: ['E10', 'E11'] },
  { id: 'ischaemic-heart-disease', icpc2: ['K74', 'K75', 'K76'], icd10: ['I20', 'I21', 'I22', 'I23', 'I24', 'I25'] },
  { id: 'heart-failure', icpc2: ['K77'], icd10: ['I50'] },
  { id: 'atrial-fibrillation', icpc2: ['K78'], icd10: ['I48'] },
  { id: 'asthma', icpc2: ['R96'], icd10: ['J45'] },
  { id: 'osteoporosis', icpc2: ['L95'], icd10: ['M80', 'M81'] },
  { id: 'depression', icpc2: ['P76'], icd10: ['F32', 'F33'] },
  { id: 'anxiety', icpc2: ['P74'], icd10: ['F41'] },
  { id: 'dementia', icpc2: ['P70'], icd10: ['F00', 'F01', 'F02', 'F03'] },
];

const CONDITION_OF_CODE: ReadonlyMap<string, string> = new Map(
  CONDITION_GROUPS.flatMap((g) => [
    ...g.icpc2.map((c) => [`ICPC-2:${c}`, g.id] as const),
    ...g.icd10.map((c) => [`ICD-10:${c}`, g.id] as const),
  ]),
);

/** The condition a code belongs to: its group, or the code itself (ICD-10 by three-character category). */
function conditionKey(system: 'ICPC-2' | 'ICD-10', code: string): string {
  const key = `${system}:${system === 'ICD-10' ? code.slice(0, 3) : code}`;
  return CONDITION_OF_CODE.get(key) ?? key;
}

function activeConditionCount(record: PatientRecord, valueSetId: ValueSetId, excludeId?: ValueSetId): number {
  const valueSet = getValueSet(valueSetId);
  const exclude = excludeId === undefined ? undefined : getValueSet(excludeId);
  const conditions = new Set<string>();
  for (const d of record.diagnoses) {
    if (d.status !== 'active') continue;
    const coding = { system: d.system, code: d.code };
    if (inValueSet(valueSet, coding) && (exclude === undefined || !inValueSet(exclude, coding))) conditions.add(conditionKey(d.system, d.code));
  }
  return conditions.size;
}

type NeedsAssessmentEntry = PatientRecord['needsAssessments'][number];

/**
 * The latest recorded value of one needs-assessment item for a package:
 * entries for the package and entries without a package count; an entry that
 * leaves the item out does not hide an earlier answer. Lists are sorted by
 * date, so on one day the later entry wins.
 */
function latestNeedsAssessmentValue<K extends keyof NeedsAssessmentEntry>(
  record: PatientRecord,
  pkg: PackageId,
  item: K,
  since?: IsoDate,
): NeedsAssessmentEntry[K] | undefined {
  const entries = record.needsAssessments;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e === undefined || (e.package !== undefined && e.package !== pkg)) continue;
    // Sorted by date: everything before the window is too old.
    if (since !== undefined && e.date < since) return undefined;
    const value = e[item];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Weeks of the sick leave running on asOf, joined with leaves that run into it without a gap. */
function currentSickLeaveWeeks(record: PatientRecord, asOf: IsoDate): number {
  const leaves = record.sickLeave.filter((s) => s.startDate <= asOf);
  let start: IsoDate | undefined;
  for (const s of leaves) {
    if (s.endDate === undefined || s.endDate >= asOf) start = start === undefined || s.startDate < start ? s.startDate : start;
  }
  if (start === undefined) return 0;
  // Walk back through leaves that end on the day before the current one starts (or later).
  for (let changed = true; changed; ) {
    changed = false;
    const dayBefore = subDaysIso(start, 1);
    for (const s of leaves) {
      if (s.startDate < start && (s.endDate === undefined || s.endDate >= dayBefore)) {
        start = s.startDate;
        changed = true;
      }
    }
  }
  return wholeWeeksBetween(start, asOf);
}

/** The latest level decision for a package (the later entry on one day). */
function latestLevelDecisionOf(record: PatientRecord, pkg: PackageId): PatientRecord['levelDecisions'][number] | undefined {
  let latest: PatientRecord['levelDecisions'][number] | undefined;
  for (const d of record.levelDecisions) if (d.package === pkg) latest = d;
  return latest;
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
  if (params === undefined) return computeWithKey(ctx, def, factSlot(name), NO_PARAMS);
  return computeWithKey(ctx, def, paramsSlot(name, params), params);
}

/** The params of a fact that takes none (never written to). */
const NO_PARAMS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * A reader of one fact with fixed params: {@link computeFact} with the
 * definition and memo slot looked up once (on the first read), for code that
 * reads the same fact for every patient. The params must not change after.
 *
 * @internal
 * @param name - a fact name
 * @param params - the fact's params, if it takes any
 * @param catalogue - where the fact is defined (default: the core facts)
 * @returns a function giving the fact's value (memoised in the context), `undefined` when unknown
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` on the first read, for an unknown fact name
 * @example
 * ```ts
 * const episodes = factReader('backPainEpisodesInLastMonths', { months: 12 });
 * episodes(ctx); // 2
 * ```
 */
export function factReader(
  name: string,
  params?: Readonly<Record<string, unknown>>,
  catalogue?: FactCatalogue,
): (ctx: FactContext) => FactValue {
  // Resolved on the first read, not here: readers are made at module load, before the catalogue exists.
  let def: FactDefinition | undefined;
  let slot = -1;
  let given: Readonly<Record<string, unknown>> = {};
  return (ctx) => {
    if (def === undefined) {
      def = (catalogue ?? FACTS).get(name);
      if (def === undefined) throw unknownFact();
      slot = factSlot(factKey(name, params));
      given = params ?? NO_PARAMS;
    }
    return computeWithKey(ctx, def, slot, given);
  };
}

/**
 * Slots of frozen params objects seen by {@link computeFact}, a few per fact
 * name: callers pass the same params objects again and again (a pack's, or
 * constants), and building the key costs more than the fact. Only frozen
 * objects are remembered, as only they cannot change under the slot.
 */
const frozenParamsSlots = new Map<string, { readonly params: object; readonly slot: number }[]>();
const FROZEN_PARAMS_PER_FACT = 16;

function paramsSlot(name: string, params: Readonly<Record<string, unknown>>): number {
  if (!Object.isFrozen(params)) return factSlot(factKey(name, params));
  let seen = frozenParamsSlots.get(name);
  if (seen !== undefined) {
    for (const entry of seen) if (entry.params === params) return entry.slot;
  } else {
    seen = [];
    frozenParamsSlots.set(name, seen);
  }
  const slot = factSlot(factKey(name, params));
  if (seen.length >= FROZEN_PARAMS_PER_FACT) seen.shift();
  seen.push({ params, slot });
  return slot;
}

/** @internal compute with a precomputed slot (the compiled evaluator's path). */
export function computeWithKey(
  ctx: FactContext,
  def: FactDefinition,
  slot: number,
  params: Readonly<Record<string, unknown>>,
): FactValue {
  // One array read on the hot path: unknown is stored as a sentinel, so `undefined` means "not computed yet".
  const values = ctx.memo.values;
  const cached = values[slot];
  if (cached !== undefined) return cached === UNKNOWN ? undefined : (cached as FactValue);
  const value = def.compute(ctx, params);
  values[slot] = value === undefined ? UNKNOWN : value;
  return value;
}

/** The memo's mark for a fact computed as unknown. */
const UNKNOWN: unique symbol = Symbol('unknown');

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
