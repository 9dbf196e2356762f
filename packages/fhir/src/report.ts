/**
 * The mapping report: what happened to each entry of the Bundle, with a
 * reason code from a closed list. It never holds content from the Bundle
 * (no ids, identifiers, names, codes, values or dates), so it is safe to log.
 *
 * @module
 */

/**
 * What happened to one entry: `used` (it went into the record), `ignored`
 * (understood but not relevant, or of a kind the mapping does not cover) or
 * `rejected` (malformed or unusable).
 *
 * @example
 * ```ts
 * const outcome: MappingOutcome = 'used';
 * ```
 */
export type MappingOutcome = 'used' | 'ignored' | 'rejected';

/**
 * Why an entry was ignored or rejected, or a note on a used entry. A closed
 * union, documented in docs/fhir.md.
 *
 * @example
 * ```ts
 * const reason: MappingReasonCode = 'unknown-code';
 * ```
 */
export type MappingReasonCode =
  /** The entry or its resource is not an object, or has no `resourceType`. */
  | 'malformed'
  /** A resource type the mapping does not read (Medication, Practitioner, ...). */
  | 'unknown-resource-type'
  /** A resource type the mapping reads, with a code no code map lists. */
  | 'unknown-code'
  /** A code from a diagnosis system that is not a well-formed ICPC-2 / ICD-10 / SKS diagnosis code. */
  | 'invalid-code'
  /** The date the record needs is absent. */
  | 'missing-date'
  /** A date that names no day (`2026`, `2026-05`). */
  | 'partial-date'
  /** A date or dateTime that is not valid. */
  | 'invalid-date'
  /** Dated after `asOf`: not part of the snapshot. */
  | 'after-as-of'
  /** The value the record needs is absent. */
  | 'missing-value'
  /** A value of the wrong type or outside the allowed codes. */
  | 'invalid-value'
  /** A quantity in a unit the mapping does not convert. */
  | 'unsupported-unit'
  /** A spirometry or body value outside a panel that the mapping does not group (see docs). */
  | 'unsupported-structure'
  /** Status `entered-in-error`. */
  | 'entered-in-error'
  /** Status `cancelled`, `not-done` or `planned`: it did not happen. */
  | 'not-done'
  /** Condition `verificationStatus` `refuted`. */
  | 'refuted'
  /** A second Patient resource (the first one is the record's patient). */
  | 'second-patient'
  /** The resource's subject is another patient than the Bundle's Patient. */
  | 'other-patient'
  /** A QuestionnaireResponse that `@kronikerpakker/pro` could not read. */
  | 'invalid-questionnaire-response'
  /** Bundle level: the Bundle has no usable Patient resource. */
  | 'no-patient'
  /** Note: the CPR identifier is not a valid CPR number; the record has no CPR. */
  | 'invalid-cpr'
  /** Note: a replacement number (X-eCPR, D-eCPR) was found; it is not used as CPR. */
  | 'replacement-number'
  /** Note: no `listed` extension; the patient is taken as listed (or per the `listedWhenAbsent` option). */
  | 'listed-assumed'
  /** Note: `deceasedBoolean: true` without a date; the record cannot hold it. */
  | 'deceased-without-date'
  /** Note: a component or field the mapping does not read was skipped. */
  | 'unknown-component';

/**
 * The record target of a used entry: `patient` or the name of a record list.
 *
 * @example
 * ```ts
 * const target: MappingTarget = 'spirometry';
 * ```
 */
export type MappingTarget =
  | 'patient'
  | 'diagnoses'
  | 'spirometry'
  | 'mrc'
  | 'cat'
  | 'exacerbations'
  | 'admissions'
  | 'smoking'
  | 'bodyMeasurements'
  | 'vaccinations'
  | 'inhalerChecks'
  | 'backPainEpisodes'
  | 'redFlags'
  | 'imaging'
  | 'workStatus'
  | 'sickLeave'
  | 'questionnaires'
  | 'encounters'
  | 'referrals'
  | 'packageDecisions'
  | 'needsAssessments'
  | 'levelDecisions'
  | 'sharedPlans';

/**
 * What happened to one Bundle entry.
 *
 * @example
 * ```ts
 * const e: MappingReportEntry = { index: 3, resourceType: 'Observation', outcome: 'used', target: 'spirometry', targetIndex: 0 };
 * ```
 */
export interface MappingReportEntry {
  /** The entry's position in `Bundle.entry` (0-based). */
  readonly index: number;
  /** The resource type, or `(none)` when absent or not a plain resource type name. */
  readonly resourceType: string;
  /** Used, ignored or rejected. */
  readonly outcome: MappingOutcome;
  /** Why it was ignored or rejected. */
  readonly reason?: MappingReasonCode;
  /** For a used entry: the record list (or `patient`) it went to. */
  readonly target?: MappingTarget;
  /** For a used entry: its index in that list of the mapped input (the index validation issues name). */
  readonly targetIndex?: number;
  /** Notes on a used entry (a defaulted or dropped field). */
  readonly notes?: readonly MappingReasonCode[];
}

/**
 * How many entries had each outcome.
 *
 * @example
 * ```ts
 * const counts: MappingCounts = { used: 41, ignored: 2, rejected: 0 };
 * ```
 */
export interface MappingCounts {
  /** Entries that went into the record. */
  readonly used: number;
  /** Entries understood but not mapped. */
  readonly ignored: number;
  /** Entries malformed or unusable. */
  readonly rejected: number;
}

/**
 * The mapping report of one Bundle. Safe to log: no content of the Bundle.
 *
 * @example
 * ```ts
 * const { report } = fromFhirBundle(bundle, { asOf: '2027-01-15' });
 * report.counts; // { used: 41, ignored: 2, rejected: 0 }
 * ```
 */
export interface MappingReport {
  /** One entry per Bundle entry, in Bundle order. */
  readonly entries: readonly MappingReportEntry[];
  /** How many entries were used, ignored and rejected. */
  readonly counts: MappingCounts;
  /** Problems of the Bundle as a whole (`no-patient`). */
  readonly issues: readonly MappingReasonCode[];
}

/** @internal builds a report. */
export class ReportBuilder {
  readonly entries: MappingReportEntry[] = [];
  readonly issues: MappingReasonCode[] = [];

  add(entry: MappingReportEntry): void {
    this.entries.push(entry);
  }

  build(): MappingReport {
    const counts = { used: 0, ignored: 0, rejected: 0 };
    for (const e of this.entries) counts[e.outcome]++;
    return Object.freeze({
      entries: Object.freeze(this.entries.map((e) => Object.freeze(e))),
      counts: Object.freeze(counts),
      issues: Object.freeze([...this.issues]),
    });
  }
}
