import { defineConfig } from 'tsup';
import { kronikerpakkerPreset } from '../../tsup.preset';

// Two builds: the library (the preset: ESM + CJS + types) and the
// `kronikerpakker` bin (ESM for Node, with a shebang). Each cleans only its
// own files, so the two builds can run side by side.
export default defineConfig([
  kronikerpakkerPreset({ clean: ['**/*', '!cli.js', '!cli.js.map'] }),
  kronikerpakkerPreset({
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    platform: 'node',
    target: 'node20',
    clean: ['cli.js', 'cli.js.map'],
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
