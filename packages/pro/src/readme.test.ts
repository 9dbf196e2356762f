import { describe, expect, it } from 'vitest';
import { getInstrumentDefinition, scoreQuestionnaire, toFhirQuestionnaire, withItemTexts } from './index';

// The examples of README.md and the module doc, kept true.
describe('documented examples', () => {
  it('README usage', () => {
    const startBack = scoreQuestionnaire({
      instrument: 'STarT-Back',
      answers: { q1: 1, q2: 0, q3: 0, q4: 0, q5: 1, q6: 1, q7: 1, q8: 0, q9: 3 },
    });
    expect(startBack.score).toBe(5);
    expect(startBack.subscores).toEqual({ psychosocial: 4 });
    expect(startBack.band).toEqual({ id: 'high', label: { da: 'Høj risiko', en: 'High risk' } });
    expect(startBack.interpretation?.en).toMatch(/^Total score 4 or higher and psychosocial subscore 4 or higher\. Matched care: /);
    expect(toFhirQuestionnaire('CAT', { locale: 'da' }).resourceType).toBe('Questionnaire');
  });

  it('module doc', () => {
    const cat = scoreQuestionnaire({
      instrument: 'CAT',
      answers: { cat1: 2, cat2: 1, cat3: 1, cat4: 3, cat5: 1, cat6: 0, cat7: 1, cat8: 2 },
    });
    expect(cat.score).toBe(11);
    expect(cat.band?.id).toBe('high');
    expect(toFhirQuestionnaire('CAT').item).toHaveLength(8);
  });

  it('README licences', () => {
    const licensed = withItemTexts(getInstrumentDefinition('STarT-Back'), { q1: { text: { da: 'PLACEHOLDER' }, answers: { 0: { da: 'PLACEHOLDER 0' } } } });
    const q = toFhirQuestionnaire(licensed, { locale: 'da' });
    expect(q.item[0]?.text).toBe('PLACEHOLDER');
    expect(q.item[1]?.text).toBe('STarT Back spørgsmål 2');
  });
});
