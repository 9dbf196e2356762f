/**
 * Issue 12 findings 1 and 3 over the synthetic clinic: properties every care
 * item must have, whatever the patient. Synthetic data only
 * (@kronikerpakker/test-fixtures, fixed seed).
 */
import { describe, expect, it } from 'vitest';
import { parsePatientRecord } from '@kronikerpakker/core';
import type { IsoDate, PackageId, PatientRecord } from '@kronikerpakker/core';
import { enrolmentOf, evaluateInclusion } from '@kronikerpakker/inclusion';
import type { EnrolmentStanding } from '@kronikerpakker/inclusion';
import { generateClinic } from '@kronikerpakker/test-fixtures';
import { evaluateCare, kolCarePack, lrsCarePack } from './index';

const SEED = 12;
const SIZE = 2_000;
/** Mid-January (the vaccination period's last day), summer, the period's first day, the day after it closes. */
const AS_OF: readonly IsoDate[] = ['2027-01-15', '2027-06-15', '2027-10-01', '2028-01-16'];
const PACKAGES: readonly PackageId[] = ['KOL', 'LRS'];

/** The scope of every item code, from the shipped packs (a dq.* code has the same scope in both). */
const SCOPE = new Map<string, string>();
for (const doc of [kolCarePack, lrsCarePack]) {
  for (const rule of doc.rules) {
    const params = rule.event.params;
    const code = params?.['code'];
    const scope = params?.['scope'];
    if (rule.event.type === 'care-item' && typeof code === 'string' && typeof scope === 'string') SCOPE.set(code, scope);
  }
}

describe.each(AS_OF)('the synthetic clinic on %s (seed 12, 2,000 patients)', (asOf) => {
  const records: PatientRecord[] = generateClinic({ seed: SEED, size: SIZE, asOf }).map((input) => parsePatientRecord(input, { asOf }));

  it('issue 12 finding 3: every "due" item is due today or later (or undated), every "overdue" item before today; finding 1: package items only in the package', () => {
    const violations: string[] = [];
    const seen = { dueDated: 0, dueToday: 0, overdue: 0, packageItems: 0, alwaysOutside: 0 };
    const standings = new Map<EnrolmentStanding, number>();
    records.forEach((record, n) => {
      for (const pkg of PACKAGES) {
        const care = evaluateCare(record, { package: pkg, asOf });
        const enrolment = enrolmentOf(record, evaluateInclusion(record, { package: pkg, asOf }));
        standings.set(enrolment.standing, (standings.get(enrolment.standing) ?? 0) + 1);
        if (care.inPackage !== enrolment.inPackage) violations.push(`patient #${String(n)} ${pkg}: inPackage ${String(care.inPackage)}, policy ${enrolment.standing}`);
        for (const item of care.items) {
          const where = `patient #${String(n)} ${pkg} ${item.code}`;
          if (item.kind === 'due' && item.dueDate !== null) {
            seen.dueDated++;
            if (item.dueDate < asOf) violations.push(`${where}: due ${item.dueDate} before asOf`);
            if (item.dueDate === asOf) seen.dueToday++;
          }
          if (item.kind === 'overdue') {
            seen.overdue++;
            if (item.dueDate === null || item.dueDate >= asOf) violations.push(`${where}: overdue with due date ${String(item.dueDate)}`);
          }
          const scope = SCOPE.get(item.code);
          if (scope === 'package') {
            seen.packageItems++;
            if (!enrolment.inPackage) violations.push(`${where}: package item for standing ${enrolment.standing}`);
          } else if (scope === 'always') {
            if (!enrolment.inPackage) seen.alwaysOutside++;
          } else {
            violations.push(`${where}: no scope in the packs`);
          }
        }
      }
    });
    expect(violations).toEqual([]);
    // The clinic exercises the properties: dated due items (some due today), overdue items, package items, items outside the package,
    // and every standing of the enrolment policy but 'insufficient-data' (which the generator may not produce on every date).
    expect(seen.dueDated).toBeGreaterThan(0);
    expect(seen.dueToday).toBeGreaterThan(0); // due now: a passed date (the CAT before an overdue årsstatus) or no årsstatus ever
    expect(seen.overdue).toBeGreaterThan(0);
    expect(seen.packageItems).toBeGreaterThan(0);
    expect(seen.alwaysOutside).toBeGreaterThan(0);
    for (const standing of ['enrolled', 'candidate', 'not-eligible', 'excluded'] as const) expect(standings.get(standing) ?? 0, standing).toBeGreaterThan(0);
  });
});
