/**
 * The SDK's one error shape. Errors are for faults (invalid input, an invalid
 * rule pack, a programmer error), never for clinical outcomes, and they say
 * *where* and *what kind*, never the offending value: no CPR, name or clinical
 * value ever reaches `message`, `String(err)`, `JSON.stringify(err)` or
 * `err.stack`.
 *
 * @module
 */

/**
 * Every error code the SDK can throw. A closed union: integrators may switch
 * on it exhaustively.
 */
export type ErrorCode =
  /** A {@link PatientRecord} failed validation; see {@link InvalidRecordError.issues}. */
  | 'INVALID_RECORD'
  /** A rule pack failed validation or selection. */
  | 'INVALID_RULE_PACK'
  /** An argument to an SDK function was malformed (for example a bad `asOf`). */
  | 'INVALID_ARGUMENT'
  /** A CPR number could not be parsed. */
  | 'INVALID_CPR'
  /** A fault inside the SDK: please report it. */
  | 'INTERNAL';

/** All error codes, in a stable order (for documentation and exhaustive tests). */
export const ERROR_CODES: readonly ErrorCode[] = [
  'INVALID_RECORD',
  'INVALID_RULE_PACK',
  'INVALID_ARGUMENT',
  'INVALID_CPR',
  'INTERNAL',
];

/**
 * A path into the input: object keys the SDK itself defines and array indices.
 * Never contains a value from the input.
 */
export type ErrorPath = readonly (string | number)[];

const BRAND = Symbol.for('@kronikerpakker/core/KronikerpakkerError');

/** Options common to every SDK error. */
export interface KronikerpakkerErrorOptions {
  /** Where in the input the fault is. Defaults to the root (`[]`). */
  readonly path?: ErrorPath;
  /**
   * The underlying error, if any. It is kept for debugging but is **not**
   * serialised by `toJSON`, since a foreign error may carry input values.
   */
  readonly cause?: unknown;
}

/**
 * Renders a path the way the docs and messages write it: `diagnoses[2].code`.
 *
 * @param path - the path to render
 * @returns the dotted form, or `(root)` for the empty path
 * @example
 * ```ts
 * formatPath(['spirometry', 0, 'fev1L']); // 'spirometry[0].fev1L'
 * ```
 */
export function formatPath(path: ErrorPath): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${String(segment)}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/**
 * The base class of every error the SDK throws.
 *
 * Use {@link KronikerpakkerError.is} rather than `instanceof`: it also
 * recognises errors thrown by another copy of the SDK (ESM next to CJS, or two
 * versions in one bundle).
 *
 * @example
 * ```ts
 * try {
 *   parsePatientRecord(input, { asOf: '2027-01-15' });
 * } catch (err) {
 *   if (KronikerpakkerError.is(err) && err.code === 'INVALID_RECORD') {
 *     // show err.message to the vendor's log: it holds paths, never values
 *   }
 * }
 * ```
 */
export class KronikerpakkerError extends Error {
  /** The error's code. */
  readonly code: ErrorCode;
  /** Where in the input the fault is (empty for the root). */
  readonly path: ErrorPath;

  /**
   * @param code - the error's code
   * @param message - a message that names places and kinds, never input values
   * @param options - path and cause
   */
  constructor(code: ErrorCode, message: string, options: KronikerpakkerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KronikerpakkerError';
    this.code = code;
    this.path = Object.freeze([...(options.path ?? [])]);
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /**
   * Whether `value` is an error thrown by any copy of the SDK.
   *
   * @param value - anything caught
   * @returns true for SDK errors, also across ESM/CJS copies
   */
  static is(value: unknown): value is KronikerpakkerError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }

  /** A JSON form with code, name, path and message (the cause is left out on purpose). */
  toJSON(): { name: string; code: ErrorCode; path: ErrorPath; message: string } {
    return { name: this.name, code: this.code, path: this.path, message: this.message };
  }
}

/** The kind of problem found at one path of a record. A closed union. */
export type RecordIssueCode =
  /** A required field is absent. */
  | 'required'
  /** The value has the wrong type (a string where a number belongs, ...). */
  | 'invalid-type'
  /** A string does not have the required form (a date that is not `YYYY-MM-DD`, a malformed code). */
  | 'invalid-format'
  /** A calendar date that does not exist (2026-02-30). */
  | 'invalid-date'
  /** A date after the evaluation date `asOf`. */
  | 'future-date'
  /** A number outside its possible range (MRC 0, CAT 41, a negative weight). */
  | 'out-of-range'
  /** A value outside the allowed set of codes. */
  | 'invalid-value'
  /** A field the schema does not know (records reject unknown fields). */
  | 'unknown-field'
  /** Two fields that contradict each other (FEV1 above FVC, end before start). */
  | 'inconsistent'
  /** A replacement number (eCPR) given where a CPR belongs. */
  | 'replacement-number';

/** One problem in a record: where, and what kind. Never the value. */
export interface RecordIssue {
  /** The path of the field. */
  readonly path: ErrorPath;
  /** What kind of problem. */
  readonly code: RecordIssueCode;
}

function describeIssues(issues: readonly RecordIssue[]): string {
  const shown = issues.slice(0, 10).map((i) => `${formatPath(i.path)}: ${i.code}`);
  const more = issues.length > 10 ? `; and ${String(issues.length - 10)} more` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * A {@link PatientRecord} failed validation. `issues` lists every problem with
 * its path and code; the message repeats the first ten, without values.
 */
export class InvalidRecordError extends KronikerpakkerError {
  /** Every problem found, in document order. */
  readonly issues: readonly RecordIssue[];

  /**
   * @param issues - the problems found (at least one)
   * @param options - optional cause
   */
  constructor(issues: readonly RecordIssue[], options: Pick<KronikerpakkerErrorOptions, 'cause'> = {}) {
    super(
      'INVALID_RECORD',
      `Invalid patient record (${String(issues.length)} issue${issues.length === 1 ? '' : 's'}): ${describeIssues(issues)}`,
      { path: issues[0]?.path ?? [], ...options },
    );
    this.name = 'InvalidRecordError';
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ path: Object.freeze([...i.path]), code: i.code })));
  }

  /** The JSON form, with the issues. */
  override toJSON(): ReturnType<KronikerpakkerError['toJSON']> & { issues: readonly RecordIssue[] } {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** Why a rule pack was rejected. Rule-pack issues are filled in by the rule-pack loader. */
export interface RulePackIssue {
  /** The pack's id, as written in the pack (an identifier, not patient data). */
  readonly packId?: string;
  /** The rule's name, where the problem is inside one rule. */
  readonly rule?: string;
  /** Path inside the pack. */
  readonly path: ErrorPath;
  /** What kind of problem. */
  readonly code: string;
}

/** A rule pack failed validation, or no pack version was valid on the `asOf` date. */
export class InvalidRulePackError extends KronikerpakkerError {
  /** Every problem found. */
  readonly issues: readonly RulePackIssue[];

  /**
   * @param message - what went wrong, naming the pack and rule
   * @param issues - the problems found
   * @param options - path and cause
   */
  constructor(message: string, issues: readonly RulePackIssue[] = [], options: KronikerpakkerErrorOptions = {}) {
    super('INVALID_RULE_PACK', message, options);
    this.name = 'InvalidRulePackError';
    this.issues = Object.freeze([...issues]);
  }

  /** The JSON form, with the issues. */
  override toJSON(): ReturnType<KronikerpakkerError['toJSON']> & { issues: readonly RulePackIssue[] } {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** A fault inside the SDK (a broken invariant). Please report it with the stack. */
export class InternalError extends KronikerpakkerError {
  /**
   * @param message - what invariant broke (no input values)
   * @param options - path and cause
   */
  constructor(message: string, options: KronikerpakkerErrorOptions = {}) {
    super('INTERNAL', message, options);
    this.name = 'InternalError';
  }
}

/**
 * Throws an {@link InternalError} if a value that the types say cannot exist
 * reaches a switch. Use it in the `default` branch of exhaustive switches.
 *
 * @param _value - the impossible value (never shown)
 * @param where - a short name of the switch, for the message
 */
export function assertNever(_value: never, where: string): never {
  throw new InternalError(`Unhandled case in ${where}`);
}
