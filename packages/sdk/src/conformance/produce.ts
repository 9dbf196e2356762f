/**
 * The SDK's own answers to a conformance case: what the kit expects, and
 * what a vendor integration built on the SDK writes as its output.
 *
 * @module
 */
import { parsePatientRecord } from '@kronikerpakker/core';
import type { IsoDate, PackageId, PatientRecord } from '@kronikerpakker/core';
import { evaluatePatient } from '../evaluate';
import type { PlanRequest } from '../evaluate';
import type { ConformanceExpectation, ConformanceItem, ConformanceOutput, ConformancePackageOutput } from './kit';

/** The packages a case is evaluated for. */
export const CONFORMANCE_PACKAGES: readonly PackageId[] = ['KOL', 'LRS'];

function byCodeThenDate(a: ConformanceItem, b: ConformanceItem): number {
  return a.code === b.code ? String(a.dueDate).localeCompare(String(b.dueDate)) : a.code < b.code ? -1 : 1;
}

/** The synthetic clinic and author the kit's CPD documents name. */
export const CONFORMANCE_CLINIC = { sorId: '1234567890123', name: 'Syntetisk Lægehus (conformance kit)' } as const;

function planRequest(asOf: IsoDate, cpd: boolean): PlanRequest {
  let n = 0;
  return {
    clinic: CONFORMANCE_CLINIC,
    author: { sorId: CONFORMANCE_CLINIC.sorId, name: { given: ['Syntetisk'], family: 'Læge' } },
    patientName: { given: ['Syntetisk'], family: 'Patient' },
    cpd,
    idGenerator: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    clock: () => new Date(`${asOf}T09:00:00Z`),
  };
}

/**
 * Evaluates a validated record for the kit with the SDK facade
 * (`evaluatePatient`): per package, the inclusion status, the level the
 * facade gives (by the enrolment policy: in the package or a candidate), the
 * care items, and whether a treatment plan, and so a CPD document, is built
 * (the same policy's `planApplies`, and a CPR to name the patient by).
 *
 * @param record - a validated record
 * @param asOf - the evaluation date
 * @returns the expectation per package
 */
export function expectationsFor(record: PatientRecord, asOf: IsoDate): Record<PackageId, ConformanceExpectation> {
  const evaluation = evaluatePatient(record, { asOf, packages: CONFORMANCE_PACKAGES, plan: planRequest(asOf, false) });
  const out = {} as Record<PackageId, ConformanceExpectation>;
  for (const pkg of CONFORMANCE_PACKAGES) {
    const e = evaluation.packages[pkg];
    if (e === undefined) throw new Error(`evaluatePatient returned no ${pkg} evaluation`);
    out[pkg] = {
      inclusion: e.inclusion.status,
      level: e.level === null ? null : e.level.suggestedLevel,
      items: e.care.items.map((i) => ({ code: i.code, dueDate: i.dueDate })).sort(byCodeThenDate),
      cpd: e.planStatus === 'built',
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

/**
 * The SDK's CPD document for a case and package: deterministic (fixed ids and clock), for the self-test.
 *
 * @param input - the case's record input
 * @param asOf - the case's date
 * @param pkg - the package
 * @returns the CPD-DK XML
 */
export function conformanceCpd(input: unknown, asOf: IsoDate, pkg: PackageId): string {
  const evaluation = evaluatePatient(parsePatientRecord(input, { asOf }), { asOf, packages: [pkg], plan: planRequest(asOf, true) });
  const xml = evaluation.packages[pkg]?.cpd;
  if (xml === undefined) throw new Error(`no CPD document for ${pkg}`);
  return xml;
}
