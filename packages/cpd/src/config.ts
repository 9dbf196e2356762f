/**
 * The fixed identifiers of CPD-DK 2.0.0 and the one configuration object of
 * codes that are not published yet (provisional).
 *
 * @module
 */

/** A coded value as CDA writes it: code, code system OID and display name. */
import { KronikerpakkerError } from '@kronikerpakker/core';

export interface CpdCode {
  /** The code. */
  readonly code: string;
  /** The OID of the code system. */
  readonly codeSystem: string;
  /** The human-readable name. */
  readonly displayName: string;
}

/** A code whose value is not published: a certifier must see it as provisional. */
export interface ProvisionalCode extends CpdCode {
  /** Always true for the shipped defaults; an integrator's override may set false once a code is published. */
  readonly provisional: boolean;
}

/**
 * The codes the SDK needs but no authority has published: the forløbslabel
 * for lænderygsmerter and every code of the differentiation level (MVP2).
 * Pass an override to {@link toCpdXml}, {@link parseCpd},
 * {@link validateCpd} and {@link toXdsMetadata} (option `codes`) once
 * MedCom or SDS publishes real codes.
 *
 * The shipped defaults cannot collide with real codes: the LRS label holds a
 * hyphen (SKS codes never do) and the level codes live in a UUID-based OID
 * (`2.25.…`) minted for this SDK.
 */
export interface CpdCodeConfig {
  /** The forløbslabel (SKS) of each package. */
  readonly forloebslabel: {
    /** KOL: SKS `ALAL21` (published). */
    readonly KOL: ProvisionalCode;
    /** Lænderygsmerter: not published, provisional. */
    readonly LRS: ProvisionalCode;
  };
  /** The code system of the level codes below. */
  readonly levelCodeSystem: string;
  /** The sub-section of the interventions section that holds the level. */
  readonly levelSection: ProvisionalCode;
  /** The observation "differentiation level". */
  readonly levelObservation: ProvisionalCode;
  /** The values of the level observation, level 1, 2 and 3. */
  readonly levelValues: { readonly 1: ProvisionalCode; readonly 2: ProvisionalCode; readonly 3: ProvisionalCode };
  /**
   * The observation of a level that is not decided yet (a suggestion that
   * missing data could still raise): its value is the range, `IVL_INT` from
   * the lowest to the highest possible level. Written instead of
   * `levelObservation`, so that no coded entry states a level nobody decided.
   */
  readonly provisionalLevelObservation: ProvisionalCode;
  /** The observation of one item to record before the level can be decided (with a provisional level). */
  readonly levelAwaiting: ProvisionalCode;
  /** The observation of one driver of the level. */
  readonly levelDriver: ProvisionalCode;
  /** The observation holding the contact plan's text. */
  readonly contactPlan: ProvisionalCode;
  /** The observation holding the interval between årsstatus consultations (months). */
  readonly aarsstatusInterval: ProvisionalCode;
  /** The observation holding the interval between follow-ups (months). */
  readonly followUpInterval: ProvisionalCode;
}

/** The OID minted for the SDK's provisional codes (UUID-based, ISO/IEC 9834-8). */
export const PROVISIONAL_CODE_SYSTEM = '2.25.160946412364735216430916935236598140117';

const prov = (code: string, displayName: string): ProvisionalCode => ({
  code,
  codeSystem: PROVISIONAL_CODE_SYSTEM,
  displayName,
  provisional: true,
});

/**
 * The shipped defaults of {@link CpdCodeConfig}. Every entry except the KOL
 * forløbslabel (`ALAL21`, published by MedCom) is provisional.
 *
 * @example
 * ```ts
 * DEFAULT_CPD_CODES.forloebslabel.LRS.provisional; // true
 * ```
 */
export const DEFAULT_CPD_CODES: CpdCodeConfig = {
  forloebslabel: {
    KOL: { code: 'ALAL21', codeSystem: '1.2.208.176.2.4', displayName: 'KOL', provisional: false },
    LRS: { code: 'PROV-LRS', codeSystem: '1.2.208.176.2.4', displayName: 'Lænderygsmerter (foreløbig kode)', provisional: true },
  },
  levelCodeSystem: PROVISIONAL_CODE_SYSTEM,
  levelSection: prov('PROV-NIVEAU-AFSNIT', 'Differentieringsniveau og kontaktplan (foreløbig kode)'),
  levelObservation: prov('PROV-NIVEAU', 'Differentieringsniveau (foreløbig kode)'),
  levelValues: {
    1: prov('PROV-NIVEAU-1', 'Niveau 1'),
    2: prov('PROV-NIVEAU-2', 'Niveau 2'),
    3: prov('PROV-NIVEAU-3', 'Niveau 3'),
  },
  provisionalLevelObservation: prov('PROV-NIVEAU-FORELOEBIGT', 'Foreløbigt differentieringsniveau, ikke fastlagt (foreløbig kode)'),
  levelAwaiting: prov('PROV-NIVEAU-MANGLER', 'Mangler før niveauet kan fastlægges (foreløbig kode)'),
  levelDriver: prov('PROV-NIVEAU-DRIVER', 'Begrundelse for niveau (foreløbig kode)'),
  contactPlan: prov('PROV-KONTAKTPLAN', 'Kontaktplan (foreløbig kode)'),
  aarsstatusInterval: prov('PROV-AARSSTATUS-INTERVAL', 'Interval mellem årsstatus (foreløbig kode)'),
  followUpInterval: prov('PROV-OPFOELGNING-INTERVAL', 'Interval mellem opfølgninger (foreløbig kode)'),
};

/**
 * Every provisional code of a configuration, with the configuration key it
 * sits under: what the docs list and what validation reports.
 *
 * @param codes - the configuration (defaults to {@link DEFAULT_CPD_CODES})
 * @returns `[key, code]` pairs of the entries marked provisional
 * @example
 * ```ts
 * provisionalCodes().map(([key]) => key); // ['forloebslabel.LRS', 'levelSection', ...]
 * ```
 */
export function provisionalCodes(codes: CpdCodeConfig = DEFAULT_CPD_CODES): readonly (readonly [string, ProvisionalCode])[] {
  const all: [string, ProvisionalCode][] = [
    ['forloebslabel.KOL', codes.forloebslabel.KOL],
    ['forloebslabel.LRS', codes.forloebslabel.LRS],
    ['levelSection', codes.levelSection],
    ['levelObservation', codes.levelObservation],
    ['levelValues.1', codes.levelValues[1]],
    ['levelValues.2', codes.levelValues[2]],
    ['levelValues.3', codes.levelValues[3]],
    ['provisionalLevelObservation', codes.provisionalLevelObservation],
    ['levelAwaiting', codes.levelAwaiting],
    ['levelDriver', codes.levelDriver],
    ['contactPlan', codes.contactPlan],
    ['aarsstatusInterval', codes.aarsstatusInterval],
    ['followUpInterval', codes.followUpInterval],
  ];
  return all.filter(([, c]) => c.provisional);
}

/** The OIDs and fixed codes CPD-DK 2.0.0 prescribes (see `docs/cpd.md`). */
export const CPD = {
  documentTemplateId: '1.2.208.184.15.1',
  idRoot: '1.2.208.184',
  typeId: { root: '2.16.840.1.113883.1.3', extension: 'POCD_HD000040' },
  loinc: '2.16.840.1.113883.6.1',
  documentCode: '81215-6',
  documentCodeDisplay: 'Care plan - recommended C-CDA R2.0 & R2.1 sections',
  confidentialitySystem: '2.16.840.1.113883.5.25',
  genderSystem: '2.16.840.1.113883.5.1',
  cprOid: '1.2.208.176.1.2',
  sorOid: '1.2.208.176.1.1',
  sks: '1.2.208.176.2.4',
  icpc2Dk: '1.2.208.176.2.31',
  npu: '1.2.208.176.2.1',
  mcs: '1.2.208.184.100.8',
  medcomMessageCodes: '1.2.208.184.100.1',
  validityTemplateId: '1.2.208.184.10.1.11',
  profileTemplateId: '1.2.208.184.10.1.10',
  forloebslabelTemplateId: '1.2.208.184.10.1.12',
  profileVersion: 'cpd-v2.0.0',
  sectionExtension: '2018-09-28',
  subSectionExtension: '2018-11-28',
  sections: {
    healthConcerns: { templateId: '1.2.208.184.15.1.10.20.1', loinc: '75310-3', loincName: 'Health Concerns', title: 'Tilstande, diagnoser' },
    goals: { templateId: '1.2.208.184.15.1.10.20.2', loinc: '61146-7', loincName: 'Goals', title: 'Individuelle mål' },
    interventions: { templateId: '1.2.208.184.15.1.10.20.3', loinc: '62387-6', loincName: 'Interventions', title: 'Udførte og planlagte aktiviteter' },
    outcomes: { templateId: '1.2.208.184.15.1.10.20.4', loinc: '11383-7', loincName: 'Patient Problem Outcome', title: 'Resultater' },
  },
  entryTemplates: {
    healthConcernAct: '1.2.208.184.15.1.10.20.1.21',
    goal: '1.2.208.184.15.1.10.20.2.20',
    intervention: '1.2.208.184.15.1.10.20.3.20',
    outcome: '1.2.208.184.15.1.10.20.4.20',
  },
  codes: {
    diagnoseart: { code: 'ALGA', codeSystem: '1.2.208.176.2.4', displayName: 'Diagnoseart' },
    goalText: { code: 'FlpGoalText', codeSystem: '1.2.208.184.100.1', displayName: 'Mine mål' },
    plannedFollowUp: { code: 'AWB4', codeSystem: '1.2.208.176.2.4', displayName: 'Planlagt opfølgning' },
    services: { code: 'FLPServicesCode', codeSystem: '1.2.208.184.100.1', displayName: 'Ydelser' },
  },
  goalTextMaxLength: 300,
} as const;

/** Whether a value is one code (code, code system, display name as strings; `provisional` a boolean when given). */
function isCode(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  try {
    return (
      typeof c['code'] === 'string' &&
      typeof c['codeSystem'] === 'string' &&
      typeof c['displayName'] === 'string' &&
      (c['provisional'] === undefined || typeof c['provisional'] === 'boolean')
    );
  } catch {
    // A getter that throws: not a code.
    return false;
  }
}

/**
 * Checks a code configuration against the shape of {@link DEFAULT_CPD_CODES}
 * before it is used: every key of the defaults present, with a string where
 * the default has one and a code where it has a code. Only the defaults'
 * keys are read, so a hostile object is never walked.
 *
 * @param codes - the configuration given as an option
 * @param path - where it was given, for the error
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` naming the first bad key (never its value)
 * @example
 * ```ts
 * assertCpdCodeConfig({ ...DEFAULT_CPD_CODES }, ['options', 'codes']); // passes
 * ```
 */
export function assertCpdCodeConfig(codes: unknown, path: readonly (string | number)[]): asserts codes is CpdCodeConfig {
  const walk = (template: unknown, value: unknown, at: readonly (string | number)[]): void => {
    if (typeof template === 'string') {
      if (typeof value !== 'string') throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected a string in the code configuration', { path: at });
      return;
    }
    if (isCode(template)) {
      if (!isCode(value)) throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected a code (code, codeSystem, displayName)', { path: at });
      return;
    }
    if (typeof value !== 'object' || value === null) throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected an object in the code configuration', { path: at });
    for (const key of Object.keys(template as object)) {
      let inner: unknown;
      try {
        inner = (value as Record<string, unknown>)[key];
      } catch {
        throw new KronikerpakkerError('INVALID_ARGUMENT', 'The code configuration could not be read', { path: [...at, key] });
      }
      walk((template as Record<string, unknown>)[key], inner, [...at, key]);
    }
  };
  walk(DEFAULT_CPD_CODES, codes, path);
}
