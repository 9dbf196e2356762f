import fc from 'fast-check';
import type * as fhir4 from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_DEFINITIONS } from '../definitions/registry';
import { SCORED_INSTRUMENTS } from '../definitions/types';
import type { InstrumentDefinition, InstrumentItem, ScoredInstrumentId } from '../definitions/types';
import type { QuestionnaireIssue } from '../errors';
import { scoreQuestionnaire } from '../score';
import { answerCodeSystem, questionnaireUrl } from './canonical';
import { fromFhirQuestionnaireResponse, safeFromFhirQuestionnaireResponse } from './response';
import type { FhirQuestionnaireResponseInput } from './types';

/** The FHIR answer for one of our answer codes. */
function fhirAnswer(id: ScoredInstrumentId, item: InstrumentItem, value: number): fhir4.QuestionnaireResponseItemAnswer {
  switch (item.answer.type) {
    case 'choice':
      return { valueCoding: { system: answerCodeSystem(id), code: String(value) } };
    case 'integer':
      return { valueInteger: value };
    case 'boolean':
      return { valueBoolean: value === 1 };
  }
}

/** A test-side writer of QuestionnaireResponses (unanswered items left out). */
function toFhirResponse(id: ScoredInstrumentId, answers: Record<string, number | null>): fhir4.QuestionnaireResponse {
  const def: InstrumentDefinition = INSTRUMENT_DEFINITIONS[id];
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${questionnaireUrl(id)}|${def.version}`,
    status: 'completed',
    authored: '2027-01-15T09:30:00+01:00',
    item: def.items.flatMap((item) => {
      const v = answers[item.id];
      return v === null || v === undefined ? [] : [{ linkId: item.id, answer: [fhirAnswer(id, item, v)] }];
    }),
  };
}

function issuesOf(qr: unknown): readonly QuestionnaireIssue[] {
  const r = safeFromFhirQuestionnaireResponse(qr as FhirQuestionnaireResponseInput);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues;
}

const base = { resourceType: 'QuestionnaireResponse', status: 'completed' } as const;

describe('fromFhirQuestionnaireResponse', () => {
  it('accepts any R4 QuestionnaireResponse by type', () => {
    const qr: fhir4.QuestionnaireResponse = { ...base, questionnaire: questionnaireUrl('NRS-pain'), item: [{ linkId: 'nrs', answer: [{ valueInteger: 6 }] }] };
    expect(fromFhirQuestionnaireResponse(qr)).toEqual({ instrument: 'NRS-pain', version: '1.0', answers: { nrs: 6 } });
  });

  it('reads codings, integers and booleans, with every item present', () => {
    const start = fromFhirQuestionnaireResponse({
      ...base,
      questionnaire: 'urn:kronikerpakker:pro:questionnaire:STarT-Back|1.0',
      authored: '2027-01-15',
      item: [
        { linkId: 'q1', answer: [{ valueCoding: { system: 'urn:kronikerpakker:pro:STarT-Back', code: '1' } }] },
        { linkId: 'q9', answer: [{ valueCoding: { code: '4' } }] },
        { linkId: 'q2', answer: [] },
      ],
    });
    expect(start).toEqual({
      instrument: 'STarT-Back',
      version: '1.0',
      date: '2027-01-15',
      answers: { q1: 1, q2: null, q3: null, q4: null, q5: null, q6: null, q7: null, q8: null, q9: 4 },
    });
    const rmdq = fromFhirQuestionnaireResponse({ ...base, questionnaire: questionnaireUrl('RMDQ'), item: [{ linkId: 'r1', answer: [{ valueBoolean: true }] }, { linkId: 'r2', answer: [{ valueBoolean: false }] }] });
    expect(rmdq.answers['r1']).toBe(1);
    expect(rmdq.answers['r2']).toBe(0);
    expect(rmdq.answers['r3']).toBeNull();
  });

  it('walks groups', () => {
    const r = fromFhirQuestionnaireResponse({
      ...base,
      questionnaire: questionnaireUrl('NRS-pain'),
      item: [{ linkId: 'group-1', item: [{ linkId: 'nrs', answer: [{ valueInteger: 2 }] }] }],
    });
    expect(r.answers).toEqual({ nrs: 2 });
  });

  it('turns authored into the Copenhagen calendar date', () => {
    const at = (authored: string): string | undefined =>
      fromFhirQuestionnaireResponse({ ...base, questionnaire: questionnaireUrl('SILS'), authored, item: [] }).date;
    expect(at('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(at('2027-07-01T21:59:59Z')).toBe('2027-07-01');
    expect(at('2027-07-01T22:00:00Z')).toBe('2027-07-02');
    expect(at('2027-03-04')).toBe('2027-03-04');
    expect(at('2027-03')).toBeUndefined();
    expect(issuesOf({ ...base, questionnaire: questionnaireUrl('SILS'), authored: '2027-02-30' })).toEqual([{ path: ['authored'], code: 'invalid-date' }]);
    expect(issuesOf({ ...base, questionnaire: questionnaireUrl('SILS'), authored: '2027-02-03T10:00:00' })).toEqual([{ path: ['authored'], code: 'invalid-date' }]);
  });

  it('round-trips every instrument: FHIR answers score as the plain answers', () => {
    const arb = fc.constantFrom(...SCORED_INSTRUMENTS).chain((id) => {
      const def: InstrumentDefinition = INSTRUMENT_DEFINITIONS[id];
      return fc
        .tuple(
          ...def.items.map((item) => {
            const a = item.answer;
            const values = a.type === 'choice' ? a.options.map((o) => o.code) : a.type === 'boolean' ? [0, 1] : [a.min, a.max, Math.floor((a.min + a.max) / 2)];
            return fc.constantFrom(...values).map((v) => [item.id, item.optional ? null : v] as const);
          }),
        )
        .map((pairs) => ({ id, answers: Object.fromEntries(pairs) }));
    });
    fc.assert(
      fc.property(arb, ({ id, answers }) => {
        const read = fromFhirQuestionnaireResponse(toFhirResponse(id, answers));
        expect(read.instrument).toBe(id);
        expect(read.answers).toEqual(answers);
        expect(read.date).toBe('2027-01-15');
        expect(scoreQuestionnaire(read)).toEqual(scoreQuestionnaire({ instrument: id, answers }));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what is not ours or not a response', () => {
    expect(issuesOf({ resourceType: 'Questionnaire' })).toEqual([{ path: ['resourceType'], code: 'invalid-resource' }]);
    expect(issuesOf(null)).toEqual([{ path: ['resourceType'], code: 'invalid-resource' }]);
    expect(issuesOf({ ...base })).toEqual([{ path: ['questionnaire'], code: 'invalid-resource' }]);
    expect(issuesOf({ ...base, questionnaire: 'http://example.org/Questionnaire/cat' })).toEqual([{ path: ['questionnaire'], code: 'unknown-instrument' }]);
    expect(issuesOf({ ...base, questionnaire: `${questionnaireUrl('ODI')}|1.0` })).toEqual([{ path: ['questionnaire'], code: 'unsupported-version' }]);
    expect(issuesOf({ ...base, status: 'entered-in-error', questionnaire: questionnaireUrl('ODI') })).toEqual([{ path: ['status'], code: 'entered-in-error' }]);
  });

  it('reports item and answer problems with FHIR paths of indices', () => {
    const q = questionnaireUrl('CAT');
    const coding = (code: string, system: string = answerCodeSystem('CAT')): { valueCoding: { system: string; code: string } } => ({ valueCoding: { system, code } });
    expect(
      issuesOf({
        ...base,
        questionnaire: q,
        item: [
          { linkId: 'cat1', answer: [coding('6')] },
          { linkId: 'cat2', answer: [coding('2', 'http://loinc.org')] },
          { linkId: 'cat3', answer: [{ valueInteger: 2 }] },
          { linkId: 'cat4', answer: [coding('two')] },
          { linkId: 'unknown', answer: [coding('1')] },
          { linkId: 'cat1', answer: [coding('1')] },
          { linkId: 'cat5', answer: [coding('1'), coding('2')] },
          { linkId: 'cat6', answer: [{ valueCoding: { system: answerCodeSystem('CAT'), code: '1' }, valueInteger: 1 }] },
          { answer: [] },
          { linkId: 'cat7', answer: 'x' },
        ],
      }),
    ).toEqual([
      { path: ['item', 0, 'answer', 0, 'valueCoding'], code: 'out-of-range' },
      { path: ['item', 1, 'answer', 0, 'valueCoding', 'system'], code: 'invalid-answer' },
      { path: ['item', 2, 'answer', 0], code: 'invalid-answer' },
      { path: ['item', 3, 'answer', 0, 'valueCoding', 'code'], code: 'invalid-answer' },
      { path: ['item', 4, 'linkId'], code: 'unknown-item' },
      { path: ['item', 5, 'linkId'], code: 'duplicate-item' },
      { path: ['item', 6, 'answer'], code: 'invalid-answer' },
      { path: ['item', 7, 'answer', 0], code: 'invalid-answer' },
      { path: ['item', 8, 'linkId'], code: 'invalid-resource' },
      { path: ['item', 9, 'answer'], code: 'invalid-resource' },
    ]);
    expect(issuesOf({ ...base, questionnaire: questionnaireUrl('NRS-pain'), item: [{ linkId: 'nrs', answer: [{ valueInteger: 2.5 }] }] })).toEqual([
      { path: ['item', 0, 'answer', 0, 'valueInteger'], code: 'not-integer' },
    ]);
    expect(issuesOf({ ...base, questionnaire: questionnaireUrl('NRS-pain'), item: [{ linkId: 'nrs', answer: [{ valueDecimal: 2 }] }] })).toEqual([
      { path: ['item', 0, 'answer', 0], code: 'invalid-answer' },
    ]);
    expect(issuesOf({ ...base, questionnaire: questionnaireUrl('NRS-pain'), item: 'x' })).toEqual([{ path: ['item'], code: 'invalid-resource' }]);
  });

  it('leaves the missing-items rule to scoring', () => {
    const read = fromFhirQuestionnaireResponse({ ...base, questionnaire: questionnaireUrl('CAT'), item: [] });
    expect(Object.values(read.answers).every((v) => v === null)).toBe(true);
    expect(() => scoreQuestionnaire(read)).toThrow(/answers: too-many-missing/);
  });
});
