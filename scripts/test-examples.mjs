#!/usr/bin/env node
/**
 * Runs the examples as a vendor would: against the packed tarballs of the
 * packages, not the workspace sources.
 *
 *  1. `pnpm pack` every package (and the synthetic-data generator) into a
 *     temporary folder (the packages must be built: `pnpm build`);
 *  2. make a fresh npm project there that depends on the tarballs only
 *     (`overrides` pin every @kronikerpakker/* dependency of a tarball to its
 *     tarball too), plus the examples' third-party dependencies;
 *  3. copy each example's files in, `npm install`, and run the examples'
 *     tests with vitest (default conditions: the packages' `dist`).
 *
 * Usage: node scripts/test-examples.mjs [--keep]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXAMPLES = ['node-lps-integration', 'browser-cockpit', 'fhir-import'];
const root = new URL('..', import.meta.url).pathname;
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'kp-examples-'));
const packs = join(work, 'packs');
const vendor = join(work, 'vendor');
mkdirSync(packs, { recursive: true });
mkdirSync(vendor, { recursive: true });

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  // 1. Tarballs.
  const tarballs = {};
  const dirs = [...readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d)), join(root, 'test-fixtures')];
  for (const dir of dirs) {
    const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const before = new Set(readdirSync(packs));
    run('pnpm', ['pack', '--pack-destination', packs], dir);
    const made = readdirSync(packs).find((f) => !before.has(f));
    if (made === undefined) throw new Error(`pnpm pack made no tarball for ${name}`);
    tarballs[name] = `file:${join(packs, made)}`;
  }
  console.log(`Packed ${String(Object.keys(tarballs).length)} tarballs into ${packs}`);

  // 2. A vendor project that knows nothing of the workspace.
  const dependencies = { ...tarballs };
  for (const example of EXAMPLES) {
    const pkg = JSON.parse(readFileSync(join(root, 'examples', example, 'package.json'), 'utf8'));
    for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      if (!dep.startsWith('@kronikerpakker/')) dependencies[dep] = range;
    }
  }
  writeFileSync(
    join(vendor, 'package.json'),
    `${JSON.stringify({ name: 'kp-vendor-examples', private: true, type: 'module', dependencies, overrides: tarballs }, null, 2)}\n`,
  );
  writeFileSync(
    join(vendor, 'vitest.config.mjs'),
    // The generator ships TypeScript sources (it is a private test tool, not a built package): let Vite transform it.
    "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['examples/*/src/**/*.test.ts'], testTimeout: 120000, hookTimeout: 120000, server: { deps: { inline: ['@kronikerpakker/test-fixtures'] } } } });\n",
  );
  for (const example of EXAMPLES) {
    const from = join(root, 'examples', example);
    const to = join(vendor, 'examples', example);
    // The workspace's tsconfig.json files extend the monorepo's base config, which a vendor does not have.
    cpSync(from, to, { recursive: true, filter: (src) => !/node_modules|[\\/]dist$|[\\/]out$|[\\/]tsconfig\.json$/.test(src) });
    rmSync(join(to, 'package.json'));
    // Each example folder stays an ES module scope without a package of its own.
    writeFileSync(join(to, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  }

  // 3. Install from the tarballs and the registry, and run the tests.
  console.log('npm install in the vendor project (tarballs + registry)...');
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], vendor);
  execFileSync('npx', ['vitest', 'run'], { cwd: vendor, stdio: 'inherit' });
  console.log(`Examples passed against the packed tarballs (${EXAMPLES.join(', ')}).`);
} finally {
  if (keep) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
