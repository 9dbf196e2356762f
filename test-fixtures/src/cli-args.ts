/**
 * Argument parsing of the fixture CLI (`src/cli.ts`), kept apart so that it
 * can be tested without running the CLI.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { parseDay } from './calendar';

/** What the CLI was asked to do. */
export interface CliOptions {
  readonly seed: number;
  readonly size: number;
  readonly asOf: string;
  /** Output file; undefined = stdout. */
  readonly out: string | undefined;
  readonly help: boolean;
}

/** The defaults: seed 2027, 2,000 patients, asOf 2027-01-15, to stdout. */
export const CLI_DEFAULTS = { seed: 2027, size: 2000, asOf: '2027-01-15' } as const;

export const CLI_USAGE = `Usage: pnpm --filter @kronikerpakker/test-fixtures generate -- [options]

Writes a synthetic clinic as NDJSON: one PatientRecordInput per line, no
header line. SYNTHETIC DATA ONLY: every record has "synthetic": true.

Options:
  --seed N          non-negative integer seed (default ${CLI_DEFAULTS.seed})
  --size N          number of patients (default ${CLI_DEFAULTS.size})
  --asof YYYY-MM-DD evaluation date; no generated date is after it (default ${CLI_DEFAULTS.asOf})
  --out FILE        write to FILE instead of stdout
  --help            show this help
`;

function nonNegativeInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new RangeError(`--${name} must be a non-negative integer`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`--${name} is too large`);
  return n;
}

/**
 * Parses the CLI arguments.
 *
 * @param argv - the arguments after the script name
 * @throws RangeError or TypeError for unknown options or bad values
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv].filter((a) => a !== '--'),
    options: {
      seed: { type: 'string' },
      size: { type: 'string' },
      asof: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const asOf = values.asof ?? CLI_DEFAULTS.asOf;
  parseDay(asOf); // throws on a malformed or non-existent date
  return {
    seed: nonNegativeInteger('seed', values.seed, CLI_DEFAULTS.seed),
    size: nonNegativeInteger('size', values.size, CLI_DEFAULTS.size),
    asOf,
    out: values.out,
    help: values.help ?? false,
  };
}
