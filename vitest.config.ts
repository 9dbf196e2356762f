import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of sibling packages through the
// `@kronikerpakker/source` export condition: no build step before `vitest`.
const conditions = ['@kronikerpakker/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test-fixtures/src/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
