/**
 * The identifiers this package uses in FHIR. Ours, since the instruments'
 * rights holders publish no FHIR code systems for them.
 *
 * @module
 */

import type { ScoredInstrumentId } from '../definitions/types';

/**
 * The prefix of every url and code system this package mints: a URN, so it
 * resolves nowhere and claims no one else's domain.
 *
 * @example
 * ```ts
 * PRO_URN_PREFIX; // 'urn:kronikerpakker:pro'
 * ```
 */
export const PRO_URN_PREFIX = 'urn:kronikerpakker:pro';

/**
 * The canonical url of an instrument's FHIR Questionnaire:
 * `urn:kronikerpakker:pro:questionnaire:<instrument>`. A QuestionnaireResponse
 * names it in `questionnaire`, optionally followed by `|<version>`.
 *
 * @param instrument - the instrument id
 * @returns the canonical url
 * @example
 * ```ts
 * questionnaireUrl('STarT-Back'); // 'urn:kronikerpakker:pro:questionnaire:STarT-Back'
 * ```
 */
export function questionnaireUrl(instrument: ScoredInstrumentId): string {
  return `${PRO_URN_PREFIX}:questionnaire:${instrument}`;
}

/**
 * The code system of an instrument's answer codes:
 * `urn:kronikerpakker:pro:<instrument>`. A code is the answer code as a
 * decimal string (`'0'`, `'3'`); its meaning is given by the item (linkId)
 * it answers.
 *
 * @param instrument - the instrument id
 * @returns the code system url
 * @example
 * ```ts
 * answerCodeSystem('CAT'); // 'urn:kronikerpakker:pro:CAT'
 * ```
 */
export function answerCodeSystem(instrument: ScoredInstrumentId): string {
  return `${PRO_URN_PREFIX}:${instrument}`;
}

/** @internal the R4 core extension for an integer item's lower limit. */
export const MIN_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/minValue';
/** @internal the R4 core extension for an integer item's upper limit. */
export const MAX_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/maxValue';
/** @internal the R4 core extension for the points an answer coding scores. */
export const ORDINAL_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
