/**
 * `pnpm bench`: KOL + LRS inclusion on generated SYNTHETIC records, three ways
 * side by side in one run (the machines are shared and noisy: compare the
 * ratios, not the absolute times):
 *   (a) the SDK: evaluateInclusionForBoth (compiled packs, traces, reasons);
 *   (b) stock json-rules-engine on the same packs, same facts;
 *   (c) a hand-written TypeScript function of the same logic, reporting what
 *       the SDK reports (the status and every rule's three-valued result, no
 *       traces or texts); and, for reference, (c0) the same logic as a
 *       status-only function with early returns (the floor).
 * Rounds are interleaved so that drift on the machine hits all three alike,
 * and the order within a round rotates so that no path always runs first.
 *
 * Usage: pnpm bench [-- --records 100000 --rounds 5 --jre-records 100000]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createFactContext, parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord } from '@kronikerpakker/core';
import { evaluateInclusionForBoth } from '@kronikerpakker/inclusion';
import { generateRecords } from '@kronikerpakker/test-fixtures';
import { kolCriteria, kolStatus, lrsCriteria, lrsStatus } from './hand-written';
import { createJreRunner } from './jre-runner';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
    'jre-records': { type: 'string' },
    seed: { type: 'string', default: '2027' },
  },
});
const n = Number(values.records);
const rounds = Number(values.rounds);
const jreN = Math.min(n, Number(values['jre-records'] ?? values.records));
const asOf = '2027-01-15';

console.log(`Generating and validating ${String(n)} synthetic records (seed ${values.seed})...`);
const records: PatientRecord[] = [];
for (const input of generateRecords({ seed: Number(values.seed), size: n, asOf })) {
  records.push(parsePatientRecord(input, { asOf }));
}

let sink = 0;
function timeSdk(): number {
  const t0 = performance.now();
  for (const r of records) {
    const res = evaluateInclusionForBoth(r, { asOf });
    if (res.KOL.status === 'eligible') sink++;
    if (res.LRS.status === 'eligible') sink++;
  }
  return ((performance.now() - t0) * 1000) / records.length;
}
function timeHand(): number {
  const t0 = performance.now();
  for (const r of records) {
    if (kolCriteria(r, asOf).status === 'eligible') sink++;
    if (lrsCriteria(r, asOf).status === 'eligible') sink++;
  }
  return ((performance.now() - t0) * 1000) / records.length;
}
function timeFloor(): number {
  const t0 = performance.now();
  for (const r of records) {
    if (kolStatus(r, asOf) === 'eligible') sink++;
    if (lrsStatus(r, asOf) === 'eligible') sink++;
  }
  return ((performance.now() - t0) * 1000) / records.length;
}
const jre = createJreRunner(asOf);
async function timeJre(): Promise<number> {
  const subset = records.slice(0, jreN);
  const t0 = performance.now();
  for (const r of subset) sink += await jre.run(r);
  return ((performance.now() - t0) * 1000) / subset.length;
}

// Warm up each path (JIT) before measuring.
for (const r of records.slice(0, 2000)) {
  evaluateInclusionForBoth(r, { asOf });
  kolStatus(r, asOf);
  lrsStatus(r, asOf);
  kolCriteria(r, asOf);
  lrsCriteria(r, asOf);
  createFactContext(r, asOf);
}
for (const r of records.slice(0, 200)) sink += await jre.run(r);

const a: number[] = [];
const b: number[] = [];
const c: number[] = [];
const c0: number[] = [];
// The order of the four runs rotates from round to round: whichever runs first pays for the
// garbage the previous run left (json-rules-engine leaves the most), so no path always does.
const runs: (() => void | Promise<void>)[] = [
  () => { a.push(timeSdk()); },
  () => { c.push(timeHand()); },
  () => { c0.push(timeFloor()); },
  async () => { b.push(await timeJre()); },
];
for (let i = 0; i < rounds; i++) {
  for (let k = 0; k < runs.length; k++) await (runs[(i + k) % runs.length] as () => void | Promise<void>)();
  console.log(`round ${String(i + 1)}/${String(rounds)}: sdk ${a.at(-1)?.toFixed(2) ?? ''} us, jre ${b.at(-1)?.toFixed(2) ?? ''} us, hand ${c.at(-1)?.toFixed(2) ?? ''} us per record`);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ma = median(a);
const mb = median(b);
const mc = median(c);
const mc0 = median(c0);
console.log('');
console.log(`KOL + LRS inclusion, ${String(n)} records (json-rules-engine on ${String(jreN)}), median of ${String(rounds)} interleaved rounds`);
console.log(`  (a) SDK evaluator (traces, reasons)   ${ma.toFixed(2).padStart(9)} us/record`);
console.log(`  (b) stock json-rules-engine 7         ${mb.toFixed(2).padStart(9)} us/record`);
console.log(`  (c) hand-written TypeScript           ${mc.toFixed(2).padStart(9)} us/record   (status + every rule's result)`);
console.log(`  (c0) hand-written, status only        ${mc0.toFixed(2).padStart(9)} us/record   (early returns; reference)`);
console.log(`  a/c = ${(ma / mc).toFixed(2)}   (target <= 2)`);
console.log(`  b/a = ${(mb / ma).toFixed(1)}   (target >= 30)`);
// Each round measures a and c a few seconds apart; the machine's speed can halve between rounds. The median
// of the rounds' own ratios is the steadier figure when it does.
const roundRatios = a.map((x, i) => x / (c[i] ?? Number.NaN));
console.log(`  a/c per round: ${roundRatios.map((r) => r.toFixed(2)).join(', ')}; median ${median(roundRatios).toFixed(2)}`);
console.log(`  a/c0 = ${(ma / mc0).toFixed(2)}  (against the status-only floor)`);
if (sink < 0) console.log('');
