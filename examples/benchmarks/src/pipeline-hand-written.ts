/**
 * The hand-written TypeScript baseline of the whole pipeline per patient:
 * KOL and LRS inclusion, the suggested level and the contact plan in force
 * per package, and the care items (code, priority, urgency, due date) per
 * package, written directly against the record as a developer would, with
 * every threshold, interval and priority of the shipped packs as a literal
 * (kol-inclusion 0.1.0, lrs-inclusion 0.2.0, kol/lrs-differentiation 0.2.0,
 * kol/lrs-care 0.2.0). It produces the decisions only: no traces, reasons,
 * drivers, missing-data lists or texts. `pipeline-agreement.test.ts` asserts
 * that it agrees with the SDK on every record.
 *
 * The enrolment policy (issue 12) is written here too, from the inclusion
 * status and the package decisions: in the package (latest decision on or
 * before asOf 'included', and eligible or with insufficient data) the
 * package's care items apply; a level applies in the package and to a
 * candidate (eligible, not enrolled); everyone else gets no level and only
 * the items every patient gets (data quality, the urgent warning sign, and
 * "consider further assessment" for two or more LRS risk factors).
 *
 * What the baseline takes from the SDK (so that the comparison is honest):
 * - inclusion: `kolCriteria` / `lrsCriteria` of `./hand-written` (status and
 *   every criterion, as `pnpm bench`'s inclusion baseline), which use core's
 *   `ageInYears`, `isWithinLastMonths`, `wholeWeeksBetween`, `getValueSet`,
 *   `inValueSet` and `RED_FLAGS`;
 * - core's date arithmetic (`addMonthsIso`, `addDaysIso`, `subMonthsIso`) and
 *   value sets (`getValueSet`, `inValueSet`), and `safeParseCpr` for the CPR
 *   checks;
 * - `@kronikerpakker/pro`'s `safeScoreQuestionnaire` to score STarT Back, ODI
 *   and SILS responses (the loop for the latest scorable one is written here);
 * - three core/care facts through `computeFact` on a fact context of the
 *   baseline's own: `activeConditionsInValueSet` (multimorbidity-chronic
 *   without mental-health; conditions counted across ICPC-2/ICD-10 groups), `currentSickLeaveWeeks`
 *   (joined back-to-back leaves) and `duplicateEntryCount`.
 * Everything else is written here: the enrolment policy, the GOLD group and
 * grade, exacerbation counts, latest values and their freshness windows
 * (MRC/CAT 12 months for the GOLD group of the level, STarT Back and ODI 6
 * months, needs assessment 12 months), "recorded within the last N months",
 * due dates ('due' never before asOf), the influenza season (1 October to
 * 15 January), urgent warning signs and risk factors, stratified LRS care,
 * imaging, the data quality checks, the severity/complexity/clinician level
 * model, the contact plan in force and the re-assessment (årsstatus or
 * admission after the clinician's decision, or a severity changed since the
 * decision date, computed on the record as it stood then).
 *
 * Also exported, for the benchmark and the agreement test: {@link sdkPipeline},
 * the SDK side (a) of the comparison.
 */
import {
  addDaysIso,
  addMonthsIso,
  computeFact,
  createFactContext,
  getValueSet,
  inValueSet,
  safeParseCpr,
  subMonthsIso,
} from '@kronikerpakker/core';
import type { FactCatalogue, IsoDate, Level, PackageId, PatientRecord } from '@kronikerpakker/core';
import { careFacts, evaluateCareInContext } from '@kronikerpakker/business-rules';
import type { CareEvaluation } from '@kronikerpakker/business-rules';
import { suggestLevelInContext } from '@kronikerpakker/differentiation';
import type { LevelSuggestion } from '@kronikerpakker/differentiation';
import { enrolmentFor, evaluateInclusionInContext, isEnrolled } from '@kronikerpakker/inclusion';
import type { InclusionResult } from '@kronikerpakker/inclusion';
import { safeScoreQuestionnaire } from '@kronikerpakker/pro';
import { kolCriteria, lrsCriteria, lrsUrgentWarningSigns, openRedFlags } from './hand-written';
import type { Status } from './hand-written';

/** One care item as the baseline gives it. */
export interface HandItem {
  /** The item code of the pack (`kol.aarsstatus.overdue`). */
  readonly code: string;
  /** The priority of the pack (1-100). */
  readonly priority: number;
  /** An urgent item (an open red flag). */
  readonly urgent: boolean;
  /** The due date, or null. */
  readonly dueDate: IsoDate | null;
}

/** What the baseline decides for one package. */
export interface HandPackageResult {
  /** The inclusion status. */
  readonly status: Status;
  /** The suggested level (the minimum level of the model), or null when the enrolment policy gives no level. */
  readonly suggestedLevel: Level | null;
  /** The level of the contact plan in force (the clinician's latest decision, else the suggestion), or null without a level. */
  readonly levelInForce: Level | null;
  /** Whether the patient is in the package (the enrolment policy): the package's care items apply. */
  readonly inPackage: boolean;
  /** The care items, in the SDK's order (urgent, priority, due date, code). */
  readonly items: readonly HandItem[];
}

/** What the baseline decides for one patient. */
export interface HandPipelineResult {
  /** KOL. */
  readonly KOL: HandPackageResult;
  /** LRS. */
  readonly LRS: HandPackageResult;
}

/** The SDK's results for one patient: the pipeline (a) of the benchmark. */
export interface SdkPipelineResult {
  /** Inclusion, KOL. */
  readonly kolInclusion: InclusionResult;
  /** Inclusion, LRS. */
  readonly lrsInclusion: InclusionResult;
  /** Level, KOL, when the enrolment policy says a level applies; null otherwise. */
  readonly kolLevel: LevelSuggestion | null;
  /** Level, LRS, when the enrolment policy says a level applies; null otherwise. */
  readonly lrsLevel: LevelSuggestion | null;
  /** Care items, KOL. */
  readonly kolCare: CareEvaluation;
  /** Care items, LRS. */
  readonly lrsCare: CareEvaluation;
}

/**
 * The SDK pipeline for one patient, as the SDK facade runs it
 * (`evaluatePackage` of packages/sdk/src/evaluate.ts): one fact context;
 * per package the inclusion, the enrolment policy (`enrolmentFor` with
 * `isEnrolled`), the level only when the policy says a level applies, and
 * the care items given the level and the inclusion result.
 *
 * @param record - a record validated by `parsePatientRecord`
 * @param asOf - the evaluation date
 * @returns the six results
 */
export function sdkPipeline(record: PatientRecord, asOf: IsoDate): SdkPipelineResult {
  const ctx = createFactContext(record, asOf);
  const kolInclusion = evaluateInclusionInContext(ctx, { package: 'KOL' });
  const kolLevel = enrolmentFor('KOL', kolInclusion.status, isEnrolled(record, 'KOL', asOf)).levelApplies
    ? suggestLevelInContext(ctx, { package: 'KOL' })
    : null;
  const kolCare = evaluateCareInContext(ctx, { package: 'KOL', level: kolLevel ?? undefined, inclusion: kolInclusion });
  const lrsInclusion = evaluateInclusionInContext(ctx, { package: 'LRS' });
  const lrsLevel = enrolmentFor('LRS', lrsInclusion.status, isEnrolled(record, 'LRS', asOf)).levelApplies
    ? suggestLevelInContext(ctx, { package: 'LRS' })
    : null;
  const lrsCare = evaluateCareInContext(ctx, { package: 'LRS', level: lrsLevel ?? undefined, inclusion: lrsInclusion });
  return { kolInclusion, lrsInclusion, kolLevel, lrsLevel, kolCare, lrsCare };
}

const kolSet = getValueSet('kol-diagnosis');
const mentalHealthSet = getValueSet('mental-health');
/** Count once (issue 12): depression and anxiety count only as the mental-health factor, not towards multimorbidity. */
const MULTIMORBIDITY = Object.freeze({ valueSet: 'multimorbidity-chronic', excludeValueSet: 'mental-health' } as const);
/** The LRS risk factors (lrs-care 0.2.0): shown, never excluding alone. */
const RISK_FACTORS = [
  'high-age',
  'osteoporosis',
  'long-term-steroids',
  'previous-cancer',
  'constant-or-night-pain',
  'unexplained-weight-loss',
  'fever',
  'immunosuppression',
  'iv-drug-use',
  'neurological-deficit',
] as const;

type NeedsAssessment = PatientRecord['needsAssessments'][number];

function item(code: string, priority: number, dueDate: IsoDate | null = null, urgent = false): HandItem {
  return { code, priority, urgent, dueDate };
}

function compareItems(a: HandItem, b: HandItem): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

const later = (a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined =>
  a === undefined ? b : b === undefined ? a : a > b ? a : b;

function hasActive(r: PatientRecord, set: ReturnType<typeof getValueSet>): boolean {
  for (const d of r.diagnoses) if (d.status === 'active' && inValueSet(set, d)) return true;
  return false;
}

/** Whether the latest package decision for the package on or before asOf is 'included'. */
function enrolledIn(r: PatientRecord, pkg: PackageId, asOf: IsoDate): boolean {
  let latest: string | undefined;
  for (const d of r.packageDecisions) if (d.package === pkg && d.date <= asOf) latest = d.decision;
  return latest === 'included';
}

/**
 * The latest answer to a needs-assessment item for the package (entries for it or without a package),
 * from the entries on or after `since` (older ones count as missing).
 */
function needs<K extends keyof NeedsAssessment>(r: PatientRecord, pkg: PackageId, key: K, since: IsoDate): NeedsAssessment[K] | undefined {
  const list = r.needsAssessments;
  for (let i = list.length - 1; i >= 0; i--) {
    const e = list[i] as NeedsAssessment;
    if (e.package !== undefined && e.package !== pkg) continue;
    if (e.date < since) return undefined;
    if (e[key] !== undefined) return e[key];
  }
  return undefined;
}

/** The latest questionnaire date of one or two instruments. */
function questionnaireDate(r: PatientRecord, a: string, b?: string): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const q of r.questionnaires) if (q.instrument === a || q.instrument === b) latest = q.date;
  return latest;
}

/** The latest referral of a type that was not cancelled. */
function referralDate(r: PatientRecord, type: PatientRecord['referrals'][number]['type']): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const x of r.referrals) if (x.type === type && x.status !== 'cancelled') latest = x.date;
  return latest;
}

/** The latest årsstatus (or, with follow-ups, also follow-up) encounter for the package or without one. */
function latestEncounter(r: PatientRecord, pkg: PackageId, followUps: boolean): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const e of r.encounters) {
    if (e.package !== undefined && e.package !== pkg) continue;
    if (e.type === 'aarsstatus' || (followUps && e.type === 'follow-up')) latest = e.date;
  }
  return latest;
}

/** The latest CAT total and its date: the cat list or a complete CAT questionnaire, the later (the list on the same day). */
function latestCat(r: PatientRecord): { readonly date: IsoDate; readonly total: number } | undefined {
  const list = r.cat.at(-1);
  let qDate: IsoDate | undefined;
  let qTotal = 0;
  for (const q of r.questionnaires) {
    if (q.instrument !== 'CAT') continue;
    let total = 0;
    let complete = true;
    for (let i = 1; i <= 8; i++) {
      const v = q.answers[`cat${String(i)}`];
      if (v === undefined || v === null || !Number.isInteger(v) || v < 0 || v > 5) complete = false;
      else total += v;
    }
    if (complete) {
      qDate = q.date;
      qTotal = total;
    }
  }
  if (qDate !== undefined && (list === undefined || qDate > list.date)) return { date: qDate, total: qTotal };
  return list;
}

/** The score of the latest scorable response of an instrument (scored by `@kronikerpakker/pro`), with its date. */
function latestScore(
  r: PatientRecord,
  instrument: 'STarT-Back' | 'ODI' | 'SILS',
): { score: number; band: string | undefined; date: IsoDate } | undefined {
  const list = r.questionnaires;
  for (let i = list.length - 1; i >= 0; i--) {
    const q = list[i] as PatientRecord['questionnaires'][number];
    if (q.instrument !== instrument) continue;
    const s = safeScoreQuestionnaire(q);
    if (s.success) return { score: s.result.score, band: s.result.band?.id, date: q.date };
  }
  return undefined;
}

/** A dated value when it lies within [since, asOf] (a freshness window), else undefined. */
function fresh<T extends { readonly date: IsoDate }>(x: T | undefined, since: IsoDate, asOf: IsoDate): T | undefined {
  return x !== undefined && x.date >= since && x.date <= asOf ? x : undefined;
}

/** The severity range as levels (low 1, moderate 2, high 3): the minimum counts what holds, the maximum also what is unknown. */
interface Severity {
  readonly min: Level;
  readonly max: Level;
}

/** KOL severity on a date (asOf, or a decision date); MRC and CAT count for group B when recorded within 12 months of it. */
function kolSeverity(r: PatientRecord, asOf: IsoDate, since: IsoDate = subMonthsIso(asOf, 12)): Severity {
  let moderate = 0;
  let hospitalised = false;
  for (const e of r.exacerbations) {
    if (e.date < since || e.date > asOf) continue;
    if (e.severity === 'moderate') moderate++;
    else hospitalised = true;
  }
  if (!hospitalised) for (const a of r.admissions) if (a.cause === 'KOL' && a.date >= since && a.date <= asOf) hospitalised = true;
  const groupE = moderate >= 2 || hospitalised;
  // GOLD grade: the latest post-bronchodilator FEV1 % predicted, once obstruction is shown.
  let lowest: number | undefined;
  let pp: number | undefined;
  for (const s of r.spirometry) {
    if (!s.postBronchodilator) continue;
    if (lowest === undefined || s.ratio < lowest) lowest = s.ratio;
    if (s.fev1PercentPredicted !== undefined) pp = s.fev1PercentPredicted;
  }
  const grade = lowest === undefined || lowest >= 0.7 || pp === undefined ? undefined : pp >= 80 ? 1 : pp >= 50 ? 2 : pp >= 30 ? 3 : 4;
  // GOLD group B (only when not E): MRC >= 3 or CAT >= 10 of the last 12 months; unknown without either.
  let groupB: boolean | undefined = false;
  if (!groupE) {
    const mrc = fresh(r.mrc.at(-1), since, asOf)?.grade;
    const cat = fresh(latestCat(r), since, asOf)?.total;
    groupB = (mrc !== undefined && mrc >= 3) || (cat !== undefined && cat >= 10) ? true : mrc === undefined && cat === undefined ? undefined : false;
  }
  const min: Level = groupE || grade === 4 ? 3 : groupB === true || grade === 3 ? 2 : 1;
  const max: Level = groupE || grade === 4 || grade === undefined ? 3 : groupB !== false || grade === 3 ? 2 : 1;
  return { min, max };
}

/** LRS severity from the STarT Back group and the ODI of the last 6 months (older ones count as missing). */
function lrsSeverity(group: string | undefined, odi: number | undefined): Severity {
  const min: Level = group === 'high' ? 3 : group === 'medium' || (odi !== undefined && odi > 40) ? 2 : 1;
  const max: Level = group === 'high' || group === undefined ? 3 : group === 'medium' || odi === undefined || odi > 40 ? 2 : 1;
  return { min, max };
}

/** The record as it stood on a date: the lists the severity reads, cut at that date. */
function recordUpTo(r: PatientRecord, date: IsoDate): PatientRecord {
  return {
    ...r,
    spirometry: r.spirometry.filter((x) => x.date <= date),
    mrc: r.mrc.filter((x) => x.date <= date),
    cat: r.cat.filter((x) => x.date <= date),
    exacerbations: r.exacerbations.filter((x) => x.date <= date),
    admissions: r.admissions.filter((x) => x.date <= date),
    questionnaires: r.questionnaires.filter((x) => x.date <= date),
  };
}

const FOLLOW_UP_MONTHS: Readonly<Record<Level, number>> = { 1: 0, 2: 6, 3: 3 };

interface LevelResult {
  readonly suggested: Level;
  readonly inForce: Level;
  readonly reassessmentDue: boolean;
}

/** What the complexity of both packages shares. */
interface Shared {
  readonly conditions: number;
  readonly mentalHealthDiagnosis: boolean;
  readonly sils: number | undefined;
}

/**
 * The hand-written pipeline, for one evaluation date (cut-off dates are
 * computed once).
 */
export class HandPipeline {
  readonly #asOf: IsoDate;
  readonly #since1: IsoDate;
  readonly #since6: IsoDate;
  readonly #since12: IsoDate;
  readonly #since24: IsoDate;
  readonly #soon: IsoDate;
  readonly #seasonStart: IsoDate;
  readonly #influenzaSeason: boolean;
  readonly #facts: FactCatalogue;

  /**
   * @param asOf - the evaluation date
   */
  constructor(asOf: IsoDate) {
    this.#asOf = asOf;
    this.#since1 = subMonthsIso(asOf, 1);
    this.#since6 = subMonthsIso(asOf, 6);
    this.#since12 = subMonthsIso(asOf, 12);
    this.#since24 = subMonthsIso(asOf, 24);
    this.#soon = addDaysIso(asOf, 30);
    const year = Number(asOf.slice(0, 4));
    this.#seasonStart = `${String(asOf.slice(5) >= '10-01' ? year : year - 1).padStart(4, '0')}-10-01`;
    // Influenza vaccination is offered from 1 October to 15 January (both inclusive).
    this.#influenzaSeason = asOf.slice(5) >= '10-01' || asOf.slice(5) <= '01-15';
    this.#facts = careFacts();
  }

  /**
   * Everything the pipeline decides for one patient.
   *
   * @param r - a validated record
   * @returns the decisions per package
   */
  evaluate(r: PatientRecord): HandPipelineResult {
    const asOf = this.#asOf;
    // The facts taken from the SDK (see the file header), on the baseline's own context.
    const ctx = createFactContext(r, asOf);
    const duplicates = (computeFact(ctx, 'duplicateEntryCount', undefined, this.#facts) as number) > 0;
    const cpr = r.patient.cpr === undefined ? undefined : safeParseCpr(r.patient.cpr);
    const cprData = cpr?.success === true ? cpr.data : undefined;
    const sex = r.patient.sex;
    const sexMismatch = cprData !== undefined && (sex === 'female' || sex === 'male') && sex !== cprData.sex;
    const birthMismatch = cprData !== undefined && cprData.birthDate !== r.patient.birthDate;
    let bmiImplausible = false;
    for (const b of r.bodyMeasurements) if (b.bmi !== undefined && (b.bmi < 12 || b.bmi > 70)) bmiImplausible = true;

    // The enrolment policy: in the package when enrolled and eligible or with insufficient data;
    // a level in the package and for a candidate (eligible, not enrolled).
    const kolStatus = kolCriteria(r, asOf).status;
    const lrsStatus = lrsCriteria(r, asOf).status;
    const kolIn = (kolStatus === 'eligible' || kolStatus === 'insufficient-data') && enrolledIn(r, 'KOL', asOf);
    const lrsIn = (lrsStatus === 'eligible' || lrsStatus === 'insufficient-data') && enrolledIn(r, 'LRS', asOf);
    const kolLevelApplies = kolIn || kolStatus === 'eligible';
    const lrsLevelApplies = lrsIn || lrsStatus === 'eligible';

    let shared: Shared | undefined;
    if (kolLevelApplies || lrsLevelApplies) {
      shared = {
        conditions: computeFact(ctx, 'activeConditionsInValueSet', MULTIMORBIDITY) as number,
        mentalHealthDiagnosis: hasActive(r, mentalHealthSet),
        sils: latestScore(r, 'SILS')?.score,
      };
    }
    const kolLevel = shared !== undefined && kolLevelApplies ? this.#level(r, 'KOL', kolSeverity(r, asOf, this.#since12), shared, 0, true) : null;
    let lrsLevel: LevelResult | null = null;
    let sickLeaveWeeks = 0;
    let startBack: string | undefined;
    if (shared !== undefined && lrsLevelApplies) {
      sickLeaveWeeks = computeFact(ctx, 'currentSickLeaveWeeks') as number;
      startBack = fresh(latestScore(r, 'STarT-Back'), this.#since6, asOf)?.band;
      const odi = fresh(latestScore(r, 'ODI'), this.#since6, asOf)?.score;
      lrsLevel = this.#level(r, 'LRS', lrsSeverity(startBack, odi), shared, sickLeaveWeeks, false);
    }

    const kolItems = this.#kolItems(r, kolIn ? kolLevel : null, hasActive(r, kolSet));
    const lrsItems = this.#lrsItems(r, lrsIn ? lrsLevel : null, sickLeaveWeeks, startBack);
    for (const items of [kolItems, lrsItems]) {
      if (bmiImplausible) items.push(item('dq.bmi-implausible', 30));
      if (sexMismatch) items.push(item('dq.cpr-sex-mismatch', 30));
      if (birthMismatch) items.push(item('dq.cpr-birth-date-mismatch', 30));
      if (duplicates) items.push(item('dq.duplicate-entries', 20));
      if (items.length > 1) items.sort(compareItems);
    }
    return {
      KOL: { status: kolStatus, suggestedLevel: kolLevel?.suggested ?? null, levelInForce: kolLevel?.inForce ?? null, inPackage: kolIn, items: kolItems },
      LRS: { status: lrsStatus, suggestedLevel: lrsLevel?.suggested ?? null, levelInForce: lrsLevel?.inForce ?? null, inPackage: lrsIn, items: lrsItems },
    };
  }

  /** The level model: max(severity, complexity band, clinician), the contact plan in force, and (KOL) the re-assessment. */
  #level(
    r: PatientRecord,
    pkg: PackageId,
    severity: Severity,
    shared: Shared,
    sickLeaveWeeks: number,
    reassess: boolean,
  ): LevelResult {
    // The needs assessment counts for 12 months; older answers count as missing.
    const since = this.#since12;
    let factors = 0;
    if (shared.conditions >= 2) factors++;
    if (shared.mentalHealthDiagnosis || needs(r, pkg, 'mentalHealthScreenPositive', since) === true) factors++;
    if (shared.sils !== undefined && shared.sils >= 3) factors++;
    if (needs(r, pkg, 'livesAloneWithoutNetwork', since) === true) factors++;
    if (needs(r, pkg, 'caregiverBurden', since) === true) factors++;
    if (needs(r, pkg, 'languageBarrier', since) === true) factors++;
    if (needs(r, pkg, 'substanceAbuse', since) === true) factors++;
    const selfManagement = needs(r, pkg, 'selfManagement', since);
    if (selfManagement === 'partial') factors += 1;
    else if (selfManagement === 'poor') factors += 2;
    if (pkg === 'LRS' && (sickLeaveWeeks >= 4 || needs(r, pkg, 'jobAtRisk', since) === true)) factors++;
    const complexity: Level = factors >= 3 ? 3 : factors >= 1 ? 2 : 1;
    const clinician: Level = needs(r, pkg, 'complexCourse', since) === true ? 3 : 1;
    const suggested = Math.max(severity.min, complexity, clinician) as Level;

    let decision: PatientRecord['levelDecisions'][number] | undefined;
    for (const d of r.levelDecisions) if (d.package === pkg && d.date <= this.#asOf) decision = d;
    if (decision === undefined) return { suggested, inForce: suggested, reassessmentDue: false };
    let due = false;
    if (reassess) {
      const aarsstatus = latestEncounter(r, pkg, false);
      const admission = r.admissions.at(-1)?.date;
      due = (aarsstatus !== undefined && aarsstatus > decision.date) || (admission !== undefined && admission > decision.date);
      if (!due && severity.min === severity.max) {
        // Severity changed since the decision: computed on the record as it stood on the decision date.
        const then = kolSeverity(recordUpTo(r, decision.date), decision.date);
        due = then.min === then.max ? then.min !== severity.min : severity.min > decision.level;
      }
    }
    return { suggested, inForce: decision.level, reassessmentDue: due };
  }

  /** The follow-up items of the contact plan in force (both packages). */
  #followUp(r: PatientRecord, pkg: PackageId, level: LevelResult, into: HandItem[], prefix: string): void {
    const months = FOLLOW_UP_MONTHS[level.inForce];
    if (months === 0) return;
    const last = latestEncounter(r, pkg, true);
    if (last === undefined) return;
    const due = addMonthsIso(last, months);
    if (due < this.#asOf) into.push(item(`${prefix}.follow-up.overdue`, 70, due));
    else if (due <= this.#soon) into.push(item(`${prefix}.follow-up.due`, 50, due));
  }

  #within(date: IsoDate | undefined, since: IsoDate): boolean {
    return date !== undefined && date >= since && date <= this.#asOf;
  }

  /** The KOL items: data quality for everyone, the package's items with the level in force when in the package (else null). */
  #kolItems(r: PatientRecord, level: LevelResult | null, diagnosis: boolean): HandItem[] {
    const asOf = this.#asOf;
    const items: HandItem[] = [];
    // Data quality: always.
    let fev1High = false;
    let fev1Fraction = false;
    let ratioMismatch = false;
    let lowestPost: number | undefined;
    let latestPp: number | undefined;
    // Post-bronchodilator FEV1/FVC < 0.70 followed by a later one >= 0.70.
    let obstructed = false;
    let disagree = false;
    for (const s of r.spirometry) {
      if (s.fev1PercentPredicted !== undefined && s.fev1PercentPredicted > 150) fev1High = true;
      if (s.fev1PercentPredicted !== undefined && s.fev1PercentPredicted < 10) fev1Fraction = true;
      if (s.ratioSource === 'given' && s.fev1L !== undefined && s.fvcL !== undefined && Math.round(Math.abs(s.ratio - s.fev1L / s.fvcL) * 10000) / 10000 > 0.02) {
        ratioMismatch = true;
      }
      if (s.postBronchodilator) {
        if (lowestPost === undefined || s.ratio < lowestPost) lowestPost = s.ratio;
        if (s.fev1PercentPredicted !== undefined) latestPp = s.fev1PercentPredicted;
        if (s.ratio < 0.7) obstructed = true;
        else if (obstructed) disagree = true;
      }
    }
    if (fev1High) items.push(item('dq.fev1-percent-implausible', 30));
    if (fev1Fraction) items.push(item('dq.fev1-percent-as-fraction', 30));
    if (ratioMismatch) items.push(item('dq.ratio-mismatch', 30));
    if (diagnosis && r.spirometry.length === 0) items.push(item('dq.kol-without-spirometry', 35));
    if (diagnosis && lowestPost !== undefined && lowestPost >= 0.7) items.push(item('dq.spirometry-contradicts-kol', 35));
    if (diagnosis && disagree) items.push(item('dq.spirometry-disagrees', 35));
    if (level === null) return items;

    // Årsstatus (12 months), due soon within 30 days.
    const lastAarsstatus = latestEncounter(r, 'KOL', false);
    const aarsstatusDue = lastAarsstatus === undefined ? undefined : addMonthsIso(lastAarsstatus, 12);
    const dueOrOverdue = aarsstatusDue !== undefined && aarsstatusDue <= this.#soon;
    if (aarsstatusDue === undefined) items.push(item('kol.aarsstatus.none', 75, asOf));
    else if (aarsstatusDue < asOf) items.push(item('kol.aarsstatus.overdue', 80, aarsstatusDue));
    else if (aarsstatusDue <= this.#soon) items.push(item('kol.aarsstatus.due', 60, aarsstatusDue));
    this.#followUp(r, 'KOL', level, items, 'kol');
    if ((dueOrOverdue || aarsstatusDue === undefined) && !this.#within(r.spirometry.at(-1)?.date, this.#since12)) items.push(item('kol.spirometry.due', 55));
    const mrcDate = later(r.mrc.at(-1)?.date, questionnaireDate(r, 'MRC'));
    const catDate = later(r.cat.at(-1)?.date, questionnaireDate(r, 'CAT'));
    if (!this.#within(mrcDate, this.#since12)) items.push(item('kol.mrc.missing', 45));
    if (!this.#within(catDate, this.#since12)) items.push(item('kol.cat.missing', 45));
    // A 'due' item's date is never before asOf: before an overdue årsstatus the CAT is due now.
    if (dueOrOverdue && !this.#within(catDate, this.#since1)) items.push(item('kol.pro.cat-before-aarsstatus', 52, aarsstatusDue < asOf ? asOf : aarsstatusDue));
    const smoker = r.smoking.at(-1)?.status === 'current';
    if (smoker) items.push(item('kol.smoking-cessation', 65));

    let influenza: IsoDate | undefined;
    let pneumococcal = false;
    for (const v of r.vaccinations) {
      if (v.vaccine === 'influenza') influenza = v.date;
      else if (v.vaccine === 'pneumococcal') pneumococcal = true;
    }
    if (this.#influenzaSeason && (influenza === undefined || influenza < this.#seasonStart)) items.push(item('kol.influenza-vaccination', 40));
    if (!pneumococcal) items.push(item('kol.pneumococcal-vaccination', 35));

    // Exacerbations in 12 months (the GOLD E rule) and GOLD group B/E for rehabilitation.
    let moderate = 0;
    let hospitalised = false;
    for (const e of r.exacerbations) {
      if (e.date < this.#since12 || e.date > asOf) continue;
      if (e.severity === 'moderate') moderate++;
      else hospitalised = true;
    }
    if (!hospitalised) for (const a of r.admissions) if (a.cause === 'KOL' && this.#within(a.date, this.#since12)) hospitalised = true;
    const groupE = moderate >= 2 || hospitalised;
    if (groupE) items.push(item('kol.exacerbations.review', 90));
    if (!this.#within(referralDate(r, 'municipal-rehabilitation'), this.#since24)) {
      // The GOLD group with MRC and CAT of the last 12 months only (kol-care 0.2.0, as the level).
      const lastMrc = r.mrc.at(-1);
      const mrc = lastMrc !== undefined && lastMrc.date >= this.#since12 ? lastMrc.grade : undefined;
      const lastCat = latestCat(r);
      const cat = lastCat !== undefined && lastCat.date >= this.#since12 ? lastCat.total : undefined;
      const groupB = !groupE && ((mrc !== undefined && mrc >= 3) || (cat ?? 0) >= 10);
      if (groupE || groupB) items.push(item('kol.rehabilitation', 62));
    }
    if (!this.#within(r.inhalerChecks.at(-1)?.date, this.#since12)) items.push(item('kol.inhaler-technique', 42));
    // DXA for FEV1 < 50 % predicted (smoking alone no longer).
    if (latestPp !== undefined && latestPp < 50) {
      let dxa = referralDate(r, 'dxa') !== undefined;
      if (!dxa) for (const i of r.imaging) if (i.modality === 'dxa') dxa = true;
      if (!dxa) items.push(item('kol.dxa', 38));
    }
    if (level.reassessmentDue) items.push(item('kol.level.reassessment', 58));
    return items;
  }

  /**
   * The LRS items: the urgent warning sign and two or more risk factors for everyone, the package's
   * items with the level in force when in the package (else null).
   */
  #lrsItems(r: PatientRecord, level: LevelResult | null, sickLeaveWeeks: number, startBack: string | undefined): HandItem[] {
    const items: HandItem[] = [];
    let urgent = false;
    let riskFactors = 0;
    if (r.redFlags.length > 0) {
      const open = openRedFlags(r);
      urgent = lrsUrgentWarningSigns(open).includes(true);
      for (const f of RISK_FACTORS) if (open.has(f)) riskFactors++;
    }
    // An urgent warning sign: always, urgent. Two or more risk factors (no urgent sign): always.
    if (urgent) items.push(item('lrs.red-flag.open', 100, null, true));
    else if (riskFactors >= 2) items.push(item('lrs.risk-factors.consider-assessment', 66));
    if (level === null) return items;

    if (!urgent && riskFactors === 1) items.push(item('lrs.risk-factor.noted', 12));
    if (!this.#within(questionnaireDate(r, 'STarT-Back'), this.#since6)) items.push(item('lrs.start-back.missing', 60));
    let onset: IsoDate | undefined;
    for (let i = r.backPainEpisodes.length - 1; i >= 0 && onset === undefined; i--) {
      const e = r.backPainEpisodes[i];
      if (e !== undefined && e.endDate === undefined) onset = e.onsetDate;
    }
    if (onset !== undefined) {
      let reviewed = false;
      for (const f of r.redFlags) if (f.date >= onset) reviewed = true;
      if (!reviewed) items.push(item('lrs.red-flag-review.missing', 75));
    }
    if (sickLeaveWeeks >= 4) items.push(item('lrs.sick-leave', 85));
    // Stratified care by the STarT Back group of the last 6 months (not by the level).
    if (startBack === 'low') items.push(item('lrs.self-management', 30));
    if (startBack === 'medium' && !this.#within(referralDate(r, 'physiotherapy'), this.#since12)) items.push(item('lrs.physiotherapy', 62));
    if (
      startBack === 'high' &&
      !this.#within(referralDate(r, 'psychologically-informed-physiotherapy'), this.#since12) &&
      !this.#within(referralDate(r, 'multidisciplinary-assessment'), this.#since12)
    ) {
      items.push(item('lrs.psychologically-informed-care', 64));
    }
    this.#followUp(r, 'LRS', level, items, 'lrs');
    if (!this.#within(questionnaireDate(r, 'ODI', 'RMDQ'), this.#since6) || !this.#within(questionnaireDate(r, 'NRS-pain'), this.#since6)) {
      items.push(item('lrs.pro.due', 45));
    }
    if (this.#spineImagingWithoutRedFlag(r)) items.push(item('lrs.imaging.without-red-flag', 40));
    return items;
  }

  /** An x-ray, CT or MRI of the spine in the last 12 months with no red flag present on its date. */
  #spineImagingWithoutRedFlag(r: PatientRecord): boolean {
    for (const i of r.imaging) {
      if (i.modality === 'dxa' || i.modality === 'other') continue;
      if (i.region !== 'lumbar-spine' && i.region !== 'thoracic-spine' && i.region !== 'whole-spine') continue;
      if (!this.#within(i.date, this.#since12)) continue;
      if (r.redFlags.length === 0) return true;
      const states = new Map<string, string>();
      for (const f of r.redFlags) if (f.date <= i.date) states.set(f.flag, f.status);
      let present = false;
      for (const s of states.values()) if (s === 'present') present = true;
      if (!present) return true;
    }
    return false;
  }
}
