/**
 * An instrument as a FHIR R4 Questionnaire.
 *
 * @module
 */

import { DEFAULT_LOCALE, isLocale } from '@kronikerpakker/core';
import type { Locale } from '@kronikerpakker/core';
import { getInstrumentDefinition } from '../definitions/registry';
import type { InstrumentDefinition, InstrumentItem, ScoredInstrumentId } from '../definitions/types';
import { InvalidQuestionnaireError } from '../errors';
import {
  MAX_VALUE_EXTENSION,
  MIN_VALUE_EXTENSION,
  ORDINAL_VALUE_EXTENSION,
  answerCodeSystem,
  questionnaireUrl,
} from './canonical';
import type { FhirQuestionnaire, FhirQuestionnaireItem } from './types';

/**
 * Options of {@link toFhirQuestionnaire}.
 *
 * @example
 * ```ts
 * const options: ToFhirQuestionnaireOptions = { locale: 'en' };
 * ```
 */
export interface ToFhirQuestionnaireOptions {
  /** The language of titles, item texts and answer displays. Default `da`. */
  readonly locale?: Locale;
}

function itemToFhir(definition: InstrumentDefinition, item: InstrumentItem, locale: Locale, required: boolean): FhirQuestionnaireItem {
  const text = item.licensedText?.text[locale] ?? item.label[locale];
  const answer = item.answer;
  switch (answer.type) {
    case 'choice':
      return {
        linkId: item.id,
        text,
        type: 'choice',
        required,
        answerOption: answer.options.map((option) => ({
          valueCoding: {
            system: answerCodeSystem(definition.id),
            code: String(option.code),
            display: item.licensedText?.answers?.[option.code]?.[locale] ?? option.label[locale],
            extension: [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: option.score }],
          },
        })),
      };
    case 'integer':
      return {
        linkId: item.id,
        text,
        type: 'integer',
        required,
        extension: [
          { url: MIN_VALUE_EXTENSION, valueInteger: answer.min },
          { url: MAX_VALUE_EXTENSION, valueInteger: answer.max },
        ],
      };
    case 'boolean':
      return { linkId: item.id, text, type: 'boolean', required };
  }
}

/**
 * Exports an instrument as a FHIR R4 `Questionnaire`, element by element:
 *
 * - `url` = {@link questionnaireUrl}, `version` = the definition version,
 *   `status` = `draft` for provisional definitions, else `active`;
 * - `item[].linkId` = our item id; `type` = `choice` (answer codes),
 *   `integer` (NRS, EQ VAS; with `minValue`/`maxValue` extensions) or
 *   `boolean` (RMDQ; false = 0, true = 1);
 * - `answerOption[].valueCoding` = `{ system: answerCodeSystem(id), code, display }`,
 *   with the `ordinalValue` extension holding the points the answer scores
 *   (STarT Back item 9: codes 3 and 4 score 1);
 * - `item[].text` = the neutral label, or the licensed wording attached
 *   with {@link withItemTexts}. No copyrighted wording is ever added by the SDK;
 * - `required` = true unless the scoring rule tolerates the item missing
 *   (ODI sections, EQ VAS).
 *
 * @param instrument - an instrument id, or a definition (for example one with licensed texts)
 * @param options - the locale of the texts
 * @returns a new Questionnaire resource
 * @throws {@link InvalidQuestionnaireError} `unknown-instrument` for an id this package does not define
 * @example
 * ```ts
 * const q = toFhirQuestionnaire('CAT', { locale: 'en' });
 * q.item[0]; // { linkId: 'cat1', text: 'CAT item 1', type: 'choice', required: true, answerOption: [...] }
 * ```
 */
export function toFhirQuestionnaire(
  instrument: ScoredInstrumentId | InstrumentDefinition,
  options: ToFhirQuestionnaireOptions = {},
): FhirQuestionnaire {
  const definition: InstrumentDefinition = typeof instrument === 'string' ? getInstrumentDefinition(instrument) : instrument;
  const locale = options.locale ?? DEFAULT_LOCALE;
  if (!isLocale(locale)) throw new InvalidQuestionnaireError([{ path: ['options', 'locale'], code: 'invalid-type' }]);
  const rule = definition.scoring;
  const toleratesMissing = rule.method === 'percent-of-answered' && rule.maxMissing > 0;
  const { holder, note } = definition.licence;
  return {
    resourceType: 'Questionnaire',
    id: `kronikerpakker-pro-${definition.id.toLowerCase()}`,
    url: questionnaireUrl(definition.id),
    version: definition.version,
    name: `KronikerpakkerPro${definition.id.replace(/[^A-Za-z0-9]/g, '')}`,
    title: definition.title[locale],
    status: definition.status === 'provisional' ? 'draft' : 'active',
    language: locale,
    publisher: 'kronikerpakker SDK',
    description:
      'Item ids, answer codes and scoring structure for use with @kronikerpakker/pro. Item texts are neutral labels unless licensed wording was attached by the integrator.',
    copyright: holder === undefined ? note : `${holder}. ${note}`,
    subjectType: ['Patient'],
    item: definition.items.map((item) => itemToFhir(definition, item, locale, !item.optional && !toleratesMissing)),
  };
}
