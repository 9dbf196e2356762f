/**
 * Limits on the documents {@link parseCpd} and {@link validateCpd} read:
 * size, element depth, attributes per element and element count.
 *
 * @module
 */

import { assertCpdCodeConfig } from './config';
import { KronikerpakkerError } from '@kronikerpakker/core';

/** The names of the limits, in a stable order. */
export const CPD_LIMIT_NAMES = ['maxLength', 'maxDepth', 'maxAttributes', 'maxElements'] as const;

/** The name of one limit, as the `limit` of a `CPD_TOO_LARGE` finding says it. */
export type CpdLimitName = (typeof CPD_LIMIT_NAMES)[number];

/**
 * Limits on the documents {@link parseCpd} and {@link validateCpd} read; each
 * is optional and falls back to {@link DEFAULT_CPD_LIMITS}. A document over a
 * limit gets one `CPD_TOO_LARGE` finding whose `limit` names it. The size is
 * checked before parsing, the others while parsing, so reading stops at the
 * first element over a limit (work and memory bounded by the limits).
 * `Infinity` turns a limit off.
 *
 * @example
 * ```ts
 * const limits: CpdLimits = { maxLength: 50 * 1024 * 1024, maxElements: 1_000_000 };
 * parseCpd(xml, { limits });
 * ```
 */
export interface CpdLimits {
  /**
   * The longest document, in UTF-16 code units (`xml.length`). A UTF-8 file of
   * n bytes never has more than n code units, so this is also a byte limit on
   * the file read. Default 10 MiB (10,485,760).
   */
  readonly maxLength?: number;
  /** The deepest element nesting (the root is depth 1). Default 64. */
  readonly maxDepth?: number;
  /** The most attributes on one element, namespace declarations included. Default 256. */
  readonly maxAttributes?: number;
  /** The most elements in the document. Default 200,000. */
  readonly maxElements?: number;
}

/**
 * The default {@link CpdLimits}: generous for real CPD-DK documents and small
 * enough that a hostile one is refused quickly with bounded memory. MedCom's
 * 16 examples are at most 80 KB, depth 14, 5 attributes on an element and 867
 * elements; a plan the SDK writes is about 25 KB, depth 13, 5 attributes and
 * under 400 elements. The defaults leave 125 times the size, 4.5 times the
 * depth, 50 times the attributes and 230 times the elements.
 *
 * @example
 * ```ts
 * DEFAULT_CPD_LIMITS.maxDepth; // 64
 * ```
 */
export const DEFAULT_CPD_LIMITS: Readonly<Required<CpdLimits>> = Object.freeze({
  maxLength: 10 * 1024 * 1024,
  maxDepth: 64,
  maxAttributes: 256,
  maxElements: 200_000,
});

/**
 * The limits in force (every one set).
 *
 * @internal
 */
export type ReadLimits = Readonly<Required<CpdLimits>>;

/**
 * No limits at all (tests, and the internal well-formedness check).
 *
 * @internal
 */
export const NO_LIMITS: ReadLimits = Object.freeze({ maxLength: Infinity, maxDepth: Infinity, maxAttributes: Infinity, maxElements: Infinity });

/**
 * Checks the `limits` option and fills in the defaults; throws
 * `INVALID_ARGUMENT` (path `options.limits[.name]`, never the value) for
 * anything but an object of positive integers or `Infinity`.
 *
 * @internal
 */
export function resolveLimits(limits: unknown): ReadLimits {
  if (limits === undefined) return DEFAULT_CPD_LIMITS;
  const bad = (name?: string): KronikerpakkerError =>
    new KronikerpakkerError('INVALID_ARGUMENT', `options.limits${name === undefined ? '' : `.${name}`} must be ${name === undefined ? 'an object of limits (maxLength, maxDepth, maxAttributes, maxElements)' : 'a positive integer or Infinity'}`, {
      path: name === undefined ? ['options', 'limits'] : ['options', 'limits', name],
    });
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) throw bad();
  const out: Record<CpdLimitName, number> = { ...DEFAULT_CPD_LIMITS };
  let keys: string[];
  try {
    keys = Object.keys(limits);
  } catch {
    throw bad();
  }
  for (const key of keys) if (!(CPD_LIMIT_NAMES as readonly string[]).includes(key)) throw bad(); // an unknown key: not echoed
  for (const name of CPD_LIMIT_NAMES) {
    let value: unknown;
    try {
      value = Object.hasOwn(limits, name) ? (limits as Record<string, unknown>)[name] : undefined;
    } catch {
      throw bad(name);
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value === Infinity || (Number.isSafeInteger(value) && value > 0))) throw bad(name);
    out[name] = value;
  }
  return Object.freeze(out);
}

/**
 * The options object, checked before it is touched: `INVALID_ARGUMENT`
 * (path `options`) unless undefined or an object.
 *
 * @internal
 */
export function checkOptions<T extends object>(options: T | undefined): Partial<T> {
  const value: unknown = options;
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'options must be an object', { path: ['options'] });
  }
  // Read each option once, here: a getter that throws or a wrongly shaped value is a coded error, never a TypeError later.
  const out: Record<string, unknown> = {};
  for (const key of ['codes', 'limits', 'schemas', 'xsdValidator'] as const) {
    let v: unknown;
    try {
      v = (value as Record<string, unknown>)[key];
    } catch {
      throw new KronikerpakkerError('INVALID_ARGUMENT', 'An option could not be read', { path: ['options', key] });
    }
    if (v !== undefined) out[key] = v;
  }
  if (out['codes'] !== undefined) assertCpdCodeConfig(out['codes'], ['options', 'codes']);
  if (out['xsdValidator'] !== undefined && typeof out['xsdValidator'] !== 'function') {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'xsdValidator must be a function', { path: ['options', 'xsdValidator'] });
  }
  if (out['schemas'] !== undefined) assertSchemaSet(out['schemas']);
  return out as Partial<T>;
}

/** A CDA schema set: `main` a string, `files` an array of `{ fileName, contents }` strings. */
function assertSchemaSet(value: unknown): void {
  const bad = (path: readonly (string | number)[]): KronikerpakkerError =>
    new KronikerpakkerError('INVALID_ARGUMENT', 'Expected a CDA schema set { main, files: [{ fileName, contents }] }', { path: ['options', 'schemas', ...path] });
  try {
    if (typeof value !== 'object' || value === null) throw bad([]);
    const set = value as { main?: unknown; files?: unknown };
    if (typeof set.main !== 'string') throw bad(['main']);
    if (!Array.isArray(set.files)) throw bad(['files']);
    const files: readonly unknown[] = set.files;
    for (let i = 0; i < files.length; i++) {
      const f = files[i] as { fileName?: unknown; contents?: unknown } | null | undefined;
      if (typeof f !== 'object' || f === null || typeof f.fileName !== 'string' || typeof f.contents !== 'string') throw bad(['files', i]);
    }
  } catch (err) {
    if (KronikerpakkerError.is(err)) throw err;
    throw bad([]);
  }
}
