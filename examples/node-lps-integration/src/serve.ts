/**
 * `pnpm --filter @kronikerpakker-examples/node-lps-integration serve`
 *
 * Runs the loopback HTTP service of `src/server.ts` on 127.0.0.1, port
 * `PORT` (default 8787). SYNTHETIC DATA ONLY in this example.
 */
import { buildServer } from './server';

const port = Number(process.env['PORT'] ?? 8787);
const service = buildServer({ port });
const url = await service.start();
console.log(`kronikerpakker service on ${url} (POST /evaluate, POST /cpd, GET /health). Ctrl-C stops it.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.close();
  });
}
