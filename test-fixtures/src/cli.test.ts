import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI_DEFAULTS, parseCliArgs } from './cli-args';
import { generateClinicNdjson } from './generate';

describe('parseCliArgs', () => {
  it('has the documented defaults', () => {
    expect(parseCliArgs([])).toEqual({ seed: 2027, size: 2000, asOf: '2027-01-15', out: undefined, help: false });
    expect(CLI_DEFAULTS).toEqual({ seed: 2027, size: 2000, asOf: '2027-01-15' });
  });

  it('reads every option (and ignores a pnpm "--" separator)', () => {
    expect(parseCliArgs(['--', '--seed', '7', '--size', '10', '--asof', '2024-02-29', '--out', 'x.ndjson'])).toEqual({
      seed: 7,
      size: 10,
      asOf: '2024-02-29',
      out: 'x.ndjson',
      help: false,
    });
    expect(parseCliArgs(['--seed=3']).seed).toBe(3);
    expect(parseCliArgs(['--help']).help).toBe(true);
  });

  it('rejects bad values and unknown options', () => {
    expect(() => parseCliArgs(['--seed', '-1'])).toThrow();
    expect(() => parseCliArgs(['--size', '1e3'])).toThrow();
    expect(() => parseCliArgs(['--size', '99999999999999999999'])).toThrow();
    expect(() => parseCliArgs(['--asof', '2026-02-29'])).toThrow();
    expect(() => parseCliArgs(['--asof', '15-01-2027'])).toThrow();
    expect(() => parseCliArgs(['--bogus'])).toThrow();
    expect(() => parseCliArgs(['positional'])).toThrow();
  });
});

describe('cli', () => {
  it('writes the same NDJSON as the library, with no header line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-fixtures-'));
    try {
      const out = join(dir, 'clinic.ndjson');
      const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--conditions=@kronikerpakker/source', cli, '--seed', '11', '--size', '25', '--asof', '2026-03-29', '--out', out],
        { encoding: 'utf8', env: { ...process.env, TZ: 'Pacific/Kiritimati' } },
      );
      expect(run.stderr).toContain('Wrote 25 synthetic records');
      expect(run.status).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toBe([...generateClinicNdjson({ seed: 11, size: 25, asOf: '2026-03-29' })].join(''));
      const lines = text.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(25);
      for (const line of lines) expect(JSON.parse(line)).toMatchObject({ synthetic: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
