/**
 * The facts the care packs use beyond core's and the PRO facts: when an item
 * was last recorded, due dates from the årsstatus and the level's contact
 * plan, the influenza season, and data-quality checks. Every threshold,
 * interval and list lives in the packs (as fact params or operands); the facts
 * only read the record.
 *
 * @module
 */
import { RED_FLAG_CODES, addMonthsIso, daysBetween, extendFacts, isWithinLastMonths, safeParseCpr } from '@kronikerpakker/core';
import type { FactCatalogue, FactContext, FactDefinition, IsoDate, PackageId, PatientRecord, RulePackSet } from '@kronikerpakker/core';
import { differentiationFacts, suggestLevelInContext } from '@kronikerpakker/differentiation';
import type { LevelSuggestion } from '@kronikerpakker/differentiation';
import { enrolmentFor, evaluateInclusionInContext, isEnrolled } from '@kronikerpakker/inclusion';
import type { InclusionResult } from '@kronikerpakker/inclusion';
import { z } from 'zod';

/**
 * The things whose last recording the care packs ask about
 * (`lastRecordedDate`, `recordedWithinLastMonths`, `everRecorded`).
 *
 * @example
 * ```ts
 * RECORDED_ITEMS.includes('inhaler-check'); // true
 * ```
 */
export const RECORDED_ITEMS = [
  'spirometry',
  'mrc',
  'cat',
  'inhaler-check',
  'influenza-vaccination',
  'pneumococcal-vaccination',
  'dxa',
  'rehabilitation-referral',
  'physiotherapy-referral',
  'psychologically-informed-physiotherapy-referral',
  'multidisciplinary-referral',
  'start-back',
  'odi-or-rmdq',
  'nrs-pain',
] as const;

/**
 * One of {@link RECORDED_ITEMS}.
 *
 * @example
 * ```ts
 * const item: RecordedItem = 'spirometry';
 * ```
 */
export type RecordedItem = (typeof RECORDED_ITEMS)[number];

const PACKAGES = ['KOL', 'LRS'] as const;
const itemParams = z.strictObject({ item: z.enum(RECORDED_ITEMS) });
const itemMonthsParams = z.strictObject({ item: z.enum(RECORDED_ITEMS), months: z.number().int().min(1).max(240) });
const packageParams = z.strictObject({ package: z.enum(PACKAGES) });
const packageMonthsParams = z.strictObject({ package: z.enum(PACKAGES), months: z.number().int().min(1).max(120) });
const seasonParams = z.strictObject({ startMonth: z.number().int().min(1).max(12), startDay: z.number().int().min(1).max(28) });
const seasonWindowParams = z.strictObject({
  startMonth: z.number().int().min(1).max(12),
  startDay: z.number().int().min(1).max(28),
  endMonth: z.number().int().min(1).max(12),
  endDay: z.number().int().min(1).max(28),
});
const ratioParams = z.strictObject({ threshold: z.number().gt(0).lt(1) });
const imagingParams = z.strictObject({
  months: z.number().int().min(1).max(240),
  riskFactors: z.array(z.enum(RED_FLAG_CODES as unknown as [string, ...string[]])).max(RED_FLAG_CODES.length).optional(),
});

/** A referral that was made counts, whatever came of it, unless it was cancelled. */
function referralDate(record: PatientRecord, type: PatientRecord['referrals'][number]['type']): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const r of record.referrals) if (r.type === type && r.status !== 'cancelled') latest = r.date;
  return latest;
}

function questionnaireDate(record: PatientRecord, a: string, b?: string): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const q of record.questionnaires) if ((q.instrument === a || q.instrument === b) && (latest === undefined || q.date > latest)) latest = q.date;
  return latest;
}

function later(a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

function vaccinationDate(record: PatientRecord, vaccine: 'influenza' | 'pneumococcal'): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const v of record.vaccinations) if (v.vaccine === vaccine) latest = v.date;
  return latest;
}

/**
 * The date an item was last recorded (lists are sorted by date by
 * `parsePatientRecord`); `undefined` when never.
 *
 * @param record - a validated record
 * @param item - what to look for
 * @returns the latest date, or undefined
 */
function lastRecorded(record: PatientRecord, item: RecordedItem): IsoDate | undefined {
  switch (item) {
    case 'spirometry':
      return record.spirometry.at(-1)?.date;
    case 'mrc':
      return later(record.mrc.at(-1)?.date, questionnaireDate(record, 'MRC'));
    case 'cat':
      return later(record.cat.at(-1)?.date, questionnaireDate(record, 'CAT'));
    case 'inhaler-check':
      return record.inhalerChecks.at(-1)?.date;
    case 'influenza-vaccination':
      return vaccinationDate(record, 'influenza');
    case 'pneumococcal-vaccination':
      return vaccinationDate(record, 'pneumococcal');
    case 'dxa': {
      let latest: IsoDate | undefined;
      for (const i of record.imaging) if (i.modality === 'dxa') latest = i.date;
      return later(latest, referralDate(record, 'dxa'));
    }
    case 'rehabilitation-referral':
      return referralDate(record, 'municipal-rehabilitation');
    case 'physiotherapy-referral':
      return referralDate(record, 'physiotherapy');
    case 'psychologically-informed-physiotherapy-referral':
      return referralDate(record, 'psychologically-informed-physiotherapy');
    case 'multidisciplinary-referral':
      return referralDate(record, 'multidisciplinary-assessment');
    case 'start-back':
      return questionnaireDate(record, 'STarT-Back');
    case 'odi-or-rmdq':
      return questionnaireDate(record, 'ODI', 'RMDQ');
    case 'nrs-pain':
      return questionnaireDate(record, 'NRS-pain');
  }
}

function latestEncounter(record: PatientRecord, pkg: PackageId, followUpToo: boolean): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const e of record.encounters) {
    if (e.package !== undefined && e.package !== pkg) continue;
    if (e.type === 'aarsstatus' || (followUpToo && e.type === 'follow-up')) latest = e.date;
  }
  return latest;
}

/** Where a context keeps each package's level suggestion (see `FactMemo.cached` in core). */
const LEVEL_KEYS: Readonly<Record<PackageId, string>> = { KOL: 'business-rules:level:KOL', LRS: 'business-rules:level:LRS' };

/**
 * The level suggestion for a package in a context, computed once per context
 * and package set (`evaluateCareInContext` passes its `levelPacks`). Kept in
 * the context itself: a module-level `WeakMap` keyed by contexts kept every
 * patient's suggestion alive through young-generation collections.
 *
 * @param ctx - the patient's fact context
 * @param pkg - the package
 * @param packs - the differentiation packs, if not the default
 * @param given - a suggestion already computed for this context and package
 * @returns the suggestion (with the contact plan in force and the re-assessment)
 * @internal
 */
export function levelSuggestionOf(ctx: FactContext, pkg: PackageId, packs?: RulePackSet, given?: LevelSuggestion): LevelSuggestion {
  const key = LEVEL_KEYS[pkg];
  if (given !== undefined) {
    ctx.memo.cache(key, given);
    return given;
  }
  let s = ctx.memo.cached(key) as LevelSuggestion | undefined;
  if (s === undefined) {
    s = packs === undefined ? suggestLevelInContext(ctx, { package: pkg }) : suggestLevelInContext(ctx, { package: pkg, packs });
    ctx.memo.cache(key, s);
  }
  return s;
}

/** Where a context keeps each package's inclusion result. */
const INCLUSION_KEYS: Readonly<Record<PackageId, string>> = { KOL: 'business-rules:inclusion:KOL', LRS: 'business-rules:inclusion:LRS' };

/**
 * The inclusion result for a package in a context, computed once per context
 * (`evaluateCareInContext` passes the result the caller already has, or its
 * `inclusionPacks`). The care packs' scope reads it through the enrolment policy.
 *
 * @param ctx - the patient's fact context
 * @param pkg - the package
 * @param packs - the inclusion packs, if not the default
 * @param given - a result already computed for this context and package
 * @returns the inclusion result
 * @internal
 */
export function inclusionOf(ctx: FactContext, pkg: PackageId, packs?: RulePackSet, given?: InclusionResult): InclusionResult {
  const key = INCLUSION_KEYS[pkg];
  if (given !== undefined) {
    ctx.memo.cache(key, given);
    return given;
  }
  let r = ctx.memo.cached(key) as InclusionResult | undefined;
  if (r === undefined) {
    r = evaluateInclusionInContext(ctx, packs === undefined ? { package: pkg } : { package: pkg, packs });
    ctx.memo.cache(key, r);
  }
  return r;
}

function aarsstatusDue(ctx: FactContext, params: Record<string, unknown>): IsoDate | undefined {
  const last = latestEncounter(ctx.record, params['package'] as PackageId, false);
  return last === undefined ? undefined : addMonthsIso(last, params['months'] as number);
}

function followUpDue(ctx: FactContext, params: Record<string, unknown>): IsoDate | undefined {
  const pkg = params['package'] as PackageId;
  const months = levelSuggestionOf(ctx, pkg).contactPlan.followUpIntervalMonths;
  if (months === null) return undefined;
  const last = latestEncounter(ctx.record, pkg, true);
  return last === undefined ? undefined : addMonthsIso(last, months);
}

/** The first day of the influenza season that asOf lies in. */
function seasonStart(asOf: IsoDate, month: number, day: number): IsoDate {
  const year = Number(asOf.slice(0, 4));
  const mmdd = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return asOf.slice(5) >= mmdd ? `${String(year).padStart(4, '0')}-${mmdd}` : `${String(year - 1).padStart(4, '0')}-${mmdd}`;
}

/**
 * Whether asOf lies in a yearly season from start (month/day, inclusive) to
 * end (month/day, inclusive); a season may run over the new year.
 */
function inSeason(asOf: IsoDate, params: Record<string, unknown>): boolean {
  const md = (m: unknown, d: unknown): string => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const start = md(params['startMonth'], params['startDay']);
  const end = md(params['endMonth'], params['endDay']);
  const today = asOf.slice(5);
  return start <= end ? today >= start && today <= end : today >= start || today <= end;
}

/**
 * Whether post-bronchodilator spirometries disagree: one with FEV1/FVC below
 * the threshold, and a later one at or above it. Unknown with fewer than two.
 */
function postBronchodilatorRatiosDisagree(record: PatientRecord, threshold: number): boolean | undefined {
  let n = 0;
  let obstructedBefore = false;
  let latestNormal = false;
  for (const s of record.spirometry) {
    if (!s.postBronchodilator) continue;
    n++;
    // The latest decides whether there is a disagreement to show: obstruction confirmed again ends it.
    latestNormal = s.ratio >= threshold;
    if (!latestNormal) obstructedBefore = true;
  }
  if (n < 2) return undefined;
  return latestNormal && obstructedBefore;
}

/** The largest |ratio − FEV1/FVC| over spirometries whose ratio was given beside both volumes. */
function largestRatioDiscrepancy(record: PatientRecord): number | undefined {
  let largest: number | undefined;
  for (const s of record.spirometry) {
    if (s.ratioSource !== 'given' || s.fev1L === undefined || s.fvcL === undefined) continue;
    // Rounded to 4 decimals, so 0.02 exactly is not pushed over the threshold by binary fractions.
    const d = Math.round(Math.abs(s.ratio - s.fev1L / s.fvcL) * 10000) / 10000;
    if (largest === undefined || d > largest) largest = d;
  }
  return largest;
}

function extremeBmi(record: PatientRecord, pick: (a: number, b: number) => number): number | undefined {
  let out: number | undefined;
  for (const b of record.bodyMeasurements) if (b.bmi !== undefined) out = out === undefined ? b.bmi : pick(out, b.bmi);
  return out;
}

/** Entries of one kind recorded twice on one day (the same measurement, vaccine, encounter type ...). */
function duplicateEntries(record: PatientRecord): number {
  let n = 0;
  const count = <T>(list: readonly T[], key: (x: T) => string): void => {
    if (list.length < 2) return;
    const seen = new Set<string>();
    for (const x of list) {
      const k = key(x);
      if (seen.has(k)) n++;
      else seen.add(k);
    }
  };
  count(record.spirometry, (s) => `${s.date}|${String(s.postBronchodilator)}`);
  count(record.mrc, (m) => m.date);
  count(record.cat, (c) => c.date);
  count(record.exacerbations, (e) => `${e.date}|${e.severity}`);
  count(record.admissions, (a) => a.date);
  count(record.vaccinations, (v) => `${v.date}|${v.vaccine}`);
  count(record.inhalerChecks, (i) => i.date);
  count(record.encounters, (e) => `${e.date}|${e.type}|${e.package ?? ''}`);
  count(record.questionnaires, (q) => `${q.date}|${q.instrument}`);
  count(record.bodyMeasurements, (b) => b.date);
  return n;
}

function cprOf(ctx: FactContext): { birthDate: string; sex: 'female' | 'male' } | undefined {
  const cpr = ctx.record.patient.cpr;
  if (cpr === undefined) return undefined;
  const parsed = safeParseCpr(cpr);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Whether a spine imaging study (x-ray, CT or MRI of the lumbar, thoracic or
 * whole spine, requested or performed) lies within the last `months` months
 * without a warning sign present on its date (latest state of each flag as of
 * the study's date): a flag counts unless it is one of the `riskFactors`,
 * which count only when two or more are present together.
 */
function spineImagingWithoutRedFlag(record: PatientRecord, asOf: IsoDate, months: number, riskFactors: readonly string[]): boolean {
  for (const i of record.imaging) {
    if (i.modality === 'dxa' || i.modality === 'other') continue;
    if (i.region !== 'lumbar-spine' && i.region !== 'thoracic-spine' && i.region !== 'whole-spine') continue;
    if (!isWithinLastMonths(i.date, asOf, months)) continue;
    const states = new Map<string, string>();
    for (const f of record.redFlags) if (f.date <= i.date) states.set(f.flag, f.status);
    let signs = 0;
    let risks = 0;
    for (const [flag, state] of states) {
      if (state !== 'present') continue;
      if (riskFactors.includes(flag)) risks++;
      else signs++;
    }
    if (signs === 0 && risks < 2) return true;
  }
  return false;
}

function redFlagReviewedForCurrentEpisode(record: PatientRecord): boolean | undefined {
  const episodes = record.backPainEpisodes;
  let onset: IsoDate | undefined;
  for (let i = episodes.length - 1; i >= 0; i--) {
    const e = episodes[i];
    if (e !== undefined && e.endDate === undefined) {
      onset = e.onsetDate;
      break;
    }
  }
  if (onset === undefined) return undefined;
  for (const f of record.redFlags) if (f.date >= onset) return true;
  return false;
}

/**
 * The facts the care packs add (see the package README for each).
 *
 * @example
 * ```ts
 * CARE_FACTS.map((f) => f.name).includes('aarsstatusDueDate'); // true
 * ```
 */
export const CARE_FACTS: readonly FactDefinition[] = Object.freeze([
  {
    name: 'urgentWarningSign',
    type: 'boolean',
    params: packageParams,
    description:
      "Whether the package's inclusion pack gives an urgent reason (an urgent warning sign that is present and not cleared, as the LRS inclusion pack defines them). The signs are defined once, in the inclusion pack; the care pack's alert reads them here. Never unknown.",
    compute: (ctx, params) => {
      for (const r of inclusionOf(ctx, params['package'] as PackageId).reasons) if (r.urgent === true) return true;
      return false;
    },
  },
  {
    name: 'inSeason',
    type: 'boolean',
    params: seasonWindowParams,
    description:
      'Whether asOf lies within a yearly season from params.startMonth/startDay to params.endMonth/endDay (both inclusive; a season may run over the new year, e.g. 1 October to 15 January). Never unknown.',
    compute: (ctx, params) => inSeason(ctx.asOf, params),
  },
  {
    name: 'postBronchodilatorRatiosDisagree',
    type: 'boolean',
    params: ratioParams,
    description:
      'Whether the post-bronchodilator spirometries disagree about obstruction: the latest has FEV1/FVC at or above params.threshold and an earlier one was below it (a later ratio below it again ends the disagreement). Unknown with fewer than two post-bronchodilator spirometries.',
    compute: (ctx, params) => postBronchodilatorRatiosDisagree(ctx.record, params['threshold'] as number),
  },
  {
    name: 'packageCareInScope',
    type: 'boolean',
    params: packageParams,
    description:
      "Whether the package's care items are in scope for the patient, by the enrolment policy of @kronikerpakker/inclusion (enrolmentFor): enrolled (latest package decision 'included'), and eligible or with data missing. Candidates, excluded, not-eligible and undecided patients get only the items every patient gets (data quality, urgent warning signs). Never unknown.",
    compute: (ctx, params) => {
      const pkg = params['package'] as PackageId;
      return enrolmentFor(pkg, inclusionOf(ctx, pkg).status, isEnrolled(ctx.record, pkg, ctx.asOf)).inPackage;
    },
  },
  {
    name: 'lastRecordedDate',
    type: 'date',
    params: itemParams,
    description: `The date params.item was last recorded (${RECORDED_ITEMS.join(', ')}). Referrals count unless cancelled; dxa is a DXA scan or a DXA referral. Unknown when never recorded.`,
    compute: (ctx, params) => lastRecorded(ctx.record, params['item'] as RecordedItem),
  },
  {
    name: 'recordedWithinLastMonths',
    type: 'boolean',
    params: itemMonthsParams,
    description: 'Whether params.item was recorded within the last params.months calendar months (both ends inclusive). Never unknown.',
    compute: (ctx, params) => {
      const d = lastRecorded(ctx.record, params['item'] as RecordedItem);
      return d !== undefined && isWithinLastMonths(d, ctx.asOf, params['months'] as number);
    },
  },
  {
    name: 'everRecorded',
    type: 'boolean',
    params: itemParams,
    description: 'Whether params.item has ever been recorded. Never unknown.',
    compute: (ctx, params) => lastRecorded(ctx.record, params['item'] as RecordedItem) !== undefined,
  },
  {
    name: 'evaluationDate',
    type: 'date',
    description: 'The evaluation date asOf itself: the due date of what is due now. Never unknown.',
    compute: (ctx) => ctx.asOf,
  },
  {
    name: 'aarsstatusCount',
    type: 'number',
    params: packageParams,
    description: 'Number of årsstatus encounters for the package (or without a package). Never unknown.',
    compute: (ctx, params) => {
      let n = 0;
      for (const e of ctx.record.encounters) if (e.type === 'aarsstatus' && (e.package === undefined || e.package === params['package'])) n++;
      return n;
    },
  },
  {
    name: 'aarsstatusDueDate',
    type: 'date',
    params: packageMonthsParams,
    description: 'The latest årsstatus for the package plus params.months calendar months (31 March + 12 = 31 March; 29 February + 12 = 28 February). Unknown without an årsstatus.',
    compute: (ctx, params) => aarsstatusDue(ctx, params),
  },
  {
    name: 'daysUntilAarsstatusDue',
    type: 'number',
    unit: 'days',
    params: packageMonthsParams,
    description: 'Days from asOf to aarsstatusDueDate (negative when overdue). Unknown without an årsstatus.',
    compute: (ctx, params) => {
      const due = aarsstatusDue(ctx, params);
      return due === undefined ? undefined : daysBetween(ctx.asOf, due);
    },
  },
  {
    name: 'followUpIntervalMonths',
    type: 'number',
    unit: 'months',
    params: packageParams,
    description: 'Months between planned follow-ups in the contact plan in force (the clinician\'s level, else the suggested level); 0 when the plan has none.',
    compute: (ctx, params) => levelSuggestionOf(ctx, params['package'] as PackageId).contactPlan.followUpIntervalMonths ?? 0,
  },
  {
    name: 'followUpDueDate',
    type: 'date',
    params: packageParams,
    description: 'The latest årsstatus or follow-up encounter for the package plus the follow-up interval of the contact plan in force. Unknown without such an encounter or without a follow-up interval.',
    compute: (ctx, params) => followUpDue(ctx, params),
  },
  {
    name: 'daysUntilFollowUpDue',
    type: 'number',
    unit: 'days',
    params: packageParams,
    description: 'Days from asOf to followUpDueDate (negative when overdue). Unknown when followUpDueDate is.',
    compute: (ctx, params) => {
      const due = followUpDue(ctx, params);
      return due === undefined ? undefined : daysBetween(ctx.asOf, due);
    },
  },
  {
    name: 'levelInForce',
    type: 'number',
    params: packageParams,
    description: 'The level of the contact plan in force: the clinician\'s latest decision, else the suggested level (1-3). Never unknown.',
    compute: (ctx, params) => levelSuggestionOf(ctx, params['package'] as PackageId).contactPlan.level,
  },
  {
    name: 'levelReassessmentDue',
    type: 'boolean',
    params: packageParams,
    description: 'Whether the differentiation says the clinician\'s level should be re-assessed (an årsstatus or admission since the decision, or a changed severity). Never unknown.',
    compute: (ctx, params) => levelSuggestionOf(ctx, params['package'] as PackageId).reassessment.due,
  },
  {
    name: 'currentSmoker',
    type: 'boolean',
    description: 'Whether the latest smoking status is current. Unknown when no smoking status is recorded.',
    compute: (ctx) => {
      const s = ctx.record.smoking.at(-1);
      return s === undefined ? undefined : s.status === 'current';
    },
  },
  {
    name: 'influenzaVaccinatedThisSeason',
    type: 'boolean',
    params: seasonParams,
    description: 'Whether an influenza vaccination is recorded on or after the start of the current season (the latest params.startMonth/params.startDay on or before asOf). Never unknown.',
    compute: (ctx, params) => {
      const d = vaccinationDate(ctx.record, 'influenza');
      return d !== undefined && d >= seasonStart(ctx.asOf, params['startMonth'] as number, params['startDay'] as number);
    },
  },
  {
    name: 'lowestFev1PercentPredicted',
    type: 'number',
    unit: '%',
    description:
      'The lowest FEV1 % predicted of any spirometry on record (under 10 usually means a fraction was sent: 0.58 for 58 %). Unknown without one.',
    compute: (ctx) => {
      let out: number | undefined;
      for (const s of ctx.record.spirometry) if (s.fev1PercentPredicted !== undefined && (out === undefined || s.fev1PercentPredicted < out)) out = s.fev1PercentPredicted;
      return out;
    },
  },
  {
    name: 'highestFev1PercentPredicted',
    type: 'number',
    unit: '%',
    description: 'The highest FEV1 % predicted of any spirometry on record. Unknown without one.',
    compute: (ctx) => {
      let out: number | undefined;
      for (const s of ctx.record.spirometry) if (s.fev1PercentPredicted !== undefined && (out === undefined || s.fev1PercentPredicted > out)) out = s.fev1PercentPredicted;
      return out;
    },
  },
  {
    name: 'lowestBmi',
    type: 'number',
    unit: 'kg/m²',
    description: 'The lowest BMI (given or derived) on record. Unknown without one.',
    compute: (ctx) => extremeBmi(ctx.record, Math.min),
  },
  {
    name: 'highestBmi',
    type: 'number',
    unit: 'kg/m²',
    description: 'The highest BMI (given or derived) on record. Unknown without one.',
    compute: (ctx) => extremeBmi(ctx.record, Math.max),
  },
  {
    name: 'largestRatioDiscrepancy',
    type: 'number',
    description: 'The largest |given FEV1/FVC − fev1L/fvcL| (4 decimals) over spirometries whose ratio was given beside both volumes. Unknown without such a spirometry.',
    compute: (ctx) => largestRatioDiscrepancy(ctx.record),
  },
  {
    name: 'cprSexMismatch',
    type: 'boolean',
    description: 'Whether the recorded sex (female or male) differs from the sex in the CPR number. Unknown without a CPR number; false when the recorded sex is other or unknown.',
    compute: (ctx) => {
      const cpr = cprOf(ctx);
      if (cpr === undefined) return undefined;
      const sex = ctx.record.patient.sex;
      return (sex === 'female' || sex === 'male') && sex !== cpr.sex;
    },
  },
  {
    name: 'cprBirthDateMismatch',
    type: 'boolean',
    description: 'Whether the recorded birth date differs from the birth date in the CPR number. Unknown without a CPR number.',
    compute: (ctx) => {
      const cpr = cprOf(ctx);
      return cpr === undefined ? undefined : cpr.birthDate !== ctx.record.patient.birthDate;
    },
  },
  {
    name: 'duplicateEntryCount',
    type: 'number',
    description: 'Entries recorded twice on one day: spirometry (same pre/post), MRC, CAT, exacerbation (same severity), admission, vaccination (same vaccine), inhaler check, encounter (same type and package), questionnaire (same instrument), body measurement. Never unknown.',
    compute: (ctx) => duplicateEntries(ctx.record),
  },
  {
    name: 'redFlagReviewedForCurrentEpisode',
    type: 'boolean',
    description: 'Whether any red flag (present, absent or cleared) is recorded on or after the onset of the current back-pain episode. Unknown without a current episode.',
    missing: 'back-pain-episode-onset',
    compute: (ctx) => redFlagReviewedForCurrentEpisode(ctx.record),
  },
  {
    name: 'spineImagingWithoutRedFlag',
    type: 'boolean',
    params: imagingParams,
    description:
      'Whether an x-ray, CT or MRI of the spine (requested or performed) lies within the last params.months months with no warning sign present on its date: a present flag counts unless it is in params.riskFactors, which count only when two or more are present together. Never unknown.',
    compute: (ctx, params) =>
      spineImagingWithoutRedFlag(ctx.record, ctx.asOf, params['months'] as number, (params['riskFactors'] as readonly string[] | undefined) ?? []),
  },
] satisfies FactDefinition[]);

let catalogue: FactCatalogue | undefined;

/**
 * The facts a care pack may use: core's facts, the PRO facts and
 * {@link CARE_FACTS}. Load care packs with it.
 *
 * @returns the shared catalogue
 * @example
 * ```ts
 * careFacts().has('influenzaVaccinatedThisSeason'); // true
 * ```
 */
export function careFacts(): FactCatalogue {
  catalogue ??= extendFacts(differentiationFacts(), CARE_FACTS);
  return catalogue;
}
