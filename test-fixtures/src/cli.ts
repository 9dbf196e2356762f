/**
 * The fixture CLI: writes a synthetic clinic as NDJSON.
 *
 * ```sh
 * pnpm --filter @kronikerpakker/test-fixtures generate -- --seed 2027 --size 500 --asof 2027-01-15 --out data/clinic-seed-2027-n500.ndjson
 * ```
 *
 * Pure NDJSON (no header line); every record has `"synthetic": true`.
 * Output is streamed in chunks, so 1,000,000 records need little memory.
 *
 * @module
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { CLI_USAGE, parseCliArgs } from './cli-args';
import type { CliOptions } from './cli-args';
import { generateClinicNdjson } from './generate';

const CHUNK = 1 << 20;

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(text, (err) => {
      if (err) reject(err);
    });
    if (ok) resolve();
    else stream.once('drain', resolve);
  });
}

function readOptions(): CliOptions | undefined {
  try {
    return parseCliArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    console.error(CLI_USAGE);
    process.exitCode = 2;
    return undefined;
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options === undefined) return;
  // `generate | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  if (options.help) {
    process.stdout.write(CLI_USAGE);
    return;
  }
  const out: Writable = options.out === undefined ? process.stdout : createWriteStream(options.out, { encoding: 'utf8' });
  let buffer = '';
  for (const line of generateClinicNdjson({ seed: options.seed, size: options.size, asOf: options.asOf })) {
    buffer += line;
    if (buffer.length >= CHUNK) {
      await write(out, buffer);
      buffer = '';
    }
  }
  if (buffer.length > 0) await write(out, buffer);
  if (options.out !== undefined) {
    await new Promise<void>((resolve, reject) => {
      out.end((err?: Error | null) => {
        if (err) reject(err);
        else resolve();
      });
    });
    console.error(`Wrote ${options.size} synthetic records to ${options.out}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
