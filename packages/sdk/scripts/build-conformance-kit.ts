/**
 * Writes the conformance kit to test-fixtures/conformance (kit.json and
 * cases/). Run after a deliberate change of a pack or of the SDK's answers:
 *
 *   pnpm --filter @kronikerpakker/sdk build:conformance-kit
 *
 * The kit test fails until the committed kit equals a fresh build.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConformanceKit } from './conformance-kit-builder';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-fixtures', 'conformance');
const { kit, files } = buildConformanceKit();
rmSync(join(root, 'cases'), { recursive: true, force: true });
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
console.log(`Wrote ${String(kit.cases.length)} cases to ${root}`);
