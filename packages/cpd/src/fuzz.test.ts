// Fuzz tests of parseCpd and validateCpd (issue 13): for any document (mutated CPD-DK documents with
// markers and CPRs in text and attributes, truncation, deep nesting, many or duplicate attributes, a
// DOCTYPE, invalid characters, non-strings) they return findings and never throw or reject; bad options
// give a coded error. Findings never hold document content. FUZZ_RUNS raises the runs.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  FUZZ_CPRS,
  FUZZ_MARKER,
  expectCodedOrResult,
  expectCodedOrResultAsync,
  expectNoThrow,
  expectNoThrowAsync,
  fuzzParameters,
  fuzzTimeout,
  hostileValue,
  leakIn,
  markerString,
} from '@kronikerpakker/test-fixtures/fuzz';
import { parseCpd } from './parse';
import { samplePlan } from './test-helpers';
import { toCpdXml } from './to-xml';
import { validateCpd } from './validate';

const golden = (name: string): string => readFileSync(new URL(`./__golden__/${name}`, import.meta.url), 'utf8');
const documents: string[] = [
  golden('kol-plan.xml'),
  golden('lrs-plan.xml'),
  golden('kol-plan-provisional-level.xml'),
  toCpdXml(samplePlan('KOL', 7)),
];

/** One change to an XML text at a relative position (0 to 1). */
type XmlEdit = { readonly at: number; readonly kind: 'insert' | 'truncate' | 'text' | 'attribute' | 'delete'; readonly text: string };

const garbage: fc.Arbitrary<string> = fc.oneof(
  markerString,
  fc.constantFrom(
    '<',
    '>',
    '&',
    '&amp;',
    '&#0;',
    '&#x110000;',
    '&unknown;',
    ']]>',
    '<![CDATA[',
    '<!--',
    '-->',
    '<!DOCTYPE x [<!ENTITY e "MARKER-7f3a">]>',
    '<?xml version="1.0"?>',
    '\u0000',
    '\uD800',
    '\uFFFE',
    ` xmlns:m="urn:${FUZZ_MARKER}"`,
    ` id="${FUZZ_CPRS[0]}" id="${FUZZ_CPRS[1]}"`,
    `<m:x xmlns:m="urn:x">${FUZZ_MARKER}</m:x>`,
    `<${FUZZ_MARKER.toLowerCase()}/>`,
    '</ClinicalDocument>',
    '<ClinicalDocument>',
  ),
  fc.integer({ min: 10, max: 5_000 }).map((n) => `${'<x>'.repeat(n)}${FUZZ_MARKER}`),
  fc.integer({ min: 10, max: 3_000 }).map((n) => `<x ${Array.from({ length: n }, (_, i) => `a${String(i)}="${FUZZ_MARKER}"`).join(' ')}/>`),
  fc.string({ maxLength: 12 }),
);

const edit: fc.Arbitrary<XmlEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom<XmlEdit['kind']>('insert', 'insert', 'text', 'attribute', 'delete', 'truncate'),
  text: garbage,
});

function applyEdit(xml: string, e: XmlEdit): string {
  const at = Math.floor(e.at * xml.length);
  switch (e.kind) {
    case 'insert':
      return xml.slice(0, at) + e.text + xml.slice(at);
    case 'truncate':
      return xml.slice(0, at);
    case 'delete':
      return xml.slice(0, at) + xml.slice(at + 1 + (e.text.length % 50));
    case 'text': {
      // The next element text after the position becomes the marker text.
      const gt = xml.indexOf('>', at);
      const lt = gt < 0 ? -1 : xml.indexOf('<', gt);
      return gt < 0 || lt < 0 ? xml : xml.slice(0, gt + 1) + e.text + xml.slice(lt);
    }
    case 'attribute': {
      // The next attribute value after the position becomes the marker.
      const open = xml.indexOf('="', at);
      const close = open < 0 ? -1 : xml.indexOf('"', open + 2);
      return open < 0 || close < 0 ? xml : `${xml.slice(0, open + 2)}${e.text.replace(/"/g, '')}${xml.slice(close)}`;
    }
  }
}

const xmlInputs: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...documents), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([xml, edits]) => edits.reduce(applyEdit, xml)) },
  { weight: 1, arbitrary: garbage },
  { weight: 1, arbitrary: hostileValue(2) },
);

function checkFindings(result: unknown, where: string): void {
  const findings = (result as { findings?: unknown }).findings;
  const leak = leakIn(JSON.stringify(findings ?? null));
  if (leak !== undefined) throw new Error(`${where}: a finding holds document content (${leak})`);
}

describe('fuzz: parseCpd and validateCpd', () => {
  it(
    'parseCpd never throws for any document, and its findings hold no content',
    () => {
      fc.assert(
        fc.property(xmlInputs, (xml) => {
          const result = expectNoThrow(() => parseCpd(xml as string), 'parseCpd');
          checkFindings(result, 'parseCpd');
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );

  it(
    'validateCpd never rejects for any document (without schemas), and its findings hold no content',
    async () => {
      await fc.assert(
        fc.asyncProperty(xmlInputs, async (xml) => {
          const report = await expectNoThrowAsync(() => validateCpd(xml as string), 'validateCpd');
          checkFindings(report, 'validateCpd');
        }),
        fuzzParameters(200),
      );
    },
    fuzzTimeout(),
  );

  it(
    'answers hostile options (not an object, limits) with a result or a coded, value-free error',
    async () => {
      const options = fc.oneof(hostileValue(2), fc.record({ limits: hostileValue(2) }));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...documents), options, async (xml, o) => {
          expectCodedOrResult(() => parseCpd(xml, o as never), 'parseCpd (options)');
          await expectCodedOrResultAsync(() => validateCpd(xml, o as never), 'validateCpd (options)');
        }),
        fuzzParameters(200),
      );
    },
    fuzzTimeout(),
  );

  // Found by this property (issue 13): `codes` of the wrong shape, and `schemas` / `xsdValidator` of the
  // wrong type, threw a plain TypeError (parseCpd(xml, { codes: {} }) -> "Cannot read properties of
  // undefined (reading 'KOL')"); the options are now checked.
  it(
    'answers hostile codes, schemas and validators with a result or a coded, value-free error',
    async () => {
      const options = fc.oneof(fc.record({ codes: hostileValue(2) }), fc.record({ schemas: hostileValue(1), xsdValidator: hostileValue(0) }));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...documents), options, async (xml, o) => {
          expectCodedOrResult(() => parseCpd(xml, o as never), 'parseCpd (options)');
          await expectCodedOrResultAsync(() => validateCpd(xml, o as never), 'validateCpd (options)');
        }),
        fuzzParameters(200),
      );
    },
    fuzzTimeout(),
  );
});
