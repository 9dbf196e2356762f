// Fuzz tests of PRO scoring and the FHIR QuestionnaireResponse import (issue 13): the throwing forms
// return or throw InvalidQuestionnaireError (INVALID_ARGUMENT) without an answer, the safe forms never
// throw, and no response (nested 20,000 deep, huge, odd keys) exhausts the stack. FUZZ_RUNS raises the runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deepValue,
  expectCodedOrResult,
  expectNoThrow,
  fuzzParameters,
  fuzzTimeout,
  hostileValue,
  markerString,
  mutatedFrom,
} from '@kronikerpakker/test-fixtures/fuzz';
import { INSTRUMENT_DEFINITIONS } from './definitions/registry';
import { SCORED_INSTRUMENTS } from './definitions/types';
import type { InstrumentDefinition, InstrumentItem, ScoredInstrumentId } from './definitions/types';
import { InvalidQuestionnaireError } from './errors';
import { answerCodeSystem, questionnaireUrl } from './fhir/canonical';
import { fromFhirQuestionnaireResponse, safeFromFhirQuestionnaireResponse } from './fhir/response';
import type { FhirQuestionnaireResponseInput } from './fhir/types';
import { withItemTexts } from './item-texts';
import { safeScoreQuestionnaire, scoreQuestionnaire } from './score';
import type { QuestionnaireInput } from './score';

function firstAnswer(item: InstrumentItem): number {
  const a = item.answer;
  return a.type === 'choice' ? (a.options[0]?.code ?? 0) : a.type === 'integer' ? a.min : 1;
}

const definitions: readonly InstrumentDefinition[] = SCORED_INSTRUMENTS.map((id: ScoredInstrumentId) => INSTRUMENT_DEFINITIONS[id] as InstrumentDefinition);

/** A complete, valid response of each instrument. */
const responses: QuestionnaireInput[] = definitions.map((d) => ({
  instrument: d.id,
  version: d.version,
  answers: Object.fromEntries(d.items.map((i) => [i.id, firstAnswer(i)])),
}));

/** The same as FHIR QuestionnaireResponses. */
const fhirResponses: unknown[] = definitions.map((d) => ({
  resourceType: 'QuestionnaireResponse',
  questionnaire: `${questionnaireUrl(d.id)}|${d.version}`,
  status: 'completed',
  authored: '2027-01-15T10:30:00+01:00',
  item: d.items.map((i) => {
    const value = firstAnswer(i);
    const answer =
      i.answer.type === 'choice'
        ? { valueCoding: { system: answerCodeSystem(d.id), code: String(value) } }
        : i.answer.type === 'integer'
          ? { valueInteger: value }
          : { valueBoolean: value === 1 };
    return { linkId: i.id, answer: [answer] };
  }),
}));

const scoreInputs = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...responses).chain(mutatedFrom) }, { weight: 1, arbitrary: hostileValue() });
const fhirInputs = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...fhirResponses).chain(mutatedFrom) },
  { weight: 1, arbitrary: hostileValue() },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...fhirResponses), fc.integer({ min: 30, max: 20_000 })).map(([qr, depth]) => ({
      ...(qr as object),
      item: [deepValue(depth, 'item')],
    })),
  },
);

describe('fuzz: PRO scoring', () => {
  it(
    'scoreQuestionnaire returns a score or throws InvalidQuestionnaireError without values; the safe form never throws',
    () => {
      fc.assert(
        fc.property(scoreInputs, (input) => {
          const thrown = expectCodedOrResult(() => scoreQuestionnaire(input as QuestionnaireInput), 'scoreQuestionnaire');
          const safe = expectNoThrow(() => safeScoreQuestionnaire(input as QuestionnaireInput), 'safeScoreQuestionnaire') as { success: boolean };
          expect(safe.success).toBe(thrown !== undefined);
        }),
        fuzzParameters(500),
      );
    },
    fuzzTimeout(),
  );

  it(
    'withItemTexts checks the definition and the texts before reading them',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...definitions), hostileValue(1)), fc.oneof(hostileValue(2), fc.dictionary(markerString, hostileValue(1))), (definition, texts) => {
          expectCodedOrResult(() => withItemTexts(definition as InstrumentDefinition, texts as never), 'withItemTexts');
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );
});

describe('fuzz: FHIR QuestionnaireResponse import', () => {
  it(
    'fromFhirQuestionnaireResponse returns answers or throws InvalidQuestionnaireError without values; the safe form never throws',
    () => {
      fc.assert(
        fc.property(fhirInputs, (qr) => {
          const thrown = expectCodedOrResult(() => fromFhirQuestionnaireResponse(qr as FhirQuestionnaireResponseInput), 'fromFhirQuestionnaireResponse');
          const safe = expectNoThrow(() => safeFromFhirQuestionnaireResponse(qr as FhirQuestionnaireResponseInput), 'safeFromFhirQuestionnaireResponse') as {
            success: boolean;
          };
          expect(safe.success).toBe(thrown !== undefined);
        }),
        fuzzParameters(500),
      );
    },
    fuzzTimeout(),
  );
});

describe('issue 13: the QuestionnaireResponse walk is bounded', () => {
  it('items nested 20,000 levels deep are invalid-resource, not a stack overflow', () => {
    const qr = { ...(fhirResponses[0] as object), item: [deepValue(20_000, 'item')] };
    const result = safeFromFhirQuestionnaireResponse(qr as unknown as FhirQuestionnaireResponseInput);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.code)).toContain('invalid-resource');
  });

  it('a small graph that shares its item lists cannot make the walk exponential', () => {
    let shared: unknown[] = [{ linkId: 'g' }];
    for (let i = 0; i < 40; i++) shared = [{ linkId: 'g', item: shared }, { linkId: 'g', item: shared }];
    const qr = { ...(fhirResponses[0] as object), item: shared };
    expect(() => fromFhirQuestionnaireResponse(qr as unknown as FhirQuestionnaireResponseInput)).toThrow(InvalidQuestionnaireError);
  });

  it('withItemTexts checks its definition', () => {
    expect(() => withItemTexts(null as never, {})).toThrow(InvalidQuestionnaireError);
  });
});
