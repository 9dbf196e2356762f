/**
 * `pnpm demo`: the main job on a bundled synthetic clinic. Generates the
 * clinic from a seed, writes it as NDJSON, validates every record and writes
 * a summary, then names the folder it wrote to.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateClinic } from '@kronikerpakker/test-fixtures';
import { renderSummary, summariseClinic } from './summarise';

const seed = 2027;
const size = 2000;
const asOf = '2027-01-15';
const outDir = resolve(process.env['INIT_CWD'] ?? process.cwd(), 'out', 'demo');

const records = generateClinic({ seed, size, asOf });
mkdirSync(outDir, { recursive: true });
writeFileSync(resolve(outDir, 'clinic.ndjson'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
const summary = summariseClinic(records, asOf);
const report = renderSummary(summary, { seed, asOf });
writeFileSync(resolve(outDir, 'summary.txt'), `${report}\n`);
writeFileSync(resolve(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);

console.log(report);
console.log(`\nWrote clinic.ndjson, summary.txt and summary.json to ${outDir}`);
if (summary.invalid > 0) process.exitCode = 1;
