/**
 * Code systems, code normalisation (ICD-10/SKS, ICPC-2), the ICPC-2 → ICD-10
 * concept map and the value sets the rules use.
 *
 * @module
 */

export { codeSystemByOid, codeSystemByUri, codeSystems } from './code-systems';
export type { CodeSystem, CodeSystemId } from './code-systems';
export {
  mcsAnalysisCodes,
  mcsAnalysisCodesSource,
  mcsAnalysisNameByCode,
  wellKnownCodes,
  wellKnownCodesSource,
} from './analysis-codes';
export type { McsAnalysisCode, McsAnalysisName, WellKnownCode, WellKnownCodeName } from './analysis-codes';
export {
  icd10DisplayName,
  icd10DisplayNames,
  isIcd10Code,
  normaliseIcd10,
  safeNormaliseIcd10,
  toSksCode,
} from './icd10';
export type { Icd10DisplayName } from './icd10';
export {
  ICPC2_CHAPTERS,
  icpc2DisplayName,
  icpc2DisplayNames,
  isIcpc2Code,
  normaliseIcpc2,
  safeNormaliseIcpc2,
} from './icpc2';
export type { Icpc2DisplayName } from './icpc2';
export { matchesIcd10Pattern, parseIcd10Pattern } from './icd10-pattern';
export type { Icd10Pattern, ParsedIcd10Pattern } from './icd10-pattern';
export { icd10ForIcpc2, icpc2ForIcd10, icpc2Icd10ConceptMap } from './concept-map';
export type { Icpc2Icd10ConceptMap, Icpc2Icd10MapEntry } from './concept-map';
export { VALUE_SET_IDS, getValueSet, inValueSet, valueSets } from './value-sets';
export type { ValueSet, ValueSetCoding, ValueSetId, ValueSetStatus, ValueSetSystem } from './value-sets';
export { deepFreeze } from './source';
export type { DataSource } from './source';
