/**
 * The browser cockpit, end to end: the page is built with Vite, served on
 * 127.0.0.1, and opened in headless Chromium (Debian's `chromium`, driven by
 * playwright-core: a test tool's own browser download does not work on these
 * machines). Also the bundle-size check of the SDK in a web page.
 *
 * Without Chromium the browser test is skipped (never failed); the build and
 * the bundle-size check still run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** The budget for all the page's JavaScript, gzipped (SDK, generator and page). */
const BUDGET_GZIP_BYTES = 600_000;
const TIMEOUT = 180_000;

/** Chromium on these machines: no sandbox (root), no GPU, and no background connections to Google. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A JavaScript chunk of the build: its name (`sdk`, `synthetic-clinic`, `index`) and sizes. */
interface ChunkSize {
  readonly name: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

let outDir = '';
let chunks: ChunkSize[] = [];

/** Serves the built folder; records every path asked for. */
function serve(dir: string, requested: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requested.push(path);
    const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => { resolve(server); }));
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'browser-cockpit-'));
  const result = await build({ root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const outputs = Array.isArray(result) ? result : [result];
  chunks = [];
  for (const output of outputs) {
    if (!('output' in output)) throw new Error('Expected a build output, not a watcher');
    for (const item of output.output) {
      if (item.type !== 'chunk') continue;
      chunks.push({ name: item.name, fileName: item.fileName, bytes: Buffer.byteLength(item.code), gzipBytes: gzipSync(item.code, { level: 9 }).length });
    }
  }
}, TIMEOUT);

afterAll(() => {
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

describe('browser-cockpit', () => {
  it('bundles the SDK for the browser within the size budget', () => {
    const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
    const total = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
    const report = [
      'Bundle size of the browser cockpit (JavaScript, gzip -9):',
      ...chunks.map((c) => `  ${c.name.padEnd(18)} ${kB(c.bytes).padStart(9)} raw  ${kB(c.gzipBytes).padStart(8)} gzipped  (${c.fileName})`),
      `  ${'total'.padEnd(18)} ${kB(chunks.reduce((s, c) => s + c.bytes, 0)).padStart(9)} raw  ${kB(total).padStart(8)} gzipped  (budget ${kB(BUDGET_GZIP_BYTES)})`,
    ].join('\n');
    console.log(report);

    const sdk = chunks.find((c) => c.name === 'sdk');
    const generator = chunks.find((c) => c.name === 'synthetic-clinic');
    expect(sdk, 'the SDK has a chunk of its own').toBeDefined();
    expect(generator, 'the synthetic-data generator has a chunk of its own').toBeDefined();
    // The SDK is most of the page: the page itself is small.
    expect(sdk!.gzipBytes).toBeGreaterThan(total / 2);
    expect(total).toBeLessThan(BUDGET_GZIP_BYTES);
    // Nothing of Node is left for the browser to import.
    const code = chunks.map((c) => readFileSync(join(outDir, c.fileName), 'utf8')).join('\n');
    expect(code).not.toMatch(/from\s*["']node:|import\(\s*["']node:/);
  });

  it.skipIf(!HAVE_CHROMIUM)(
    HAVE_CHROMIUM
      ? 'loads in headless Chromium, lists KOL and LRS patients, and a click opens a plan'
      : `SKIPPED: no Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`,
    async () => {
      const requested: string[] = [];
      const server = await serve(outDir, requested);
      const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
      let browser: Browser | undefined;
      try {
        browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
        const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'da-DK' });
        const problems: string[] = [];
        const elsewhere: string[] = [];
        page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console: ${message.text()}`);
        });
        page.on('request', (request) => {
          const url = request.url();
          if (!url.startsWith(`${base}/`) && !url.startsWith('data:') && !url.startsWith('about:')) elsewhere.push(url);
        });

        await page.goto(base);
        await expect.poll(() => page.locator('#app').getAttribute('data-state'), { timeout: 120_000 }).not.toBe('loading');
        expect(problems).toEqual([]);
        expect(await page.locator('#app').getAttribute('data-state')).toBe('ready');
        expect(await page.getByTestId('synthetic-banner').innerText()).toContain('SYNTHETIC DATA');

        // Both profiles list patients, under their worklists' Danish titles.
        for (const profile of ['KOL', 'LRS'] as const) {
          const section = page.locator(`#profile-${profile}`);
          expect(Number(await section.getAttribute('data-rows'))).toBeGreaterThan(0);
          expect(await section.locator('tbody tr').count()).toBeGreaterThan(0);
          expect(await section.getByRole('heading', { level: 3, name: /Kandidater til pakken/ }).isVisible()).toBe(true);
        }
        expect(await page.locator('#profile-KOL').getByRole('heading', { level: 3, name: /Årsstatus overskredet/ }).isVisible()).toBe(true);
        expect(await page.locator('#profile-LRS').getByRole('heading', { level: 3, name: /Åbent rødt flag/ }).isVisible()).toBe(true);
        // A worklist's badge is its size, and its table has a row per patient on it.
        const candidates = page.locator('#profile-LRS section[data-worklist="candidates"]');
        const size = Number(await candidates.getAttribute('data-size'));
        expect(await candidates.locator('tbody tr').count()).toBe(size);

        // A patient to whom no plan applies by the enrolment policy (issue 12: neither in the package nor a
        // candidate) gets no plan, and the page says why.
        const notEligible = page.locator('#app tr:not([data-standing="enrolled"]):not([data-standing="candidate"]) button.patient').first();
        await notEligible.click();
        await expect.poll(() => page.locator('#plan-status').getAttribute('data-state')).toBe('no-plan');
        expect(await page.locator('#plan-status').innerText()).toContain('Ingen plan');
        expect(await page.locator('#plan-frame').isHidden()).toBe(true);

        // A patient in the package: the click opens the patient's plan in the sandboxed frame.
        const eligible = page.locator('#profile-KOL tr[data-standing="enrolled"][data-status="eligible"] button.patient').first();
        const recordId = await eligible.getAttribute('data-record-id');
        await eligible.click();
        await expect.poll(() => page.locator('#plan-status').getAttribute('data-state')).toBe('plan');
        const frameElement = page.locator('#plan-frame');
        expect(await frameElement.isVisible()).toBe(true);
        expect(await frameElement.getAttribute('data-record-id')).toBe(recordId);
        expect(await frameElement.getAttribute('sandbox')).toBe('');
        const frame = await (await frameElement.elementHandle()).contentFrame();
        expect(frame).not.toBeNull();
        await expect.poll(async () => (await frame!.content()).includes('<h1'), { timeout: 30_000 }).toBe(true);
        const html = await frame!.content();
        expect(html).toContain('lang="da"');
        expect(await frame!.locator('h1').innerText()).toMatch(/^Min plan: /);
        expect(await frame!.getByRole('heading', { level: 2, name: 'Hvad sker der nu, og hvornår?' }).count()).toBe(1);
        expect(await page.locator(`tr[aria-current="true"][data-record-id="${recordId!}"]`).count()).toBeGreaterThan(0);

        const screenshot = join(tmpdir(), `browser-cockpit-${String(process.pid)}.png`);
        await page.screenshot({ path: screenshot });
        console.log(`Screenshot of the browser cockpit: ${screenshot}`);

        // Everything ran in the page: nothing asked for but the page's own files, and no errors.
        expect(elsewhere).toEqual([]);
        expect(requested.every((p) => p === '/' || p.startsWith('/assets/') || p === '/favicon.ico')).toBe(true);
        expect(problems).toEqual([]);
      } finally {
        await browser?.close();
        await new Promise((resolve) => server.close(resolve));
      }
    },
    TIMEOUT,
  );
});
