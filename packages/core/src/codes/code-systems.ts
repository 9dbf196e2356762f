/**
 * The identifier systems and code systems the SDK meets in Danish general
 * practice: their OIDs (CDA, MedCom) and FHIR URIs (DK Core), with lookups
 * by either form.
 *
 * @module
 */

import type { DataSource } from './source';
import { deepFreeze } from './source';

/**
 * The short ids of the code systems and identifier systems the SDK knows.
 *
 * @example
 * ```ts
 * const id: CodeSystemId = 'icpc2';
 * codeSystems[id].fhirUri; // 'http://hl7.org/fhir/sid/icpc-2'
 * ```
 */
export type CodeSystemId =
  | 'cpr'
  | 'sor'
  | 'ydernummer'
  | 'icpc2'
  | 'sks'
  | 'icd10'
  | 'npu'
  | 'mcs'
  | 'medcom-message'
  | 'loinc'
  | 'snomed'
  | 'pro-dk'
  | 'x-ecpr';

/**
 * One code system or identifier system.
 *
 * @example
 * ```ts
 * const loinc: CodeSystem = codeSystems.loinc;
 * loinc.oid; // '2.16.840.1.113883.6.1'
 * ```
 */
export interface CodeSystem {
  /** The SDK's short id (the key in {@link codeSystems}). */
  readonly id: CodeSystemId;
  /** A human-readable name. */
  readonly name: string;
  /** The system's OID (the HL7/ISO registered one). */
  readonly oid: string;
  /** The URI used in FHIR `system` elements (`urn:oid:<oid>` where no other URI is defined). */
  readonly fhirUri: string;
  /**
   * The OID used in Danish CDA documents (MedCom, including care-plan
   * documents), where it differs from {@link CodeSystem.oid}.
   */
  readonly cdaOid?: string;
  /** Where the identifiers were taken from. */
  readonly source: DataSource;
}

const DK_CORE: DataSource = {
  title: 'HL7 Denmark, DK Core FHIR implementation guide (as recorded in the kronikerpakker domain spec)',
  url: 'https://hl7.dk/fhir/core/',
};
const MEDCOM: DataSource = {
  title: 'MedCom code systems and CDA/OIOXML standards (as recorded in the kronikerpakker domain spec)',
  url: 'https://www.medcom.dk/',
};
const HL7_THO: DataSource = {
  title: 'HL7 Terminology (THO) naming systems',
  url: 'https://terminology.hl7.org/',
};
const DOMAIN_SPEC: DataSource = { title: 'kronikerpakker SDK domain spec' };

const CODE_SYSTEM_DATA = {
  cpr: {
    id: 'cpr',
    name: 'CPR-nummer (Det Centrale Personregister)',
    oid: '1.2.208.176.1.2',
    fhirUri: 'urn:oid:1.2.208.176.1.2',
    source: DK_CORE,
  },
  sor: {
    id: 'sor',
    name: 'SOR (Sundhedsvæsenets Organisationsregister)',
    oid: '1.2.208.176.1.1',
    fhirUri: 'urn:oid:1.2.208.176.1.1',
    source: DK_CORE,
  },
  ydernummer: {
    id: 'ydernummer',
    name: 'Ydernummer',
    oid: '1.2.208.176.1.4',
    fhirUri: 'urn:oid:1.2.208.176.1.4',
    source: DK_CORE,
  },
  icpc2: {
    id: 'icpc2',
    name: 'ICPC-2 (DK)',
    oid: '2.16.840.1.113883.6.139',
    fhirUri: 'http://hl7.org/fhir/sid/icpc-2',
    /** "ICPC-2-DK" in MedCom CDA examples; the OID used in care-plan (CPD) documents. */
    cdaOid: '1.2.208.176.2.31',
    source: {
      title:
        'HL7 Denmark DK Core (FHIR URI, OID); MedCom CDA examples (CDA OID "ICPC-2-DK"); as recorded in the kronikerpakker domain spec',
      url: 'https://hl7.dk/fhir/core/',
    },
  },
  sks: {
    id: 'sks',
    name: 'SKS (Sundhedsvæsenets Klassifikations System), including ICD-10 in SKS form',
    oid: '1.2.208.176.2.4',
    fhirUri: 'urn:oid:1.2.208.176.2.4',
    source: DK_CORE,
  },
  icd10: {
    id: 'icd10',
    name: 'ICD-10 (WHO); coded in Danish records in SKS form (DJ449)',
    oid: '2.16.840.1.113883.6.3',
    fhirUri: 'http://hl7.org/fhir/sid/icd-10',
    /** In Danish CDA documents ICD-10 diagnoses are SKS codes. */
    cdaOid: '1.2.208.176.2.4',
    source: {
      title: 'HL7 Terminology (THO) naming system icd10 (OID, URI); SKS OID for Danish documents per the kronikerpakker domain spec',
      url: 'https://terminology.hl7.org/',
    },
  },
  npu: {
    id: 'npu',
    name: 'NPU (Nomenclature for Properties and Units), laboratory codes',
    oid: '1.2.208.176.2.1',
    fhirUri: 'urn:oid:1.2.208.176.2.1',
    source: DK_CORE,
  },
  mcs: {
    id: 'mcs',
    name: 'MedCom analysekoder (MCS)',
    oid: '1.2.208.184.100.8',
    fhirUri: 'urn:oid:1.2.208.184.100.8',
    source: MEDCOM,
  },
  'medcom-message': {
    id: 'medcom-message',
    name: 'MedCom meddelelseskoder (FlpGoalText, FLPServicesCode, ...)',
    oid: '1.2.208.184.100.1',
    fhirUri: 'urn:oid:1.2.208.184.100.1',
    source: MEDCOM,
  },
  loinc: {
    id: 'loinc',
    name: 'LOINC',
    oid: '2.16.840.1.113883.6.1',
    fhirUri: 'http://loinc.org',
    source: HL7_THO,
  },
  snomed: {
    id: 'snomed',
    name: 'SNOMED CT',
    oid: '2.16.840.1.113883.6.96',
    fhirUri: 'http://snomed.info/sct',
    source: HL7_THO,
  },
  'pro-dk': {
    id: 'pro-dk',
    name: 'Nationale PRO-spørgeskemaer',
    oid: '1.2.208.176.7.3.1',
    fhirUri: 'urn:oid:1.2.208.176.7.3.1',
    source: DOMAIN_SPEC,
  },
  'x-ecpr': {
    id: 'x-ecpr',
    name: 'X-eCPR erstatningsnumre',
    oid: '1.2.208.176.1.6.1.1',
    fhirUri: 'urn:oid:1.2.208.176.1.6.1.1',
    source: DK_CORE,
  },
} as const satisfies { readonly [K in CodeSystemId]: CodeSystem & { readonly id: K } };

/**
 * Every code system and identifier system the SDK knows, keyed by its short
 * id. Frozen data.
 *
 * @example
 * ```ts
 * codeSystems.cpr.fhirUri;   // 'urn:oid:1.2.208.176.1.2'
 * codeSystems.icpc2.cdaOid;  // '1.2.208.176.2.31' (ICPC-2-DK in CDA care-plan documents)
 * codeSystems.sks.oid;       // '1.2.208.176.2.4'
 * ```
 */
export const codeSystems: Readonly<Record<CodeSystemId, CodeSystem>> = deepFreeze(CODE_SYSTEM_DATA);

const ALL: readonly CodeSystem[] = Object.values(codeSystems);
const BY_OID = new Map<string, CodeSystem>(ALL.map((s) => [s.oid, s]));
const BY_CDA_OID = new Map<string, CodeSystem>();
for (const system of ALL) {
  if (system.cdaOid !== undefined && !BY_OID.has(system.cdaOid) && !BY_CDA_OID.has(system.cdaOid)) {
    BY_CDA_OID.set(system.cdaOid, system);
  }
}
const BY_URI = new Map<string, CodeSystem>(
  ALL.filter((s) => !s.fhirUri.startsWith('urn:oid:')).map((s) => [s.fhirUri, s]),
);

/**
 * Finds a code system by its OID: first by its registered OID, then by the
 * OID used in Danish CDA documents. The SKS OID `1.2.208.176.2.4` therefore
 * gives `sks` (not `icd10`), and `1.2.208.176.2.31` gives `icpc2`.
 *
 * @param oid - a bare OID such as `2.16.840.1.113883.6.1` (surrounding whitespace is ignored)
 * @returns the code system, or `undefined` if the OID is unknown or not a string
 * @example
 * ```ts
 * codeSystemByOid('1.2.208.176.2.31')?.id;      // 'icpc2'
 * codeSystemByOid('2.16.840.1.113883.6.96')?.id; // 'snomed'
 * codeSystemByOid('1.2.3');                      // undefined
 * ```
 */
export function codeSystemByOid(oid: string): CodeSystem | undefined {
  if (typeof oid !== 'string') return undefined;
  const key = oid.trim();
  return BY_OID.get(key) ?? BY_CDA_OID.get(key);
}

const URN_OID = 'urn:oid:';

/**
 * Finds a code system by a FHIR `system` URI: either `urn:oid:<oid>` (the
 * prefix is matched case-insensitively; the OID goes through
 * {@link codeSystemByOid}) or a plain URI such as `http://loinc.org`
 * (matched exactly).
 *
 * @param uri - the URI (surrounding whitespace is ignored)
 * @returns the code system, or `undefined` if the URI is unknown or not a string
 * @example
 * ```ts
 * codeSystemByUri('http://hl7.org/fhir/sid/icpc-2')?.id; // 'icpc2'
 * codeSystemByUri('urn:oid:1.2.208.176.1.2')?.id;        // 'cpr'
 * codeSystemByUri('urn:oid:2.16.840.1.113883.6.1')?.id;  // 'loinc'
 * ```
 */
export function codeSystemByUri(uri: string): CodeSystem | undefined {
  if (typeof uri !== 'string') return undefined;
  const key = uri.trim();
  if (key.length > URN_OID.length && key.slice(0, URN_OID.length).toLowerCase() === URN_OID) {
    return codeSystemByOid(key.slice(URN_OID.length));
  }
  return BY_URI.get(key);
}
