/**
 * The synthetic clinic: seeded, reproducible `PatientRecordInput` objects
 * that look like the records of a Danish GP list, with KOL and low back pain
 * (LRS) patients, comorbidity, missing data and planted edge cases.
 *
 * SYNTHETIC DATA ONLY. Every record has `synthetic: true` and an id
 * `syn-<seed>-<n>`; no names; CPR numbers come only from `syntheticCpr`.
 *
 * Determinism: patient `n` of seed `s` draws from its own random stream
 * (`createRng(s, n)`), so a patient does not depend on the ones before it,
 * and the same seed, size and `asOf` give byte-identical output on any
 * machine and in any time zone (no clock, no `Math.random`, no locale).
 *
 * @module
 */
import { RED_FLAG_CODES, isSyntheticCprSafe, syntheticCpr } from '@kronikerpakker/core';
import type { PatientRecordInput, RedFlagCode } from '@kronikerpakker/core';
import { addYears, ageOn, civilFromDay, dayFromCivil, daysInMonth, formatDay, isLeapYear, lastSundayOf, parseDay } from './calendar';
import type { DayNumber } from './calendar';
import { EDGE_CASE_KINDS, EDGE_CASE_RANDOM_SHARE, EDGE_CASES_GUARANTEED_FROM, edgeCaseSuffix } from './edge-cases';
import type { EdgeCaseKind } from './edge-cases';
import {
  AGE_BAND_TABLE,
  CAT_MEAN_BY_GOLD,
  COMORBIDITIES,
  CPR_PRESENT_SHARE,
  EXACERBATION_RATES,
  GOLD_FEV1PP,
  GOLD_RATIO_MEAN,
  GOLD_TABLE,
  HEIGHT_CM,
  KOL_SMOKING_FACTOR,
  MRC_BY_GOLD,
  NOT_LISTED_SHARE,
  REFERRAL_STATUS_TABLE,
  SILS_TABLE,
  START_BACK_RISK_TABLE,
  UNKNOWN_SEX_SHARE_WITHOUT_CPR,
  annualMortality,
  femaleShare,
  kolPrevalence,
  lrsPrevalence,
  predictedSpirometry,
  smokingWeights,
} from './population';
import type { SmokingLifetime } from './population';
import { Rng, WeightedTable } from './rng';

// ---------------------------------------------------------------------------
// Types

type Input = PatientRecordInput;
type ListKey = {
  [K in keyof Input]-?: NonNullable<Input[K]> extends readonly unknown[] ? K : never;
}[keyof Input];
type Item<K extends ListKey> = NonNullable<Input[K]>[number];
type Sex = 'female' | 'male' | 'unknown';
type Gold = 1 | 2 | 3 | 4;

/** Options of {@link generatePatient}. */
export interface PatientOptions {
  /** The evaluation date `YYYY-MM-DD`: no generated date is after it. */
  readonly asOf: string;
  /** The record id. Edge-case patients should end in `-edge-<kind>` (see {@link edgeCaseSuffix}). */
  readonly id: string;
  /** Build this patient as a planted edge case. */
  readonly edgeCase?: EdgeCaseKind;
}

/** Options of {@link generateRecords}, {@link generateClinic} and {@link generateClinicNdjson}. */
export interface ClinicOptions {
  /** Any non-negative safe integer; the same seed gives the same clinic. */
  readonly seed: number;
  /** Number of patients (a non-negative safe integer). */
  readonly size: number;
  /** The evaluation date `YYYY-MM-DD`. */
  readonly asOf: string;
  /**
   * Plant edge cases (default true): every kind at least once in clinics of
   * {@link EDGE_CASES_GUARANTEED_FROM} or more patients (within the first
   * 2,000), and about 2 per 1,000 other patients at random.
   */
  readonly edgeCases?: boolean;
}

/** The reason text on every synthetic level decision. */
export const SYNTHETIC_LEVEL_REASON = 'Synthetic: clinician judgement';

// ---------------------------------------------------------------------------
// The chart being built

class Chart {
  diagnoses: Item<'diagnoses'>[] = [];
  spirometry: Item<'spirometry'>[] = [];
  mrc: Item<'mrc'>[] = [];
  cat: Item<'cat'>[] = [];
  exacerbations: Item<'exacerbations'>[] = [];
  admissions: Item<'admissions'>[] = [];
  smoking: Item<'smoking'>[] = [];
  bodyMeasurements: Item<'bodyMeasurements'>[] = [];
  vaccinations: Item<'vaccinations'>[] = [];
  inhalerChecks: Item<'inhalerChecks'>[] = [];
  backPainEpisodes: Item<'backPainEpisodes'>[] = [];
  redFlags: Item<'redFlags'>[] = [];
  imaging: Item<'imaging'>[] = [];
  workStatus: Item<'workStatus'>[] = [];
  sickLeave: Item<'sickLeave'>[] = [];
  questionnaires: Item<'questionnaires'>[] = [];
  encounters: Item<'encounters'>[] = [];
  referrals: Item<'referrals'>[] = [];
  packageDecisions: Item<'packageDecisions'>[] = [];
  needsAssessments: Item<'needsAssessments'>[] = [];
  levelDecisions: Item<'levelDecisions'>[] = [];
  sharedPlans: Item<'sharedPlans'>[] = [];
}

/** Everything the condition builders need about the patient. */
interface Ctx {
  readonly rng: Rng;
  readonly asOf: DayNumber;
  readonly birth: DayNumber;
  readonly age: number;
  readonly sex: Sex;
  /** The last day anything can be recorded: `asOf`, the day of death or the day the patient left the list. */
  readonly end: DayNumber;
  readonly smoking: SmokingLifetime | undefined;
  readonly heightCm: number;
  readonly bmi: number;
  readonly comorbid: ReadonlySet<string>;
  readonly chart: Chart;
}

interface KolState {
  readonly gold: Gold;
  readonly dx: DayNumber;
  readonly latestMrc: number | undefined;
  readonly inPackage: boolean;
}

interface LrsState {
  readonly currentOnset: DayNumber;
  readonly risk: 'low' | 'medium' | 'high';
  readonly inPackage: boolean;
}

type LrsCourse = 'acute' | 'persistent' | 'recurrent';

interface Plan {
  kol: boolean;
  lrs: boolean;
  lrsForcedOnset?: DayNumber;
}

// ---------------------------------------------------------------------------
// Small helpers

const iso = formatDay;
const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const clampInt = (x: number, min: number, max: number): number => (x < min ? min : x > max ? max : Math.round(x));

/** A day in [lo, hi] limited to the patient's life on record ([birth, end]); the nearest bound when empty. */
function within(c: Ctx, lo: DayNumber, hi: DayNumber): DayNumber {
  const a = Math.max(lo, c.birth);
  const b = Math.min(hi, c.end);
  if (a >= b) return Math.max(c.birth, b);
  return c.rng.int(a, b);
}

function referralStatus(rng: Rng): Item<'referrals'>['status'] {
  return REFERRAL_STATUS_TABLE.sample(rng);
}

// Tables used per patient, built once.
const KOL_CODE_TABLE = new WeightedTable<readonly [Item<'diagnoses'>['system'], string, boolean]>([
  // [system, code, also R95]: R95 mostly (ICPC-2 is the GP's own coding), ICD-10 J44.x from hospital letters.
  [['ICPC-2', 'R95', false], 68],
  [['ICD-10', 'J44.9', false], 10],
  [['ICD-10', 'J44.1', false], 3],
  [['ICD-10', 'J44.8', false], 1],
  [['SKS', 'DJ449', false], 10],
  [['SKS', 'DJ441', false], 2],
  [['ICD-10', 'J44.9', true], 4],
  [['SKS', 'DJ449', true], 2],
]);

const LRS_CODE_TABLE = new WeightedTable<readonly [Item<'diagnoses'>['system'], string]>([
  [['ICPC-2', 'L03'], 42], // low back symptom/complaint
  [['ICPC-2', 'L84'], 20], // back syndrome without radiating pain
  [['ICPC-2', 'L86'], 15], // back syndrome with radiating pain
  [['ICD-10', 'M54.5'], 10], // low back pain
  [['ICD-10', 'M54.4'], 6], // lumbago with sciatica
  [['SKS', 'DM545'], 5],
  [['SKS', 'DM544'], 2],
]);

const LRS_COURSE_TABLE = new WeightedTable<LrsCourse>([
  ['acute', 30],
  ['persistent', 45],
  ['recurrent', 25],
]);

type KolDecision = Item<'packageDecisions'>['decision'] | 'none';
const KOL_DECISION_TABLE = new WeightedTable<KolDecision>([
  ['included', 78],
  ['declined', 7],
  ['followed-in-hospital', 8],
  ['ended', 2],
  ['none', 5],
]);
const KOL_DECISION_TABLE_GOLD4 = new WeightedTable<KolDecision>([
  ['included', 62],
  ['declined', 6],
  ['followed-in-hospital', 25],
  ['ended', 2],
  ['none', 5],
]);
const LRS_DECISION_TABLE = new WeightedTable<KolDecision>([
  ['included', 65],
  ['declined', 10],
  ['followed-in-hospital', 4],
  ['ended', 3],
  ['none', 18],
]);

const INHALER_TABLE = new WeightedTable<Item<'inhalerChecks'>['result']>([
  ['correct', 60],
  ['corrected', 30],
  ['incorrect', 10],
]);

const SPIRO_MODE_TABLE = new WeightedTable<'full' | 'litres' | 'ratio'>([
  ['full', 45],
  ['litres', 30],
  ['ratio', 25],
]);

const CAT_FORM_TABLE = new WeightedTable<'total' | 'items' | 'questionnaire'>([
  ['total', 50],
  ['items', 20],
  ['questionnaire', 30],
]);

/** Red flags that are plausibly `present` in a GP population with back pain. */
/**
 * The warning signs the generator records (assessed, present or cleared).
 * Issue 12 added `progressive-neurological-deficit` to the vocabulary; the
 * generator keeps the list it had before, so a seed gives the same clinic as
 * before (the committed fixture, which the reference tests of several
 * packages read, stays byte-identical). The urgent neurological sign is
 * covered by hand-built cases (the conformance kit, the inclusion tables).
 */
const GENERATED_RED_FLAGS: readonly RedFlagCode[] = RED_FLAG_CODES.filter((f) => f !== 'progressive-neurological-deficit');

const PRESENT_FLAG_TABLE = new WeightedTable<RedFlagCode>([
  ['previous-cancer', 20],
  ['constant-or-night-pain', 20],
  ['trauma', 15],
  ['neurological-deficit', 12],
  ['osteoporosis', 10],
  ['long-term-steroids', 8],
  ['unexplained-weight-loss', 6],
  ['fever', 4],
  ['inflammatory-disease-suspected', 3],
  ['bladder-bowel-dysfunction', 1],
  ['saddle-anaesthesia', 1],
]);

const LEVEL_TABLE = new WeightedTable<1 | 2 | 3>([
  [1, 50],
  [2, 35],
  [3, 15],
]);
const LEVEL_TABLE_SEVERE = new WeightedTable<1 | 2 | 3>([
  [1, 15],
  [2, 45],
  [3, 40],
]);

const ATC: Readonly<Record<'influenza' | 'pneumococcal' | 'covid-19', string>> = {
  influenza: 'J07BB02',
  pneumococcal: 'J07AL02',
  'covid-19': 'J07BN01',
};

// ---------------------------------------------------------------------------
// Demographics

function sampleBirth(rng: Rng, asOf: DayNumber, minAge: number, maxAge: number): DayNumber {
  let age: number;
  if (minAge === 0 && maxAge >= 100) {
    const [from, to] = AGE_BAND_TABLE.sample(rng);
    age = rng.int(from, to);
  } else {
    // Rejection on the pyramid restricted to [minAge, maxAge].
    for (;;) {
      const [from, to] = AGE_BAND_TABLE.sample(rng);
      if (to < minAge || from > maxAge) continue;
      age = rng.int(Math.max(from, minAge), Math.min(to, maxAge));
      break;
    }
  }
  // Born between the day after the (age+1)th birthday before asOf and the age-th.
  const latest = addYears(asOf, -age);
  const earliest = addYears(asOf, -(age + 1)) + 1;
  return rng.int(earliest, latest);
}

function edgeBirth(rng: Rng, asOf: DayNumber, kind: EdgeCaseKind): DayNumber | undefined {
  const asOfYear = civilFromDay(asOf).year;
  switch (kind) {
    case 'age-30-on-asof':
      return addYears(asOf, -30);
    case 'age-18-on-asof':
      return addYears(asOf, -18);
    case 'leap-day-birth': {
      let y = asOfYear - rng.int(20, 90);
      while (!isLeapYear(y)) y--;
      return dayFromCivil(y, 2, 29);
    }
    case 'dst-spring':
      return lastSundayOf(asOfYear - rng.int(55, 85), 3);
    case 'dst-autumn':
      return lastSundayOf(asOfYear - rng.int(25, 60), 10);
    case 'month-end': {
      const month = rng.pick([1, 3, 5, 7, 8, 10, 12] as const);
      return dayFromCivil(asOfYear - rng.int(50, 80), month, 31);
    }
    case 'ratio-070':
    case 'ratio-069':
    case 'fev1pp-30':
    case 'fev1pp-50':
    case 'fev1pp-80':
    case 'mrc-2':
    case 'mrc-3':
    case 'same-day-duplicates':
    case 'dated-asof':
      return sampleBirth(rng, asOf, 50, 88);
    case 'backpain-12w':
    case 'backpain-12w-minus-1d':
      return sampleBirth(rng, asOf, 25, 70);
  }
}

function smokingLifetime(rng: Rng, age: number): SmokingLifetime | undefined {
  if (age < 15) return undefined;
  const [current, former] = smokingWeights(age);
  const x = rng.next();
  return x < current ? 'current' : x < current + former ? 'former' : 'never';
}

function kolChance(age: number, smoking: SmokingLifetime | undefined): number {
  const base = kolPrevalence(age);
  if (base === 0 || smoking === undefined) return base;
  const [c, f, n] = smokingWeights(age);
  const mean = c * KOL_SMOKING_FACTOR.current + f * KOL_SMOKING_FACTOR.former + n * KOL_SMOKING_FACTOR.never;
  return (base * KOL_SMOKING_FACTOR[smoking]) / mean;
}

function planFor(kind: EdgeCaseKind | undefined, asOf: DayNumber): Partial<Plan> {
  switch (kind) {
    case undefined:
    case 'leap-day-birth':
      return {};
    case 'backpain-12w':
      return { lrs: true, lrsForcedOnset: asOf - 84 };
    case 'backpain-12w-minus-1d':
      return { lrs: true, lrsForcedOnset: asOf - 83 };
    case 'age-18-on-asof':
    case 'dst-autumn':
      return { lrs: true };
    case 'month-end':
      return { kol: true, lrs: true };
    case 'ratio-070':
    case 'ratio-069':
    case 'fev1pp-30':
    case 'fev1pp-50':
    case 'fev1pp-80':
    case 'mrc-2':
    case 'mrc-3':
    case 'age-30-on-asof':
    case 'dst-spring':
    case 'same-day-duplicates':
    case 'dated-asof':
      return { kol: true };
  }
}

// ---------------------------------------------------------------------------
// Generic entries

function addSmokingHistory(c: Ctx, recordShare: number, kol: boolean): void {
  const { rng, chart } = c;
  if (c.smoking === undefined || !rng.chance(recordShare)) return;
  const from = Math.max(addYears(c.birth, 15), c.end - 8 * 365);
  const packYears = (): number => {
    const years = Math.max(1, c.age - 17 - (c.smoking === 'former' ? rng.int(0, Math.max(0, c.age - 30)) : 0));
    const packsPerDay = rng.normalClamped(kol ? 1 : 0.6, kol ? 0.35 : 0.3, 0.1, 3);
    return Math.min(200, Math.max(1, Math.round(years * packsPerDay)));
  };
  switch (c.smoking) {
    case 'never':
      chart.smoking.push({ date: iso(within(c, from, c.end)), status: 'never' });
      return;
    case 'current': {
      const n = rng.chance(0.4) ? 2 : 1;
      let d = within(c, from, c.end);
      for (let i = 0; i < n; i++) {
        const item: Item<'smoking'> = { date: iso(d), status: 'current' };
        if (rng.chance(kol ? 0.7 : 0.4)) item.packYears = packYears();
        chart.smoking.push(item);
        d = within(c, d + 60, c.end);
        if (d <= c.birth) break;
      }
      return;
    }
    case 'former': {
      const quit = within(c, from, c.end);
      if (rng.chance(0.4)) {
        const earlier = within(c, quit - 6 * 365, quit - 60);
        if (earlier < quit) chart.smoking.push({ date: iso(earlier), status: 'current' });
      }
      const item: Item<'smoking'> = { date: iso(quit), status: 'former' };
      if (rng.chance(kol ? 0.6 : 0.3)) item.packYears = packYears();
      chart.smoking.push(item);
      return;
    }
  }
}

function addBodyMeasurement(c: Ctx, day: DayNumber, bmiShift = 0): void {
  const { rng } = c;
  const h = c.heightCm;
  const bmi = Math.max(14, c.bmi + bmiShift + rng.normal(0, 0.5));
  const weight = round1(bmi * (h / 100) * (h / 100));
  const form = rng.next();
  const item: Item<'bodyMeasurements'> = { date: iso(day) };
  if (form < 0.65) {
    item.weightKg = weight;
    item.heightCm = round1(h);
  } else if (form < 0.85) {
    item.weightKg = weight; // height missing
  } else if (form < 0.93) {
    item.weightKg = weight;
    item.heightCm = round1(h);
    item.bmi = round1(weight / ((round1(h) / 100) * (round1(h) / 100)));
  } else {
    item.bmi = round1(bmi); // only the BMI was transferred
  }
  c.chart.bodyMeasurements.push(item);
}

function addComorbidities(c: Ctx): void {
  for (const cond of COMORBIDITIES) {
    if (!c.comorbid.has(cond.code)) continue;
    const { rng } = c;
    const earliest = addYears(c.birth, cond.minAge);
    const recorded = within(c, Math.max(earliest, c.end - Math.round(rng.exponential(6 * 365))), c.end);
    const item: Item<'diagnoses'> = { system: 'ICPC-2', code: cond.code, status: 'active', recordedDate: iso(recorded) };
    if (rng.chance(0.3)) item.onsetDate = iso(within(c, recorded - 365, recorded));
    if (rng.chance(cond.resolvedShare) && recorded + 60 <= c.end) {
      item.status = 'resolved';
      item.resolvedDate = iso(within(c, recorded + 60, c.end));
    }
    c.chart.diagnoses.push(item);
  }
}

function addVaccinations(c: Ctx, influenzaShare: number, pneumoShare: number, covidShare: number): void {
  const { rng, chart } = c;
  const endYear = civilFromDay(c.end).year;
  const withCode = rng.chance(0.25);
  const push = (day: DayNumber, vaccine: 'influenza' | 'pneumococcal' | 'covid-19'): void => {
    const item: Item<'vaccinations'> = { date: iso(day), vaccine };
    if (withCode) item.code = { system: 'ATC', code: ATC[vaccine] };
    chart.vaccinations.push(item);
  };
  // The last three influenza seasons (vaccination from 1 October).
  for (let y = endYear - 2; y <= endYear; y++) {
    const start = dayFromCivil(y, 10, 1);
    if (start > c.end || !rng.chance(influenzaShare)) continue;
    push(within(c, start, start + 75), 'influenza');
  }
  if (rng.chance(pneumoShare)) push(within(c, c.end - 6 * 365, c.end), 'pneumococcal');
  const covidStart = dayFromCivil(civilFromDay(c.end).month >= 10 ? endYear : endYear - 1, 10, 1);
  if (rng.chance(covidShare)) push(within(c, covidStart, covidStart + 60), 'covid-19');
}

function addQuestionnaire(c: Ctx, day: DayNumber, instrument: Item<'questionnaires'>['instrument'], version: string, answers: Record<string, number | null>): void {
  c.chart.questionnaires.push({ date: iso(day), instrument, version, answers });
}

/** Eight CAT items (0-5 each) summing to `total` (0-40). */
function catItems(rng: Rng, total: number): number[] {
  const items = [0, 0, 0, 0, 0, 0, 0, 0];
  let left = Math.max(0, Math.min(40, total));
  while (left > 0) {
    const i = rng.int(0, 7);
    const v = items[i] ?? 0;
    if (v < 5) {
      items[i] = v + 1;
      left--;
    }
  }
  return items;
}

function addCat(c: Ctx, day: DayNumber, total: number): void {
  const { rng, chart } = c;
  const form = CAT_FORM_TABLE.sample(rng);
  if (form === 'total') {
    chart.cat.push({ date: iso(day), total });
    return;
  }
  const items = catItems(rng, total);
  if (form === 'items') {
    const item: Item<'cat'> = { date: iso(day), items };
    if (rng.chance(0.5)) item.total = total;
    chart.cat.push(item);
    return;
  }
  const answers: Record<string, number | null> = {};
  const skipped = rng.chance(0.05) ? rng.int(0, 7) : -1;
  items.forEach((v, i) => {
    answers[`cat${i + 1}`] = i === skipped ? null : v;
  });
  addQuestionnaire(c, day, 'CAT', '1.0', answers);
}

function pushSpirometry(
  c: Ctx,
  day: DayNumber,
  pp: number,
  ratio: number,
  opts: { mode?: 'full' | 'litres' | 'ratio'; ppMissing?: boolean; post?: boolean } = {},
): void {
  const { rng } = c;
  const [predFev1] = predictedSpirometry(c.sex, c.heightCm / 100, ageOn(c.birth, day));
  const fev1 = Math.max(0.2, round2((pp / 100) * predFev1));
  const fvc = Math.max(fev1, Math.min(11.9, round2(fev1 / ratio)));
  const mode = opts.mode ?? SPIRO_MODE_TABLE.sample(rng);
  const ppMissing = opts.ppMissing ?? rng.chance(0.1);
  const post = opts.post ?? rng.chance(0.85);
  c.chart.spirometry.push({
    date: iso(day),
    ...(mode === 'ratio' ? {} : { fev1L: fev1, fvcL: fvc }),
    ...(mode === 'litres' ? {} : { ratio: round2(fev1 / fvc) }),
    ...(ppMissing ? {} : { fev1PercentPredicted: pp }),
    postBronchodilator: post,
  });
}

// ---------------------------------------------------------------------------
// KOL

function addKol(c: Ctx): KolState {
  const { rng, chart } = c;
  const gold = GOLD_TABLE.sample(rng);
  const minAgeAtDx = c.age >= 45 ? 40 : Math.max(18, c.age - 3);
  const earliest = addYears(c.birth, minAgeAtDx);
  const dx = Math.min(c.end, Math.max(earliest, c.end - 14 - Math.round(rng.exponential(6 * 365))));

  // Diagnosis: R95 mostly, J44.x (some in SKS form), a few dual-coded.
  const [system, code, alsoR95] = KOL_CODE_TABLE.sample(rng);
  const dxItem: Item<'diagnoses'> = { system, code, status: 'active', recordedDate: iso(dx) };
  if (rng.chance(0.3)) dxItem.onsetDate = iso(within(c, dx - 2 * 365, dx));
  chart.diagnoses.push(dxItem);
  if (alsoR95) chart.diagnoses.push({ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: iso(within(c, dx, dx + 400)) });

  // Package decision and the visits that follow from it.
  const decision = (gold === 4 ? KOL_DECISION_TABLE_GOLD4 : KOL_DECISION_TABLE).sample(rng);
  const visits: DayNumber[] = [];
  const inPackage = decision === 'included' || decision === 'ended';
  if (inPackage) {
    const overdue = rng.next();
    let last: DayNumber;
    if (dx > c.end - 365) last = within(c, dx, c.end);
    else if (overdue < 0.7) last = within(c, c.end - 364, c.end);
    else if (overdue < 0.9) last = within(c, c.end - 547, c.end - 365); // overdue
    else last = within(c, c.end - 900, c.end - 548); // long overdue
    if (last >= dx && !(dx > c.end - 365 && rng.chance(0.3))) {
      visits.push(last);
      let v = last;
      for (let i = 0; i < 3; i++) {
        v -= rng.int(330, 400);
        if (v < dx) break;
        visits.unshift(v);
      }
    }
    const firstVisit = visits[0] ?? c.end;
    const includedDay = within(c, Math.max(dx, firstVisit - 60), firstVisit);
    chart.packageDecisions.push({ date: iso(includedDay), package: 'KOL', decision: 'included' });
    if (decision === 'ended') {
      chart.packageDecisions.push({ date: iso(within(c, includedDay + 90, c.end)), package: 'KOL', decision: 'ended' });
    }
    const withPackage = rng.chance(0.85);
    for (const v of visits) {
      chart.encounters.push(withPackage ? { date: iso(v), type: 'aarsstatus', package: 'KOL' } : { date: iso(v), type: 'aarsstatus' });
    }
    // Most clinics share the plan at the latest årsstatus. Derived from the day, not drawn, so the
    // random stream (and every other field of the fixture) stays as it was before plans were modelled.
    const lastVisit = visits[visits.length - 1];
    if (lastVisit !== undefined && lastVisit % 10 < 7) chart.sharedPlans.push({ date: iso(lastVisit), package: 'KOL' });
    // Follow-ups in between, now and then.
    if (visits.length > 0 && rng.chance(0.4)) {
      const f = within(c, (visits[visits.length - 1] ?? dx) + 60, c.end);
      chart.encounters.push({ date: iso(f), type: 'follow-up', package: 'KOL' });
    }
  } else {
    if (decision !== 'none') {
      chart.packageDecisions.push({ date: iso(within(c, Math.max(dx, c.end - 900), c.end)), package: 'KOL', decision });
    }
    const n = rng.int(0, 2);
    for (let i = 0; i < n; i++) {
      const v = within(c, Math.max(dx, c.end - 2 * 365), c.end);
      visits.push(v);
      chart.encounters.push({ date: iso(v), type: 'other' });
    }
    visits.sort((a, b) => a - b);
  }

  // Spirometry: ~10 % diagnosed without one, ~3 % with one that contradicts (ratio >= 0.70).
  const noSpirometry = rng.chance(0.1);
  const contradicting = !noSpirometry && rng.chance(0.033);
  if (!noSpirometry) {
    const [ppMin, ppMax] = GOLD_FEV1PP[gold];
    const ppNow = rng.int(ppMin, ppMax);
    const ratioNow = rng.normalClamped(GOLD_RATIO_MEAN[gold], 0.05, 0.3, 0.685);
    const days: DayNumber[] = [within(c, dx - 60, dx)];
    for (let d = (days[0] ?? dx) + rng.int(300, 1100); d <= c.end; d += rng.int(300, 1100)) days.push(d);
    if (c.end - (days[days.length - 1] ?? dx) > 3 * 365 && rng.chance(0.4)) days.push(within(c, c.end - 365, c.end));
    const kept = days.slice(-4);
    kept.forEach((d, i) => {
      const latest = i === kept.length - 1;
      const yearsBefore = (c.end - d) / 365.25;
      const pp = latest ? ppNow : clampInt(ppNow + yearsBefore * 1.2 + rng.normal(0, 2), 10, 140);
      const ratio = contradicting ? rng.float(0.71, 0.8) : Math.min(0.685, ratioNow + rng.normal(0, 0.012));
      pushSpirometry(c, d, pp, ratio);
    });
  }

  // MRC (Danish 1-5) and CAT, recorded at visits; missing for some patients.
  const mrcBase = MRC_BY_GOLD[gold].sample(rng);
  let latestMrc: number | undefined;
  const catMean = CAT_MEAN_BY_GOLD[gold] + (mrcBase - 3) * 2;
  const catBase = clampInt(rng.normal(catMean, 6), 0, 40);
  const measureDays = visits.length > 0 ? visits : [within(c, c.end - 2 * 365, c.end)];
  const mrcRecorded = rng.chance(0.8);
  const catRecorded = rng.chance(0.65);
  measureDays.forEach((d, i) => {
    const latest = i === measureDays.length - 1;
    if (mrcRecorded && (latest || rng.chance(0.85))) {
      const grade = latest ? mrcBase : clampInt(mrcBase + (rng.chance(0.25) ? rng.pick([-1, 1]) : 0), 1, 5);
      chart.mrc.push({ date: iso(d), grade });
      if (latest) latestMrc = grade;
    }
    if (catRecorded && rng.chance(0.85)) addCat(c, d, clampInt(catBase + rng.normal(0, 3), 0, 40));
    if (rng.chance(0.6)) addBodyMeasurement(c, d, gold === 4 ? -1.5 : 0);
    if (rng.chance(0.45)) chart.inhalerChecks.push({ date: iso(d), result: INHALER_TABLE.sample(rng) });
  });

  // Exacerbations over the last three years, more with severity; a patient-level frailty spreads them.
  const [modRate, hospRate] = EXACERBATION_RATES[gold];
  const frailty = Math.exp(rng.normal(0, 0.5));
  const from = Math.max(dx, c.end - 3 * 365);
  const years = Math.max(0, (c.end - from) / 365.25);
  const nMod = Math.min(12, rng.poisson(modRate * frailty * years));
  const nHosp = Math.min(6, rng.poisson(hospRate * frailty * years));
  for (let i = 0; i < nMod; i++) chart.exacerbations.push({ date: iso(within(c, from, c.end)), severity: 'moderate' });
  for (let i = 0; i < nHosp; i++) {
    const d = within(c, from, c.end);
    chart.exacerbations.push({ date: iso(d), severity: 'hospitalised' });
    if (rng.chance(0.9)) {
      const out = d + rng.int(2, 12);
      const adm: Item<'admissions'> = { date: iso(d), cause: 'KOL' };
      if (out <= c.end) adm.endDate = iso(out);
      else if (c.end < c.asOf) adm.endDate = iso(c.end);
      chart.admissions.push(adm); // no endDate: still admitted on asOf
    }
  }

  // Vaccinations (Danish programme for KOL: yearly influenza, pneumococcal, covid-19 in autumn).
  addVaccinations(c, c.age >= 65 ? 0.78 : 0.6, 0.45, 0.5);

  // Referrals.
  const refer = (type: Item<'referrals'>['type'], p: number, withPackage: boolean): void => {
    if (!rng.chance(p)) return;
    const item: Item<'referrals'> = { date: iso(within(c, dx, c.end)), type, status: referralStatus(rng) };
    if (withPackage && rng.chance(0.7)) item.package = 'KOL';
    chart.referrals.push(item);
  };
  refer('municipal-rehabilitation', gold >= 2 || mrcBase >= 3 ? 0.35 : 0.1, true);
  if (c.smoking === 'current') refer('smoking-cessation', 0.35, true);
  refer('specialist-pulmonology', gold === 4 ? 0.4 : gold === 3 ? 0.15 : 0.05, false);
  refer('dxa', 0.05, false);
  refer('other', 0.03, false);

  // Imaging: chest x-ray now and then; DXA for some (the package asks about osteoporosis).
  if (rng.chance(0.25)) chart.imaging.push({ date: iso(within(c, dx - 90, c.end)), modality: 'x-ray', region: 'chest', status: 'performed' });
  if (rng.chance(0.08)) {
    chart.imaging.push({ date: iso(within(c, dx, c.end)), modality: 'dxa', region: rng.chance(0.7) ? 'hip' : 'other', status: rng.chance(0.8) ? 'performed' : 'requested' });
  }

  return { gold, dx, latestMrc, inPackage };
}

// ---------------------------------------------------------------------------
// LRS (lænderygsmerter)

const START_PHYSICAL_P = 0.55;

/**
 * STarT Back answers consistent with the risk group: q1-q8 disagree 0 / agree 1;
 * q9 (how bothersome) as its five answer codes 0-4, of which 3-4 score 1.
 */
function startBackAnswers(rng: Rng, risk: 'low' | 'medium' | 'high'): Record<string, number | null> {
  const a = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const setRandom = (indices: readonly number[], count: number): void => {
    const pool = [...indices];
    for (let k = 0; k < count && pool.length > 0; k++) {
      const at = rng.int(0, pool.length - 1);
      const idx = pool[at] ?? 0;
      a[idx] = 1;
      pool.splice(at, 1);
    }
  };
  const physical = [0, 1, 2, 3];
  const psycho = [4, 5, 6, 7, 8]; // q5-q9: the psychosocial subscale
  if (risk === 'high') {
    setRandom(psycho, rng.int(4, 5));
    for (const i of physical) if (rng.chance(START_PHYSICAL_P + 0.2)) a[i] = 1;
  } else if (risk === 'medium') {
    const sub = rng.int(0, 3);
    const phys = rng.int(Math.max(0, 4 - sub), 4);
    setRandom(psycho, sub);
    setRandom(physical, phys);
  } else {
    const total = rng.int(0, 3);
    setRandom([...physical, ...psycho], total);
  }
  const answers: Record<string, number | null> = {};
  const skipped = rng.chance(0.02) ? rng.int(0, 8) : -1;
  a.forEach((v, i) => {
    // Item 9 scores 1 for "very much" (3) or "extremely" (4), 0 for "not at all" to "moderately" (0-2).
    const answer = i === 8 ? (v === 1 ? rng.int(3, 4) : rng.int(0, 2)) : v;
    answers[`q${i + 1}`] = i === skipped ? null : answer;
  });
  return answers;
}

function odiAnswers(rng: Rng, disabilityPercent: number): Record<string, number | null> {
  const answers: Record<string, number | null> = {};
  const mean = disabilityPercent / 20;
  for (let i = 1; i <= 10; i++) {
    // Section 8 (sex life) is the one most often left out.
    const skip = i === 8 ? rng.chance(0.3) : rng.chance(0.02);
    answers[`s${i}`] = skip ? null : clampInt(rng.normal(mean, 0.9), 0, 5);
  }
  return answers;
}

function addLrsEpisodes(c: Ctx, course: LrsCourse, forcedOnset: DayNumber | undefined): { current: DayNumber; first: DayNumber } {
  const { rng, chart } = c;
  const minOnset = addYears(c.birth, 16);
  if (forcedOnset !== undefined) {
    chart.backPainEpisodes.push({ onsetDate: iso(forcedOnset) });
    return { current: forcedOnset, first: forcedOnset };
  }
  // Older, ended episodes for some patients.
  if (rng.chance(0.2)) {
    const n = rng.int(1, 2);
    for (let i = 0; i < n; i++) {
      const onset = within(c, Math.max(minOnset, c.end - 10 * 365), c.end - 2 * 365);
      if (onset < minOnset || onset > c.end - 2 * 365) continue;
      chart.backPainEpisodes.push({ onsetDate: iso(onset), endDate: iso(onset + rng.int(7, 60)) });
    }
  }
  switch (course) {
    case 'acute': {
      const onset = within(c, Math.max(minOnset, c.end - 83), c.end);
      chart.backPainEpisodes.push({ onsetDate: iso(onset) });
      return { current: onset, first: onset };
    }
    case 'persistent': {
      const back = 84 + Math.min(5 * 365, Math.round(rng.exponential(240)));
      const onset = Math.max(c.birth, Math.max(minOnset, c.end - back));
      chart.backPainEpisodes.push({ onsetDate: iso(onset) });
      return { current: onset, first: onset };
    }
    case 'recurrent': {
      // The latest episode within 4 months, and 1-3 earlier ones inside the past 12 months.
      const current = within(c, Math.max(minOnset, c.end - 120), c.end);
      const episodes: Item<'backPainEpisodes'>[] = [];
      let onset = current;
      const n = rng.int(1, 3);
      for (let i = 0; i < n; i++) {
        const prevEnd = onset - rng.int(14, 60);
        const prevOnset = prevEnd - rng.int(5, 45);
        if (prevOnset < c.end - 365 || prevOnset < minOnset) break;
        episodes.unshift({ onsetDate: iso(prevOnset), endDate: iso(prevEnd) });
        onset = prevOnset;
      }
      const cur: Item<'backPainEpisodes'> = { onsetDate: iso(current) };
      if (rng.chance(0.4)) {
        const e = current + rng.int(5, 40);
        if (e <= c.end) cur.endDate = iso(e);
      }
      chart.backPainEpisodes.push(...episodes, cur);
      return { current, first: onset };
    }
  }
}

function addLrs(c: Ctx, forcedOnset: DayNumber | undefined): LrsState {
  const { rng, chart } = c;
  const course: LrsCourse =
    forcedOnset !== undefined ? (c.asOf - forcedOnset >= 84 ? 'persistent' : 'acute') : LRS_COURSE_TABLE.sample(rng);
  const { current, first } = addLrsEpisodes(c, course, forcedOnset);

  const [system, code] = LRS_CODE_TABLE.sample(rng);
  const recorded = within(c, first, first + 14);
  chart.diagnoses.push({ system, code, status: 'active', recordedDate: iso(recorded), ...(rng.chance(0.5) ? { onsetDate: iso(first) } : {}) });
  if (rng.chance(0.08)) chart.diagnoses.push({ system: 'ICPC-2', code: 'L86', status: 'active', recordedDate: iso(within(c, recorded, c.end)) });

  const firstVisit = within(c, current, current + 10);

  // Red flags: assessed for most; mostly absent, a few present, some cleared.
  if (rng.chance(0.85)) {
    const assessed = GENERATED_RED_FLAGS.filter(() => rng.chance(0.45));
    const hasOsteoporosis = c.comorbid.has('L95');
    const present = rng.chance(0.03) ? PRESENT_FLAG_TABLE.sample(rng) : undefined;
    const cleared = rng.chance(0.07) ? rng.pick(GENERATED_RED_FLAGS) : undefined;
    for (const flag of GENERATED_RED_FLAGS) {
      let status: Item<'redFlags'>['status'] | undefined;
      if (flag === present) status = 'present';
      else if (flag === cleared) status = 'cleared';
      else if (flag === 'high-age') status = c.age >= 70 ? (rng.chance(0.15) ? 'present' : 'cleared') : assessed.includes(flag) ? 'absent' : undefined;
      else if (flag === 'osteoporosis' && hasOsteoporosis) status = rng.chance(0.3) ? 'present' : 'cleared';
      else if (assessed.includes(flag)) status = 'absent';
      if (status !== undefined) chart.redFlags.push({ date: iso(firstVisit), flag, status });
    }
  }

  // Questionnaires: STarT Back, ODI, NRS pain.
  const risk = START_BACK_RISK_TABLE.sample(rng);
  if (rng.chance(0.75)) addQuestionnaire(c, firstVisit, 'STarT-Back', '1.0', startBackAnswers(rng, risk));
  const disability = rng.normalClamped(risk === 'high' ? 42 : risk === 'medium' ? 30 : 18, 12, 0, 100);
  if (rng.chance(0.45)) addQuestionnaire(c, firstVisit, 'ODI', '2.1a', odiAnswers(rng, disability));
  const pain = clampInt(rng.normal(course === 'acute' ? 6 : 5, 2), 0, 10);
  if (rng.chance(0.6)) addQuestionnaire(c, firstVisit, 'NRS-pain', '1.0', { nrs: pain });

  // Follow-up visits, some with repeated questionnaires.
  const nFollow = rng.int(0, 3);
  let prev = firstVisit;
  for (let i = 0; i < nFollow; i++) {
    const f = prev + rng.int(14, 60);
    if (f > c.end) break;
    chart.encounters.push(rng.chance(0.8) ? { date: iso(f), type: 'follow-up', package: 'LRS' } : { date: iso(f), type: 'follow-up' });
    if (rng.chance(0.3)) addQuestionnaire(c, f, 'NRS-pain', '1.0', { nrs: clampInt(pain - 1 + rng.normal(0, 1.5), 0, 10) });
    if (rng.chance(0.15)) addQuestionnaire(c, f, 'STarT-Back', '1.0', startBackAnswers(rng, risk));
    if (rng.chance(0.15)) addQuestionnaire(c, f, 'ODI', '2.1a', odiAnswers(rng, Math.max(0, disability - 5)));
    prev = f;
  }

  // Imaging now and then (mostly not indicated).
  if (rng.chance(0.15)) {
    const kind = rng.next();
    const modality: Item<'imaging'>['modality'] = kind < 0.5 ? 'x-ray' : kind < 0.85 ? 'mri' : kind < 0.95 ? 'ct' : 'other';
    chart.imaging.push({
      date: iso(within(c, current, c.end)),
      modality,
      region: rng.chance(0.9) ? 'lumbar-spine' : 'whole-spine',
      status: modality === 'mri' && rng.chance(0.3) ? 'requested' : 'performed',
    });
  }

  // Work and sick leave for the working-age.
  if (c.age >= 18 && c.age <= 66 && rng.chance(0.8)) {
    const x = rng.next();
    const status: Item<'workStatus'>['status'] =
      c.age < 30 && x < 0.25
        ? 'student'
        : c.age >= 60 && x < 0.15
          ? 'retired'
          : x < 0.72
            ? 'employed'
            : x < 0.79
              ? 'self-employed'
              : x < 0.88
                ? 'unemployed'
                : 'other';
    const ws: Item<'workStatus'> = { date: iso(firstVisit), status };
    const working = status === 'employed' || status === 'self-employed';
    if (working) {
      const r = rng.next();
      if (r < 0.15) ws.jobAtRisk = true;
      else if (r < 0.55) ws.jobAtRisk = false;
    }
    chart.workStatus.push(ws);
    if (working && rng.chance(course === 'acute' ? 0.25 : 0.38)) {
      const start = within(c, current, current + 14);
      const sl: Item<'sickLeave'> = { startDate: iso(start), extent: rng.chance(0.7) ? 'full' : 'partial' };
      if (rng.chance(0.7)) {
        const e = start + rng.int(7, 120);
        if (e <= c.end) sl.endDate = iso(e);
      }
      const r = rng.next();
      if (r < 0.85) sl.backPainRelated = true;
      else if (r < 0.9) sl.backPainRelated = false;
      chart.sickLeave.push(sl);
    }
  } else if (c.age >= 67 && rng.chance(0.4)) {
    chart.workStatus.push({ date: iso(firstVisit), status: 'retired' });
  }

  // Referrals.
  const refer = (type: Item<'referrals'>['type'], p: number): void => {
    if (!rng.chance(p)) return;
    const item: Item<'referrals'> = { date: iso(within(c, firstVisit, c.end)), type, status: referralStatus(rng) };
    if (rng.chance(0.6)) item.package = 'LRS';
    chart.referrals.push(item);
  };
  refer('physiotherapy', 0.4);
  refer('psychologically-informed-physiotherapy', risk === 'high' ? 0.35 : 0.05);
  refer('multidisciplinary-assessment', course === 'acute' ? 0.01 : 0.06);
  refer('specialist-spine', code === 'L86' || code === 'M54.4' || code === 'DM544' ? 0.12 : 0.04);
  refer('psychologist', 0.03);
  refer('municipal-rehabilitation', 0.03);
  if (rng.chance(0.01)) {
    const d = within(c, current, c.end);
    const adm: Item<'admissions'> = { date: iso(d), cause: 'LRS' };
    if (d + 3 <= c.end) adm.endDate = iso(d + rng.int(1, 3));
    chart.admissions.push(adm);
  }

  // Package decision: persistent and recurrent pain mostly; acute pain seldom yet.
  const decision: KolDecision = course === 'acute' ? (rng.chance(0.1) ? 'included' : 'none') : LRS_DECISION_TABLE.sample(rng);
  let inPackage = false;
  if (decision !== 'none') {
    const d = within(c, Math.max(first, c.end - 700), c.end);
    const decided = decision === 'ended' ? 'included' : decision;
    chart.packageDecisions.push({ date: iso(d), package: 'LRS', decision: decided });
    if (decision === 'ended') chart.packageDecisions.push({ date: iso(within(c, d + 30, c.end)), package: 'LRS', decision: 'ended' });
    inPackage = decision === 'included' || decision === 'ended';
    // Derived from the day, not drawn: see the KOL plans.
    if (d % 10 < 6) chart.sharedPlans.push({ date: iso(d), package: 'LRS' });
  }
  return { currentOnset: current, risk, inPackage };
}

// ---------------------------------------------------------------------------
// Needs assessment, level decision, SILS

function addNeedsAndLevel(c: Ctx, pkg: 'KOL' | 'LRS', since: DayNumber, severe: boolean): void {
  const { rng, chart } = c;
  let assessedOn: DayNumber | undefined;
  if (rng.chance(0.4)) {
    const n = rng.chance(0.15) ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const d = within(c, Math.max(since, c.end - 2 * 365), c.end);
      assessedOn = Math.max(assessedOn ?? d, d);
      const na: Item<'needsAssessments'> = { date: iso(d) };
      if (rng.chance(0.9)) na.package = pkg;
      if (rng.chance(0.8)) na.mentalHealthScreenPositive = rng.chance(c.comorbid.has('P76') || c.comorbid.has('P74') ? 0.45 : 0.12);
      if (rng.chance(0.8)) na.livesAloneWithoutNetwork = rng.chance(c.age >= 75 ? 0.18 : 0.08);
      if (rng.chance(0.7)) na.caregiverBurden = rng.chance(0.05);
      if (rng.chance(0.7)) na.languageBarrier = rng.chance(0.04);
      if (rng.chance(0.7)) na.substanceAbuse = rng.chance(0.04);
      if (rng.chance(0.8)) na.selfManagement = rng.weighted([['good', 60], ['partial', 30], ['poor', 10]] as const);
      if (pkg === 'LRS' && c.age <= 66 && rng.chance(0.6)) na.jobAtRisk = rng.chance(0.15);
      if (rng.chance(0.7)) na.complexCourse = rng.chance(severe ? 0.35 : 0.12);
      if (rng.chance(0.7)) na.motivation = rng.weighted([['high', 40], ['moderate', 45], ['low', 15]] as const);
      chart.needsAssessments.push(na);
    }
  }
  if (rng.chance(0.25)) {
    const d = assessedOn !== undefined ? within(c, assessedOn, assessedOn + 30) : within(c, Math.max(since, c.end - 2 * 365), c.end);
    chart.levelDecisions.push({ date: iso(d), package: pkg, level: (severe ? LEVEL_TABLE_SEVERE : LEVEL_TABLE).sample(rng), reason: SYNTHETIC_LEVEL_REASON });
  }
  if (rng.chance(0.2)) addQuestionnaire(c, within(c, Math.max(since, c.end - 2 * 365), c.end), 'SILS', '1.0', { sils: SILS_TABLE.sample(rng) });
}

// ---------------------------------------------------------------------------
// Edge cases applied after the ordinary chart is built

function latestSpirometryDay(c: Ctx): DayNumber {
  return within(c, c.end - 120, c.end - 1);
}

/** Drops entries dated after `day` so that the planted entry is the latest. */
function dropAfter<T extends { date: string }>(list: T[], day: DayNumber): T[] {
  const limit = iso(day);
  return list.filter((x) => x.date <= limit);
}

function applyEdge(c: Ctx, kind: EdgeCaseKind): void {
  const { rng, chart } = c;
  const setSpiro = (pp: number | undefined, fev1: number, fvc: number, ratio: number): void => {
    const d = latestSpirometryDay(c);
    chart.spirometry = dropAfter(chart.spirometry, d - 1);
    chart.spirometry.push({
      date: iso(d),
      fev1L: fev1,
      fvcL: fvc,
      ratio,
      ...(pp === undefined ? {} : { fev1PercentPredicted: pp }),
      postBronchodilator: true,
    });
  };
  const predicted = (): readonly [number, number] => predictedSpirometry(c.sex, c.heightCm / 100, c.age);
  const exactRatio = (target: 0.7 | 0.69): void => {
    // FVC of 2 or 4 litres makes FEV1/FVC exact in binary floating point.
    const [pF, pV] = predicted();
    const fvc = pV > 3 ? 4 : 2;
    const fev1 = target === 0.7 ? (fvc === 4 ? 2.8 : 1.4) : fvc === 4 ? 2.76 : 1.38;
    setSpiro(Math.round((fev1 / pF) * 100), fev1, fvc, target);
  };
  const exactPp = (pp: 30 | 50 | 80): void => {
    const [pF] = predicted();
    const fev1 = Math.max(0.3, round2((pp / 100) * pF));
    const ratio = pp === 80 ? 0.62 : pp === 50 ? 0.55 : 0.45;
    const fvc = round2(fev1 / ratio);
    setSpiro(pp, fev1, fvc, round2(fev1 / fvc));
  };
  const setMrc = (grade: 2 | 3): void => {
    const d = within(c, c.end - 60, c.end);
    chart.mrc = dropAfter(chart.mrc, d - 1);
    chart.mrc.push({ date: iso(d), grade });
  };
  switch (kind) {
    case 'ratio-070':
      exactRatio(0.7);
      return;
    case 'ratio-069':
      exactRatio(0.69);
      return;
    case 'fev1pp-30':
      exactPp(30);
      return;
    case 'fev1pp-50':
      exactPp(50);
      return;
    case 'fev1pp-80':
      exactPp(80);
      return;
    case 'mrc-2':
      setMrc(2);
      return;
    case 'mrc-3':
      setMrc(3);
      return;
    case 'age-30-on-asof':
    case 'age-18-on-asof':
    case 'leap-day-birth':
    case 'backpain-12w':
    case 'backpain-12w-minus-1d':
      return; // the birth date or the episode is the edge
    case 'dst-spring': {
      let d = lastSundayOf(civilFromDay(c.asOf).year, 3);
      if (d > c.asOf) d = lastSundayOf(civilFromDay(c.asOf).year - 1, 3);
      chart.encounters.push({ date: iso(d), type: 'other' });
      chart.exacerbations.push({ date: iso(d), severity: 'moderate' });
      chart.mrc.push({ date: iso(d), grade: rng.int(2, 4) });
      chart.smoking.push({ date: iso(d), status: c.smoking === 'current' ? 'current' : 'former' });
      return;
    }
    case 'dst-autumn': {
      let d = lastSundayOf(civilFromDay(c.asOf).year, 10);
      if (d > c.asOf) d = lastSundayOf(civilFromDay(c.asOf).year - 1, 10);
      chart.backPainEpisodes = chart.backPainEpisodes.filter((e) => e.endDate !== undefined && e.endDate < iso(d));
      chart.backPainEpisodes.push({ onsetDate: iso(d) });
      chart.redFlags.push({ date: iso(d), flag: 'trauma', status: 'absent' });
      addQuestionnaire(c, d, 'NRS-pain', '1.0', { nrs: rng.int(4, 8) });
      chart.encounters.push({ date: iso(d), type: 'follow-up', package: 'LRS' });
      chart.sickLeave.push({ startDate: iso(d), endDate: iso(Math.min(d + 7, c.asOf)), extent: 'partial', backPainRelated: true });
      return;
    }
    case 'month-end': {
      const y = civilFromDay(c.asOf).year - 1;
      // 31 January to the last day of February (28 or 29), 31 October, 31 December.
      chart.admissions.push({ date: iso(dayFromCivil(y, 1, 31)), endDate: iso(dayFromCivil(y, 2, daysInMonth(y, 2))), cause: 'other' });
      chart.encounters.push({ date: iso(dayFromCivil(y, 12, 31)), type: 'other' });
      chart.spirometry.push({ date: iso(dayFromCivil(y, 10, 31)), fev1L: 1.6, fvcL: 2.6, fev1PercentPredicted: 62, postBronchodilator: true });
      chart.sickLeave.push({ startDate: iso(dayFromCivil(y, 3, 31)), endDate: iso(dayFromCivil(y, 4, 30)), extent: 'full', backPainRelated: true });
      chart.redFlags.push({ date: iso(dayFromCivil(y, 5, 31)), flag: 'fever', status: 'absent' });
      return;
    }
    case 'same-day-duplicates': {
      const d = within(c, c.end - 200, c.end - 1);
      const dxCode = chart.diagnoses[0];
      if (dxCode !== undefined) chart.diagnoses.push({ ...dxCode });
      const s: Item<'spirometry'> = { date: iso(d), fev1L: 1.52, fvcL: 2.61, fev1PercentPredicted: 58, postBronchodilator: true };
      chart.spirometry.push(s, { ...s }, { date: iso(d), fev1L: 1.48, fvcL: 2.55, postBronchodilator: false });
      chart.mrc.push({ date: iso(d), grade: 3 }, { date: iso(d), grade: 3 }, { date: iso(d), grade: 4 });
      chart.cat.push({ date: iso(d), total: 18 }, { date: iso(d), total: 21 });
      chart.encounters.push({ date: iso(d), type: 'aarsstatus', package: 'KOL' }, { date: iso(d), type: 'aarsstatus', package: 'KOL' });
      chart.exacerbations.push({ date: iso(d), severity: 'moderate' }, { date: iso(d), severity: 'moderate' });
      chart.vaccinations.push({ date: iso(d), vaccine: 'influenza' }, { date: iso(d), vaccine: 'influenza' });
      return;
    }
    case 'dated-asof': {
      const d = c.asOf;
      chart.encounters.push({ date: iso(d), type: 'aarsstatus', package: 'KOL' });
      chart.mrc.push({ date: iso(d), grade: rng.int(1, 5) });
      chart.cat.push({ date: iso(d), total: rng.int(5, 30) });
      chart.smoking.push({ date: iso(d), status: c.smoking === 'current' ? 'current' : 'former' });
      pushSpirometry(c, d, rng.int(40, 75), rng.float(0.45, 0.68), { mode: 'full', ppMissing: false, post: true });
      return;
    }
  }
}

// ---------------------------------------------------------------------------
// The patient

function buildPatient(rng: Rng, asOf: DayNumber, id: string, edge: EdgeCaseKind | undefined): Input {
  const birth = edge === undefined ? sampleBirth(rng, asOf, 0, 100) : (edgeBirth(rng, asOf, edge) ?? sampleBirth(rng, asOf, 0, 100));
  const age = ageOn(birth, asOf);
  const birthIso = iso(birth);

  // Sex and CPR. CPR only from syntheticCpr, only for dates it accepts.
  const hasCpr = rng.chance(CPR_PRESENT_SHARE);
  let sex: Sex = rng.chance(femaleShare(age)) ? 'female' : 'male';
  if (!hasCpr && edge === undefined && rng.chance(UNKNOWN_SEX_SHARE_WITHOUT_CPR)) sex = 'unknown';
  const serialSeed = rng.uint32();
  const cpr = hasCpr && sex !== 'unknown' && isSyntheticCprSafe(birthIso) ? syntheticCpr(birthIso, sex, serialSeed) : undefined;

  // Conditions.
  const smoking = smokingLifetime(rng, age);
  const forced = planFor(edge, asOf);
  const kol = forced.kol ?? rng.chance(kolChance(age, smoking));
  const lrs = forced.lrs ?? rng.chance(lrsPrevalence(age));
  const comorbid = new Set<string>();
  for (const cond of COMORBIDITIES) {
    if (age < cond.minAge) continue;
    if (rng.chance(cond.rate(age, sex) * (kol ? cond.kolFactor : 1))) comorbid.add(cond.code);
  }

  // On the list, moved away, or deceased (edge cases are always listed and alive).
  let listed = true;
  let deceased: DayNumber | undefined;
  let end = asOf;
  if (edge === undefined) {
    if (rng.chance(annualMortality(age) * 0.5 * (kol ? 2.5 : 1) * (comorbid.has('K77') ? 2 : 1))) {
      deceased = Math.max(birth, asOf - rng.int(0, 364));
      end = deceased;
      listed = false;
    } else if (rng.chance(NOT_LISTED_SHARE)) {
      end = Math.max(birth, asOf - rng.int(0, 730));
      listed = false;
    }
  }

  const [hMean, hSd] = HEIGHT_CM[sex];
  const adultHeight = rng.normalClamped(hMean, hSd, 140, 210) - (age > 70 ? (age - 70) * 0.15 : 0);
  const heightCm = age >= 18 ? adultHeight : Math.max(50, Math.min(adultHeight, 50 + age * 7));
  const bmi = age >= 18 ? rng.normalClamped(26.5, 4.5, 16, 48) : rng.normalClamped(18, 2.5, 13, 30);

  const chart = new Chart();
  const c: Ctx = { rng, asOf, birth, age, sex, end, smoking, heightCm, bmi, comorbid, chart };

  addComorbidities(c);
  addSmokingHistory(c, kol ? 0.95 : lrs ? 0.6 : age >= 40 ? 0.45 : 0.3, kol);

  let kolState: KolState | undefined;
  if (kol) kolState = addKol(c);
  let lrsState: LrsState | undefined;
  if (lrs) lrsState = addLrs(c, forced.lrsForcedOnset);

  if (!kol && age >= 18) {
    const p = lrs ? 0.5 : comorbid.size > 0 ? 0.6 : 0.25;
    if (rng.chance(p)) {
      const n = rng.int(1, 3);
      for (let i = 0; i < n; i++) addBodyMeasurement(c, within(c, end - 3 * 365, end));
    }
    // Case-finding spirometry in smokers 40+: mostly normal, a few obstructive without a KOL diagnosis.
    if (age >= 40 && (smoking === 'current' || smoking === 'former')) {
      if (rng.chance(0.05)) pushSpirometry(c, within(c, end - 4 * 365, end), rng.int(80, 115), rng.float(0.72, 0.86));
      else if (rng.chance(0.01)) pushSpirometry(c, within(c, end - 4 * 365, end), rng.int(55, 85), rng.float(0.55, 0.685));
    }
    if (comorbid.has('R96') && rng.chance(0.3)) pushSpirometry(c, within(c, end - 5 * 365, end), rng.int(75, 110), rng.float(0.7, 0.9));
    if (age >= 65) addVaccinations(c, 0.55, 0.2, 0.5);
  }

  if (kolState !== undefined) addNeedsAndLevel(c, 'KOL', kolState.dx, kolState.gold >= 3 || (kolState.latestMrc ?? 0) >= 4);
  if (lrsState !== undefined) addNeedsAndLevel(c, 'LRS', lrsState.currentOnset, lrsState.risk === 'high');
  if (edge !== undefined) applyEdge(c, edge);

  // Assemble in the schema's key order; empty lists are left out (they default to []).
  const patient: Input['patient'] = cpr === undefined ? { birthDate: birthIso, sex, listed } : { cpr, birthDate: birthIso, sex, listed };
  if (deceased !== undefined) patient.deceasedDate = iso(deceased);
  const record: Input = { schemaVersion: 1, id, synthetic: true, patient };
  const ch = c.chart;
  if (ch.diagnoses.length > 0) record.diagnoses = ch.diagnoses;
  if (ch.spirometry.length > 0) record.spirometry = ch.spirometry;
  if (ch.mrc.length > 0) record.mrc = ch.mrc;
  if (ch.cat.length > 0) record.cat = ch.cat;
  if (ch.exacerbations.length > 0) record.exacerbations = ch.exacerbations;
  if (ch.admissions.length > 0) record.admissions = ch.admissions;
  if (ch.smoking.length > 0) record.smoking = ch.smoking;
  if (ch.bodyMeasurements.length > 0) record.bodyMeasurements = ch.bodyMeasurements;
  if (ch.vaccinations.length > 0) record.vaccinations = ch.vaccinations;
  if (ch.inhalerChecks.length > 0) record.inhalerChecks = ch.inhalerChecks;
  if (ch.backPainEpisodes.length > 0) record.backPainEpisodes = ch.backPainEpisodes;
  if (ch.redFlags.length > 0) record.redFlags = ch.redFlags;
  if (ch.imaging.length > 0) record.imaging = ch.imaging;
  if (ch.workStatus.length > 0) record.workStatus = ch.workStatus;
  if (ch.sickLeave.length > 0) record.sickLeave = ch.sickLeave;
  if (ch.questionnaires.length > 0) record.questionnaires = ch.questionnaires;
  if (ch.encounters.length > 0) record.encounters = ch.encounters;
  if (ch.referrals.length > 0) record.referrals = ch.referrals;
  if (ch.packageDecisions.length > 0) record.packageDecisions = ch.packageDecisions;
  if (ch.needsAssessments.length > 0) record.needsAssessments = ch.needsAssessments;
  if (ch.levelDecisions.length > 0) record.levelDecisions = ch.levelDecisions;
  if (ch.sharedPlans.length > 0) record.sharedPlans = ch.sharedPlans;
  return record;
}

// ---------------------------------------------------------------------------
// Public API

function checkClinicOptions(options: ClinicOptions): DayNumber {
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) throw new RangeError('seed must be a non-negative safe integer');
  if (!Number.isSafeInteger(options.size) || options.size < 0) throw new RangeError('size must be a non-negative safe integer');
  return parseDay(options.asOf);
}

/**
 * One synthetic patient record.
 *
 * @param rng - the random source (e.g. `createRng(seed, n)`); consumed
 * @param options - `asOf`, the id, and optionally an edge case to plant
 * @returns a `PatientRecordInput` with `synthetic: true` that passes
 *   `parsePatientRecord(record, { asOf })`
 * @example
 * ```ts
 * const record = generatePatient(createRng(1, 0), { asOf: '2027-01-15', id: 'syn-1-1' });
 * ```
 */
export function generatePatient(rng: Rng, options: PatientOptions): PatientRecordInput {
  return buildPatient(rng, parseDay(options.asOf), options.id, options.edgeCase);
}

/** Where the guaranteed edge cases go: one of each kind, spread over the first 2,000 patients. */
function edgePositions(size: number): ReadonlyMap<number, EdgeCaseKind> {
  const positions = new Map<number, EdgeCaseKind>();
  if (size < EDGE_CASES_GUARANTEED_FROM) return positions;
  const span = Math.min(size, 2000);
  const k = EDGE_CASE_KINDS.length;
  EDGE_CASE_KINDS.forEach((kind, i) => positions.set(Math.floor(((2 * i + 1) * span) / (2 * k)), kind));
  return positions;
}

/**
 * The patients of a synthetic clinic, one at a time: suitable for 100,000
 * or 1,000,000 records without holding them in memory. Patient `n`
 * (1-based) has id `syn-<seed>-<n>` plus `-edge-<kind>` for planted edge
 * cases, and is drawn from its own stream `createRng(seed, n - 1)`.
 *
 * @param options - seed, size, asOf, and whether to plant edge cases
 * @returns a generator of `PatientRecordInput`
 * @example
 * ```ts
 * for (const record of generateRecords({ seed: 2027, size: 100_000, asOf: '2027-01-15' })) use(record);
 * ```
 */
export function* generateRecords(options: ClinicOptions): Generator<PatientRecordInput, void, undefined> {
  const asOf = checkClinicOptions(options);
  const plant = options.edgeCases ?? true;
  const positions = plant ? edgePositions(options.size) : new Map<number, EdgeCaseKind>();
  for (let i = 0; i < options.size; i++) {
    const rng = new Rng(options.seed, i);
    // The first draw decides a random edge case, so every patient consumes it.
    const roll = rng.next();
    let edge = positions.get(i);
    if (edge === undefined && plant && roll < EDGE_CASE_RANDOM_SHARE) {
      edge = EDGE_CASE_KINDS[Math.floor((roll / EDGE_CASE_RANDOM_SHARE) * EDGE_CASE_KINDS.length)];
    }
    const id = `syn-${options.seed}-${i + 1}${edge === undefined ? '' : edgeCaseSuffix(edge)}`;
    yield buildPatient(rng, asOf, id, edge);
  }
}

/**
 * A whole synthetic clinic as an array (for small sizes; use
 * {@link generateRecords} for large ones).
 *
 * @example
 * ```ts
 * const clinic = generateClinic({ seed: 2027, size: 500, asOf: '2027-01-15' });
 * ```
 */
export function generateClinic(options: ClinicOptions): PatientRecordInput[] {
  return Array.from(generateRecords(options));
}

/**
 * The clinic as NDJSON: one JSON record per line, each line ending in
 * `\n` (so joining the lines gives the file). No header line; every record
 * has `synthetic: true`.
 *
 * @example
 * ```ts
 * const text = [...generateClinicNdjson({ seed: 2027, size: 500, asOf: '2027-01-15' })].join('');
 * ```
 */
export function* generateClinicNdjson(options: ClinicOptions): Generator<string, void, undefined> {
  for (const record of generateRecords(options)) yield `${JSON.stringify(record)}\n`;
}
