/**
 * Rule-pack facts over PRO questionnaires: the latest STarT Back total,
 * psychosocial subscore and risk group, the latest Oswestry percent and the
 * latest SILS answer, each scored by this package's own scoring. They are
 * derived once here, so the needs assessment, the business rules and the
 * cockpit read the same values.
 *
 * "Latest" means the latest **scorable** response of the instrument in the
 * record's `questionnaires` (sorted by date; on one day the later entry
 * wins): a response that cannot be scored (too many unanswered items, an
 * out-of-range answer, an unknown version) is skipped, and an earlier
 * scorable one is used. With none, the fact is unknown and names the data
 * that would decide it (`start-back`, `odi`, `sils`).
 *
 * @module
 */
import { FACTS, extendFacts, isWithinLastMonths } from '@kronikerpakker/core';
import type { FactCatalogue, FactContext, FactDefinition, IsoDate } from '@kronikerpakker/core';
import { z } from 'zod';
import { SCORED_INSTRUMENTS } from './definitions/types';
import type { ScoredInstrumentId } from './definitions/types';
import { tryScoreQuestionnaire } from './score';
import type { QuestionnaireScore } from './score';

/** Where a context keeps each instrument's latest score (`null`: none), shared by the facts that read it. */
const SCORE_KEYS = Object.fromEntries(SCORED_INSTRUMENTS.map((id) => [id, `pro:score:${id}`])) as Readonly<Record<ScoredInstrumentId, string>>;

/** A scored response and the date it was answered. */
interface DatedScore {
  readonly score: QuestionnaireScore;
  readonly date: IsoDate;
}

function latestDatedScore(ctx: FactContext, instrument: ScoredInstrumentId): DatedScore | undefined {
  // Kept in the context itself (a module-level WeakMap keyed by contexts kept every patient's scores alive longer).
  const key = SCORE_KEYS[instrument];
  const cached = ctx.memo.cached(key) as DatedScore | null | undefined;
  if (cached !== undefined) return cached ?? undefined;
  let found: DatedScore | null = null;
  const responses = ctx.record.questionnaires;
  for (let i = responses.length - 1; i >= 0 && found === null; i--) {
    const response = responses[i];
    if (response?.instrument !== instrument) continue;
    const score = tryScoreQuestionnaire(response);
    if (score !== undefined) found = { score, date: response.date };
  }
  ctx.memo.cache(key, found);
  return found ?? undefined;
}

function latestScore(ctx: FactContext, instrument: ScoredInstrumentId): QuestionnaireScore | undefined {
  return latestDatedScore(ctx, instrument)?.score;
}

/**
 * The latest score, or undefined when it is older than `params.withinMonths`
 * calendar months (a freshness window set by the pack).
 */
function freshScore(ctx: FactContext, instrument: ScoredInstrumentId, params: Readonly<Record<string, unknown>>): QuestionnaireScore | undefined {
  const dated = latestDatedScore(ctx, instrument);
  if (dated === undefined) return undefined;
  const months = params['withinMonths'];
  return typeof months === 'number' && !isWithinLastMonths(dated.date, ctx.asOf, months) ? undefined : dated.score;
}

const freshParams = z.strictObject({ withinMonths: z.number().int().min(1).max(120).optional() });

/**
 * The PRO facts, to add to a fact catalogue with core's `extendFacts` (or use
 * {@link proFactCatalogue}):
 *
 * | fact | type | unknown (missing-data code) |
 * |---|---|---|
 * | `latestStartBackTotal` | number 0-9 | no scorable STarT Back (`start-back`) |
 * | `latestStartBackPsychosocial` | number 0-5 (items 5-9) | no scorable STarT Back (`start-back`) |
 * | `latestStartBackGroup` | `low` / `medium` / `high` | no scorable STarT Back (`start-back`) |
 * | `latestOdiPercent` | number 0-100 (not rounded) | no scorable ODI (`odi`) |
 * | `latestSilsScore` | number 1-5 | no scorable SILS (`sils`) |
 *
 * @example
 * ```ts
 * import { FACTS, extendFacts, loadRulePack } from '@kronikerpakker/core';
 * const facts = extendFacts(FACTS, PRO_FACTS);
 * loadRulePack(packJson, { facts });
 * ```
 */
export const PRO_FACTS: readonly FactDefinition[] = Object.freeze([
  {
    name: 'latestStartBackTotal',
    type: 'number',
    description:
      'STarT Back total (0-9) of the latest scorable STarT Back response (item 9 codes 3-4 score 1). Unknown without one.',
    missing: 'start-back',
    compute: (ctx) => latestScore(ctx, 'STarT-Back')?.score,
  },
  {
    name: 'latestStartBackPsychosocial',
    type: 'number',
    description: 'STarT Back psychosocial subscore (items 5-9, 0-5) of the latest scorable STarT Back response. Unknown without one.',
    missing: 'start-back',
    compute: (ctx) => latestScore(ctx, 'STarT-Back')?.subscores?.['psychosocial'],
  },
  {
    name: 'latestStartBackGroup',
    type: 'string',
    values: ['low', 'medium', 'high'],
    params: freshParams,
    description:
      'STarT Back risk group of the latest scorable STarT Back response: low (total <= 3), high (total >= 4 and psychosocial subscore >= 4), medium otherwise. Unknown without one, or (with params.withinMonths) when it is older than that many calendar months.',
    missing: 'start-back',
    compute: (ctx, params) => freshScore(ctx, 'STarT-Back', params)?.band?.id,
  },
  {
    name: 'latestOdiPercent',
    type: 'number',
    unit: '%',
    description:
      'Oswestry Disability Index (2.1a) percent of the latest scorable ODI response (at most one section unanswered), not rounded. Unknown without one, or (with params.withinMonths) when it is older than that many calendar months.',
    params: freshParams,
    missing: 'odi',
    compute: (ctx, params) => freshScore(ctx, 'ODI', params)?.score,
  },
  {
    name: 'latestSilsScore',
    type: 'number',
    description:
      'The answer (1 never .. 5 always) of the latest Single Item Literacy Screener response; 3 or more is possibly limited health literacy. Unknown without one.',
    missing: 'sils',
    compute: (ctx) => latestScore(ctx, 'SILS')?.score,
  },
] satisfies FactDefinition[]);

let catalogue: FactCatalogue | undefined;

/**
 * Core's facts plus {@link PRO_FACTS}: the catalogue to load and evaluate
 * packs that use PRO facts with. Built once and shared.
 *
 * @returns the extended catalogue
 * @example
 * ```ts
 * import { createFactContext, computeFact, createRulePackSet } from '@kronikerpakker/core';
 * const set = createRulePackSet([packJson], { facts: proFactCatalogue() });
 * computeFact(createFactContext(record, '2027-01-15'), 'latestStartBackGroup', undefined, proFactCatalogue()); // 'medium'
 * ```
 */
export function proFactCatalogue(): FactCatalogue {
  catalogue ??= extendFacts(FACTS, PRO_FACTS);
  return catalogue;
}
