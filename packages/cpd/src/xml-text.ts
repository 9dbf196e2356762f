/**
 * Escaping text for XML and HTML, and the characters XML 1.0 forbids.
 *
 * @module
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Lone surrogates are matched with the `u` flag off, pairwise below.
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const INVALID_ONE = new RegExp(INVALID.source);

/**
 * The index of the first character XML 1.0 does not allow (C0 controls other
 * than tab, line feed and carriage return, U+FFFE, U+FFFF, lone surrogates).
 *
 * @param value - the text
 * @returns the index, or -1 when every character is allowed
 * @example
 * ```ts
 * firstInvalidXmlChar('a\u0001b'); // 1
 * ```
 */
export function firstInvalidXmlChar(value: string): number {
  const m = INVALID_ONE.exec(value);
  return m === null ? -1 : m.index;
}

/**
 * Removes every character XML 1.0 does not allow; other text is kept as is.
 *
 * @param value - the text
 * @returns the text without the forbidden characters
 * @example
 * ```ts
 * stripInvalidXmlChars('a\u0000b\uFFFFc'); // 'abc'
 * ```
 */
export function stripInvalidXmlChars(value: string): string {
  return value.replace(INVALID, '');
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes element content (`>` too, so `]]>` never appears). Internal. */
export function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Escapes an attribute value in double quotes; white space is kept by character references. Internal. */
export function escapeAttr(value: string): string {
  return value.replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}
