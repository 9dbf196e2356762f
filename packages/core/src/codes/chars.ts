/**
 * Character-class helpers for the code parsers (ASCII only, no regular
 * expressions on the hot path). Internal to the codes module.
 *
 * @module
 * @internal
 */

/**
 * Whether a UTF-16 code unit is an ASCII letter (either case).
 *
 * @param c - a code unit from `charCodeAt`
 * @returns true for `A`-`Z` and `a`-`z`
 * @example
 * ```ts
 * isAsciiLetter('j'.charCodeAt(0)); // true
 * ```
 * @internal
 */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whether a UTF-16 code unit is an ASCII digit.
 *
 * @param c - a code unit from `charCodeAt`
 * @returns true for `0`-`9`
 * @example
 * ```ts
 * isAsciiDigit('4'.charCodeAt(0)); // true
 * ```
 * @internal
 */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * `Array.isArray` without widening a readonly array to `any[]`.
 *
 * @param value - any value
 * @returns true for arrays
 * @example
 * ```ts
 * isArray(['J44']); // true
 * ```
 * @internal
 */
export function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}
