/**
 * The rates and distributions behind the synthetic clinic. Every figure is a
 * rounded approximation chosen to make test data look like a Danish GP list;
 * none is a statistic to quote. Sources named are where the order of
 * magnitude comes from.
 *
 * @module
 */
import { WeightedTable } from './rng';

/**
 * Age bands of a Danish GP list by 5-year band, weights in per mille of the
 * population (rounded from Statistics Denmark's FOLK1A population pyramid,
 * around 2024; 65+ about 20 %). Band [from, to] inclusive, years at `asOf`.
 */
export const AGE_BANDS: readonly (readonly [from: number, to: number, weight: number])[] = [
  [0, 4, 51],
  [5, 9, 53],
  [10, 14, 57],
  [15, 19, 58],
  [20, 24, 64],
  [25, 29, 70],
  [30, 34, 64],
  [35, 39, 59],
  [40, 44, 58],
  [45, 49, 65],
  [50, 54, 70],
  [55, 59, 69],
  [60, 64, 60],
  [65, 69, 55],
  [70, 74, 54],
  [75, 79, 48],
  [80, 84, 29],
  [85, 89, 14],
  [90, 94, 6],
  [95, 100, 1.3],
];

export const AGE_BAND_TABLE = new WeightedTable(AGE_BANDS.map((b) => [b, b[2]] as const));

/** Share of women by age: about 50/50 overall, more women among the oldest (they live longer). */
export function femaleShare(age: number): number {
  if (age < 70) return 0.5;
  if (age < 80) return 0.53;
  if (age < 90) return 0.6;
  return 0.7;
}

/** Share of records carrying a CPR number (the rest come from pseudonymised integrations). */
export const CPR_PRESENT_SHARE = 0.9;
/** Among records without CPR, the share with administrative sex `unknown`. */
export const UNKNOWN_SEX_SHARE_WITHOUT_CPR = 0.01;
/** Share of patients no longer on the list (moved, changed GP): about 2 %. */
export const NOT_LISTED_SHARE = 0.02;

/**
 * Annual mortality by age (rounded from Statistics Denmark's life tables).
 * Half of it is used as the chance of a deceased record still being in the
 * extract, giving about 0.5 % deceased overall.
 */
export function annualMortality(age: number): number {
  if (age < 1) return 0.003;
  if (age < 45) return 0.0006;
  if (age < 65) return 0.004;
  if (age < 75) return 0.015;
  if (age < 85) return 0.045;
  return 0.14;
}

export type SmokingLifetime = 'current' | 'former' | 'never';

/**
 * Smoking among adults (rounded from the Danish Health Authority's
 * "Danskernes rygevaner" surveys: roughly 15 % smoke, 30 % used to).
 */
export function smokingWeights(age: number): readonly [current: number, former: number, never: number] {
  if (age < 25) return [0.13, 0.07, 0.8];
  if (age < 45) return [0.16, 0.2, 0.64];
  if (age < 65) return [0.17, 0.33, 0.5];
  return [0.12, 0.45, 0.43];
}

/** Relative KOL risk by smoking (active and former smokers carry most of it). */
export const KOL_SMOKING_FACTOR: Readonly<Record<SmokingLifetime, number>> = { current: 2.2, former: 1.6, never: 0.25 };

/**
 * Diagnosed KOL prevalence by age before the smoking factor (approximately
 * the DrKOL / Danish Lung Association picture: under 1 % before 50, about
 * 6-8 % from 65; about 1.5-2 % of a whole list).
 */
export function kolPrevalence(age: number): number {
  if (age < 35) return 0;
  if (age < 40) return 0.0005;
  if (age < 50) return 0.003;
  if (age < 60) return 0.012;
  if (age < 65) return 0.027;
  if (age < 75) return 0.06;
  if (age < 85) return 0.08;
  return 0.065;
}

/**
 * Persistent or recurrent low back pain recorded in general practice, by
 * age (adults only): about 5-8 % of adults on the list (rounded from the
 * Danish Health Authority's NKR 2016 and the National Health Profile).
 */
export function lrsPrevalence(age: number): number {
  if (age < 18) return 0;
  if (age < 30) return 0.035;
  if (age < 40) return 0.055;
  if (age < 50) return 0.075;
  if (age < 65) return 0.085;
  if (age < 80) return 0.07;
  return 0.05;
}

/** GOLD spirometric grade 1-4 among diagnosed KOL (more in 2-3; rounded from DrKOL). */
export const GOLD_TABLE = new WeightedTable<1 | 2 | 3 | 4>([
  [1, 0.17],
  [2, 0.45],
  [3, 0.28],
  [4, 0.1],
]);

/** FEV1 % predicted range [min, max] for each GOLD grade (integers). */
export const GOLD_FEV1PP: Readonly<Record<1 | 2 | 3 | 4, readonly [number, number]>> = {
  1: [80, 105],
  2: [50, 79],
  3: [30, 49],
  4: [15, 29],
};

/** Mean post-bronchodilator FEV1/FVC by GOLD grade (sd 0.06, capped below 0.70). */
export const GOLD_RATIO_MEAN: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 0.63, 2: 0.57, 3: 0.48, 4: 0.38 };

/** Danish MRC 1-5 by GOLD grade: breathlessness rises with severity. */
export const MRC_BY_GOLD: Readonly<Record<1 | 2 | 3 | 4, WeightedTable<1 | 2 | 3 | 4 | 5>>> = {
  1: new WeightedTable<1 | 2 | 3 | 4 | 5>([[1, 35], [2, 40], [3, 19], [4, 5], [5, 1]]),
  2: new WeightedTable<1 | 2 | 3 | 4 | 5>([[1, 15], [2, 38], [3, 30], [4, 13], [5, 4]]),
  3: new WeightedTable<1 | 2 | 3 | 4 | 5>([[1, 5], [2, 22], [3, 35], [4, 27], [5, 11]]),
  4: new WeightedTable<1 | 2 | 3 | 4 | 5>([[1, 1], [2, 9], [3, 28], [4, 35], [5, 27]]),
};

/** Mean CAT total (sd 6) by GOLD grade. */
export const CAT_MEAN_BY_GOLD: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 10, 2: 15, 3: 20, 4: 25 };

/** Yearly rates of moderate and hospitalised exacerbations by GOLD grade (GOLD report; rounded). */
export const EXACERBATION_RATES: Readonly<Record<1 | 2 | 3 | 4, readonly [moderate: number, hospitalised: number]>> = {
  1: [0.3, 0.04],
  2: [0.5, 0.1],
  3: [0.9, 0.25],
  4: [1.4, 0.45],
};

/**
 * Comorbidity prevalence by age (rounded from the Danish chronic-disease
 * registers, RUKS). Factor `kol` multiplies the rate for KOL patients.
 */
export interface ComorbidityRate {
  readonly code: string;
  readonly rate: (age: number, sex: 'female' | 'male' | 'unknown') => number;
  readonly kolFactor: number;
  /** Share of entries recorded as resolved (episodic conditions). */
  readonly resolvedShare: number;
  /** Youngest age at which it is recorded. */
  readonly minAge: number;
}

export const COMORBIDITIES: readonly ComorbidityRate[] = [
  {
    code: 'T90', // diabetes type 2: about 5 % of adults, 15 % of the oldest
    rate: (a) => (a < 30 ? 0.003 : a < 40 ? 0.01 : a < 50 ? 0.03 : a < 60 ? 0.06 : a < 70 ? 0.1 : a < 80 ? 0.14 : 0.14),
    kolFactor: 1.3,
    resolvedShare: 0,
    minAge: 20,
  },
  {
    code: 'K77', // heart failure: about 1-2 % overall, 5-10 % of 75+
    rate: (a) => (a < 50 ? 0.001 : a < 65 ? 0.01 : a < 75 ? 0.03 : a < 85 ? 0.07 : 0.1),
    kolFactor: 2,
    resolvedShare: 0,
    minAge: 30,
  },
  {
    code: 'K78', // atrial fibrillation: about 2-3 % overall, 10-15 % of 75+
    rate: (a) => (a < 50 ? 0.002 : a < 65 ? 0.015 : a < 75 ? 0.05 : a < 85 ? 0.1 : 0.15),
    kolFactor: 1.5,
    resolvedShare: 0.05,
    minAge: 30,
  },
  {
    code: 'P76', // depression: about 5 % of adults
    rate: (a) => (a < 16 ? 0 : a < 65 ? 0.055 : 0.045),
    kolFactor: 1.6,
    resolvedShare: 0.25,
    minAge: 16,
  },
  {
    code: 'P74', // anxiety: about 3 % of adults
    rate: (a) => (a < 16 ? 0 : a < 65 ? 0.035 : 0.02),
    kolFactor: 1.5,
    resolvedShare: 0.3,
    minAge: 16,
  },
  {
    code: 'R96', // asthma: about 6 % of the population, children included
    rate: (a) => (a < 3 ? 0.01 : a < 18 ? 0.06 : 0.06),
    kolFactor: 1.5,
    resolvedShare: 0.1,
    minAge: 1,
  },
  {
    code: 'L95', // osteoporosis: mostly older women
    rate: (a, s) => (a < 50 ? 0.002 : s === 'male' ? (a < 70 ? 0.01 : 0.04) : a < 60 ? 0.03 : a < 70 ? 0.08 : a < 80 ? 0.15 : 0.22),
    kolFactor: 1.6,
    resolvedShare: 0,
    minAge: 30,
  },
];

/** Adult height (cm) mean and sd by sex (Danish conscript and DNHS data, rounded). */
export const HEIGHT_CM: Readonly<Record<'female' | 'male' | 'unknown', readonly [mean: number, sd: number]>> = {
  female: [167, 6.5],
  male: [180.5, 7],
  unknown: [173.5, 9],
};

/**
 * Predicted FEV1 and FVC in litres (ECSC/ERS 1993 reference equations,
 * Quanjer et al.; height in metres, age in years). Good enough for test
 * data; real spirometers use GLI-2012.
 */
export function predictedSpirometry(sex: 'female' | 'male' | 'unknown', heightM: number, age: number): readonly [fev1: number, fvc: number] {
  const a = Math.max(age, 25);
  let fev1: number;
  let fvc: number;
  if (sex === 'male') {
    fev1 = 4.3 * heightM - 0.029 * a - 2.49;
    fvc = 5.76 * heightM - 0.026 * a - 4.34;
  } else if (sex === 'female') {
    fev1 = 3.95 * heightM - 0.025 * a - 2.6;
    fvc = 4.43 * heightM - 0.026 * a - 2.89;
  } else {
    fev1 = 4.12 * heightM - 0.027 * a - 2.55;
    fvc = 5.1 * heightM - 0.026 * a - 3.6;
  }
  return [Math.max(fev1, 0.9), Math.max(fvc, 1.3)];
}

/** Where a referral stands (most are done or under way). */
export const REFERRAL_STATUS_TABLE = new WeightedTable([
  ['completed', 40],
  ['accepted', 20],
  ['sent', 20],
  ['declined', 8],
  ['planned', 7],
  ['cancelled', 5],
] as const);

/** STarT Back risk group among LRS patients (Hill et al. 2011 primary care cohort, rounded). */
export const START_BACK_RISK_TABLE = new WeightedTable([
  ['low', 40],
  ['medium', 38],
  ['high', 22],
] as const);

/** The Single Item Literacy Screener, 1 (never needs help reading) to 5 (always). */
export const SILS_TABLE = new WeightedTable<number>([
  [1, 60],
  [2, 20],
  [3, 10],
  [4, 6],
  [5, 4],
]);
