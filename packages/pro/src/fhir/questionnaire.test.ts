import fc from 'fast-check';
import type * as fhir4 from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_DEFINITIONS } from '../definitions/registry';
import { SCORED_INSTRUMENTS } from '../definitions/types';
import { InvalidQuestionnaireError } from '../errors';
import { answerCodeSystem, questionnaireUrl } from './canonical';
import { toFhirQuestionnaire } from './questionnaire';
import type { FhirQuestionnaire } from './types';

describe('toFhirQuestionnaire', () => {
  it('is assignable to the R4 Questionnaire type', () => {
    const q: fhir4.Questionnaire = toFhirQuestionnaire('CAT');
    const item: fhir4.QuestionnaireItem | undefined = toFhirQuestionnaire('EQ-5D-5L').item[0];
    expect(q.resourceType).toBe('Questionnaire');
    expect(item?.linkId).toBe('mo');
  });

  it('exports every instrument structurally valid, in both locales', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCORED_INSTRUMENTS), fc.constantFrom('da' as const, 'en' as const), (id, locale) => {
        const def = INSTRUMENT_DEFINITIONS[id];
        const q: FhirQuestionnaire = toFhirQuestionnaire(id, { locale });
        expect(q.resourceType).toBe('Questionnaire');
        expect(q.url).toBe(questionnaireUrl(id));
        expect(q.version).toBe(def.version);
        expect(q.status).toBe(def.status === 'provisional' ? 'draft' : 'active');
        expect(q.language).toBe(locale);
        expect(q.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
        expect(q.name).toMatch(/^[A-Z][A-Za-z0-9_]{0,254}$/);
        expect(q.title).toBe(def.title[locale]);
        const linkIds = q.item.map((i) => i.linkId);
        expect(new Set(linkIds).size).toBe(linkIds.length);
        expect(linkIds).toEqual(def.items.map((i) => i.id));
        q.item.forEach((item, index) => {
          const source = def.items[index];
          expect(item.text).toBe(source?.label[locale]);
          if (item.type === 'choice') {
            expect(item.answerOption?.length).toBeGreaterThan(0);
            const codes = item.answerOption?.map((o) => o.valueCoding.code) ?? [];
            expect(new Set(codes).size).toBe(codes.length);
            for (const o of item.answerOption ?? []) {
              expect(o.valueCoding.system).toBe(answerCodeSystem(id));
              expect(o.valueCoding.code).toMatch(/^-?\d+$/);
              expect(o.valueCoding.display?.length).toBeGreaterThan(0);
            }
          } else {
            expect(item.answerOption).toBeUndefined();
          }
          if (item.type === 'integer') expect(item.extension?.map((e) => e.url.split('/').pop())).toEqual(['minValue', 'maxValue']);
        });
        expect(q.copyright.length).toBeGreaterThan(0);
        // Plain JSON: survives a round trip unchanged.
        expect(JSON.parse(JSON.stringify(q))).toEqual(q);
      }),
    );
  });

  it('maps item types and answer codes element by element', () => {
    const start = toFhirQuestionnaire('STarT-Back', { locale: 'en' });
    expect(start.status).toBe('draft');
    expect(start.url).toBe('urn:kronikerpakker:pro:questionnaire:STarT-Back');
    expect(start.item[8]).toEqual({
      linkId: 'q9',
      text: 'STarT Back item 9',
      type: 'choice',
      required: true,
      answerOption: [
        ['0', 'Not at all', 0],
        ['1', 'Slightly', 0],
        ['2', 'Moderately', 0],
        ['3', 'Very much', 1],
        ['4', 'Extremely', 1],
      ].map(([code, display, score]) => ({
        valueCoding: {
          system: 'urn:kronikerpakker:pro:STarT-Back',
          code,
          display,
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: score }],
        },
      })),
    });
    expect(toFhirQuestionnaire('RMDQ').item[0]).toEqual({ linkId: 'r1', text: 'RMDQ udsagn 1', type: 'boolean', required: true });
    expect(toFhirQuestionnaire('NRS-pain').item[0]).toEqual({
      linkId: 'nrs',
      text: 'Smerteintensitet 0-10',
      type: 'integer',
      required: true,
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 },
      ],
    });
    const eq = toFhirQuestionnaire('EQ-5D-5L');
    expect(eq.status).toBe('active');
    expect(eq.item.map((i) => [i.linkId, i.required])).toEqual([
      ['mo', true],
      ['sc', true],
      ['ua', true],
      ['pd', true],
      ['ad', true],
      ['vas', false],
    ]);
    expect(toFhirQuestionnaire('ODI').item.every((i) => !i.required)).toBe(true);
    expect(toFhirQuestionnaire('CAT').item.every((i) => i.required)).toBe(true);
    expect(toFhirQuestionnaire('CAT').language).toBe('da');
  });

  it('rejects ids it does not define and bad locales', () => {
    expect(() => toFhirQuestionnaire('FABQ' as never)).toThrow(InvalidQuestionnaireError);
    expect(() => toFhirQuestionnaire('CAT', { locale: 'de' as never })).toThrow(/options\.locale: invalid-type/);
  });
});
