/**
 * A hand-written fast path for the common, valid record: an optimisation of
 * the zod schema in `schema.ts`, never a second definition of it.
 *
 * {@link fastParseRecord} returns exactly the object that zod's parse of
 * {@link recordSchemaFor} would produce (same keys in the same order, same
 * defaults and the same transforms: CPR, diagnosis codes, the spirometry
 * ratio, the CAT total, BMI, the trimmed reason), or `undefined` for anything
 * it does not handle: an unknown field (policy `reject`), a wrong type, an
 * out-of-range value, an impossible date, a key present with the value
 * `undefined`, an object that is not plain, ... The caller then runs zod,
 * which reports the issues. So the fast path never reports an issue itself,
 * and whenever it returns a value, zod would have returned an equal one
 * (see `fast-parse.test.ts`, which checks both over generated and mutated
 * records).
 *
 * Every object is checked the same way: its enumerable keys (`for...in`,
 * as zod's unknown-key check sees them) must all be known, and they must be
 * exactly the known keys whose value (read as zod reads it) is not
 * `undefined`. Outputs are built in the schema's key order.
 *
 * @internal
 * @module
 */
import { safeParseCpr } from '../cpr/cpr';
import { safeNormaliseIcd10 } from '../codes/icd10';
import { safeNormaliseIcpc2 } from '../codes/icpc2';
import { isIsoDate } from '../time/iso-date';
import type { PatientRecord, UnknownFieldPolicy } from './schema';
import {
  ADMISSION_CAUSES,
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

type Obj = Record<string, unknown>;
type Out = Record<string, unknown>;
/** Reads one list item; `undefined` = not handled here. */
type ItemReader = (value: unknown, strict: boolean) => Out | undefined;

const OBJECT_PROTOTYPE: unknown = Object.prototype;

/** A plain object (prototype `Object.prototype` or `null`); anything else is left to zod. */
function plain(value: unknown): Obj | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === OBJECT_PROTOTYPE || proto === null ? (value as Obj) : undefined;
}

/** Bit per known key, in schema order. */
function keyBits(keys: readonly string[]): ReadonlyMap<string, number> {
  return new Map(keys.map((k, i) => [k, 1 << i]));
}

/**
 * The bits of the enumerable keys of `o` (own and inherited, as `for...in`
 * and so zod's unknown-key check see them), or -1 when one is unknown and
 * unknown keys are rejected.
 */
function keyMask(o: Obj, bits: ReadonlyMap<string, number>, strict: boolean): number {
  let mask = 0;
  for (const k in o) {
    const b = bits.get(k);
    if (b === undefined) {
      if (strict) return -1;
      continue;
    }
    mask |= b;
  }
  return mask;
}

function has(value: unknown, bit: number): number {
  return value === undefined ? 0 : bit;
}

function isNum(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `z.number().positive().max(max)`, optional. */
function optPositive(value: unknown, max: number): boolean {
  return value === undefined || (isNum(value) && value > 0 && value <= max);
}

/** `z.number().min(min).max(max)`, optional. */
function optRange(value: unknown, min: number, max: number): boolean {
  return value === undefined || (isNum(value) && value >= min && value <= max);
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** `z.string().min(min).max(max)`. */
function isStr(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function optDate(value: unknown): boolean {
  return value === undefined || isIsoDate(value);
}

function optBool(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
}

function oneOf(values: readonly string[]): ReadonlySet<unknown> {
  return new Set<unknown>(values);
}

const SEX = oneOf(SEXES);
const DIAGNOSIS_STATUS = oneOf(DIAGNOSIS_STATUSES);
const SEVERITY = oneOf(EXACERBATION_SEVERITIES);
const CAUSE = oneOf(ADMISSION_CAUSES);
const SMOKING = oneOf(SMOKING_STATUSES);
const VACCINE = oneOf(VACCINES);
const INHALER = oneOf(INHALER_CHECK_RESULTS);
const FLAG = oneOf(RED_FLAG_CODES);
const FLAG_STATUS = oneOf(RED_FLAG_STATUSES);
const MODALITY = oneOf(IMAGING_MODALITIES);
const REGION = oneOf(IMAGING_REGIONS);
const IMAGING_STATUS = oneOf(IMAGING_STATUSES);
const WORK = oneOf(WORK_STATUSES);
const EXTENT = oneOf(SICK_LEAVE_EXTENTS);
const INSTRUMENT = oneOf(INSTRUMENTS);
const ENCOUNTER = oneOf(ENCOUNTER_TYPES);
const REFERRAL = oneOf(REFERRAL_TYPES);
const REFERRAL_STATUS = oneOf(REFERRAL_STATUSES);
const PACKAGE = oneOf(PACKAGES);
const DECISION = oneOf(PACKAGE_DECISIONS);
const SELF_MANAGEMENT = oneOf(SELF_MANAGEMENT_LEVELS);
const MOTIVATION = oneOf(MOTIVATION_LEVELS);

function optIn(value: unknown, set: ReadonlySet<unknown>): boolean {
  return value === undefined || set.has(value);
}

// ---------------------------------------------------------------------------
// Patient

const PATIENT = keyBits(['cpr', 'birthDate', 'sex', 'listed', 'deceasedDate']);

function readPatient(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, PATIENT, strict);
  const { cpr, birthDate, sex, listed, deceasedDate } = o;
  if (mask !== (has(cpr, 1) | has(birthDate, 2) | has(sex, 4) | has(listed, 8) | has(deceasedDate, 16))) return undefined;
  if (!isIsoDate(birthDate) || !SEX.has(sex) || typeof listed !== 'boolean' || !optDate(deceasedDate)) return undefined;
  const out: Out = {};
  if (cpr !== undefined) {
    if (typeof cpr !== 'string') return undefined;
    const parsed = safeParseCpr(cpr);
    if (!parsed.success) return undefined;
    out['cpr'] = parsed.data.cpr;
  }
  out['birthDate'] = birthDate;
  out['sex'] = sex;
  out['listed'] = listed;
  if (deceasedDate !== undefined) out['deceasedDate'] = deceasedDate;
  return out;
}

// ---------------------------------------------------------------------------
// List items, each in its schema's key order

const DIAGNOSIS = keyBits(['system', 'code', 'status', 'onsetDate', 'recordedDate', 'resolvedDate']);

function readDiagnosis(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, DIAGNOSIS, strict);
  const { system, code, status, onsetDate, recordedDate, resolvedDate } = o;
  if (mask !== (has(system, 1) | has(code, 2) | has(status, 4) | has(onsetDate, 8) | has(recordedDate, 16) | has(resolvedDate, 32))) {
    return undefined;
  }
  if (!isStr(code, 1, 16) || !DIAGNOSIS_STATUS.has(status) || !optDate(onsetDate) || !isIsoDate(recordedDate) || !optDate(resolvedDate)) {
    return undefined;
  }
  let outSystem: string;
  let outCode: string | undefined;
  if (system === 'ICPC-2') {
    outSystem = 'ICPC-2';
    outCode = safeNormaliseIcpc2(code);
  } else if (system === 'ICD-10' || system === 'SKS') {
    outSystem = 'ICD-10';
    const raw = code.trim();
    outCode = system === 'SKS' ? (/^d/i.test(raw) ? safeNormaliseIcd10(raw.slice(1)) : undefined) : safeNormaliseIcd10(raw);
  } else {
    return undefined;
  }
  if (outCode === undefined) return undefined;
  const out: Out = { system: outSystem, code: outCode, status };
  if (onsetDate !== undefined) out['onsetDate'] = onsetDate;
  out['recordedDate'] = recordedDate;
  if (resolvedDate !== undefined) out['resolvedDate'] = resolvedDate;
  return out;
}

const SPIROMETRY = keyBits(['date', 'fev1L', 'fvcL', 'ratio', 'fev1PercentPredicted', 'postBronchodilator']);

function readSpirometry(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, SPIROMETRY, strict);
  const { date, fev1L, fvcL, ratio, fev1PercentPredicted, postBronchodilator } = o;
  if (mask !== (has(date, 1) | has(fev1L, 2) | has(fvcL, 4) | has(ratio, 8) | has(fev1PercentPredicted, 16) | has(postBronchodilator, 32))) {
    return undefined;
  }
  if (
    !isIsoDate(date) ||
    !optPositive(fev1L, 10) ||
    !optPositive(fvcL, 12) ||
    !optPositive(ratio, 1) ||
    !optPositive(fev1PercentPredicted, 250) ||
    typeof postBronchodilator !== 'boolean'
  ) {
    return undefined;
  }
  const f = fev1L as number | undefined;
  const v = fvcL as number | undefined;
  if (f !== undefined && v !== undefined && f > v) return undefined;
  const out: Out = { date };
  if (f !== undefined) out['fev1L'] = f;
  if (v !== undefined) out['fvcL'] = v;
  if (ratio !== undefined) out['ratio'] = ratio;
  if (fev1PercentPredicted !== undefined) out['fev1PercentPredicted'] = fev1PercentPredicted;
  out['postBronchodilator'] = postBronchodilator;
  if (ratio === undefined) {
    if (f === undefined || v === undefined) return undefined;
    // As the schema's transform: a derived ratio comes after the given fields.
    out['ratio'] = Math.round((f / v) * 1000) / 1000;
    out['ratioSource'] = 'derived';
  } else {
    out['ratioSource'] = 'given';
  }
  return out;
}

const MRC = keyBits(['date', 'grade']);

function readMrc(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, MRC, strict);
  const { date, grade } = o;
  if (mask !== 3 || !isIsoDate(date) || !isInt(grade, 1, 5)) return undefined;
  return { date, grade };
}

const CAT = keyBits(['date', 'total', 'items']);

function readCat(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, CAT, strict);
  const { date, total, items } = o;
  if (mask !== (1 | has(total, 2) | has(items, 4)) || !isIsoDate(date)) return undefined;
  if (total !== undefined && !isInt(total, 0, 40)) return undefined;
  let outItems: number[] | undefined;
  let fromItems: number | undefined;
  if (items !== undefined) {
    if (!Array.isArray(items) || items.length !== 8) return undefined;
    outItems = new Array<number>(8);
    fromItems = 0;
    for (let i = 0; i < 8; i++) {
      const item: unknown = items[i];
      if (!isInt(item, 0, 5)) return undefined;
      outItems[i] = item;
      fromItems = fromItems + item;
    }
  }
  if (total === undefined && fromItems === undefined) return undefined;
  if (total !== undefined && fromItems !== undefined && total !== fromItems) return undefined;
  const out: Out = { date };
  if (total !== undefined) out['total'] = total;
  if (outItems !== undefined) out['items'] = outItems;
  // As the schema's transform: a computed total comes after the items.
  if (total === undefined) out['total'] = fromItems ?? 0;
  return out;
}

const EXACERBATION = keyBits(['date', 'severity']);

function readExacerbation(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, EXACERBATION, strict);
  const { date, severity } = o;
  if (mask !== 3 || !isIsoDate(date) || !SEVERITY.has(severity)) return undefined;
  return { date, severity };
}

const ADMISSION = keyBits(['date', 'endDate', 'cause']);

function readAdmission(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, ADMISSION, strict);
  const { date, endDate, cause } = o;
  if (mask !== (1 | has(endDate, 2) | 4) || !isIsoDate(date) || !optDate(endDate) || !CAUSE.has(cause)) return undefined;
  const out: Out = { date };
  if (endDate !== undefined) out['endDate'] = endDate;
  out['cause'] = cause;
  return out;
}

const SMOKING_KEYS = keyBits(['date', 'status', 'packYears']);

function readSmoking(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, SMOKING_KEYS, strict);
  const { date, status, packYears } = o;
  if (mask !== (3 | has(packYears, 4)) || !isIsoDate(date) || !SMOKING.has(status) || !optRange(packYears, 0, 300)) return undefined;
  return packYears === undefined ? { date, status } : { date, status, packYears };
}

const BODY = keyBits(['date', 'weightKg', 'heightCm', 'bmi']);

function readBodyMeasurement(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, BODY, strict);
  const { date, weightKg, heightCm, bmi } = o;
  if (mask !== (1 | has(weightKg, 2) | has(heightCm, 4) | has(bmi, 8))) return undefined;
  if (!isIsoDate(date) || !optPositive(weightKg, 500) || !optRange(heightCm, 30, 260) || !optPositive(bmi, 150)) return undefined;
  if (mask === 1) return undefined;
  const out: Out = { date };
  if (weightKg !== undefined) out['weightKg'] = weightKg;
  if (heightCm !== undefined) out['heightCm'] = heightCm;
  if (bmi !== undefined) {
    out['bmi'] = bmi;
    out['bmiSource'] = 'given';
  } else if (weightKg !== undefined && heightCm !== undefined) {
    // As the schema's transform: a derived BMI comes after the given fields.
    const m = (heightCm as number) / 100;
    out['bmi'] = Math.round(((weightKg as number) / (m * m)) * 10) / 10;
    out['bmiSource'] = 'derived';
  }
  return out;
}

const CODE_REF = keyBits(['system', 'code']);
const VACCINATION = keyBits(['date', 'vaccine', 'code']);

function readVaccination(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, VACCINATION, strict);
  const { date, vaccine, code } = o;
  if (mask !== (3 | has(code, 4)) || !isIsoDate(date) || !VACCINE.has(vaccine)) return undefined;
  if (code === undefined) return { date, vaccine };
  const c = plain(code);
  if (c === undefined) return undefined;
  const codeMask = keyMask(c, CODE_REF, strict);
  const { system: s, code: k } = c;
  if (codeMask !== 3 || !isStr(s, 1, 100) || !isStr(k, 1, 64)) return undefined;
  return { date, vaccine, code: { system: s, code: k } };
}

const INHALER_CHECK = keyBits(['date', 'result']);

function readInhalerCheck(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, INHALER_CHECK, strict);
  const { date, result } = o;
  if (mask !== 3 || !isIsoDate(date) || !INHALER.has(result)) return undefined;
  return { date, result };
}

const BACK_PAIN = keyBits(['onsetDate', 'endDate']);

function readBackPainEpisode(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, BACK_PAIN, strict);
  const { onsetDate, endDate } = o;
  if (mask !== (1 | has(endDate, 2)) || !isIsoDate(onsetDate) || !optDate(endDate)) return undefined;
  return endDate === undefined ? { onsetDate } : { onsetDate, endDate };
}

const RED_FLAG = keyBits(['date', 'flag', 'status']);

function readRedFlag(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, RED_FLAG, strict);
  const { date, flag, status } = o;
  if (mask !== 7 || !isIsoDate(date) || !FLAG.has(flag) || !FLAG_STATUS.has(status)) return undefined;
  return { date, flag, status };
}

const IMAGING = keyBits(['date', 'modality', 'region', 'status']);

function readImaging(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, IMAGING, strict);
  const { date, modality, region, status } = o;
  if (mask !== 15 || !isIsoDate(date) || !MODALITY.has(modality) || !REGION.has(region) || !IMAGING_STATUS.has(status)) {
    return undefined;
  }
  return { date, modality, region, status };
}

const WORK_STATUS = keyBits(['date', 'status', 'jobAtRisk']);

function readWorkStatus(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, WORK_STATUS, strict);
  const { date, status, jobAtRisk } = o;
  if (mask !== (3 | has(jobAtRisk, 4)) || !isIsoDate(date) || !WORK.has(status) || !optBool(jobAtRisk)) return undefined;
  return jobAtRisk === undefined ? { date, status } : { date, status, jobAtRisk };
}

const SICK_LEAVE = keyBits(['startDate', 'endDate', 'extent', 'backPainRelated']);

function readSickLeave(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, SICK_LEAVE, strict);
  const { startDate, endDate, extent, backPainRelated } = o;
  if (mask !== (1 | has(endDate, 2) | 4 | has(backPainRelated, 8))) return undefined;
  if (!isIsoDate(startDate) || !optDate(endDate) || !EXTENT.has(extent) || !optBool(backPainRelated)) return undefined;
  const out: Out = { startDate };
  if (endDate !== undefined) out['endDate'] = endDate;
  out['extent'] = extent;
  if (backPainRelated !== undefined) out['backPainRelated'] = backPainRelated;
  return out;
}

/** The schema's item id `^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$`, without a regular expression. */
function isItemId(key: string): boolean {
  const n = key.length;
  if (n < 1 || n > 32) return false;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum && (i === 0 || (c !== 46 && c !== 95 && c !== 45))) return false;
  }
  return true;
}

/** `z.record(itemId, z.number().nullable())`: own enumerable string keys, in their own order. */
function readAnswers(value: unknown): Out | undefined {
  const o = plain(value);
  // zod's record reads own keys including symbols; any symbol is left to it.
  if (o === undefined || Object.getOwnPropertySymbols(o).length !== 0) return undefined;
  const out: Out = {};
  for (const key of Object.keys(o)) {
    if (!isItemId(key)) return undefined;
    const v = o[key];
    if (v !== null && !isNum(v)) return undefined;
    out[key] = v;
  }
  return out;
}

const QUESTIONNAIRE = keyBits(['date', 'instrument', 'version', 'answers']);

function readQuestionnaire(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, QUESTIONNAIRE, strict);
  const { date, instrument, version, answers } = o;
  if (mask !== 15 || !isIsoDate(date) || !INSTRUMENT.has(instrument) || !isStr(version, 1, 32)) return undefined;
  const outAnswers = readAnswers(answers);
  if (outAnswers === undefined) return undefined;
  return { date, instrument, version, answers: outAnswers };
}

const ENCOUNTER_KEYS = keyBits(['date', 'type', 'package']);

function readEncounter(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, ENCOUNTER_KEYS, strict);
  const { date, type, package: pkg } = o;
  if (mask !== (3 | has(pkg, 4)) || !isIsoDate(date) || !ENCOUNTER.has(type) || !optIn(pkg, PACKAGE)) return undefined;
  return pkg === undefined ? { date, type } : { date, type, package: pkg };
}

const REFERRAL_KEYS = keyBits(['date', 'type', 'status', 'package']);

function readReferral(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, REFERRAL_KEYS, strict);
  const { date, type, status, package: pkg } = o;
  if (mask !== (7 | has(pkg, 8)) || !isIsoDate(date) || !REFERRAL.has(type) || !REFERRAL_STATUS.has(status) || !optIn(pkg, PACKAGE)) {
    return undefined;
  }
  return pkg === undefined ? { date, type, status } : { date, type, status, package: pkg };
}

const PACKAGE_DECISION = keyBits(['date', 'package', 'decision']);

function readPackageDecision(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, PACKAGE_DECISION, strict);
  const { date, package: pkg, decision } = o;
  if (mask !== 7 || !isIsoDate(date) || !PACKAGE.has(pkg) || !DECISION.has(decision)) return undefined;
  return { date, package: pkg, decision };
}

const NEEDS_KEYS = [
  'date',
  'package',
  'mentalHealthScreenPositive',
  'livesAloneWithoutNetwork',
  'caregiverBurden',
  'languageBarrier',
  'substanceAbuse',
  'selfManagement',
  'jobAtRisk',
  'complexCourse',
  'motivation',
] as const;
const NEEDS = keyBits(NEEDS_KEYS);
/** The boolean fields of a needs assessment. */
const NEEDS_BOOLEAN = new Set<string>([
  'mentalHealthScreenPositive',
  'livesAloneWithoutNetwork',
  'caregiverBurden',
  'languageBarrier',
  'substanceAbuse',
  'jobAtRisk',
  'complexCourse',
]);

function readNeedsAssessment(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, NEEDS, strict);
  if (!isIsoDate(o['date'])) return undefined;
  const out: Out = {};
  let present = 0;
  for (let i = 0; i < NEEDS_KEYS.length; i++) {
    const key = NEEDS_KEYS[i] as string;
    const v = o[key];
    if (v === undefined) continue;
    present |= 1 << i;
    if (key === 'package') {
      if (!PACKAGE.has(v)) return undefined;
    } else if (key === 'selfManagement') {
      if (!SELF_MANAGEMENT.has(v)) return undefined;
    } else if (key === 'motivation') {
      if (!MOTIVATION.has(v)) return undefined;
    } else if (NEEDS_BOOLEAN.has(key) && typeof v !== 'boolean') {
      return undefined;
    }
    out[key] = v;
  }
  return present === mask ? out : undefined;
}

const LEVEL_DECISION = keyBits(['date', 'package', 'level', 'reason']);

function readLevelDecision(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, LEVEL_DECISION, strict);
  const { date, package: pkg, level, reason } = o;
  if (mask !== 15 || !isIsoDate(date) || !PACKAGE.has(pkg) || (level !== 1 && level !== 2 && level !== 3)) return undefined;
  if (typeof reason !== 'string') return undefined;
  const trimmed = reason.trim();
  if (trimmed.length < 1 || trimmed.length > 1000) return undefined;
  return { date, package: pkg, level, reason: trimmed };
}

const SHARED_PLAN = keyBits(['date', 'package', 'documentId']);

function readSharedPlan(value: unknown, strict: boolean): Out | undefined {
  const o = plain(value);
  if (o === undefined) return undefined;
  const mask = keyMask(o, SHARED_PLAN, strict);
  const { date, package: pkg, documentId } = o;
  if (mask !== (3 | has(documentId, 4)) || !isIsoDate(date) || !PACKAGE.has(pkg)) return undefined;
  if (documentId === undefined) return { date, package: pkg };
  if (!isStr(documentId, 1, 128)) return undefined;
  return { date, package: pkg, documentId };
}

// ---------------------------------------------------------------------------
// The record


/** A list: absent gives a new empty list (the schema's default); `undefined` when not handled. */
function readList(value: unknown, read: ItemReader, strict: boolean): Out[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const n = value.length;
  const items = new Array<Out>(n);
  for (let i = 0; i < n; i++) {
    const item = read(value[i], strict);
    if (item === undefined) return undefined;
    items[i] = item;
  }
  return items;
}

/**
 * The fast path of `safeParsePatientRecord`: the zod schema's output for a
 * common, valid record, or `undefined` when the record is anything else
 * (then zod must run, and reports the issues). An optimisation only: zod
 * stays the single source of truth of the schema's semantics, and this
 * function never decides that a record is invalid.
 *
 * @internal
 * @param input - anything
 * @param policy - the unknown-field policy (`reject`: any unknown key gives `undefined`; `strip`: unknown keys are dropped as zod drops them)
 * @returns exactly what `recordSchemaFor(policy).parse(input)` returns, or `undefined`
 * @example
 * ```ts
 * const data = fastParseRecord(input, 'reject') ?? recordSchemaFor('reject').parse(input);
 * ```
 */
export function fastParseRecord(input: unknown, policy: UnknownFieldPolicy): PatientRecord | undefined {
  const strict = policy === 'reject';
  const o = plain(input);
  if (o === undefined) return undefined;
  // One for...in pass reads every enumerable key (as zod's unknown-key check sees them): records come in many
  // shapes, and named reads of 26 mostly absent keys would go megamorphic. A key read here with the value
  // undefined is left to zod (it keeps such keys); so is an object with non-enumerable own properties, which
  // zod reads but for...in does not see (then the own names outnumber the enumerated keys).
  let schemaVersion: unknown;
  let id: unknown;
  let synthetic: unknown;
  let patient: unknown;
  let diagnosesIn: unknown;
  let spirometryIn: unknown;
  let mrcIn: unknown;
  let catIn: unknown;
  let exacerbationsIn: unknown;
  let admissionsIn: unknown;
  let smokingIn: unknown;
  let bodyMeasurementsIn: unknown;
  let vaccinationsIn: unknown;
  let inhalerChecksIn: unknown;
  let backPainEpisodesIn: unknown;
  let redFlagsIn: unknown;
  let imagingIn: unknown;
  let workStatusIn: unknown;
  let sickLeaveIn: unknown;
  let questionnairesIn: unknown;
  let encountersIn: unknown;
  let referralsIn: unknown;
  let packageDecisionsIn: unknown;
  let needsAssessmentsIn: unknown;
  let levelDecisionsIn: unknown;
  let sharedPlansIn: unknown;
  let keys = 0;
  for (const k in o) {
    keys++;
    const v = o[k];
    if (v === undefined) return undefined;
    switch (k) {
      case 'schemaVersion':
        schemaVersion = v;
        break;
      case 'id':
        id = v;
        break;
      case 'synthetic':
        synthetic = v;
        break;
      case 'patient':
        patient = v;
        break;
      case 'diagnoses':
        diagnosesIn = v;
        break;
      case 'spirometry':
        spirometryIn = v;
        break;
      case 'mrc':
        mrcIn = v;
        break;
      case 'cat':
        catIn = v;
        break;
      case 'exacerbations':
        exacerbationsIn = v;
        break;
      case 'admissions':
        admissionsIn = v;
        break;
      case 'smoking':
        smokingIn = v;
        break;
      case 'bodyMeasurements':
        bodyMeasurementsIn = v;
        break;
      case 'vaccinations':
        vaccinationsIn = v;
        break;
      case 'inhalerChecks':
        inhalerChecksIn = v;
        break;
      case 'backPainEpisodes':
        backPainEpisodesIn = v;
        break;
      case 'redFlags':
        redFlagsIn = v;
        break;
      case 'imaging':
        imagingIn = v;
        break;
      case 'workStatus':
        workStatusIn = v;
        break;
      case 'sickLeave':
        sickLeaveIn = v;
        break;
      case 'questionnaires':
        questionnairesIn = v;
        break;
      case 'encounters':
        encountersIn = v;
        break;
      case 'referrals':
        referralsIn = v;
        break;
      case 'packageDecisions':
        packageDecisionsIn = v;
        break;
      case 'needsAssessments':
        needsAssessmentsIn = v;
        break;
      case 'levelDecisions':
        levelDecisionsIn = v;
        break;
      case 'sharedPlans':
        sharedPlansIn = v;
        break;
      default:
        if (strict) return undefined;
    }
  }
  if (Object.getOwnPropertyNames(o).length !== keys) return undefined;
  if (schemaVersion !== undefined && schemaVersion !== 1) return undefined;
  if (!isStr(id, 1, 128) || !optBool(synthetic)) return undefined;
  const outPatient = readPatient(patient, strict);
  if (outPatient === undefined) return undefined;
  const diagnoses = readList(diagnosesIn, readDiagnosis, strict);
  if (diagnoses === undefined) return undefined;
  const spirometry = readList(spirometryIn, readSpirometry, strict);
  if (spirometry === undefined) return undefined;
  const mrc = readList(mrcIn, readMrc, strict);
  if (mrc === undefined) return undefined;
  const cat = readList(catIn, readCat, strict);
  if (cat === undefined) return undefined;
  const exacerbations = readList(exacerbationsIn, readExacerbation, strict);
  if (exacerbations === undefined) return undefined;
  const admissions = readList(admissionsIn, readAdmission, strict);
  if (admissions === undefined) return undefined;
  const smoking = readList(smokingIn, readSmoking, strict);
  if (smoking === undefined) return undefined;
  const bodyMeasurements = readList(bodyMeasurementsIn, readBodyMeasurement, strict);
  if (bodyMeasurements === undefined) return undefined;
  const vaccinations = readList(vaccinationsIn, readVaccination, strict);
  if (vaccinations === undefined) return undefined;
  const inhalerChecks = readList(inhalerChecksIn, readInhalerCheck, strict);
  if (inhalerChecks === undefined) return undefined;
  const backPainEpisodes = readList(backPainEpisodesIn, readBackPainEpisode, strict);
  if (backPainEpisodes === undefined) return undefined;
  const redFlags = readList(redFlagsIn, readRedFlag, strict);
  if (redFlags === undefined) return undefined;
  const imaging = readList(imagingIn, readImaging, strict);
  if (imaging === undefined) return undefined;
  const workStatus = readList(workStatusIn, readWorkStatus, strict);
  if (workStatus === undefined) return undefined;
  const sickLeave = readList(sickLeaveIn, readSickLeave, strict);
  if (sickLeave === undefined) return undefined;
  const questionnaires = readList(questionnairesIn, readQuestionnaire, strict);
  if (questionnaires === undefined) return undefined;
  const encounters = readList(encountersIn, readEncounter, strict);
  if (encounters === undefined) return undefined;
  const referrals = readList(referralsIn, readReferral, strict);
  if (referrals === undefined) return undefined;
  const packageDecisions = readList(packageDecisionsIn, readPackageDecision, strict);
  if (packageDecisions === undefined) return undefined;
  const needsAssessments = readList(needsAssessmentsIn, readNeedsAssessment, strict);
  if (needsAssessments === undefined) return undefined;
  const levelDecisions = readList(levelDecisionsIn, readLevelDecision, strict);
  if (levelDecisions === undefined) return undefined;
  const sharedPlans = readList(sharedPlansIn, readSharedPlan, strict);
  if (sharedPlans === undefined) return undefined;
  // One fixed-shape literal per case, in the schema's key order.
  const out =
    synthetic === undefined
      ? { schemaVersion: 1, id, patient: outPatient, diagnoses, spirometry, mrc, cat, exacerbations, admissions, smoking, bodyMeasurements, vaccinations, inhalerChecks, backPainEpisodes, redFlags, imaging, workStatus, sickLeave, questionnaires, encounters, referrals, packageDecisions, needsAssessments, levelDecisions, sharedPlans }
      : { schemaVersion: 1, id, synthetic, patient: outPatient, diagnoses, spirometry, mrc, cat, exacerbations, admissions, smoking, bodyMeasurements, vaccinations, inhalerChecks, backPainEpisodes, redFlags, imaging, workStatus, sickLeave, questionnaires, encounters, referrals, packageDecisions, needsAssessments, levelDecisions, sharedPlans };
  return out as unknown as PatientRecord;
}
