// Throughput of safeParsePatientRecord on generated SYNTHETIC records: the
// previous path (zod only) and the current one (fast path first, zod on
// undefined), measured in the same run with interleaved rounds. Also the
// validation step alone (zod's schema parse vs the fast path).
// Run: pnpm exec tsx --conditions=@kronikerpakker/source packages/core/src/record/fast-parse.bench.ts
import { performance } from 'node:perf_hooks';
import { generateRecords } from '../../../../test-fixtures/src/index';
import { fastParseRecord } from './fast-parse';
import { safeParsePatientRecordVia } from './parse';
import { recordSchemaFor } from './schema';

const asOf = '2027-01-15';
const n = Number(process.env['N'] ?? 50_000);
const rounds = Number(process.env['ROUNDS'] ?? 5);
const records: unknown[] = [...generateRecords({ seed: 2027, size: n, asOf })];
const schema = recordSchemaFor('reject');

let sink = 0;
const cases: readonly (readonly [string, (r: unknown) => void])[] = [
  ['safeParsePatientRecord, zod only (before)', (r) => (sink += safeParsePatientRecordVia(r, { asOf }, false).success ? 1 : 0)],
  ['safeParsePatientRecord, fast path (after)', (r) => (sink += safeParsePatientRecordVia(r, { asOf }, true).success ? 1 : 0)],
  ['validation step only: zod schema.safeParse', (r) => (sink += schema.safeParse(r, { reportInput: true }).success ? 1 : 0)],
  ['validation step only: fastParseRecord', (r) => (sink += fastParseRecord(r, 'reject') === undefined ? 0 : 1)],
];

const best = new Map<string, number>();
for (let round = 0; round < rounds; round++) {
  for (const [label, run] of cases) {
    const t0 = performance.now();
    for (const r of records) run(r);
    const us = ((performance.now() - t0) * 1000) / n;
    best.set(label, Math.min(best.get(label) ?? Infinity, us));
  }
}

console.log(`${String(n)} generated records (seed 2027), best of ${String(rounds)} interleaved rounds (sink ${String(sink)}):`);
for (const [label] of cases) console.log(`  ${label.padEnd(46)} ${(best.get(label) ?? 0).toFixed(2).padStart(7)} µs/record`);
const before = best.get(cases[0]![0]) ?? 0;
const after = best.get(cases[1]![0]) ?? 1;
const zodOnly = best.get(cases[2]![0]) ?? 0;
const fast = best.get(cases[3]![0]) ?? 1;
console.log(`  speed-up safeParsePatientRecord: ${(before / after).toFixed(1)}x; validation step: ${(zodOnly / fast).toFixed(1)}x`);
console.log(`  100,000 records: before ${((before * 100_000) / 1e6).toFixed(2)} s, after ${((after * 100_000) / 1e6).toFixed(2)} s`);
