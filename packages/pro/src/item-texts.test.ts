import { describe, expect, it } from 'vitest';
import { getInstrumentDefinition } from './definitions/registry';
import { InvalidQuestionnaireError } from './errors';
import type { QuestionnaireIssue } from './errors';
import { toFhirQuestionnaire } from './fhir/questionnaire';
import { withItemTexts } from './item-texts';
import type { ItemTexts } from './item-texts';

// Placeholders only: licensed wording never enters the repository.
const PLACEHOLDER_DA = 'PLACEHOLDER licensed text A (da)';
const PLACEHOLDER_EN = 'PLACEHOLDER licensed text A (en)';

function issuesOf(fn: () => unknown): readonly QuestionnaireIssue[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidQuestionnaireError) return err.issues;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('withItemTexts', () => {
  it('returns a frozen copy with the texts, leaving the original alone', () => {
    const start = getInstrumentDefinition('STarT-Back');
    const licensed = withItemTexts(start, {
      q1: { text: { da: PLACEHOLDER_DA, en: PLACEHOLDER_EN }, answers: { 0: { da: 'PLACEHOLDER uenig' }, 1: { da: 'PLACEHOLDER enig' } } },
      q9: { text: { da: PLACEHOLDER_DA } },
    });
    expect(licensed).not.toBe(start);
    expect(licensed.id).toBe('STarT-Back');
    expect(licensed.items[0]?.licensedText).toEqual({
      text: { da: PLACEHOLDER_DA, en: PLACEHOLDER_EN },
      answers: { 0: { da: 'PLACEHOLDER uenig' }, 1: { da: 'PLACEHOLDER enig' } },
    });
    expect(licensed.items[8]?.licensedText).toEqual({ text: { da: PLACEHOLDER_DA } });
    expect(licensed.items[1]?.licensedText).toBeUndefined();
    expect(start.items[0]?.licensedText).toBeUndefined();
    expect(Object.isFrozen(licensed.items[0]?.licensedText?.text)).toBe(true);
    expect(licensed.items[1]).toBe(start.items[1]);
  });

  it('is typed by item id', () => {
    const texts: ItemTexts<'nrs'> = { nrs: { text: { en: PLACEHOLDER_EN } } };
    const nrs = withItemTexts(getInstrumentDefinition('NRS-pain'), texts);
    expect(nrs.items[0]?.licensedText?.text.en).toBe(PLACEHOLDER_EN);
    // @ts-expect-error: 'q1' is not an NRS item
    expect(() => withItemTexts(getInstrumentDefinition('NRS-pain'), { q1: { text: {} } })).toThrow(InvalidQuestionnaireError);
  });

  it('feeds the FHIR export, falling back to neutral labels per locale', () => {
    const licensed = withItemTexts(getInstrumentDefinition('STarT-Back'), {
      q1: { text: { da: PLACEHOLDER_DA }, answers: { 1: { da: 'PLACEHOLDER enig' } } },
    });
    const da = toFhirQuestionnaire(licensed, { locale: 'da' });
    expect(da.item[0]?.text).toBe(PLACEHOLDER_DA);
    expect(da.item[0]?.answerOption?.map((o) => o.valueCoding.display)).toEqual(['Uenig', 'PLACEHOLDER enig']);
    const en = toFhirQuestionnaire(licensed, { locale: 'en' });
    expect(en.item[0]?.text).toBe('STarT Back item 1');
    expect(en.item[1]?.text).toBe('STarT Back item 2');
  });

  it('rejects unknown items, unknown answer codes and wrong types, without values', () => {
    const cat = getInstrumentDefinition('CAT');
    expect(issuesOf(() => withItemTexts(cat, { marker987654: { text: {} } } as never))).toEqual([{ path: ['texts', '*'], code: 'unknown-item' }]);
    expect(issuesOf(() => withItemTexts(cat, { cat1: { text: {}, answers: { 6: { da: 'x' }, 987654: { da: 'y' } } } }))).toEqual([
      { path: ['texts', 'cat1', 'answers', '*'], code: 'out-of-range' },
    ]);
    expect(issuesOf(() => withItemTexts(cat, { cat1: { text: { da: 987654 } } } as never))).toEqual([{ path: ['texts', 'cat1', 'text', 'da'], code: 'invalid-type' }]);
    expect(issuesOf(() => withItemTexts(cat, { cat1: { text: { marker987654: 'x' } } } as never))).toEqual([
      { path: ['texts', 'cat1', 'text', '*'], code: 'invalid-type' },
    ]);
    expect(issuesOf(() => withItemTexts(cat, { cat1: 'x' } as never))).toEqual([{ path: ['texts', 'cat1'], code: 'invalid-type' }]);
    expect(issuesOf(() => withItemTexts(cat, null as never))).toEqual([{ path: ['texts'], code: 'invalid-type' }]);
    expect(issuesOf(() => withItemTexts(getInstrumentDefinition('NRS-pain'), { nrs: { text: {}, answers: { 1: { da: 'x' } } } }))).toEqual([
      { path: ['texts', 'nrs', 'answers'], code: 'invalid-type' },
    ]);
    expect(issuesOf(() => withItemTexts(cat, { cat1: { text: {}, extra: 1 } } as never))).toEqual([{ path: ['texts', 'cat1', '*'], code: 'invalid-type' }]);
  });

  it('accepts answer wording for yes/no items by code 0 and 1', () => {
    const rmdq = withItemTexts(getInstrumentDefinition('RMDQ'), { r1: { text: { da: PLACEHOLDER_DA }, answers: { 0: { da: 'Nej' }, 1: { da: 'Ja' } } } });
    expect(rmdq.items[0]?.licensedText?.answers?.[1]?.da).toBe('Ja');
  });
});
