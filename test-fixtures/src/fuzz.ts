/**
 * Property-based fuzzing of the SDK's public entry points (tests only):
 * adversarial arbitraries for fast-check, and the checks every entry point
 * must pass whatever it is given. See docs/privacy-and-errors.md.
 *
 * - Arbitraries: wrong types, `__proto__` / `constructor` / `prototype` keys,
 *   overwritten `constructor` properties, null prototypes, Symbols (as values
 *   and keys), BigInts, functions, invalid `Date`s, impossible date strings,
 *   deep nesting (up to 20,000 levels), huge strings and arrays (bounded for
 *   CI), and marker strings and CPR-shaped values in every field.
 * - Checks: a thrown value is a `KronikerpakkerError` (any copy of the SDK)
 *   with a code from the closed union and a path of keys and indices; a
 *   `safe*` or never-throw function does not throw; and no marker or CPR ever
 *   appears in an error's `message`, `String(err)`, `JSON.stringify(err)` or
 *   `err.stack`.
 * - Runs: a few hundred per entry point by default; `FUZZ_RUNS=20000` (any
 *   positive integer) sets the runs of every property for a long local run,
 *   `FUZZ_SEED` replays a seed fast-check reported.
 *
 * SYNTHETIC DATA ONLY: the CPR-shaped values are `0101904321` and
 * `010190-4321` (1 January 1990, serial 4321), used as markers, never a
 * real person's number.
 *
 * @module
 */
import fc from 'fast-check';
import { ERROR_CODES, KronikerpakkerError } from '@kronikerpakker/core';

/** A marker string: if it surfaces in an error, an input value leaked. */
export const FUZZ_MARKER = 'MARKER-7f3a';
/** CPR-shaped markers (synthetic: 1 January 1990, serial 4321), with and without the hyphen. */
export const FUZZ_CPRS = ['0101904321', '010190-4321'] as const;
/** Marker numbers: the CPR as a number (leading zero lost) and a plain marker. */
export const FUZZ_MARKER_NUMBERS = [101904321, 73573573, -73573573, 73573573.5] as const;

/** The substrings (lower-cased) that must never appear in an error's text. */
const NEEDLES = ['marker-7f3a', '101904321', '010190-4321', '73573573'] as const;

/**
 * The runs of one property: `FUZZ_RUNS` when set (a positive integer), else `defaultRuns`.
 *
 * @param defaultRuns - the runs for CI
 * @returns the number of runs
 * @example
 * ```ts
 * fc.assert(property, fuzzParameters(300));
 * ```
 */
export function fuzzRuns(defaultRuns: number): number {
  const raw = process.env['FUZZ_RUNS'];
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : defaultRuns;
}

/**
 * Whether a long run was asked for (`FUZZ_RUNS` set).
 *
 * @returns true when `FUZZ_RUNS` is a positive integer
 */
export function isLongFuzzRun(): boolean {
  return fuzzRuns(0) > 0;
}

/**
 * fast-check parameters for one property: the runs (see {@link fuzzRuns})
 * and, when `FUZZ_SEED` is set, that seed.
 *
 * @param defaultRuns - the runs for CI
 * @returns parameters for `fc.assert`
 * @example
 * ```ts
 * fc.assert(fc.property(hostileValue(), (v) => expectCoded(() => f(v))), fuzzParameters(300));
 * ```
 */
export function fuzzParameters<T>(defaultRuns: number): fc.Parameters<T> {
  const seed = process.env['FUZZ_SEED'];
  const parsed = seed === undefined ? Number.NaN : Number(seed);
  return Number.isSafeInteger(parsed) ? { numRuns: fuzzRuns(defaultRuns), seed: parsed } : { numRuns: fuzzRuns(defaultRuns) };
}

/**
 * The timeout of one fuzz test: generous by default, none to speak of in a long run.
 *
 * @param defaultMs - the timeout for CI
 * @returns milliseconds
 */
export function fuzzTimeout(defaultMs = 60_000): number {
  return isLongFuzzRun() ? 24 * 3600 * 1000 : defaultMs;
}

// ---------------------------------------------------------------------------
// Building hostile values

/** Prints a big value briefly in fast-check's reports (a 20,000-deep value would not print). */
function labelled<T extends object>(value: T, label: string): T {
  Reflect.defineProperty(value, fc.toStringMethod, { value: () => label, enumerable: false, configurable: true });
  return value;
}

/** An object with the given own, enumerable entries; `__proto__` becomes an own key (as `JSON.parse` makes it). */
export function objectOf(entries: readonly (readonly [PropertyKey, unknown])[], nullPrototype = false): Record<PropertyKey, unknown> {
  const o: Record<PropertyKey, unknown> = nullPrototype ? (Object.create(null) as Record<PropertyKey, unknown>) : {};
  for (const [k, v] of entries) define(o, k, v);
  return o;
}

/**
 * A value nested `depth` levels deep (arrays, objects or `{ item: [...] }`
 * chains), built without recursion.
 *
 * @param depth - the levels
 * @param kind - how each level wraps the next
 * @param inner - the innermost value
 * @returns the nested value
 */
export function deepValue(depth: number, kind: 'array' | 'object' | 'item' | 'not', inner: unknown = FUZZ_MARKER): unknown {
  let v: unknown = inner;
  for (let i = 0; i < depth; i++) {
    if (kind === 'array') v = [v];
    else if (kind === 'object') v = { a: v };
    else if (kind === 'item') v = { linkId: 'g', item: [v] };
    else v = { not: v };
  }
  return typeof v === 'object' && v !== null ? labelled(v, `deepValue(${String(depth)}, ${kind})`) : v;
}

/** The marker strings: the marker, the CPRs, and each embedded in other text. */
export const markerString: fc.Arbitrary<string> = fc.constantFrom(
  FUZZ_MARKER,
  ...FUZZ_CPRS,
  ` ${FUZZ_CPRS[0]} `,
  `${FUZZ_MARKER}-${FUZZ_CPRS[1]}`,
  `x${FUZZ_MARKER}`,
  `urn:${FUZZ_MARKER}`,
  `Patient/${FUZZ_CPRS[0]}`,
  `2027-01-15${FUZZ_MARKER}`,
  `${FUZZ_CPRS[0]}|1.0`,
  FUZZ_MARKER.toLowerCase(),
);

/** The marker numbers. */
export const markerNumber: fc.Arbitrary<number> = fc.constantFrom(...FUZZ_MARKER_NUMBERS);

/** Date strings that are malformed, impossible or extreme. */
export const oddDateString: fc.Arbitrary<string> = fc.constantFrom(
  '2026-02-30',
  '2027-13-01',
  '2027-00-10',
  '0000-00-00',
  '9999-12-31',
  '0000-01-01',
  '2027-1-5',
  '15-01-2027',
  '2027-01-15T25:00:00Z',
  '2027-01-15T10:00:00+01:00',
  '2027',
  '2027-01',
  '+2027-01-15',
  '2027-01-15 ',
  '２０２７-01-15',
  '',
);

/** Keys that trip naive code: prototype keys, method names, markers. */
export const oddKey: fc.Arbitrary<string> = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'toJSON',
  'then',
  'length',
  '',
  FUZZ_MARKER,
  FUZZ_CPRS[0],
  FUZZ_CPRS[1],
);

/** Strings that are big (bounded for CI; larger in a long run). */
export function hugeString(): fc.Arbitrary<string> {
  const max = isLongFuzzRun() ? 2_000_000 : 200_000;
  return fc
    .tuple(fc.integer({ min: 10_000, max }), fc.constantFrom(FUZZ_MARKER, 'x', FUZZ_CPRS[0], '\u0000', '😀', '<', '"'))
    .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));
}

/** Arrays that are big (bounded for CI). */
export function hugeArray(): fc.Arbitrary<unknown[]> {
  const max = isLongFuzzRun() ? 50_000 : 5_000;
  return fc.tuple(fc.integer({ min: 1_000, max }), fc.constantFrom<unknown>(FUZZ_MARKER, 0, null, {}, [], FUZZ_CPRS[0])).map(([n, v]) => labelled(new Array<unknown>(n).fill(v), `hugeArray(${String(n)})`));
}

/** Deeply nested values (100 to 20,000 levels). */
export const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom<'array' | 'object' | 'item' | 'not'>('array', 'object', 'item', 'not'))
  .map(([depth, kind]) => deepValue(depth, kind));

/** Primitive and near-primitive values of every type, markers included. */
export const oddLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: markerString },
  { weight: 2, arbitrary: markerNumber },
  { weight: 2, arbitrary: oddDateString },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 1, -1, 2 ** 53, 1e308, 5e-324) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.constantFrom(Symbol(FUZZ_MARKER), Symbol.iterator, Symbol.for(FUZZ_CPRS[0])) },
  // Invalid and extreme Date objects from explicit time values (never the clock: test-fixtures stay deterministic).
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 8.64e15, -8.64e15).map((t): unknown => Reflect.construct(Date, [t])) },
  { weight: 1, arbitrary: fc.constant(() => FUZZ_MARKER) },
);

/** Defines an own, enumerable property; skipped when the key cannot take the value (an array's `length`). */
function define(target: object, key: PropertyKey, value: unknown): void {
  try {
    Reflect.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } catch {
    // a RangeError for an invalid array length: the mutation is left out
  }
}

/**
 * Array-likes: objects with a `length` that is not a usable number (a
 * null-prototype object or a Symbol, which zod's length checks cannot
 * compare; a marker; a negative or huge number).
 */
export const arrayLike: fc.Arbitrary<unknown> = fc
  .constantFrom<() => unknown>(
    () => Object.create(null) as object,
    () => Symbol(FUZZ_MARKER),
    () => FUZZ_MARKER,
    () => -1,
    () => 2 ** 32,
    () => ({ valueOf: () => FUZZ_CPRS[0] }),
  )
  .chain((make) => fc.oneof(fc.constant(make()), hostileValue(1)).map((item) => objectOf([['length', make()], ['0', item]], false)));

/** An object whose `constructor` property (own, enumerable) is overwritten with `value`. */
function withConstructor(base: object, value: unknown): object {
  define(base, 'constructor', value);
  // fast-check's report maps arrays with `.map`, which an overwritten constructor breaks: print it by hand.
  if (Array.isArray(base) && !Object.hasOwn(base, fc.toStringMethod)) {
    const list = base as unknown[];
    Reflect.defineProperty(base, fc.toStringMethod, {
      value: () => `Object.assign(${fc.stringify(Array.from(list))}, { constructor: ${fc.stringify(value)} })`,
      enumerable: false,
      configurable: true,
    });
  }
  return base;
}

/**
 * Hostile values of any shape, nested a few levels: every leaf kind of
 * {@link oddLeaf}, objects with odd keys (own `__proto__` included), null
 * prototypes, symbol keys, arrays and objects with an overwritten
 * `constructor`, and (rarely) deep nesting, huge strings and huge arrays.
 *
 * @param maxDepth - the nesting of the ordinary containers (default 3)
 * @returns the arbitrary
 */
export function hostileValue(maxDepth = 3): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      { weight: 6, arbitrary: oddLeaf },
      { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.array(fc.tuple(fc.oneof(oddKey, fc.string({ maxLength: 6 })), tie('value')), { maxLength: 4 }), fc.boolean())
          .map(([entries, nullProto]) => objectOf(entries, nullProto)),
      },
      { weight: 1, arbitrary: fc.tuple(tie('value'), oddLeaf).map(([v, c]) => withConstructor(Array.isArray(v) ? v : [v], c)) },
      { weight: 1, arbitrary: fc.tuple(tie('value'), oddLeaf).map(([v, c]) => withConstructor({ a: v }, c)) },
      { weight: 1, arbitrary: tie('value').map((v) => objectOf([[Symbol(FUZZ_MARKER), v], [Symbol.iterator, v]])) },
      { weight: 1, arbitrary: arrayLike },
      { weight: 1, arbitrary: deepNesting },
      { weight: 1, arbitrary: hugeString() },
      { weight: 1, arbitrary: hugeArray() },
    ),
  }));
  return value;
}

// ---------------------------------------------------------------------------
// Mutating valid values

/** One change to a valid value, at a path chosen by `steps` (indices into the keys met on the way). */
export interface Mutation {
  /** At each level, which child to descend into (modulo the number of children). */
  readonly steps: readonly number[];
  /** What to do at the node reached. */
  readonly op: 'replace' | 'add-key' | 'delete' | 'constructor' | 'wrap' | 'null-prototype';
  /** The key for `add-key`. */
  readonly key: string;
  /** The new value. */
  readonly value: unknown;
}

/**
 * Mutations of valid values: replace a node with a hostile value, add an
 * odd key, delete a key, overwrite `constructor`, wrap a node in an array,
 * or give an object a null prototype.
 *
 * @param values - the hostile values to put in (default {@link hostileValue})
 * @returns the arbitrary
 */
export function mutation(values: fc.Arbitrary<unknown> = hostileValue(2)): fc.Arbitrary<Mutation> {
  return fc.record({
    steps: fc.array(fc.nat(64), { maxLength: 7 }),
    op: fc.constantFrom<Mutation['op']>('replace', 'replace', 'replace', 'add-key', 'delete', 'constructor', 'wrap', 'null-prototype'),
    key: fc.oneof(oddKey, fc.string({ maxLength: 6 })),
    value: values,
  });
}

/** A deep copy of JSON-like data (plain objects and arrays); other values are kept as they are. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneJson(v)) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneJson(v);
    return out as T;
  }
  return value;
}

function childKeys(node: unknown): (string | number)[] {
  // By index: the node may be an array whose constructor was overwritten by an earlier mutation.
  if (Array.isArray(node)) {
    const keys: number[] = [];
    for (let i = 0; i < (node as unknown[]).length; i++) keys.push(i);
    return keys;
  }
  if (typeof node === 'object' && node !== null) return Object.keys(node);
  return [];
}

/**
 * Applies mutations to a copy of a JSON-like value (the original is left alone).
 *
 * @param base - the valid value
 * @param mutations - the changes, in order
 * @returns the mutated copy
 */
export function applyMutations(base: unknown, mutations: readonly Mutation[]): unknown {
  const root = { value: cloneJson(base) } as Record<string | number, unknown>;
  for (const m of mutations) {
    let parent: Record<string | number, unknown> = root;
    let key: string | number = 'value';
    for (const step of m.steps) {
      const node = parent[key];
      const keys = childKeys(node);
      if (keys.length === 0) break;
      parent = node as Record<string | number, unknown>;
      key = keys[step % keys.length] as string | number;
    }
    const node = parent[key];
    switch (m.op) {
      case 'replace':
        parent[key] = m.value;
        break;
      case 'add-key':
        if (typeof node === 'object' && node !== null) define(node, m.key, m.value);
        else parent[key] = m.value;
        break;
      case 'delete':
        if (parent !== root) {
          // In an array this leaves a hole: a sparse array is one more odd input.
          Reflect.deleteProperty(parent, key);
        }
        break;
      case 'constructor':
        if (typeof node === 'object' && node !== null) withConstructor(node, m.value);
        else parent[key] = m.value;
        break;
      case 'wrap':
        parent[key] = [node];
        break;
      case 'null-prototype':
        if (typeof node === 'object' && node !== null && !Array.isArray(node)) parent[key] = Object.assign(Object.create(null) as object, node);
        break;
    }
  }
  return root['value'];
}

/**
 * Replaces leaves of a JSON-like value with markers: each string leaf, with
 * probability `share`, by a marker string or CPR; each number by a marker
 * number. Keys are kept. Deterministic in `seed`.
 *
 * @param base - the valid value
 * @param seed - the choice of leaves
 * @param share - the share of leaves replaced (0 to 1)
 * @returns the marked copy
 */
export function markLeaves(base: unknown, seed: number, share = 0.5): unknown {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: a tiny deterministic generator, enough to pick leaves.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const strings = [FUZZ_MARKER, ...FUZZ_CPRS, `${FUZZ_MARKER} ${FUZZ_CPRS[1]}`];
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return next() < share ? strings[Math.floor(next() * strings.length)] : v;
    if (typeof v === 'number') return next() < share / 2 ? FUZZ_MARKER_NUMBERS[Math.floor(next() * FUZZ_MARKER_NUMBERS.length)] : v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(base);
}

/**
 * Inputs built from a valid value: the value with every leaf possibly a
 * marker (see {@link markLeaves}), then up to three {@link mutation}s.
 *
 * @param base - a valid input (a record, a Bundle, a pack, ...)
 * @returns the arbitrary
 */
export function mutatedFrom(base: unknown): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.integer(), fc.constantFrom(0, 0.1, 0.5, 1), fc.array(mutation(), { maxLength: 3 }))
    .map(([seed, share, mutations]) => applyMutations(share === 0 ? base : markLeaves(base, seed, share), mutations));
}

/**
 * A value as one NDJSON line: its JSON, or (for a value JSON cannot write:
 * a BigInt, a cycle, very deep nesting) a broken line holding a marker.
 *
 * @param value - the value
 * @returns one line, without a line end (line ends inside are escaped by JSON)
 */
export function jsonLine(value: unknown): string {
  try {
    // undefined for undefined, a function or a symbol, whatever the lib types say.
    const text = JSON.stringify(value) as string | undefined;
    return text ?? 'undefined';
  } catch {
    return `{"id":"${FUZZ_MARKER}","patient":`;
  }
}

/**
 * NDJSON lines: mutated valid records as JSON, broken and blank lines, a
 * byte-order mark, JSON nested 20,000 levels deep, and big lines.
 *
 * @param bases - valid records
 * @returns the arbitrary
 */
export function ndjsonLine(bases: readonly unknown[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...bases).chain(mutatedFrom).map(jsonLine) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        '   ',
        '{',
        '}',
        '\uFEFF{}',
        '\uFEFF',
        'null',
        '[]',
        '0',
        `"${FUZZ_CPRS[0]}"`,
        `{"id":"${FUZZ_MARKER}"}`,
        `{"__proto__":{"id":"${FUZZ_MARKER}"},"constructor":{"prototype":null}}`,
        `{"id":"x","patient":{"cpr":"${FUZZ_CPRS[1]}","birthDate":"1990-01-01","sex":"female","listed":true}}`,
        '\r',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => `{"id":${'['.repeat(n)}${']'.repeat(n)}}`) },
    { weight: 1, arbitrary: hostileValue(2).map(jsonLine) },
    { weight: 1, arbitrary: hugeString().map((h) => `{"id":${JSON.stringify(h)}}`) },
  );
}

// ---------------------------------------------------------------------------
// Checks

/** How strictly a text is searched for input values. */
export interface LeakOptions {
  /**
   * Allow the marker in the lower-case identifier form (`marker-7f3a`): for
   * rule packs, whose errors name a pack id and a rule name when they have
   * the form of an identifier (pack content, not patient data; see
   * docs/privacy-and-errors.md). The upper-case marker and the CPRs are still
   * never allowed, and they can never have that form.
   */
  readonly identifiers?: boolean;
}

/**
 * The first marker or CPR found in a text, if any (case-insensitive).
 *
 * @param text - the text to search
 * @param options - whether identifier-form markers are allowed
 * @returns the needle found, or undefined
 */
export function leakIn(text: string, options: LeakOptions = {}): string | undefined {
  const lower = text.toLowerCase();
  if (options.identifiers === true) {
    // The marker counts only where it is not the lower-case identifier itself.
    const found = NEEDLES.find((n) => n !== 'marker-7f3a' && lower.includes(n));
    if (found !== undefined) return found;
    return lower.split('marker-7f3a').length - 1 > text.split('marker-7f3a').length - 1 ? 'marker-7f3a' : undefined;
  }
  return NEEDLES.find((n) => lower.includes(n));
}

function describeCaught(err: unknown): string {
  // The message is shown in the failure (its values are the synthetic markers), with the first frame.
  if (err instanceof Error) return `${err.name}: ${err.message.slice(0, 200)} at ${(err.stack ?? '').split('\n')[1]?.trim() ?? '?'}`;
  return `a thrown ${typeof err}`;
}

/**
 * Checks an error the SDK produced (thrown or returned): a
 * `KronikerpakkerError` of any copy of the SDK, a code from the closed
 * union, a path of keys and indices, and no marker or CPR in its message,
 * `String(err)`, `JSON.stringify(err)` or stack. Throws (failing the
 * property) otherwise.
 *
 * @param err - what was caught or returned
 * @param where - the entry point, for the failure message
 */
export function assertCleanError(err: unknown, where: string, options: LeakOptions = {}): void {
  if (!KronikerpakkerError.is(err)) throw new Error(`${where}: threw ${describeCaught(err)}, not a KronikerpakkerError`);
  if (!ERROR_CODES.includes(err.code)) throw new Error(`${where}: error code outside the closed union`);
  if (!Array.isArray(err.path) || !err.path.every((p) => typeof p === 'string' || typeof p === 'number')) {
    throw new Error(`${where}: error path is not a list of keys and indices`);
  }
  let json: string;
  try {
    json = JSON.stringify(err);
  } catch {
    throw new Error(`${where}: JSON.stringify(error) threw`);
  }
  const texts: readonly (readonly [string, string])[] = [
    ['message', err.message],
    ['String(err)', String(err)],
    ['JSON.stringify(err)', json],
    ['stack', err.stack ?? ''],
  ];
  for (const [name, text] of texts) {
    const leak = leakIn(text, options);
    // The text is shown in the failure: its values are the synthetic markers.
    if (leak !== undefined) throw new Error(`${where}: ${name} of a ${err.code} error holds an input value (${leak}): ${text.slice(0, 400)}`);
  }
}

/**
 * Checks a result that may hold an error (`{ success: false, error }` or
 * `{ error }`): the error must pass {@link assertCleanError}.
 *
 * @param result - what a function returned
 * @param where - the entry point
 * @param options - see {@link LeakOptions}
 */
export function assertCleanResult(result: unknown, where: string, options: LeakOptions = {}): void {
  if (typeof result === 'object' && result !== null && 'error' in result) {
    const error = (result as { error?: unknown }).error;
    if (error !== undefined) assertCleanError(error, `${where} (returned error)`, options);
  }
}

/**
 * Calls an entry point that may throw: it returns, or throws a clean coded
 * error (see {@link assertCleanError}). A returned error result is checked too.
 *
 * @param fn - the call
 * @param where - the entry point
 * @param options - see {@link LeakOptions}
 * @returns the result, or undefined when it threw a clean error
 * @example
 * ```ts
 * fc.assert(fc.property(hostileValue(), (v) => { expectCodedOrResult(() => parsePatientRecord(v, { asOf }), 'parsePatientRecord'); }));
 * ```
 */
export function expectCodedOrResult(fn: () => unknown, where: string, options: LeakOptions = {}): unknown {
  let result: unknown;
  try {
    result = fn();
  } catch (err) {
    assertCleanError(err, where, options);
    return undefined;
  }
  assertCleanResult(result, where, options);
  return result;
}

/**
 * {@link expectCodedOrResult} for an async entry point (a rejection is checked like a throw).
 *
 * @param fn - the call
 * @param where - the entry point
 * @returns the result, or undefined when it rejected with a clean error
 */
export async function expectCodedOrResultAsync(fn: () => unknown, where: string): Promise<unknown> {
  let result: unknown;
  try {
    result = await fn();
  } catch (err) {
    assertCleanError(err, where);
    return undefined;
  }
  assertCleanResult(result, where);
  return result;
}

/**
 * Calls a `safe*` or never-throw entry point: it must return (any throw
 * fails), and a returned error must be clean.
 *
 * @param fn - the call
 * @param where - the entry point
 * @returns the result
 */
export function expectNoThrow(fn: () => unknown, where: string): unknown {
  let result: unknown;
  try {
    result = fn();
  } catch (err) {
    throw new Error(`${where}: must never throw, threw ${describeCaught(err)}${KronikerpakkerError.is(err) ? ` ${err.code}` : ''}`, { cause: err });
  }
  assertCleanResult(result, where);
  return result;
}

/**
 * {@link expectNoThrow} for an async entry point: it must resolve.
 *
 * @param fn - the call
 * @param where - the entry point
 * @returns the result
 */
export async function expectNoThrowAsync(fn: () => unknown, where: string): Promise<unknown> {
  let result: unknown;
  try {
    result = await fn();
  } catch (err) {
    throw new Error(`${where}: must never reject, rejected with ${describeCaught(err)}${KronikerpakkerError.is(err) ? ` ${err.code}` : ''}`, { cause: err });
  }
  assertCleanResult(result, where);
  return result;
}
