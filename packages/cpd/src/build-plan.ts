/**
 * `buildTreatmentPlan`: a {@link TreatmentPlan} assembled from a patient
 * record and the SDK's own inclusion and level results.
 *
 * @module
 */

import {
  KronikerpakkerError,
  assertAsOf,
  createFactContext,
  getValueSet,
  icd10DisplayName,
  icpc2DisplayName,
  inValueSet,
  mcsAnalysisCodes,
  toSksCode,
  wellKnownCodes,
} from '@kronikerpakker/core';
import type { FactContext, IsoDate, PackageId, PatientRecord } from '@kronikerpakker/core';
import { enrolmentFor, evaluateInclusionInContext, isEnrolled } from '@kronikerpakker/inclusion';
import type { InclusionResult } from '@kronikerpakker/inclusion';
import { suggestLevelInContext } from '@kronikerpakker/differentiation';
import type { ContactPlan, LevelSuggestion } from '@kronikerpakker/differentiation';
import { TreatmentPlanSchema } from './model';
import type { PersonName, TreatmentPlan } from './model';
import { provisionalContactPlanText } from './texts';
import { stripInvalidXmlChars } from './xml-text';

/** A person's name as input: given names and a family name (arrays may be readonly). */
export interface PersonNameInput {
  /** A prefix such as "Læge". */
  readonly prefix?: string;
  /** Given names. */
  readonly given: readonly string[];
  /** The family name. */
  readonly family: string;
}

const nameOf = (n: PersonNameInput): PersonName => ({ ...(n.prefix === undefined ? {} : { prefix: n.prefix }), given: [...n.given], family: n.family });

/** A goal as the clinician states it; the SDK adds id and date. */
export type GoalInput =
  | {
      readonly kind: 'measurable';
      readonly code: { readonly system: 'NPU' | 'MCS'; readonly code: string; readonly displayName: string };
      readonly direction: 'below' | 'at-least';
      readonly value: number;
      readonly unit: string;
      readonly text?: string;
    }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'patient'; readonly text: string };

/** Options of {@link buildTreatmentPlan}. */
export interface BuildTreatmentPlanOptions {
  /** The evaluation date, `YYYY-MM-DD`: the plan's start and the date of its entries. */
  readonly asOf: IsoDate;
  /** `KOL` or `LRS`. */
  readonly package: PackageId;
  /** The clinic: SOR id and name. */
  readonly clinic: { readonly sorId: string; readonly name: string };
  /** The author: SOR id and name. */
  readonly author: { readonly sorId: string; readonly name: PersonNameInput };
  /** The organisation that keeps the document; defaults to the clinic. */
  readonly custodian?: { readonly sorId: string; readonly name: string };
  /** The patient's name (the record holds none). */
  readonly patientName: PersonNameInput;
  /** The patient's address, optional. */
  readonly patientAddress?: { readonly streetLines: readonly string[]; readonly postalCode: string; readonly city: string };
  /** The goals. */
  readonly goals?: readonly GoalInput[];
  /**
   * Planned follow-ups; defaults to {@link contactPlanFollowUps}: the next
   * årsstatus and the level's planned follow-ups, dated from the contact plan.
   */
  readonly plannedFollowUps?: readonly { readonly date: IsoDate; readonly text: string }[];
  /** Completed services (ydelser). */
  readonly completedServices?: readonly { readonly date: IsoDate; readonly text: string }[];
  /** End of validity; none means "until replaced". */
  readonly validUntil?: IsoDate;
  /** The previous version: its set id, number and document id. Omitted for a first version. */
  readonly replaces?: { readonly setId: string; readonly number: number; readonly documentId: string };
  /** The inclusion result, if already computed; otherwise it is computed here. */
  readonly inclusion?: InclusionResult;
  /** The level suggestion, if already computed; otherwise it is computed here. Pass `null` to leave the level out. */
  readonly level?: LevelSuggestion | null;
  /**
   * Build a plan although the enrolment policy gives none (excluded, or
   * neither enrolled nor eligible; see `enrolmentOf` of `@kronikerpakker/inclusion`); default false.
   */
  readonly allowNotIncluded?: boolean;
  /** Makes UUID v4 strings (lower case); defaults to `crypto.randomUUID`. Inject for deterministic output. */
  readonly idGenerator?: () => string;
  /** The current instant; defaults to `new Date()`. Inject for deterministic output. */
  readonly clock?: () => Date;
}

const clean = (s: string): string => stripInvalidXmlChars(s).slice(0, 1000);

function months(asOf: IsoDate, n: number): IsoDate {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** One dated contact the level's contact plan asks for: the next årsstatus or a planned follow-up. */
export interface PlannedContact {
  /** The date, `YYYY-MM-DD` (never before `asOf`). */
  readonly date: IsoDate;
  /** `aarsstatus` (the yearly review) or `follow-up` (the level's planned follow-up). */
  readonly kind: 'aarsstatus' | 'follow-up';
  /** The contact in plain Danish, as it goes into the plan. */
  readonly text: string;
}

/** Options of {@link contactPlanFollowUps}. */
export interface ContactPlanFollowUpsOptions {
  /** The evaluation date: no contact is planned before it. */
  readonly asOf: IsoDate;
  /** `KOL` or `LRS`: encounters of the other package are ignored. */
  readonly package: PackageId;
  /** The contact plan in force (`suggestLevel(...).contactPlan`: the clinician's level when decided). */
  readonly contactPlan: Pick<ContactPlan, 'level' | 'aarsstatusIntervalMonths' | 'followUpIntervalMonths' | 'proBefore'>;
  /**
   * The level is not decided yet (suggested "at least", no clinician decision):
   * the follow-up texts say the rhythm is provisional instead of naming a level.
   */
  readonly provisional?: boolean;
}

/** At most this many follow-ups in one årsstatus interval (the plan holds at most 50 planned entries). */
const MAX_FOLLOW_UPS = 24;

/**
 * The contacts a level's contact plan asks for over the coming årsstatus
 * interval (from `asOf` to `asOf` + the årsstatus interval), dated:
 *
 * - the **next årsstatus**: the latest årsstatus encounter of the package
 *   (or without package) plus the årsstatus interval; `asOf` when that date
 *   has passed (overdue: due now); `asOf` + the interval when none is recorded;
 * - the **planned follow-ups** (levels with a follow-up interval): every
 *   interval after the latest contact (årsstatus or follow-up encounter of
 *   the package; `asOf` when none), `asOf` when overdue, up to the next
 *   årsstatus; after it, every interval from the årsstatus, within the horizon.
 *
 * Sorted by date. Encounters after `asOf` are ignored.
 *
 * @param record - the patient record (its `encounters`)
 * @param options - asOf, package and the contact plan
 * @returns the dated contacts, the årsstatus first on a tie
 * @example
 * ```ts
 * const s = suggestLevel(record, { package: 'LRS', asOf: '2027-01-15' });
 * contactPlanFollowUps(record, { asOf: '2027-01-15', package: 'LRS', contactPlan: s.contactPlan });
 * // level 2, last follow-up 2026-09-10:
 * // [{ date: '2027-03-10', kind: 'follow-up', … }, { date: '2027-09-10', kind: 'follow-up', … },
 * //  { date: '2028-01-15', kind: 'aarsstatus', … }]
 * ```
 */
export function contactPlanFollowUps(record: PatientRecord, options: ContactPlanFollowUpsOptions): readonly PlannedContact[] {
  assertAsOf(options.asOf);
  const { asOf, contactPlan: cp } = options;
  let lastAarsstatus: IsoDate | undefined;
  let lastContact: IsoDate | undefined;
  for (const e of record.encounters) {
    if (e.date > asOf || (e.package !== undefined && e.package !== options.package)) continue;
    if (e.type === 'aarsstatus' && (lastAarsstatus === undefined || e.date > lastAarsstatus)) lastAarsstatus = e.date;
    if ((e.type === 'aarsstatus' || e.type === 'follow-up') && (lastContact === undefined || e.date > lastContact)) lastContact = e.date;
  }
  const a = cp.aarsstatusIntervalMonths;
  const horizon = months(asOf, a);
  const due = lastAarsstatus === undefined ? horizon : months(lastAarsstatus, a);
  const nextAarsstatus = due < asOf ? asOf : due;
  const pro = 'PRO-skema før besøget.';
  const contacts: PlannedContact[] = [{ date: nextAarsstatus, kind: 'aarsstatus', text: `Årsstatus hos egen læge (hver ${String(a)}. måned). ${pro}` }];
  const f = cp.followUpIntervalMonths;
  if (f !== null) {
    const rhythm = options.provisional === true ? `foreløbigt, indtil niveauet er fastlagt: hver ${String(f)}. måned` : `niveau ${String(cp.level)}: hver ${String(f)}. måned`;
    const text = `Planlagt opfølgning hos egen læge (${rhythm}).${cp.proBefore === 'aarsstatus-and-follow-up' ? ` ${pro}` : ''}`;
    const push = (date: IsoDate): void => {
      if (contacts.length <= MAX_FOLLOW_UPS) contacts.push({ date, kind: 'follow-up', text });
    };
    // Before the next årsstatus: every f months after the latest contact (due now when overdue).
    const from = lastContact ?? asOf;
    let previous: IsoDate | undefined;
    for (let k = 1; k <= MAX_FOLLOW_UPS; k++) {
      const raw = months(from, k * f);
      const date = raw < asOf ? asOf : raw;
      if (date >= nextAarsstatus) break;
      if (date !== previous) push(date);
      previous = date;
    }
    // After it: every f months from the årsstatus, within one årsstatus interval from asOf.
    for (let k = 1; k <= MAX_FOLLOW_UPS; k++) {
      const date = months(nextAarsstatus, k * f);
      if (date >= horizon) break;
      push(date);
    }
  }
  return contacts.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.kind === 'aarsstatus' ? -1 : 1));
}

/**
 * The plan's level from the SDK's suggestion. Decided when the clinician
 * recorded a level (`contactPlan.basis === 'clinician'`) or no missing data
 * can change the suggestion (`determined`); otherwise provisional: at least
 * `minimumLevel`, at most `maximumLevel`, awaiting the missing items
 * (spec/needs-assessment.md "Decided when determined").
 */
function planLevel(level: LevelSuggestion, id: string, asOf: IsoDate): NonNullable<TreatmentPlan['level']> {
  const cp = level.contactPlan;
  const common = {
    id,
    date: asOf,
    level: cp.level,
    drivers: level.drivers.slice(0, 30).map((d) => ({ factor: d.factor, text: clean(d.text.da).slice(0, 500) })),
    contactPlan: { aarsstatusIntervalMonths: cp.aarsstatusIntervalMonths, followUpIntervalMonths: cp.followUpIntervalMonths, text: clean(cp.meaning.da) },
  };
  if (cp.basis === 'clinician' || level.determined) return { status: 'decided', basis: cp.basis, ...common };
  return {
    status: 'provisional',
    basis: 'suggestion',
    ...common,
    contactPlan: { ...common.contactPlan, text: clean(provisionalContactPlanText(cp.meaning.da)) },
    atLeast: level.minimumLevel,
    atMost: level.maximumLevel,
    awaiting: level.missing.slice(0, 30).map((m) => ({ code: m.code, text: clean(m.text.da).slice(0, 500) })),
  };
}

/**
 * Assembles a treatment plan from a validated record, the inclusion result
 * and the level suggestion (computed here unless passed in), so that a
 * vendor does not map them twice. Diagnoses of the package's value set
 * become health concerns; the latest spirometry, CAT and MRC (KOL) become
 * results; the level's drivers and contact plan are copied, and the level
 * is `decided` (the clinician's decision, or a determined suggestion) or
 * `provisional` (at least / at most, and what is missing); free texts are
 * cleaned of characters XML forbids. The planned interventions are the
 * next årsstatus and the level's planned follow-ups, dated from the contact
 * plan ({@link contactPlanFollowUps}), unless `plannedFollowUps` is given.
 *
 * @param record - a record from `parsePatientRecord`
 * @param options - asOf, package, clinic, author, patient name, goals, ids and clock
 * @returns the plan, valid by {@link TreatmentPlanSchema}
 * @throws `KronikerpakkerError` (core) `INVALID_ARGUMENT` for a bad `asOf`, a record without CPR,
 *   a patient to whom no plan applies by the enrolment policy (unless `allowNotIncluded`), or options that give an invalid plan
 *   (the message names the path, never the value)
 * @example
 * ```ts
 * const plan = buildTreatmentPlan(record, {
 *   asOf: '2027-01-15',
 *   package: 'KOL',
 *   clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
 *   author: { sorId: '123456789012345', name: { given: ['Syntetisk'], family: 'Læge' } },
 *   patientName: { given: ['Syntetisk'], family: 'Patient' },
 *   goals: [{ kind: 'patient', text: 'Jeg vil gå til Brugsen uden pause.' }],
 * });
 * ```
 */
export function buildTreatmentPlan(record: PatientRecord, options: BuildTreatmentPlanOptions): TreatmentPlan {
  assertAsOf(options.asOf);
  const asOf = options.asOf;
  const pkg = options.package;
  const newId = options.idGenerator ?? (() => globalThis.crypto.randomUUID());
  const now = (options.clock ?? (() => new Date()))();
  const cpr = record.patient.cpr;
  if (cpr === undefined) throw new KronikerpakkerError('INVALID_ARGUMENT', 'record.patient.cpr is required for a CPD document', { path: ['record', 'patient', 'cpr'] });

  const ctx = options.inclusion === undefined || options.level === undefined ? createFactContext(record, asOf) : undefined;
  const inclusion = options.inclusion ?? evaluateInclusionInContext(ctx as FactContext, { package: pkg });
  // The one enrolment policy decides whether a plan (and a level) applies, as in the facade and the cockpit.
  const enrolment = enrolmentFor(pkg, inclusion.status, isEnrolled(record, pkg, asOf));
  if (!enrolment.planApplies && !(options.allowNotIncluded ?? false)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', `no plan applies to the patient in ${pkg} by the enrolment policy; pass allowNotIncluded to build a plan anyway`, { path: ['package'] });
  }
  const level =
    options.level === undefined
      ? enrolment.levelApplies && ctx !== undefined
        ? suggestLevelInContext(ctx, { package: pkg })
        : undefined
      : options.level ?? undefined;

  const valueSet = getValueSet(pkg === 'KOL' ? 'kol-diagnosis' : 'lrs-diagnosis');
  const healthConcerns: TreatmentPlan['healthConcerns'] = record.diagnoses
    .filter((d) => inValueSet(valueSet, { system: d.system, code: d.code }) && d.recordedDate <= asOf)
    .slice(0, 50)
    .map((d) => {
      const code = d.system === 'ICPC-2' ? d.code : toSksCode(d.code);
      const name = d.system === 'ICPC-2' ? icpc2DisplayName(d.code) : icd10DisplayName(code);
      return {
        id: newId(),
        system: d.system,
        code,
        displayName: name ?? code,
        status: d.status === 'active' ? ('active' as const) : ('completed' as const),
        date: d.onsetDate ?? d.recordedDate,
      };
    });

  const outcomes: TreatmentPlan['outcomes'] = [];
  const latest = <T extends { readonly date: string }>(items: readonly T[]): T | undefined =>
    items.filter((i) => i.date <= asOf).reduce<T | undefined>((a, b) => (a === undefined || b.date > a.date ? b : a), undefined);
  if (pkg === 'KOL') {
    const spiro = latest(record.spirometry);
    if (spiro?.fev1L !== undefined) outcomes.push({ id: newId(), system: 'MCS', code: mcsAnalysisCodes.fev1.code, displayName: mcsAnalysisCodes.fev1.label, date: spiro.date, value: spiro.fev1L, unit: 'L' });
    const cat = latest(record.cat);
    if (cat !== undefined) outcomes.push({ id: newId(), system: 'MCS', code: mcsAnalysisCodes.catScore.code, displayName: mcsAnalysisCodes.catScore.label, date: cat.date, value: cat.total, unit: '1' });
    const mrc = latest(record.mrc);
    if (mrc !== undefined) outcomes.push({ id: newId(), system: 'MCS', code: mcsAnalysisCodes.mrcScale.code, displayName: mcsAnalysisCodes.mrcScale.label, date: mrc.date, value: mrc.grade, unit: '1' });
  }
  const body = latest(record.bodyMeasurements);
  if (body?.weightKg !== undefined) outcomes.push({ id: newId(), system: 'NPU', code: wellKnownCodes.bodyWeight.code, displayName: wellKnownCodes.bodyWeight.label, date: body.date, value: body.weightKg, unit: 'kg' });

  const goalInputs: unknown = options.goals ?? [];
  if (!Array.isArray(goalInputs)) throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected goals to be an array', { path: ['options', 'goals'] });
  (goalInputs as readonly unknown[]).forEach((g, i) => {
    const kind: unknown = typeof g === 'object' && g !== null ? (g as { kind?: unknown }).kind : undefined;
    if (kind !== 'measurable' && kind !== 'text' && kind !== 'patient') {
      throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected a goal of kind measurable, text or patient', { path: ['options', 'goals', i] });
    }
  });
  const goals: TreatmentPlan['goals'] = (goalInputs as readonly GoalInput[]).map((g) => {
    switch (g.kind) {
      case 'measurable':
        return {
          kind: 'measurable' as const,
          id: newId(),
          date: asOf,
          code: { system: g.code.system, code: g.code.code, displayName: clean(g.code.displayName) },
          direction: g.direction,
          value: g.value,
          unit: g.unit,
          ...(g.text === undefined ? {} : { text: clean(g.text) }),
        };
      case 'text':
        return { kind: 'text' as const, id: newId(), date: asOf, text: clean(g.text) };
      case 'patient':
        return { kind: 'patient' as const, id: newId(), date: asOf, text: stripInvalidXmlChars(g.text) };
    }
  });

  const contact = level?.contactPlan;
  const provisional = level !== undefined && !level.determined && level.clinicianDecision === undefined;
  const planned =
    options.plannedFollowUps ?? (contact === undefined ? [] : contactPlanFollowUps(record, { asOf, package: pkg, contactPlan: contact, provisional }));

  const birthDate = record.patient.birthDate;
  const sex = record.patient.sex === 'female' || record.patient.sex === 'male' ? record.patient.sex : 'unknown';
  const candidate = {
    documentId: newId(),
    version:
      options.replaces === undefined
        ? { setId: newId(), number: 1 }
        : { setId: options.replaces.setId, number: options.replaces.number + 1, replaces: options.replaces.documentId },
    createdAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    package: pkg,
    title: pkg === 'KOL' ? 'Forløbsplan for KOL' : 'Forløbsplan for lænderygsmerter',
    patient: {
      cpr,
      name: nameOf(options.patientName),
      sex,
      birthDate,
      ...(options.patientAddress === undefined ? {} : { address: { ...options.patientAddress, streetLines: [...options.patientAddress.streetLines] } }),
    },
    clinic: options.clinic,
    author: { sorId: options.author.sorId, name: nameOf(options.author.name) },
    custodian: options.custodian ?? options.clinic,
    validity: { start: asOf, ...(options.validUntil === undefined ? {} : { end: options.validUntil }) },
    healthConcerns,
    goals,
    interventions: {
      planned: planned.map((x) => ({ id: newId(), date: x.date, text: clean(x.text) })),
      completed: (options.completedServices ?? []).map((x) => ({ id: newId(), date: x.date, text: clean(x.text) })),
    },
    outcomes,
    ...(level === undefined
      ? {}
      : {
          level: planLevel(level, newId(), asOf),
        }),
  };
  const parsed = TreatmentPlanSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    throw new KronikerpakkerError('INVALID_ARGUMENT', `the options give an invalid plan at ${path.join('.') || '(root)'} (${issue?.code ?? 'invalid'})`, { path: ['plan', ...path] });
  }
  return parsed.data;
}
