/**
 * `toXdsMetadata`: the XDS attributes that register a CPD-DK document in
 * Danish document sharing (MedCom "XDS Metadata for Document Sharing -
 * Danish profile" v2.0.0).
 *
 * @module
 */

import { KronikerpakkerError, toCdaDate } from '@kronikerpakker/core';
import { CPD, DEFAULT_CPD_CODES } from './config';
import type { CpdCode, CpdCodeConfig } from './config';
import type { TreatmentPlan } from './model';
import { parseCpd } from './parse';

/** The XDS DocumentEntry attributes of one CPD-DK document. */
export interface XdsMetadata {
  /** `001` "Klinisk rapport" (`1.2.208.184.100.9`). */
  readonly classCode: CpdCode;
  /** LOINC `81215-6`. */
  readonly typeCode: CpdCode;
  /** `urn:ad:dk:medcom:cpd-v2.0:full` (`1.2.208.184.100.10`). */
  readonly formatCode: CpdCode;
  /** The forløbslabel. */
  readonly eventCodeList: readonly CpdCode[];
  /** SNOMED CT `394761003` "almen lægepraksis". */
  readonly healthcareFacilityTypeCode: CpdCode;
  /** SNOMED CT `408443003` "almen medicin". */
  readonly practiceSettingCode: CpdCode;
  /** `N`. */
  readonly confidentialityCode: CpdCode;
  /** `da-DK`. */
  readonly languageCode: 'da-DK';
  /** `root^extension` of the document id. */
  readonly uniqueId: string;
  /** `CPR^^^&1.2.208.176.1.2&ISO`. */
  readonly sourcePatientId: string;
  /** The same CPX as `sourcePatientId` (the affinity domain uses CPR). */
  readonly patientId: string;
  /** `1.2.208.176.8.1`. */
  readonly homeCommunityId: string;
  /** The author's organisation: SOR id, name and the XON form `name^^^^^&1.2.208.176.1.1&ISO^^^^SOR`. */
  readonly authorInstitution: { readonly sorId: string; readonly name: string; readonly xon: string };
  /** Creation time in UTC, `YYYYMMDDHHmmss`. */
  readonly creationTime: string;
  /** Validity start, `YYYYMMDD`. */
  readonly serviceStartTime: string;
  /** Validity end, `YYYYMMDD`, when the plan has one. */
  readonly serviceStopTime?: string;
  /** The document title. */
  readonly title: string;
  /** `text/xml`. */
  readonly mimeType: 'text/xml';
  /** Whether `eventCodeList` holds a provisional code (LRS until a label is published). */
  readonly provisional: boolean;
}

/** Options of {@link toXdsMetadata}. */
export interface ToXdsMetadataOptions {
  /** The provisional codes; defaults to {@link DEFAULT_CPD_CODES}. */
  readonly codes?: CpdCodeConfig;
}

/**
 * The XDS metadata of a plan or of a CPD-DK document made from one.
 *
 * @param source - a {@link TreatmentPlan} or the XML of a CPD-DK document
 * @param options - the provisional codes
 * @returns the attributes of `cpd-dk.md`'s XDS table
 * @throws `KronikerpakkerError` (core) `INVALID_ARGUMENT` for XML that holds no complete plan
 *   (run {@link parseCpd} to see why)
 * @example
 * ```ts
 * const meta = toXdsMetadata(plan);
 * meta.formatCode.code; // 'urn:ad:dk:medcom:cpd-v2.0:full'
 * ```
 */
export function toXdsMetadata(source: TreatmentPlan | string, options: ToXdsMetadataOptions = {}): XdsMetadata {
  const codes = options.codes ?? DEFAULT_CPD_CODES;
  let plan: TreatmentPlan;
  if (typeof source === 'string') {
    const parsed = parseCpd(source, { codes });
    if (parsed.plan === undefined) throw new KronikerpakkerError('INVALID_ARGUMENT', 'the document holds no complete treatment plan; see parseCpd findings', { path: ['source'] });
    plan = parsed.plan;
  } else plan = source;
  const label = codes.forloebslabel[plan.package];
  const cpx = `${plan.patient.cpr}^^^&${CPD.cprOid}&ISO`;
  const end = plan.validity.end;
  return {
    classCode: { code: '001', codeSystem: '1.2.208.184.100.9', displayName: 'Klinisk rapport' },
    typeCode: { code: CPD.documentCode, codeSystem: CPD.loinc, displayName: CPD.documentCodeDisplay },
    formatCode: { code: 'urn:ad:dk:medcom:cpd-v2.0:full', codeSystem: '1.2.208.184.100.10', displayName: 'DK CPD schema' },
    eventCodeList: [{ code: label.code, codeSystem: label.codeSystem, displayName: label.displayName }],
    healthcareFacilityTypeCode: { code: '394761003', codeSystem: '2.16.840.1.113883.6.96', displayName: 'almen lægepraksis' },
    practiceSettingCode: { code: '408443003', codeSystem: '2.16.840.1.113883.6.96', displayName: 'almen medicin' },
    confidentialityCode: { code: 'N', codeSystem: CPD.confidentialitySystem, displayName: 'normal' },
    languageCode: 'da-DK',
    uniqueId: `${CPD.idRoot}^${plan.documentId}`,
    sourcePatientId: cpx,
    patientId: cpx,
    homeCommunityId: '1.2.208.176.8.1',
    authorInstitution: {
      sorId: plan.author.sorId,
      name: plan.clinic.name,
      xon: `${plan.clinic.name.replace(/[\^&~\\|]/g, ' ')}^^^^^&${CPD.sorOid}&ISO^^^^${plan.author.sorId}`,
    },
    creationTime: plan.createdAt.replace(/[-:TZ]/g, ''),
    serviceStartTime: toCdaDate(plan.validity.start),
    ...(end === undefined ? {} : { serviceStopTime: toCdaDate(end) }),
    title: plan.title,
    mimeType: 'text/xml',
    provisional: label.provisional,
  };
}
