/**
 * readNdjsonLines (issue 13, findings 4 and 5 and the line limit): linear
 * time however the input is chunked (by CPU time of n against 2n), a
 * byte-order mark dropped from strings and bytes, and a maximum line length
 * whose over-long lines are dropped as they stream past and reported by
 * position, never by content.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '@kronikerpakker/core';
import { buildCockpit } from './build';
import {
  DEFAULT_MAX_NDJSON_LINE_LENGTH,
  MAX_NDJSON_LINE_LENGTH_LIMIT,
  NdjsonSplitter,
  isNdjsonLineTooLong,
  readNdjsonLines,
} from './ndjson';
import type { NdjsonLine, NdjsonLineTooLong } from './ndjson';

const FIXTURE = fileURLToPath(new URL('../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url));
const FIXTURE_AS_OF = '2027-01-15';
const fixtureLines = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((l) => l.length > 0)
  .slice(0, 40);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SECRET = 'SECRET-LINE-CONTENT-7d1e';

async function* asyncOf<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

async function collect(source: AsyncIterable<NdjsonLine>): Promise<NdjsonLine[]> {
  const out: NdjsonLine[] = [];
  for await (const line of source) out.push(line);
  return out;
}

/** The chunks of `s` of `size` characters each. */
function* stringChunks(s: string, size: number): Iterable<string> {
  for (let i = 0; i < s.length; i += size) yield s.slice(i, i + size);
}

/** The UTF-8 bytes of `s` in chunks of `size` bytes. */
function byteChunks(s: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(s);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** A plain view of a too-long marker, for toEqual. */
function tooLong(line: number, length: number, maxLineLength: number): NdjsonLineTooLong {
  return { code: 'line-too-long', line, length, maxLineLength };
}

function thrown(fn: () => unknown): KronikerpakkerError {
  try {
    fn();
  } catch (err) {
    expect(KronikerpakkerError.is(err)).toBe(true);
    return err as KronikerpakkerError;
  }
  throw new Error('expected a throw');
}

describe('readNdjsonLines in linear time (issue 13 finding 4)', () => {
  /**
   * The characters `String.prototype.indexOf` searches for a newline while `fn` runs: each character of the
   * input once when linear. Fails fast (throws) once `limit` is passed, so a quadratic reader stops early.
   */
  async function newlineSearches(limit: number, fn: () => Promise<void>): Promise<number> {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- restored below, called with its receiver
    const original = String.prototype.indexOf;
    let searched = 0;
    String.prototype.indexOf = function indexOf(this: string, search: string, position?: number): number {
      const found = original.call(this, search, position);
      if (search === '\n') {
        const from = Math.min(Math.max(position ?? 0, 0), this.length);
        searched += found === -1 ? this.length - from : found + 1 - from;
        if (searched > limit) throw new Error('searched more than the limit: not linear');
      }
      return found;
    };
    try {
      await fn();
    } finally {
      String.prototype.indexOf = original;
    }
    return searched;
  }

  it('searches each character once for a newline: 1 MB line in 100-character chunks, 40 MB line in 64 KiB chunks', async () => {
    for (const [n, size] of [
      [1_000_000, 100],
      [40_000_000, 64 * 1024],
    ] as const) {
      const chunks = [...stringChunks(`${'x'.repeat(n)}\n{}\n`, size)];
      let lines: NdjsonLine[] = [];
      const searched = await newlineSearches(2 * n, async () => {
        lines = await collect(readNdjsonLines(chunks, { maxLineLength: 64 * 1024 * 1024 }));
      });
      expect(lines.map((l) => (typeof l === 'string' ? l.length : l))).toEqual([n, 2]);
      expect(searched).toBe(n + 4);
    }
  });

  // Counted, not timed: CPU-time ratios were flaky on the shared 2-core machines under a parallel test run.
  it('searches each character of an over-long 40 MB line once while dropping it (default limit)', async () => {
    const n = 40_000_000;
    const chunks = [...stringChunks(`${'x'.repeat(n)}\n{}\n`, 64 * 1024)];
    let lines: NdjsonLine[] = [];
    const searched = await newlineSearches(2 * n, async () => {
      lines = await collect(readNdjsonLines(chunks));
    });
    expect(lines).toEqual([tooLong(1, n, DEFAULT_MAX_NDJSON_LINE_LENGTH), '{}']);
    expect(searched).toBe(n + 4);
  });
});

describe('readNdjsonLines drops a byte-order mark from strings and bytes (issue 13 finding 5)', () => {
  it('from string chunks, as createReadStream with encoding utf8 gives', async () => {
    expect(await collect(readNdjsonLines(asyncOf(['\uFEFF{"a":1}\n', '{"b":2}\n'])))).toEqual(['{"a":1}', '{"b":2}']);
    expect(await collect(readNdjsonLines(asyncOf(['', '\uFEFF', 'x\ny'])))).toEqual(['x', 'y']);
  });

  it('from byte chunks, whole or split across chunks byte by byte', async () => {
    const bytes = [0xef, 0xbb, 0xbf, 0x78, 0x0a, 0x79];
    expect(await collect(readNdjsonLines(asyncOf([new Uint8Array(bytes)])))).toEqual(['x', 'y']);
    expect(await collect(readNdjsonLines(asyncOf(bytes.map((b) => new Uint8Array([b])))))).toEqual(['x', 'y']);
    expect(await collect(readNdjsonLines(asyncOf([new Uint8Array(0), new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf, 0x78])])))).toEqual(['x']);
  });

  it('with CRLF line ends, in strings and in bytes, a CRLF split between chunks', async () => {
    const text = '\uFEFFa\r\nb\r\n\r\nc\r';
    const expected = ['a', 'b', '', 'c'];
    for (const size of [1, 2, 3, 100]) {
      expect(await collect(readNdjsonLines(asyncOf([...stringChunks(text, size)])))).toEqual(expected);
      expect(await collect(readNdjsonLines(asyncOf(byteChunks(text, size))))).toEqual(expected);
    }
  });

  it('only at the start of the input: a U+FEFF later is content', async () => {
    expect(await collect(readNdjsonLines(['a\n', '\uFEFFb\n']))).toEqual(['a', '\uFEFFb']);
    expect(await collect(readNdjsonLines(['\uFEFF\uFEFFa']))).toEqual(['\uFEFFa']);
  });

  describe('the cockpit over a file with a BOM read as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-ndjson-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const objects = fixtureLines.map((l) => JSON.parse(l) as unknown);

    it('reads the first record as valid, like the same file read as bytes', async () => {
      const file = join(dir, 'bom.ndjson');
      writeFileSync(file, `\uFEFF${fixtureLines.join('\r\n')}\r\n`, 'utf8');
      const options = { asOf: FIXTURE_AS_OF, profile: 'KOL' } as const;
      const reference = buildCockpit(objects, options);
      const fromText = await buildCockpit(readNdjsonLines(createReadStream(file, { encoding: 'utf8', highWaterMark: 1000 })), options);
      const fromBytes = await buildCockpit(readNdjsonLines(createReadStream(file, { highWaterMark: 1000 })), options);
      expect(fromText.population.invalid).toBe(0);
      expect(fromText).toEqual(reference);
      expect(fromBytes).toEqual(reference);
    });
  });
});

describe('readNdjsonLines maxLineLength', () => {
  it('defaults to 16 MiB of characters, accepts up to 256 MiB', () => {
    expect(DEFAULT_MAX_NDJSON_LINE_LENGTH).toBe(16_777_216);
    expect(MAX_NDJSON_LINE_LENGTH_LIMIT).toBe(268_435_456);
  });

  it('yields a line of exactly the limit and marks one character more, by line number and length', async () => {
    const at = 'a'.repeat(10);
    const over = 'b'.repeat(11);
    for (const size of [1, 3, 10, 11, 12, 100]) {
      const text = `${at}\n${over}\n\n${at}\r\n${over}\r\n${at}`;
      const expected = [at, tooLong(2, 11, 10), '', at, tooLong(5, 11, 10), at];
      expect(await collect(readNdjsonLines([...stringChunks(text, size)], { maxLineLength: 10 }))).toEqual(expected);
      expect(await collect(readNdjsonLines(byteChunks(text, size), { maxLineLength: 10 }))).toEqual(expected);
    }
  });

  it('counts characters, not bytes, and not the line end', async () => {
    const danish = 'æøå'.repeat(4); // 12 characters, 24 bytes
    expect(await collect(readNdjsonLines(byteChunks(`${danish}\r\n`, 5), { maxLineLength: 12 }))).toEqual([danish]);
    expect(await collect(readNdjsonLines(byteChunks(`${danish}\r\n`, 5), { maxLineLength: 11 }))).toEqual([tooLong(1, 12, 11)]);
    // A last line without a newline, over the limit, and a lone \r at the end.
    expect(await collect(readNdjsonLines(['ab', 'c\r'], { maxLineLength: 2 }))).toEqual([tooLong(1, 3, 2)]);
    expect(await collect(readNdjsonLines(['ab', '\r'], { maxLineLength: 2 }))).toEqual(['ab']);
  });

  it('agrees with a plain split for any text, chunking and limit (property)', async () => {
    const char = fc.constantFrom('a', 'é', '\n', '\r', ' ', '{', '😀', '\uFEFF');
    await fc.assert(
      fc.asyncProperty(
        fc.array(char, { maxLength: 200 }).map((cs) => cs.join('')),
        fc.integer({ min: 1, max: 17 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        async (text, size, max, bytes) => {
          const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
          const raw = body.split('\n');
          if (raw[raw.length - 1] === '') raw.pop();
          const expected = raw.map((l, i) => {
            const line = l.endsWith('\r') ? l.slice(0, -1) : l;
            return line.length > max ? tooLong(i + 1, line.length, max) : line;
          });
          const chunks = bytes ? byteChunks(text, size) : [...stringChunks(text, size)];
          expect(await collect(readNdjsonLines(chunks, { maxLineLength: max }))).toEqual(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('holds at most maxLineLength + 1 characters of an unfinished line: a longer one is dropped as it streams past', () => {
    const max = 1000;
    const splitter = new NdjsonSplitter(max);
    const out: NdjsonLine[] = [];
    let most = 0;
    for (let i = 0; i < 10_000; i++) {
      splitter.push('y'.repeat(100), out);
      most = Math.max(most, splitter.buffered);
    }
    expect(most).toBeLessThanOrEqual(max + 1);
    expect(splitter.buffered).toBe(0);
    splitter.push('\nnext', out);
    splitter.end(out);
    expect(out).toEqual([tooLong(1, 1_000_000, max), 'next']);
  });

  it('never puts the content of an over-long line in the marker', async () => {
    const [marker] = await collect(readNdjsonLines([`{"id":"${SECRET}","cpr":"0101904321"}\n`], { maxLineLength: 8 }));
    expect(isNdjsonLineTooLong(marker)).toBe(true);
    expect(JSON.stringify(marker)).not.toContain(SECRET);
    expect(JSON.stringify(marker)).not.toContain('0101904321');
    expect(Object.isFrozen(marker)).toBe(true);
  });

  it('isNdjsonLineTooLong recognises only its markers and never throws', () => {
    expect(isNdjsonLineTooLong({ code: 'line-too-long', line: 1, length: 2, maxLineLength: 1 })).toBe(false);
    expect(isNdjsonLineTooLong('line-too-long')).toBe(false);
    expect(isNdjsonLineTooLong(null)).toBe(false);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error(SECRET);
        },
      },
    );
    expect(isNdjsonLineTooLong(hostile)).toBe(false);
  });
});

describe('the cockpit over readNdjsonLines with over-long lines', () => {
  const options = { asOf: FIXTURE_AS_OF, profile: 'KOL' } as const;
  const good = fixtureLines[0] as string;
  const max = good.length + 10;
  const atLimit = good + ' '.repeat(10);
  const overLimit = good + ' '.repeat(11);
  const secretLine = `{"id":"${SECRET}","patient":{"cpr":"0101904321"},"pad":"${'z'.repeat(max)}"}`;

  it('counts a line one character over the limit as invalid line-too-long at its position and goes on', async () => {
    const text = [good, overLimit, atLimit, 'not json', '', secretLine, good].join('\n');
    const cockpit = await buildCockpit(readNdjsonLines(asyncOf(byteChunks(text, 64)), { maxLineLength: max }), options);
    expect(cockpit.population).toMatchObject({ records: 6, valid: 3, invalid: 3 });
    expect(cockpit.invalid.byCode).toEqual({ 'invalid-json': 1, 'line-too-long': 2 });
    expect(cockpit.invalid.entries).toEqual([
      { position: 2, codes: ['line-too-long'], paths: [] },
      { position: 4, codes: ['invalid-json'], paths: [] },
      { position: 6, codes: ['line-too-long'], paths: [] },
    ]);
  });

  it('puts no content of an over-long line in the cockpit', async () => {
    const cockpit = await buildCockpit(readNdjsonLines([secretLine, '\n', good], { maxLineLength: max }), { ...options, retainRows: true });
    const json = JSON.stringify(cockpit);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain('0101904321');
    expect(cockpit.invalid.entries).toEqual([{ position: 1, codes: ['line-too-long'], paths: [] }]);
  });

  it('reads lines of the fixture under the default limit as before', async () => {
    const cockpit = await buildCockpit(readNdjsonLines(byteChunks(`${fixtureLines.join('\n')}\n`, 4096)), options);
    expect(cockpit).toEqual(buildCockpit(fixtureLines, options));
    expect(cockpit.population.invalid).toBe(0);
  });
});

describe('readNdjsonLines arguments', () => {
  it('checks the source and the options when called, with a code and a path and no input value', () => {
    for (const source of [null, undefined, 42, '0101904321', { foo: 1 }]) {
      const err = thrown(() => readNdjsonLines(source as never));
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.path).toEqual(['source']);
      expect(`${err.message} ${String(err.stack)} ${JSON.stringify(err)}`).not.toContain('0101904321');
    }
    expect(thrown(() => readNdjsonLines([], null as never)).path).toEqual(['options']);
    for (const maxLineLength of [0, -1, 1.5, Number.NaN, Infinity, MAX_NDJSON_LINE_LENGTH_LIMIT + 1, '10', null]) {
      const err = thrown(() => readNdjsonLines([], { maxLineLength: maxLineLength as never }));
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.path).toEqual(['options', 'maxLineLength']);
    }
    expect(() => readNdjsonLines([], { maxLineLength: MAX_NDJSON_LINE_LENGTH_LIMIT })).not.toThrow();
  });

  it('rejects a chunk that is neither a string nor bytes by its index, without its value', async () => {
    const err = await collect(readNdjsonLines(asyncOf<unknown>(['a\n', 101904321, 'b']) as AsyncIterable<string>)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(KronikerpakkerError.is(err)).toBe(true);
    const e = err as KronikerpakkerError;
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.path).toEqual(['source', 1]);
    expect(`${e.message} ${String(e.stack)} ${JSON.stringify(e)}`).not.toContain('101904321');
  });

  it('reads a sync iterable of chunks too', async () => {
    expect(await collect(readNdjsonLines(['a\nb', 'c']))).toEqual(['a', 'bc']);
  });
});
