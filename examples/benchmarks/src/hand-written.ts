/**
 * The hand-written TypeScript baseline: the same KOL and LRS inclusion logic
 * as the shipped packs (kol-inclusion 0.1.0, lrs-inclusion 0.2.0), written as
 * a developer would write it directly against the record, using the same
 * core helpers (ages, value sets, calendar intervals). It decides the status
 * only, without reasons or traces: the floor the evaluator is measured
 * against. Tests assert that it agrees with the SDK on every record.
 */
import { ageInYears, getValueSet, inValueSet, isWithinLastMonths, wholeWeeksBetween } from '@kronikerpakker/core';
import type { IsoDate, PackageId, PatientRecord } from '@kronikerpakker/core';

/** An inclusion status. */
export type Status = 'eligible' | 'not-eligible' | 'excluded' | 'insufficient-data';

const kolSet = getValueSet('kol-diagnosis');
const lrsSet = getValueSet('lrs-diagnosis');

function latestDecision(r: PatientRecord, pkg: PackageId): string {
  let latest = 'none';
  for (const d of r.packageDecisions) if (d.package === pkg) latest = d.decision;
  return latest;
}

function administrativelyExcluded(r: PatientRecord, asOf: IsoDate, pkg: PackageId): boolean {
  const deceased = r.patient.deceasedDate !== undefined && r.patient.deceasedDate <= asOf;
  return deceased || !r.patient.listed || latestDecision(r, pkg) === 'declined';
}

/**
 * KOL inclusion status, hand-written.
 *
 * @param r - a validated record
 * @param asOf - the evaluation date
 * @returns the status
 */
export function kolStatus(r: PatientRecord, asOf: IsoDate): Status {
  if (administrativelyExcluded(r, asOf, 'KOL') || latestDecision(r, 'KOL') === 'followed-in-hospital') return 'excluded';
  let diagnosis = false;
  for (const d of r.diagnoses) if (d.status === 'active' && inValueSet(kolSet, d)) diagnosis = true;
  if (!diagnosis) return 'not-eligible';
  if (ageInYears(r.patient.birthDate, asOf) < 30) return 'not-eligible';
  let lowest: number | undefined;
  for (const s of r.spirometry) if (s.postBronchodilator && (lowest === undefined || s.ratio < lowest)) lowest = s.ratio;
  if (lowest === undefined) return 'insufficient-data';
  return lowest < 0.7 ? 'eligible' : 'not-eligible';
}

/**
 * LRS inclusion status, hand-written.
 *
 * @param r - a validated record
 * @param asOf - the evaluation date
 * @returns the status
 */
export function lrsStatus(r: PatientRecord, asOf: IsoDate): Status {
  if (administrativelyExcluded(r, asOf, 'LRS')) return 'excluded';
  // Only an urgent warning sign excludes; risk factors alone never do.
  if (r.redFlags.length > 0 && lrsUrgentWarningSigns(openRedFlags(r)).includes(true)) return 'excluded';
  if (ageInYears(r.patient.birthDate, asOf) < 18) return 'not-eligible';
  let diagnosis = false;
  for (const d of r.diagnoses) if (d.status === 'active' && inValueSet(lrsSet, d)) diagnosis = true;
  if (!diagnosis) return 'not-eligible';
  let episodes = 0;
  let onset: IsoDate | undefined;
  for (const e of r.backPainEpisodes) {
    if (isWithinLastMonths(e.onsetDate, asOf, 12)) episodes++;
    if (e.endDate === undefined) onset = e.onsetDate;
  }
  if (episodes >= 2) return 'eligible';
  if (onset === undefined) return 'insufficient-data';
  return wholeWeeksBetween(onset, asOf) >= 12 ? 'eligible' : 'not-eligible';
}

/**
 * The warning signs and risk factors whose latest assessment is present.
 *
 * @param r - a validated record
 * @returns the open red-flag codes
 */
export function openRedFlags(r: PatientRecord): Set<string> {
  const open = new Set<string>();
  if (r.redFlags.length === 0) return open;
  const states = new Map<string, string>();
  for (const f of r.redFlags) states.set(f.flag, f.status);
  for (const [flag, status] of states) if (status === 'present') open.add(flag);
  return open;
}

/**
 * The six urgent warning signs of lrs-inclusion 0.2.0, in pack order: cauda
 * equina, progressive neurological deficit, infection (fever with
 * immunosuppression or IV drug use), fracture (significant trauma),
 * malignancy (previous cancer with weight loss or constant/night pain),
 * suspected inflammatory disease.
 *
 * @param open - the open red-flag codes
 * @returns whether each urgent sign holds
 */
export function lrsUrgentWarningSigns(open: ReadonlySet<string>): boolean[] {
  if (open.size === 0) return [false, false, false, false, false, false];
  return [
    open.has('bladder-bowel-dysfunction') || open.has('saddle-anaesthesia'),
    open.has('progressive-neurological-deficit'),
    open.has('fever') && (open.has('immunosuppression') || open.has('iv-drug-use')),
    open.has('trauma'),
    open.has('previous-cancer') && (open.has('unexplained-weight-loss') || open.has('constant-or-night-pain')),
    open.has('inflammatory-disease-suspected'),
  ];
}

/** Three-valued result of one criterion or exclusion. */
export type Truth = 'true' | 'false' | 'unknown';

/** Status plus the result of every criterion and exclusion: what the SDK reports, without traces and texts. */
export interface HandResult {
  readonly status: Status;
  readonly results: readonly Truth[];
}

function statusOf(exclusions: readonly Truth[], criteria: readonly Truth[]): Status {
  if (exclusions.includes('true')) return 'excluded';
  if (criteria.includes('false')) return 'not-eligible';
  if (criteria.includes('unknown') || exclusions.includes('unknown')) return 'insufficient-data';
  return 'eligible';
}

const t = (b: boolean): Truth => (b ? 'true' : 'false');

/**
 * KOL, hand-written, reporting every criterion and exclusion like the SDK
 * (diagnosis, spirometry confirms, age; hospital, declined, deceased, not listed).
 *
 * @param r - a validated record
 * @param asOf - the evaluation date
 * @returns status and per-rule results
 */
export function kolCriteria(r: PatientRecord, asOf: IsoDate): HandResult {
  let diagnosis = false;
  for (const d of r.diagnoses) if (d.status === 'active' && inValueSet(kolSet, d)) diagnosis = true;
  let lowest: number | undefined;
  for (const s of r.spirometry) if (s.postBronchodilator && (lowest === undefined || s.ratio < lowest)) lowest = s.ratio;
  const spirometry: Truth = !diagnosis ? 'true' : lowest === undefined ? 'unknown' : t(lowest < 0.7);
  const criteria = [t(diagnosis), spirometry, t(ageInYears(r.patient.birthDate, asOf) >= 30)];
  const decision = latestDecision(r, 'KOL');
  const deceased = r.patient.deceasedDate !== undefined && r.patient.deceasedDate <= asOf;
  const exclusions = [t(decision === 'followed-in-hospital'), t(decision === 'declined'), t(deceased), t(!r.patient.listed)];
  return { status: statusOf(exclusions, criteria), results: [...criteria, ...exclusions] };
}

/**
 * LRS, hand-written, reporting every criterion and exclusion like the SDK
 * (age, diagnosis, persistence; declined, deceased, not listed, six urgent warning signs).
 *
 * @param r - a validated record
 * @param asOf - the evaluation date
 * @returns status and per-rule results
 */
export function lrsCriteria(r: PatientRecord, asOf: IsoDate): HandResult {
  let diagnosis = false;
  for (const d of r.diagnoses) if (d.status === 'active' && inValueSet(lrsSet, d)) diagnosis = true;
  let episodes = 0;
  let onset: IsoDate | undefined;
  for (const e of r.backPainEpisodes) {
    if (isWithinLastMonths(e.onsetDate, asOf, 12)) episodes++;
    if (e.endDate === undefined) onset = e.onsetDate;
  }
  const long: Truth = onset === undefined ? 'unknown' : t(wholeWeeksBetween(onset, asOf) >= 12);
  const persistence: Truth = episodes >= 2 || long === 'true' ? 'true' : long;
  const criteria = [t(ageInYears(r.patient.birthDate, asOf) >= 18), t(diagnosis), persistence];
  const deceased = r.patient.deceasedDate !== undefined && r.patient.deceasedDate <= asOf;
  const exclusions = [
    t(latestDecision(r, 'LRS') === 'declined'),
    t(deceased),
    t(!r.patient.listed),
    ...lrsUrgentWarningSigns(openRedFlags(r)).map(t),
  ];
  return { status: statusOf(exclusions, criteria), results: [...criteria, ...exclusions] };
}
