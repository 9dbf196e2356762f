/**
 * Danish CPR numbers (personnumre): parsing, validation, display and the
 * recognition of replacement numbers (eCPR).
 *
 * A CPR number is patient data. Nothing here ever puts an input value into an
 * error message; errors say what kind of problem was found, never the digits.
 *
 * @module
 */

import { KronikerpakkerError } from '../errors/errors';
import type { KronikerpakkerErrorOptions } from '../errors/errors';
import { birthYear, daysInMonth, mod11Sum } from './internal';

/**
 * The OID of the Danish CPR register's personal identification number.
 *
 * @example
 * ```ts
 * CPR_OID; // '1.2.208.176.1.2'
 * ```
 */
export const CPR_OID = '1.2.208.176.1.2';

/**
 * The FHIR `Identifier.system` of a CPR number (DK Core).
 *
 * @example
 * ```ts
 * const identifier = { system: CPR_FHIR_SYSTEM, value: parseCpr(input).cpr };
 * ```
 */
export const CPR_FHIR_SYSTEM = 'urn:oid:1.2.208.176.1.2';

/**
 * The FHIR `Identifier.system` of a national replacement number from the eCPR
 * service (X-eCPR, DK Core). D-eCPR numbers have one system per region and so
 * no single constant.
 *
 * @example
 * ```ts
 * if (classifyPersonIdentifier(value) === 'x-ecpr') system = X_ECPR_FHIR_SYSTEM;
 * ```
 */
export const X_ECPR_FHIR_SYSTEM = 'urn:oid:1.2.208.176.1.6.1.1';

/**
 * Why a string is not a CPR number. A closed union:
 *
 * - `'format'`: not ten digits as `DDMMYYSSSS` or `DDMMYY-SSSS`.
 * - `'date'`: ten digits, but the first six are not a real calendar date in
 *   the century that the seventh digit selects (310496, or 290200 with a
 *   seventh digit that puts it in 1900).
 * - `'replacement-number'`: a replacement number (X-eCPR or D-eCPR), which
 *   identifies a person who has no CPR number and must not be treated as one.
 *
 * @example
 * ```ts
 * const result = safeParseCpr(input);
 * if (!result.success && result.problem === 'replacement-number') askForCpr();
 * ```
 */
export type CprProblem = 'format' | 'date' | 'replacement-number';

/**
 * The sex a CPR number encodes in its last digit (odd: male, even: female).
 * This is the administrative sex registered in CPR, which is what the number
 * records; it is not a clinical statement.
 *
 * @example
 * ```ts
 * const sex: CprSex = parseCpr(input).sex;
 * ```
 */
export type CprSex = 'female' | 'male';

/**
 * A CPR number that has passed {@link parseCpr}.
 *
 * @example
 * ```ts
 * const { cpr, birthDate, sex, mod11 } = parseCpr(input);
 * ```
 */
export interface ParsedCpr {
  /** The number normalised to ten digits, without hyphen. */
  readonly cpr: string;
  /** The birth date, `YYYY-MM-DD`, with the century resolved from the seventh digit. */
  readonly birthDate: string;
  /** The sex encoded in the last digit. */
  readonly sex: CprSex;
  /**
   * Whether the modulus-11 check holds. Information only: numbers without a
   * valid check digit have been issued since 1 October 2007 and are fully
   * valid, so `'invalid'` is never a reason to reject a number.
   */
  readonly mod11: 'valid' | 'invalid';
}

/**
 * The result of {@link safeParseCpr}.
 *
 * @example
 * ```ts
 * const result: SafeParseCprResult = safeParseCpr(input);
 * ```
 */
export type SafeParseCprResult =
  | { readonly success: true; readonly data: ParsedCpr }
  | { readonly success: false; readonly problem: CprProblem };

/**
 * What kind of person identifier a string is.
 *
 * @example
 * ```ts
 * const kind: PersonIdentifierKind = classifyPersonIdentifier(input);
 * ```
 */
export type PersonIdentifierKind = 'cpr' | 'x-ecpr' | 'd-ecpr' | 'unknown';

const MESSAGES: Readonly<Record<CprProblem, string>> = {
  format: 'Invalid CPR number: expected ten digits as DDMMYYSSSS or DDMMYY-SSSS',
  date: 'Invalid CPR number: the first six digits are not a real calendar date in the century given by the seventh digit',
  'replacement-number':
    'Not a CPR number: a replacement number (X-eCPR or D-eCPR) was given where a CPR number is expected',
};

/**
 * Thrown by {@link parseCpr} and {@link formatCpr}: code `INVALID_CPR`, with
 * the kind of problem in {@link InvalidCprError.problem}. Neither the message
 * nor the JSON form contains the input.
 *
 * Across two copies of the SDK `instanceof` fails; check
 * `KronikerpakkerError.is(err) && err.code === 'INVALID_CPR'` and read
 * `problem` from `err.toJSON()` instead.
 *
 * @example
 * ```ts
 * try {
 *   parseCpr(input);
 * } catch (err) {
 *   if (err instanceof InvalidCprError && err.problem === 'date') showDateHint();
 * }
 * ```
 */
export class InvalidCprError extends KronikerpakkerError {
  /** What kind of problem was found. */
  readonly problem: CprProblem;

  /**
   * @param problem - what kind of problem was found
   * @param options - path and cause
   */
  constructor(problem: CprProblem, options: KronikerpakkerErrorOptions = {}) {
    super('INVALID_CPR', MESSAGES[problem], options);
    this.name = 'InvalidCprError';
    this.problem = problem;
  }

  /** The JSON form, with the problem. */
  override toJSON(): ReturnType<KronikerpakkerError['toJSON']> & { problem: CprProblem } {
    return { ...super.toJSON(), problem: this.problem };
  }
}

/** The outcome of one scan: a parsed CPR, or why not, keeping which eCPR kind it was. */
type Analysis = ParsedCpr | 'format' | 'date' | 'x-ecpr' | 'd-ecpr';

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUpperAsciiLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

/**
 * DK Core's eCPR invariants check day against month without a year (an eCPR
 * has no century digit), so 29 February is always allowed. Mirrored exactly
 * so that we agree with FHIR validators on what is a replacement number.
 */
function isPlausibleDayMonth(day: number, month: number): boolean {
  if (day < 1) return false;
  switch (month) {
    case 2:
      return day <= 29;
    case 4:
    case 6:
    case 9:
    case 11:
      return day <= 30;
    default:
      return month >= 1 && month <= 12 && day <= 31;
  }
}

/** Trims and drops the optional hyphen; undefined when the shape is wrong. */
function toBody(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const s = input.trim();
  if (s.length === 10) return s;
  if (s.length === 11 && s.charCodeAt(6) === 45 /* '-' */) return s.slice(0, 6) + s.slice(7);
  return undefined;
}

function twoDigits(body: string, at: number): number {
  return (body.charCodeAt(at) - 48) * 10 + (body.charCodeAt(at + 1) - 48);
}

// One pass over char codes, no regular expression and no Date: this runs once
// per record on large batches.
function analyse(input: unknown): Analysis {
  const body = toBody(input);
  if (body === undefined) return 'format';
  for (let i = 0; i < 6; i++) if (!isDigit(body.charCodeAt(i))) return 'format';
  const c6 = body.charCodeAt(6);
  const c7 = body.charCodeAt(7);
  const c8 = body.charCodeAt(8);
  const c9 = body.charCodeAt(9);
  if (!isDigit(c6) || !isDigit(c9)) return 'format';
  const day = twoDigits(body, 0);
  const month = twoDigits(body, 2);

  if (!isDigit(c7) || !isDigit(c8)) {
    if (!isUpperAsciiLetter(c7) || !isUpperAsciiLetter(c8) || !isPlausibleDayMonth(day, month)) return 'format';
    const digit7 = c6 - 48;
    if (digit7 === 1 || digit7 === 7) return 'x-ecpr';
    if (digit7 === 0 || digit7 === 5 || digit7 === 6) return 'd-ecpr';
    return 'format';
  }

  const year = birthYear(c6 - 48, twoDigits(body, 4));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'date';
  return {
    cpr: body,
    birthDate: `${year}-${body.slice(2, 4)}-${body.slice(0, 2)}`,
    sex: (c9 - 48) % 2 === 1 ? 'male' : 'female',
    mod11: mod11Sum(body) % 11 === 0 ? 'valid' : 'invalid',
  };
}

function problemOf(analysis: Exclude<Analysis, ParsedCpr>): CprProblem {
  return analysis === 'x-ecpr' || analysis === 'd-ecpr' ? 'replacement-number' : analysis;
}

/**
 * Parses a CPR number, resolving its birth date, century and sex.
 *
 * Accepts ten digits with or without a single hyphen after the sixth
 * (`DDMMYY-SSSS`, `DDMMYYSSSS`), with surrounding whitespace trimmed. The
 * modulus-11 check is reported in `mod11` and never causes a rejection. The
 * birth date is not compared with today: a date after the evaluation date is
 * for the caller to judge against its explicit `asOf`.
 *
 * @param input - the string to parse
 * @returns the normalised number, birth date, sex and modulus-11 status
 * @throws {@link InvalidCprError} (code `INVALID_CPR`) with `problem`
 *   `'format'`, `'date'` or `'replacement-number'`; the message never contains the input
 * @example
 * ```ts
 * parseCpr('290200-4011');
 * // { cpr: '2902004011', birthDate: '2000-02-29', sex: 'male', mod11: 'invalid' }
 * ```
 */
export function parseCpr(input: string): ParsedCpr {
  const analysis = analyse(input);
  if (typeof analysis === 'object') return analysis;
  throw new InvalidCprError(problemOf(analysis));
}

/**
 * Parses a CPR number like {@link parseCpr}, but reports failure in the
 * result instead of throwing. Never throws, whatever it is given.
 *
 * @param input - the string to parse
 * @returns `{ success: true, data }` or `{ success: false, problem }`
 * @example
 * ```ts
 * const result = safeParseCpr(input);
 * if (result.success) use(result.data.birthDate);
 * else report(result.problem); // 'format' | 'date' | 'replacement-number'
 * ```
 */
export function safeParseCpr(input: string): SafeParseCprResult {
  const analysis = analyse(input);
  if (typeof analysis === 'object') return { success: true, data: analysis };
  return { success: false, problem: problemOf(analysis) };
}

/**
 * Tells whether a string is a CPR number, a national replacement number
 * (X-eCPR), a decentral replacement number (D-eCPR), or none of them.
 *
 * `'cpr'` exactly when {@link parseCpr} would succeed. Replacement numbers
 * follow the DK Core invariants (`DDMMYY`, a seventh digit in {1, 7} for
 * X-eCPR or {0, 5, 6} for D-eCPR, two capital letters A to Z, one digit), with
 * an optional hyphen after the sixth character and surrounding whitespace
 * trimmed.
 *
 * @param input - the string to classify
 * @returns `'cpr'`, `'x-ecpr'`, `'d-ecpr'` or `'unknown'`
 * @example
 * ```ts
 * classifyPersonIdentifier('0101501AB1'); // 'x-ecpr'
 * classifyPersonIdentifier('010150-0AB1'); // 'd-ecpr'
 * classifyPersonIdentifier('310496-1234'); // 'unknown' (no 31 April)
 * ```
 */
export function classifyPersonIdentifier(input: string): PersonIdentifierKind {
  const analysis = analyse(input);
  if (typeof analysis === 'object') return 'cpr';
  if (analysis === 'x-ecpr' || analysis === 'd-ecpr') return analysis;
  return 'unknown';
}

/**
 * Formats a CPR number for display as `DDMMYY-SSSS`.
 *
 * @param cpr - a CPR number in any form {@link parseCpr} accepts
 * @returns the number with a hyphen after the sixth digit
 * @throws {@link InvalidCprError} (code `INVALID_CPR`) when `cpr` is not a valid CPR number
 * @example
 * ```ts
 * formatCpr(' 2902004011 '); // '290200-4011'
 * ```
 */
export function formatCpr(cpr: string): string {
  const { cpr: digits } = parseCpr(cpr);
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/**
 * Masks a CPR number for logs and screens that need to show which person is
 * meant without exposing the full number: `DDMMYY-XXXX`.
 *
 * Why: the four serial digits complete the identifier; without them the
 * string cannot be used to look a person up or to pose as them, while the
 * birth date is usually enough for a clinician or support engineer to tell
 * two records apart. The masked form still contains a birth date and so is
 * still personal data; it is less sensitive, not anonymous.
 *
 * Never throws, because it is meant for log and error paths. A replacement
 * number is masked the same way. Anything else, including ten digits that are
 * not a real date, becomes `XXXXXX-XXXX`: an unrecognised string may be some
 * other identifier entirely, so none of it is shown.
 *
 * @param cpr - the string to mask
 * @returns `DDMMYY-XXXX`, or `XXXXXX-XXXX` when it is neither a CPR nor a replacement number
 * @example
 * ```ts
 * maskCpr('2902004011'); // '290200-XXXX'
 * maskCpr('not a cpr'); // 'XXXXXX-XXXX'
 * ```
 */
export function maskCpr(cpr: string): string {
  const analysis = analyse(cpr);
  if (analysis === 'format' || analysis === 'date') return 'XXXXXX-XXXX';
  const digits = typeof analysis === 'object' ? analysis.cpr : (toBody(cpr) ?? '');
  return `${digits.slice(0, 6)}-XXXX`;
}

/**
 * Whether a number passes the modulus-11 check (weights 4, 3, 2, 7, 6, 5, 4,
 * 3, 2, 1; the weighted sum divisible by 11).
 *
 * Information only: since 1 October 2007 numbers without a valid check digit
 * are issued and fully valid. Never reject a CPR number because this is false.
 *
 * @param digits - ten digits, with or without a hyphen after the sixth; surrounding whitespace is trimmed
 * @returns true when the check holds; false when it does not or when `digits` is not ten digits
 * @example
 * ```ts
 * isMod11Valid('010100-0001'); // true: 3*1 + 7*1 + 1*1 = 11
 * isMod11Valid('0101000002'); // false: the sum is 12
 * ```
 */
export function isMod11Valid(digits: string): boolean {
  const body = toBody(digits);
  if (body === undefined) return false;
  for (let i = 0; i < 10; i++) if (!isDigit(body.charCodeAt(i))) return false;
  return mod11Sum(body) % 11 === 0;
}
