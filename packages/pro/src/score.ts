/**
 * Scoring a questionnaire response against its instrument's definition.
 *
 * @module
 */

import { InternalError } from '@kronikerpakker/core';
import type { ErrorPath } from '@kronikerpakker/core';
import { INSTRUMENT_DEFINITIONS, instrumentIssue, isScoredInstrument } from './definitions/registry';
import type {
  BandDefinition,
  InstrumentDefinition,
  InstrumentItem,
  LocalisedText,
  ScoreRange,
  ScoredInstrumentId,
  ScoreUnit,
  ValueSetScoring,
} from './definitions/types';
import { InvalidQuestionnaireError, IssueCollector } from './errors';
import { answerPoints, answerProblem, isPlainObject, maxPoints } from './internal/answers';

/**
 * What {@link scoreQuestionnaire} takes: core's `QuestionnaireResponse` (a
 * record's `questionnaires` entry) or just the instrument, an optional
 * version and the answers. `null` or an absent key means unanswered.
 *
 * @example
 * ```ts
 * const input: QuestionnaireInput = { instrument: 'NRS-pain', answers: { nrs: 6 } };
 * ```
 */
export interface QuestionnaireInput {
  /** The instrument id (core's `InstrumentId`). */
  readonly instrument: string;
  /** The definition version; the current one when left out. */
  readonly version?: string | undefined;
  /** Answer codes by item id; `null` = left unanswered. */
  readonly answers: Readonly<Record<string, number | null | undefined>>;
}

/**
 * The interpretation band a score falls in.
 *
 * @example
 * ```ts
 * const band: ScoreBand = { id: 'high', label: { da: 'Høj risiko', en: 'High risk' } };
 * ```
 */
export interface ScoreBand {
  /** The band's stable id (see the instrument's `bands`). */
  readonly id: string;
  /** Its name. */
  readonly label: LocalisedText;
}

/**
 * A scored response. A clinical result, returned as data.
 *
 * @example
 * ```ts
 * const result: QuestionnaireScore = scoreQuestionnaire({ instrument: 'SILS', answers: { sils: 3 } });
 * result.band?.id; // 'possibly-limited'
 * ```
 */
export interface QuestionnaireScore {
  /** The instrument scored. */
  readonly instrument: ScoredInstrumentId;
  /** The definition version used. */
  readonly version: string;
  /**
   * The score in the instrument's unit: points, MRC grade, ODI percent (not
   * rounded) or EQ-5D-5L index (rounded to 3 decimals).
   */
  readonly score: number;
  /** The lowest possible score. */
  readonly minScore: number;
  /** The highest possible score. */
  readonly maxScore: number;
  /** The unit of `score`. */
  readonly unit: ScoreUnit;
  /** Subscores by id, for instruments that define them (STarT Back: `psychosocial`). */
  readonly subscores?: Readonly<Record<string, number>>;
  /** The interpretation band; `null` for instruments without published bands (RMDQ, NRS, EQ-5D-5L). */
  readonly band: ScoreBand | null;
  /** What the band means for the clinician; `null` without a band. */
  readonly interpretation: LocalisedText | null;
  /** Items left unanswered (optional ones included), in questionnaire order. */
  readonly missingItems: readonly string[];
  /** Answers reported beside the score but not part of it (EQ VAS as `vas`), when answered. */
  readonly reported?: Readonly<Record<string, number>>;
  /** Whether the definition is provisional (see `InstrumentDefinition.status`). */
  readonly provisional: boolean;
}

/**
 * The result of {@link safeScoreQuestionnaire}.
 *
 * @example
 * ```ts
 * const r: SafeScoreResult = safeScoreQuestionnaire({ instrument: 'CAT', answers: {} });
 * if (!r.success) r.error.issues;
 * ```
 */
export type SafeScoreResult =
  | { readonly success: true; readonly result: QuestionnaireScore }
  | { readonly success: false; readonly error: InvalidQuestionnaireError };

/** @internal whether `value` lies in `range`. */
export function inRange(value: number, range: ScoreRange): boolean {
  if (range.atLeast !== undefined && !(value >= range.atLeast)) return false;
  if (range.above !== undefined && !(value > range.above)) return false;
  if (range.atMost !== undefined && !(value <= range.atMost)) return false;
  if (range.below !== undefined && !(value < range.below)) return false;
  return true;
}

/** @internal the band of a score and its subscores (the first that matches; bands are exclusive). */
export function findBand(
  bands: readonly BandDefinition[],
  score: number,
  subscores: Readonly<Record<string, number>>,
): BandDefinition | null {
  for (const band of bands) {
    if (!inRange(score, band.score)) continue;
    const subs = Object.entries(band.subscores ?? {});
    if (subs.every(([id, range]) => subscores[id] !== undefined && inRange(subscores[id], range))) return band;
  }
  return null;
}

const MICRO = 1_000_000;

/** @internal the value-set index: exact in millionths, then rounded half away from zero. */
export function valueSetIndex(rule: ValueSetScoring, answers: ReadonlyMap<string, number>): number {
  let decrement = 0;
  for (const dim of rule.dimensions) {
    const level = answers.get(dim.item) ?? 1;
    decrement += Math.round((dim.decrements[level - 1] ?? 0) * MICRO);
  }
  const micro = MICRO - decrement;
  const step = 10 ** (6 - rule.decimals);
  const rounded = (Math.sign(micro) * Math.round(Math.abs(micro) / step)) / 10 ** rule.decimals;
  return rounded === 0 ? 0 : rounded; // never -0
}

/**
 * Checks the answers against a definition. Returns the valid answers by item
 * id and the ids of every item given an answer (valid or not). Issues go to
 * `issues`, with `prefix` in front of item ids.
 *
 * @internal
 */
export function checkAnswers(
  definition: InstrumentDefinition,
  answers: unknown,
  issues: IssueCollector,
  prefix: ErrorPath,
): { values: Map<string, number>; given: Set<string> } {
  const values = new Map<string, number>();
  const given = new Set<string>();
  if (!isPlainObject(answers)) {
    issues.add(prefix, 'invalid-type');
    return { values, given };
  }
  const items = itemsOf(definition);
  for (const key of Object.keys(answers)) {
    const item = items.get(key);
    if (item === undefined) {
      issues.add([...prefix, '*'], 'unknown-item');
      continue;
    }
    const value: unknown = answers[key];
    if (value === null || value === undefined) continue;
    given.add(item.id);
    if (typeof value !== 'number') {
      issues.add([...prefix, item.id], 'invalid-type');
      continue;
    }
    const problem = answerProblem(item, value);
    if (problem !== null) issues.add([...prefix, item.id], problem);
    else values.set(item.id, value);
  }
  return { values, given };
}

/** Each definition's items by id, built once per definition. */
const itemMaps = new WeakMap<InstrumentDefinition, ReadonlyMap<string, InstrumentItem>>();

function itemsOf(definition: InstrumentDefinition): ReadonlyMap<string, InstrumentItem> {
  let items = itemMaps.get(definition);
  if (items === undefined) {
    items = new Map(definition.items.map((i) => [i.id, i]));
    itemMaps.set(definition, items);
  }
  return items;
}

/** @internal the items a scoring rule uses. */
export function scoredItems(definition: InstrumentDefinition): readonly string[] {
  const rule = definition.scoring;
  return rule.method === 'value-set' ? rule.dimensions.map((d) => d.item) : rule.items;
}

/** @internal how many of the scored items may be missing. */
function allowedMissing(definition: InstrumentDefinition): number {
  return definition.scoring.method === 'percent-of-answered' ? definition.scoring.maxMissing : 0;
}

/**
 * @internal checks an input: the definition and answered values, or
 * `undefined` with the issues in `issues` (no error is built here: the facts
 * score every patient's questionnaires, and building an error captures a
 * stack trace).
 */
function check(input: unknown, issues: IssueCollector): { definition: InstrumentDefinition; values: Map<string, number> } | undefined {
  if (!isPlainObject(input)) {
    issues.add([], 'invalid-type');
    return undefined;
  }
  const record = input;
  const instrument = record['instrument'];
  if (!isScoredInstrument(instrument)) {
    issues.add(['instrument'], instrumentIssue(instrument));
    return undefined;
  }
  const definition: InstrumentDefinition = INSTRUMENT_DEFINITIONS[instrument];
  const version = record['version'];
  if (version !== undefined && version !== definition.version) {
    issues.add(['version'], 'unsupported-version');
    return undefined;
  }
  const answers: unknown = record['answers'];
  const { values, given } = checkAnswers(definition, answers, issues, ['answers']);
  // An invalid answer is reported at its own path and is not counted as missing.
  if (isPlainObject(answers)) {
    let missing = 0;
    for (const id of scoredItems(definition)) if (!given.has(id)) missing++;
    if (missing > allowedMissing(definition)) issues.add(['answers'], 'too-many-missing');
  }
  return issues.issues.length > 0 ? undefined : { definition, values };
}

/**
 * @internal the score of a response, or `undefined` when it cannot be
 * scored: {@link safeScoreQuestionnaire} without the error, for the facts.
 */
export function tryScoreQuestionnaire(response: QuestionnaireInput): QuestionnaireScore | undefined {
  const checked = check(response, new IssueCollector());
  return checked === undefined ? undefined : scoreValidated(checked.definition, checked.values);
}

/** @internal scores answers already checked against the definition. */
export function scoreValidated(definition: InstrumentDefinition, values: ReadonlyMap<string, number>): QuestionnaireScore {
  const items = itemsOf(definition);
  const points = (id: string): number => {
    const item = items.get(id);
    const value = values.get(id);
    return item === undefined || value === undefined ? 0 : answerPoints(item, value);
  };
  const rule = definition.scoring;
  let score: number;
  const subscores: Record<string, number> = {};
  switch (rule.method) {
    case 'sum':
      score = rule.items.reduce((sum, id) => sum + points(id), 0);
      for (const sub of rule.subscores) subscores[sub.id] = sub.items.reduce((sum, id) => sum + points(id), 0);
      break;
    case 'percent-of-answered': {
      const answered = rule.items.filter((id) => values.has(id));
      const possible = answered.reduce((sum, id) => {
        const item = items.get(id);
        return sum + (item === undefined ? 0 : maxPoints(item));
      }, 0);
      const sum = answered.reduce((total, id) => total + points(id), 0);
      // Multiply first: sum * 100 is an exact integer, so whole percents come out exact (900 / 45 = 20).
      score = possible === 0 ? 0 : (sum * 100) / possible;
      break;
    }
    case 'value-set':
      score = valueSetIndex(rule, values);
      break;
  }
  const band = findBand(definition.bands, score, subscores);
  const reported: Record<string, number> = {};
  for (const item of definition.items) {
    const value = values.get(item.id);
    if (item.optional && value !== undefined) reported[item.id] = value;
  }
  return {
    instrument: definition.id,
    version: definition.version,
    score,
    minScore: definition.scoreRange.min,
    maxScore: definition.scoreRange.max,
    unit: definition.unit,
    ...(rule.method === 'sum' && rule.subscores.length > 0 ? { subscores } : {}),
    band: band === null ? null : { id: band.id, label: band.label },
    interpretation: band === null ? null : band.interpretation,
    missingItems: definition.items.filter((i) => !values.has(i.id)).map((i) => i.id),
    ...(Object.keys(reported).length > 0 ? { reported } : {}),
    provisional: definition.status === 'provisional',
  };
}

/**
 * Scores a questionnaire response: checks every answer against the
 * instrument's definition, then applies its scoring rule and bands.
 *
 * Rules (see the package README for sources): sums for CAT, MRC, STarT Back
 * (with the psychosocial subscore of items 5-9; item 9 codes 3-4 score 1),
 * RMDQ, NRS and SILS, none missing; ODI as a percent of the points possible
 * on the answered sections, at most one missing; EQ-5D-5L as the Danish
 * index, all five dimensions answered, EQ VAS reported beside it.
 *
 * @param response - core's `QuestionnaireResponse`, or `{ instrument, version?, answers }`
 * @returns the score, band and interpretation, as data
 * @throws {@link InvalidQuestionnaireError} (`INVALID_ARGUMENT`) listing every issue with its path, never a value
 * @example
 * ```ts
 * const r = scoreQuestionnaire({
 *   instrument: 'STarT-Back',
 *   answers: { q1: 1, q2: 0, q3: 0, q4: 0, q5: 1, q6: 1, q7: 1, q8: 0, q9: 3 },
 * });
 * r.score; // 5
 * r.subscores; // { psychosocial: 4 }
 * r.band?.id; // 'high'
 * ```
 */
export function scoreQuestionnaire(response: QuestionnaireInput): QuestionnaireScore {
  const issues = new IssueCollector();
  const checked = check(response, issues);
  if (checked === undefined) {
    issues.throwIfAny();
    throw new InternalError('A questionnaire failed its check without an issue');
  }
  return scoreValidated(checked.definition, checked.values);
}

/**
 * Like {@link scoreQuestionnaire}, but returns the error instead of throwing.
 *
 * @param response - core's `QuestionnaireResponse`, or `{ instrument, version?, answers }`
 * @returns `{ success: true, result }` or `{ success: false, error }`
 * @example
 * ```ts
 * const r = safeScoreQuestionnaire({ instrument: 'ODI', answers: { s1: 2 } });
 * if (!r.success) r.error.issues; // [{ path: ['answers'], code: 'too-many-missing' }]
 * ```
 */
export function safeScoreQuestionnaire(response: QuestionnaireInput): SafeScoreResult {
  try {
    return { success: true, result: scoreQuestionnaire(response) };
  } catch (err) {
    if (err instanceof InvalidQuestionnaireError) return { success: false, error: err };
    throw err;
  }
}
