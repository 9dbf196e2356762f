/**
 * The clinical record (`PatientRecord`): a dated snapshot of what an LPS knows
 * about one patient, typed by meaning. The zod schemas here are the single
 * source of truth; the TypeScript types are inferred from them.
 *
 * Parsing normalises as it validates: ICD-10 codes in SKS form (`DJ449`)
 * become dotted ICD-10 (`J44.9`); a missing FEV1/FVC ratio is derived; a
 * missing BMI is derived from weight and height; CAT item answers give the
 * total; every list is present (empty when absent) and sorted by date,
 * oldest first.
 *
 * @module
 */
import { z } from 'zod';
import { classifyPersonIdentifier, safeParseCpr } from '../cpr/cpr';
import { safeNormaliseIcd10 } from '../codes/icd10';
import { safeNormaliseIcpc2 } from '../codes/icpc2';
import { isIsoDate } from '../time/iso-date';
import type { RecordIssueCode } from '../errors/errors';
import {
  ADMISSION_CAUSES,
  DIAGNOSIS_INPUT_SYSTEMS,
  DIAGNOSIS_STATUSES,
  ENCOUNTER_TYPES,
  EXACERBATION_SEVERITIES,
  IMAGING_MODALITIES,
  IMAGING_REGIONS,
  IMAGING_STATUSES,
  INHALER_CHECK_RESULTS,
  INSTRUMENTS,
  MOTIVATION_LEVELS,
  PACKAGE_DECISIONS,
  PACKAGES,
  RED_FLAG_CODES,
  RED_FLAG_STATUSES,
  REFERRAL_STATUSES,
  REFERRAL_TYPES,
  SELF_MANAGEMENT_LEVELS,
  SEXES,
  SICK_LEAVE_EXTENTS,
  SMOKING_STATUSES,
  VACCINES,
  WORK_STATUSES,
} from './vocabulary';
import type { DiagnosisSystem, RedFlagCode } from './vocabulary';

/** The version of the record schema. A record may state it; other values are rejected. */
export const RECORD_SCHEMA_VERSION = 1;

/** How parsing treats fields the schema does not know. */
export type UnknownFieldPolicy = 'reject' | 'strip';

/** Attaches one of our issue codes to a custom zod issue. */
function issue(code: RecordIssueCode): { params: { kp: RecordIssueCode } } {
  return { params: { kp: code } };
}

const ISO_DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` that exists. */
const isoDate = z
  .string()
  .regex(ISO_DATE_FORM, { abort: true })
  .refine((v) => isIsoDate(v), issue('invalid-date'));

const positive = (max: number) => z.number().positive().max(max);

type ObjectFactory = typeof z.strictObject;

function buildSchemas(object: ObjectFactory) {
  const patient = object({
    cpr: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        const parsed = safeParseCpr(v);
        if (parsed.success) return parsed.data.cpr;
        const kind = classifyPersonIdentifier(v);
        ctx.addIssue({ code: 'custom', ...issue(kind === 'x-ecpr' || kind === 'd-ecpr' ? 'replacement-number' : 'invalid-format') });
        return z.NEVER;
      }),
    birthDate: isoDate,
    sex: z.enum(SEXES),
    listed: z.boolean(),
    deceasedDate: isoDate.optional(),
  });

  const diagnosis = object({
    system: z.enum(DIAGNOSIS_INPUT_SYSTEMS),
    code: z.string().min(1).max(16),
    status: z.enum(DIAGNOSIS_STATUSES),
    onsetDate: isoDate.optional(),
    recordedDate: isoDate,
    resolvedDate: isoDate.optional(),
  }).transform((d, ctx) => {
    let system: DiagnosisSystem;
    let code: string | undefined;
    if (d.system === 'ICPC-2') {
      system = 'ICPC-2';
      code = safeNormaliseIcpc2(d.code);
    } else {
      system = 'ICD-10';
      // SKS diagnosis codes are ICD-10 with a leading D (DJ449); other SKS classifications are not diagnoses.
      const raw = d.code.trim();
      code = d.system === 'SKS' ? (/^d/i.test(raw) ? safeNormaliseIcd10(raw.slice(1)) : undefined) : safeNormaliseIcd10(raw);
    }
    if (code === undefined) {
      ctx.addIssue({ code: 'custom', path: ['code'], ...issue('invalid-format') });
      return z.NEVER;
    }
    return { ...d, system, code };
  });

  const spirometry = object({
    date: isoDate,
    fev1L: positive(10).optional(),
    fvcL: positive(12).optional(),
    ratio: z.number().positive().max(1).optional(),
    fev1PercentPredicted: positive(250).optional(),
    postBronchodilator: z.boolean(),
  }).transform((s, ctx) => {
    let ratio = s.ratio;
    let ratioSource: 'given' | 'derived' = 'given';
    if (s.fev1L !== undefined && s.fvcL !== undefined && s.fev1L > s.fvcL) {
      ctx.addIssue({ code: 'custom', path: ['fev1L'], ...issue('inconsistent') });
      return z.NEVER;
    }
    if (ratio === undefined) {
      if (s.fev1L === undefined || s.fvcL === undefined) {
        ctx.addIssue({ code: 'custom', path: ['ratio'], ...issue('required') });
        return z.NEVER;
      }
      ratio = Math.round((s.fev1L / s.fvcL) * 1000) / 1000;
      ratioSource = 'derived';
    }
    return { ...s, ratio, ratioSource };
  });

  const mrc = object({ date: isoDate, grade: z.number().int().min(1).max(5) });

  const cat = object({
    date: isoDate,
    total: z.number().int().min(0).max(40).optional(),
    items: z.array(z.number().int().min(0).max(5)).length(8).optional(),
  }).transform((c, ctx) => {
    const fromItems = c.items?.reduce((a, b) => a + b, 0);
    if (c.total === undefined && fromItems === undefined) {
      ctx.addIssue({ code: 'custom', path: ['total'], ...issue('required') });
      return z.NEVER;
    }
    if (c.total !== undefined && fromItems !== undefined && c.total !== fromItems) {
      ctx.addIssue({ code: 'custom', path: ['total'], ...issue('inconsistent') });
      return z.NEVER;
    }
    return { ...c, total: c.total ?? fromItems ?? 0 };
  });

  const exacerbation = object({ date: isoDate, severity: z.enum(EXACERBATION_SEVERITIES) });
  const admission = object({ date: isoDate, endDate: isoDate.optional(), cause: z.enum(ADMISSION_CAUSES) });
  const smoking = object({
    date: isoDate,
    status: z.enum(SMOKING_STATUSES),
    packYears: z.number().min(0).max(300).optional(),
  });

  const bodyMeasurement = object({
    date: isoDate,
    weightKg: positive(500).optional(),
    heightCm: z.number().min(30).max(260).optional(),
    bmi: positive(150).optional(),
  }).transform((b, ctx) => {
    if (b.weightKg === undefined && b.heightCm === undefined && b.bmi === undefined) {
      ctx.addIssue({ code: 'custom', path: ['weightKg'], ...issue('required') });
      return z.NEVER;
    }
    if (b.bmi === undefined && b.weightKg !== undefined && b.heightCm !== undefined) {
      const m = b.heightCm / 100;
      return { ...b, bmi: Math.round((b.weightKg / (m * m)) * 10) / 10, bmiSource: 'derived' as const };
    }
    return { ...b, ...(b.bmi === undefined ? {} : { bmiSource: 'given' as const }) };
  });

  const codeRef = object({ system: z.string().min(1).max(100), code: z.string().min(1).max(64) });

  const vaccination = object({ date: isoDate, vaccine: z.enum(VACCINES), code: codeRef.optional() });
  const inhalerCheck = object({ date: isoDate, result: z.enum(INHALER_CHECK_RESULTS) });

  const backPainEpisode = object({ onsetDate: isoDate, endDate: isoDate.optional() });
  const redFlag = object({
    date: isoDate,
    flag: z.enum(RED_FLAG_CODES as unknown as [RedFlagCode, ...RedFlagCode[]]),
    status: z.enum(RED_FLAG_STATUSES),
  });
  const imaging = object({
    date: isoDate,
    modality: z.enum(IMAGING_MODALITIES),
    region: z.enum(IMAGING_REGIONS),
    status: z.enum(IMAGING_STATUSES),
  });
  const workStatus = object({
    date: isoDate,
    status: z.enum(WORK_STATUSES),
    jobAtRisk: z.boolean().optional(),
  });
  const sickLeave = object({
    startDate: isoDate,
    endDate: isoDate.optional(),
    extent: z.enum(SICK_LEAVE_EXTENTS),
    backPainRelated: z.boolean().optional(),
  });

  const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
  const questionnaire = object({
    date: isoDate,
    instrument: z.enum(INSTRUMENTS),
    version: z.string().min(1).max(32),
    answers: z.record(z.string().regex(ITEM_ID), z.number().nullable()),
  });

  const encounter = object({
    date: isoDate,
    type: z.enum(ENCOUNTER_TYPES),
    package: z.enum(PACKAGES).optional(),
  });
  const referral = object({
    date: isoDate,
    type: z.enum(REFERRAL_TYPES),
    status: z.enum(REFERRAL_STATUSES),
    package: z.enum(PACKAGES).optional(),
  });
  const packageDecision = object({
    date: isoDate,
    package: z.enum(PACKAGES),
    decision: z.enum(PACKAGE_DECISIONS),
  });
  const needsAssessment = object({
    date: isoDate,
    package: z.enum(PACKAGES).optional(),
    mentalHealthScreenPositive: z.boolean().optional(),
    livesAloneWithoutNetwork: z.boolean().optional(),
    caregiverBurden: z.boolean().optional(),
    languageBarrier: z.boolean().optional(),
    substanceAbuse: z.boolean().optional(),
    selfManagement: z.enum(SELF_MANAGEMENT_LEVELS).optional(),
    jobAtRisk: z.boolean().optional(),
    complexCourse: z.boolean().optional(),
    motivation: z.enum(MOTIVATION_LEVELS).optional(),
  });
  const levelDecision = object({
    date: isoDate,
    package: z.enum(PACKAGES),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    reason: z.string().trim().min(1).max(1000),
  });

  const sharedPlan = object({
    date: isoDate,
    package: z.enum(PACKAGES),
    documentId: z.string().min(1).max(128).optional(),
  });

  const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

  const record = object({
    schemaVersion: z.literal(RECORD_SCHEMA_VERSION).default(RECORD_SCHEMA_VERSION),
    id: z.string().min(1).max(128),
    synthetic: z.boolean().optional(),
    patient,
    diagnoses: list(diagnosis),
    spirometry: list(spirometry),
    mrc: list(mrc),
    cat: list(cat),
    exacerbations: list(exacerbation),
    admissions: list(admission),
    smoking: list(smoking),
    bodyMeasurements: list(bodyMeasurement),
    vaccinations: list(vaccination),
    inhalerChecks: list(inhalerCheck),
    backPainEpisodes: list(backPainEpisode),
    redFlags: list(redFlag),
    imaging: list(imaging),
    workStatus: list(workStatus),
    sickLeave: list(sickLeave),
    questionnaires: list(questionnaire),
    encounters: list(encounter),
    referrals: list(referral),
    packageDecisions: list(packageDecision),
    needsAssessments: list(needsAssessment),
    levelDecisions: list(levelDecision),
    sharedPlans: list(sharedPlan),
  });
  return { record, patient, diagnosis, spirometry, questionnaire };
}

// zod's own `z.ZodObject` types differ between strict and strip only in config, so one factory serves both.
const rejecting = buildSchemas(z.strictObject);
const stripping = buildSchemas(z.object);

/** @internal the schema for a given unknown-field policy. */
export function recordSchemaFor(policy: UnknownFieldPolicy): typeof rejecting.record {
  return policy === 'reject' ? rejecting.record : stripping.record;
}

/** A validated, normalised patient record (the output of {@link parsePatientRecord}). */
export type PatientRecord = z.output<typeof rejecting.record>;
/** What an integrator passes in: the input form of a {@link PatientRecord}. */
export type PatientRecordInput = z.input<typeof rejecting.record>;

/**
 * The zod schema of a {@link PatientRecord}, rejecting unknown fields. Use
 * {@link parsePatientRecord} rather than calling it directly: that also
 * checks dates against `asOf`, sorts the lists and maps problems to
 * {@link RecordIssue}s without values. Exported for integrators who compose
 * it into their own schemas or generate JSON Schema from it.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const jsonSchema = z.toJSONSchema(PatientRecordSchema, { io: 'input' });
 * ```
 */
export const PatientRecordSchema: z.ZodType<PatientRecord, PatientRecordInput> = rejecting.record;
/** The patient's demographics and listing. */
export type Patient = PatientRecord['patient'];
/** One problem-list entry, code normalised. */
export type Diagnosis = PatientRecord['diagnoses'][number];
/** One spirometry, with its FEV1/FVC ratio given or derived. */
export type Spirometry = PatientRecord['spirometry'][number];
/** One MRC dyspnoea grade (Danish 1-5 scale). */
export type MrcScore = PatientRecord['mrc'][number];
/** One CAT score (0-40), possibly with its eight item answers. */
export type CatScore = PatientRecord['cat'][number];
/** One exacerbation. */
export type Exacerbation = PatientRecord['exacerbations'][number];
/** One hospital admission. */
export type Admission = PatientRecord['admissions'][number];
/** One recorded smoking status. */
export type SmokingRecord = PatientRecord['smoking'][number];
/** One weight/height/BMI measurement. */
export type BodyMeasurement = PatientRecord['bodyMeasurements'][number];
/** One vaccination given. */
export type Vaccination = PatientRecord['vaccinations'][number];
/** One inhaler-technique check. */
export type InhalerCheck = PatientRecord['inhalerChecks'][number];
/** One episode of low back pain. */
export type BackPainEpisode = PatientRecord['backPainEpisodes'][number];
/** One red-flag assessment. */
export type RedFlagRecord = PatientRecord['redFlags'][number];
/** One imaging study. */
export type ImagingStudy = PatientRecord['imaging'][number];
/** One recorded work status. */
export type WorkStatusRecord = PatientRecord['workStatus'][number];
/** One sick leave. */
export type SickLeave = PatientRecord['sickLeave'][number];
/** One questionnaire response (answers by item id; `null` = item left unanswered). */
export type QuestionnaireResponse = PatientRecord['questionnaires'][number];
/** One encounter (årsstatus, follow-up, other). */
export type Encounter = PatientRecord['encounters'][number];
/** One referral. */
export type Referral = PatientRecord['referrals'][number];
/** One recorded package decision. */
export type PackageDecisionRecord = PatientRecord['packageDecisions'][number];
/** Needs-assessment inputs recorded by the clinician. */
export type NeedsAssessment = PatientRecord['needsAssessments'][number];
/** The clinician's level decision, with the reason. */
export type LevelDecision = PatientRecord['levelDecisions'][number];
/** A treatment plan (CPD document) the clinic shared with the national infrastructure. */
export type SharedPlan = PatientRecord['sharedPlans'][number];
