/**
 * ICPC-2 codes (International Classification of Primary Care, Danish
 * edition): normalisation and Danish display names.
 *
 * @module
 */

import type { ErrorPath } from '../errors/errors';
import { KronikerpakkerError } from '../errors/errors';
import { isAsciiDigit } from './chars';
import type { DataSource } from './source';
import { deepFreeze } from './source';

/**
 * The 17 ICPC-2 chapter letters (A general, B blood, D digestive, F eye,
 * H ear, K circulatory, L musculoskeletal, N neurological, P psychological,
 * R respiratory, S skin, T endocrine/metabolic, U urological, W pregnancy,
 * X female genital, Y male genital, Z social). Source: WONCA ICPC-2.
 *
 * @example
 * ```ts
 * ICPC2_CHAPTERS.includes('R'); // true
 * ICPC2_CHAPTERS.includes('C'); // false
 * ```
 */
export const ICPC2_CHAPTERS: readonly string[] = deepFreeze([
  'A', 'B', 'D', 'F', 'H', 'K', 'L', 'N', 'P', 'R', 'S', 'T', 'U', 'W', 'X', 'Y', 'Z',
]);

const CHAPTER_SET: ReadonlySet<string> = new Set(ICPC2_CHAPTERS);

const MALFORMED =
  'Malformed ICPC-2 code: expected an ICPC-2 chapter letter and two digits from 01 to 99 (for example R95)';
const NOT_A_STRING = 'ICPC-2 code must be a string';

function parseIcpc2(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const s = code.trim();
  if (s.length !== 3) return undefined;
  const d1 = s.charCodeAt(1);
  const d2 = s.charCodeAt(2);
  if (!isAsciiDigit(d1) || !isAsciiDigit(d2) || (d1 === 48 && d2 === 48)) return undefined;
  const upper = s.toUpperCase();
  // Compare the upper-cased letter only if the original was ASCII: 'ı'.toUpperCase() is 'I'.
  const letter = s.charCodeAt(0);
  if (letter > 127 || !CHAPTER_SET.has(upper.charAt(0))) return undefined;
  return upper;
}

/**
 * Normalises an ICPC-2 code: trims it and upper-cases the chapter letter.
 * A code is one of the 17 chapter letters ({@link ICPC2_CHAPTERS}) and two
 * digits from `01` to `99`.
 *
 * @param code - the code, e.g. `r95` or ` L03 `
 * @param path - where the code sits in the caller's input, for the error (default: the root)
 * @returns the canonical code, e.g. `R95`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the code is malformed (the message never contains the code)
 * @example
 * ```ts
 * normaliseIcpc2('r95');  // 'R95'
 * normaliseIcpc2(' L03'); // 'L03'
 * normaliseIcpc2('R9');   // throws INVALID_ARGUMENT
 * ```
 */
export function normaliseIcpc2(code: string, path: ErrorPath = []): string {
  const canonical = parseIcpc2(code);
  if (canonical === undefined) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', typeof code === 'string' ? MALFORMED : NOT_A_STRING, {
      path,
    });
  }
  return canonical;
}

/**
 * Like {@link normaliseIcpc2}, but returns `undefined` instead of throwing.
 *
 * @param code - any value
 * @returns the canonical code, or `undefined` if the input is not an ICPC-2 code
 * @example
 * ```ts
 * safeNormaliseIcpc2('l86'); // 'L86'
 * safeNormaliseIcpc2('J44'); // undefined (J is not an ICPC-2 chapter)
 * ```
 */
export function safeNormaliseIcpc2(code: unknown): string | undefined {
  return parseIcpc2(code);
}

/**
 * Whether a value is an ICPC-2 code that {@link normaliseIcpc2} accepts.
 *
 * @param code - any value
 * @returns true if {@link normaliseIcpc2} would accept it
 * @example
 * ```ts
 * isIcpc2Code('R95');   // true
 * isIcpc2Code('R95.1'); // false
 * ```
 */
export function isIcpc2Code(code: unknown): boolean {
  return parseIcpc2(code) !== undefined;
}

/**
 * A Danish display name of an ICPC-2 code. `kind` says whether the name is
 * the official DK Core display (`'official'`) or the SDK's own short label
 * (`'sdk-label'`), used where the SDK has not verified the official text.
 *
 * @example
 * ```ts
 * const entry: Icpc2DisplayName | undefined = icpc2DisplayNames.R95;
 * entry?.kind; // 'official'
 * ```
 */
export interface Icpc2DisplayName {
  /** The canonical code. */
  readonly code: string;
  /** The Danish name. */
  readonly display: string;
  /** Official DK Core display, or the SDK's own label. */
  readonly kind: 'official' | 'sdk-label';
  /** Where the name comes from. */
  readonly source: DataSource;
}

const DK_CORE_DISPLAY: DataSource = {
  title: 'HL7 Denmark DK Core, ICPC-2 Danish displays (code system supplement icpc2E-DK), as recorded in the kronikerpakker domain spec',
  url: 'https://hl7.dk/fhir/core/',
};
const SDK_LABEL: DataSource = {
  title: 'kronikerpakker SDK short label (not verified against the official DK Core display)',
};

const ICPC2_NAME_DATA = {
  L02: { code: 'L02', display: 'Symptom/klage fra ryg', kind: 'official', source: DK_CORE_DISPLAY },
  L03: { code: 'L03', display: 'Symptom/klage fra lænd', kind: 'official', source: DK_CORE_DISPLAY },
  L84: { code: 'L84', display: 'Rygsyndrom uden smerteudstråling', kind: 'official', source: DK_CORE_DISPLAY },
  L86: { code: 'L86', display: 'Rygsyndrom med smerteudstråling', kind: 'official', source: DK_CORE_DISPLAY },
  R95: { code: 'R95', display: 'Kronisk obstruktiv lungesygdom', kind: 'official', source: DK_CORE_DISPLAY },
  K74: { code: 'K74', display: 'Iskæmisk hjertesygdom med angina', kind: 'sdk-label', source: SDK_LABEL },
  K75: { code: 'K75', display: 'Akut myokardieinfarkt', kind: 'sdk-label', source: SDK_LABEL },
  K76: { code: 'K76', display: 'Iskæmisk hjertesygdom uden angina', kind: 'sdk-label', source: SDK_LABEL },
  K77: { code: 'K77', display: 'Hjerteinsufficiens', kind: 'sdk-label', source: SDK_LABEL },
  K78: { code: 'K78', display: 'Atrieflimren/-flagren', kind: 'sdk-label', source: SDK_LABEL },
  L95: { code: 'L95', display: 'Osteoporose', kind: 'sdk-label', source: SDK_LABEL },
  P70: { code: 'P70', display: 'Demens', kind: 'sdk-label', source: SDK_LABEL },
  P74: { code: 'P74', display: 'Angsttilstand', kind: 'sdk-label', source: SDK_LABEL },
  P76: { code: 'P76', display: 'Depression', kind: 'sdk-label', source: SDK_LABEL },
  R96: { code: 'R96', display: 'Astma', kind: 'sdk-label', source: SDK_LABEL },
  T89: { code: 'T89', display: 'Diabetes type 1', kind: 'sdk-label', source: SDK_LABEL },
  T90: { code: 'T90', display: 'Diabetes type 2', kind: 'sdk-label', source: SDK_LABEL },
} as const satisfies Record<string, Icpc2DisplayName>;

/**
 * The Danish ICPC-2 display names the SDK ships: the KOL and back-pain codes
 * (official DK Core displays) and the comorbidity codes (SDK labels; see
 * {@link Icpc2DisplayName.kind}). Keyed by canonical code. Frozen data.
 *
 * @example
 * ```ts
 * icpc2DisplayNames.L03?.display; // 'Symptom/klage fra lænd'
 * icpc2DisplayNames.T90?.kind;    // 'sdk-label'
 * ```
 */
export const icpc2DisplayNames: Readonly<Record<string, Icpc2DisplayName>> = deepFreeze(ICPC2_NAME_DATA);

const ICPC2_NAMES: ReadonlyMap<string, Icpc2DisplayName> = new Map(
  Object.values(icpc2DisplayNames).map((e) => [e.code, e]),
);

/**
 * The Danish display name of an ICPC-2 code, if the SDK ships one (see
 * {@link icpc2DisplayNames} for whether it is official or an SDK label).
 *
 * @param code - the code in any spelling {@link normaliseIcpc2} accepts
 * @returns the Danish name, or `undefined` if the SDK has none for the code
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the code is malformed
 * @example
 * ```ts
 * icpc2DisplayName('r95'); // 'Kronisk obstruktiv lungesygdom'
 * icpc2DisplayName('A01'); // undefined (not shipped)
 * ```
 */
export function icpc2DisplayName(code: string): string | undefined {
  return ICPC2_NAMES.get(normaliseIcpc2(code))?.display;
}
