/**
 * Export of a pack for a vendor's own json-rules-engine: the rules as they
 * are (they are already in its JSON format), the SDK's custom operators, and
 * a fact provider that computes the SDK's facts from a record.
 *
 * Limits, on purpose documented:
 * - json-rules-engine has no unknown state. A fact the SDK would call
 *   unknown is `undefined` there, every comparison with it is false, and
 *   `not` of it is true. Use the SDK's own evaluator where missing data
 *   matters (inclusion does: "insufficient data" is an outcome).
 * - The export never uses JSONPath: packs cannot contain a `path`, so
 *   json-rules-engine's JSONPath dependency is never reached from them.
 * - The engine is asynchronous; the SDK's evaluator is synchronous.
 *
 * The SDK itself does not depend on json-rules-engine at run time.
 *
 * @module
 */
import type { PatientRecord } from '../record/schema';
import type { IsoDate } from '../time/iso-date';
import { computeFact, createFactContext } from './facts';
import type { FactContext, FactValue } from './facts';
import { OPERATORS } from './operators';
import { factCatalogueOf } from './pack';
import type { Rule, RulePack } from './pack';

/** The name of the runtime fact that carries the SDK's fact context into the engine. */
export const JRE_CONTEXT_FACT = 'kronikerpakker:context';

/** A custom operator to register with `engine.addOperator(name, evaluate)`. */
export interface JreOperator {
  /** Operator name. */
  readonly name: string;
  /** The comparison (fact value first, as json-rules-engine passes it). */
  readonly evaluate: (factValue: unknown, jsonValue: unknown) => boolean;
}

/** A fact to register with `engine.addFact(id, calculate)`. */
export interface JreFact {
  /** Fact name. */
  readonly id: string;
  /** Computes the fact from the context runtime fact ({@link JRE_CONTEXT_FACT}). */
  readonly calculate: (
    params: Record<string, unknown>,
    almanac: { factValue: (id: string) => Promise<unknown> },
  ) => Promise<FactValue>;
}

/** What {@link toJsonRulesEngine} gives a vendor. */
export interface JsonRulesEngineExport {
  /** The pack's rules, in json-rules-engine's JSON. */
  readonly rules: readonly Rule[];
  /** The custom operators the rules use (bound to `asOf`). */
  readonly operators: readonly JreOperator[];
  /** Every fact the rules use. */
  readonly facts: readonly JreFact[];
  /** The runtime facts to pass to `engine.run(...)` for one patient. */
  readonly runtimeFacts: (record: PatientRecord) => Record<string, FactContext>;
}

function factsUsed(rules: readonly Rule[]): Set<string> {
  const names = new Set<string>();
  const walk = (c: unknown): void => {
    if (typeof c !== 'object' || c === null) return;
    const o = c as Record<string, unknown>;
    if (typeof o['fact'] === 'string') names.add(o['fact']);
    for (const k of ['all', 'any']) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach(walk);
    if (o['not'] !== undefined) walk(o['not']);
  };
  for (const r of rules) walk(r.conditions);
  return names;
}

function operatorsUsed(rules: readonly Rule[]): Set<string> {
  const names = new Set<string>();
  const walk = (c: unknown): void => {
    if (typeof c !== 'object' || c === null) return;
    const o = c as Record<string, unknown>;
    if (typeof o['operator'] === 'string') names.add(o['operator']);
    for (const k of ['all', 'any']) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach(walk);
    if (o['not'] !== undefined) walk(o['not']);
  };
  for (const r of rules) walk(r.conditions);
  return names;
}

/**
 * Exports a pack for a vendor's own json-rules-engine (7.x).
 *
 * @param pack - a loaded pack
 * @param options - the evaluation date the date operators compare against
 * @returns rules, custom operators, facts and the runtime facts per patient
 * @example
 * ```ts
 * import { Engine } from 'json-rules-engine';
 * const x = toJsonRulesEngine(pack, { asOf: '2027-01-15' });
 * const engine = new Engine(x.rules.map((r) => ({ ...r })), { allowUndefinedFacts: true });
 * for (const o of x.operators) engine.addOperator(o.name, o.evaluate);
 * for (const f of x.facts) engine.addFact(f.id, f.calculate);
 * const { events } = await engine.run(x.runtimeFacts(record));
 * ```
 */
export function toJsonRulesEngine(pack: RulePack, options: { readonly asOf: IsoDate }): JsonRulesEngineExport {
  const { asOf } = options;
  const catalogue = factCatalogueOf(pack);
  const operators: JreOperator[] = [];
  for (const name of operatorsUsed(pack.rules)) {
    const op = OPERATORS.get(name);
    if (op === undefined || op.builtIn) continue;
    operators.push({
      name,
      evaluate: (factValue, jsonValue) =>
        factValue !== undefined && factValue !== null && op.prepare(jsonValue)(factValue as Exclude<FactValue, undefined>, asOf),
    });
  }
  const facts: JreFact[] = [...factsUsed(pack.rules)].map((id) => ({
    id,
    calculate: async (params, almanac) => {
      const ctx = (await almanac.factValue(JRE_CONTEXT_FACT)) as FactContext;
      // json-rules-engine passes {} when a condition has no params.
      return computeFact(ctx, id, Object.keys(params).length === 0 ? undefined : params, catalogue);
    },
  }));
  return {
    rules: pack.rules,
    operators,
    facts,
    runtimeFacts: (record) => ({ [JRE_CONTEXT_FACT]: createFactContext(record, asOf) }),
  };
}
