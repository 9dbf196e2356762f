/**
 * A safe XML reader over fast-xml-parser: no DOCTYPE (so no entities, no
 * external resources), entities decoded by us in one pass, and a small
 * element API that tracks an XPath-like location.
 *
 * @module
 * @internal
 */

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CpdFinding } from './findings';
import { decodeEntities } from './xml-text';

type Raw = Readonly<Record<string, unknown>>;

const parser = new XMLParser({
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
  isArray: (_name: string, _jpath: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

/** One element, with its location. */
export class El {
  private readonly raw: Raw;
  /** The XPath-like location. */
  readonly path: string;

  constructor(raw: unknown, path: string) {
    this.raw = typeof raw === 'object' && raw !== null ? (raw as Raw) : { '#text': typeof raw === 'string' ? raw : '' };
    this.path = path;
  }

  /** The child elements of one name. */
  all(name: string): El[] {
    const list = this.raw[name];
    if (!Array.isArray(list)) return [];
    const many = list.length > 1;
    return list.map((item: unknown, i) => new El(item, `${this.path}/${name}${many ? `[${String(i + 1)}]` : ''}`));
  }

  /** The first child element of a name. */
  one(name: string): El | undefined {
    return this.all(name)[0];
  }

  /** A path below this element for an element that is absent. */
  at(name: string): string {
    return `${this.path}/${name}`;
  }

  /** An attribute, entity-decoded. */
  attr(name: string): string | undefined {
    const v = this.raw[`@_${name}`];
    return typeof v === 'string' ? decodeEntities(v) : undefined;
  }

  /** The element's own text, entity-decoded (leaf elements). */
  text(): string {
    const v = this.raw['#text'];
    if (typeof v === 'string') return decodeEntities(v);
    if (Array.isArray(v)) return decodeEntities(v.filter((x): x is string => typeof x === 'string').join(''));
    return '';
  }

  /** Whether the element has any child element or non-blank text. */
  hasContent(): boolean {
    for (const [k, v] of Object.entries(this.raw)) {
      if (k.startsWith('@_')) continue;
      if (k === '#text') {
        if (typeof v === 'string' && v.trim() !== '') return true;
        continue;
      }
      return true;
    }
    return false;
  }
}

/** The result of reading a document: its root or the findings that stop reading. */
export type ReadXml = { readonly root: El; readonly findings: readonly CpdFinding[] } | { readonly root: undefined; readonly findings: readonly CpdFinding[] };

const DOCTYPE = /<!DOCTYPE/i;

/** Strict well-formedness: true, or the line of the first error. */
export function wellFormed(xml: string): true | { readonly line: number } {
  // fast-xml-parser 5.x marks its validator deprecated in favour of a separate
  // package; it still ships and works in 5.x, and we pin ^5 (see docs/cpd.md).
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const check = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  return check === true ? true : { line: check.err.line };
}

/**
 * Checks well-formedness, refuses any DOCTYPE (the XXE and entity-expansion
 * vectors; CDA documents have none), and parses.
 */
export function readXml(xml: string): ReadXml {
  if (typeof (xml as unknown) !== 'string') return { root: undefined, findings: [{ code: 'CPD_XML_MALFORMED', severity: 'error', location: '/' }] };
  const doctype = DOCTYPE.exec(xml);
  if (doctype !== null) {
    const line = xml.slice(0, doctype.index).split('\n').length;
    return { root: undefined, findings: [{ code: 'CPD_DOCTYPE_FORBIDDEN', severity: 'error', location: '/', line }] };
  }
  const check = wellFormed(xml);
  if (check !== true) {
    return { root: undefined, findings: [{ code: 'CPD_XML_MALFORMED', severity: 'error', location: '/', line: check.line }] };
  }
  const tree = parser.parse(xml) as Raw;
  const docs = tree.ClinicalDocument;
  if (!Array.isArray(docs) || docs.length !== 1) {
    return { root: undefined, findings: [{ code: 'CPD_NOT_CLINICAL_DOCUMENT', severity: 'error', location: '/ClinicalDocument' }] };
  }
  return { root: new El(docs[0], '/ClinicalDocument'), findings: [] };
}
