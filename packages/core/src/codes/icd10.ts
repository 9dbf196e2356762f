/**
 * ICD-10 codes as Danish records write them: WHO form (`J44.9`), without the
 * dot (`J449`) or in SKS form (`DJ449`). The SDK's canonical form is the
 * dotted, upper-case WHO form.
 *
 * @module
 */

import type { ErrorPath } from '../errors/errors';
import { KronikerpakkerError } from '../errors/errors';
import { isAsciiDigit, isAsciiLetter } from './chars';
import type { DataSource } from './source';
import { deepFreeze } from './source';

const MALFORMED =
  'Malformed ICD-10 code: expected a letter and two digits, optionally followed by up to three subcode letters or digits (J44, J44.9, J449 or SKS form DJ449)';
const NOT_A_STRING = 'ICD-10 code must be a string';

/**
 * Parses any accepted spelling into the canonical dotted form, or
 * `undefined`. One pass over the characters; no regular expression.
 */
function parseIcd10(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const s = code.trim();
  const n = s.length;
  let i = 0;
  // SKS form: a "D" before the ICD-10 letter. ICD-10's own D codes (D50)
  // have a digit in second place, so the two never collide.
  const first = s.charCodeAt(0);
  if (n >= 2 && (first === 68 || first === 100) && isAsciiLetter(s.charCodeAt(1))) i = 1;
  if (n - i < 3) return undefined;
  if (!isAsciiLetter(s.charCodeAt(i)) || !isAsciiDigit(s.charCodeAt(i + 1)) || !isAsciiDigit(s.charCodeAt(i + 2))) {
    return undefined;
  }
  const category = s.slice(i, i + 3).toUpperCase();
  let j = i + 3;
  if (j === n) return category;
  if (s.charCodeAt(j) === 46 /* . */) {
    j += 1;
    if (j === n) return undefined;
  }
  if (n - j > 3) return undefined;
  for (let k = j; k < n; k += 1) {
    const c = s.charCodeAt(k);
    if (!isAsciiLetter(c) && !isAsciiDigit(c)) return undefined;
  }
  return `${category}.${s.slice(j).toUpperCase()}`;
}

/**
 * Normalises an ICD-10 code to the SDK's canonical form: upper case, WHO
 * dotted form, without the SKS `D` prefix. Accepts `J44.9`, `j44.9`,
 * `J449`, `DJ449`, `DJ44.9`, `J44` and `DJ44` (surrounding whitespace is
 * ignored). A code is a letter and two digits, optionally followed by up to
 * three letters or digits of subcode (SKS adds subdivisions such as `DJ449A`).
 *
 * @param code - the code in any accepted spelling
 * @param path - where the code sits in the caller's input, for the error (default: the root)
 * @returns the canonical code, e.g. `J44.9` or `J44`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the code is malformed (the message never contains the code)
 * @example
 * ```ts
 * normaliseIcd10('DJ449'); // 'J44.9'
 * normaliseIcd10('m54.5'); // 'M54.5'
 * normaliseIcd10('DJ44');  // 'J44'
 * normaliseIcd10('DJ4');   // throws INVALID_ARGUMENT
 * ```
 */
export function normaliseIcd10(code: string, path: ErrorPath = []): string {
  const canonical = parseIcd10(code);
  if (canonical === undefined) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', typeof code === 'string' ? MALFORMED : NOT_A_STRING, {
      path,
    });
  }
  return canonical;
}

/**
 * Like {@link normaliseIcd10}, but returns `undefined` instead of throwing.
 *
 * @param code - the code in any accepted spelling (any value is allowed)
 * @returns the canonical code, or `undefined` if the input is not an ICD-10 code
 * @example
 * ```ts
 * safeNormaliseIcd10('DM545'); // 'M54.5'
 * safeNormaliseIcd10('XYZ');   // undefined
 * ```
 */
export function safeNormaliseIcd10(code: unknown): string | undefined {
  return parseIcd10(code);
}

/**
 * Whether a value is an ICD-10 code in any spelling that
 * {@link normaliseIcd10} accepts.
 *
 * @param code - any value
 * @returns true if {@link normaliseIcd10} would accept it
 * @example
 * ```ts
 * isIcd10Code('DJ449'); // true
 * isIcd10Code('J44.9'); // true
 * isIcd10Code('DJ4');   // false
 * isIcd10Code(449);     // false
 * ```
 *
 * ICD-10 categories and ICPC-2 codes share the form letter + two digits, so
 * `isIcd10Code('R95')` is `true`: the code's system, not its spelling, tells
 * them apart.
 */
export function isIcd10Code(code: unknown): boolean {
  return parseIcd10(code) !== undefined;
}

/**
 * Converts an ICD-10 code in any accepted spelling to SKS form: `D`, then
 * the code without the dot.
 *
 * @param code - the code in any accepted spelling
 * @param path - where the code sits in the caller's input, for the error (default: the root)
 * @returns the SKS code, e.g. `DJ449`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the code is malformed
 * @example
 * ```ts
 * toSksCode('J44.9'); // 'DJ449'
 * toSksCode('m54.5'); // 'DM545'
 * toSksCode('J44');   // 'DJ44'
 * ```
 */
export function toSksCode(code: string, path: ErrorPath = []): string {
  const canonical = normaliseIcd10(code, path);
  return canonical.length === 3 ? `D${canonical}` : `D${canonical.slice(0, 3)}${canonical.slice(4)}`;
}

/**
 * Splits a canonical ICD-10 code into category and subcode. Internal.
 *
 * @param canonical - a code as returned by {@link normaliseIcd10}
 * @returns the three-character category and the subcode (`''` for a bare category)
 * @example
 * ```ts
 * splitIcd10('J44.9'); // { category: 'J44', subcode: '9' }
 * ```
 * @internal
 */
export function splitIcd10(canonical: string): { readonly category: string; readonly subcode: string } {
  return { category: canonical.slice(0, 3), subcode: canonical.length > 3 ? canonical.slice(4) : '' };
}

/**
 * A Danish display name of an ICD-10 code.
 *
 * @example
 * ```ts
 * const entry: Icd10DisplayName | undefined = icd10DisplayNames['M54.5'];
 * entry?.display; // 'Lændesmerter UNS'
 * ```
 */
export interface Icd10DisplayName {
  /** The canonical code. */
  readonly code: string;
  /** The Danish display name (SKS). */
  readonly display: string;
  /** Where the name comes from. */
  readonly source: DataSource;
}

const SKS_NAMES: DataSource = {
  title: 'SKS (Sundhedsdatastyrelsen) Danish ICD-10 display names, as recorded in the kronikerpakker domain spec',
};

const ICD10_NAME_DATA = {
  'M54.4': { code: 'M54.4', display: 'Lændesmerter med ischias', source: SKS_NAMES },
  'M54.5': { code: 'M54.5', display: 'Lændesmerter UNS', source: SKS_NAMES },
} as const satisfies Record<string, Icd10DisplayName>;

/**
 * The Danish ICD-10 display names the SDK ships (a small subset: the codes
 * its messages name). Keyed by canonical code. Frozen data.
 *
 * @example
 * ```ts
 * icd10DisplayNames['M54.4']?.display; // 'Lændesmerter med ischias'
 * ```
 */
export const icd10DisplayNames: Readonly<Record<string, Icd10DisplayName>> = deepFreeze(ICD10_NAME_DATA);

const ICD10_NAMES: ReadonlyMap<string, Icd10DisplayName> = new Map(
  Object.values(icd10DisplayNames).map((e) => [e.code, e]),
);

/**
 * The Danish display name of an ICD-10 code, if the SDK ships one.
 *
 * @param code - the code in any spelling {@link normaliseIcd10} accepts
 * @returns the Danish name, or `undefined` if the SDK has none for the code
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the code is malformed
 * @example
 * ```ts
 * icd10DisplayName('DM545'); // 'Lændesmerter UNS'
 * icd10DisplayName('J44.9'); // undefined (not shipped)
 * ```
 */
export function icd10DisplayName(code: string): string | undefined {
  return ICD10_NAMES.get(normaliseIcd10(code))?.display;
}
