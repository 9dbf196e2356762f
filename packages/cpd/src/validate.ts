/**
 * `validateCpd`: well-formedness, XSD validation against the HL7 CDA R2 SDTC
 * schema, and the CPD-DK 2.0.0 rules as coded checks.
 *
 * @module
 */

import type { CpdCodeConfig } from './config';
import type { CpdFinding } from './findings';
import { inspect } from './inspect';
import { checkOptions, resolveLimits } from './limits';
import type { CpdLimits } from './limits';
import { readXml } from './xml-tree';

/**
 * The CDA schemas as files, keeping the layout of the HL7 distribution (the
 * includes are relative): `fileName` is the path below the `cda-r2` folder.
 * Schemas are not shipped with the SDK; load them from your copy.
 *
 * @example
 * ```ts
 * const schemas: CdaSchemaSet = {
 *   main: 'extensions/SDTC/infrastructure/cda/CDA_SDTC.xsd',
 *   files: [{ fileName: 'extensions/SDTC/infrastructure/cda/CDA_SDTC.xsd', contents: xsdText }],
 * };
 * ```
 */
export interface CdaSchemaSet {
  /** The schema to validate against (the SDTC `CDA_SDTC.xsd`), one of `files`. */
  readonly main: string;
  /** Every schema file, with its relative path. */
  readonly files: readonly { readonly fileName: string; readonly contents: string }[];
}

/** One schema error as an XSD validator reports it. */
export interface XsdError {
  /** The line in the document, if known. */
  readonly line?: number;
  /** The validator's message: it may quote document content, so the SDK never passes it on. */
  readonly message: string;
}

/**
 * An XSD validator: given the document and the schemas, the errors (empty
 * when valid). The default uses the optional peer dependency `xmllint-wasm`
 * (libxml2 compiled to WebAssembly; no native build, Node and browsers).
 */
export type XsdValidator = (xml: string, schemas: CdaSchemaSet) => Promise<readonly XsdError[]>;

/** Options of {@link validateCpd}. */
export interface ValidateCpdOptions {
  /** The CDA schemas; without them the XSD step is skipped (and `report.xsd` is `'skipped'`). */
  readonly schemas?: CdaSchemaSet;
  /** The XSD validator; defaults to one over `xmllint-wasm` (loaded on first use). */
  readonly xsdValidator?: XsdValidator;
  /** The provisional codes; defaults to {@link DEFAULT_CPD_CODES}. */
  readonly codes?: CpdCodeConfig;
  /** Limits on size, depth, attributes and elements; each defaults to {@link DEFAULT_CPD_LIMITS}. */
  readonly limits?: CpdLimits;
}

/** The result of {@link validateCpd}. */
export interface CpdValidationReport {
  /** True when no finding has severity `error`. */
  readonly valid: boolean;
  /** Whether the XSD step ran and passed, failed, or was skipped (no schemas). */
  readonly xsd: 'valid' | 'invalid' | 'skipped';
  /** The findings, in document order by check. */
  readonly findings: readonly CpdFinding[];
}

interface XmllintModule {
  validateXML(options: {
    xml: { fileName: string; contents: string };
    schema: { fileName: string; contents: string };
    preload: { fileName: string; contents: string }[];
  }): Promise<{ valid: boolean; errors: readonly { message: string; loc?: { lineNumber: number } | null }[] }>;
}

/**
 * The default XSD validator over `xmllint-wasm` (an optional peer dependency,
 * imported on first use).
 *
 * @param xml - the document
 * @param schemas - the CDA schema files
 * @returns the schema errors, empty when the document is valid
 * @example
 * ```ts
 * const errors = await xmllintXsdValidator(xml, schemas);
 * ```
 */
export async function xmllintXsdValidator(xml: string, schemas: CdaSchemaSet): Promise<readonly XsdError[]> {
  const mod = (await import('xmllint-wasm')) as unknown as XmllintModule;
  const main = schemas.files.find((f) => f.fileName === schemas.main);
  if (main === undefined) return [{ message: 'main schema not among the files' }];
  const result = await mod.validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema: { fileName: main.fileName, contents: main.contents },
    preload: schemas.files.filter((f) => f !== main).map((f) => ({ fileName: f.fileName, contents: f.contents })),
  });
  return result.errors.map((e) => (e.loc ? { line: e.loc.lineNumber, message: e.message } : { message: e.message }));
}

const ELEMENT = /Element '(?:\{[^}]*\})?([A-Za-z_][\w.-]*)'(?:, attribute '(?:\{[^}]*\})?([A-Za-z_][\w.-]*)')?/;

/** An XSD error as a finding: the element (and attribute) named, the line; never the validator's text. */
function xsdFinding(e: XsdError): CpdFinding {
  const m = ELEMENT.exec(e.message);
  const location = m === null ? '/' : `//${m[1] ?? ''}${m[2] === undefined ? '' : `/@${m[2]}`}`;
  return e.line === undefined ? { code: 'CPD_XSD_INVALID', severity: 'error', location } : { code: 'CPD_XSD_INVALID', severity: 'error', location, line: e.line };
}

/**
 * Validates a CPD-DK document: (a) XML well-formedness (and no DOCTYPE);
 * (b) the HL7 CDA R2 SDTC schema, when `schemas` are given; (c) the CPD-DK
 * 2.0.0 rules (templateIds, codes, required sections and sub-sections, the
 * three `documentationOf` events, UUID id, goal text length, narrative
 * present); (d) provisional codes as warnings. Findings carry a code, a
 * severity and an XPath-like location, never document content.
 *
 * Bounded: a document over one of the {@link CpdLimits} (by default 10 MiB,
 * depth 64, 256 attributes on an element, 200,000 elements) is invalid with
 * one `CPD_TOO_LARGE` finding naming the limit, found before parsing (size) or
 * as soon as the element over the limit is read; the XSD step is then skipped.
 * Bad options (not an object, a limit that is not a positive integer or
 * `Infinity`) reject with `INVALID_ARGUMENT`.
 *
 * @param xml - the document
 * @param options - schemas, validator, codes and limits
 * @returns the report: valid (no errors), the XSD outcome and the findings
 * @example
 * ```ts
 * const report = await validateCpd(toCpdXml(plan), { schemas });
 * report.valid; // true
 * report.findings.filter((f) => f.code === 'CPD_PROVISIONAL_CODE'); // warnings for a certifier
 *
 * (await validateCpd(deepXml)).findings; // [{ code: 'CPD_TOO_LARGE', severity: 'error', location: '/', limit: 'maxDepth' }]
 * ```
 */
export async function validateCpd(xml: string, options: ValidateCpdOptions = {}): Promise<CpdValidationReport> {
  const opts = checkOptions<ValidateCpdOptions>(options);
  const read = readXml(xml, resolveLimits(opts.limits));
  if (read.root === undefined) return { valid: false, xsd: 'skipped', findings: read.findings };
  const findings: CpdFinding[] = [];
  let xsd: CpdValidationReport['xsd'] = 'skipped';
  if (opts.schemas !== undefined) {
    const errors = await (opts.xsdValidator ?? xmllintXsdValidator)(xml, opts.schemas);
    xsd = errors.length === 0 ? 'valid' : 'invalid';
    findings.push(...errors.map(xsdFinding));
  }
  findings.push(...inspect(read.root, opts.codes).findings.filter((f) => f.code !== 'CPD_PLAN_INCOMPLETE'));
  return { valid: !findings.some((f) => f.severity === 'error'), xsd, findings };
}
