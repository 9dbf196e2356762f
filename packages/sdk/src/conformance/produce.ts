/**
 * The SDK's own answers to a conformance case: what the kit expects, and
 * what a vendor integration built on the SDK writes as its output.
 *
 * @module
 */
import { createFactContext, parsePatientRecord } from '@kronikerpakker/core';
import type { IsoDate, PackageId, PatientRecord } from '@kronikerpakker/core';
import { evaluateCareInContext } from '@kronikerpakker/business-rules';
import { buildTreatmentPlan, toCpdXml } from '@kronikerpakker/cpd';
import { suggestLevelInContext } from '@kronikerpakker/differentiation';
import { evaluateInclusionInContext } from '@kronikerpakker/inclusion';
import type { ConformanceExpectation, ConformanceItem, ConformanceOutput, ConformancePackageOutput } from './kit';

/** The packages a case is evaluated for. */
export const CONFORMANCE_PACKAGES: readonly PackageId[] = ['KOL', 'LRS'];

function byCodeThenDate(a: ConformanceItem, b: ConformanceItem): number {
  return a.code === b.code ? String(a.dueDate).localeCompare(String(b.dueDate)) : a.code < b.code ? -1 : 1;
}

/**
 * Evaluates a validated record for the kit: per package, the inclusion
 * status, the suggested level of an eligible patient, the care items, and
 * whether a CPD document is expected (for an eligible patient with a CPR).
 *
 * @param record - a validated record
 * @param asOf - the evaluation date
 * @returns the expectation per package
 */
export function expectationsFor(record: PatientRecord, asOf: IsoDate): Record<PackageId, ConformanceExpectation> {
  const ctx = createFactContext(record, asOf);
  const out = {} as Record<PackageId, ConformanceExpectation>;
  for (const pkg of CONFORMANCE_PACKAGES) {
    const inclusion = evaluateInclusionInContext(ctx, { package: pkg });
    const level = suggestLevelInContext(ctx, { package: pkg });
    const care = evaluateCareInContext(ctx, { package: pkg, level });
    const eligible = inclusion.status === 'eligible';
    out[pkg] = {
      inclusion: inclusion.status,
      level: eligible ? level.suggestedLevel : null,
      items: care.items.map((i) => ({ code: i.code, dueDate: i.dueDate })).sort(byCodeThenDate),
      // A CPD document names the patient by CPR: expected for an eligible patient who has one.
      cpd: eligible && record.patient.cpr !== undefined,
    };
  }
  return out;
}

/**
 * The output file a vendor integration writes for a case (the expectation without the CPD flag).
 *
 * @param expectations - the expectations per package
 * @returns the output
 */
export function outputOf(expectations: Readonly<Partial<Record<PackageId, ConformanceExpectation>>>): ConformanceOutput {
  const out: Partial<Record<PackageId, ConformancePackageOutput>> = {};
  for (const [pkg, e] of Object.entries(expectations) as [PackageId, ConformanceExpectation][]) {
    out[pkg] = { inclusion: e.inclusion, level: e.level, items: e.items };
  }
  return out;
}

/** The synthetic clinic and author the kit's CPD documents name. */
export const CONFORMANCE_CLINIC = { sorId: '1234567890123', name: 'Syntetisk Lægehus (conformance kit)' } as const;

/**
 * The SDK's CPD document for a case and package: deterministic (fixed ids and clock), for the self-test.
 *
 * @param input - the case's record input
 * @param asOf - the case's date
 * @param pkg - the package
 * @returns the CPD-DK XML
 */
export function conformanceCpd(input: unknown, asOf: IsoDate, pkg: PackageId): string {
  const record = parsePatientRecord(input, { asOf });
  let n = 0;
  const plan = buildTreatmentPlan(record, {
    asOf,
    package: pkg,
    clinic: CONFORMANCE_CLINIC,
    author: { sorId: CONFORMANCE_CLINIC.sorId, name: { given: ['Syntetisk'], family: 'Læge' } },
    patientName: { given: ['Syntetisk'], family: 'Patient' },
    idGenerator: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    clock: () => new Date(`${asOf}T09:00:00Z`),
  });
  return toCpdXml(plan);
}
