/**
 * `pnpm demo`: the main job on the bundled synthetic clinic. Generates the
 * clinic from a seed, builds Klinikens Cockpit for KOL and LRS, explains one
 * patient's evaluation, writes and validates that patient's CPD-DK document
 * and the plan as HTML, and names the folder it wrote to.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClinic } from '@kronikerpakker/test-fixtures';
import { findSchemaDir, runMainJob } from './main-job';

const seed = 2027;
const size = 2000;
const asOf = '2027-01-15';
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const outDir = resolve(process.env['INIT_CWD'] ?? process.cwd(), 'out', 'demo');

const records = generateClinic({ seed, size, asOf });
const result = await runMainJob({ records, seed, asOf, outDir, schemaDir: findSchemaDir(repoRoot) });
console.log(result.report);
console.log(`\nWrote ${String(result.files.length)} files (${result.files.join(', ')}) to ${outDir}`);
if (!result.cpd.valid) process.exitCode = 1;
