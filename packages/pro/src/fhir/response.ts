/**
 * Reading a FHIR R4 QuestionnaireResponse to one of this package's
 * instruments into the answers {@link scoreQuestionnaire} takes.
 *
 * @module
 */

import { isIsoDate, isoDateOfInstant } from '@kronikerpakker/core';
import type { ErrorPath, IsoDate } from '@kronikerpakker/core';
import { INSTRUMENT_DEFINITIONS } from '../definitions/registry';
import { SCORED_INSTRUMENTS } from '../definitions/types';
import type { InstrumentDefinition, InstrumentItem, ScoredInstrumentId } from '../definitions/types';
import { InvalidQuestionnaireError, IssueCollector } from '../errors';
import { answerProblem, isPlainObject } from '../internal/answers';
import { answerCodeSystem, questionnaireUrl } from './canonical';
import type { FhirQuestionnaireResponseInput } from './types';

/**
 * The answers read from a FHIR QuestionnaireResponse: every item of the
 * instrument, `null` where unanswered. With a `date` it is also a valid
 * core `QuestionnaireResponse` (a record's `questionnaires` entry).
 *
 * @example
 * ```ts
 * const answers: QuestionnaireAnswers = { instrument: 'NRS-pain', version: '1.0', answers: { nrs: 6 }, date: '2027-01-15' };
 * ```
 */
export interface QuestionnaireAnswers {
  /** The instrument answered. */
  readonly instrument: ScoredInstrumentId;
  /** The definition version (from the canonical's `|version`, else the current one). */
  readonly version: string;
  /** Answer codes by item id; `null` = unanswered. */
  readonly answers: Readonly<Record<string, number | null>>;
  /** The Copenhagen calendar date of `authored`, when it names a day. */
  readonly date?: IsoDate;
}

/**
 * The result of {@link safeFromFhirQuestionnaireResponse}.
 *
 * @example
 * ```ts
 * const r: SafeFromFhirResult = safeFromFhirQuestionnaireResponse(qr);
 * if (r.success) scoreQuestionnaire(r.answers);
 * ```
 */
export type SafeFromFhirResult =
  | { readonly success: true; readonly answers: QuestionnaireAnswers }
  | { readonly success: false; readonly error: InvalidQuestionnaireError };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const PARTIAL_DATE = /^\d{4}(-\d{2})?$/;
const INTEGER_CODE = /^-?(0|[1-9][0-9]*)$/;
/**
 * The deepest nesting of `item` (groups in groups, or items under an
 * answer) that is read. Our questionnaires have no groups; a response that
 * nests deeper is malformed (`invalid-resource` at the level that is too
 * deep), and the walk never exhausts the stack.
 */
const MAX_ITEM_DEPTH = 32;
/**
 * The most `item` entries read in one response (ours have at most a few
 * dozen). Beyond it the response is `invalid-resource` at `item`: a small
 * object graph that shares or repeats its nested lists cannot make the walk
 * exponential.
 */
const MAX_ITEMS = 10_000;

function findDefinition(canonical: string): { definition: InstrumentDefinition; version: string | undefined } | undefined {
  const bar = canonical.indexOf('|');
  const url = bar < 0 ? canonical : canonical.slice(0, bar);
  const version = bar < 0 ? undefined : canonical.slice(bar + 1);
  const id = SCORED_INSTRUMENTS.find((i) => questionnaireUrl(i) === url);
  return id === undefined ? undefined : { definition: INSTRUMENT_DEFINITIONS[id], version };
}

function readDate(authored: unknown, issues: IssueCollector): IsoDate | undefined {
  if (authored === undefined) return undefined;
  if (typeof authored !== 'string') {
    issues.add(['authored'], 'invalid-date');
    return undefined;
  }
  if (DATE_ONLY.test(authored)) {
    if (isIsoDate(authored)) return authored;
  } else if (DATE_TIME.test(authored) && isIsoDate(authored.slice(0, 10))) {
    const instant = new Date(authored);
    if (!Number.isNaN(instant.getTime())) return isoDateOfInstant(instant);
  } else if (PARTIAL_DATE.test(authored)) {
    return undefined; // a valid FHIR dateTime that names no day
  }
  issues.add(['authored'], 'invalid-date');
  return undefined;
}

/** Reads one answer as a number, or reports why it cannot. */
function readAnswer(definition: InstrumentDefinition, item: InstrumentItem, answer: unknown, path: ErrorPath, issues: IssueCollector): number | undefined {
  if (!isPlainObject(answer)) {
    issues.add(path, 'invalid-answer');
    return undefined;
  }
  const expected = item.answer.type === 'choice' ? 'valueCoding' : item.answer.type === 'integer' ? 'valueInteger' : 'valueBoolean';
  const valueKeys = Object.keys(answer).filter((k) => k.startsWith('value') && answer[k] !== undefined);
  if (valueKeys.length !== 1 || valueKeys[0] !== expected) {
    issues.add(path, 'invalid-answer');
    return undefined;
  }
  const value = answer[expected];
  let number: number;
  switch (item.answer.type) {
    case 'choice': {
      if (!isPlainObject(value)) {
        issues.add([...path, 'valueCoding'], 'invalid-answer');
        return undefined;
      }
      const system = value['system'];
      if (system !== undefined && system !== answerCodeSystem(definition.id)) {
        issues.add([...path, 'valueCoding', 'system'], 'invalid-answer');
        return undefined;
      }
      const code = value['code'];
      if (typeof code !== 'string' || !INTEGER_CODE.test(code)) {
        issues.add([...path, 'valueCoding', 'code'], 'invalid-answer');
        return undefined;
      }
      number = Number(code);
      break;
    }
    case 'integer':
      if (typeof value !== 'number') {
        issues.add([...path, 'valueInteger'], 'invalid-answer');
        return undefined;
      }
      number = value;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') {
        issues.add([...path, 'valueBoolean'], 'invalid-answer');
        return undefined;
      }
      number = value ? 1 : 0;
      break;
  }
  const problem = answerProblem(item, number);
  if (problem !== null) {
    issues.add([...path, expected], problem);
    return undefined;
  }
  return number;
}

function readItems(
  definition: InstrumentDefinition,
  list: unknown,
  path: ErrorPath,
  answers: Record<string, number | null>,
  seen: Set<string>,
  issues: IssueCollector,
  budget: { left: number },
  depth = 0,
): void {
  if (list === undefined || budget.left < 0) return;
  if (!Array.isArray(list) || depth >= MAX_ITEM_DEPTH) {
    issues.add(path, 'invalid-resource');
    return;
  }
  const items = new Map<string, InstrumentItem>(definition.items.map((i) => [i.id, i]));
  const entries = list as readonly unknown[];
  for (let index = 0; index < entries.length; index++) {
    if (--budget.left < 0) {
      issues.add(['item'], 'invalid-resource');
      return;
    }
    const entry = entries[index];
    const at: ErrorPath = [...path, index];
    if (!isPlainObject(entry) || typeof entry['linkId'] !== 'string') {
      issues.add([...at, 'linkId'], 'invalid-resource');
      continue;
    }
    const linkId = entry['linkId'];
    const item = items.get(linkId);
    const nested = entry['item'];
    const given = entry['answer'];
    if (item === undefined) {
      // A group carrying our items is fine; an unknown question is not.
      if (given !== undefined || nested === undefined) issues.add([...at, 'linkId'], 'unknown-item');
    } else if (seen.has(item.id)) {
      issues.add([...at, 'linkId'], 'duplicate-item');
    } else {
      seen.add(item.id);
      if (given !== undefined && !Array.isArray(given)) issues.add([...at, 'answer'], 'invalid-resource');
      else if (Array.isArray(given) && given.length > 1) issues.add([...at, 'answer'], 'invalid-answer');
      else if (Array.isArray(given) && given.length === 1) {
        const value = readAnswer(definition, item, given[0], [...at, 'answer', 0], issues);
        if (value !== undefined) answers[item.id] = value;
      }
    }
    readItems(definition, nested, [...at, 'item'], answers, seen, issues, budget, depth + 1);
    if (Array.isArray(given)) {
      const answerList: readonly unknown[] = given;
      for (let i = 0; i < answerList.length; i++) {
        const a = answerList[i];
        if (isPlainObject(a)) readItems(definition, a['item'], [...at, 'answer', i, 'item'], answers, seen, issues, budget, depth + 1);
      }
    }
  }
}

/**
 * Reads a FHIR R4 `QuestionnaireResponse` to one of this package's
 * questionnaires (see {@link toFhirQuestionnaire}) into the answers
 * {@link scoreQuestionnaire} takes.
 *
 * - `questionnaire` must be one of our canonical urls ({@link questionnaireUrl}),
 *   optionally with `|version`;
 * - `item[].linkId` is the item id (groups are walked); each item has at most one answer:
 *   `valueCoding` for choice items (system {@link answerCodeSystem} or none, code the answer code),
 *   `valueInteger` for integer items, `valueBoolean` for yes/no items (true = 1);
 * - answers are checked against the item (range, integer); whether too many
 *   items are missing is left to scoring;
 * - `status` `entered-in-error` is rejected; `authored` becomes `date`
 *   (the Copenhagen calendar date of a dateTime);
 * - `item` nested more than 32 levels deep, or more than 10,000 items in all, is
 *   `invalid-resource` (the walk is bounded).
 *
 * @param qr - the QuestionnaireResponse (any R4 `QuestionnaireResponse` fits the type)
 * @returns the instrument, version, every item's answer (`null` if unanswered) and the date
 * @throws {@link InvalidQuestionnaireError} listing every issue with its FHIR path (indices, never values)
 * @example
 * ```ts
 * const answers = fromFhirQuestionnaireResponse({
 *   resourceType: 'QuestionnaireResponse',
 *   questionnaire: 'urn:kronikerpakker:pro:questionnaire:SILS|1.0',
 *   status: 'completed',
 *   authored: '2027-01-15T10:30:00+01:00',
 *   item: [{ linkId: 'sils', answer: [{ valueCoding: { system: 'urn:kronikerpakker:pro:SILS', code: '3' } }] }],
 * });
 * scoreQuestionnaire(answers).band?.id; // 'possibly-limited'
 * ```
 */
export function fromFhirQuestionnaireResponse(qr: FhirQuestionnaireResponseInput): QuestionnaireAnswers {
  const issues = new IssueCollector();
  const input: unknown = qr;
  if (!isPlainObject(input) || input['resourceType'] !== 'QuestionnaireResponse') {
    issues.add(['resourceType'], 'invalid-resource');
    issues.throwIfAny();
  }
  const resource = input as Record<string, unknown>;
  if (resource['status'] === 'entered-in-error') issues.add(['status'], 'entered-in-error');
  const canonical = resource['questionnaire'];
  if (typeof canonical !== 'string') {
    issues.add(['questionnaire'], 'invalid-resource');
    issues.throwIfAny();
  }
  const found = findDefinition(canonical as string);
  if (found === undefined) issues.add(['questionnaire'], 'unknown-instrument');
  else if (found.version !== undefined && found.version !== found.definition.version) issues.add(['questionnaire'], 'unsupported-version');
  issues.throwIfAny();
  const { definition } = found as { definition: InstrumentDefinition };

  const answers: Record<string, number | null> = {};
  for (const item of definition.items) answers[item.id] = null;
  readItems(definition, resource['item'], ['item'], answers, new Set(), issues, { left: MAX_ITEMS });
  const date = readDate(resource['authored'], issues);
  issues.throwIfAny();
  return {
    instrument: definition.id,
    version: definition.version,
    answers,
    ...(date === undefined ? {} : { date }),
  };
}

/**
 * Like {@link fromFhirQuestionnaireResponse}, but returns the error instead of throwing.
 *
 * @param qr - the QuestionnaireResponse
 * @returns `{ success: true, answers }` or `{ success: false, error }`
 * @example
 * ```ts
 * const r = safeFromFhirQuestionnaireResponse(qr);
 * if (!r.success) r.error.issues; // e.g. [{ path: ['questionnaire'], code: 'unknown-instrument' }]
 * ```
 */
export function safeFromFhirQuestionnaireResponse(qr: FhirQuestionnaireResponseInput): SafeFromFhirResult {
  try {
    return { success: true, answers: fromFhirQuestionnaireResponse(qr) };
  } catch (err) {
    if (err instanceof InvalidQuestionnaireError) return { success: false, error: err };
    throw err;
  }
}
