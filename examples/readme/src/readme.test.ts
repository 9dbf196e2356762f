import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('the README usage example', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is the same code as in the README', () => {
    const readme = readFileSync(here('../../../README.md'), 'utf8');
    const example = readFileSync(here('./readme-example.ts'), 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it('runs and prints the age, the KOL match and a Danish message', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('./readme-example');
    expect(log).toHaveBeenCalledWith(74, true, 'Patienten er under 30 år.');
  });
});
