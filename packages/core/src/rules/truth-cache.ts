/**
 * Outcomes that follow from a pack's rule truths alone, kept by truth
 * vector. A clinic's patients fall into a few dozen truth combinations per
 * pack, so a status, a level range or a list of fixed reasons worked out for
 * one patient serves every other patient with the same truths. Only values
 * that carry no patient data may be kept here, and they are shared: freeze
 * them.
 *
 * @module
 */
import type { Truth } from './evaluate';

/** Rules numbered into one key: 3^18 < 2^30, so each key stays a small integer, which a Map finds fastest. */
const RULES_PER_KEY = 18;
/** Packs with more rules than this are not kept (two keys' worth). */
const MAX_RULES = 2 * RULES_PER_KEY;

function digit(t: Truth | undefined): number {
  return t === 'true' ? 1 : t === 'unknown' ? 2 : 0;
}

/**
 * Values kept by the truths of a pack's rules (base 3, 18 rules to a key).
 * Bounded: once full it stops growing (it is never evicted), and packs of
 * more than 36 rules are not kept at all; `get` then misses and the caller
 * works the value out as usual.
 *
 * @internal
 * @example
 * ```ts
 * const cache = new TruthVectorCache<Outcome>();
 * let outcome = cache.get(evaluation.truths);
 * if (outcome === undefined) cache.set(evaluation.truths, (outcome = Object.freeze(workOut(evaluation))));
 * ```
 */
export class TruthVectorCache<V> {
  readonly #maps = new Map<number, Map<number, V>>();
  readonly #max: number;
  #size = 0;

  /** @param max - how many values to keep at most (default 4,096) */
  constructor(max = 4096) {
    this.#max = max;
  }

  /** How many values are kept. */
  get size(): number {
    return this.#size;
  }

  /**
   * The value kept for these truths.
   *
   * @param truths - a pack evaluation's truths, in rule order
   * @returns the value, or `undefined`
   */
  get(truths: readonly Truth[]): V | undefined {
    const n = truths.length;
    if (n > MAX_RULES) return undefined;
    let low = 0;
    for (let i = n > RULES_PER_KEY ? RULES_PER_KEY : 0; i < n; i++) low = low * 3 + digit(truths[i]);
    return this.#maps.get(n > RULES_PER_KEY ? highKey(truths) : 0)?.get(low);
  }

  /**
   * Keeps a value for these truths (nothing happens when the cache is full or
   * the pack has too many rules).
   *
   * @param truths - a pack evaluation's truths, in rule order
   * @param value - the value; shared by every later `get` with these truths
   */
  set(truths: readonly Truth[], value: V): void {
    const n = truths.length;
    if (n > MAX_RULES || this.#size >= this.#max) return;
    let low = 0;
    for (let i = n > RULES_PER_KEY ? RULES_PER_KEY : 0; i < n; i++) low = low * 3 + digit(truths[i]);
    const high = n > RULES_PER_KEY ? highKey(truths) : 0;
    let map = this.#maps.get(high);
    if (map === undefined) {
      map = new Map();
      this.#maps.set(high, map);
    }
    if (!map.has(low)) this.#size++;
    map.set(low, value);
  }
}

function highKey(truths: readonly Truth[]): number {
  let high = 0;
  for (let i = 0; i < RULES_PER_KEY; i++) high = high * 3 + digit(truths[i]);
  return high;
}
