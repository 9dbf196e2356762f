/**
 * Splitting a stream of text or bytes into NDJSON lines, in Node and in a
 * browser.
 *
 * @module
 */

/**
 * Splits a stream of chunks into lines: bytes are decoded as UTF-8 with a
 * streaming `TextDecoder` (a character split across chunks is kept whole; a
 * leading byte-order mark is dropped), `\n` and `\r\n` end lines, and a last
 * line without a newline is yielded too. Blank lines are yielded (as `''`)
 * so that positions stay line numbers; `buildCockpit` skips them.
 *
 * Works with a Node readable stream (`fs.createReadStream(path)`), a
 * browser `ReadableStream` (where it is async-iterable) or any async
 * iterable of strings or `Uint8Array`s.
 *
 * @param source - the chunks
 * @returns the lines, without their line ends
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * const cockpit = await buildCockpit(readNdjsonLines(createReadStream('clinic.ndjson')), { asOf: '2027-03-15', profile: 'KOL' });
 * ```
 */
export async function* readNdjsonLines(source: AsyncIterable<string | Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of source) {
    pending += typeof chunk === 'string' ? decoder.decode() + chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl = pending.indexOf('\n', start);
    while (nl !== -1) {
      const end = nl > start && pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield pending.slice(start, end);
      start = nl + 1;
      nl = pending.indexOf('\n', start);
    }
    pending = start === 0 ? pending : pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}
