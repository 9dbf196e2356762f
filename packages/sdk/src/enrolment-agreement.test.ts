/**
 * Issue 12 finding 2 and its "Done when": the facade (`evaluatePatient`), the
 * cockpit (`buildCockpit` for KOL and for LRS) and the treatment plan
 * (`evaluatePatient` with `plan`, and `buildTreatmentPlan` itself) agree on
 * every patient of a generated clinic of 10,000 SYNTHETIC patients: where
 * the patient stands, whether a level applies (and which), and whether the
 * package's own care items are in scope.
 *
 * The expected standing is derived here from the enrolment policy's table
 * (issue 12 finding 1; packages/inclusion/src/enrolment.ts), not read from
 * the code under test:
 *
 * | inclusion status | enrolled | standing | level | package care items | plan |
 * |---|---|---|---|---|---|
 * | eligible | yes | enrolled | yes | yes | yes |
 * | insufficient-data | yes | enrolled | yes | yes | yes |
 * | eligible | no | candidate | yes | no | yes |
 * | excluded | either | excluded | no | no | no |
 * | not-eligible | either | not-eligible | no | no | no |
 * | insufficient-data | no | insufficient-data | no | no | no |
 */
import { describe, expect, it } from 'vitest';
import { parsePatientRecord, syntheticCpr } from '@kronikerpakker/core';
import type { IsoDate, PackageId, PatientRecord, PatientRecordInput } from '@kronikerpakker/core';
import { kolCarePack, lrsCarePack } from '@kronikerpakker/business-rules';
import { buildCockpit } from '@kronikerpakker/cockpit';
import type { CockpitRow } from '@kronikerpakker/cockpit';
import { buildTreatmentPlan } from '@kronikerpakker/cpd';
import { enrolmentOf } from '@kronikerpakker/inclusion';
import type { EnrolmentStanding, InclusionStatus } from '@kronikerpakker/inclusion';
import { generateClinic } from '@kronikerpakker/test-fixtures';
import { evaluatePatient } from './evaluate';
import { deterministicPlan } from './test-helpers';

const AS_OF: IsoDate = '2027-03-01';
const CLINIC = { seed: 1212, size: 10_000, asOf: AS_OF } as const;
const PACKAGES: readonly PackageId[] = ['KOL', 'LRS'];
const STANDINGS: readonly EnrolmentStanding[] = ['enrolled', 'candidate', 'excluded', 'not-eligible', 'insufficient-data'];

const KOL_DIAGNOSIS = { system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-03-02' } as const;
const LRS_DIAGNOSIS = { system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-06-01' } as const;

/** A hand-built SYNTHETIC patient (CPR from syntheticCpr) for the rows of the table the generator seldom or never makes. */
function person(n: number, lists: Omit<PatientRecordInput, 'id' | 'patient' | 'synthetic'>): PatientRecordInput {
  return { id: `syn-agreement-${String(n)}`, synthetic: true, patient: { cpr: syntheticCpr('1960-05-05', 'female', n), birthDate: '1960-05-05', sex: 'female', listed: true }, ...lists };
}
const included = (pkg: PackageId) => ({ date: '2026-06-15', package: pkg, decision: 'included' }) as const;

/** Enrolled with data missing, enrolled and no longer eligible or excluded, undecided without enrolment: one each per package. */
const TABLE_ROWS: readonly PatientRecordInput[] = [
  person(1, { diagnoses: [KOL_DIAGNOSIS], packageDecisions: [included('KOL')] }), // KOL: no spirometry, enrolled
  person(2, { diagnoses: [{ ...KOL_DIAGNOSIS, status: 'resolved', resolvedDate: '2026-12-01' }], packageDecisions: [included('KOL')] }),
  person(3, { diagnoses: [LRS_DIAGNOSIS] }), // LRS: no episode recorded, not enrolled
  person(4, { diagnoses: [LRS_DIAGNOSIS], packageDecisions: [included('LRS')] }), // LRS: no episode recorded, enrolled
  person(5, {
    diagnoses: [LRS_DIAGNOSIS],
    backPainEpisodes: [{ onsetDate: '2026-06-01' }],
    redFlags: [{ date: '2027-02-20', flag: 'progressive-neurological-deficit', status: 'present' }],
    packageDecisions: [included('LRS')],
  }),
  person(6, { diagnoses: [{ ...LRS_DIAGNOSIS, status: 'resolved', resolvedDate: '2026-12-01' }], backPainEpisodes: [{ onsetDate: '2026-06-01', endDate: '2026-11-01' }], packageDecisions: [included('LRS')] }),
];

/** The enrolment policy's table (issue 12 finding 1). */
function expectedStanding(status: InclusionStatus, enrolled: boolean): EnrolmentStanding {
  if (status === 'excluded' || status === 'not-eligible') return status;
  if (enrolled) return 'enrolled';
  return status === 'eligible' ? 'candidate' : 'insufficient-data';
}

/**
 * The rules of a care pack whose items are package care: scope `package` in
 * the pack (and so conditioned on `packageCareInScope`). The others (data
 * quality, the urgent warning sign, two or more LRS risk factors) have scope
 * `always` and show for everyone.
 */
function packageRules(pack: { readonly rules: readonly { readonly name: string; readonly conditions: unknown; readonly event: unknown }[] }): ReadonlySet<string> {
  return new Set(pack.rules.filter((r) => (r.event as { params?: { scope?: unknown } }).params?.scope === 'package').map((r) => r.name));
}
describe('one enrolment policy: facade, cockpit and plan agree on a generated clinic (issue 12 finding 2, "Done when")', () => {
  const PACKAGE_RULES: Readonly<Record<PackageId, ReadonlySet<string>>> = { KOL: packageRules(kolCarePack), LRS: packageRules(lrsCarePack) };
  // The generated clinic, and six hand-built patients for the table's rarer rows (see TABLE_ROWS).
  const clinic = [...generateClinic(CLINIC), ...TABLE_ROWS];
  const rows: Record<PackageId, ReadonlyMap<string, CockpitRow>> = {
    KOL: new Map((buildCockpit(clinic, { asOf: AS_OF, profile: 'KOL' }).rows ?? []).map((r) => [r.id, r])),
    LRS: new Map((buildCockpit(clinic, { asOf: AS_OF, profile: 'LRS' }).rows ?? []).map((r) => [r.id, r])),
  };

  it('the care packs scope their package items by the policy, and leave data quality and urgent signs to everyone', () => {
    // Sanity of the split the test relies on: both kinds of rules exist in both packs, and a rule of scope
    // package holds only under the policy's fact packageCareInScope.
    for (const pkg of PACKAGES) expect(PACKAGE_RULES[pkg].size).toBeGreaterThan(5);
    for (const r of [...kolCarePack.rules, ...lrsCarePack.rules]) {
      expect(JSON.stringify(r.conditions).includes('"packageCareInScope"'), r.name).toBe(PACKAGE_RULES.KOL.has(r.name) || PACKAGE_RULES.LRS.has(r.name) || r.name.endsWith('.scope'));
    }
    expect(PACKAGE_RULES.LRS.has('lrs.red-flag.open')).toBe(false);
    expect(PACKAGE_RULES.LRS.has('lrs.risk-factors.consider-assessment')).toBe(false);
    expect(PACKAGE_RULES.LRS.has('lrs.risk-factor.noted')).toBe(true);
    expect(PACKAGE_RULES.KOL.has('kol.dq.kol-without-spirometry')).toBe(false);
    expect(PACKAGE_RULES.KOL.has('kol.aarsstatus.overdue')).toBe(true);
  });

  it('gives every patient, in both packages, the same standing, level and care scope everywhere', () => {
    const seen = new Map<string, number>();
    let rowsChecked = 0;
    let plansBuilt = 0;
    let plansRefused = 0;
    for (const input of clinic) {
      const e = evaluatePatient(input, { asOf: AS_OF, plan: deterministicPlan(false) });
      expect(e.valid).toBe(true);
      let record: PatientRecord | undefined;
      for (const pkg of PACKAGES) {
        const p = e.packages[pkg];
        if (p === undefined) throw new Error(`no ${pkg} evaluation`);
        const where = `${input.id} ${pkg}`;
        const standing = expectedStanding(p.inclusion.status, p.enrolled);
        seen.set(`${pkg}:${standing}`, (seen.get(`${pkg}:${standing}`) ?? 0) + 1);
        seen.set(`${pkg}:${p.inclusion.status}:${String(p.enrolled)}`, (seen.get(`${pkg}:${p.inclusion.status}:${String(p.enrolled)}`) ?? 0) + 1);
        const inPackage = standing === 'enrolled';
        const levelApplies = inPackage || standing === 'candidate';

        // The facade.
        expect(p.enrolment.standing, where).toBe(standing);
        expect(p.enrolment.inPackage, where).toBe(inPackage);
        expect(p.enrolment.levelApplies, where).toBe(levelApplies);
        expect(p.enrolment.planApplies, where).toBe(levelApplies);
        expect(p.enrolment.careScope, where).toBe(inPackage ? 'package' : 'always');
        expect(p.level !== null, where).toBe(levelApplies);
        expect(p.care.inPackage, where).toBe(inPackage);
        const packageItems = p.care.items.filter((i) => PACKAGE_RULES[pkg].has(i.rule));
        if (!inPackage) expect(packageItems.map((i) => i.code), where).toEqual([]);
        const effective = p.level === null ? null : (p.level.clinicianDecision?.level ?? p.level.suggestedLevel);

        // The cockpit: a patient with a standing that matters (enrolled, a candidate) always has a row;
        // a patient without a row is outside the profile (no decision, not eligible, no diagnosis).
        const row = rows[pkg].get(input.id);
        if (row === undefined) {
          expect(levelApplies, where).toBe(false);
          expect(p.enrolled, where).toBe(false);
        } else {
          rowsChecked++;
          expect(row.standing, where).toBe(standing);
          expect(row.status, where).toBe(p.inclusion.status);
          expect(row.enrolled, where).toBe(p.enrolled);
          expect(row.level.suggested, where).toBe(p.level?.suggestedLevel ?? null);
          expect(row.level.effective, where).toBe(effective);
          expect(row.itemCodes, where).toEqual(p.care.items.map((i) => i.code));
          if (!inPackage) expect(row.pro, where).toBe('not-applicable');
        }

        // The plan, through the facade: built exactly when a level applies (and a CPR names the patient).
        if (!levelApplies) {
          expect(p.planStatus, where).toBe('not-included');
          expect(p.plan, where).toBeUndefined();
        } else if (input.patient.cpr === undefined) {
          expect(p.planStatus, where).toBe('no-cpr');
        } else {
          plansBuilt++;
          expect(p.planStatus, where).toBe('built');
          expect(p.plan?.level?.level, where).toBe(effective);
        }

        // The plan, on its own: buildTreatmentPlan refuses a patient of the profile to whom no plan applies.
        if (row !== undefined && !levelApplies && input.patient.cpr !== undefined) {
          record ??= parsePatientRecord(input, { asOf: AS_OF });
          expect(enrolmentOf(record, p.inclusion).standing, where).toBe(standing);
          expect(() => buildTreatmentPlan(record as PatientRecord, { ...deterministicPlan(false), asOf: AS_OF, package: pkg }), where).toThrow(/enrolment policy/);
          plansRefused++;
        }
      }
    }
    // Not vacuous: every standing, and every row of the table (status x enrolled), occurs in both packages,
    // and many rows and plans were compared.
    for (const pkg of PACKAGES) {
      for (const s of STANDINGS) expect(seen.get(`${pkg}:${s}`) ?? 0, `${pkg}:${s}`).toBeGreaterThan(0);
      for (const status of ['eligible', 'insufficient-data', 'excluded', 'not-eligible']) {
        for (const enrolled of [true, false]) expect(seen.get(`${pkg}:${status}:${String(enrolled)}`) ?? 0, `${pkg}:${status}:${String(enrolled)}`).toBeGreaterThan(0);
      }
    }
    expect(rowsChecked).toBe(rows.KOL.size + rows.LRS.size);
    expect(plansBuilt).toBeGreaterThan(100);
    expect(plansRefused).toBeGreaterThan(10);
  }, 120_000);
});
