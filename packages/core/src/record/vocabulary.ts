/**
 * The closed vocabularies of the clinical record: which kinds of encounter,
 * referral, red flag, ... the SDK understands. Each list is data, exported
 * so that integrators can map their own codes onto it and rule packs can
 * refer to it.
 *
 * @module
 */

/** The two chronic-care packages (kronikerpakker) the SDK runs. */
export const PACKAGES = ['KOL', 'LRS'] as const;
/** `KOL` (kronisk obstruktiv lungesygdom, COPD) or `LRS` (lænderygsmerter, low back pain). */
export type PackageId = (typeof PACKAGES)[number];

/** Administrative sex as the LPS records it. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** Administrative sex as the LPS records it. */
export type Sex = (typeof SEXES)[number];

/** Code systems accepted on the problem list. `SKS` is read as ICD-10 in SKS form (`DJ449`). */
export const DIAGNOSIS_INPUT_SYSTEMS = ['ICPC-2', 'ICD-10', 'SKS'] as const;
/** Code systems of a diagnosis after normalisation: SKS diagnosis codes become dotted ICD-10. */
export const DIAGNOSIS_SYSTEMS = ['ICPC-2', 'ICD-10'] as const;
/** A diagnosis code system after normalisation. */
export type DiagnosisSystem = (typeof DIAGNOSIS_SYSTEMS)[number];

/** Whether a problem-list entry is current. */
export const DIAGNOSIS_STATUSES = ['active', 'resolved'] as const;
/** Whether a problem-list entry is current. */
export type DiagnosisStatus = (typeof DIAGNOSIS_STATUSES)[number];

/**
 * Exacerbation severity as GOLD counts it: `moderate` (treated with
 * antibiotics and/or oral steroids) or `hospitalised` (leading to admission).
 */
export const EXACERBATION_SEVERITIES = ['moderate', 'hospitalised'] as const;
/** Exacerbation severity as GOLD counts it. */
export type ExacerbationSeverity = (typeof EXACERBATION_SEVERITIES)[number];

/** What a hospital admission was for, as far as the packages care. */
export const ADMISSION_CAUSES = ['KOL', 'LRS', 'other'] as const;
/** What a hospital admission was for. */
export type AdmissionCause = (typeof ADMISSION_CAUSES)[number];

/** Smoking status (MedCom MCS88011 records the same three states). */
export const SMOKING_STATUSES = ['current', 'former', 'never'] as const;
/** Smoking status. */
export type SmokingStatus = (typeof SMOKING_STATUSES)[number];

/** Vaccines the KOL package reminds about, plus `other` with a code. */
export const VACCINES = ['influenza', 'pneumococcal', 'covid-19', 'pertussis', 'other'] as const;
/** A vaccine kind. */
export type Vaccine = (typeof VACCINES)[number];

/** Outcome of an inhaler-technique check. */
export const INHALER_CHECK_RESULTS = ['correct', 'corrected', 'incorrect'] as const;
/** Outcome of an inhaler-technique check. */
export type InhalerCheckResult = (typeof INHALER_CHECK_RESULTS)[number];

/**
 * Red-flag categories for low back pain (Lægehåndbogen; NKR 2016): what a
 * warning sign may point to. Whether a recorded sign needs urgent action (and
 * takes the patient out of the LRS package's usual path) or is a risk factor
 * that is only shown is decided by the LRS rule packs, not here.
 */
export const RED_FLAG_CATEGORIES = [
  'cauda-equina',
  'malignancy',
  'infection',
  'fracture',
  'inflammatory',
  'neurological-deficit',
] as const;
/** A red-flag category. */
export type RedFlagCategory = (typeof RED_FLAG_CATEGORIES)[number];

/**
 * The individual warning signs and risk factors of low back pain, and the
 * category each points to (sundhed.dk Lægehåndbogen; NKR for
 * lænderygsmerter, SST 2016). `trauma` is significant trauma (a fall from a
 * height, a traffic accident); `neurological-deficit` is any objective deficit
 * (such as a radicular one), `progressive-neurological-deficit` one that is
 * progressive or severe. The LRS packs say which signs are urgent alone,
 * which only in combination, and which are risk factors.
 */
export const RED_FLAGS = {
  'bladder-bowel-dysfunction': 'cauda-equina',
  'saddle-anaesthesia': 'cauda-equina',
  'previous-cancer': 'malignancy',
  'unexplained-weight-loss': 'malignancy',
  'constant-or-night-pain': 'malignancy',
  fever: 'infection',
  immunosuppression: 'infection',
  'iv-drug-use': 'infection',
  trauma: 'fracture',
  osteoporosis: 'fracture',
  'long-term-steroids': 'fracture',
  'high-age': 'fracture',
  'inflammatory-disease-suspected': 'inflammatory',
  'neurological-deficit': 'neurological-deficit',
  'progressive-neurological-deficit': 'neurological-deficit',
} as const satisfies Record<string, RedFlagCategory>;
/** One red flag. */
export type RedFlagCode = keyof typeof RED_FLAGS;
/** All red-flag codes, in the order of {@link RED_FLAGS}. */
export const RED_FLAG_CODES = Object.keys(RED_FLAGS) as readonly RedFlagCode[];

/**
 * A red flag's recorded state: `present` (suspected now), `absent` (asked
 * and not there) or `cleared` (was present, assessed by the clinician and
 * judged not to need action). Only `present` counts; the LRS packs decide
 * what a present sign means.
 */
export const RED_FLAG_STATUSES = ['present', 'absent', 'cleared'] as const;
/** A red flag's recorded state. */
export type RedFlagStatus = (typeof RED_FLAG_STATUSES)[number];

/** Imaging modalities (DXA is here too: the KOL package asks about it). */
export const IMAGING_MODALITIES = ['x-ray', 'ct', 'mri', 'dxa', 'other'] as const;
/** An imaging modality. */
export type ImagingModality = (typeof IMAGING_MODALITIES)[number];

/** Body region of an imaging study. */
export const IMAGING_REGIONS = ['lumbar-spine', 'thoracic-spine', 'whole-spine', 'hip', 'chest', 'other'] as const;
/** Body region of an imaging study. */
export type ImagingRegion = (typeof IMAGING_REGIONS)[number];

/** Whether an imaging study was only requested or has been performed. */
export const IMAGING_STATUSES = ['requested', 'performed'] as const;
/** Imaging status. */
export type ImagingStatus = (typeof IMAGING_STATUSES)[number];

/** Work status (no Danish package definition exists; these are the SDK's). */
export const WORK_STATUSES = ['employed', 'self-employed', 'unemployed', 'student', 'retired', 'other'] as const;
/** Work status. */
export type WorkStatus = (typeof WORK_STATUSES)[number];

/** Extent of a sick leave. */
export const SICK_LEAVE_EXTENTS = ['full', 'partial'] as const;
/** Extent of a sick leave. */
export type SickLeaveExtent = (typeof SICK_LEAVE_EXTENTS)[number];

/**
 * The PRO instruments the packages use (scored by `@kronikerpakker/pro`).
 * `MRC` is the Danish 1-5 scale (MCS88021), not GOLD's mMRC 0-4.
 */
export const INSTRUMENTS = ['CAT', 'MRC', 'STarT-Back', 'ODI', 'RMDQ', 'NRS-pain', 'SILS', 'EQ-5D-5L', 'FABQ', 'OMPSQ-10'] as const;
/** A PRO instrument id. */
export type InstrumentId = (typeof INSTRUMENTS)[number];

/**
 * Kinds of encounter the packages track: `aarsstatus` (the yearly review,
 * formerly årskontrol), `follow-up` (a planned follow-up consultation of the
 * package) and `other`.
 */
export const ENCOUNTER_TYPES = ['aarsstatus', 'follow-up', 'other'] as const;
/** A kind of encounter. */
export type EncounterType = (typeof ENCOUNTER_TYPES)[number];

/** Referral kinds that the packages' rules look for. */
export const REFERRAL_TYPES = [
  'municipal-rehabilitation',
  'physiotherapy',
  'psychologically-informed-physiotherapy',
  'multidisciplinary-assessment',
  'specialist-pulmonology',
  'specialist-spine',
  'smoking-cessation',
  'dxa',
  'psychologist',
  'other',
] as const;
/** A referral kind. */
export type ReferralType = (typeof REFERRAL_TYPES)[number];

/** Where a referral stands. */
export const REFERRAL_STATUSES = ['planned', 'sent', 'accepted', 'completed', 'declined', 'cancelled'] as const;
/** Where a referral stands. */
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * Package decisions the clinic has recorded: `included` in the package,
 * `declined` by the patient (fravalg), `followed-in-hospital` for this
 * condition, or `ended`.
 */
export const PACKAGE_DECISIONS = ['included', 'declined', 'followed-in-hospital', 'ended'] as const;
/** A recorded package decision. */
export type PackageDecision = (typeof PACKAGE_DECISIONS)[number];

/** Self-management capacity as judged by the clinician (needs assessment). */
export const SELF_MANAGEMENT_LEVELS = ['good', 'partial', 'poor'] as const;
/** Self-management capacity. */
export type SelfManagementLevel = (typeof SELF_MANAGEMENT_LEVELS)[number];

/** The patient's motivation as recorded by the clinician; shown in the plan, never moves the level. */
export const MOTIVATION_LEVELS = ['high', 'moderate', 'low'] as const;
/** Recorded motivation. */
export type MotivationLevel = (typeof MOTIVATION_LEVELS)[number];

/** Differentiation levels 1, 2, 3. */
export const LEVELS = [1, 2, 3] as const;
/** A differentiation level. */
export type Level = (typeof LEVELS)[number];
