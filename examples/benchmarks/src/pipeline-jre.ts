/**
 * Stock json-rules-engine 7 running the six shipped packs of the pipeline
 * (kol/lrs-inclusion, kol/lrs-differentiation, kol/lrs-care) with the SDK's
 * facts, through core's `toJsonRulesEngine`: one engine per pack, built once
 * and reused across patients, as a vendor would.
 *
 * Each pack is loaded with its own fact catalogue: core's facts for
 * inclusion, `differentiationFacts()` (core + PRO facts) for
 * differentiation, `careFacts()` (core + PRO + care facts) for care.
 *
 * What this measures, on purpose: the engine runs only. json-rules-engine
 * has no three-valued logic, no level arithmetic (severity, complexity
 * bands, clinician) and no item assembly (due dates, texts, order), so
 * none of that is done here. The six engines of one patient share ONE SDK
 * fact context (the runtime fact `JRE_CONTEXT_FACT`), so every fact is
 * computed once per patient, as in the SDK pipeline; this is the setup most
 * favourable to json-rules-engine. The care facts `followUpIntervalMonths`,
 * `followUpDueDate`, `levelInForce` and `levelReassessmentDue` read the
 * contact plan from `@kronikerpakker/differentiation` (the SDK's level
 * suggestion), which json-rules-engine cannot compute from its own events.
 */
import { Engine } from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import { FACTS, JRE_CONTEXT_FACT, createFactContext, loadRulePack, toJsonRulesEngine } from '@kronikerpakker/core';
import type { FactCatalogue, FactContext, IsoDate, PatientRecord, RulePackDocument } from '@kronikerpakker/core';
import { careFacts, kolCarePack, lrsCarePack } from '@kronikerpakker/business-rules';
import { differentiationFacts, kolDifferentiationPack, lrsDifferentiationPack } from '@kronikerpakker/differentiation';
import { kolInclusionPack, lrsInclusionPack } from '@kronikerpakker/inclusion';

/** The rules that fired per pack id for one patient. */
export type FiredRules = ReadonlyMap<string, readonly string[]>;

/** A runner of the six packs. */
export interface PipelineJreRunner {
  /** The pack ids, in run order. */
  readonly packIds: readonly string[];
  /**
   * Runs the six engines for one patient.
   *
   * @param record - a validated record
   * @returns the number of events fired
   */
  run(record: PatientRecord): Promise<number>;
  /**
   * Runs the six engines for one patient and names the rules that fired.
   *
   * @param record - a validated record
   * @returns fired rule names per pack id
   */
  fired(record: PatientRecord): Promise<FiredRules>;
}

interface PackEngine {
  readonly id: string;
  readonly engine: Engine;
}

/**
 * Builds the six engines.
 *
 * @param asOf - the evaluation date
 * @returns the runner
 */
export function createPipelineJreRunner(asOf: IsoDate): PipelineJreRunner {
  const packs: readonly (readonly [RulePackDocument, FactCatalogue])[] = [
    [kolInclusionPack, FACTS],
    [lrsInclusionPack, FACTS],
    [kolDifferentiationPack, differentiationFacts()],
    [lrsDifferentiationPack, differentiationFacts()],
    [kolCarePack, careFacts()],
    [lrsCarePack, careFacts()],
  ];
  const engines: PackEngine[] = packs.map(([doc, facts]) => {
    const x = toJsonRulesEngine(loadRulePack(doc, { facts }), { asOf });
    // The engine gets its own copy of the (frozen) rules.
    const engine = new Engine(JSON.parse(JSON.stringify(x.rules)) as RuleProperties[], { allowUndefinedFacts: true });
    for (const o of x.operators) engine.addOperator(o.name, o.evaluate);
    for (const f of x.facts) engine.addFact(f.id, f.calculate as never);
    return { id: doc.id, engine };
  });
  const runtimeFacts = (record: PatientRecord): Record<string, FactContext> => ({ [JRE_CONTEXT_FACT]: createFactContext(record, asOf) });
  return {
    packIds: engines.map((e) => e.id),
    async run(record) {
      const facts = runtimeFacts(record);
      let n = 0;
      for (const { engine } of engines) {
        const { events } = await engine.run(facts);
        n += events.length;
      }
      return n;
    },
    async fired(record) {
      const facts = runtimeFacts(record);
      const out = new Map<string, string[]>();
      for (const { id, engine } of engines) {
        const { results } = await engine.run(facts);
        out.set(id, results.map((r) => r.name));
      }
      return out;
    },
  };
}
