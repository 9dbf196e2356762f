/**
 * ICD-10 patterns: how code lists (value sets, the ICPC-2 → ICD-10 concept
 * map) name groups of ICD-10 codes, and a compiled matcher for fast
 * membership tests.
 *
 * @module
 */

import type { ErrorPath } from '../errors/errors';
import { KronikerpakkerError } from '../errors/errors';
import { isArray } from './chars';
import { normaliseIcd10, safeNormaliseIcd10 } from './icd10';

/**
 * An ICD-10 pattern, written in canonical (upper-case, dotted WHO) form.
 * One of three kinds:
 *
 * - a **category**, `J44`: matches `J44` itself and every subcode `J44.x`;
 * - a **code**, `M54.5`: matches `M54.5` and its finer SKS subdivisions
 *   (`M54.5A`), but not the category `M54` or a sibling `M54.4`;
 * - an inclusive **subcode range** within one category, `M51.2-M51.9`:
 *   matches every code whose subcode falls from `M51.2` to `M51.9`,
 *   including their finer subdivisions (`M51.2A`), but not the bare
 *   category `M51` nor `M51.1`.
 *
 * @example
 * ```ts
 * const patterns: readonly Icd10Pattern[] = ['J44', 'M54.5', 'M51.2-M51.9'];
 * ```
 */
export type Icd10Pattern = string;

/**
 * A parsed {@link Icd10Pattern}.
 *
 * @example
 * ```ts
 * const parsed: ParsedIcd10Pattern = parseIcd10Pattern('M51.2-M51.9');
 * // { kind: 'range', category: 'M51', from: '2', to: '9' }
 * ```
 */
export type ParsedIcd10Pattern =
  | {
      /** A whole category: the code and all its subcodes. */
      readonly kind: 'category';
      /** The category, e.g. `J44`. */
      readonly category: string;
    }
  | {
      /** One code and its finer subdivisions. */
      readonly kind: 'code';
      /** The code's category, e.g. `M54`. */
      readonly category: string;
      /** The part after the dot, e.g. `5`. */
      readonly subcode: string;
    }
  | {
      /** An inclusive range of subcodes within one category. */
      readonly kind: 'range';
      /** The range's category, e.g. `M51`. */
      readonly category: string;
      /** The lowest subcode, e.g. `2`. */
      readonly from: string;
      /** The highest subcode (same length as `from`), e.g. `9`. */
      readonly to: string;
    };

const MALFORMED_PATTERN =
  'Malformed ICD-10 pattern: expected a canonical category (J44), code (M54.5) or subcode range within one category (M51.2-M51.9)';

function isCanonical(text: string): boolean {
  return safeNormaliseIcd10(text) === text;
}

/**
 * Parses an {@link Icd10Pattern}. Patterns are data, so they must already
 * be canonical (upper case, dotted, no SKS prefix, no whitespace); a range's
 * two ends must share their category, have subcodes of the same length, and
 * have `from` ≤ `to`.
 *
 * @param pattern - the pattern
 * @param path - where the pattern sits in the caller's input, for the error (default: the root)
 * @returns the parsed pattern
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the pattern is malformed (the message never contains it)
 * @example
 * ```ts
 * parseIcd10Pattern('J44');         // { kind: 'category', category: 'J44' }
 * parseIcd10Pattern('M54.5');       // { kind: 'code', category: 'M54', subcode: '5' }
 * parseIcd10Pattern('M51.2-M51.9'); // { kind: 'range', category: 'M51', from: '2', to: '9' }
 * parseIcd10Pattern('m54.5');       // throws INVALID_ARGUMENT (not canonical)
 * ```
 */
export function parseIcd10Pattern(pattern: Icd10Pattern, path: ErrorPath = []): ParsedIcd10Pattern {
  const fail = (): never => {
    throw new KronikerpakkerError('INVALID_ARGUMENT', MALFORMED_PATTERN, { path });
  };
  if (typeof pattern !== 'string') return fail();
  const dash = pattern.indexOf('-');
  if (dash === -1) {
    if (!isCanonical(pattern)) return fail();
    return pattern.length === 3
      ? { kind: 'category', category: pattern }
      : { kind: 'code', category: pattern.slice(0, 3), subcode: pattern.slice(4) };
  }
  const low = pattern.slice(0, dash);
  const high = pattern.slice(dash + 1);
  if (!isCanonical(low) || !isCanonical(high) || low.length === 3 || high.length === 3) return fail();
  const category = low.slice(0, 3);
  const from = low.slice(4);
  const to = high.slice(4);
  if (high.slice(0, 3) !== category || from.length !== to.length || from > to) return fail();
  return { kind: 'range', category, from, to };
}

/**
 * A set of ICD-10 patterns compiled for fast matching: hash-set lookups and,
 * for ranges, a couple of string comparisons. Internal.
 *
 * @internal
 */
export interface CompiledIcd10Patterns {
  /** Every category any pattern mentions: a code outside these is rejected with one lookup. */
  readonly relevant: ReadonlySet<string>;
  /** Whole categories. */
  readonly categories: ReadonlySet<string>;
  /** Canonical codes (matched with their finer subdivisions). */
  readonly codes: ReadonlySet<string>;
  /** Subcode ranges, by category. */
  readonly ranges: ReadonlyMap<string, readonly { readonly from: string; readonly to: string }[]>;
}

/**
 * Compiles a list of patterns. Internal; value sets and the concept map
 * compile their patterns once, on first use.
 *
 * @param patterns - the patterns
 * @param path - the path of the list in the caller's input; an error names the index of the bad pattern
 * @returns the compiled form, for {@link matchesCompiledIcd10}
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if a pattern is malformed
 * @example
 * ```ts
 * const compiled = compileIcd10Patterns(['J44', 'M51.2-M51.9']);
 * matchesCompiledIcd10(compiled, 'M51.3'); // true
 * ```
 * @internal
 */
export function compileIcd10Patterns(patterns: readonly Icd10Pattern[], path: ErrorPath = []): CompiledIcd10Patterns {
  if (!isArray(patterns)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'ICD-10 patterns must be an array', { path });
  }
  const relevant = new Set<string>();
  const categories = new Set<string>();
  const codes = new Set<string>();
  const ranges = new Map<string, { readonly from: string; readonly to: string }[]>();
  patterns.forEach((pattern, index) => {
    const parsed = parseIcd10Pattern(pattern, [...path, index]);
    relevant.add(parsed.category);
    switch (parsed.kind) {
      case 'category':
        categories.add(parsed.category);
        break;
      case 'code':
        codes.add(`${parsed.category}.${parsed.subcode}`);
        break;
      case 'range': {
        const list = ranges.get(parsed.category) ?? [];
        list.push({ from: parsed.from, to: parsed.to });
        ranges.set(parsed.category, list);
        break;
      }
    }
  });
  return { relevant, categories, codes, ranges };
}

/**
 * Whether a **canonical** ICD-10 code matches compiled patterns. Internal
 * hot path: the caller has already normalised the code.
 *
 * @param compiled - the compiled patterns
 * @param canonical - a code as returned by {@link normaliseIcd10}
 * @returns true if any pattern matches
 * @example
 * ```ts
 * matchesCompiledIcd10(compileIcd10Patterns(['J44']), 'J44.9'); // true
 * ```
 * @internal
 */
export function matchesCompiledIcd10(compiled: CompiledIcd10Patterns, canonical: string): boolean {
  const category = canonical.length === 3 ? canonical : canonical.slice(0, 3);
  if (!compiled.relevant.has(category)) return false;
  if (compiled.categories.has(category)) return true;
  if (canonical.length === 3) return false;
  // A code pattern matches the code and its finer subdivisions: try each
  // prefix of the subcode (at most three).
  for (let end = 5; end <= canonical.length; end += 1) {
    if (compiled.codes.has(canonical.slice(0, end))) return true;
  }
  const ranges = compiled.ranges.get(category);
  if (ranges !== undefined) {
    const subcode = canonical.slice(4);
    for (const { from, to } of ranges) {
      if (subcode.slice(0, from.length) >= from && subcode.slice(0, to.length) <= to) return true;
    }
  }
  return false;
}

/**
 * Whether an ICD-10 code matches one pattern. A convenience for single
 * checks: it parses the pattern on every call, so use a value set
 * ({@link inValueSet}) for bulk work.
 *
 * @param pattern - the pattern (canonical form, see {@link Icd10Pattern})
 * @param code - the code in any spelling {@link normaliseIcd10} accepts (SKS form too)
 * @returns true if the code matches the pattern
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the pattern or the code is malformed
 * @example
 * ```ts
 * matchesIcd10Pattern('J44', 'DJ449');         // true
 * matchesIcd10Pattern('M51.2-M51.9', 'M51.1'); // false
 * matchesIcd10Pattern('M48.0', 'M48.1');       // false
 * ```
 */
export function matchesIcd10Pattern(pattern: Icd10Pattern, code: string): boolean {
  parseIcd10Pattern(pattern, ['pattern']);
  const compiled = compileIcd10Patterns([pattern]);
  return matchesCompiledIcd10(compiled, normaliseIcd10(code, ['code']));
}
