/**
 * A small seeded pseudo-random number generator for synthetic data.
 *
 * The generator is **sfc32** (Chris Doty-Humphrey's "Small Fast Counting"
 * generator from the PractRand suite): 128 bits of state (three mixing words
 * and a 32-bit counter that guarantees a period of at least 2^32), passes
 * PractRand and BigCrush, and needs only 32-bit integer operations, which
 * JavaScript performs exactly. The state is seeded by hashing the seed and a
 * stream number with murmur3's 32-bit finaliser, then discarding the first
 * 12 outputs, so neighbouring seeds (0, 1, 2, ...) and neighbouring streams
 * give unrelated sequences.
 *
 * Determinism: the integer core is bit-exact on every machine. Nothing here
 * reads the clock, `Math.random`, the locale or the time zone. The normal
 * and exponential helpers call `Math.log` and `Math.sqrt`; `Math.sqrt` is
 * correctly rounded by IEEE 754, and `Math.log` is, in V8, the same fdlibm
 * port on every platform. The generator rounds the values it writes (litres
 * to 2 decimals, scores to integers), so a last-bit difference in another
 * engine would almost never reach the output.
 *
 * Not cryptographic: never use it for anything but test data.
 *
 * @module
 */

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers with good avalanche. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Folds a safe integer (both its low and high 32 bits) and an optional
 * stream number into one well-mixed 32-bit value.
 *
 * @param seed - any safe integer
 * @param stream - a second integer, e.g. the patient's index
 * @returns a 32-bit unsigned integer
 */
export function mixSeed(seed: number, stream = 0): number {
  const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
  const streamHigh = Math.floor(stream / 0x1_0000_0000) >>> 0;
  let h = fmix32((seed >>> 0) ^ fmix32(high + 0x9e3779b9));
  h = fmix32(h ^ fmix32(((stream >>> 0) + 0x7f4a7c15) >>> 0) ^ Math.imul(streamHigh, 0x27d4eb2f));
  return h;
}

const TWO_POW_32 = 0x1_0000_0000;

/** A list of `[value, weight]` pairs; weights need not sum to 1. */
export type WeightedEntries<T> = readonly (readonly [T, number])[];

/**
 * A seeded random source: sfc32 plus the sampling helpers the generator
 * needs. Create one with {@link createRng}.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined = undefined;

  /**
   * @param seed - any safe integer
   * @param stream - an independent sub-sequence for the same seed (e.g. the patient index)
   */
  constructor(seed: number, stream = 0) {
    if (!Number.isSafeInteger(seed)) throw new RangeError('Rng seed must be a safe integer');
    if (!Number.isSafeInteger(stream)) throw new RangeError('Rng stream must be a safe integer');
    const s = mixSeed(seed, stream);
    this.a = fmix32(s ^ 0xa0761d65);
    this.b = fmix32(s ^ 0xe7037ed1);
    this.c = fmix32(s ^ 0x8ebc6af0);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer (one sfc32 step). */
  uint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both inclusive (min <= max; otherwise min). */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * One value by weight. For hot paths prefer a precomputed
   * {@link WeightedTable}.
   */
  weighted<T>(entries: WeightedEntries<T>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let x = this.next() * total;
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /**
   * A normal deviate by the Box-Muller transform in Marsaglia's polar form
   * (no trigonometric functions); the second deviate of each pair is kept
   * for the next call.
   */
  normal(mean = 0, sd = 1): number {
    const spare = this.spareNormal;
    if (spare !== undefined) {
      this.spareNormal = undefined;
      return mean + sd * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + sd * u * f;
  }

  /** A normal deviate clamped to [min, max]. */
  normalClamped(mean: number, sd: number, min: number, max: number): number {
    const x = this.normal(mean, sd);
    return x < min ? min : x > max ? max : x;
  }

  /** An exponential deviate with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /**
   * A Poisson count (Knuth's multiplication method: exact arithmetic, fine
   * for the small rates used here).
   */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/**
 * A seeded random source.
 *
 * @param seed - any safe integer
 * @param stream - an independent sub-sequence (the generator uses the patient index)
 * @returns an {@link Rng}; the same arguments always give the same sequence
 * @example
 * ```ts
 * const rng = createRng(2027);
 * rng.int(1, 6); // the same value on every machine
 * ```
 */
export function createRng(seed: number, stream = 0): Rng {
  return new Rng(seed, stream);
}

/** A precomputed weighted distribution: O(log n) sampling without allocation. */
export class WeightedTable<T> {
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: WeightedEntries<T>) {
    if (entries.length === 0) throw new RangeError('WeightedTable needs at least one entry');
    this.values = entries.map(([v]) => v);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      if (!(w >= 0)) throw new RangeError('weights must be non-negative');
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('weights must not all be zero');
    this.total = sum;
  }

  /** One value, drawn by weight. */
  sample(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < (this.cumulative[mid] ?? 0)) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}
