/**
 * Stock json-rules-engine running the shipped inclusion packs with the SDK's
 * facts (through toJsonRulesEngine), one engine per pack, reused across
 * patients as a vendor would.
 */
import { Engine } from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import { loadRulePack, toJsonRulesEngine } from '@kronikerpakker/core';
import type { IsoDate, PatientRecord } from '@kronikerpakker/core';
import { kolInclusionPack, lrsInclusionPack } from '@kronikerpakker/inclusion';

/** A runner: evaluates both packs for a record and returns the number of rules that fired. */
export interface JreRunner {
  run(record: PatientRecord): Promise<number>;
}

/**
 * Builds the two engines.
 *
 * @param asOf - the evaluation date
 * @returns the runner
 */
export function createJreRunner(asOf: IsoDate): JreRunner {
  const engines = [kolInclusionPack, lrsInclusionPack].map((doc) => {
    const x = toJsonRulesEngine(loadRulePack(doc), { asOf });
    const engine = new Engine(JSON.parse(JSON.stringify(x.rules)) as RuleProperties[], { allowUndefinedFacts: true });
    for (const o of x.operators) engine.addOperator(o.name, o.evaluate);
    for (const f of x.facts) engine.addFact(f.id, f.calculate as never);
    return { engine, runtimeFacts: x.runtimeFacts };
  });
  return {
    async run(record) {
      let fired = 0;
      for (const { engine, runtimeFacts } of engines) {
        const { events } = await engine.run(runtimeFacts(record));
        fired += events.length;
      }
      return fired;
    },
  };
}
