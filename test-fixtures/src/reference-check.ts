/**
 * The reference check: runs a rule pack through stock json-rules-engine and
 * through the SDK's evaluator, and lists the rules where both had every fact
 * and still disagreed. Used by the tests of every package that ships packs.
 */
import { Engine } from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import { compileRulePack, createFactContext, evaluateRulePack, toJsonRulesEngine } from '@kronikerpakker/core';
import type { PatientRecord, RulePack, TraceNode } from '@kronikerpakker/core';

function allKnown(node: TraceNode): boolean {
  return node.kind === 'fact' ? node.result !== 'unknown' : node.children.every(allKnown);
}

/**
 * Runs a pack through stock json-rules-engine and through the SDK, and
 * returns the rules where both had every fact and disagreed.
 */
export async function disagreements(pack: RulePack, records: readonly PatientRecord[], date: string): Promise<string[]> {
  const x = toJsonRulesEngine(pack, { asOf: date });
  const engine = new Engine(
    // The engine gets its own copy, so nothing it does to rule objects reaches the pack.
    JSON.parse(JSON.stringify(x.rules)) as RuleProperties[],
    { allowUndefinedFacts: true },
  );
  for (const o of x.operators) engine.addOperator(o.name, o.evaluate);
  for (const f of x.facts) engine.addFact(f.id, f.calculate as never);
  const compiled = compileRulePack(pack);
  const out: string[] = [];
  for (const r of records) {
    const ours = evaluateRulePack(compiled, createFactContext(r, date));
    const { results, failureResults } = await engine.run(x.runtimeFacts(r));
    const fired = new Set(results.map((res) => res.name));
    const failed = new Set(failureResults.map((res) => res.name));
    for (const res of ours.results) {
      // The fast path (short-circuits) and the lazily built trace must agree.
      if (res.trace.result !== res.result) out.push(`${r.id}: ${res.name} result=${res.result} trace=${res.trace.result}`);
      if (!allKnown(res.trace)) continue;
      const theirs = fired.has(res.name) ? 'true' : failed.has(res.name) ? 'false' : 'missing';
      if (theirs !== res.result) out.push(`${r.id}: ${res.name} ours=${res.result} theirs=${theirs}`);
    }
  }
  return out;
}

