// Linear time and stated limits of the CPD reader (issue 13, findings 3 and 6).
// No wall-clock assertions: CPU-time ratios of n vs 2n measured in one run,
// node counts, and the findings themselves. SYNTHETIC DATA ONLY.
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '@kronikerpakker/core';
import { CPD_FINDING_CODES } from './findings';
import type { CpdFinding } from './findings';
import { CPD_LIMIT_NAMES, DEFAULT_CPD_LIMITS } from './limits';
import type { CpdLimitName, CpdLimits } from './limits';
import { parseCpd } from './parse';
import { toCpdXml } from './to-xml';
import { validateCpd } from './validate';
import { XNode, fastParse, readXml } from './xml-tree';
import { samplePlan } from './test-helpers';

/** A marker that must never reach a finding, a message, JSON or a stack. */
const MARKER = 'MARKER7f3aQ';

const tooLarge = (limit: CpdLimitName): CpdFinding[] => [{ code: 'CPD_TOO_LARGE', severity: 'error', location: '/', limit }];

/** A root element with `n` attributes (the marker in every value); `slow` adds a CR so saxes reads it. */
function manyAttributes(n: number, slow = false): string {
  const parts: string[] = [slow ? '<ClinicalDocument\r\n' : '<ClinicalDocument'];
  for (let i = 0; i < n; i++) parts.push(` ${MARKER}${String(i)}="${MARKER}"`);
  parts.push(`><title>${MARKER}</title></ClinicalDocument>`);
  return parts.join('');
}

/** `depth` nested elements (the root included), closed; `slow` adds a CR so saxes reads it. */
function nested(depth: number, slow = false): string {
  return `<ClinicalDocument${slow ? '\r' : ''}>${`<${MARKER}>`.repeat(depth - 1)}${MARKER}${`</${MARKER}>`.repeat(depth - 1)}</ClinicalDocument>`;
}

/** A root with `n - 1` empty children: `n` elements in all. */
function flat(n: number, slow = false): string {
  return `<ClinicalDocument${slow ? '\r' : ''} a="${MARKER}">${`<${MARKER}/>`.repeat(n - 1)}</ClinicalDocument>`;
}

/** CPU seconds of `f`, the least of a few repeats while it is quick (JIT and GC noise). */
function cpuSeconds(f: () => unknown): number {
  let best = Infinity;
  let spent = 0;
  for (let i = 0; i < 3 && spent < 0.5; i++) {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    const s = (d.user + d.system) / 1e6;
    best = Math.min(best, s);
    spent += s;
  }
  return best;
}

/** Asserts that doubling the size at most about doubles the CPU time (ratio < 3.5; a quadratic path gives 4). */
function expectLinear(sizes: readonly number[], run: (n: number) => void): void {
  run(sizes[0]!); // warm up
  let previous: number | undefined;
  for (const n of sizes) {
    const t = cpuSeconds(() => {
      run(n);
    });
    if (previous !== undefined) expect(t / Math.max(previous, 1e-4), `CPU time ratio at ${String(n)} attributes`).toBeLessThan(3.5);
    previous = t;
  }
}

const noMarker = (value: unknown): void => {
  const text = value instanceof Error ? `${value.message}\n${String(value.stack)}\n${JSON.stringify(value)}` : JSON.stringify(value);
  expect(text).not.toContain(MARKER);
};

describe('linear time: attributes are checked for duplicates without a scan per attribute', () => {
  const unlimited: CpdLimits = { maxAttributes: Infinity };
  const sizes = [25_000, 50_000, 100_000];

  it('parseCpd on 100,000 attributes on one element, fast path: CPU time of 2n / n < 3.5', () => {
    expect(Array.isArray(fastParse(manyAttributes(10)))).toBe(true); // these documents take the fast path
    const docs = new Map(sizes.map((n) => [n, manyAttributes(n)]));
    expectLinear(sizes, (n) => {
      const result = parseCpd(docs.get(n)!, { limits: unlimited });
      expect(result.findings.some((f) => f.code === 'CPD_TOO_LARGE' || f.code === 'CPD_XML_MALFORMED')).toBe(false);
    });
  }, 120_000);

  it('parseCpd on 100,000 attributes on one element, saxes path: CPU time of 2n / n < 3.5', () => {
    expect(fastParse(manyAttributes(10, true))).toBeUndefined(); // a CR: saxes reads these
    const docs = new Map(sizes.map((n) => [n, manyAttributes(n, true)]));
    expectLinear(sizes, (n) => {
      const result = parseCpd(docs.get(n)!, { limits: unlimited });
      expect(result.findings.some((f) => f.code === 'CPD_TOO_LARGE' || f.code === 'CPD_XML_MALFORMED')).toBe(false);
    });
  }, 120_000);

  it('validateCpd on 100,000 attributes on one element: CPU time of 2n / n < 3.5', async () => {
    const docs = new Map(sizes.map((n) => [n, manyAttributes(n)]));
    // validateCpd is async only for the XSD step (skipped here); time its synchronous part.
    const reports: unknown[] = [];
    expectLinear(sizes, (n) => {
      reports.push(validateCpd(docs.get(n)!, { limits: unlimited }));
    });
    const last = (await Promise.all(reports)).at(-1) as Awaited<ReturnType<typeof validateCpd>>;
    expect(last.findings.some((f) => f.code === 'CPD_TOO_LARGE' || f.code === 'CPD_XML_MALFORMED')).toBe(false);
  }, 120_000);

  it('still finds a duplicate attribute, and a duplicate namespace declaration, among many', () => {
    const dup = manyAttributes(1000).replace('<ClinicalDocument', `<ClinicalDocument ${MARKER}500="x"`);
    expect(parseCpd(dup, { limits: unlimited }).findings).toEqual([{ code: 'CPD_XML_MALFORMED', severity: 'error', location: '/', line: 1 }]);
    const ns = '<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:a="x" b="1" xmlns:a="y"/>';
    expect(fastParse(ns)).toBeUndefined();
    expect(readXml(ns).findings).toEqual([{ code: 'CPD_XML_MALFORMED', severity: 'error', location: '/', line: 1 }]);
    const prefixed = '<ClinicalDocument xmlns:a="x" xmlns:b="y" a:c="1" b:c="2"/>'; // one local name twice: saxes decides (well-formed)
    expect(fastParse(prefixed)).toBeUndefined();
    expect(readXml(prefixed).root).toBeDefined();
  });
});

describe('limits: stated, configurable, a CPD_TOO_LARGE finding that names the limit', () => {
  it('has generous documented defaults and a closed list of names', () => {
    expect(DEFAULT_CPD_LIMITS).toEqual({ maxLength: 10 * 1024 * 1024, maxDepth: 64, maxAttributes: 256, maxElements: 200_000 });
    expect(Object.isFrozen(DEFAULT_CPD_LIMITS)).toBe(true);
    expect([...CPD_LIMIT_NAMES]).toEqual(['maxLength', 'maxDepth', 'maxAttributes', 'maxElements']);
    expect(CPD_FINDING_CODES).toContain('CPD_TOO_LARGE');
  });

  it('reads the SDK’s own KOL and LRS plans within the defaults and within tight limits around their shape', () => {
    for (const pkg of ['KOL', 'LRS'] as const) {
      const plan = samplePlan(pkg);
      const xml = toCpdXml(plan);
      expect(parseCpd(xml).plan).toEqual(plan);
      // depth 13, at most 5 attributes on an element, under 400 elements: exactly at the limits still reads.
      expect(parseCpd(xml, { limits: { maxLength: xml.length, maxDepth: 13, maxAttributes: 5, maxElements: 400 } }).plan).toEqual(plan);
      expect(parseCpd(xml, { limits: { maxLength: xml.length - 1 } }).findings).toEqual(tooLarge('maxLength'));
      expect(parseCpd(xml, { limits: { maxDepth: 12 } }).findings).toEqual(tooLarge('maxDepth'));
      expect(parseCpd(xml, { limits: { maxAttributes: 4 } }).findings).toEqual(tooLarge('maxAttributes'));
      expect(parseCpd(xml, { limits: { maxElements: 100 } }).findings).toEqual(tooLarge('maxElements'));
    }
  });

  it('maxLength: the default, just under and just over, refused before parsing (no node built)', async () => {
    const xml = toCpdXml(samplePlan('KOL'));
    const at = xml + ' '.repeat(DEFAULT_CPD_LIMITS.maxLength - xml.length); // trailing white space is allowed after the root
    expect(at.length).toBe(DEFAULT_CPD_LIMITS.maxLength);
    expect(parseCpd(at).plan).toBeDefined();
    const comment = `<!--${MARKER}-->`;
    const over = xml + comment + ' '.repeat(DEFAULT_CPD_LIMITS.maxLength + 1 - xml.length - comment.length);
    expect(over.length).toBe(DEFAULT_CPD_LIMITS.maxLength + 1);
    const built = XNode.built;
    const parsed = parseCpd(over);
    expect(XNode.built).toBe(built);
    expect(parsed).toEqual({ plan: undefined, findings: tooLarge('maxLength'), sections: [] });
    const report = await validateCpd(over);
    expect(report).toEqual({ valid: false, xsd: 'skipped', findings: tooLarge('maxLength') });
    noMarker(parsed);
    noMarker(report);
  });

  it('maxLength: 100 MB of <x/> is refused before parsing', () => {
    const huge = `<ClinicalDocument>${'<x/>'.repeat(25_000_000)}</ClinicalDocument>`;
    const built = XNode.built;
    expect(parseCpd(huge).findings).toEqual(tooLarge('maxLength'));
    expect(XNode.built).toBe(built);
  });

  for (const slow of [false, true]) {
    const path = slow ? 'saxes path' : 'fast path';

    it(`maxDepth (${path}): 64 reads, 65 is refused at the 65th level`, async () => {
      expect(fastParse(nested(3, slow)) === undefined).toBe(slow);
      expect(readXml(nested(64, slow)).root).toBeDefined();
      expect(parseCpd(nested(64, slow)).findings.some((f) => f.code === 'CPD_TOO_LARGE')).toBe(false);
      const built = XNode.built;
      const parsed = parseCpd(nested(65, slow));
      expect(XNode.built - built).toBe(64);
      expect(parsed.findings).toEqual(tooLarge('maxDepth'));
      expect((await validateCpd(nested(65, slow))).findings).toEqual(tooLarge('maxDepth'));
      noMarker(parsed);
      // A custom limit, just at and just over.
      expect(readXml(nested(10, slow), { ...DEFAULT_CPD_LIMITS, maxDepth: 10 }).root).toBeDefined();
      expect(parseCpd(nested(11, slow), { limits: { maxDepth: 10 } }).findings).toEqual(tooLarge('maxDepth'));
    });

    it(`maxDepth (${path}): a million unclosed nested elements stop at depth 65 (65 nodes at most)`, () => {
      const deep = `<ClinicalDocument${slow ? '\r' : ''} a="${MARKER}">${'<x>'.repeat(1_000_000)}`; // 3 MB, within maxLength
      const built = XNode.built;
      const parsed = parseCpd(deep);
      expect(XNode.built - built).toBeLessThanOrEqual(64);
      expect(parsed.findings).toEqual(tooLarge('maxDepth'));
      noMarker(parsed);
    });

    it(`maxAttributes (${path}): 256 on one element reads, 257 is refused`, async () => {
      expect(readXml(manyAttributes(256, slow)).root).toBeDefined();
      const built = XNode.built;
      const parsed = parseCpd(manyAttributes(257, slow));
      expect(XNode.built).toBe(built); // refused inside the root's start tag
      expect(parsed.findings).toEqual(tooLarge('maxAttributes'));
      expect((await validateCpd(manyAttributes(257, slow))).findings).toEqual(tooLarge('maxAttributes'));
      noMarker(parsed);
      expect(readXml(manyAttributes(3, slow), { ...DEFAULT_CPD_LIMITS, maxAttributes: 3 }).root).toBeDefined();
      expect(parseCpd(manyAttributes(4, slow), { limits: { maxAttributes: 3 } }).findings).toEqual(tooLarge('maxAttributes'));
      // Namespace declarations count.
      const ns = `<ClinicalDocument${slow ? '\r' : ''} xmlns="urn:hl7-org:v3" xmlns:sdtc="urn:hl7-org:sdtc" a="1"/>`;
      expect(readXml(ns, { ...DEFAULT_CPD_LIMITS, maxAttributes: 3 }).root).toBeDefined();
      expect(readXml(ns, { ...DEFAULT_CPD_LIMITS, maxAttributes: 2 }).findings).toEqual(tooLarge('maxAttributes'));
    });

    it(`maxElements (${path}): 200,000 reads, 200,001 is refused; a million stop at the limit`, async () => {
      expect(readXml(flat(200_000, slow)).root).toBeDefined();
      let built = XNode.built;
      const parsed = parseCpd(flat(200_001, slow));
      expect(XNode.built - built).toBe(200_000);
      expect(parsed.findings).toEqual(tooLarge('maxElements'));
      expect((await validateCpd(flat(200_001, slow))).findings).toEqual(tooLarge('maxElements'));
      noMarker(parsed);
      built = XNode.built;
      expect(parseCpd(flat(1_000_000, slow), { limits: { maxLength: Infinity } }).findings).toEqual(tooLarge('maxElements'));
      expect(XNode.built - built).toBe(200_000);
      expect(readXml(flat(5, slow), { ...DEFAULT_CPD_LIMITS, maxElements: 5 }).root).toBeDefined();
      expect(parseCpd(flat(6, slow), { limits: { maxElements: 5 } }).findings).toEqual(tooLarge('maxElements'));
    });
  }

  it('Infinity turns a limit off', () => {
    expect(parseCpd(nested(100), { limits: { maxDepth: Infinity } }).findings.some((f) => f.code === 'CPD_TOO_LARGE')).toBe(false);
  });

  it('the first problem in the document wins: malformed XML before the limit, the limit before malformed XML', () => {
    expect(readXml(`<ClinicalDocument><a></b>${'<x>'.repeat(100)}`).findings).toEqual([{ code: 'CPD_XML_MALFORMED', severity: 'error', location: '/', line: 1 }]);
    expect(readXml(`<ClinicalDocument>${'<x>'.repeat(100)}<a></b>`).findings).toEqual(tooLarge('maxDepth'));
    // A DOCTYPE is refused before parsing, a too-long document before that.
    expect(readXml(`<!DOCTYPE x><ClinicalDocument/>`, { ...DEFAULT_CPD_LIMITS, maxLength: 10 }).findings).toEqual(tooLarge('maxLength'));
  });
});

describe('bad options: INVALID_ARGUMENT with a path, never a value', () => {
  const xml = '<ClinicalDocument/>';
  const cases: readonly (readonly [unknown, readonly (string | number)[]])[] = [
    [null, ['options']],
    [MARKER, ['options']],
    [42, ['options']],
    [[], ['options']],
    [{ limits: null }, ['options', 'limits']],
    [{ limits: MARKER }, ['options', 'limits']],
    [{ limits: { [MARKER]: 1 } }, ['options', 'limits']],
    [{ limits: { maxDepth: 0 } }, ['options', 'limits', 'maxDepth']],
    [{ limits: { maxDepth: -1 } }, ['options', 'limits', 'maxDepth']],
    [{ limits: { maxLength: 1.5 } }, ['options', 'limits', 'maxLength']],
    [{ limits: { maxElements: Number.NaN } }, ['options', 'limits', 'maxElements']],
    [{ limits: { maxAttributes: '256' } }, ['options', 'limits', 'maxAttributes']],
    [{ limits: { maxAttributes: -Infinity } }, ['options', 'limits', 'maxAttributes']],
    [
      {
        limits: {
          get maxDepth(): number {
            throw new Error(MARKER);
          },
        },
      },
      ['options', 'limits', 'maxDepth'],
    ],
  ];

  it.each(cases.map((c, i) => [i, ...c] as const))('case %i', async (_i, options, path) => {
    let caught: unknown;
    try {
      parseCpd(xml, options as never);
    } catch (err) {
      caught = err;
    }
    expect(KronikerpakkerError.is(caught)).toBe(true);
    expect((caught as KronikerpakkerError).code).toBe('INVALID_ARGUMENT');
    expect((caught as KronikerpakkerError).path).toEqual(path);
    noMarker(caught);
    const rejected: unknown = await validateCpd(xml, options as never).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(KronikerpakkerError.is(rejected)).toBe(true);
    expect((rejected as KronikerpakkerError).path).toEqual(path);
    noMarker(rejected);
  });

  it('accepts undefined options and every limit left out', () => {
    expect(parseCpd(xml, undefined).findings[0]?.code).not.toBe('CPD_TOO_LARGE');
    expect(parseCpd(xml, { limits: {} }).findings[0]?.code).not.toBe('CPD_TOO_LARGE');
  });
});
