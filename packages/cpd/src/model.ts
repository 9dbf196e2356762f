/**
 * The treatment plan (behandlingsplan) model: zod schemas are the single
 * source of truth; the types are inferred from them.
 *
 * @module
 */

import { z } from 'zod';
import { isIsoDate, safeParseCpr } from '@kronikerpakker/core';
import { CPD } from './config';
import { firstInvalidXmlChar } from './xml-text';

const isoDate = z.string().refine((v) => isIsoDate(v), { message: 'invalid-date' });
/** An instant in UTC to the second, `YYYY-MM-DDTHH:mm:ssZ`. */
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/).refine((v) => !Number.isNaN(Date.parse(v)), { message: 'invalid-instant' });
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
/** Free text: any characters XML 1.0 allows; at least one non-blank. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => v.trim() !== '', { message: 'blank' })
    .refine((v) => firstInvalidXmlChar(v) === -1, { message: 'invalid-xml-character' });
/** A token used as a CDA `cs` code: no white space. */
const token = z.string().regex(/^[^\s]{1,64}$/).refine((v) => firstInvalidXmlChar(v) === -1);
const sor = z.string().regex(/^\d{6,18}$/);
const dec = z.number().min(-1e9).max(1e9).refine((v) => !/e/i.test(String(v)), { message: 'exponent' });

const personName = z.strictObject({
  prefix: text(50).optional(),
  given: z.array(text(100)).max(5),
  family: text(100),
});

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
/** The drivers of a level: what raised it (factor ids of the rule pack, texts in Danish). */
const drivers = z.array(z.strictObject({ factor: token, text: text(500) })).max(30);
/** The contact plan in force: intervals in months (`null`: no planned follow-up) and its words. */
const contactPlan = z.strictObject({
  aarsstatusIntervalMonths: z.number().int().min(1).max(60),
  followUpIntervalMonths: z.number().int().min(1).max(60).nullable(),
  /** What the level means in practice; for a provisional level it says it holds until the level is decided. */
  text: text(2000),
});

/** A decided level: the clinician's decision, or a suggestion that no missing data can change. */
const decidedLevel = z.strictObject({
  status: z.literal('decided'),
  id: uuid,
  date: isoDate,
  /** The level in force. */
  level,
  /** `clinician`: the clinician recorded the level; `suggestion`: the SDK's determined suggestion. */
  basis: z.enum(['clinician', 'suggestion']),
  drivers,
  contactPlan,
});

/**
 * A provisional level: the SDK's suggestion while data are missing (no
 * clinician decision). It is only "at least `atLeast`, could be up to
 * `atMost`"; `awaiting` lists what to record to decide it.
 */
const provisionalLevel = z
  .strictObject({
    status: z.literal('provisional'),
    id: uuid,
    date: isoDate,
    /** The level whose contact plan is followed until the level is decided: always `atLeast`. */
    level,
    /** Always `suggestion`: a clinician's decision makes the level decided. */
    basis: z.literal('suggestion'),
    /** The lowest level the data allow (what is known to hold). */
    atLeast: level,
    /** The highest level the missing data could lead to (above `atLeast`). */
    atMost: level,
    /** What to record to decide the level: the missing-data code and its Danish text. */
    awaiting: z.array(z.strictObject({ code: token, text: text(500) })).max(30),
    drivers,
    contactPlan,
  })
  .refine((l) => l.level === l.atLeast && l.atMost > l.atLeast, { message: 'provisional-range', path: ['atMost'] });

const treatmentPlan = z.strictObject({
  /** The document id: a UUID v4 (lower case) under root `1.2.208.184`. */
  documentId: uuid,
  /** The set of versions this document belongs to, and its number in the set. */
  version: z.strictObject({
    setId: uuid,
    number: z.number().int().min(1).max(9999),
    /** The document id of the version this one replaces (`relatedDocument typeCode="RPLC"`). */
    replaces: uuid.optional(),
  }),
  /** When the document was made (UTC, to the second). */
  createdAt: instant,
  /** KOL or LRS. */
  package: z.enum(['KOL', 'LRS']),
  /** The document title, e.g. "Forløbsplan for KOL". */
  title: text(200),
  patient: z.strictObject({
    cpr: z.string().refine((v) => /^\d{10}$/.test(v) && safeParseCpr(v).success),
    name: personName,
    sex: z.enum(['female', 'male', 'unknown']),
    birthDate: isoDate,
    address: z
      .strictObject({
        streetLines: z.array(text(200)).min(1).max(3),
        postalCode: z.string().regex(/^\d{4}$/),
        city: text(100),
      })
      .optional(),
  }),
  /** The clinic (the patient's providerOrganization, the author's organisation). */
  clinic: z.strictObject({ sorId: sor, name: text(200) }),
  /** The person who wrote the plan. */
  author: z.strictObject({ sorId: sor, name: personName }),
  /** The organisation that keeps the document. */
  custodian: z.strictObject({ sorId: sor, name: text(200) }),
  /** When the plan is valid; no end means "until replaced". */
  validity: z.strictObject({ start: isoDate, end: isoDate.optional() }),
  /** Health concerns: the diagnoses behind the plan. */
  healthConcerns: z
    .array(
      z.strictObject({
        id: uuid,
        system: z.enum(['ICPC-2', 'ICD-10']),
        /** ICPC-2 as `R95`; ICD-10 in SKS form, `DJ449`. */
        code: token,
        displayName: text(200),
        status: z.enum(['active', 'completed']),
        /** When the diagnosis was made (or its onset). */
        date: isoDate,
      }),
    )
    .max(50),
  goals: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('measurable'),
          id: uuid,
          date: isoDate,
          code: z.strictObject({ system: z.enum(['NPU', 'MCS']), code: token, displayName: text(200) }),
          /** The target is below `high` (exclusive) or at/above `low`. */
          direction: z.enum(['below', 'at-least']),
          value: dec,
          unit: token,
          text: text(1000).optional(),
        }),
        z.strictObject({ kind: z.literal('text'), id: uuid, date: isoDate, text: text(1000) }),
        z.strictObject({ kind: z.literal('patient'), id: uuid, date: isoDate, text: text(CPD.goalTextMaxLength) }),
      ]),
    )
    .max(50),
  interventions: z.strictObject({
    planned: z.array(z.strictObject({ id: uuid, date: isoDate, text: text(1000) })).max(50),
    completed: z.array(z.strictObject({ id: uuid, date: isoDate, text: text(1000) })).max(200),
  }),
  /** Latest results with NPU or MCS codes. */
  outcomes: z
    .array(
      z.strictObject({
        id: uuid,
        system: z.enum(['NPU', 'MCS']),
        code: token,
        displayName: text(200),
        date: isoDate,
        value: dec,
        unit: token,
      }),
    )
    .max(100),
  /**
   * MVP2: the differentiation level with its drivers and contact plan
   * (provisional codes). `status` says whether the level is decided (the
   * clinician's decision, or a suggestion the missing data cannot change)
   * or provisional (a suggestion that is only "at least", see
   * {@link PlanLevel}).
   */
  level: z.discriminatedUnion('status', [decidedLevel, provisionalLevel]).optional(),
});

/**
 * The treatment plan: everything a CPD-DK document says, as data.
 *
 * @example
 * ```ts
 * const plan: TreatmentPlan = TreatmentPlanSchema.parse(json);
 * ```
 */
export type TreatmentPlan = z.output<typeof treatmentPlan>;
/** One goal of a plan. */
export type PlanGoal = TreatmentPlan['goals'][number];
/** One health concern (diagnosis) of a plan. */
export type PlanHealthConcern = TreatmentPlan['healthConcerns'][number];
/** One result of a plan. */
export type PlanOutcome = TreatmentPlan['outcomes'][number];
/**
 * The differentiation level of a plan: `decided` (the clinician's level, or
 * a suggestion no missing data can change) or `provisional` (a suggestion
 * that is only "at least": never show `level` alone then, but `atLeast`,
 * `atMost` and what the plan is `awaiting`).
 *
 * @example
 * ```ts
 * const lv: PlanLevel | undefined = plan.level;
 * if (lv?.status === 'provisional') {
 *   `Foreløbigt mindst niveau ${lv.atLeast}, højst ${lv.atMost}`; // 'Foreløbigt mindst niveau 1, højst 3'
 *   lv.awaiting.map((a) => a.text); // ['Behovsvurdering registreret af klinikeren', …]
 * }
 * ```
 */
export type PlanLevel = NonNullable<TreatmentPlan['level']>;
/** A person's name. */
export type PersonName = z.output<typeof personName>;

/**
 * The zod schema of a person's name: given names and a family name.
 *
 * @example
 * ```ts
 * PersonNameSchema.parse({ given: ['Syntetisk'], family: 'Patient' });
 * ```
 */
export const PersonNameSchema: z.ZodType<PersonName> = personName;

/**
 * The zod schema of {@link TreatmentPlan}: the single source of truth of
 * the plan's shape. Free texts must hold only characters XML 1.0 allows.
 *
 * @example
 * ```ts
 * const result = TreatmentPlanSchema.safeParse(json);
 * if (result.success) toCpdXml(result.data);
 * ```
 */
export const TreatmentPlanSchema: z.ZodType<TreatmentPlan> = treatmentPlan;
