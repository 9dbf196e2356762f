// Throughput of toCpdXml and parseCpd on generated SYNTHETIC plans.
// Run: pnpm exec tsx --conditions=@kronikerpakker/source packages/cpd/src/cpd.bench.ts
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { parseCpd } from './parse';
import { renderPlanHtml } from './render-html';
import { toCpdXml } from './to-xml';
import { planArb } from './test-helpers';

const plans = fc.sample(planArb, { numRuns: 200, seed: 7 });
const xmls = plans.map((p) => toCpdXml(p));

function rate(label: string, n: number, run: (i: number) => unknown): void {
  for (let i = 0; i < 200; i++) run(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < n; i++) run(i);
  const ms = performance.now() - start;
  console.log(`${label}: ${Math.round((n / ms) * 1000).toLocaleString('en-US')} per second (${(ms / n).toFixed(3)} ms each, n=${String(n)})`);
}

const avgBytes = Math.round(xmls.reduce((a, x) => a + x.length, 0) / xmls.length);
console.log(`average document: ${String(avgBytes)} characters`);
rate('toCpdXml', 5000, (i) => toCpdXml(plans[i % plans.length]!));
rate('parseCpd', 5000, (i) => parseCpd(xmls[i % xmls.length]!));
rate('renderPlanHtml (patient)', 5000, (i) => renderPlanHtml(plans[i % plans.length]!, { audience: 'patient' }));
