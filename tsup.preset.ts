/**
 * The one tsup preset every package builds with: ESM + CJS + `.d.ts`/`.d.cts`,
 * no minification (vendors debug into it), sourcemaps, a Node 20 / evergreen
 * browser target, and no bundled dependencies.
 */
import type { Options } from 'tsup';

export function kronikerpakkerPreset(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    ...overrides,
  };
}
