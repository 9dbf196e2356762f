/**
 * Checking one answer against its item, and the points it scores. Shared by
 * scoring and the FHIR mapping. Internal.
 *
 * @module
 */

import type { QuestionnaireIssueCode } from '../errors';
import type { InstrumentItem } from '../definitions/types';

/** @internal what is wrong with a number given as the answer to `item`, or null if nothing. */
export function answerProblem(item: InstrumentItem, value: number): QuestionnaireIssueCode | null {
  if (!Number.isInteger(value)) return 'not-integer';
  const answer = item.answer;
  switch (answer.type) {
    case 'choice':
      return answer.options.some((o) => o.code === value) ? null : 'out-of-range';
    case 'integer':
      return value >= answer.min && value <= answer.max ? null : 'out-of-range';
    case 'boolean':
      return value === 0 || value === 1 ? null : 'out-of-range';
  }
}

/** @internal the points a valid answer scores. */
export function answerPoints(item: InstrumentItem, value: number): number {
  const answer = item.answer;
  if (answer.type === 'choice') return answer.options.find((o) => o.code === value)?.score ?? 0;
  return value;
}

/** @internal the most points an item can score. */
export function maxPoints(item: InstrumentItem): number {
  const answer = item.answer;
  switch (answer.type) {
    case 'choice':
      return Math.max(...answer.options.map((o) => o.score));
    case 'integer':
      return answer.max;
    case 'boolean':
      return 1;
  }
}

/** @internal the fewest points an item can score. */
export function minPoints(item: InstrumentItem): number {
  const answer = item.answer;
  switch (answer.type) {
    case 'choice':
      return Math.min(...answer.options.map((o) => o.score));
    case 'integer':
      return answer.min;
    case 'boolean':
      return 0;
  }
}

/** @internal whether a value is a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
