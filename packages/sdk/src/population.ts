/**
 * `evaluatePopulation`: Klinikens Cockpit over a stream of records, through
 * `@kronikerpakker/cockpit`.
 *
 * @module
 */
import { KronikerpakkerError } from '@kronikerpakker/core';
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
  // Checked before anything else touches it: `in` or a method call on a primitive would throw a TypeError naming the value.
  const input: unknown = records;
  if (typeof input !== 'object' || input === null) throw notIterable();
  const asyncIterator: unknown = (input as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator];
  if (typeof asyncIterator === 'function') return buildCockpit(checkedAsync(input as AsyncIterable<unknown>), options);
  const iterator: unknown = (input as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  if (typeof iterator !== 'function') throw notIterable();
  // Through a check of the iteration protocol (an array's own iterator may have been overwritten too).
  return buildCockpit(checkedSync(input as Iterable<unknown>), options);
}

function notIterable(): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', 'Expected an array, an iterable or an async iterable of records', { path: ['records'] });
}

function brokenIterator(): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', 'The records iterator does not follow the iteration protocol (a step is not an object)', {
    path: ['records'],
  });
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * The items of a sync iterable, with the iteration protocol checked: an
 * iterator or a step that is not an object is `INVALID_ARGUMENT` (the engine
 * would throw a `TypeError`). An error the iterable throws goes on to
 * `buildCockpit`, which reports it as `INVALID_ARGUMENT` at `['records']`;
 * the source is closed when the consumer stops early.
 */
function* checkedSync(source: Iterable<unknown>): Generator<unknown, void, undefined> {
  const iterator: unknown = source[Symbol.iterator]();
  if (!isObject(iterator) || typeof (iterator as { next?: unknown }).next !== 'function') throw brokenIterator();
  const it = iterator as Iterator<unknown>;
  let done = false;
  try {
    for (;;) {
      const step: unknown = it.next();
      if (!isObject(step)) throw brokenIterator();
      if ((step as IteratorResult<unknown>).done === true) {
        done = true;
        return;
      }
      yield (step as IteratorResult<unknown>).value;
    }
  } finally {
    if (!done) it.return?.();
  }
}

/** {@link checkedSync} for an async iterable. */
async function* checkedAsync(source: AsyncIterable<unknown>): AsyncGenerator<unknown, void, undefined> {
  const iterator: unknown = source[Symbol.asyncIterator]();
  if (!isObject(iterator) || typeof (iterator as { next?: unknown }).next !== 'function') throw brokenIterator();
  const it = iterator as AsyncIterator<unknown>;
  let done = false;
  try {
    for (;;) {
      const step: unknown = await it.next();
      if (!isObject(step)) throw brokenIterator();
      if ((step as IteratorResult<unknown>).done === true) {
        done = true;
        return;
      }
      yield (step as IteratorResult<unknown>).value;
    }
  } finally {
    if (!done) await it.return?.();
  }
}
