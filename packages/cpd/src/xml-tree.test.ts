import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCpd } from './parse';
import { toCpdXml } from './to-xml';
import { fastParse, parseStrict, readXml, wellFormed } from './xml-tree';
import type { XNode } from './xml-tree';
import { EXAMPLES_DIR, STANDARDS_PRESENT, planArb, samplePlan } from './test-helpers';

const strict = (xml: string): XNode[] | 'error' => {
  try {
    return parseStrict(xml, false);
  } catch {
    return 'error';
  }
};

describe('the XML reader: a strict single pass', () => {
  it('reports well-formedness errors with the line (saxes decides)', () => {
    const cases: readonly (readonly [string, number])[] = [
      ['<ClinicalDocument>\n<a>\n</b>\n</ClinicalDocument>', 3], // mismatched end tag
      ['<ClinicalDocument>\n<a x="1" x="2"/>\n</ClinicalDocument>', 2], // duplicate attribute
      ['<ClinicalDocument>\n\n<a>&nbsp;</a></ClinicalDocument>', 3], // undeclared entity
      ['<ClinicalDocument><a>\u0001</a></ClinicalDocument>', 1], // a character XML forbids
      ['<ClinicalDocument/>\n<ClinicalDocument/>', 2], // two roots
      ['<ClinicalDocument>\n<a b="<"/></ClinicalDocument>', 2], // `<` in an attribute
      ['<ClinicalDocument>\n<a>]]></a></ClinicalDocument>', 2], // `]]>` in content
      ['<ClinicalDocument>\n<a b="1"c="2"/></ClinicalDocument>', 2], // no space between attributes
      ['<ClinicalDocument>\n<!-- a -- b -->\n</ClinicalDocument>', 2], // `--` in a comment
      ['<ClinicalDocument>\n<a>&#0;</a></ClinicalDocument>', 2], // a reference to a forbidden character
      ['<ClinicalDocument>\n<a>', 2], // not closed
    ];
    for (const [xml, line] of cases) {
      expect(fastParse(xml)).toBeUndefined();
      expect(wellFormed(xml)).toEqual({ line });
      expect(readXml(xml).findings).toEqual([{ code: 'CPD_XML_MALFORMED', severity: 'error', location: '/', line }]);
    }
  });

  it('reads CDATA, comments, namespaces and references like saxes (slow path) does', () => {
    const xml =
      '<?xml version="1.0"?>\n<!-- c --><ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:sdtc="urn:hl7-org:sdtc" xmlns:xsi="x">' +
      '<title><![CDATA[a < &amp; b]]> &amp; &#xE6;&#248;</title><sdtc:raceCode xsi:type="CD" code="&quot;x&quot;"/><?pi data?>' +
      '<proto __proto__="1" constructor="2"/></ClinicalDocument>';
    const root = readXml(xml).root;
    expect(root?.one('title')?.text()).toBe('a < &amp; b & æø');
    expect(root?.one('raceCode')?.attr('type')).toBe('CD');
    expect(root?.one('raceCode')?.attr('code')).toBe('"x"');
    expect(root?.attr('xmlns')).toBeUndefined();
    expect(root?.one('proto')?.attr('__proto__')).toBe('1');
    expect(root?.one('title')?.attr('constructor')).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the fast path accepts only what saxes accepts, with the same tree (property, mutated documents)', () => {
    const docs = fc.sample(planArb, { numRuns: 20, seed: 11 }).map((p) => toCpdXml(p));
    docs.push(toCpdXml(samplePlan('KOL')), toCpdXml(samplePlan('LRS')));
    for (const xml of docs) {
      const fast = fastParse(xml);
      expect(fast).toBeDefined(); // the SDK's own documents take the fast path
      expect(fast).toEqual(strict(xml));
    }
    const piece = fc.constantFrom('<', '>', '&', ';', '"', "'", '/', '=', '!', '?', '-', '[', ']', ' ', '\n', '\r', '\t', 'x', ':', '&amp;', '&#0;', '&#x41;', '<!--', '-->', '<![CDATA[', ']]>', '<a>', '</a>', '<a/>', '\u0000', '\uFFFE', 'é');
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.nat(), fc.nat({ max: 3 }), piece, (d, pos, cut, insert) => {
        const xml = docs[d]!;
        const at = pos % xml.length;
        const mutated = xml.slice(0, at) + insert + xml.slice(at + cut);
        const fast = fastParse(mutated);
        if (fast !== undefined) expect(fast).toEqual(strict(mutated));
        expect(wellFormed(mutated) === true).toBe(strict(mutated) !== 'error');
      }),
      { numRuns: 600 },
    );
  });

  it.skipIf(!STANDARDS_PRESENT)('reads the MedCom examples the same on both paths', () => {
    for (const name of readdirSync(EXAMPLES_DIR).filter((n) => n.endsWith('.xml'))) {
      const xml = readFileSync(join(EXAMPLES_DIR, name), 'utf8');
      const fast = fastParse(xml);
      if (fast !== undefined) expect(fast).toEqual(strict(xml));
      expect(parseCpd(xml).sections.length).toBeGreaterThanOrEqual(3);
    }
  });
});
