/**
 * The whole pipeline per patient on generated SYNTHETIC records, three ways
 * side by side in one run (the machines are shared and noisy: compare the
 * ratios, not the absolute times):
 *   (a) the SDK as the facade runs it: ONE fact context, inclusion for KOL
 *       and LRS, the enrolment policy (`enrolmentFor`), the suggested level
 *       per package when the policy says a level applies, the care items per
 *       package given the level and the inclusion result (results with
 *       traces, reasons, drivers, texts);
 *   (b) stock json-rules-engine 7 on the same six packs (inclusion,
 *       differentiation, care for each package) with the SDK's facts, one
 *       engine per pack reused across patients: the engine runs only (it has
 *       no level arithmetic and no item assembly);
 *   (c) a hand-written TypeScript pipeline of the same decisions (status,
 *       enrolment policy, suggested level, level in force, care item codes,
 *       priorities and due dates), see `pipeline-hand-written.ts` for the
 *       facts it takes from the SDK.
 * Rounds are interleaved so that drift on the machine hits all three alike,
 * and the order within a round rotates so that no path always runs first.
 *
 * Usage: npx tsx src/pipeline-bench.ts [--records 100000 --rounds 5 --jre-records 10000 --seed 2027]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord } from '@kronikerpakker/core';
import { generateRecords } from '@kronikerpakker/test-fixtures';
import { HandPipeline, sdkPipeline } from './pipeline-hand-written';
import { createPipelineJreRunner } from './pipeline-jre';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
    'jre-records': { type: 'string', default: '10000' },
    seed: { type: 'string', default: '2027' },
  },
});
const n = Number(values.records);
const rounds = Number(values.rounds);
const jreN = Math.min(n, Number(values['jre-records']));
const asOf = '2027-01-15';

console.log(`Generating and validating ${String(n)} synthetic records (seed ${values.seed})...`);
const records: PatientRecord[] = [];
for (const input of generateRecords({ seed: Number(values.seed), size: n, asOf })) {
  records.push(parsePatientRecord(input, { asOf }));
}
const jreRecords = records.slice(0, jreN);

let sink = 0;
function timeSdk(): number {
  const t0 = performance.now();
  for (const r of records) {
    const x = sdkPipeline(r, asOf);
    if (x.kolInclusion.status === 'eligible') sink++;
    if (x.lrsInclusion.status === 'eligible') sink++;
    sink += (x.kolLevel?.suggestedLevel ?? 0) + (x.lrsLevel?.contactPlan.level ?? 0);
    sink += x.kolCare.items.length + x.lrsCare.items.length;
    if (x.lrsCare.urgent) sink++;
  }
  return ((performance.now() - t0) * 1000) / records.length;
}
const hand = new HandPipeline(asOf);
function timeHand(): number {
  const t0 = performance.now();
  for (const r of records) {
    const x = hand.evaluate(r);
    if (x.KOL.status === 'eligible') sink++;
    if (x.LRS.status === 'eligible') sink++;
    sink += (x.KOL.suggestedLevel ?? 0) + (x.LRS.levelInForce ?? 0);
    sink += x.KOL.items.length + x.LRS.items.length;
    if (x.LRS.items[0]?.urgent === true) sink++;
  }
  return ((performance.now() - t0) * 1000) / records.length;
}
const jre = createPipelineJreRunner(asOf);
async function timeJre(): Promise<number> {
  const t0 = performance.now();
  for (const r of jreRecords) sink += await jre.run(r);
  return ((performance.now() - t0) * 1000) / jreRecords.length;
}

// Warm up each path (JIT) before measuring.
for (const r of records.slice(0, 5000)) {
  sdkPipeline(r, asOf);
  hand.evaluate(r);
}
for (const r of records.slice(0, 500)) sink += await jre.run(r);

const a: number[] = [];
const b: number[] = [];
const c: number[] = [];
const us = (x: number | undefined): string => (x === undefined ? '' : x.toFixed(2));
// The order of the three runs rotates from round to round: whichever runs first pays for the
// garbage the previous run left (json-rules-engine leaves the most), so no path always does.
const runs: (() => void | Promise<void>)[] = [
  () => { a.push(timeSdk()); },
  () => { c.push(timeHand()); },
  async () => { b.push(await timeJre()); },
];
for (let i = 0; i < rounds; i++) {
  for (let k = 0; k < runs.length; k++) await (runs[(i + k) % runs.length] as () => void | Promise<void>)();
  console.log(`round ${String(i + 1)}/${String(rounds)}: (a) sdk ${us(a.at(-1))} us, (b) jre ${us(b.at(-1))} us, (c) hand ${us(c.at(-1))} us per patient`);
}
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ma = median(a);
const mb = median(b);
const mc = median(c);
console.log('');
console.log(
  `Whole pipeline per patient (inclusion KOL+LRS, enrolment, level where it applies, care items per package), ${String(n)} records ` +
    `(json-rules-engine on the first ${String(jreN)}), median of ${String(rounds)} interleaved rounds`,
);
console.log(`  (a) SDK, one fact context             ${ma.toFixed(2).padStart(9)} us/patient   (results with traces, reasons, drivers, texts)`);
console.log(`  (b) stock json-rules-engine 7         ${mb.toFixed(2).padStart(9)} us/patient   (6 engine runs only: no level, no item assembly)`);
console.log(`  (c) hand-written TypeScript           ${mc.toFixed(2).padStart(9)} us/patient   (statuses, levels, item codes + due dates)`);
console.log(`  a/c = ${(ma / mc).toFixed(2)}   (target <= 2)`);
console.log(`  b/a = ${(mb / ma).toFixed(1)}   (target >= 30)`);
// Each round measures a and c a few seconds apart; the machine's speed can halve between rounds. The median
// of the rounds' own ratios is the steadier figure when it does.
const roundRatios = a.map((x, i) => x / (c[i] ?? Number.NaN));
console.log(`  a/c per round: ${roundRatios.map((r) => r.toFixed(2)).join(', ')}; median ${median(roundRatios).toFixed(2)}`);
console.log('');
console.log('Notes:');
console.log('  (b) the six engines of a patient share one SDK fact context (facts computed once: the setup most');
console.log('      favourable to json-rules-engine); the care facts of the contact plan read the SDK level suggestion.');
console.log('  (c) takes from the SDK: kolCriteria/lrsCriteria (./hand-written), core date arithmetic, value sets and');
console.log('      safeParseCpr, pro safeScoreQuestionnaire (STarT Back, ODI, SILS scoring), and via computeFact the facts');
console.log('      activeConditionsInValueSet, currentSickLeaveWeeks and duplicateEntryCount; all rule, enrolment, level and');
console.log('      re-assessment logic is hand-written.');
if (sink < 0) console.log('');
