// Throughput of toCpdXml and parseCpd on generated SYNTHETIC plans, with the
// previous reader (fast-xml-parser: XMLValidator.validate + XMLParser.parse,
// entities decoded afterwards) measured in the same run, rounds interleaved.
// Run: pnpm exec tsx --conditions=@kronikerpakker/source packages/cpd/src/cpd.bench.ts
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { performance } from 'node:perf_hooks';
import { inspect } from './inspect';
import { parseCpd } from './parse';
import { renderPlanHtml } from './render-html';
import { toCpdXml } from './to-xml';
import type { XmlElement } from './xml-tree';
import { planArb, samplePlan } from './test-helpers';

// ---- The previous reader, kept here only to compare (same options as before).
type Raw = Readonly<Record<string, unknown>>;
const fxp = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  isArray: (_n: string, _j: unknown, _l: boolean, isAttribute: boolean) => !isAttribute,
});
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (v: string): string =>
  v.includes('&') ? v.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (w, r: string) => (r.startsWith('#x') ? String.fromCodePoint(Number.parseInt(r.slice(2), 16)) : r.startsWith('#') ? String.fromCodePoint(Number.parseInt(r.slice(1), 10)) : (NAMED[r] ?? w))) : v;
class LegacyEl implements XmlElement {
  private readonly raw: Raw;
  constructor(raw: unknown, readonly path: string) {
    this.raw = typeof raw === 'object' && raw !== null ? (raw as Raw) : { '#text': typeof raw === 'string' ? raw : '' };
  }
  all(name: string): LegacyEl[] {
    const list = this.raw[name];
    if (!Array.isArray(list)) return [];
    return list.map((item: unknown, i) => new LegacyEl(item, `${this.path}/${name}${list.length > 1 ? `[${String(i + 1)}]` : ''}`));
  }
  one(name: string): LegacyEl | undefined {
    return this.all(name)[0];
  }
  at(name: string): string {
    return `${this.path}/${name}`;
  }
  attr(name: string): string | undefined {
    const v = this.raw[`@_${name}`];
    return typeof v === 'string' ? decode(v) : undefined;
  }
  text(): string {
    const v = this.raw['#text'];
    return typeof v === 'string' ? decode(v) : '';
  }
  hasContent(): boolean {
    return Object.keys(this.raw).some((k) => !k.startsWith('@_') && (k !== '#text' || String(this.raw[k]).trim() !== ''));
  }
}
function legacyParseCpd(xml: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  if (XMLValidator.validate(xml, { allowBooleanAttributes: false }) !== true) return undefined;
  const tree = fxp.parse(xml) as Raw;
  const docs = tree.ClinicalDocument as unknown[];
  return inspect(new LegacyEl(docs[0], '/ClinicalDocument')).plan;
}

// ---- Inputs.
const kolPlan = samplePlan('KOL');
const kolXml = toCpdXml(kolPlan);
const plans = fc.sample(planArb, { numRuns: 200, seed: 7 });
const xmls = plans.map((p) => toCpdXml(p));
if (JSON.stringify(legacyParseCpd(kolXml)) !== JSON.stringify(parseCpd(kolXml).plan)) throw new Error('the two readers disagree');

const cases: readonly (readonly [string, (i: number) => unknown])[] = [
  ['toCpdXml (KOL plan)', () => toCpdXml(kolPlan)],
  ['parseCpd before: fast-xml-parser (KOL plan)', () => legacyParseCpd(kolXml)],
  ['parseCpd after: strict single pass (KOL plan)', () => parseCpd(kolXml)],
  ['parseCpd before: fast-xml-parser (generated, hostile)', (i) => legacyParseCpd(xmls[i % xmls.length]!)],
  ['parseCpd after: strict single pass (generated, hostile)', (i) => parseCpd(xmls[i % xmls.length]!)],
  ['renderPlanHtml (patient, KOL plan)', () => renderPlanHtml(kolPlan, { audience: 'patient' })],
];
const rounds = 3;
const n = 2000;
const best = new Map<string, number>();
const bestCpu = new Map<string, number>();
console.log(`KOL plan: ${String(kolXml.length)} characters; generated plans: ${String(Math.round(xmls.reduce((a, x) => a + x.length, 0) / xmls.length))} characters on average`);
for (const [, run] of cases) for (let i = 0; i < 200; i++) run(i); // warm-up
for (let r = 0; r < rounds; r++) {
  for (const [label, run] of cases) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < n; i++) run(i);
    const rate = (n / (performance.now() - start)) * 1000;
    const used = process.cpuUsage(cpu);
    best.set(label, Math.max(best.get(label) ?? 0, rate));
    bestCpu.set(label, Math.max(bestCpu.get(label) ?? 0, n / ((used.user + used.system) / 1e6)));
  }
}
console.log(`best of ${String(rounds)} interleaved rounds, ${String(n)} documents each (wall clock; and per CPU-second of this process, GC threads included, less sensitive to a loaded machine):`);
for (const [label, rate] of best) {
  console.log(`  ${label.padEnd(58)} ${Math.round(rate).toLocaleString('en-US').padStart(8)} docs/s  ${Math.round(bestCpu.get(label) ?? 0).toLocaleString('en-US').padStart(8)} docs/CPU-s`);
}
