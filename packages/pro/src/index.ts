/**
 * `@kronikerpakker/pro`: the PRO instruments of the kronikerpakker as data
 * (CAT, MRC, STarT Back, ODI, Roland-Morris, pain NRS, SILS, EQ-5D-5L),
 * their scoring and interpretation bands, and their export to FHIR R4.
 *
 * The SDK ships item ids, answer codes, neutral labels and scoring, never
 * the copyrighted item wording: attach licensed texts with
 * {@link withItemTexts}.
 *
 * ```ts
 * import { scoreQuestionnaire, toFhirQuestionnaire } from '@kronikerpakker/pro';
 *
 * const cat = scoreQuestionnaire({
 *   instrument: 'CAT',
 *   answers: { cat1: 2, cat2: 1, cat3: 1, cat4: 3, cat5: 1, cat6: 0, cat7: 1, cat8: 2 },
 * });
 * cat.score; // 11
 * cat.band?.id; // 'high' (>= 10)
 * toFhirQuestionnaire('CAT').item.length; // 8
 * ```
 *
 * @packageDocumentation
 */

// Instrument definitions as data.
export { SCORED_INSTRUMENTS } from './definitions/types';
export type {
  AnswerDomain,
  AnswerOption,
  BandDefinition,
  BooleanAnswerDomain,
  ChoiceAnswerDomain,
  DefinitionStatus,
  InstrumentDefinition,
  InstrumentItem,
  InstrumentSource,
  IntegerAnswerDomain,
  ItemText,
  LicenceNote,
  LocalisedText,
  PercentOfAnsweredScoring,
  ScoreRange,
  ScoreUnit,
  ScoredInstrumentId,
  ScoringRule,
  SubscoreDefinition,
  SumScoring,
  ValueSetDimension,
  ValueSetScoring,
} from './definitions/types';
export { INSTRUMENT_DEFINITIONS, getInstrumentDefinition, isScoredInstrument } from './definitions/registry';
export type { DefinitionOf, InstrumentDefinitions, InstrumentItemIds } from './definitions/registry';
export type { CatItemId } from './definitions/cat';
export type { MrcItemId } from './definitions/mrc';
export type { StartBackItemId } from './definitions/start-back';
export type { OdiItemId } from './definitions/odi';
export type { RmdqItemId } from './definitions/rmdq';
export type { NrsPainItemId } from './definitions/nrs-pain';
export type { SilsItemId } from './definitions/sils';
export type { Eq5d5lItemId } from './definitions/eq-5d-5l';

// Licensed wording, attached by the integrator.
export { withItemTexts } from './item-texts';
export type { ItemTexts } from './item-texts';

// Scoring.
export { safeScoreQuestionnaire, scoreQuestionnaire } from './score';
export type { QuestionnaireInput, QuestionnaireScore, SafeScoreResult, ScoreBand } from './score';
export { mmrcToMrc, mrcToMmrc } from './mrc';
export type { MmrcGrade, MrcGrade } from './mrc';

// Rule-pack facts over PRO responses (STarT Back, ODI, SILS).
export { PRO_FACTS, proFactCatalogue } from './facts';

// Errors: paths and codes, never answers.
export { InvalidQuestionnaireError, QUESTIONNAIRE_ISSUE_CODES } from './errors';
export type { QuestionnaireIssue, QuestionnaireIssueCode } from './errors';

// FHIR R4.
export { PRO_URN_PREFIX, answerCodeSystem, questionnaireUrl } from './fhir/canonical';
export { toFhirQuestionnaire } from './fhir/questionnaire';
export type { ToFhirQuestionnaireOptions } from './fhir/questionnaire';
export { fromFhirQuestionnaireResponse, safeFromFhirQuestionnaireResponse } from './fhir/response';
export type { QuestionnaireAnswers, SafeFromFhirResult } from './fhir/response';
export type {
  FhirAnswerInput,
  FhirCoding,
  FhirCodingInput,
  FhirExtension,
  FhirQuestionnaire,
  FhirQuestionnaireAnswerOption,
  FhirQuestionnaireItem,
  FhirQuestionnaireItemType,
  FhirQuestionnaireResponseInput,
  FhirQuestionnaireResponseItemInput,
} from './fhir/types';
