/**
 * The synthetic FHIR R4 Bundle: a generated record written the way an LPS
 * exporting FHIR would write it, with the codes and conventions documented
 * in docs/fhir.md (DK core CPR identifier, ICPC-2 / ICD-10 / SKS Conditions,
 * MedCom MCS, NPU and LOINC Observations, SNOMED CT smoking status, ATC
 * vaccine codes, QuestionnaireResponses to the `@kronikerpakker/pro`
 * questionnaires, and the SDK's `urn:kronikerpakker:fhir:*` conventions where
 * no national code exists).
 *
 * Self-contained on purpose: it plays the external exporter, so it carries
 * its own literal system URIs rather than the SDK's code maps, and a test in
 * `@kronikerpakker/fhir` proves that the two agree (record -> Bundle ->
 * record is lossless for the mapped fields).
 *
 * SYNTHETIC DATA ONLY.
 *
 * @module
 */
import type { PatientRecordInput } from '@kronikerpakker/core';
import { generateRecords } from './generate';
import type { ClinicOptions } from './generate';

/** A JSON object of a FHIR resource (the shape of R4 JSON; no type library needed). */
export interface SyntheticFhirResource {
  /** The FHIR resource type. */
  readonly resourceType: string;
  /** The resource's other elements. */
  readonly [element: string]: unknown;
}

/** One entry of a {@link SyntheticFhirBundle}. */
export interface SyntheticFhirBundleEntry {
  /** `urn:uuid:<uuid>`, deterministic per record and position. */
  readonly fullUrl: string;
  /** The resource. */
  readonly resource: SyntheticFhirResource;
  /** For a transaction: `POST <resourceType>`. */
  readonly request?: { readonly method: 'POST'; readonly url: string };
}

/** An R4 Bundle as JSON (assignable to `fhir4.Bundle` in structure). */
export interface SyntheticFhirBundle {
  /** Always `Bundle`. */
  readonly resourceType: 'Bundle';
  /** `collection` (default) or `transaction`. */
  readonly type: 'collection' | 'transaction';
  /** The Patient first, then the record's lists in schema order. */
  readonly entry: readonly SyntheticFhirBundleEntry[];
}

/** Options of {@link toFhirBundle}. */
export interface ToFhirBundleOptions {
  /** The Bundle type (default `collection`). */
  readonly type?: 'collection' | 'transaction';
}

// Literal URIs, as an exporting LPS would hold them (see docs/fhir.md).
const CPR = 'urn:oid:1.2.208.176.1.2';
const ICPC2 = 'http://hl7.org/fhir/sid/icpc-2';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const SKS = 'urn:oid:1.2.208.176.2.4';
const MCS = 'urn:oid:1.2.208.184.100.8';
const NPU = 'urn:oid:1.2.208.176.2.1';
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const ATC = 'http://www.whocc.no/atc';
const UCUM = 'http://unitsofmeasure.org';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const SDK = 'urn:kronikerpakker:fhir';
const SDK_CODE = `${SDK}:code`;
const SDK_VALUE = `${SDK}:value`;
const SDK_RECORD = `${SDK}:record`;
const SDK_FIELD = `${SDK}:field`;
const EXT_LISTED = `${SDK}:extension:listed`;
const EXT_PACKAGE = `${SDK}:extension:package`;
const EXT_REFERRAL_STATUS = `${SDK}:extension:referral-status`;
const EXT_RED_FLAG_STATUS = `${SDK}:extension:red-flag-status`;
const PRO = 'urn:kronikerpakker:pro';

/** The answer type of each questionnaire's items (as the PRO questionnaires define them). */
const ANSWER_TYPE: Readonly<Record<string, 'choice' | 'integer' | 'boolean'>> = {
  CAT: 'choice',
  MRC: 'choice',
  'STarT-Back': 'choice',
  ODI: 'choice',
  RMDQ: 'boolean',
  'NRS-pain': 'integer',
  SILS: 'choice',
  'EQ-5D-5L': 'choice',
};

const REFERRAL_FHIR_STATUS: Readonly<Record<string, string>> = {
  planned: 'draft',
  sent: 'active',
  accepted: 'active',
  completed: 'completed',
  declined: 'revoked',
  cancelled: 'revoked',
};

type Json = Record<string, unknown>;

const coding = (system: string, code: string): Json => ({ system, code });
const concept = (...codings: Json[]): Json => ({ coding: codings });
const quantity = (value: number, unit: string): Json => ({ value, unit, system: UCUM, code: unit });
const component = (system: string, code: string, value: Json): Json => ({ code: concept(coding(system, code)), ...value });
const field = (name: string, value: Json): Json => component(SDK_FIELD, name, value);

/** FNV-1a of a string: the per-record part of the deterministic uuids. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function uuid(seed: number, n: number): string {
  const a = seed.toString(16).padStart(8, '0');
  const b = n.toString(16).padStart(12, '0');
  return `${a}-0000-4000-8000-${b}`;
}

/** A record-convention field value: enums as SDK value codings, booleans, integers and strings as such. */
function fieldValue(value: unknown): Json {
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'number') return { valueInteger: value };
  return { valueString: typeof value === 'string' ? value : JSON.stringify(value) };
}

const RECORD_CONVENTION: Readonly<Record<string, { readonly period?: readonly [string, string]; readonly enums: readonly string[] }>> = {
  exacerbations: { enums: ['severity'] },
  inhalerChecks: { enums: ['result'] },
  imaging: { enums: ['modality', 'region', 'status'] },
  workStatus: { enums: ['status'] },
  sickLeave: { period: ['startDate', 'endDate'], enums: ['extent'] },
  packageDecisions: { enums: ['package', 'decision'] },
  needsAssessments: { enums: ['package', 'selfManagement', 'motivation'] },
  levelDecisions: { enums: ['package'] },
  sharedPlans: { enums: ['package'] },
};

/**
 * One record as an R4 Bundle: the Patient, then one resource per list item
 * (body measurements with a single value as a stand-alone Observation,
 * otherwise as a panel).
 *
 * @param record - a `PatientRecordInput` (for example from `generateRecords`)
 * @param options - the Bundle type
 * @returns the Bundle as JSON
 * @example
 * ```ts
 * const bundle = toFhirBundle(generateClinic({ seed: 1, size: 1, asOf: '2027-01-15' })[0]!);
 * bundle.entry[0]?.resource.resourceType; // 'Patient'
 * ```
 */
export function toFhirBundle(record: PatientRecordInput, options: ToFhirBundleOptions = {}): SyntheticFhirBundle {
  const type = options.type ?? 'collection';
  const seed = fnv1a(record.id);
  const entries: SyntheticFhirBundleEntry[] = [];
  const patientUrl = `urn:uuid:${uuid(seed, 0)}`;
  const subject = { reference: patientUrl };
  const add = (resource: Json & { resourceType: string }): void => {
    const fullUrl = entries.length === 0 ? patientUrl : `urn:uuid:${uuid(seed, entries.length)}`;
    const withId = entries.length === 0 ? resource : { ...resource, id: `r${String(entries.length)}` };
    entries.push(type === 'transaction' ? { fullUrl, resource: withId, request: { method: 'POST', url: resource.resourceType } } : { fullUrl, resource: withId });
  };
  const observation = (date: string, code: Json, rest: Json): void => {
    add({ resourceType: 'Observation', status: 'final', code, subject, effectiveDateTime: date, ...rest });
  };

  // Patient.
  const p = record.patient;
  const patient: Json & { resourceType: string } = {
    resourceType: 'Patient',
    id: record.id,
    extension: [{ url: EXT_LISTED, valueBoolean: p.listed }],
    gender: p.sex,
    birthDate: p.birthDate,
  };
  if (record.synthetic === true) patient['meta'] = { security: [coding(ACT_REASON, 'HTEST')] };
  if (p.cpr !== undefined) patient['identifier'] = [{ system: CPR, value: p.cpr }];
  if (p.deceasedDate !== undefined) patient['deceasedDateTime'] = p.deceasedDate;
  add(patient);

  for (const d of record.diagnoses ?? []) {
    const system = d.system === 'ICPC-2' ? ICPC2 : d.system === 'ICD-10' ? ICD10 : SKS;
    const c: Json = {
      resourceType: 'Condition',
      clinicalStatus: concept(coding(CLINICAL, d.status)),
      code: concept(coding(system, d.code)),
      subject,
      recordedDate: d.recordedDate,
    };
    if (d.onsetDate !== undefined) c['onsetDateTime'] = d.onsetDate;
    if (d.resolvedDate !== undefined) c['abatementDateTime'] = d.resolvedDate;
    add(c as Json & { resourceType: string });
  }
  for (const s of record.spirometry ?? []) {
    const components: Json[] = [];
    if (s.fev1L !== undefined) components.push(component(MCS, 'MCS88015', { valueQuantity: quantity(s.fev1L, 'L') }));
    if (s.fvcL !== undefined) components.push(component(LOINC, '19870-5', { valueQuantity: quantity(s.fvcL, 'L') }));
    if (s.ratio !== undefined) components.push(component(LOINC, '19926-5', { valueQuantity: quantity(s.ratio, '1') }));
    if (s.fev1PercentPredicted !== undefined) components.push(component(LOINC, '20152-5', { valueQuantity: quantity(s.fev1PercentPredicted, '%') }));
    components.push(component(SDK_CODE, 'post-bronchodilator', { valueBoolean: s.postBronchodilator }));
    observation(s.date, concept(coding(SDK_CODE, 'spirometry')), { component: components });
  }
  for (const m of record.mrc ?? []) observation(m.date, concept(coding(MCS, 'MCS88021')), { valueInteger: m.grade });
  for (const c of record.cat ?? []) {
    const rest: Json = {};
    if (c.total !== undefined) rest['valueInteger'] = c.total;
    if (c.items !== undefined) rest['component'] = c.items.map((v, i) => field(`cat-item-${String(i + 1)}`, { valueInteger: v }));
    observation(c.date, concept(coding(MCS, 'MCS88137')), rest);
  }
  for (const a of record.admissions ?? []) {
    add({
      resourceType: 'Encounter',
      status: a.endDate === undefined ? 'in-progress' : 'finished',
      class: coding(ACT_CODE, 'IMP'),
      subject,
      period: a.endDate === undefined ? { start: a.date } : { start: a.date, end: a.endDate },
      reasonCode: [concept(coding(SDK_VALUE, a.cause))],
    });
  }
  for (const s of record.smoking ?? []) {
    const snomed = s.status === 'current' ? '77176002' : s.status === 'former' ? '8517006' : '266919005';
    const rest: Json = { valueCodeableConcept: concept(coding(SNOMED, snomed)) };
    if (s.packYears !== undefined) rest['component'] = [component(SDK_CODE, 'pack-years', { valueQuantity: quantity(s.packYears, '{pack-years}') })];
    observation(s.date, concept(coding(MCS, 'MCS88011'), coding(LOINC, '72166-2')), rest);
  }
  for (const b of record.bodyMeasurements ?? []) {
    const parts: [Json, Json][] = [];
    if (b.weightKg !== undefined) parts.push([concept(coding(NPU, 'NPU03804'), coding(LOINC, '29463-7')), { valueQuantity: quantity(b.weightKg, 'kg') }]);
    if (b.heightCm !== undefined) parts.push([concept(coding(LOINC, '8302-2')), { valueQuantity: quantity(b.heightCm, 'cm') }]);
    if (b.bmi !== undefined) parts.push([concept(coding(LOINC, '39156-5')), { valueQuantity: quantity(b.bmi, 'kg/m2') }]);
    const [only] = parts;
    if (parts.length === 1 && only !== undefined) observation(b.date, only[0], only[1]);
    else observation(b.date, concept(coding(SDK_CODE, 'body-measurement')), { component: parts.map(([code, value]) => ({ code, ...value })) });
  }
  for (const v of record.vaccinations ?? []) {
    const code = v.code !== undefined && v.code.system === 'ATC' ? coding(ATC, v.code.code) : coding(SDK_VALUE, v.vaccine);
    add({ resourceType: 'Immunization', status: 'completed', vaccineCode: concept(code), patient: subject, occurrenceDateTime: v.date });
  }
  for (const e of record.backPainEpisodes ?? []) {
    const c: Json = { resourceType: 'Condition', code: concept(coding(SDK_CODE, 'back-pain-episode')), subject, onsetDateTime: e.onsetDate };
    if (e.endDate !== undefined) c['abatementDateTime'] = e.endDate;
    add(c as Json & { resourceType: string });
  }
  for (const f of record.redFlags ?? []) {
    add({
      resourceType: 'Flag',
      extension: [{ url: EXT_RED_FLAG_STATUS, valueCode: f.status }],
      status: f.status === 'present' ? 'active' : 'inactive',
      code: concept(coding(SDK_VALUE, f.flag)),
      subject,
      period: { start: f.date },
    });
  }
  for (const q of record.questionnaires ?? []) {
    const answerType = ANSWER_TYPE[q.instrument] ?? 'choice';
    const items = Object.entries(q.answers).map(([linkId, value]) => {
      if (value === null) return { linkId };
      const answer =
        answerType === 'integer' ? { valueInteger: value } : answerType === 'boolean' ? { valueBoolean: value === 1 } : { valueCoding: coding(`${PRO}:${q.instrument}`, String(value)) };
      return { linkId, answer: [answer] };
    });
    add({ resourceType: 'QuestionnaireResponse', questionnaire: `${PRO}:questionnaire:${q.instrument}|${q.version}`, status: 'completed', subject, authored: q.date, item: items });
  }
  for (const e of record.encounters ?? []) {
    const enc: Json = {
      resourceType: 'Encounter',
      status: 'finished',
      class: coding(ACT_CODE, 'AMB'),
      type: [concept(coding(SDK_VALUE, e.type))],
      subject,
      period: { start: e.date },
    };
    if (e.package !== undefined) enc['extension'] = [{ url: EXT_PACKAGE, valueCode: e.package }];
    add(enc as Json & { resourceType: string });
  }
  for (const r of record.referrals ?? []) {
    const extension: Json[] = [{ url: EXT_REFERRAL_STATUS, valueCode: r.status }];
    if (r.package !== undefined) extension.push({ url: EXT_PACKAGE, valueCode: r.package });
    add({
      resourceType: 'ServiceRequest',
      extension,
      status: REFERRAL_FHIR_STATUS[r.status] ?? 'unknown',
      intent: 'order',
      code: concept(coding(SDK_VALUE, r.type)),
      subject,
      authoredOn: r.date,
    });
  }
  // The lists no national code covers: the SDK's record convention.
  for (const [list, spec] of Object.entries(RECORD_CONVENTION)) {
    const items = (record as unknown as Record<string, readonly Json[] | undefined>)[list] ?? [];
    for (const item of items) {
      const components: Json[] = [];
      const rest: Json = {};
      for (const [key, value] of Object.entries(item)) {
        if (value === undefined) continue;
        if (spec.period !== undefined ? key === spec.period[0] || key === spec.period[1] : key === 'date') continue;
        components.push(field(key, spec.enums.includes(key) && typeof value === 'string' ? { valueCodeableConcept: concept(coding(SDK_VALUE, value)) } : fieldValue(value)));
      }
      if (spec.period === undefined) rest['effectiveDateTime'] = item['date'];
      else {
        const end = item[spec.period[1]];
        rest['effectivePeriod'] = end === undefined ? { start: item[spec.period[0]] } : { start: item[spec.period[0]], end };
      }
      add({ resourceType: 'Observation', status: 'final', code: concept(coding(SDK_RECORD, list)), subject, ...rest, component: components });
    }
  }
  return { resourceType: 'Bundle', type, entry: entries };
}

/**
 * The records of {@link generateRecords} as Bundles, one at a time.
 *
 * @param options - as for `generateRecords`, plus the Bundle type
 * @returns a generator of Bundles (patient `n` of the clinic is Bundle `n`)
 * @example
 * ```ts
 * for (const bundle of generateBundles({ seed: 2027, size: 100, asOf: '2027-01-15' })) use(bundle);
 * ```
 */
export function* generateBundles(options: ClinicOptions & ToFhirBundleOptions): Generator<SyntheticFhirBundle, void, undefined> {
  const bundleOptions: ToFhirBundleOptions = options.type === undefined ? {} : { type: options.type };
  for (const record of generateRecords(options)) yield toFhirBundle(record, bundleOptions);
}
