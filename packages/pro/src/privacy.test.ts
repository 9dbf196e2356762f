import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_DEFINITIONS } from './definitions/registry';
import { SCORED_INSTRUMENTS } from './definitions/types';
import { InvalidQuestionnaireError } from './errors';
import { questionnaireUrl } from './fhir/canonical';
import { fromFhirQuestionnaireResponse } from './fhir/response';
import type { FhirQuestionnaireResponseInput } from './fhir/types';
import { withItemTexts } from './item-texts';
import { scoreQuestionnaire } from './score';
import type { QuestionnaireInput } from './score';

// Every marker holds 987654: if it surfaces anywhere in an error, a value leaked.
const MARKER = '987654';
const markerNumber = fc.constantFrom(987654, -987654, 987654.25, 9876540);
const markerString = fc.constantFrom(`marker${MARKER}`, MARKER, `${MARKER}-cat1`, `q${MARKER}`, `2027-${MARKER}`);
const answerValue = fc.oneof(markerNumber, markerString, fc.constant(null), fc.integer({ min: 0, max: 5 }));

function expectNoMarker(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  if (caught === undefined) return; // a valid input by chance: nothing to leak
  expect(caught).toBeInstanceOf(InvalidQuestionnaireError);
  const err = caught as InvalidQuestionnaireError;
  for (const text of [err.message, String(err), JSON.stringify(err), err.stack ?? '', JSON.stringify(err.issues)]) expect(text).not.toContain(MARKER);
}

describe('errors never hold answers', () => {
  it('scoreQuestionnaire: marker values and marker keys stay out', () => {
    const input = fc.record({
      instrument: fc.oneof(fc.constantFrom(...SCORED_INSTRUMENTS), markerString),
      version: fc.option(fc.oneof(markerString, fc.constantFrom('1.0', '2.1a')), { nil: undefined }),
      answers: fc.oneof(
        fc.dictionary(fc.oneof(markerString, fc.constantFrom('cat1', 'q9', 's3', 'nrs', 'mo', 'vas', 'r7', 'sils', 'mrc')), answerValue),
        markerString,
        markerNumber,
      ),
    });
    fc.assert(
      fc.property(input, (i) => {
        expectNoMarker(() => scoreQuestionnaire(i as unknown as QuestionnaireInput));
      }),
      { numRuns: 1000 },
    );
  });

  it('fromFhirQuestionnaireResponse: marker linkIds, codes, systems, urls and dates stay out', () => {
    const answer = fc.oneof(
      fc.record({ valueCoding: fc.record({ system: fc.oneof(markerString, fc.constant(undefined)), code: fc.oneof(markerString, markerNumber.map(String)) }) }),
      fc.record({ valueInteger: markerNumber }),
      fc.record({ valueBoolean: fc.boolean(), valueString: markerString }),
      fc.record({ valueString: markerString }),
    );
    const item = fc.record({ linkId: fc.oneof(markerString, fc.constantFrom('cat1', 'q9', 'nrs', 'vas', 'r1')), answer: fc.array(answer, { maxLength: 2 }) });
    const qr = fc.record({
      resourceType: fc.constantFrom('QuestionnaireResponse', `Questionnaire${MARKER}`),
      status: fc.constantFrom('completed', 'entered-in-error', MARKER),
      questionnaire: fc.oneof(
        fc.constantFrom(...SCORED_INSTRUMENTS).map(questionnaireUrl),
        fc.constantFrom(...SCORED_INSTRUMENTS).map((id) => `${questionnaireUrl(id)}|${MARKER}`),
        markerString,
      ),
      authored: fc.oneof(markerString, fc.constant('2027-01-15')),
      item: fc.array(item, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(qr, (q) => {
        expectNoMarker(() => fromFhirQuestionnaireResponse(q as unknown as FhirQuestionnaireResponseInput));
      }),
      { numRuns: 1000 },
    );
  });

  it('withItemTexts: marker keys and texts stay out', () => {
    const texts = fc.dictionary(
      fc.oneof(markerString, fc.constantFrom('cat1', 'cat2')),
      fc.oneof(
        markerString,
        fc.record({ text: fc.dictionary(fc.oneof(markerString, fc.constantFrom('da', 'en')), fc.oneof(markerString, markerNumber)) }),
        fc.record({ text: fc.constant({}), answers: fc.dictionary(markerNumber.map(String), fc.constant({ da: MARKER })) }),
      ),
    );
    fc.assert(
      fc.property(texts, (t) => {
        expectNoMarker(() => withItemTexts(INSTRUMENT_DEFINITIONS.CAT, t as never));
      }),
      { numRuns: 500 },
    );
  });

  it('a known example: the item id is named, the value is not', () => {
    try {
      scoreQuestionnaire({ instrument: 'CAT', answers: { cat1: 987654, [`marker${MARKER}`]: 1 } });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toBe('Invalid questionnaire response (3 issues): answers.cat1: out-of-range; answers.*: unknown-item; answers: too-many-missing');
    }
  });
});
