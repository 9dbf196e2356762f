/**
 * Input and output helpers of the command line (Node only): reading files
 * or stdin as text or lines, writing with back-pressure, and failures that
 * carry an exit code and never any input content.
 *
 * @module
 */
import { readCdaSchemaDir } from '@kronikerpakker/cpd/node';
import type { CdaSchemaSet, XsdValidator } from '@kronikerpakker/cpd';
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

/** The CLI's environment: streams, the working directory and the replaceable dependencies. */
export interface CliIo {
  /** Results (human or `--json`). */
  readonly stdout: CliStream;
  /** Errors, notes and the progress bar. */
  readonly stderr: CliStream;
  /** Read when a file argument is `-`. */
  readonly stdin?: AsyncIterable<string | Uint8Array> | undefined;
  /** Relative paths are resolved against it. */
  readonly cwd: string;
  /** The input size (bytes) from which `evaluate` and `cockpit` show a progress bar on a TTY; default 4 MiB. */
  readonly progressThresholdBytes?: number | undefined;
  /**
   * The XSD validator of `validate-cpd --schemas`: by default
   * `xmllintXsdValidator` of `@kronikerpakker/cpd`, which loads the optional
   * peer `xmllint-wasm` on first use. Tests inject one (for example one that
   * fails as a missing `xmllint-wasm` does).
   */
  readonly xsdValidator?: XsdValidator | undefined;
}

/** Exit codes of the command line. */
export const EXIT = Object.freeze({
  /** Done, nothing to report. */
  OK: 0,
  /** Findings: an input record failed validation, an invalid CPD document, an invalid rule pack to verify, no plan built. */
  FINDINGS: 1,
  /**
   * Usage error: unknown command or option, a missing or malformed option (`--asof`), no rule-pack
   * version valid on `--asof`, an option that needs an optional package that is not installed.
   */
  USAGE: 2,
  /**
   * Input unreadable: a file that cannot be read or is not JSON / NDJSON / XML text, a line that is
   * not JSON or too long, an input with no records, a file that is not a rule pack; an output file
   * that cannot be written.
   */
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

/** The text without a leading byte-order mark (`readFile` with `utf8` keeps it, and JSON.parse refuses it). */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The whole text of a file, or of stdin for `-` (UTF-8, a leading
 * byte-order mark dropped).
 *
 * @param io - the CLI environment
 * @param file - a path or `-`
 * @returns the text
 */
export async function readText(io: CliIo, file: string): Promise<string> {
  if (file !== '-') {
    try {
      return withoutBom(await readFile(resolve(io.cwd, file), 'utf8'));
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
  return withoutBom(text + decoder.decode());
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
 * Passes chunks through, counting the bytes (UTF-16 units for string
 * chunks) read so far, for a progress bar.
 *
 * @param chunks - the input
 * @param onBytes - called with the bytes read so far after each chunk
 * @returns the same chunks
 */
export async function* countBytes(chunks: AsyncIterable<string | Uint8Array>, onBytes: (bytes: number) => void): AsyncIterable<string | Uint8Array> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    onBytes(bytes);
    yield chunk;
  }
}

/**
 * A text as chunks of at most `size` characters (so a text read whole can
 * be split into lines by a stream reader, with progress).
 *
 * @param text - the text
 * @param size - the chunk length
 * @returns the chunks
 */
export function* textChunks(text: string, size = 1 << 16): Iterable<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/**
 * Whether an error is the failure to load the package `name` (an optional
 * peer that is not installed): Node's `ERR_MODULE_NOT_FOUND` (ESM) or
 * `MODULE_NOT_FOUND` (CommonJS) naming it. Reads the error's message only to
 * find the package name; the message is never shown.
 *
 * @param err - what was thrown
 * @param name - the package, e.g. `xmllint-wasm`
 * @returns true when `name` could not be found
 */
export function isMissingPackage(err: unknown, name: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return typeof message === 'string' && (message.includes(`'${name}'`) || message.includes(`"${name}"`) || message.includes(`/${name}/`));
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
