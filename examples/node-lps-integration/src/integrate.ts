/**
 * `pnpm --filter @kronikerpakker-examples/node-lps-integration start [clinic.ndjson] [--as-of YYYY-MM-DD] [--out DIR]`
 *
 * A minimal LPS-style batch: reads records from an NDJSON file (one
 * `PatientRecordInput` per line), or generates a synthetic clinic of 300
 * patients when no file is given; evaluates every patient, and writes the
 * cockpit and monitoring extract of KOL and LRS and one eligible patient's
 * CPD-DK treatment plan to the out folder. SYNTHETIC DATA ONLY.
 */
import { resolve } from 'node:path';
import { generateClinic } from '@kronikerpakker/test-fixtures';
import { readRecordsFile, renderSummary, runIntegration } from './integration';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
// An explicit evaluation date: never today's date implicitly.
const asOf = flag('--as-of') ?? '2027-01-15';
const outDir = resolve(flag('--out') ?? resolve(process.env['INIT_CWD'] ?? process.cwd(), 'out', 'node-lps-integration'));
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--as-of' && args[i - 1] !== '--out');

const records: readonly unknown[] = file === undefined ? generateClinic({ seed: 2027, size: 300, asOf }) : await readRecordsFile(file);

const summary = await runIntegration({ records, asOf, outDir });
console.log(renderSummary(summary).join('\n'));
if (summary.cpd !== null && summary.cpd.errors > 0) process.exitCode = 1;
