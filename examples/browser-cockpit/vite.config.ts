import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * In the monorepo the packages resolve to their TypeScript sources (the
 * `@kronikerpakker/source` export condition), so the page needs no build of
 * the packages first. Installed from the packed tarballs, as a vendor installs
 * them, no workspace is above the example and the packages' `dist` is used.
 */
const inWorkspace = existsSync(fileURLToPath(new URL('../../pnpm-workspace.yaml', import.meta.url)));
const conditions = inWorkspace
  ? ['@kronikerpakker/source', 'module', 'browser', 'development|production']
  : ['module', 'browser', 'development|production'];

/**
 * The synthetic-data generator is a test tool: besides the generator its
 * entry exports a command-line parser (`node:util`) and a reference check
 * against json-rules-engine, which the page never calls. Their two imports
 * become stubs that throw, so the page bundles only what it runs and does not
 * need json-rules-engine installed.
 */
function stubGeneratorExtras(): Plugin {
  const stubs: Readonly<Record<string, string>> = {
    'json-rules-engine': 'export class Engine { constructor() { throw new Error("json-rules-engine is not part of the browser cockpit"); } }',
    'node:util': 'export function parseArgs() { throw new Error("node:util is not part of the browser cockpit"); }',
  };
  const prefix = '\0browser-cockpit-stub:';
  return {
    name: 'browser-cockpit:stub-generator-extras',
    enforce: 'pre',
    resolveId(id) {
      return Object.hasOwn(stubs, id) ? prefix + id : null;
    },
    load(id) {
      return id.startsWith(prefix) ? stubs[id.slice(prefix.length)] : null;
    },
  };
}

/** A module of the SDK: a package's sources or build, or a third-party dependency; not the generator. */
function isSdkModule(id: string): boolean {
  return !/[\\/]test-fixtures[\\/]/.test(id) && /[\\/]node_modules[\\/]|[\\/]packages[\\/][^\\/]+[\\/](src|dist)[\\/]/.test(id);
}

export default defineConfig({
  root: here,
  resolve: { conditions },
  plugins: [stubGeneratorExtras()],
  build: {
    target: 'es2022',
    // A chunk each for the SDK (the packages and their dependencies), the
    // synthetic-data generator and the page itself, so the size of the SDK
    // in the page can be read off on its own. The SDK's group goes first and
    // takes its modules' dependencies with it; the generator gets the rest.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'sdk', test: isSdkModule, priority: 2 },
            { name: 'synthetic-clinic', test: /[\\/]test-fixtures[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
