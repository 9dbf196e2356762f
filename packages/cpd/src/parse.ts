/**
 * `parseCpd`: a CPD-DK document back into a {@link TreatmentPlan}.
 *
 * @module
 */

import type { CpdCodeConfig } from './config';
import type { CpdFinding } from './findings';
import { inspect } from './inspect';
import type { CpdSectionSummary } from './inspect';
import { checkOptions, resolveLimits } from './limits';
import type { CpdLimits } from './limits';
import type { TreatmentPlan } from './model';
import { readXml } from './xml-tree';

/** Options of {@link parseCpd}. */
export interface ParseCpdOptions {
  /** The provisional codes the document was written with; defaults to {@link DEFAULT_CPD_CODES}. */
  readonly codes?: CpdCodeConfig;
  /** Limits on size, depth, attributes and elements; each defaults to {@link DEFAULT_CPD_LIMITS}. */
  readonly limits?: CpdLimits;
}

/** The result of {@link parseCpd}. */
export interface ParseCpdResult {
  /**
   * The plan, when the document holds a complete KOL or LRS plan; otherwise
   * `undefined` and a `CPD_PLAN_INCOMPLETE` finding says which field is missing.
   */
  readonly plan: TreatmentPlan | undefined;
  /** Everything noticed while reading, known MedCom example defects included (as warnings). */
  readonly findings: readonly CpdFinding[];
  /** The sections found, with their number of sub-sections and entries. */
  readonly sections: readonly CpdSectionSummary[];
}

/**
 * Reads a CPD-DK document. Tolerant: MedCom's known example defects (validity
 * without templateId, the `1.208.184` typo, `encounter` interventions, MCS
 * codes under the NPU OID, empty titles) are reported as warnings and read
 * anyway. Safe: a document with a DOCTYPE is refused (`CPD_DOCTYPE_FORBIDDEN`),
 * so no entity is expanded and no external resource is ever fetched.
 * Bounded: a document over one of the {@link CpdLimits} (by default 10 MiB,
 * depth 64, 256 attributes on an element, 200,000 elements) gets one
 * `CPD_TOO_LARGE` finding naming the limit, found before parsing (size) or as
 * soon as the element over the limit is read; the time is linear in the size.
 * Never throws for bad input: problems are findings. Throws
 * `INVALID_ARGUMENT` only for bad options (not an object, a limit that is not
 * a positive integer or `Infinity`).
 *
 * @param xml - the document
 * @param options - the provisional codes and the limits
 * @returns the plan (if complete), the findings and the sections seen
 * @example
 * ```ts
 * const { plan, findings } = parseCpd(toCpdXml(original));
 * // plan deep-equals original; findings hold only provisional-code warnings
 *
 * parseCpd(hugeXml).findings; // [{ code: 'CPD_TOO_LARGE', severity: 'error', location: '/', limit: 'maxLength' }]
 * parseCpd(hugeXml, { limits: { maxLength: 50 * 1024 * 1024 } }); // raise one limit
 * ```
 */
export function parseCpd(xml: string, options: ParseCpdOptions = {}): ParseCpdResult {
  const opts = checkOptions<ParseCpdOptions>(options);
  const read = readXml(xml, resolveLimits(opts.limits));
  if (read.root === undefined) return { plan: undefined, findings: read.findings, sections: [] };
  const result = inspect(read.root, opts.codes);
  return { plan: result.plan, findings: result.findings, sections: result.sections };
}
