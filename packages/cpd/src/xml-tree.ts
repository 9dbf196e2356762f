/**
 * A safe XML reader: one strict, single pass of `saxes` (XML 1.0
 * well-formedness, no DTD processing, no external entities) that builds only
 * the small tree the CPD reader needs, and an element API that tracks an
 * XPath-like location. A DOCTYPE is refused before parsing, so no entity
 * other than the five predefined ones and character references is ever
 * expanded and nothing is fetched.
 *
 * @module
 * @internal
 */

import { SaxesParser } from 'saxes';
import type { CpdFinding } from './findings';
import { DEFAULT_CPD_LIMITS, NO_LIMITS } from './limits';
import type { CpdLimitName, ReadLimits } from './limits';
import { firstInvalidXmlChar } from './xml-text';

/** Thrown inside the saxes handlers when a limit is exceeded (never leaves this module). */
class LimitExceeded extends Error {
  readonly limit: CpdLimitName;
  constructor(limit: CpdLimitName) {
    super('limit exceeded');
    this.limit = limit;
  }
}

/** A limit was exceeded: the one finding. */
const tooLarge = (limit: CpdLimitName): ReadXml => ({ root: undefined, findings: [{ code: 'CPD_TOO_LARGE', severity: 'error', location: '/', limit }] });

/** One parsed element: local name, attributes (local names, decoded), children and its own text. */
export class XNode {
  /** How many nodes were ever built (tests assert that reading stops at a limit). */
  static built = 0;
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XNode[] = [];
  /** The element's own text (text and CDATA children, concatenated; decoded). */
  text = '';

  constructor(name: string, attrs: Readonly<Record<string, string>>) {
    this.name = name;
    this.attrs = attrs;
    XNode.built++;
  }
}

const EMPTY_ATTRS: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);

/** The local part of a qualified name (`sdtc:raceCode` -> `raceCode`). */
const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i === -1 ? qname : qname.slice(i + 1);
};

/** Attributes by local name, without namespace declarations; a prototype-free object. */
function localAttrs(raw: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  let out: Record<string, string> | undefined;
  for (const k in raw) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    out ??= Object.create(null) as Record<string, string>;
    out[localName(k)] = raw[k] as string;
  }
  return out ?? EMPTY_ATTRS;
}

/** What the CPD reader needs of an element (implemented by {@link El}). */
export interface XmlElement {
  /** The XPath-like location. */
  readonly path: string;
  /** The child elements of one name. */
  all(name: string): XmlElement[];
  /** The first child element of a name. */
  one(name: string): XmlElement | undefined;
  /** A path below this element for an element that is absent. */
  at(name: string): string;
  /** An attribute (decoded, by local name). */
  attr(name: string): string | undefined;
  /** The element's own text, decoded. */
  text(): string;
  /** Whether the element has any child element or non-blank text. */
  hasContent(): boolean;
}

/** One element, with its location. */
export class El implements XmlElement {
  private readonly node: XNode;
  private readonly parent: El | undefined;
  private readonly index: number;
  private cachedPath: string | undefined;

  constructor(node: XNode, parent: El | undefined, index: number) {
    this.node = node;
    this.parent = parent;
    this.index = index;
  }

  /** The XPath-like location (`/ClinicalDocument/component/section`, `[n]` when there are several). */
  get path(): string {
    this.cachedPath ??= `${this.parent === undefined ? '' : this.parent.path}/${this.node.name}${this.index === 0 ? '' : `[${String(this.index)}]`}`;
    return this.cachedPath;
  }

  /** The child elements of one name. */
  all(name: string): El[] {
    const kids = this.node.children;
    let count = 0;
    for (const k of kids) if (k.name === name) count++;
    if (count === 0) return [];
    const out: El[] = [];
    for (const k of kids) if (k.name === name) out.push(new El(k, this, count > 1 ? out.length + 1 : 0));
    return out;
  }

  /** The first child element of a name. */
  one(name: string): El | undefined {
    const kids = this.node.children;
    let first: XNode | undefined;
    let many = false;
    for (const k of kids) {
      if (k.name !== name) continue;
      if (first === undefined) first = k;
      else {
        many = true;
        break;
      }
    }
    return first === undefined ? undefined : new El(first, this, many ? 1 : 0);
  }

  /** A path below this element for an element that is absent. */
  at(name: string): string {
    return `${this.path}/${name}`;
  }

  /** An attribute (decoded, by local name). */
  attr(name: string): string | undefined {
    return this.node.attrs[name];
  }

  /** The element's own text, decoded (leaf elements). */
  text(): string {
    return this.node.text;
  }

  /** Whether the element has any child element or non-blank text. */
  hasContent(): boolean {
    return this.node.children.length > 0 || this.node.text.trim() !== '';
  }
}

/** The result of reading a document: its root or the findings that stop reading. */
export type ReadXml = { readonly root: El; readonly findings: readonly CpdFinding[] } | { readonly root: undefined; readonly findings: readonly CpdFinding[] };

const DOCTYPE = /<!DOCTYPE/i;

// ---- The fast path: a conservative single pass over the common shape of CDA
// documents. It accepts only what it fully checks and hands everything else
// (CDATA, processing instructions, non-ASCII names, literal CR, an error of any
// kind) to saxes, which decides and reports. Whatever it accepts, saxes accepts
// with the same tree (a differential property test pins this).

const XML_DECL = /<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"1\.0"|'1\.0')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*\?>/y;
const BLANK = /^[ \t\n]*$/;
const REF = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const isXmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

/** Decodes the predefined entities and character references; undefined when a `&` starts anything else. */
function decodeRefs(s: string): string | undefined {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    REF.lastIndex = amp;
    const m = REF.exec(s);
    if (m === null) return undefined;
    let ch: string;
    if (m[1] !== undefined) ch = PREDEFINED[m[1]] as string;
    else {
      const cp = m[2] === undefined ? Number.parseInt(m[3] as string, 16) : Number.parseInt(m[2], 10);
      if (!isXmlChar(cp)) return undefined;
      ch = String.fromCodePoint(cp);
    }
    out += s.slice(from, amp) + ch;
    from = REF.lastIndex;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

const isNameStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;

/** An ASCII name (`[A-Za-z_][A-Za-z0-9._-]*`, at most one prefix) at `at`, or undefined. */
function nameAt(xml: string, at: number): string | undefined {
  if (!isNameStart(xml.charCodeAt(at))) return undefined;
  let j = at + 1;
  while (isNameChar(xml.charCodeAt(j))) j++;
  if (xml.charCodeAt(j) === 0x3a) {
    if (!isNameStart(xml.charCodeAt(j + 1))) return undefined;
    j += 2;
    while (isNameChar(xml.charCodeAt(j))) j++;
  }
  return xml.slice(at, j);
}

/** The index after the spaces, tabs and line feeds at `at`. */
function skipSpaces(xml: string, at: number): number {
  let j = at;
  for (let c = xml.charCodeAt(j); c === 0x20 || c === 0x0a || c === 0x09; c = xml.charCodeAt(j)) j++;
  return j;
}

/**
 * The fast path: the top-level elements, `{ limit }` when a limit is exceeded
 * (checked at each start tag, and at each attribute), or undefined to let
 * saxes decide. Linear: attribute names are checked for duplicates through
 * the element's attribute object (and a set for namespace declarations), not
 * a scan. Internal; exported for tests.
 */
export function fastParse(xml: string, limits: ReadLimits = NO_LIMITS): XNode[] | { readonly limit: CpdLimitName } | undefined {
  if (xml.includes('\r') || firstInvalidXmlChar(xml) !== -1) return undefined;
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (xml.startsWith('<?xml', i)) {
    XML_DECL.lastIndex = i;
    if (XML_DECL.exec(xml) === null) return undefined;
    i = XML_DECL.lastIndex;
  }
  const tops: XNode[] = [];
  const stack: XNode[] = [];
  const qnames: string[] = [];
  let elements = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const stop = lt === -1 ? n : lt;
    if (stop > i) {
      const raw = xml.slice(i, stop);
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (!BLANK.test(raw)) return undefined;
      } else {
        if (raw.includes(']]>')) return undefined;
        const text = decodeRefs(raw);
        if (text === undefined) return undefined;
        top.text += text;
      }
    }
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x2f) {
      // An end tag: the name of the open element, spaces, `>`.
      const qname = nameAt(xml, lt + 2);
      if (qname === undefined || qname !== qnames[qnames.length - 1]) return undefined;
      const gt = skipSpaces(xml, lt + 2 + qname.length);
      if (xml.charCodeAt(gt) !== 0x3e) return undefined;
      stack.pop();
      qnames.pop();
      i = gt + 1;
    } else if (c === 0x21) {
      // A comment; anything else after `<!` (CDATA, declarations) goes to saxes.
      if (!xml.startsWith('<!--', lt)) return undefined;
      const close = xml.indexOf('-->', lt + 4);
      if (close === -1) return undefined;
      const body = xml.slice(lt + 4, close);
      if (body.includes('--') || body.endsWith('-')) return undefined;
      i = close + 3;
    } else {
      // A start tag: name, attributes each after white space, `>` or `/>`.
      const qname = nameAt(xml, lt + 1);
      if (qname === undefined) return undefined;
      if (++elements > limits.maxElements) return { limit: 'maxElements' };
      if (stack.length >= limits.maxDepth) return { limit: 'maxDepth' };
      let at = lt + 1 + qname.length;
      let attrs: Record<string, string> | undefined;
      // Namespace declarations by name (other attributes are checked through `attrs`: same qname, same local name).
      let nsSeen: Set<string> | undefined;
      let attrCount = 0;
      let selfClosing = false;
      for (;;) {
        const after = skipSpaces(xml, at);
        const ch = xml.charCodeAt(after);
        if (ch === 0x3e) {
          at = after + 1;
          break;
        }
        if (ch === 0x2f) {
          if (xml.charCodeAt(after + 1) !== 0x3e) return undefined;
          selfClosing = true;
          at = after + 2;
          break;
        }
        if (after === at) return undefined; // attributes need white space before them
        const aname = nameAt(xml, after);
        if (aname === undefined) return undefined;
        if (++attrCount > limits.maxAttributes) return { limit: 'maxAttributes' };
        let eq = skipSpaces(xml, after + aname.length);
        if (xml.charCodeAt(eq) !== 0x3d) return undefined;
        eq = skipSpaces(xml, eq + 1);
        const quote = xml.charCodeAt(eq);
        if (quote !== 0x22 && quote !== 0x27) return undefined;
        const close = xml.indexOf(quote === 0x22 ? '"' : "'", eq + 1);
        if (close === -1) return undefined;
        const raw = xml.slice(eq + 1, close);
        // `<` is forbidden; literal tab and LF would be normalised to spaces: leave those to saxes.
        if (raw.includes('<') || raw.includes('\t') || raw.includes('\n')) return undefined;
        const value = decodeRefs(raw);
        if (value === undefined) return undefined;
        if (aname !== 'xmlns' && !aname.startsWith('xmlns:')) {
          attrs ??= Object.create(null) as Record<string, string>;
          const local = localName(aname);
          if (local in attrs) return undefined; // a duplicate, or two prefixes with one local name: leave it to saxes
          attrs[local] = value;
        } else {
          nsSeen ??= new Set();
          if (nsSeen.has(aname)) return undefined; // a duplicate declaration: saxes reports it
          nsSeen.add(aname);
        }
        at = close + 1;
      }
      const node = new XNode(localName(qname), attrs ?? EMPTY_ATTRS);
      const parent = stack[stack.length - 1];
      if (parent === undefined) {
        if (tops.length > 0) return undefined; // a second root element
        tops.push(node);
      } else parent.children.push(node);
      if (!selfClosing) {
        stack.push(node);
        qnames.push(qname);
      }
      i = at;
    }
  }
  return stack.length === 0 && tops.length === 1 ? tops : undefined;
}

/**
 * Parses strictly with saxes; the top-level elements, or throws saxes' error
 * at the first well-formedness error (or, for a limit exceeded, an internal
 * value that {@link readXml} reports). Limits are checked as saxes reads: at
 * each start tag (elements, depth) and each attribute. Internal; exported for
 * tests.
 */
export function parseStrict(xml: string, position: boolean, limits: ReadLimits = NO_LIMITS): XNode[] {
  const parser = new SaxesParser({ xmlns: false, position });
  const tops: XNode[] = [];
  const stack: XNode[] = [];
  let elements = 0;
  let attrCount = 0;
  parser.on('opentagstart', () => {
    if (++elements > limits.maxElements) throw new LimitExceeded('maxElements');
    if (stack.length >= limits.maxDepth) throw new LimitExceeded('maxDepth');
    attrCount = 0;
  });
  parser.on('attribute', () => {
    if (++attrCount > limits.maxAttributes) throw new LimitExceeded('maxAttributes');
  });
  parser.on('opentag', (tag) => {
    const node = new XNode(localName(tag.name), localAttrs(tag.attributes));
    const parent = stack[stack.length - 1];
    if (parent === undefined) tops.push(node);
    else parent.children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += text;
  });
  parser.on('cdata', (text) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += text;
  });
  parser.write(xml).close();
  return tops;
}

/** The line of the first well-formedness error (a second, position-tracking pass; errors only). */
function errorLine(xml: string): number {
  const parser = new SaxesParser({ xmlns: false, position: true });
  try {
    parser.write(xml).close();
  } catch {
    return parser.line;
  }
  return 1;
}

/** Strict well-formedness (XML 1.0: syntax, names, matching tags, unique attributes, allowed characters, declared entities): true, or the line of the first error. */
export function wellFormed(xml: string): true | { readonly line: number } {
  if (fastParse(xml) !== undefined) return true; // no limits: a limit result cannot occur
  try {
    parseStrict(xml, false);
    return true;
  } catch {
    return { line: errorLine(xml) };
  }
}

/**
 * Refuses a document over `limits.maxLength` before looking at it, and any
 * DOCTYPE (the XXE and entity-expansion vectors; CDA documents have none),
 * then checks well-formedness and the other limits and builds the tree in one
 * pass.
 */
export function readXml(xml: string, limits: ReadLimits = DEFAULT_CPD_LIMITS): ReadXml {
  if (typeof (xml as unknown) !== 'string') return { root: undefined, findings: [{ code: 'CPD_XML_MALFORMED', severity: 'error', location: '/' }] };
  if (xml.length > limits.maxLength) return tooLarge('maxLength');
  const doctype = DOCTYPE.exec(xml);
  if (doctype !== null) {
    const line = xml.slice(0, doctype.index).split('\n').length;
    return { root: undefined, findings: [{ code: 'CPD_DOCTYPE_FORBIDDEN', severity: 'error', location: '/', line }] };
  }
  const fast = fastParse(xml, limits);
  if (fast !== undefined && !Array.isArray(fast)) return tooLarge(fast.limit);
  let tops = fast;
  try {
    tops ??= parseStrict(xml, false, limits);
  } catch (err) {
    if (err instanceof LimitExceeded) return tooLarge(err.limit);
    return { root: undefined, findings: [{ code: 'CPD_XML_MALFORMED', severity: 'error', location: '/', line: errorLine(xml) }] };
  }
  const doc = tops[0];
  if (tops.length !== 1 || doc?.name !== 'ClinicalDocument') {
    return { root: undefined, findings: [{ code: 'CPD_NOT_CLINICAL_DOCUMENT', severity: 'error', location: '/ClinicalDocument' }] };
  }
  return { root: new El(doc, undefined, 0), findings: [] };
}
