/**
 * The one error this package throws for bad input: a questionnaire response,
 * a FHIR QuestionnaireResponse or licensed texts that do not fit an
 * instrument. Like every SDK error it says where and what kind, never the
 * answer given.
 *
 * @module
 */

import { KronikerpakkerError, formatPath } from '@kronikerpakker/core';
import type { ErrorPath } from '@kronikerpakker/core';

/**
 * What is wrong at one path. A closed union:
 *
 * - `invalid-type`: not the expected kind of value (an answer that is not a number, `answers` that is not an object);
 * - `unknown-instrument`: not an instrument id of the SDK (or a FHIR Questionnaire canonical that is not ours);
 * - `unsupported-instrument`: an instrument id of the record model that this package does not score yet (`FABQ`, `OMPSQ-10`);
 * - `unsupported-version`: a version the instrument's definition does not have;
 * - `unknown-item`: a key or linkId the instrument does not define (reported as `*`, since it comes from the input);
 * - `duplicate-item`: the same item answered twice (FHIR);
 * - `not-integer`: an answer that is not an integer;
 * - `out-of-range`: an answer outside the item's codes or range;
 * - `too-many-missing`: more items unanswered than the scoring rule allows;
 * - `invalid-answer`: a FHIR answer of the wrong `value[x]` type, a foreign coding system, or more than one answer;
 * - `invalid-resource`: not a FHIR QuestionnaireResponse (wrong `resourceType`, missing `questionnaire`, malformed `item`);
 * - `entered-in-error`: a FHIR QuestionnaireResponse with status `entered-in-error`, which must not be scored;
 * - `invalid-date`: a FHIR `authored` that is not a valid date or dateTime.
 *
 * @example
 * ```ts
 * const code: QuestionnaireIssueCode = 'out-of-range';
 * ```
 */
export type QuestionnaireIssueCode =
  | 'invalid-type'
  | 'unknown-instrument'
  | 'unsupported-instrument'
  | 'unsupported-version'
  | 'unknown-item'
  | 'duplicate-item'
  | 'not-integer'
  | 'out-of-range'
  | 'too-many-missing'
  | 'invalid-answer'
  | 'invalid-resource'
  | 'entered-in-error'
  | 'invalid-date';

/**
 * Every {@link QuestionnaireIssueCode}, in a stable order (for documentation
 * and exhaustive tests).
 *
 * @example
 * ```ts
 * QUESTIONNAIRE_ISSUE_CODES.includes('not-integer'); // true
 * ```
 */
export const QUESTIONNAIRE_ISSUE_CODES: readonly QuestionnaireIssueCode[] = Object.freeze([
  'invalid-type',
  'unknown-instrument',
  'unsupported-instrument',
  'unsupported-version',
  'unknown-item',
  'duplicate-item',
  'not-integer',
  'out-of-range',
  'too-many-missing',
  'invalid-answer',
  'invalid-resource',
  'entered-in-error',
  'invalid-date',
] as const);

/**
 * One problem: where and what kind. The path holds keys the instrument
 * defines (item ids), FHIR element names and array indices; a key that came
 * from the input and is not defined is written `*`.
 *
 * @example
 * ```ts
 * const issue: QuestionnaireIssue = { path: ['answers', 'q3'], code: 'out-of-range' };
 * ```
 */
export interface QuestionnaireIssue {
  /** Where the problem is. */
  readonly path: ErrorPath;
  /** What kind of problem. */
  readonly code: QuestionnaireIssueCode;
}

function describe(issues: readonly QuestionnaireIssue[]): string {
  const shown = issues.slice(0, 10).map((i) => `${formatPath(i.path)}: ${i.code}`);
  const more = issues.length > 10 ? `; and ${String(issues.length - 10)} more` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * A questionnaire response (or FHIR QuestionnaireResponse, or set of
 * licensed texts) does not fit its instrument. `code` is `INVALID_ARGUMENT`;
 * `issues` lists every problem with its path and code, and never a value.
 *
 * @example
 * ```ts
 * try {
 *   scoreQuestionnaire({ instrument: 'CAT', answers: { cat1: 7 } });
 * } catch (err) {
 *   if (err instanceof InvalidQuestionnaireError) {
 *     err.issues; // [{ path: ['answers', 'cat1'], code: 'out-of-range' }, { path: ['answers'], code: 'too-many-missing' }]
 *   }
 * }
 * ```
 */
export class InvalidQuestionnaireError extends KronikerpakkerError {
  /** Every problem found, in input order. */
  readonly issues: readonly QuestionnaireIssue[];

  /**
   * @param issues - the problems found (at least one)
   */
  constructor(issues: readonly QuestionnaireIssue[]) {
    super(
      'INVALID_ARGUMENT',
      `Invalid questionnaire response (${String(issues.length)} issue${issues.length === 1 ? '' : 's'}): ${describe(issues)}`,
      { path: issues[0]?.path ?? [] },
    );
    this.name = 'InvalidQuestionnaireError';
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ path: Object.freeze([...i.path]), code: i.code })));
  }

  /**
   * The JSON form, with the issues.
   *
   * @returns code, name, path, message and issues
   */
  override toJSON(): ReturnType<KronikerpakkerError['toJSON']> & { issues: readonly QuestionnaireIssue[] } {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** @internal collects issues while walking an input. */
export class IssueCollector {
  readonly issues: QuestionnaireIssue[] = [];
  private readonly seen = new Set<string>();

  /** Adds an issue once (the same path and code twice add nothing). */
  add(path: ErrorPath, code: QuestionnaireIssueCode): void {
    const key = `${JSON.stringify(path)}:${code}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push({ path, code });
  }

  /** Throws the collected issues, if any. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new InvalidQuestionnaireError(this.issues);
  }
}
