/**
 * `pnpm --filter @kronikerpakker-examples/fhir-import start [bundle.json] [--json] [--en] [--as-of YYYY-MM-DD]`
 *
 * Reads a FHIR R4 Bundle of one patient (or, without a file, generates a
 * synthetic one), evaluates it for KOL and LRS, and prints the mapping
 * report and the evaluation explained; `--json` prints the evaluation as
 * JSON instead. SYNTHETIC DATA ONLY.
 */
import { readFileSync } from 'node:fs';
import { isFhirBundle, importBundle, renderImport, SYNTHETIC_BANNER, syntheticBundle } from './import';

const args = process.argv.slice(2);
const json = args.includes('--json');
const locale = args.includes('--en') ? 'en' : 'da';
const asOfFlag = args.indexOf('--as-of');
// An explicit evaluation date: never today's date implicitly.
const asOf = asOfFlag >= 0 ? (args[asOfFlag + 1] ?? '') : '2027-01-15';
const file = args.find((a, i) => !a.startsWith('--') && (asOfFlag < 0 || i !== asOfFlag + 1));

function fail(code: string): never {
  // Codes only: never the content of the file.
  console.error(JSON.stringify({ error: { code } }));
  process.exit(1);
}

let bundle;
if (file === undefined) {
  bundle = syntheticBundle(2027, asOf);
} else {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    fail('UNREADABLE_JSON');
  }
  if (!isFhirBundle(parsed)) fail('NOT_A_BUNDLE');
  bundle = parsed;
}

const evaluation = importBundle(bundle, asOf);
if (json) {
  console.log(JSON.stringify({ notice: SYNTHETIC_BANNER, ...evaluation }, null, 2));
} else {
  console.log(renderImport(evaluation, locale).join('\n'));
}
if (!evaluation.valid) process.exitCode = 2;
