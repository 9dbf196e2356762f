/**
 * Where a piece of code data comes from. Every code list in this module
 * carries one, so that a reviewer can trace each code back to its authority.
 *
 * @module
 */

/**
 * The source of a code list, value set or display name: a human-readable
 * title and, where the SDK knows a stable address, a URL.
 *
 * @example
 * ```ts
 * const source: DataSource = {
 *   title: 'HL7 Denmark, DK Core FHIR implementation guide',
 *   url: 'https://hl7.dk/fhir/core/',
 * };
 * ```
 */
export interface DataSource {
  /** Who publishes the data, and which document or resource it is. */
  readonly title: string;
  /** A stable address of the source, where one is known. */
  readonly url?: string;
}

/**
 * Recursively freezes a plain data tree in place (objects and arrays), so
 * exported tables, shipped rule packs and code maps cannot be mutated at run
 * time. Already-frozen branches are left as they are.
 *
 * @param value - the literal to freeze
 * @returns the same value, frozen
 * @example
 * ```ts
 * const table = deepFreeze({ a: ['x'] });
 * Object.isFrozen(table.a); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
