/**
 * Builds the conformance kit: the hand-built boundary cases, then generated
 * SYNTHETIC records chosen greedily until every rule of every shipped pack has
 * been seen true and false (and unknown, where the pool has it), every
 * inclusion status, every level and every care item code occurs. The
 * expectations are the SDK's answers, whose correctness the hand-checked case
 * tables of each package establish; the kit carries them to vendors.
 */
import { createFactContext, evaluateRulePack, parsePatientRecord } from '@kronikerpakker/core';
import type { IsoDate, PackageId, PatientRecord, PatientRecordInput } from '@kronikerpakker/core';
import { CARE_PACK_IDS, defaultCarePacks } from '@kronikerpakker/business-rules';
import { DIFFERENTIATION_PACK_IDS, defaultDifferentiationPacks } from '@kronikerpakker/differentiation';
import { INCLUSION_PACK_IDS, defaultInclusionPacks } from '@kronikerpakker/inclusion';
import { generateRecords, toFhirBundle } from '@kronikerpakker/test-fixtures';
import { CONFORMANCE_PACKAGES, expectationsFor } from '../src/conformance/produce';
import type { ConformanceCase, ConformanceKit } from '../src/conformance/kit';
import { BOUNDARY_CASES } from './conformance-boundaries';

/** The date of the generated cases. */
export const KIT_AS_OF: IsoDate = '2027-01-15';
/** The generator seed and size of the candidate pool. */
export const KIT_POOL = { seed: 4242, size: 4000 } as const;

interface Candidate {
  readonly title: string;
  readonly asOf: IsoDate;
  readonly input: PatientRecordInput;
  readonly record: PatientRecord;
}

function packsFor(asOf: IsoDate) {
  const out = [];
  for (const pkg of CONFORMANCE_PACKAGES) {
    out.push(defaultInclusionPacks().select(INCLUSION_PACK_IDS[pkg], asOf));
    out.push(defaultDifferentiationPacks().select(DIFFERENTIATION_PACK_IDS[pkg], asOf));
    out.push(defaultCarePacks().select(CARE_PACK_IDS[pkg], asOf));
  }
  return out;
}

/**
 * What a record covers: `pack/rule=truth` for every rule of every pack, and
 * the status, level and item codes per package.
 *
 * @param record - a validated record
 * @param asOf - the evaluation date
 * @returns the coverage targets it hits
 */
export function coverageOf(record: PatientRecord, asOf: IsoDate): Set<string> {
  const targets = new Set<string>();
  const ctx = createFactContext(record, asOf);
  for (const compiled of packsFor(asOf)) {
    const { truths } = evaluateRulePack(compiled, ctx);
    compiled.pack.rules.forEach((rule, i) => targets.add(`${compiled.pack.id}/${rule.name}=${String(truths[i])}`));
  }
  const expected = expectationsFor(record, asOf);
  for (const pkg of CONFORMANCE_PACKAGES) {
    const e = expected[pkg];
    targets.add(`${pkg}:status=${e.inclusion}`);
    if (e.level !== null) targets.add(`${pkg}:level=${String(e.level)}`);
    for (const item of e.items) targets.add(`${pkg}:item=${item.code}`);
    if (e.cpd) targets.add(`${pkg}:cpd`);
  }
  return targets;
}

/** The rule sets (id@version#digest) of the packs valid on a date. */
function ruleSetsOf(asOf: IsoDate): string[] {
  return packsFor(asOf).map(({ pack: { ref } }) => `${ref.id}@${ref.version}#${ref.digest}`);
}

/** The kit as files: `kit.json` and one input per case, by path relative to the kit folder. */
export interface BuiltKit {
  readonly kit: ConformanceKit;
  readonly files: ReadonlyMap<string, string>;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Builds the kit deterministically.
 *
 * @returns the manifest and the files
 */
export function buildConformanceKit(): BuiltKit {
  const chosen: Candidate[] = BOUNDARY_CASES.map((b) => ({ title: b.title, asOf: b.asOf, input: b.record, record: parsePatientRecord(b.record, { asOf: b.asOf }) }));
  const covered = new Set<string>();
  for (const c of chosen) for (const t of coverageOf(c.record, c.asOf)) covered.add(t);

  const pool: { input: PatientRecordInput; record: PatientRecord; targets: Set<string> }[] = [];
  for (const input of generateRecords({ seed: KIT_POOL.seed, size: KIT_POOL.size, asOf: KIT_AS_OF })) {
    const record = parsePatientRecord(input, { asOf: KIT_AS_OF });
    pool.push({ input, record, targets: coverageOf(record, KIT_AS_OF) });
  }
  // Greedy set cover: the candidate adding the most uncovered targets, first in pool order on ties.
  for (;;) {
    let best = -1;
    let bestGain = 0;
    pool.forEach((p, i) => {
      let gain = 0;
      for (const t of p.targets) if (!covered.has(t)) gain++;
      if (gain > bestGain) {
        best = i;
        bestGain = gain;
      }
    });
    const pick = pool[best];
    if (pick === undefined) break;
    for (const t of pick.targets) covered.add(t);
    chosen.push({ title: `Generated record ${pick.record.id}: adds ${String(bestGain)} rule outcomes not covered before`, asOf: KIT_AS_OF, input: pick.input, record: pick.record });
    pool.splice(best, 1);
  }

  const files = new Map<string, string>();
  const cases: ConformanceCase[] = chosen.map((c, i) => {
    const id = String(i + 1).padStart(3, '0');
    const input = `cases/${id}.json`;
    files.set(input, json(c.input));
    // The same record as a FHIR R4 Bundle, for integrations that take the FHIR route.
    const bundle = `cases/${id}.bundle.json`;
    files.set(bundle, json(toFhirBundle(c.input)));
    const covers = [...coverageOf(c.record, c.asOf)].filter((t) => t.endsWith('=true')).map((t) => t.slice(0, -'=true'.length));
    const expected: Partial<Record<PackageId, ReturnType<typeof expectationsFor>[PackageId]>> = expectationsFor(c.record, c.asOf);
    return { id, title: c.title, asOf: c.asOf, input, bundle, covers, expected };
  });
  const kit: ConformanceKit = { kind: 'kronikerpakker-conformance-kit', version: 1, ruleSets: ruleSetsOf(KIT_AS_OF), cases };
  files.set('kit.json', json(kit));
  return { kit, files };
}
