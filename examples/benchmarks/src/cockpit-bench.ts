/**
 * Cockpit benchmark on generated SYNTHETIC records, against the BUILT
 * packages (run `pnpm build` first; no source condition):
 *
 *   1. the cockpit over N generated records (default 100,000), given as
 *      NDJSON lines in memory: records per second for the KOL and the LRS
 *      profile (each line parsed, validated and evaluated: inclusion, level,
 *      care items), with rows retained;
 *   2. a stream of M NDJSON records (default 1,000,000) generated on the fly
 *      as byte chunks and read with readNdjsonLines, retainRows false:
 *      resident memory at every 100,000 records and, with --expose-gc (as
 *      `pnpm bench` runs it), the heap after a full collection, to show it
 *      stays flat.
 *
 * The machines are shared and noisy: read the rates as orders of magnitude.
 *
 * Usage: node --expose-gc --import tsx src/cockpit-bench.ts [--records 100000] [--stream 1000000] [--profile KOL] [--seed 2027]
 *        (COCKPIT_BENCH_RECORDS / COCKPIT_BENCH_STREAM override the defaults, for quick runs)
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildCockpit, readNdjsonLines } from '@kronikerpakker/cockpit';
import type { Cockpit, CockpitProfile } from '@kronikerpakker/cockpit';
import { generateClinicNdjson } from '@kronikerpakker/test-fixtures';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: process.env['COCKPIT_BENCH_RECORDS'] ?? '100000' },
    stream: { type: 'string', default: process.env['COCKPIT_BENCH_STREAM'] ?? '1000000' },
    profile: { type: 'string', default: 'KOL' },
    seed: { type: 'string', default: '2027' },
  },
});
const n = Number(values.records);
const streamN = Number(values.stream);
const seed = Number(values.seed);
const streamProfile = values.profile === 'LRS' ? 'LRS' : 'KOL';
const asOf = '2027-01-15';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
/** CPU seconds (user + system) of this process since `start`: the rate per CPU second is steadier on a busy machine. */
const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};

// ---- 1. N records in memory, both profiles.
console.log(`Cockpit benchmark (SYNTHETIC data, seed ${String(seed)}, asOf ${asOf})`);
console.log(`Generating ${fmt(n)} records as NDJSON lines...`);
const lines: string[] = [];
for (const line of generateClinicNdjson({ seed, size: n, asOf })) lines.push(line.slice(0, -1));

function summary(c: Cockpit): string {
  const enrolled = c.indicators.find((i) => i.id === 'enrolled');
  return `valid ${fmt(c.population.valid)}, invalid ${fmt(c.population.invalid)}, in profile ${fmt(c.population.inProfile)}, enrolled ${fmt(enrolled?.numerator ?? 0)}`;
}

// Warm up (JIT, pack compilation) on a small slice.
for (const profile of ['KOL', 'LRS'] as const) buildCockpit(lines.slice(0, Math.min(2000, n)), { asOf, profile });

console.log('\n1. In memory, rows retained');
for (const profile of ['KOL', 'LRS'] as CockpitProfile[]) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const cockpit = buildCockpit(lines, { asOf, profile });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  console.log(
    `  ${profile}: ${fmt(n)} records in ${seconds.toFixed(2)} s = ${fmt(n / seconds)} records/s (${fmt(n / cpu)} per CPU second; ${summary(cockpit)})`,
  );
}
lines.length = 0;

// ---- 2. A stream of M records, generated on the fly as byte chunks, rows not retained.
async function* byteChunks(size: number): AsyncIterable<Uint8Array> {
  const encoder = new TextEncoder();
  let batch = '';
  for (const line of generateClinicNdjson({ seed: seed + 1, size, asOf })) {
    batch += line;
    if (batch.length >= 64 * 1024) {
      yield encoder.encode(batch);
      batch = '';
      await Promise.resolve();
    }
  }
  if (batch.length > 0) yield encoder.encode(batch);
}

console.log(`\n2. Stream of ${fmt(streamN)} NDJSON records generated on the fly (${streamProfile}, retainRows false; generation included in the time)`);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
console.log(`  start: rss ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}`);
const t0 = performance.now();
const c0 = process.cpuUsage();
const cockpit = await buildCockpit(readNdjsonLines(byteChunks(streamN)), {
  asOf,
  profile: streamProfile,
  retainRows: false,
  onProgress: (processed) => {
    if (processed % 100_000 !== 0) return;
    const m = process.memoryUsage();
    const peak = process.resourceUsage().maxRSS * 1024;
    const seconds = (performance.now() - t0) / 1000;
    // V8 collects lazily, so the heap in use drifts up and down; with --expose-gc (as `pnpm bench` runs it)
    // a full collection here shows what is really held: it stays flat when memory is bounded.
    let afterGc = '';
    if (gc !== undefined) {
      gc();
      afterGc = `, heap after full GC ${mb(process.memoryUsage().heapUsed).padStart(6)}`;
    }
    console.log(
      `  ${fmt(processed).padStart(9)} records: rss ${mb(m.rss).padStart(7)}, peak rss ${mb(peak).padStart(7)}, heap ${mb(m.heapUsed).padStart(7)}${afterGc}, ${fmt(processed / seconds)} records/s (${fmt(processed / cpuSeconds(c0))} per CPU second)`,
    );
  },
});
const seconds = (performance.now() - t0) / 1000;
const cpu = cpuSeconds(c0);
console.log(
  `  done: ${fmt(cockpit.population.records)} records in ${seconds.toFixed(1)} s = ${fmt(cockpit.population.records / seconds)} records/s (${fmt(cockpit.population.records / cpu)} per CPU second; ${summary(cockpit)})`,
);
console.log(`  worklist sizes: ${cockpit.worklists.map((w) => `${w.id} ${fmt(w.size)}`).join(', ')}`);
