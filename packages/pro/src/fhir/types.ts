/**
 * Minimal FHIR R4 types for the resources this package writes and reads.
 * They are our own, so no FHIR type library reaches the public API; tests
 * check that they fit the R4 definitions (`Questionnaire` is assignable to
 * R4's, and R4's `QuestionnaireResponse` to our input type).
 *
 * @module
 */

import type { Locale } from '@kronikerpakker/core';

/**
 * An extension with an integer or decimal value (R4 `Extension`, the two
 * value types this package writes).
 *
 * @example
 * ```ts
 * const min: FhirExtension = { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 };
 * ```
 */
export interface FhirExtension {
  /** The extension's canonical url. */
  url: string;
  /** An integer value. */
  valueInteger?: number;
  /** A decimal value. */
  valueDecimal?: number;
}

/**
 * A code from a code system (R4 `Coding`).
 *
 * @example
 * ```ts
 * const coding: FhirCoding = { system: 'urn:kronikerpakker:pro:CAT', code: '3', display: '3' };
 * ```
 */
export interface FhirCoding {
  /** The code system. */
  system?: string;
  /** The code. */
  code?: string;
  /** How the code is shown. */
  display?: string;
  /** Extensions (this package writes `ordinalValue`: the points an answer scores). */
  extension?: FhirExtension[];
}

/**
 * One permitted answer of a `choice` item (R4 `Questionnaire.item.answerOption`).
 *
 * @example
 * ```ts
 * const option: FhirQuestionnaireAnswerOption = { valueCoding: { system: 'urn:kronikerpakker:pro:CAT', code: '0' } };
 * ```
 */
export interface FhirQuestionnaireAnswerOption {
  /** The answer as a coding. */
  valueCoding: FhirCoding;
}

/**
 * The item types this package writes.
 *
 * @example
 * ```ts
 * const type: FhirQuestionnaireItemType = 'choice';
 * ```
 */
export type FhirQuestionnaireItemType = 'choice' | 'integer' | 'boolean';

/**
 * One question (R4 `Questionnaire.item`).
 *
 * @example
 * ```ts
 * const item: FhirQuestionnaireItem = { linkId: 'nrs', text: 'Pain intensity 0-10', type: 'integer', required: true };
 * ```
 */
export interface FhirQuestionnaireItem {
  /** Our item id. */
  linkId: string;
  /** The neutral label, or licensed wording attached with `withItemTexts`. */
  text: string;
  /** The item type. */
  type: FhirQuestionnaireItemType;
  /** Whether an answer is required (false where the scoring rule tolerates a missing item). */
  required: boolean;
  /** The permitted answers of a `choice` item. */
  answerOption?: FhirQuestionnaireAnswerOption[];
  /** `minValue` and `maxValue` of an `integer` item. */
  extension?: FhirExtension[];
}

/**
 * A questionnaire definition (R4 `Questionnaire`), as this package writes it.
 *
 * @example
 * ```ts
 * const q: FhirQuestionnaire = toFhirQuestionnaire('CAT');
 * q.url; // 'urn:kronikerpakker:pro:questionnaire:CAT'
 * ```
 */
export interface FhirQuestionnaire {
  /** Always `Questionnaire`. */
  resourceType: 'Questionnaire';
  /** A logical id derived from the instrument id. */
  id: string;
  /** The canonical url, see {@link questionnaireUrl}. */
  url: string;
  /** The definition version. */
  version: string;
  /** A computer-friendly name. */
  name: string;
  /** The instrument's title in the chosen locale. */
  title: string;
  /** `draft` for provisional definitions, `active` otherwise. */
  status: 'draft' | 'active';
  /** The language of `title` and the item texts. */
  language: Locale;
  /** Who publishes this definition. */
  publisher: string;
  /** What the resource holds (and does not hold). */
  description: string;
  /** The licence position of the instrument's wording. */
  copyright: string;
  /** Always `['Patient']`. */
  subjectType: 'Patient'[];
  /** The items, in questionnaire order. */
  item: FhirQuestionnaireItem[];
}

/**
 * A coding as read from input (any R4 `Coding` fits).
 *
 * @example
 * ```ts
 * const coding: FhirCodingInput = { system: 'urn:kronikerpakker:pro:SILS', code: '2' };
 * ```
 */
export interface FhirCodingInput {
  /** The code system. */
  readonly system?: string | undefined;
  /** The code. */
  readonly code?: string | undefined;
}

/**
 * One answer as read from input (any R4 `QuestionnaireResponse.item.answer`
 * fits; other `value[x]` types are rejected at run time).
 *
 * @example
 * ```ts
 * const answer: FhirAnswerInput = { valueInteger: 6 };
 * ```
 */
export interface FhirAnswerInput {
  /** The answer to a `choice` item. */
  readonly valueCoding?: FhirCodingInput | undefined;
  /** The answer to an `integer` item. */
  readonly valueInteger?: number | undefined;
  /** The answer to a `boolean` item. */
  readonly valueBoolean?: boolean | undefined;
  /** Nested items (not used by this package's questionnaires). */
  readonly item?: readonly FhirQuestionnaireResponseItemInput[] | undefined;
}

/**
 * One answered item as read from input (any R4 `QuestionnaireResponse.item` fits).
 *
 * @example
 * ```ts
 * const item: FhirQuestionnaireResponseItemInput = { linkId: 'nrs', answer: [{ valueInteger: 6 }] };
 * ```
 */
export interface FhirQuestionnaireResponseItemInput {
  /** The item id. */
  readonly linkId: string;
  /** The answers (at most one for this package's items). */
  readonly answer?: readonly FhirAnswerInput[] | undefined;
  /** Nested items (groups). */
  readonly item?: readonly FhirQuestionnaireResponseItemInput[] | undefined;
}

/**
 * A questionnaire response as read from input (any R4
 * `QuestionnaireResponse` fits).
 *
 * @example
 * ```ts
 * const qr: FhirQuestionnaireResponseInput = {
 *   resourceType: 'QuestionnaireResponse',
 *   questionnaire: 'urn:kronikerpakker:pro:questionnaire:NRS-pain',
 *   status: 'completed',
 *   item: [{ linkId: 'nrs', answer: [{ valueInteger: 6 }] }],
 * };
 * ```
 */
export interface FhirQuestionnaireResponseInput {
  /** Must be `QuestionnaireResponse`. */
  readonly resourceType: 'QuestionnaireResponse';
  /** The canonical url of the questionnaire answered, optionally with `|version`. */
  readonly questionnaire?: string | undefined;
  /** The response status; `entered-in-error` is rejected. */
  readonly status: string;
  /** When the answers were given (date or dateTime). */
  readonly authored?: string | undefined;
  /** The answered items. */
  readonly item?: readonly FhirQuestionnaireResponseItemInput[] | undefined;
}
