/**
 * Named single codes the SDK uses: the MedCom analysis codes (MCS) for the
 * KOL and LRS measurements, and a few other well-known codes (care-plan
 * document type, body weight, SNOMED CT Danish module, MedCom message codes).
 *
 * @module
 */

import type { CodeSystemId } from './code-systems';
import type { DataSource } from './source';
import { deepFreeze } from './source';

/**
 * One MedCom analysis code (system `mcs`, OID 1.2.208.184.100.8).
 *
 * `label` is the SDK's short description, not MedCom's official display
 * text.
 *
 * @example
 * ```ts
 * const fev1: McsAnalysisCode = mcsAnalysisCodes.fev1;
 * fev1.code; // 'MCS88015'
 * fev1.unit; // 'L'
 * ```
 */
export interface McsAnalysisCode {
  /** Always `'mcs'`: the key of the code system in {@link codeSystems}. */
  readonly system: 'mcs';
  /** The MCS code, e.g. `MCS88015`. */
  readonly code: string;
  /** The SDK's short label (not the official MedCom display). */
  readonly label: string;
  /** The unit of the value, where the SDK's domain spec states one. */
  readonly unit?: string;
  /** The inclusive range of a scored value, where the spec states one. */
  readonly range?: {
    /** The lowest possible value. */
    readonly min: number;
    /** The highest possible value. */
    readonly max: number;
  };
}

/** The short names of the MCS analysis codes in {@link mcsAnalysisCodes}. */
export type McsAnalysisName =
  | 'fev1'
  | 'fev6'
  | 'catScore'
  | 'mrcScale'
  | 'smokingStatus'
  | 'mannicheVas'
  | 'sitToStand30s';

const MCS_DATA = {
  fev1: { system: 'mcs', code: 'MCS88015', label: 'FEV1', unit: 'L' },
  fev6: { system: 'mcs', code: 'MCS88100', label: 'FEV6' },
  catScore: { system: 'mcs', code: 'MCS88137', label: 'CAT score', range: { min: 0, max: 40 } },
  mrcScale: { system: 'mcs', code: 'MCS88021', label: 'MRC skala', range: { min: 1, max: 5 } },
  smokingStatus: { system: 'mcs', code: 'MCS88011', label: 'Rygestatus (smoking status)' },
  mannicheVas: { system: 'mcs', code: 'MCS88147', label: 'Manniche VAS' },
  sitToStand30s: { system: 'mcs', code: 'MCS88050', label: '30-s sit-to-stand' },
} as const satisfies Record<McsAnalysisName, McsAnalysisCode>;

/**
 * The MedCom analysis codes (MCS) the KOL and LRS packages use, keyed by a
 * short name. Frozen data; see {@link mcsAnalysisCodesSource}.
 *
 * @example
 * ```ts
 * mcsAnalysisCodes.catScore.code;  // 'MCS88137'
 * mcsAnalysisCodes.catScore.range; // { min: 0, max: 40 }
 * mcsAnalysisCodes.mrcScale.code;  // 'MCS88021'
 * ```
 */
export const mcsAnalysisCodes: Readonly<Record<McsAnalysisName, McsAnalysisCode>> = deepFreeze(MCS_DATA);

/**
 * The source of {@link mcsAnalysisCodes}.
 *
 * @example
 * ```ts
 * mcsAnalysisCodesSource.title; // 'MedCom analysekoder (MCS), ...'
 * ```
 */
export const mcsAnalysisCodesSource: DataSource = deepFreeze({
  title:
    'MedCom analysekoder (MCS), OID 1.2.208.184.100.8, as recorded in the kronikerpakker domain spec; labels are the SDK\'s own',
  url: 'https://www.medcom.dk/',
});

const MCS_BY_CODE = new Map<string, McsAnalysisName>(
  (Object.keys(mcsAnalysisCodes) as McsAnalysisName[]).map((name) => [mcsAnalysisCodes[name].code, name]),
);

/**
 * Finds the short name of an MCS analysis code (case-insensitive, ignoring
 * surrounding whitespace).
 *
 * @param code - an MCS code such as `MCS88015`
 * @returns the short name in {@link mcsAnalysisCodes}, or `undefined` if the SDK does not use the code
 * @example
 * ```ts
 * mcsAnalysisNameByCode('MCS88015'); // 'fev1'
 * mcsAnalysisNameByCode('mcs88147'); // 'mannicheVas'
 * mcsAnalysisNameByCode('MCS00000'); // undefined
 * ```
 */
export function mcsAnalysisNameByCode(code: string): McsAnalysisName | undefined {
  if (typeof code !== 'string') return undefined;
  return MCS_BY_CODE.get(code.trim().toUpperCase());
}

/**
 * A single well-known code with its system.
 *
 * @example
 * ```ts
 * const weight: WellKnownCode = wellKnownCodes.bodyWeight;
 * weight.code; // 'NPU03804'
 * ```
 */
export interface WellKnownCode {
  /** The code system's short id (a key of {@link codeSystems}). */
  readonly system: CodeSystemId;
  /** The code. */
  readonly code: string;
  /** The SDK's label (official display only where the spec gives one). */
  readonly label: string;
}

/** The short names of the codes in {@link wellKnownCodes}. */
export type WellKnownCodeName =
  | 'carePlanDocument'
  | 'bodyWeight'
  | 'snomedDkModule'
  | 'flpGoalText'
  | 'flpServicesCode';

const WELL_KNOWN_DATA = {
  carePlanDocument: { system: 'loinc', code: '81215-6', label: 'Care plan document' },
  bodyWeight: { system: 'npu', code: 'NPU03804', label: 'Vægt' },
  snomedDkModule: { system: 'snomed', code: '554471000005108', label: 'SNOMED CT Danish extension module' },
  flpGoalText: { system: 'medcom-message', code: 'FlpGoalText', label: 'Forløbsplan: mål (tekst)' },
  flpServicesCode: { system: 'medcom-message', code: 'FLPServicesCode', label: 'Forløbsplan: ydelser' },
} as const satisfies Record<WellKnownCodeName, WellKnownCode>;

/**
 * Single codes the SDK refers to by name: the LOINC care-plan document type,
 * NPU body weight, the SNOMED CT Danish module id and MedCom message codes.
 * Frozen data; see {@link wellKnownCodesSource}.
 *
 * @example
 * ```ts
 * wellKnownCodes.carePlanDocument; // { system: 'loinc', code: '81215-6', ... }
 * wellKnownCodes.snomedDkModule.code; // '554471000005108'
 * ```
 */
export const wellKnownCodes: Readonly<Record<WellKnownCodeName, WellKnownCode>> = deepFreeze(WELL_KNOWN_DATA);

/**
 * The source of {@link wellKnownCodes}.
 *
 * @example
 * ```ts
 * wellKnownCodesSource.title; // 'kronikerpakker SDK domain spec ...'
 * ```
 */
export const wellKnownCodesSource: DataSource = deepFreeze({
  title:
    'kronikerpakker SDK domain spec (LOINC care plan 81215-6, NPU03804 Vægt, SNOMED CT DK module, MedCom message codes); labels other than "Vægt" are the SDK\'s own',
});
