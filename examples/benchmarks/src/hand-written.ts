/**
 * The hand-written TypeScript baseline: the same KOL and LRS inclusion logic
 * as the shipped packs (kol-inclusion 0.1.0, lrs-inclusion 0.1.0), written as
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
  // Every red flag belongs to a category, and any flag whose latest assessment is present excludes.
  const flags = new Map<string, string>();
  for (const f of r.redFlags) flags.set(f.flag, f.status);
  for (const status of flags.values()) if (status === 'present') return 'excluded';
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
