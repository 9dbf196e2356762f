/**
 * Input and output helpers of the command line (Node only): reading files
 * or stdin as text or lines, writing with back-pressure, and failures that
 * carry an exit code and never any input content.
 *
 * @module
 */
import { readCdaSchemaDir } from '@kronikerpakker/cpd/node';
import type { CdaSchemaSet } from '@kronikerpakker/cpd';
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** A stream the CLI writes to (process.stdout/stderr, or an in-memory stream in tests). */
export interface CliStream {
  /** Writes a chunk; `false` asks the writer to wait for `drain`. */
  write(chunk: string): unknown;
  /** True when the stream is a terminal (progress bars only then). */
  readonly isTTY?: boolean | undefined;
  /** Terminal width. */
  readonly columns?: number | undefined;
  /** For back-pressure. */
  once?(event: 'drain', listener: () => void): unknown;
}

/** The CLI's environment: streams and the working directory. */
export interface CliIo {
  /** Results (human or `--json`). */
  readonly stdout: CliStream;
  /** Errors, notes and the progress bar. */
  readonly stderr: CliStream;
  /** Read when a file argument is `-`. */
  readonly stdin?: AsyncIterable<string | Uint8Array> | undefined;
  /** Relative paths are resolved against it. */
  readonly cwd: string;
  /** The input size (bytes) from which `cockpit` shows a progress bar on a TTY; default 4 MiB. */
  readonly progressThresholdBytes?: number | undefined;
}

/** Exit codes of the command line. */
export const EXIT = Object.freeze({
  /** Done, nothing to report. */
  OK: 0,
  /** Findings: an input record failed validation, an invalid CPD document, an invalid rule pack to verify, no plan built. */
  FINDINGS: 1,
  /** Usage error: unknown command or option, a missing or malformed option (`--asof`). */
  USAGE: 2,
  /** An input file could not be read or is not JSON / NDJSON / XML text; an output file could not be written. */
  UNREADABLE: 3,
  /** An unexpected internal error (a bug: please report it). */
  INTERNAL: 4,
});

/** A failure with an exit code, a stable code, and a message that holds no input content. */
export class CliFailure extends Error {
  /**
   * @param exitCode - the process exit code
   * @param code - a stable code (`USAGE`, `INPUT_UNREADABLE`, ...)
   * @param message - what and where, never input content
   */
  constructor(
    readonly exitCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

/**
 * Writes text, waiting for `drain` when the stream asks for it.
 *
 * @param stream - where to
 * @param text - what
 */
export async function emit(stream: CliStream, text: string): Promise<void> {
  const ok = stream.write(text);
  if (ok === false && typeof stream.once === 'function') {
    const once = stream.once.bind(stream);
    await new Promise<void>((done) => {
      once('drain', done);
    });
  }
}

/** The path as the user wrote it, relative to cwd where possible (for messages). */
export function displayPath(io: CliIo, file: string): string {
  if (file === '-') return '(stdin)';
  const abs = resolve(io.cwd, file);
  const rel = relative(io.cwd, abs);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

function unreadable(io: CliIo, file: string, err: unknown): CliFailure {
  const code = typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'ERROR';
  return new CliFailure(EXIT.UNREADABLE, 'INPUT_UNREADABLE', `cannot read ${displayPath(io, file)} (${code})`);
}

/**
 * The chunks of a file, or of stdin for `-`, and the file's size when known.
 *
 * @param io - the CLI environment
 * @param file - a path or `-`
 * @returns the chunks and the size in bytes (`null` for stdin)
 */
export async function openInput(io: CliIo, file: string): Promise<{ chunks: AsyncIterable<string | Uint8Array>; size: number | null }> {
  if (file === '-') {
    if (io.stdin === undefined) throw new CliFailure(EXIT.UNREADABLE, 'INPUT_UNREADABLE', 'no standard input to read');
    return { chunks: io.stdin, size: null };
  }
  const path = resolve(io.cwd, file);
  try {
    const s = await stat(path);
    if (!s.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return { chunks: createReadStream(path) as AsyncIterable<Uint8Array>, size: s.size };
  } catch (err) {
    throw unreadable(io, file, err);
  }
}

/**
 * The whole text of a file, or of stdin for `-` (UTF-8).
 *
 * @param io - the CLI environment
 * @param file - a path or `-`
 * @returns the text
 */
export async function readText(io: CliIo, file: string): Promise<string> {
  if (file !== '-') {
    try {
      return await readFile(resolve(io.cwd, file), 'utf8');
    } catch (err) {
      throw unreadable(io, file, err);
    }
  }
  let text = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of (await openInput(io, file)).chunks) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  } catch (err) {
    if (err instanceof CliFailure) throw err;
    throw unreadable(io, file, err);
  }
  return text + decoder.decode();
}

/**
 * Parses JSON text; a syntax error becomes `INPUT_UNREADABLE` naming the file,
 * never the parser's message (it quotes the input).
 *
 * @param io - the CLI environment
 * @param file - for the message
 * @param text - the text
 * @returns the value
 */
export function parseJson(io: CliIo, file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliFailure(EXIT.UNREADABLE, 'INPUT_UNREADABLE', `${displayPath(io, file)} is not valid JSON`);
  }
}

/**
 * Splits chunks into lines (LF or CRLF), counting the bytes consumed.
 *
 * @param chunks - the input
 * @param onBytes - called with the bytes read so far after each chunk
 * @returns the lines, without line ends (the last one even without a final LF)
 */
export async function* readLines(chunks: AsyncIterable<string | Uint8Array>, onBytes?: (bytes: number) => void): AsyncIterable<string> {
  const decoder = new TextDecoder();
  let rest = '';
  let bytes = 0;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      rest += chunk;
      bytes += chunk.length;
    } else {
      rest += decoder.decode(chunk, { stream: true });
      bytes += chunk.byteLength;
    }
    onBytes?.(bytes);
    let start = 0;
    let nl = rest.indexOf('\n', start);
    while (nl >= 0) {
      const line = rest.slice(start, nl);
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      start = nl + 1;
      nl = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/**
 * The `.xsd` files under a directory, with paths relative to it.
 *
 * @param io - the CLI environment
 * @param dir - the folder (`cda-r2` of the HL7 distribution)
 * @returns the files
 */
export function readSchemaDir(io: CliIo, dir: string): CdaSchemaSet['files'] {
  try {
    return readCdaSchemaDir(resolve(io.cwd, dir)).files;
  } catch (err) {
    throw unreadable(io, dir, err);
  }
}

/**
 * The JSON files of a directory (sorted by name), parsed.
 *
 * @param io - the CLI environment
 * @param dir - the folder
 * @returns file names and documents
 */
export async function readJsonDir(io: CliIo, dir: string): Promise<{ file: string; document: unknown }[]> {
  const root = resolve(io.cwd, dir);
  let names: string[];
  try {
    names = (await readdir(root)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw unreadable(io, dir, err);
  }
  const out: { file: string; document: unknown }[] = [];
  for (const name of names) {
    const file = join(root, name);
    out.push({ file, document: parseJson(io, file, await readText(io, file)) });
  }
  return out;
}
