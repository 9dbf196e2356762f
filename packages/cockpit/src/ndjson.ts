/**
 * Splitting a stream of text or bytes into NDJSON lines, in Node and in a
 * browser, in linear time and with a maximum line length.
 *
 * @module
 */
import { KronikerpakkerError, assertOptionsObject } from '@kronikerpakker/core';

/**
 * The default maximum length of one NDJSON line: 16 MiB of characters
 * (16,777,216 UTF-16 code units, line end not counted). A patient record is
 * a few KB (the largest of the 500-record fixture is about 4 KB), so the
 * default leaves a margin of thousands while a line, however long, can
 * never hold more than about 32 MB of memory (plus its `JSON.parse`).
 *
 * @example
 * ```ts
 * DEFAULT_MAX_NDJSON_LINE_LENGTH; // 16777216
 * ```
 */
export const DEFAULT_MAX_NDJSON_LINE_LENGTH = 16 * 1024 * 1024;

/**
 * The largest `maxLineLength` accepted: 256 MiB of characters, well below
 * the longest string any JavaScript engine can hold (about 512 Mi in V8).
 *
 * @example
 * ```ts
 * readNdjsonLines(stream, { maxLineLength: MAX_NDJSON_LINE_LENGTH_LIMIT });
 * ```
 */
export const MAX_NDJSON_LINE_LENGTH_LIMIT = 256 * 1024 * 1024;

/** Options of {@link readNdjsonLines}. */
export interface ReadNdjsonLinesOptions {
  /**
   * The longest line read, in characters (UTF-16 code units) without the
   * line end: an integer from 1 to {@link MAX_NDJSON_LINE_LENGTH_LIMIT}.
   * Default {@link DEFAULT_MAX_NDJSON_LINE_LENGTH} (16 MiB). A longer line is
   * not kept: it is yielded as an {@link NdjsonLineTooLong}.
   */
  readonly maxLineLength?: number;
}

/**
 * What {@link readNdjsonLines} yields in place of a line longer than
 * `maxLineLength`: its line number and length, never its content. The
 * cockpit counts it as an invalid record with code `line-too-long` at that
 * position and goes on. Recognise it with {@link isNdjsonLineTooLong}.
 *
 * @example
 * ```ts
 * for await (const line of readNdjsonLines(stream)) {
 *   if (isNdjsonLineTooLong(line)) console.error(`clinic.ndjson:${line.line}: ${line.code}`);
 *   else handle(line);
 * }
 * ```
 */
export interface NdjsonLineTooLong {
  /** Always `line-too-long`. */
  readonly code: 'line-too-long';
  /** The 1-based line number (blank lines counted). */
  readonly line: number;
  /** The line's length in characters, without the line end. */
  readonly length: number;
  /** The limit it exceeded. */
  readonly maxLineLength: number;
}

/**
 * One item of {@link readNdjsonLines}: a line (without its line end), or a
 * line too long to read.
 */
export type NdjsonLine = string | NdjsonLineTooLong;

const TOO_LONG_BRAND = Symbol.for('@kronikerpakker/cockpit/NdjsonLineTooLong');

/**
 * Whether a value is the {@link NdjsonLineTooLong} that
 * {@link readNdjsonLines} yields for an over-long line (also one made by
 * another copy of this package). Never throws.
 *
 * @param value - any value
 * @returns true for an over-long-line marker
 * @example
 * ```ts
 * isNdjsonLineTooLong('{"id":"a"}'); // false
 * ```
 */
export function isNdjsonLineTooLong(value: unknown): value is NdjsonLineTooLong {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return (value as { [TOO_LONG_BRAND]?: unknown })[TOO_LONG_BRAND] === true;
  } catch {
    // A proxy or a getter that throws is not ours.
    return false;
  }
}

function tooLong(line: number, length: number, maxLineLength: number): NdjsonLineTooLong {
  const marker = { code: 'line-too-long' as const, line, length, maxLineLength };
  Object.defineProperty(marker, TOO_LONG_BRAND, { value: true, enumerable: false });
  return Object.freeze(marker);
}

const CR = 13;
const BOM = 0xfeff;

/**
 * The line splitter over decoded text. Each character is looked at once:
 * only the new text is searched for newlines, and the pieces of an
 * unfinished line are kept in a list and joined once, when its newline
 * comes. A line longer than the limit is not kept: its pieces are dropped
 * as they come and only its length is counted.
 *
 * @internal
 */
export class NdjsonSplitter {
  /** The pieces of the unfinished line (empty while it is being dropped). */
  private parts: string[] = [];
  /** The characters of the unfinished line so far (kept or dropped). */
  private pending = 0;
  /** Whether the last character of the unfinished line is a `\r`. */
  private pendingCr = false;
  /** Lines ended so far. */
  private line = 0;
  /** Whether a leading byte-order mark may still come. */
  private atStart = true;

  constructor(private readonly maxLineLength: number) {}

  /** The characters held for the unfinished line (0 while an over-long line is dropped). */
  get buffered(): number {
    return this.dropping() ? 0 : this.pending;
  }

  /**
   * Adds decoded text.
   *
   * @param input - the text
   * @param out - receives the lines it ends
   */
  push(input: string, out: NdjsonLine[]): void {
    let text = input;
    if (text.length === 0) return;
    if (this.atStart) {
      this.atStart = false;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      out.push(this.endLine(text, start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    if (start < text.length) this.keep(start === 0 ? text : text.slice(start));
  }

  /**
   * Ends the input: a last line without a newline is given too.
   *
   * @param out - receives the last line, if any
   */
  end(out: NdjsonLine[]): void {
    if (this.pending > 0) out.push(this.endLine('', 0, 0));
  }

  /** Over the limit for sure: even without a final `\r`, the content is longer. */
  private dropping(): boolean {
    return this.pending > this.maxLineLength + 1;
  }

  private keep(piece: string): void {
    this.pending += piece.length;
    this.pendingCr = piece.charCodeAt(piece.length - 1) === CR;
    if (this.dropping()) this.parts.length = 0;
    else this.parts.push(piece);
  }

  /** Ends the unfinished line with `text[start, end)` and a newline at `end`. */
  private endLine(text: string, start: number, end: number): NdjsonLine {
    this.line++;
    const total = this.pending + (end - start);
    // The `\r` of a `\r\n` is in this text, or (split between chunks) ends the last piece kept.
    const crHere = end > start && text.charCodeAt(end - 1) === CR;
    const crBefore = end === start && this.pendingCr;
    const length = crHere || crBefore ? total - 1 : total;
    let result: NdjsonLine;
    if (length > this.maxLineLength) {
      result = tooLong(this.line, length, this.maxLineLength);
    } else {
      const tail = text.slice(start, crHere ? end - 1 : end);
      if (this.parts.length === 0) {
        result = tail;
      } else {
        if (crBefore) this.parts.push((this.parts.pop() as string).slice(0, -1));
        this.parts.push(tail);
        result = this.parts.join('');
      }
    }
    this.parts = [];
    this.pending = 0;
    this.pendingCr = false;
    return result;
  }
}

function invalidArgument(message: string, path: readonly (string | number)[]): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', message, { path });
}

function isChunkSource(value: unknown): value is AsyncIterable<unknown> | Iterable<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const v = value as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown };
    return typeof v[Symbol.asyncIterator] === 'function' || typeof v[Symbol.iterator] === 'function';
  } catch {
    return false;
  }
}

function maxLineLengthOf(options: ReadNdjsonLinesOptions | undefined): number {
  if (options === undefined) return DEFAULT_MAX_NDJSON_LINE_LENGTH;
  assertOptionsObject(options);
  const max: unknown = options.maxLineLength;
  if (max === undefined) return DEFAULT_MAX_NDJSON_LINE_LENGTH;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_NDJSON_LINE_LENGTH_LIMIT) {
    throw invalidArgument(`Expected maxLineLength to be an integer from 1 to ${String(MAX_NDJSON_LINE_LENGTH_LIMIT)}`, ['options', 'maxLineLength']);
  }
  return max;
}

async function* linesOf(source: AsyncIterable<unknown> | Iterable<unknown>, maxLineLength: number): AsyncGenerator<NdjsonLine, void, undefined> {
  // The byte-order mark is the splitter's business, so that a stream of strings loses it too.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const splitter = new NdjsonSplitter(maxLineLength);
  const out: NdjsonLine[] = [];
  let index = 0;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      // A string after bytes: end an incomplete character first (as U+FFFD).
      splitter.push(decoder.decode(), out);
      splitter.push(chunk, out);
    } else if (ArrayBuffer.isView(chunk)) {
      splitter.push(decoder.decode(chunk as Uint8Array, { stream: true }), out);
    } else {
      throw invalidArgument('Expected each chunk to be a string or a Uint8Array', ['source', index]);
    }
    index++;
    for (let i = 0; i < out.length; i++) yield out[i] as NdjsonLine;
    out.length = 0;
  }
  splitter.push(decoder.decode(), out);
  splitter.end(out);
  for (const item of out) yield item;
}

/**
 * Splits a stream of chunks into NDJSON lines: bytes are decoded as UTF-8
 * with a streaming `TextDecoder` (a character split across chunks is kept
 * whole), a leading byte-order mark is dropped (from bytes or from a string,
 * as `createReadStream(path, { encoding: 'utf8' })` gives), `\n` and `\r\n`
 * end lines, and a last line without a newline is yielded too. Blank lines
 * are yielded (as `''`) so that positions stay line numbers; `buildCockpit`
 * skips them.
 *
 * Linear time: each character is looked at once, however the input is
 * chunked. Bounded memory: a line longer than `maxLineLength` (default
 * {@link DEFAULT_MAX_NDJSON_LINE_LENGTH}, 16 MiB of characters) is not kept;
 * its content is dropped as it streams past, up to its newline, and an
 * {@link NdjsonLineTooLong} (line number and length, no content) is yielded
 * in its place. `buildCockpit` counts that as an invalid record with code
 * `line-too-long` at its position and goes on; other consumers test for it
 * with {@link isNdjsonLineTooLong}.
 *
 * Works with a Node readable stream (`fs.createReadStream(path)`), a
 * browser `ReadableStream` (where it is async-iterable) or any async or
 * sync iterable of strings or `Uint8Array`s. The arguments are checked when
 * it is called; the stream's own errors pass through.
 *
 * @param source - the chunks
 * @param options - `maxLineLength`
 * @returns the lines, without their line ends, and a marker for each line too long
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for a source that is not iterable (path `['source']`) or a bad `maxLineLength` (`['options', 'maxLineLength']`), when called; for a chunk that is neither a string nor bytes (`['source', index]`), when iterated
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * const cockpit = await buildCockpit(readNdjsonLines(createReadStream('clinic.ndjson')), { asOf: '2027-03-15', profile: 'KOL' });
 * cockpit.invalid.byCode['line-too-long']; // lines over 16 MiB, by position in cockpit.invalid.entries
 * ```
 */
export function readNdjsonLines(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options?: ReadNdjsonLinesOptions,
): AsyncIterable<NdjsonLine> {
  if (!isChunkSource(source)) throw invalidArgument('Expected an async iterable or an iterable of strings or Uint8Arrays', ['source']);
  return linesOf(source, maxLineLengthOf(options));
}
