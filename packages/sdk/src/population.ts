/**
 * `evaluatePopulation`: Klinikens Cockpit over a stream of records, through
 * `@kronikerpakker/cockpit`.
 *
 * @module
 */
import { buildCockpit } from '@kronikerpakker/cockpit';
import type { Cockpit, CockpitOptions } from '@kronikerpakker/cockpit';

/**
 * Options of {@link evaluatePopulation}: the cockpit's options (`asOf`,
 * `profile` `KOL` | `LRS`, `packs` from `loadRulePacks`, `unknownFields`,
 * `retainRows`, `onRow`, `onProgress`).
 */
export type EvaluatePopulationOptions = CockpitOptions;

/**
 * Evaluates a clinic's population for one profile: Klinikens Cockpit with
 * its rows, worklists, indicators and the invalid records (positions and
 * codes, no content). Items may be record objects or NDJSON line strings.
 * Delegates to `buildCockpit` of `@kronikerpakker/cockpit`: synchronous for
 * an iterable, a promise for an async iterable (a file or network stream),
 * with flat memory when `retainRows` is false.
 *
 * @param records - the records (or NDJSON lines)
 * @param options - `asOf`, `profile`, packs and callbacks
 * @returns the cockpit
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for `records` that are not an iterable or async
 *   iterable object (path `['records']`; a string, a number, `null` or `undefined` included), for an iterator
 *   that throws or breaks the iteration protocol (`['records']`, its own error not kept) and for bad options;
 *   an invalid record is counted, not thrown. The error never holds the value given.
 * @example
 * ```ts
 * const cockpit = evaluatePopulation(records, { asOf: '2027-01-15', profile: 'KOL' });
 * cockpit.indicators.map((i) => `${i.id}: ${i.numerator}/${i.denominator}`);
 * ```
 */
export function evaluatePopulation(records: Iterable<unknown>, options: EvaluatePopulationOptions): Cockpit;
/**
 * The same over an async iterable (for example the lines of a file).
 *
 * @param records - the records (or NDJSON lines)
 * @param options - `asOf`, `profile`, packs and callbacks
 * @returns a promise of the cockpit
 * @example
 * ```ts
 * const cockpit = await evaluatePopulation(readNdjsonLines(stream), { asOf: '2027-01-15', profile: 'LRS' });
 * ```
 */
export function evaluatePopulation(records: AsyncIterable<unknown>, options: EvaluatePopulationOptions): Promise<Cockpit>;
export function evaluatePopulation(
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: EvaluatePopulationOptions,
): Cockpit | Promise<Cockpit> {
  // buildCockpit checks the argument and the iteration protocol itself (a primitive, an iterator that throws or
  // breaks the protocol: INVALID_ARGUMENT at ['records'], never the value): one place for the rule.
  return buildCockpit(records as Iterable<unknown>, options);
}
