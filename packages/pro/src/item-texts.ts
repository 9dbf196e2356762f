/**
 * Attaching licensed wording to an instrument. The SDK ships item ids,
 * answer codes and neutral labels only; an integrator who holds a licence
 * attaches the texts by item id and gets a copy of the definition.
 *
 * @module
 */

import { LOCALES } from '@kronikerpakker/core';
import type { ErrorPath } from '@kronikerpakker/core';
import type { InstrumentDefinition, InstrumentItem, ItemText, ScoredInstrumentId } from './definitions/types';
import { IssueCollector } from './errors';
import { answerProblem, isPlainObject } from './internal/answers';
import { isScoredInstrument } from './definitions/registry';
import { deepFreeze } from '@kronikerpakker/core';

/**
 * Licensed wording by item id, for {@link withItemTexts}.
 *
 * @typeParam K - the instrument's item ids
 * @example
 * ```ts
 * const texts: ItemTexts<'nrs'> = { nrs: { text: { da: '<wording from your licence>' } } };
 * ```
 */
export type ItemTexts<K extends string = string> = Readonly<Partial<Record<K, ItemText>>>;

function checkLocalised(value: unknown, path: ErrorPath, issues: IssueCollector): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'invalid-type');
    return;
  }
  for (const key of Object.keys(value)) {
    if (!(LOCALES as readonly string[]).includes(key)) issues.add([...path, '*'], 'invalid-type');
    else if (typeof value[key] !== 'string') issues.add([...path, key], 'invalid-type');
  }
}

function checkItemText(item: InstrumentItem, value: unknown, issues: IssueCollector): void {
  const path: ErrorPath = ['texts', item.id];
  if (!isPlainObject(value)) {
    issues.add(path, 'invalid-type');
    return;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'text' && key !== 'answers') issues.add([...path, '*'], 'invalid-type');
  }
  checkLocalised(value['text'], [...path, 'text'], issues);
  const answers = value['answers'];
  if (answers === undefined) return;
  if (!isPlainObject(answers) || item.answer.type === 'integer') {
    issues.add([...path, 'answers'], 'invalid-type');
    return;
  }
  for (const key of Object.keys(answers)) {
    const code = /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : Number.NaN;
    if (Number.isNaN(code) || answerProblem(item, code) !== null) issues.add([...path, 'answers', '*'], 'out-of-range');
    else checkLocalised(answers[key], [...path, 'answers', code], issues);
  }
}

/**
 * Returns a copy of a definition with licensed wording attached to its
 * items (`InstrumentItem.licensedText`). The original is not changed.
 * {@link toFhirQuestionnaire} uses the wording where present.
 *
 * Keep licensed wording out of source control: load it at run time from the
 * copy your licence gives you.
 *
 * @param definition - the instrument's definition
 * @param texts - wording by item id; answer wording by answer code
 * @returns a frozen copy with the texts attached
 * @throws {@link InvalidQuestionnaireError} `unknown-item` (at `['texts', '*']`), `out-of-range` (an answer code the item does not have) or `invalid-type`; `invalid-type` at `['definition']` for a definition that is not one of this package's
 * @example
 * ```ts
 * const nrs = withItemTexts(getInstrumentDefinition('NRS-pain'), {
 *   nrs: { text: { da: '<din egen formulering>', en: '<your own wording>' } },
 * });
 * nrs.items[0]?.licensedText?.text.da; // '<din egen formulering>'
 * ```
 */
export function withItemTexts<I extends ScoredInstrumentId, K extends string>(
  definition: InstrumentDefinition<I, K>,
  texts: ItemTexts<K>,
): InstrumentDefinition<I, K> {
  const issues = new IssueCollector();
  // The definition is checked before it is read: one of this package's, or one returned by withItemTexts.
  const given: unknown = definition;
  if (!isPlainObject(given) || !isScoredInstrument(given['id']) || !Array.isArray(given['items'])) {
    issues.add(['definition'], 'invalid-type');
    issues.throwIfAny();
  }
  const byId = new Map<string, InstrumentItem<K>>(definition.items.map((i) => [i.id, i]));
  if (!isPlainObject(texts)) {
    issues.add(['texts'], 'invalid-type');
  } else {
    for (const key of Object.keys(texts)) {
      const item = byId.get(key);
      if (item === undefined) issues.add(['texts', '*'], 'unknown-item');
      else checkItemText(item, (texts as Record<string, unknown>)[key], issues);
    }
  }
  issues.throwIfAny();
  const textsById = texts as Readonly<Record<string, ItemText | undefined>>;
  const items = definition.items.map((item): InstrumentItem<K> => {
    const t = textsById[item.id];
    if (t === undefined) return item;
    const copy: ItemText = {
      text: { ...t.text },
      ...(t.answers === undefined
        ? {}
        : { answers: Object.fromEntries(Object.entries(t.answers).map(([code, v]) => [code, { ...v }])) }),
    };
    return { ...item, licensedText: copy };
  });
  return deepFreeze({ ...definition, items });
}
