/**
 * The code maps of the FHIR mapping, as data: which (system, code) pairs
 * feed which field of the record. Every code the mapping reads is here, and
 * nowhere else; an integrator overrides or extends any map with the
 * `codeMaps` option of {@link fromFhirBundle}.
 *
 * Entries marked `provisional: true` are not taken from a published national
 * source: they are the SDK's own convention (its `urn:kronikerpakker:fhir:*`
 * URNs) or an international code whose use for this purpose no Danish
 * profile fixes. See docs/fhir.md.
 *
 * @module
 */

import {
  CPR_FHIR_SYSTEM,
  KronikerpakkerError,
  formatPath,
  X_ECPR_FHIR_SYSTEM,
  codeSystems,
  deepFreeze,
  mcsAnalysisCodes,
  wellKnownCodes,
} from '@kronikerpakker/core';
import type {
  DiagnosisStatus,
  EncounterType,
  RedFlagCode,
  ReferralStatus,
  ReferralType,
  SmokingStatus,
  Vaccine,
} from '@kronikerpakker/core';

/**
 * The prefix of every URI the FHIR mapping mints (a URN: it resolves nowhere
 * and claims no one else's domain).
 *
 * @example
 * ```ts
 * FHIR_URN_PREFIX; // 'urn:kronikerpakker:fhir'
 * ```
 */
export const FHIR_URN_PREFIX = 'urn:kronikerpakker:fhir';

/**
 * One accepted coding: a code system URI and a code.
 *
 * @example
 * ```ts
 * const fev1: FhirCodeEntry = { system: 'http://loinc.org', code: '20150-9' };
 * ```
 */
export interface FhirCodeEntry {
  /** The code system URI as it appears in `Coding.system`. */
  readonly system: string;
  /** The code, compared exactly (MCS codes also case-insensitively). */
  readonly code: string;
  /** True where no published national source fixes this use of the code. */
  readonly provisional?: boolean;
}

/**
 * A coding that maps to one value of a record vocabulary.
 *
 * @example
 * ```ts
 * const ex: FhirValueEntry<'former'> = { system: 'http://snomed.info/sct', code: '8517006', value: 'former' };
 * ```
 */
export interface FhirValueEntry<V> extends FhirCodeEntry {
  /** The record value the coding stands for. */
  readonly value: V;
}

/**
 * A vaccine coding. `codePrefix` matches every code starting with it (ATC
 * groups such as `J07BB`); the record keeps the code under `recordSystem`.
 *
 * @example
 * ```ts
 * const flu: FhirVaccineEntry = { system: 'http://www.whocc.no/atc', code: 'J07BB', codePrefix: true, value: 'influenza', recordSystem: 'ATC' };
 * ```
 */
export interface FhirVaccineEntry extends FhirValueEntry<Vaccine> {
  /** Whether `code` is a prefix (an ATC group) rather than an exact code. */
  readonly codePrefix?: boolean;
  /**
   * The `system` written into the record's `vaccinations[].code` (e.g.
   * `ATC`); absent: the record gets no code (the coding only names the kind).
   */
  readonly recordSystem?: string;
}

/**
 * A code system whose codes are diagnoses, and the record system it becomes.
 *
 * @example
 * ```ts
 * const sks: FhirDiagnosisSystem = { system: 'urn:oid:1.2.208.176.2.4', value: 'SKS' };
 * ```
 */
export interface FhirDiagnosisSystem {
  /** The code system URI. */
  readonly system: string;
  /** The record's diagnosis input system. */
  readonly value: 'ICPC-2' | 'ICD-10' | 'SKS';
}

/**
 * A status code (system-independent) and the record value it becomes.
 *
 * @example
 * ```ts
 * const s: FhirStatusEntry<'resolved'> = { code: 'remission', value: 'resolved' };
 * ```
 */
export interface FhirStatusEntry<V> {
  /** The FHIR status code. */
  readonly code: string;
  /** The record value. */
  readonly value: V;
}

/** Observation codes per record target (each a list of accepted codings). */
export interface FhirObservationCodes {
  /** A spirometry session: an Observation whose components carry the values. */
  readonly spirometry: readonly FhirCodeEntry[];
  /** FEV1 in litres (component of a spirometry). */
  readonly fev1: readonly FhirCodeEntry[];
  /** FEV1 in litres, coded as post-bronchodilator (sets `postBronchodilator`). */
  readonly fev1Post: readonly FhirCodeEntry[];
  /** FVC in litres. */
  readonly fvc: readonly FhirCodeEntry[];
  /** FEV1/FVC ratio (a fraction; `%` is divided by 100). */
  readonly ratio: readonly FhirCodeEntry[];
  /** FEV1 in % of predicted. */
  readonly fev1PercentPredicted: readonly FhirCodeEntry[];
  /** Post-bronchodilator flag (component, `valueBoolean`). */
  readonly postBronchodilator: readonly FhirCodeEntry[];
  /** MRC dyspnoea grade, Danish 1-5 scale (not mMRC 0-4). */
  readonly mrc: readonly FhirCodeEntry[];
  /** CAT total 0-40. */
  readonly cat: readonly FhirCodeEntry[];
  /** Smoking status (value: a coding in `smokingValues`). */
  readonly smoking: readonly FhirCodeEntry[];
  /** Pack-years (component of a smoking status). */
  readonly packYears: readonly FhirCodeEntry[];
  /** Body weight in kg. */
  readonly weight: readonly FhirCodeEntry[];
  /** Body height in cm. */
  readonly height: readonly FhirCodeEntry[];
  /** BMI in kg/m2. */
  readonly bmi: readonly FhirCodeEntry[];
  /** A panel grouping weight, height and BMI measured together (components). */
  readonly bodyPanel: readonly FhirCodeEntry[];
}

/** Extension URLs the mapping reads (the SDK's own, provisional). */
export interface FhirExtensionUrls {
  /** `Patient`: `valueBoolean`, the record's `patient.listed`. */
  readonly listed: string;
  /** Encounter, ServiceRequest: `valueCode` `KOL` or `LRS`, the record's `package`. */
  readonly package: string;
  /** ServiceRequest: `valueCode`, the record's exact referral status. */
  readonly referralStatus: string;
  /** Flag: `valueCode` `present`, `absent` or `cleared`. */
  readonly redFlagStatus: string;
}

/**
 * Every code map of the FHIR mapping. See {@link DEFAULT_FHIR_CODE_MAPS}.
 *
 * @example
 * ```ts
 * const maps: FhirCodeMaps = DEFAULT_FHIR_CODE_MAPS;
 * maps.observations.mrc[0]?.code; // 'MCS88021'
 * ```
 */
export interface FhirCodeMaps {
  /** Identifier systems of a CPR number (`Patient.identifier.system`). */
  readonly cprSystems: readonly string[];
  /** Identifier systems of replacement numbers (X-eCPR, D-eCPR): recognised, never used as CPR. */
  readonly replacementSystems: readonly string[];
  /** Condition code systems that are diagnoses, and the record system each becomes. */
  readonly diagnosisSystems: readonly FhirDiagnosisSystem[];
  /** `Condition.clinicalStatus` codes (any system) and the record status. */
  readonly clinicalStatuses: readonly FhirStatusEntry<DiagnosisStatus>[];
  /** Condition codes of a low back pain episode (record `backPainEpisodes`). */
  readonly backPainEpisode: readonly FhirCodeEntry[];
  /** Observation codes. */
  readonly observations: FhirObservationCodes;
  /** Smoking status values. */
  readonly smokingValues: readonly FhirValueEntry<SmokingStatus>[];
  /** Immunization `vaccineCode` codings. */
  readonly vaccines: readonly FhirVaccineEntry[];
  /** Encounter `type` codings. An Encounter of another type becomes `other`. */
  readonly encounterTypes: readonly FhirValueEntry<EncounterType>[];
  /** Encounter `class` codes of a hospital admission (record `admissions`). */
  readonly admissionClasses: readonly FhirCodeEntry[];
  /** ServiceRequest `code` codings (record `referrals`). */
  readonly referralTypes: readonly FhirValueEntry<ReferralType>[];
  /** ServiceRequest `status` -> record status when the status extension is absent. */
  readonly referralStatuses: readonly FhirStatusEntry<ReferralStatus>[];
  /** Flag/Observation codes of red flags. */
  readonly redFlags: readonly FhirValueEntry<RedFlagCode>[];
  /**
   * The code system of the SDK's record-convention Observations: code
   * `<list>` (e.g. `levelDecisions`) with one component per field. Used for
   * the lists no national code covers (see docs/fhir.md).
   */
  readonly recordSystem: string;
  /** The code system of the field components of record-convention Observations. */
  readonly fieldSystem: string;
  /** The code system of enumerated values (the record's own vocabulary codes). */
  readonly valueSystem: string;
  /** Extension URLs. */
  readonly extensions: FhirExtensionUrls;
}

const LOINC = codeSystems.loinc.fhirUri;
const SNOMED = codeSystems.snomed.fhirUri;
const MCS = codeSystems.mcs.fhirUri;
const NPU = codeSystems.npu.fhirUri;
const SDK_CODE = `${FHIR_URN_PREFIX}:code`;
const VALUE = `${FHIR_URN_PREFIX}:value`;
/** The WHO ATC code system URI (HL7 THO). */
const ATC = 'http://www.whocc.no/atc';

const sdk = (code: string): FhirCodeEntry => ({ system: SDK_CODE, code, provisional: true });
const val = <V extends string>(value: V): FhirValueEntry<V> => ({ system: VALUE, code: value, value, provisional: true });

/**
 * The default code maps: DK core identifier systems, ICPC-2 (both URIs),
 * ICD-10 and SKS; MedCom MCS, NPU, LOINC and SNOMED CT codes for the
 * observations; ATC groups for vaccines; and the SDK's own provisional URNs
 * where no national code exists. Frozen; extend it with the `codeMaps` option
 * of {@link fromFhirBundle} (spread a default list to keep its entries).
 *
 * @example
 * ```ts
 * DEFAULT_FHIR_CODE_MAPS.observations.fev1.map((c) => c.code); // ['MCS88015', '20150-9', '20157-4']
 * DEFAULT_FHIR_CODE_MAPS.cprSystems; // ['urn:oid:1.2.208.176.1.2']
 * ```
 */
export const DEFAULT_FHIR_CODE_MAPS: FhirCodeMaps = deepFreeze({
  cprSystems: [CPR_FHIR_SYSTEM],
  replacementSystems: [X_ECPR_FHIR_SYSTEM],
  diagnosisSystems: [
    { system: codeSystems.icpc2.fhirUri, value: 'ICPC-2' },
    { system: `urn:oid:${codeSystems.icpc2.cdaOid ?? '1.2.208.176.2.31'}`, value: 'ICPC-2' },
    { system: `urn:oid:${codeSystems.icpc2.oid}`, value: 'ICPC-2' },
    { system: codeSystems.icd10.fhirUri, value: 'ICD-10' },
    { system: codeSystems.sks.fhirUri, value: 'SKS' },
  ],
  clinicalStatuses: [
    { code: 'active', value: 'active' },
    { code: 'recurrence', value: 'active' },
    { code: 'relapse', value: 'active' },
    { code: 'inactive', value: 'resolved' },
    { code: 'remission', value: 'resolved' },
    { code: 'resolved', value: 'resolved' },
  ],
  backPainEpisode: [sdk('back-pain-episode')],
  observations: {
    spirometry: [sdk('spirometry')],
    fev1: [{ system: MCS, code: mcsAnalysisCodes.fev1.code }, { system: LOINC, code: '20150-9' }, { system: LOINC, code: '20157-4' }],
    fev1Post: [{ system: LOINC, code: '20155-8' }],
    fvc: [{ system: LOINC, code: '19870-5' }],
    ratio: [{ system: LOINC, code: '19926-5' }],
    fev1PercentPredicted: [{ system: LOINC, code: '20152-5' }],
    postBronchodilator: [sdk('post-bronchodilator')],
    mrc: [{ system: MCS, code: mcsAnalysisCodes.mrcScale.code }],
    cat: [{ system: MCS, code: mcsAnalysisCodes.catScore.code }],
    smoking: [{ system: MCS, code: mcsAnalysisCodes.smokingStatus.code }, { system: LOINC, code: '72166-2' }],
    packYears: [{ system: LOINC, code: '8664-5', provisional: true }, sdk('pack-years')],
    weight: [{ system: NPU, code: wellKnownCodes.bodyWeight.code }, { system: LOINC, code: '29463-7' }],
    height: [{ system: LOINC, code: '8302-2' }],
    bmi: [{ system: LOINC, code: '39156-5' }],
    bodyPanel: [sdk('body-measurement')],
  },
  smokingValues: [
    { system: SNOMED, code: '77176002', value: 'current' },
    { system: SNOMED, code: '8517006', value: 'former' },
    { system: SNOMED, code: '266919005', value: 'never' },
    val('current'),
    val('former'),
    val('never'),
  ],
  vaccines: [
    { system: ATC, code: 'J07BB', codePrefix: true, value: 'influenza', recordSystem: 'ATC' },
    { system: ATC, code: 'J07AL', codePrefix: true, value: 'pneumococcal', recordSystem: 'ATC' },
    { system: ATC, code: 'J07BN', codePrefix: true, value: 'covid-19', recordSystem: 'ATC' },
    { system: ATC, code: 'J07AJ', codePrefix: true, value: 'pertussis', recordSystem: 'ATC' },
    { system: ATC, code: 'J07', codePrefix: true, value: 'other', recordSystem: 'ATC' },
    val('influenza'),
    val('pneumococcal'),
    val('covid-19'),
    val('pertussis'),
    val('other'),
  ],
  encounterTypes: [val('aarsstatus'), val('follow-up'), val('other')],
  admissionClasses: [
    { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ACUTE' },
  ],
  referralTypes: [
    val('municipal-rehabilitation'),
    val('physiotherapy'),
    val('psychologically-informed-physiotherapy'),
    val('multidisciplinary-assessment'),
    val('specialist-pulmonology'),
    val('specialist-spine'),
    val('smoking-cessation'),
    val('dxa'),
    val('psychologist'),
    val('other'),
  ],
  referralStatuses: [
    { code: 'draft', value: 'planned' },
    { code: 'active', value: 'sent' },
    { code: 'on-hold', value: 'sent' },
    { code: 'completed', value: 'completed' },
    { code: 'revoked', value: 'cancelled' },
  ],
  redFlags: [
    val('bladder-bowel-dysfunction'),
    val('saddle-anaesthesia'),
    val('previous-cancer'),
    val('unexplained-weight-loss'),
    val('constant-or-night-pain'),
    val('fever'),
    val('immunosuppression'),
    val('iv-drug-use'),
    val('trauma'),
    val('osteoporosis'),
    val('long-term-steroids'),
    val('high-age'),
    val('inflammatory-disease-suspected'),
    val('neurological-deficit'),
    val('progressive-neurological-deficit'),
  ],
  recordSystem: `${FHIR_URN_PREFIX}:record`,
  fieldSystem: `${FHIR_URN_PREFIX}:field`,
  valueSystem: VALUE,
  extensions: {
    listed: `${FHIR_URN_PREFIX}:extension:listed`,
    package: `${FHIR_URN_PREFIX}:extension:package`,
    referralStatus: `${FHIR_URN_PREFIX}:extension:referral-status`,
    redFlagStatus: `${FHIR_URN_PREFIX}:extension:red-flag-status`,
  },
} satisfies FhirCodeMaps);

/**
 * Integrator overrides of {@link FhirCodeMaps}: each key given replaces the
 * default of that key; `observations` and `extensions` merge per target.
 *
 * @example
 * ```ts
 * const overrides: FhirCodeMapOverrides = {
 *   observations: { weight: [...DEFAULT_FHIR_CODE_MAPS.observations.weight, { system: 'urn:my-lps', code: 'VAEGT' }] },
 * };
 * ```
 */
export type FhirCodeMapOverrides = Partial<Omit<FhirCodeMaps, 'observations' | 'extensions'>> & {
  /** Observation codes per target; targets left out keep their defaults. */
  readonly observations?: Partial<FhirObservationCodes>;
  /** Extension URLs; those left out keep their defaults. */
  readonly extensions?: Partial<FhirExtensionUrls>;
};

type Json = Readonly<Record<string, unknown>>;

/** The string fields each entry of a list must have (`provisional`, `codePrefix` and `recordSystem` are optional). */
const CODE_ENTRY = ['system', 'code'] as const;
const VALUE_ENTRY = ['system', 'code', 'value'] as const;
const STATUS_ENTRY = ['code', 'value'] as const;
const ENTRY_LISTS: Readonly<Record<string, readonly string[]>> = {
  diagnosisSystems: ['system', 'value'],
  clinicalStatuses: STATUS_ENTRY,
  backPainEpisode: CODE_ENTRY,
  smokingValues: VALUE_ENTRY,
  vaccines: VALUE_ENTRY,
  encounterTypes: VALUE_ENTRY,
  admissionClasses: CODE_ENTRY,
  referralTypes: VALUE_ENTRY,
  referralStatuses: STATUS_ENTRY,
  redFlags: VALUE_ENTRY,
};
const STRING_LISTS = new Set(['cprSystems', 'replacementSystems']);
const STRINGS = new Set(['recordSystem', 'fieldSystem', 'valueSystem']);
const OPTIONAL_FIELDS: Readonly<Record<string, 'boolean' | 'string'>> = { provisional: 'boolean', codePrefix: 'boolean', recordSystem: 'string' };

function invalidMaps(path: readonly (string | number)[], expected: string): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', `Invalid FHIR code-map override: ${formatPath(path)} ${expected}`, { path });
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of an array, read by index (an overwritten `constructor` or iterator is never used). */
function copyList(value: unknown, path: readonly (string | number)[]): unknown[] {
  if (!Array.isArray(value)) throw invalidMaps(path, 'is not an array');
  const list = value as readonly unknown[];
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]);
  return out;
}

function entryList(value: unknown, fields: readonly string[], path: readonly (string | number)[]): readonly Json[] {
  return Object.freeze(
    copyList(value, path).map((entry, i) => {
      if (!isJson(entry)) throw invalidMaps([...path, i], 'is not an object');
      const out: Record<string, unknown> = {};
      for (const field of fields) {
        const v = entry[field];
        if (typeof v !== 'string') throw invalidMaps([...path, i, field], 'is not a string');
        out[field] = v;
      }
      for (const [field, type] of Object.entries(OPTIONAL_FIELDS)) {
        const v = entry[field];
        if (v === undefined) continue;
        if (typeof v !== type) throw invalidMaps([...path, i, field], `is not a ${type}`);
        out[field] = v;
      }
      return Object.freeze(out);
    }),
  );
}

/** The entries of a per-key part (`observations`, `extensions`), checked against the known keys. */
function part(value: unknown, known: Json, read: (v: unknown, path: readonly (string | number)[]) => unknown, path: readonly (string | number)[]): Json {
  if (!isJson(value)) throw invalidMaps(path, 'is not an object');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(known, key)) throw invalidMaps(path, 'has a key the code maps do not define');
    const v = value[key];
    if (v !== undefined) out[key] = read(v, [...path, key]);
  }
  return out;
}

/**
 * Checks integrator overrides before anything reads them, and copies them
 * (lists by index, entries by their known fields), so that what was checked
 * is what is used.
 *
 * @internal
 * @param overrides - the overrides as given
 * @param path - where they sit, for errors
 * @returns the checked copy
 * @throws `KronikerpakkerError` (core) `INVALID_ARGUMENT` naming the path (keys the code maps define and indices), never a value
 */
export function checkFhirCodeMapOverrides(overrides: unknown, path: readonly (string | number)[]): FhirCodeMapOverrides {
  if (!isJson(overrides)) throw invalidMaps(path, 'is not an object');
  const d = DEFAULT_FHIR_CODE_MAPS;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(overrides)) {
    const value = overrides[key];
    const at = [...path, key];
    if (value === undefined) continue;
    if (STRING_LISTS.has(key)) {
      out[key] = Object.freeze(
        copyList(value, at).map((v, i) => {
          if (typeof v !== 'string') throw invalidMaps([...at, i], 'is not a string');
          return v;
        }),
      );
    } else if (STRINGS.has(key)) {
      if (typeof value !== 'string') throw invalidMaps(at, 'is not a string');
      out[key] = value;
    } else if (key === 'observations') {
      out[key] = part(value, d.observations as unknown as Json, (v, p) => entryList(v, CODE_ENTRY, p), at);
    } else if (key === 'extensions') {
      out[key] = part(value, d.extensions as unknown as Json, (v, p) => {
        if (typeof v !== 'string') throw invalidMaps(p, 'is not a string');
        return v;
      }, at);
    } else {
      const fields = Object.hasOwn(ENTRY_LISTS, key) ? ENTRY_LISTS[key] : undefined;
      if (fields === undefined) throw invalidMaps(path, 'has a key the code maps do not define');
      out[key] = entryList(value, fields, at);
    }
  }
  return out;
}

/**
 * The code maps with an integrator's overrides applied.
 *
 * @param overrides - keys to replace (observation targets and extensions merge per target)
 * @returns a new {@link FhirCodeMaps} (frozen at the top; the override lists are checked and copied)
 * @throws `KronikerpakkerError` (core) `INVALID_ARGUMENT` (path under `overrides`) for a key the maps do not
 *   define or a value of the wrong type, never naming the value
 * @example
 * ```ts
 * const maps = mergeFhirCodeMaps({ encounterTypes: [{ system: 'urn:my-lps', code: 'AAR', value: 'aarsstatus' }] });
 * maps.encounterTypes.length; // 1
 * ```
 */
export function mergeFhirCodeMaps(overrides: FhirCodeMapOverrides | undefined): FhirCodeMaps {
  if (overrides === undefined) return DEFAULT_FHIR_CODE_MAPS;
  return mergeChecked(checkFhirCodeMapOverrides(overrides, ['overrides']));
}

/**
 * {@link mergeFhirCodeMaps} of overrides already checked by {@link checkFhirCodeMapOverrides}.
 *
 * @internal
 * @param overrides - the checked overrides
 * @returns the merged maps
 */
export function mergeChecked(overrides: FhirCodeMapOverrides): FhirCodeMaps {
  const d = DEFAULT_FHIR_CODE_MAPS;
  return Object.freeze({
    ...d,
    ...overrides,
    observations: Object.freeze({ ...d.observations, ...overrides.observations }),
    extensions: Object.freeze({ ...d.extensions, ...overrides.extensions }),
  } as FhirCodeMaps);
}
