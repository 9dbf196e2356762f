/**
 * The level arithmetic over three-valued rule results: pure, no record, no
 * messages. Kept apart so that its properties (monotone, the suggestion
 * within [minimum, maximum]) can be tested on their own.
 *
 * For the minimum, only rules that are **true** count; for the maximum,
 * rules that are true **or unknown** count. Because every piece is monotone
 * (severity takes the highest class, factors add up, bands never fall,
 * levels combine by `max`), turning an unknown into true or false can only
 * move the level inside [minimum, maximum].
 *
 * @module
 */
import type { Level, Truth } from '@kronikerpakker/core';
import type { DifferentiationParameters, PlannedRule } from './parameters';
import { SEVERITY_CLASSES } from './types';
import type { SeverityClass } from './types';

/** @internal the range of one complexity factor. */
export interface FactorRange {
  readonly minimum: number;
  readonly maximum: number;
}

/** @internal the level range and its parts. */
export interface LevelRange {
  readonly severity: { readonly minimum: SeverityClass; readonly maximum: SeverityClass };
  readonly factors: { readonly minimum: number; readonly maximum: number };
  readonly factorRanges: ReadonlyMap<string, FactorRange>;
  readonly minimumLevel: Level;
  readonly maximumLevel: Level;
  /** The level each domain gives at least / at most. */
  readonly domains: {
    readonly severity: { readonly minimum: Level; readonly maximum: Level };
    readonly complexity: { readonly minimum: Level; readonly maximum: Level };
    readonly clinician: { readonly minimum: Level; readonly maximum: Level };
  };
}

const counts = (t: Truth, bound: 'minimum' | 'maximum'): boolean => t === 'true' || (bound === 'maximum' && t === 'unknown');

/** The rank of each severity class (its index in {@link SEVERITY_CLASSES}). */
const SEVERITY_RANK = Object.fromEntries(SEVERITY_CLASSES.map((c, i) => [c, i])) as Readonly<Record<SeverityClass, number>>;

function higher(a: SeverityClass, b: SeverityClass): SeverityClass {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

const maxLevel = (a: Level, b: Level, c: Level = 1): Level => (a >= b ? (a >= c ? a : c) : b >= c ? b : c);

/** @internal the complexity level of a factor count: the last band the count reaches. */
export function complexityLevel(factors: number, bands: DifferentiationParameters['complexityBands']): Level {
  let level: Level = 1;
  for (const band of bands) if (factors >= band.minFactors) level = band.level;
  return level;
}

/**
 * @internal the level range of a pack's rule truths, `results[i]` being the
 * result of `rules[i]`.
 */
export function levelRange(rules: readonly PlannedRule[], results: readonly Truth[], parameters: DifferentiationParameters): LevelRange {
  const severity = { minimum: 'low' as SeverityClass, maximum: 'low' as SeverityClass };
  const clinician = { minimum: 1 as Level, maximum: 1 as Level };
  const factorRanges = new Map<string, { minimum: number; maximum: number }>();
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as PlannedRule;
    const result = results[i] as Truth;
    switch (rule.domain) {
      case 'severity':
        if (rule.severity === undefined) break;
        if (counts(result, 'minimum')) severity.minimum = higher(severity.minimum, rule.severity);
        if (counts(result, 'maximum')) severity.maximum = higher(severity.maximum, rule.severity);
        break;
      case 'complexity': {
        const range = factorRanges.get(rule.factor) ?? { minimum: 0, maximum: 0 };
        // Rules of one factor are alternatives: the highest weight that holds counts, once.
        if (counts(result, 'minimum')) range.minimum = Math.max(range.minimum, rule.weight);
        if (counts(result, 'maximum')) range.maximum = Math.max(range.maximum, rule.weight);
        factorRanges.set(rule.factor, range);
        break;
      }
      case 'clinician':
        if (rule.level === undefined) break;
        if (counts(result, 'minimum')) clinician.minimum = maxLevel(clinician.minimum, rule.level);
        if (counts(result, 'maximum')) clinician.maximum = maxLevel(clinician.maximum, rule.level);
        break;
    }
  }
  let minFactors = 0;
  let maxFactors = 0;
  for (const r of factorRanges.values()) {
    minFactors += r.minimum;
    maxFactors += r.maximum;
  }
  const domains = {
    severity: { minimum: parameters.severityLevels[severity.minimum], maximum: parameters.severityLevels[severity.maximum] },
    complexity: {
      minimum: complexityLevel(minFactors, parameters.complexityBands),
      maximum: complexityLevel(maxFactors, parameters.complexityBands),
    },
    clinician,
  };
  return {
    severity,
    factors: { minimum: minFactors, maximum: maxFactors },
    factorRanges,
    minimumLevel: maxLevel(domains.severity.minimum, domains.complexity.minimum, domains.clinician.minimum),
    maximumLevel: maxLevel(domains.severity.maximum, domains.complexity.maximum, domains.clinician.maximum),
    domains,
  };
}

/**
 * @internal whether an unknown rule could matter: recording its data could
 * raise the level above the minimum. A sound over-approximation: a rule left
 * out cannot change the level.
 */
export function couldRaiseLevel(rule: PlannedRule, range: LevelRange, parameters: DifferentiationParameters): boolean {
  switch (rule.domain) {
    case 'severity':
      return rule.severity !== undefined && parameters.severityLevels[rule.severity] > range.minimumLevel;
    case 'clinician':
      return rule.level !== undefined && rule.level > range.minimumLevel;
    case 'complexity': {
      const factor = range.factorRanges.get(rule.factor);
      return factor !== undefined && factor.maximum > factor.minimum && range.domains.complexity.maximum > range.minimumLevel;
    }
  }
}
