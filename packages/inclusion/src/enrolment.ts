/**
 * The one enrolment policy: from the inclusion result and the recorded
 * package decisions, whether the patient is in the package, whether a level
 * applies, and which care items are in scope. The facade, the cockpit, the
 * business rules and the treatment plan all ask this function, so they can
 * never disagree about a patient.
 *
 * @module
 */
import { assertParsedRecord, KronikerpakkerError } from '@kronikerpakker/core';
import type { IsoDate, PackageId, PatientRecord } from '@kronikerpakker/core';
import type { InclusionResult, InclusionStatus } from './types';

/**
 * Where a patient stands in a package, in one word:
 *
 * | standing | inclusion status | enrolled | in the package | level | package care items | plan |
 * |---|---|---|---|---|---|---|
 * | `enrolled` | eligible or insufficient-data | yes | yes | yes | yes | yes |
 * | `candidate` | eligible | no | no | yes (to decide at enrolment) | no | yes |
 * | `excluded` | excluded | either | no | no | no | no |
 * | `not-eligible` | not-eligible | either | no | no | no | no |
 * | `insufficient-data` | insufficient-data | no | no | no | no | no |
 *
 * "Enrolled" means the latest package decision for the package on or before
 * `asOf` is `included`. An exclusion (an urgent warning sign, declined,
 * followed in hospital, deceased, not listed) and a criterion no longer met
 * (not-eligible) both win over enrolment: the package's usual path stops
 * until the cause is resolved, and the cockpit lists an enrolled patient
 * under "no longer eligible" so the clinician can end the package or correct
 * the record. An enrolled patient with insufficient data stays in the
 * package: the data are asked for, the clinician's decision stands.
 *
 * Data-quality findings and urgent warning signs are not package care: they
 * show for everyone they concern, whatever the standing.
 *
 * @example
 * ```ts
 * const s: EnrolmentStanding = 'candidate';
 * ```
 */
export type EnrolmentStanding = 'enrolled' | 'candidate' | 'excluded' | 'not-eligible' | 'insufficient-data';

/**
 * The answer of the enrolment policy for one patient and package.
 *
 * @example
 * ```ts
 * const e = enrolmentOf(record, inclusion);
 * if (e.inPackage) showPackageTasks();
 * if (e.levelApplies) showLevel();
 * ```
 */
export interface Enrolment {
  /** `KOL` or `LRS`. */
  readonly package: PackageId;
  /** The inclusion status the policy was given. */
  readonly status: InclusionStatus;
  /** Whether the latest package decision on or before `asOf` is `included`. */
  readonly enrolled: boolean;
  /** Where the patient stands (see {@link EnrolmentStanding}). */
  readonly standing: EnrolmentStanding;
  /** In the package: enrolled, and eligible or with insufficient data. The package's care items (due, overdue, missing, suggestions) are in scope. */
  readonly inPackage: boolean;
  /** A level is suggested and shown: in the package, or a candidate (eligible, not enrolled). */
  readonly levelApplies: boolean;
  /** A treatment plan may be built: exactly when a level applies. */
  readonly planApplies: boolean;
  /**
   * Which care items are in scope: `package` (all of the care pack) when in
   * the package; `always` otherwise (only the items every patient gets:
   * data-quality findings and urgent warning signs).
   */
  readonly careScope: 'package' | 'always';
}

function make(pkg: PackageId, status: InclusionStatus, enrolled: boolean): Enrolment {
  const standing: EnrolmentStanding =
    status === 'excluded' || status === 'not-eligible'
      ? status
      : enrolled
        ? 'enrolled'
        : status === 'eligible'
          ? 'candidate'
          : 'insufficient-data';
  const inPackage = standing === 'enrolled';
  const levelApplies = inPackage || standing === 'candidate';
  return Object.freeze({
    package: pkg,
    status,
    enrolled,
    standing,
    inPackage,
    levelApplies,
    planApplies: levelApplies,
    careScope: inPackage ? ('package' as const) : ('always' as const),
  });
}

const STATUS_INDEX: Readonly<Record<InclusionStatus, number>> = { eligible: 0, 'not-eligible': 1, excluded: 2, 'insufficient-data': 3 };
const STATUSES: readonly InclusionStatus[] = ['eligible', 'not-eligible', 'excluded', 'insufficient-data'];

/**
 * Every answer is one of 2 x 4 x 2 frozen objects, made once and found by
 * index (package, status, enrolled): this runs for every patient and package.
 */
const ANSWERS: Readonly<Record<PackageId, readonly (readonly [Enrolment, Enrolment])[]>> = {
  KOL: STATUSES.map((status) => [make('KOL', status, false), make('KOL', status, true)] as const),
  LRS: STATUSES.map((status) => [make('LRS', status, false), make('LRS', status, true)] as const),
};

/**
 * Whether the patient's latest decision for the package on or before `asOf`
 * is `included` (decisions are sorted by date; on one day the later entry wins).
 *
 * @param record - a record from `parsePatientRecord`
 * @param pkg - the package
 * @param asOf - the evaluation date
 * @returns whether the patient is enrolled
 * @example
 * ```ts
 * isEnrolled(record, 'KOL', '2027-01-15'); // true after a decision 'included'
 * ```
 */
export function isEnrolled(record: PatientRecord, pkg: PackageId, asOf: IsoDate): boolean {
  let latest: string | undefined;
  for (const d of record.packageDecisions) if (d.package === pkg && d.date <= asOf) latest = d.decision;
  return latest === 'included';
}

/**
 * The enrolment policy for an inclusion status and enrolment, without a
 * record: for callers that know both already.
 *
 * @param pkg - the package
 * @param status - the inclusion status
 * @param enrolled - whether the latest package decision is `included`
 * @returns the shared, frozen answer
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for an unknown package or status
 * @example
 * ```ts
 * enrolmentFor('LRS', 'excluded', true).inPackage; // false
 * enrolmentFor('KOL', 'eligible', false).standing; // 'candidate'
 * ```
 */
export function enrolmentFor(pkg: PackageId, status: InclusionStatus, enrolled: boolean): Enrolment {
  // Checked at run time for JavaScript callers: the types already say so.
  const byStatus = Object.hasOwn(ANSWERS, pkg) ? ANSWERS[pkg] : undefined;
  const index = Object.hasOwn(STATUS_INDEX, status) ? STATUS_INDEX[status] : undefined;
  const pair = byStatus === undefined || index === undefined ? undefined : byStatus[index];
  if (pair === undefined) throw new KronikerpakkerError('INVALID_ARGUMENT', 'Unknown package or inclusion status', { path: ['status'] });
  return pair[enrolled ? 1 : 0];
}

/**
 * The enrolment policy for one patient and package: from the inclusion
 * result (its package, status and `asOf`) and the record's package
 * decisions. See {@link EnrolmentStanding} for the table.
 *
 * @param record - the record the inclusion result was computed from (`parsePatientRecord`)
 * @param inclusion - the inclusion result for the package
 * @returns the shared, frozen answer
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for an unparsed record or a malformed inclusion result
 * @example
 * ```ts
 * const inclusion = evaluateInclusion(record, { package: 'LRS', asOf: '2027-01-15' });
 * const e = enrolmentOf(record, inclusion);
 * e.careScope; // 'always' for an excluded patient: only data quality and urgent warning signs
 * ```
 */
export function enrolmentOf(record: PatientRecord, inclusion: InclusionResult): Enrolment {
  assertParsedRecord(record);
  if (typeof inclusion !== 'object' || (inclusion as unknown) === null) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected an inclusion result', { path: ['inclusion'] });
  }
  return enrolmentFor(inclusion.package, inclusion.status, isEnrolled(record, inclusion.package, inclusion.asOf));
}
