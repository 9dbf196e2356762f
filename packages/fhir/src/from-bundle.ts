/**
 * `fromFhirBundle`: a FHIR R4 Bundle of one patient's data -> a validated
 * `PatientRecord`, with a mapping report.
 *
 * @module
 */

import {
  EXACERBATION_SEVERITIES,
  IMAGING_MODALITIES,
  IMAGING_REGIONS,
  IMAGING_STATUSES,
  INHALER_CHECK_RESULTS,
  KronikerpakkerError,
  MOTIVATION_LEVELS,
  PACKAGE_DECISIONS,
  PACKAGES,
  RED_FLAG_STATUSES,
  REFERRAL_STATUSES,
  SELF_MANAGEMENT_LEVELS,
  SICK_LEAVE_EXTENTS,
  WORK_STATUSES,
  RECORD_LISTS,
  assertAsOf,
  classifyPersonIdentifier,
  getValueSet,
  inValueSet,
  isIsoDate,
  isoDateOfInstant,
  compareIsoDates,
  safeNormaliseIcd10,
  safeNormaliseIcpc2,
  safeParseCpr,
  safeParsePatientRecord,
} from '@kronikerpakker/core';
import type { InvalidRecordError, IsoDate, PackageId, PatientRecord, PatientRecordInput, RedFlagStatus, Sex } from '@kronikerpakker/core';
import { safeFromFhirQuestionnaireResponse } from '@kronikerpakker/pro';
import type { FhirQuestionnaireResponseInput } from '@kronikerpakker/pro';
import { DEFAULT_FHIR_CODE_MAPS, checkFhirCodeMapOverrides, mergeChecked } from './code-maps';
import type { FhirCodeEntry, FhirCodeMapOverrides, FhirCodeMaps } from './code-maps';
import { ReportBuilder } from './report';
import type { MappingReasonCode, MappingReport, MappingTarget } from './report';

/**
 * Options of {@link fromFhirBundle}.
 *
 * @example
 * ```ts
 * const options: FromFhirBundleOptions = { asOf: '2027-01-15', listedWhenAbsent: false };
 * ```
 */
export interface FromFhirBundleOptions {
  /** The evaluation date (`YYYY-MM-DD`): entries dated after it are ignored (`after-as-of`); validation uses it. */
  readonly asOf: IsoDate;
  /** Overrides of the code maps (see {@link DEFAULT_FHIR_CODE_MAPS}). */
  readonly codeMaps?: FhirCodeMapOverrides;
  /** The record id; default: the Patient's `id`. */
  readonly recordId?: string;
  /** `patient.listed` when the Patient has no `listed` extension (default `true`, with the note `listed-assumed`). */
  readonly listedWhenAbsent?: boolean;
}

/**
 * A successful mapping: the record, the mapped input and the report.
 *
 * @example
 * ```ts
 * const r = fromFhirBundle(bundle, { asOf: '2027-01-15' });
 * if (r.success) r.record.patient.birthDate;
 * ```
 */
export interface FhirMappingSuccess {
  /** Always true. */
  readonly success: true;
  /** The validated record. */
  readonly record: PatientRecord;
  /** The record input the Bundle mapped to (before validation and normalisation). */
  readonly input: PatientRecordInput;
  /** What happened to every entry. */
  readonly report: MappingReport;
}

/**
 * A failed mapping: the error (paths and codes, never values), the input
 * mapped so far (absent when there was no usable Bundle or Patient) and the report.
 *
 * @example
 * ```ts
 * const r = fromFhirBundle(bundle, { asOf: '2027-01-15' });
 * if (!r.success) r.error.code; // 'INVALID_RECORD' | 'INVALID_ARGUMENT'
 * ```
 */
export interface FhirMappingFailure {
  /** Always false. */
  readonly success: false;
  /** `INVALID_RECORD` (validation issues with record paths) or `INVALID_ARGUMENT` (not a Bundle, no Patient). */
  readonly error: InvalidRecordError | KronikerpakkerError;
  /** The mapped input, if a Patient was found. */
  readonly input: PatientRecordInput | undefined;
  /** What happened to every entry. */
  readonly report: MappingReport;
}

/**
 * The result of {@link fromFhirBundle}.
 *
 * @example
 * ```ts
 * const result: FhirMappingResult = fromFhirBundle(bundle, { asOf: '2027-01-15' });
 * ```
 */
export type FhirMappingResult = FhirMappingSuccess | FhirMappingFailure;

/**
 * The result of {@link fromFhirBundleOrThrow}.
 *
 * @example
 * ```ts
 * const { record, report }: FhirMappingOutput = fromFhirBundleOrThrow(bundle, { asOf: '2027-01-15' });
 * ```
 */
export interface FhirMappingOutput {
  /** The validated record. */
  readonly record: PatientRecord;
  /** What happened to every entry. */
  readonly report: MappingReport;
}

type Json = Record<string, unknown>;
type Input = PatientRecordInput;
type ListKey = Exclude<MappingTarget, 'patient'>;
type Item<K extends ListKey> = NonNullable<Input[K]>[number];

interface Coding {
  readonly system: string | undefined;
  readonly code: string;
}

/** The outcome of mapping one resource. */
type Outcome =
  | { readonly kind: 'used'; readonly target: ListKey; readonly item: unknown; readonly notes?: MappingReasonCode[] }
  | { readonly kind: 'ignored' | 'rejected'; readonly reason: MappingReasonCode };

const ignored = (reason: MappingReasonCode): Outcome => ({ kind: 'ignored', reason });
const rejected = (reason: MappingReasonCode): Outcome => ({ kind: 'rejected', reason });
const used = <K extends ListKey>(target: K, item: Item<K>, notes?: MappingReasonCode[]): Outcome =>
  notes === undefined || notes.length === 0 ? { kind: 'used', target, item } : { kind: 'used', target, item, notes };

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{0,63}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const PARTIAL_DATE = /^\d{4}(-\d{2})?$/;
const HTEST = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST' } as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of an array from the input, read by index: an array whose
 * `constructor` or iterator was overwritten is read like any other (`map`,
 * `flatMap` and spreads on the input itself would call them).
 */
function array(value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) return [];
  const list = value as readonly unknown[];
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

/** The codings of a CodeableConcept (those with a string code). */
function codings(concept: unknown): Coding[] {
  if (!isObject(concept)) return [];
  const out: Coding[] = [];
  for (const c of array(concept['coding'])) {
    if (isObject(c) && typeof c['code'] === 'string') {
      out.push({ system: typeof c['system'] === 'string' ? c['system'] : undefined, code: c['code'] });
    }
  }
  return out;
}

function same(a: string, b: string): boolean {
  return a === b || a.toUpperCase() === b.toUpperCase();
}

/** The first code-map entry one of the codings matches (entries in map order). */
function match<E extends FhirCodeEntry>(list: readonly Coding[], entries: readonly E[]): { entry: E; coding: Coding } | undefined {
  for (const entry of entries) {
    for (const coding of list) {
      if (coding.system !== entry.system) continue;
      const prefix = (entry as { codePrefix?: boolean }).codePrefix === true;
      if (prefix ? coding.code.toUpperCase().startsWith(entry.code.toUpperCase()) : same(coding.code, entry.code)) return { entry, coding };
    }
  }
  return undefined;
}

/** Why a date cannot be read. */
interface DateFault {
  readonly fault: 'missing-date' | 'partial-date' | 'invalid-date';
}
const MISSING: DateFault = { fault: 'missing-date' };
const PARTIAL: DateFault = { fault: 'partial-date' };
const INVALID: DateFault = { fault: 'invalid-date' };

/** A FHIR date or dateTime as a Copenhagen calendar date. */
function readDate(value: unknown): IsoDate | DateFault {
  if (value === undefined || value === null) return MISSING;
  if (typeof value !== 'string') return INVALID;
  if (DATE_ONLY.test(value)) return isIsoDate(value) ? value : INVALID;
  if (DATE_TIME.test(value) && isIsoDate(value.slice(0, 10))) {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? INVALID : isoDateOfInstant(instant);
  }
  return PARTIAL_DATE.test(value) ? PARTIAL : INVALID;
}

/** Unit conversion factors by UCUM code or unit text; `''` = no unit given (read in the target unit). */
type Units = Readonly<Record<string, number>>;
const LITRES: Units = { '': 1, L: 1, l: 1, mL: 0.001, ml: 0.001 };
const KG: Units = { '': 1, kg: 1, g: 0.001 };
const CM: Units = { '': 1, cm: 1, m: 100 };
const KG_M2: Units = { '': 1, 'kg/m2': 1, 'kg/m^2': 1, 'kg/(m.m)': 1 };
const PERCENT: Units = { '': 1, '%': 1 };
const FRACTION: Units = { '': 1, '1': 1, '{ratio}': 1, '{Number}': 1, '%': 0.01 };
const COUNT: Units = { '': 1, '1': 1, '{score}': 1, '{grade}': 1, '{pack-years}': 1, '{PackYears}': 1 };

type NumberRead = number | 'missing' | 'invalid' | 'unit';

/** `valueQuantity` or `valueInteger` of an Observation or component, converted to the target unit. */
function readNumber(holder: Json, units: Units): NumberRead {
  const integer = holder['valueInteger'];
  if (integer !== undefined) return typeof integer === 'number' && Number.isFinite(integer) ? integer : 'invalid';
  const q = holder['valueQuantity'];
  if (q === undefined) return 'missing';
  if (!isObject(q) || typeof q['value'] !== 'number' || !Number.isFinite(q['value'])) return 'invalid';
  const unit = typeof q['code'] === 'string' ? q['code'] : typeof q['unit'] === 'string' ? q['unit'] : '';
  const factor = units[unit];
  if (factor === undefined) return 'unit';
  return factor === 1 ? q['value'] : Math.round(q['value'] * factor * 1e6) / 1e6;
}

function numberProblem(read: NumberRead): MappingReasonCode | undefined {
  return read === 'missing' ? 'missing-value' : read === 'invalid' ? 'invalid-value' : read === 'unit' ? 'unsupported-unit' : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function extensionValue(resource: Json, url: string): Json | undefined {
  for (const e of array(resource['extension'])) if (isObject(e) && e['url'] === url) return e;
  return undefined;
}

/** The value of a `valueCode`/`valueString` extension if it is one of `values`; `undefined` without the extension, `null` if invalid. */
function extensionCode<T extends string>(resource: Json, url: string, values: readonly T[]): T | undefined | null {
  const e = extensionValue(resource, url);
  if (e === undefined) return undefined;
  return oneOf(values, e['valueCode'] ?? e['valueString']) ?? null;
}

/**
 * The type of one field of a record-convention Observation: `enum` (a
 * `valueCodeableConcept` in the value system), `boolean`, `integer` or `string`.
 *
 * @example
 * ```ts
 * const f: RecordFieldSpec = { type: 'enum', values: ['moderate', 'hospitalised'] };
 * ```
 */
export interface RecordFieldSpec {
  /** The value type. */
  readonly type: 'enum' | 'boolean' | 'integer' | 'string';
  /** The allowed codes of an `enum` field. */
  readonly values?: readonly string[];
}

/**
 * One record list carried by record-convention Observations.
 *
 * @example
 * ```ts
 * const spec: RecordListSpec = RECORD_CONVENTION_LISTS.sickLeave;
 * spec.period; // ['startDate', 'endDate']
 * ```
 */
export interface RecordListSpec {
  /** The two date fields read from `effectivePeriod` (start, end); absent: `date` from `effectiveDateTime`. */
  readonly period?: readonly [string, string];
  /** The fields, by name, each a component. */
  readonly fields: Readonly<Record<string, RecordFieldSpec>>;
}

/**
 * The record lists no national code covers, carried by the SDK's
 * record-convention Observations.
 *
 * @example
 * ```ts
 * const list: RecordConventionList = 'levelDecisions';
 * ```
 */
export type RecordConventionList =
  | 'exacerbations'
  | 'inhalerChecks'
  | 'imaging'
  | 'workStatus'
  | 'sickLeave'
  | 'packageDecisions'
  | 'needsAssessments'
  | 'levelDecisions'
  | 'sharedPlans';

const en = (values: readonly string[]): RecordFieldSpec => ({ type: 'enum', values });
const BOOL: RecordFieldSpec = { type: 'boolean' };

/**
 * The record lists carried by the SDK's record-convention Observations
 * (code `<recordSystem>|<list>`, one component per field, code
 * `<fieldSystem>|<field>`). Frozen data; see docs/fhir.md.
 *
 * @example
 * ```ts
 * Object.keys(RECORD_CONVENTION_LISTS.levelDecisions.fields); // ['package', 'level', 'reason']
 * ```
 */
export const RECORD_CONVENTION_LISTS: Readonly<Record<RecordConventionList, RecordListSpec>> = Object.freeze({
  exacerbations: { fields: { severity: en(EXACERBATION_SEVERITIES) } },
  inhalerChecks: { fields: { result: en(INHALER_CHECK_RESULTS) } },
  imaging: { fields: { modality: en(IMAGING_MODALITIES), region: en(IMAGING_REGIONS), status: en(IMAGING_STATUSES) } },
  workStatus: { fields: { status: en(WORK_STATUSES), jobAtRisk: BOOL } },
  sickLeave: { period: ['startDate', 'endDate'], fields: { extent: en(SICK_LEAVE_EXTENTS), backPainRelated: BOOL } },
  packageDecisions: { fields: { package: en(PACKAGES), decision: en(PACKAGE_DECISIONS) } },
  needsAssessments: {
    fields: {
      package: en(PACKAGES),
      mentalHealthScreenPositive: BOOL,
      livesAloneWithoutNetwork: BOOL,
      caregiverBurden: BOOL,
      languageBarrier: BOOL,
      substanceAbuse: BOOL,
      selfManagement: en(SELF_MANAGEMENT_LEVELS),
      jobAtRisk: BOOL,
      complexCourse: BOOL,
      motivation: en(MOTIVATION_LEVELS),
    },
  },
  levelDecisions: { fields: { package: en(PACKAGES), level: { type: 'integer' }, reason: { type: 'string' } } },
  sharedPlans: { fields: { package: en(PACKAGES), documentId: { type: 'string' } } },
});

/** The record's lists (core's own list of them): a Bundle maps into every one. */
const LIST_KEYS: readonly ListKey[] = RECORD_LISTS;

const GENDERS: Readonly<Record<string, Sex>> = { male: 'male', female: 'female', other: 'other', unknown: 'unknown' };

/** Everything the resource mappers need. */
class Mapper {
  readonly maps: FhirCodeMaps;
  readonly asOf: IsoDate;
  readonly patientRefs = new Set<string>();

  constructor(maps: FhirCodeMaps, asOf: IsoDate) {
    this.maps = maps;
    this.asOf = asOf;
  }

  /** A date that must be present, on or before asOf. */
  dated(value: unknown): IsoDate | Outcome {
    const d = readDate(value);
    if (typeof d !== 'string') return rejected(d.fault);
    if (compareIsoDates(d, this.asOf) > 0) return ignored('after-as-of');
    return d;
  }

  /** An optional date (an end or resolution). */
  optionalDate(value: unknown): IsoDate | undefined | Outcome {
    if (value === undefined) return undefined;
    const d = readDate(value);
    return typeof d === 'string' ? d : rejected(d.fault);
  }

  otherPatient(resource: Json, key: 'subject' | 'patient'): boolean {
    const ref = resource[key];
    if (!isObject(ref) || typeof ref['reference'] !== 'string') return false;
    const reference = ref['reference'];
    if (this.patientRefs.has(reference)) return false;
    for (const known of this.patientRefs) if (known.startsWith('Patient/') && reference.endsWith(`/${known}`)) return false;
    return true;
  }

  packageOf(resource: Json): PackageId | undefined | 'invalid' {
    const p = extensionCode(resource, this.maps.extensions.package, PACKAGES);
    return p === null ? 'invalid' : p;
  }

  condition(r: Json): Outcome {
    const verification = codings(r['verificationStatus']).map((c) => c.code);
    if (verification.includes('entered-in-error')) return ignored('entered-in-error');
    if (verification.includes('refuted')) return ignored('refuted');
    const list = codings(r['code']);
    const dx = this.diagnosisCoding(list);
    if (dx !== undefined) {
      if (dx === 'invalid') return rejected('invalid-code');
      const recorded = this.dated(r['recordedDate']);
      if (typeof recorded !== 'string') return recorded;
      const onset = this.optionalDate(r['onsetDateTime']);
      if (typeof onset === 'object') return onset;
      const abatement = this.optionalDate(r['abatementDateTime']);
      if (typeof abatement === 'object') return abatement;
      const statusCoding = codings(r['clinicalStatus'])[0];
      let status: 'active' | 'resolved' = abatement === undefined ? 'active' : 'resolved';
      if (statusCoding !== undefined) {
        const s = this.maps.clinicalStatuses.find((x) => x.code === statusCoding.code);
        if (s === undefined) return rejected('invalid-value');
        status = s.value;
      }
      const item: Item<'diagnoses'> = { system: dx.system, code: dx.code, status, recordedDate: recorded };
      if (onset !== undefined) item.onsetDate = onset;
      if (abatement !== undefined) item.resolvedDate = abatement;
      return used('diagnoses', item);
    }
    if (match(list, this.maps.backPainEpisode) !== undefined) {
      const onset = this.dated(r['onsetDateTime']);
      if (typeof onset !== 'string') return onset;
      const end = this.optionalDate(r['abatementDateTime']);
      if (typeof end === 'object') return end;
      return used('backPainEpisodes', end === undefined ? { onsetDate: onset } : { onsetDate: onset, endDate: end });
    }
    return ignored('unknown-code');
  }

  diagnosisCoding(list: readonly Coding[]): { system: 'ICPC-2' | 'ICD-10' | 'SKS'; code: string } | 'invalid' | undefined {
    for (const coding of list) {
      const sys = this.maps.diagnosisSystems.find((s) => s.system === coding.system);
      if (sys === undefined) continue;
      const raw = coding.code.trim();
      const ok =
        sys.value === 'ICPC-2'
          ? safeNormaliseIcpc2(raw)
          : sys.value === 'ICD-10'
            ? safeNormaliseIcd10(raw)
            : /^d/i.test(raw)
              ? safeNormaliseIcd10(raw.slice(1))
              : undefined;
      return ok === undefined ? 'invalid' : { system: sys.value, code: raw };
    }
    return undefined;
  }

  observation(r: Json): Outcome {
    const status = r['status'];
    if (status === 'entered-in-error') return ignored('entered-in-error');
    if (status === 'cancelled') return ignored('not-done');
    const list = codings(r['code']);
    const o = this.maps.observations;
    if (match(list, o.spirometry) !== undefined) return this.spirometry(r);
    if (match(list, o.bodyPanel) !== undefined) return this.body(r, true);
    if (match(list, o.weight) !== undefined || match(list, o.height) !== undefined || match(list, o.bmi) !== undefined) return this.body(r, false);
    if (match(list, o.mrc) !== undefined) return this.scored(r, 'mrc');
    if (match(list, o.cat) !== undefined) return this.scored(r, 'cat');
    if (match(list, o.smoking) !== undefined) return this.smoking(r);
    if (match(list, this.maps.redFlags) !== undefined) return this.redFlagObservation(r, list);
    const record = list.find((c) => c.system === this.maps.recordSystem);
    if (record !== undefined && Object.hasOwn(RECORD_CONVENTION_LISTS, record.code)) return this.recordConvention(r, record.code as RecordConventionList);
    for (const key of ['fev1', 'fev1Post', 'fvc', 'ratio', 'fev1PercentPredicted', 'postBronchodilator', 'packYears'] as const) {
      if (match(list, o[key]) !== undefined) return ignored('unsupported-structure');
    }
    return ignored('unknown-code');
  }

  spirometry(r: Json): Outcome {
    const date = this.dated(r['effectiveDateTime']);
    if (typeof date !== 'string') return date;
    const o = this.maps.observations;
    const item: Item<'spirometry'> = { date, postBronchodilator: false };
    const notes: MappingReasonCode[] = [];
    for (const c of array(r['component'])) {
      if (!isObject(c)) return rejected('malformed');
      const list = codings(c['code']);
      const set = (key: 'fev1L' | 'fvcL' | 'ratio' | 'fev1PercentPredicted', units: Units): MappingReasonCode | undefined => {
        const v = readNumber(c, units);
        const problem = numberProblem(v);
        if (problem !== undefined) return problem;
        item[key] = v as number;
        return undefined;
      };
      let problem: MappingReasonCode | undefined;
      if (match(list, o.fev1Post) !== undefined) {
        problem = set('fev1L', LITRES);
        item.postBronchodilator = true;
      } else if (match(list, o.fev1) !== undefined) problem = set('fev1L', LITRES);
      else if (match(list, o.fvc) !== undefined) problem = set('fvcL', LITRES);
      else if (match(list, o.ratio) !== undefined) problem = set('ratio', FRACTION);
      else if (match(list, o.fev1PercentPredicted) !== undefined) problem = set('fev1PercentPredicted', PERCENT);
      else if (match(list, o.postBronchodilator) !== undefined) {
        if (typeof c['valueBoolean'] !== 'boolean') problem = 'invalid-value';
        else item.postBronchodilator = c['valueBoolean'];
      } else if (!notes.includes('unknown-component')) notes.push('unknown-component');
      if (problem !== undefined) return rejected(problem);
    }
    if (item.fev1L === undefined && item.fvcL === undefined && item.ratio === undefined && item.fev1PercentPredicted === undefined) return rejected('missing-value');
    return used('spirometry', item, notes);
  }

  body(r: Json, panel: boolean): Outcome {
    const date = this.dated(r['effectiveDateTime']);
    if (typeof date !== 'string') return date;
    const o = this.maps.observations;
    const item: Item<'bodyMeasurements'> = { date };
    const notes: MappingReasonCode[] = [];
    const parts = panel ? array(r['component']) : [r];
    for (const c of parts) {
      if (!isObject(c)) return rejected('malformed');
      const list = codings(c['code']);
      let key: 'weightKg' | 'heightCm' | 'bmi' | undefined;
      let units: Units = KG;
      if (match(list, o.weight) !== undefined) key = 'weightKg';
      else if (match(list, o.height) !== undefined) [key, units] = ['heightCm', CM];
      else if (match(list, o.bmi) !== undefined) [key, units] = ['bmi', KG_M2];
      if (key === undefined) {
        if (!notes.includes('unknown-component')) notes.push('unknown-component');
        continue;
      }
      const v = readNumber(c, units);
      const problem = numberProblem(v);
      if (problem !== undefined) return rejected(problem);
      item[key] = v as number;
    }
    if (item.weightKg === undefined && item.heightCm === undefined && item.bmi === undefined) return rejected('missing-value');
    return used('bodyMeasurements', item, notes);
  }

  scored(r: Json, target: 'mrc' | 'cat'): Outcome {
    const date = this.dated(r['effectiveDateTime']);
    if (typeof date !== 'string') return date;
    const v = readNumber(r, COUNT);
    if (target === 'mrc') {
      const problem = numberProblem(v);
      return problem === undefined ? used('mrc', { date, grade: v as number }) : rejected(problem);
    }
    const item: Item<'cat'> = { date };
    if (v !== 'missing') {
      const problem = numberProblem(v);
      if (problem !== undefined) return rejected(problem);
      item.total = v as number;
    }
    const items: number[] = [];
    for (const c of array(r['component'])) {
      if (!isObject(c)) return rejected('malformed');
      const field = codings(c['code']).find((x) => x.system === this.maps.fieldSystem);
      const n = field === undefined ? NaN : Number(/^cat-item-([1-8])$/.exec(field.code)?.[1]);
      const value = c['valueInteger'];
      if (Number.isNaN(n)) continue;
      if (typeof value !== 'number') return rejected('invalid-value');
      items[n - 1] = value;
    }
    if (items.length > 0) {
      if (items.length !== 8 || items.some((x) => typeof x !== 'number')) return rejected('missing-value');
      item.items = items;
    }
    if (item.total === undefined && item.items === undefined) return rejected('missing-value');
    return used('cat', item);
  }

  smoking(r: Json): Outcome {
    const date = this.dated(r['effectiveDateTime']);
    if (typeof date !== 'string') return date;
    const value = match(codings(r['valueCodeableConcept']), this.maps.smokingValues);
    if (value === undefined) return r['valueCodeableConcept'] === undefined ? rejected('missing-value') : ignored('unknown-code');
    const item: Item<'smoking'> = { date, status: value.entry.value };
    for (const c of array(r['component'])) {
      if (!isObject(c) || match(codings(c['code']), this.maps.observations.packYears) === undefined) continue;
      const v = readNumber(c, COUNT);
      const problem = numberProblem(v);
      if (problem !== undefined) return rejected(problem);
      item.packYears = v as number;
    }
    return used('smoking', item);
  }

  redFlagStatus(value: unknown): RedFlagStatus | undefined {
    return oneOf(RED_FLAG_STATUSES, value);
  }

  redFlagObservation(r: Json, list: readonly Coding[]): Outcome {
    const flag = match(list, this.maps.redFlags);
    if (flag === undefined) return ignored('unknown-code');
    const date = this.dated(r['effectiveDateTime']);
    if (typeof date !== 'string') return date;
    let status: RedFlagStatus | undefined;
    if (typeof r['valueBoolean'] === 'boolean') status = r['valueBoolean'] ? 'present' : 'absent';
    else {
      const c = codings(r['valueCodeableConcept']).find((x) => x.system === this.maps.valueSystem);
      if (r['valueCodeableConcept'] === undefined) return rejected('missing-value');
      status = this.redFlagStatus(c?.code);
    }
    return status === undefined ? rejected('invalid-value') : used('redFlags', { date, flag: flag.entry.value, status });
  }

  flag(r: Json): Outcome {
    if (r['status'] === 'entered-in-error') return ignored('entered-in-error');
    const flag = match(codings(r['code']), this.maps.redFlags);
    if (flag === undefined) return ignored('unknown-code');
    const period = isObject(r['period']) ? r['period'] : {};
    const date = this.dated(period['start']);
    if (typeof date !== 'string') return date;
    const ext = extensionCode(r, this.maps.extensions.redFlagStatus, RED_FLAG_STATUSES);
    if (ext === null) return rejected('invalid-value');
    let status: RedFlagStatus;
    if (ext !== undefined) status = ext;
    else if (r['status'] === 'active') status = 'present';
    else if (r['status'] === 'inactive') status = 'cleared';
    else return rejected('invalid-value');
    return used('redFlags', { date, flag: flag.entry.value, status });
  }

  recordConvention(r: Json, list: RecordConventionList): Outcome {
    const spec = RECORD_CONVENTION_LISTS[list];
    const item: Record<string, unknown> = {};
    if (spec.period === undefined) {
      const date = this.dated(r['effectiveDateTime']);
      if (typeof date !== 'string') return date;
      item['date'] = date;
    } else {
      const period = isObject(r['effectivePeriod']) ? r['effectivePeriod'] : {};
      const start = this.dated(period['start']);
      if (typeof start !== 'string') return start;
      const end = this.optionalDate(period['end']);
      if (typeof end === 'object') return end;
      item[spec.period[0]] = start;
      if (end !== undefined) item[spec.period[1]] = end;
    }
    const notes: MappingReasonCode[] = [];
    for (const c of array(r['component'])) {
      if (!isObject(c)) return rejected('malformed');
      const field = codings(c['code']).find((x) => x.system === this.maps.fieldSystem);
      const fieldSpec = field === undefined || !Object.hasOwn(spec.fields, field.code) ? undefined : spec.fields[field.code];
      if (field === undefined || fieldSpec === undefined) {
        if (!notes.includes('unknown-component')) notes.push('unknown-component');
        continue;
      }
      let value: unknown;
      switch (fieldSpec.type) {
        case 'enum':
          value = oneOf(fieldSpec.values ?? [], codings(c['valueCodeableConcept']).find((x) => x.system === this.maps.valueSystem)?.code);
          break;
        case 'boolean':
          value = typeof c['valueBoolean'] === 'boolean' ? c['valueBoolean'] : undefined;
          break;
        case 'integer':
          value = typeof c['valueInteger'] === 'number' ? c['valueInteger'] : undefined;
          break;
        case 'string':
          value = typeof c['valueString'] === 'string' ? c['valueString'] : undefined;
          break;
      }
      if (value === undefined) return rejected('invalid-value');
      item[field.code] = value;
    }
    return used(list, item as Item<typeof list>, notes);
  }

  immunization(r: Json): Outcome {
    if (r['status'] === 'entered-in-error') return ignored('entered-in-error');
    if (r['status'] === 'not-done') return ignored('not-done');
    const found = match(codings(r['vaccineCode']), this.maps.vaccines);
    if (found === undefined) return ignored('unknown-code');
    const date = this.dated(r['occurrenceDateTime']);
    if (typeof date !== 'string') return date;
    const item: Item<'vaccinations'> = { date, vaccine: found.entry.value };
    if (found.entry.recordSystem !== undefined) item.code = { system: found.entry.recordSystem, code: found.coding.code };
    return used('vaccinations', item);
  }

  encounter(r: Json): Outcome {
    const status = r['status'];
    if (status === 'entered-in-error') return ignored('entered-in-error');
    if (status === 'cancelled' || status === 'planned') return ignored('not-done');
    const period = isObject(r['period']) ? r['period'] : {};
    const date = this.dated(period['start']);
    if (typeof date !== 'string') return date;
    const klass = isObject(r['class']) && typeof r['class']['code'] === 'string' ? [{ system: typeof r['class']['system'] === 'string' ? r['class']['system'] : undefined, code: r['class']['code'] }] : [];
    if (match(klass, this.maps.admissionClasses) !== undefined) {
      const end = this.optionalDate(period['end']);
      if (typeof end === 'object') return end;
      const cause = this.admissionCause(r);
      const item: Item<'admissions'> = { date, cause };
      if (end !== undefined && compareIsoDates(end, this.asOf) <= 0) item.endDate = end;
      return used('admissions', item);
    }
    const type = match(array(r['type']).flatMap(codings), this.maps.encounterTypes);
    const pkg = this.packageOf(r);
    if (pkg === 'invalid') return rejected('invalid-value');
    const item: Item<'encounters'> = { date, type: type?.entry.value ?? 'other' };
    if (pkg !== undefined) item.package = pkg;
    return used('encounters', item);
  }

  admissionCause(r: Json): 'KOL' | 'LRS' | 'other' {
    const list = array(r['reasonCode']).flatMap(codings);
    const sdk = list.find((c) => c.system === this.maps.valueSystem && (c.code === 'KOL' || c.code === 'LRS' || c.code === 'other'));
    if (sdk !== undefined) return sdk.code as 'KOL' | 'LRS' | 'other';
    for (const coding of list) {
      const dx = this.diagnosisCoding([coding]);
      if (dx === undefined || dx === 'invalid') continue;
      const system = dx.system === 'ICPC-2' ? 'ICPC-2' : 'ICD-10';
      if (inValueSet(getValueSet('kol-diagnosis'), { system, code: dx.code })) return 'KOL';
      if (inValueSet(getValueSet('lrs-diagnosis'), { system, code: dx.code })) return 'LRS';
    }
    return 'other';
  }

  serviceRequest(r: Json): Outcome {
    if (r['status'] === 'entered-in-error') return ignored('entered-in-error');
    const type = match(codings(r['code']), this.maps.referralTypes);
    if (type === undefined) return ignored('unknown-code');
    const date = this.dated(r['authoredOn']);
    if (typeof date !== 'string') return date;
    const ext = extensionCode(r, this.maps.extensions.referralStatus, REFERRAL_STATUSES);
    if (ext === null) return rejected('invalid-value');
    const status = ext ??  this.maps.referralStatuses.find((s) => s.code === r['status'])?.value;
    if (status === undefined) return rejected('invalid-value');
    const pkg = this.packageOf(r);
    if (pkg === 'invalid') return rejected('invalid-value');
    const item: Item<'referrals'> = { date, type: type.entry.value, status };
    if (pkg !== undefined) item.package = pkg;
    return used('referrals', item);
  }

  questionnaireResponse(r: Json): Outcome {
    if (r['status'] === 'entered-in-error') return ignored('entered-in-error');
    const result = safeFromFhirQuestionnaireResponse(r as unknown as FhirQuestionnaireResponseInput);
    if (!result.success) {
      return result.error.issues.some((i) => i.code === 'unknown-instrument') ? ignored('unknown-code') : rejected('invalid-questionnaire-response');
    }
    const a = result.answers;
    if (a.date === undefined) return rejected(r['authored'] === undefined ? 'missing-date' : 'partial-date');
    if (compareIsoDates(a.date, this.asOf) > 0) return ignored('after-as-of');
    return used('questionnaires', { date: a.date, instrument: a.instrument, version: a.version, answers: { ...a.answers } });
  }
}

function resourceTypeName(value: unknown): string {
  return typeof value === 'string' && RESOURCE_TYPE.test(value) ? value : '(none)';
}

function mapPatient(
  r: Json,
  maps: FhirCodeMaps,
  options: { readonly listedWhenAbsent: boolean | undefined },
): { patient: Input['patient']; id: string | undefined; synthetic: boolean; notes: MappingReasonCode[] } | MappingReasonCode {
  const birth = readDate(r['birthDate']);
  if (typeof birth !== 'string') return birth.fault;
  const notes: MappingReasonCode[] = [];
  let cpr: string | undefined;
  for (const identifier of array(r['identifier'])) {
    if (!isObject(identifier) || typeof identifier['system'] !== 'string') continue;
    const value = identifier['value'];
    if (maps.replacementSystems.includes(identifier['system'])) {
      if (!notes.includes('replacement-number')) notes.push('replacement-number');
    } else if (maps.cprSystems.includes(identifier['system']) && cpr === undefined) {
      const parsed = typeof value === 'string' ? safeParseCpr(value) : undefined;
      if (parsed?.success === true) cpr = parsed.data.cpr;
      else {
        const kind = typeof value === 'string' ? classifyPersonIdentifier(value) : 'unknown';
        notes.push(kind === 'x-ecpr' || kind === 'd-ecpr' ? 'replacement-number' : 'invalid-cpr');
      }
    }
  }
  const gender = typeof r['gender'] === 'string' && Object.hasOwn(GENDERS, r['gender']) ? GENDERS[r['gender']] : undefined;
  const listedExt = extensionValue(r, maps.extensions.listed);
  let listed: boolean;
  if (listedExt !== undefined && typeof listedExt['valueBoolean'] === 'boolean') listed = listedExt['valueBoolean'];
  else {
    listed = options.listedWhenAbsent ?? true;
    notes.push('listed-assumed');
  }
  const patient: Input['patient'] = cpr === undefined ? { birthDate: birth, sex: gender ?? 'unknown', listed } : { cpr, birthDate: birth, sex: gender ?? 'unknown', listed };
  if (r['deceasedDateTime'] !== undefined) {
    const d = readDate(r['deceasedDateTime']);
    if (typeof d !== 'string') return d.fault;
    patient.deceasedDate = d;
  } else if (r['deceasedBoolean'] === true) notes.push('deceased-without-date');
  const meta = isObject(r['meta']) ? r['meta'] : {};
  const labels = [...array(meta['security']), ...array(meta['tag'])];
  const synthetic = labels.some((l) => isObject(l) && l['system'] === HTEST.system && l['code'] === HTEST.code);
  return { patient, id: typeof r['id'] === 'string' ? r['id'] : undefined, synthetic, notes };
}

/** The subject reference key of each resource type the mapping reads. */
const SUBJECT_KEY: Readonly<Record<string, 'subject' | 'patient'>> = {
  Condition: 'subject',
  Observation: 'subject',
  QuestionnaireResponse: 'subject',
  Encounter: 'subject',
  ServiceRequest: 'subject',
  Flag: 'subject',
  Immunization: 'patient',
};

function invalidBundle(message: string, path: readonly (string | number)[]): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', message, { path });
}

/** The options, read once and checked before the Bundle is touched. */
interface CheckedOptions {
  readonly asOf: IsoDate;
  readonly maps: FhirCodeMaps;
  readonly recordId: string | undefined;
  readonly listedWhenAbsent: boolean | undefined;
}

function checkOptions(options: unknown): CheckedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected an options object with asOf', { path: ['options'] });
  }
  const { asOf, codeMaps, recordId, listedWhenAbsent } = options as { readonly [K in keyof FromFhirBundleOptions]?: unknown };
  assertAsOf(asOf);
  if (recordId !== undefined && typeof recordId !== 'string') {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected recordId to be a string', { path: ['options', 'recordId'] });
  }
  if (listedWhenAbsent !== undefined && typeof listedWhenAbsent !== 'boolean') {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected listedWhenAbsent to be a boolean', { path: ['options', 'listedWhenAbsent'] });
  }
  const maps = codeMaps === undefined ? DEFAULT_FHIR_CODE_MAPS : mergeChecked(checkFhirCodeMapOverrides(codeMaps, ['options', 'codeMaps']));
  return { asOf, maps, recordId, listedWhenAbsent };
}

/**
 * Maps a FHIR R4 Bundle (collection, transaction, searchset, ...) of one
 * patient's data to a validated `PatientRecord`, and reports what
 * happened to every entry. Never throws for bad input: a non-Bundle, a
 * Bundle without a Patient, or a record that fails validation come back as
 * `success: false` with a coded error (paths and codes, never values).
 *
 * See docs/fhir.md for the resources, codes and conventions read.
 *
 * @param bundle - the Bundle (parsed JSON; `fhir4.Bundle` fits)
 * @param options - `asOf`, code-map overrides, record id, `listed` default
 * @returns the record, the mapped input and the report; or the error, the input (if any) and the report
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` only for malformed options (no options object, a malformed
 *   `asOf`, code-map overrides of the wrong shape, a `recordId` that is not a string, a `listedWhenAbsent` that
 *   is not a boolean); they are checked before the Bundle is touched
 * @example
 * ```ts
 * const result = fromFhirBundle(bundle, { asOf: '2027-01-15' });
 * if (result.success) result.record.spirometry;
 * result.report.counts; // { used, ignored, rejected }
 * ```
 */
export function fromFhirBundle(bundle: unknown, options: FromFhirBundleOptions): FhirMappingResult {
  const checked = checkOptions(options);
  const maps = checked.maps;
  const report = new ReportBuilder();
  if (!isObject(bundle) || bundle['resourceType'] !== 'Bundle') {
    return { success: false, error: invalidBundle('Not a FHIR R4 Bundle: expected an object with resourceType "Bundle"', ['resourceType']), input: undefined, report: report.build() };
  }
  const entryValue = bundle['entry'] ?? [];
  if (!Array.isArray(entryValue)) {
    return { success: false, error: invalidBundle('Bundle.entry is not an array', ['entry']), input: undefined, report: report.build() };
  }
  const entries = array(entryValue);
  const mapper = new Mapper(maps, checked.asOf);
  const resources: (Json | undefined)[] = entries.map((e: unknown) => (isObject(e) && isObject(e['resource']) ? e['resource'] : undefined));

  // The Patient first: it names the record, and other resources must refer to it.
  let patient: ReturnType<typeof mapPatient> | undefined;
  let patientIndex = -1;
  resources.forEach((r, index) => {
    if (r === undefined || r['resourceType'] !== 'Patient' || patientIndex >= 0) return;
    const mapped = mapPatient(r, maps, checked);
    if (typeof mapped === 'string') return;
    patient = mapped;
    patientIndex = index;
    const entry: unknown = entries[index];
    if (isObject(entry) && typeof entry['fullUrl'] === 'string') mapper.patientRefs.add(entry['fullUrl']);
    if (typeof r['id'] === 'string') mapper.patientRefs.add(`Patient/${r['id']}`);
  });

  const lists = new Map<ListKey, unknown[]>(LIST_KEYS.map((k) => [k, []]));
  resources.forEach((r, index) => {
    if (r === undefined || typeof r['resourceType'] !== 'string') {
      report.add({ index, resourceType: resourceTypeName(r?.['resourceType']), outcome: 'rejected', reason: 'malformed' });
      return;
    }
    const resourceType = resourceTypeName(r['resourceType']);
    if (resourceType === 'Patient') {
      if (index === patientIndex && typeof patient === 'object') {
        const notes = patient.notes;
        report.add(notes.length > 0 ? { index, resourceType, outcome: 'used', target: 'patient', notes: Object.freeze([...notes]) } : { index, resourceType, outcome: 'used', target: 'patient' });
      } else if (patientIndex >= 0 && index > patientIndex) report.add({ index, resourceType, outcome: 'rejected', reason: 'second-patient' });
      else {
        const problem = mapPatient(r, maps, checked);
        report.add({ index, resourceType, outcome: 'rejected', reason: typeof problem === 'string' ? problem : 'malformed' });
      }
      return;
    }
    const subjectKey = SUBJECT_KEY[resourceType];
    if (subjectKey === undefined) {
      report.add({ index, resourceType, outcome: 'ignored', reason: 'unknown-resource-type' });
      return;
    }
    if (mapper.otherPatient(r, subjectKey)) {
      report.add({ index, resourceType, outcome: 'rejected', reason: 'other-patient' });
      return;
    }
    let outcome: Outcome;
    switch (resourceType) {
      case 'Condition':
        outcome = mapper.condition(r);
        break;
      case 'Observation':
        outcome = mapper.observation(r);
        break;
      case 'QuestionnaireResponse':
        outcome = mapper.questionnaireResponse(r);
        break;
      case 'Encounter':
        outcome = mapper.encounter(r);
        break;
      case 'ServiceRequest':
        outcome = mapper.serviceRequest(r);
        break;
      case 'Flag':
        outcome = mapper.flag(r);
        break;
      default:
        outcome = mapper.immunization(r);
        break;
    }
    if (outcome.kind === 'used') {
      const list = lists.get(outcome.target) ?? [];
      list.push(outcome.item);
      const base = { index, resourceType, outcome: 'used' as const, target: outcome.target, targetIndex: list.length - 1 };
      report.add(outcome.notes === undefined ? base : { ...base, notes: Object.freeze([...outcome.notes]) });
    } else report.add({ index, resourceType, outcome: outcome.kind, reason: outcome.reason });
  });

  if (typeof patient !== 'object') {
    report.issues.push('no-patient');
    return { success: false, error: invalidBundle('The Bundle holds no usable Patient resource', ['entry']), input: undefined, report: report.build() };
  }
  const input: Input = patient.synthetic
    ? { id: checked.recordId ?? patient.id ?? '', synthetic: true, patient: patient.patient }
    : { id: checked.recordId ?? patient.id ?? '', patient: patient.patient };
  const target = input as Record<string, unknown>;
  for (const [key, list] of lists) if (list.length > 0) target[key] = list;
  const parsed = safeParsePatientRecord(input, { asOf: checked.asOf });
  const built = report.build();
  return parsed.success
    ? { success: true, record: parsed.record, input, report: built }
    : { success: false, error: parsed.error, input, report: built };
}

/**
 * Like {@link fromFhirBundle}, but throws the error instead of returning it.
 *
 * @param bundle - the Bundle
 * @param options - as for {@link fromFhirBundle}
 * @returns the record and the report
 * @throws `InvalidRecordError` (`INVALID_RECORD`) or `KronikerpakkerError` (`INVALID_ARGUMENT`), without values
 * @example
 * ```ts
 * const { record, report } = fromFhirBundleOrThrow(bundle, { asOf: '2027-01-15' });
 * ```
 */
export function fromFhirBundleOrThrow(bundle: unknown, options: FromFhirBundleOptions): FhirMappingOutput {
  const result = fromFhirBundle(bundle, options);
  if (!result.success) throw result.error;
  return { record: result.record, report: result.report };
}
