/**
 * A small record builder for the inclusion tests (not shipped).
 * @internal
 */
import { expect } from 'vitest';
import { parsePatientRecord } from '@kronikerpakker/core';
import type { MessageCode, MissingDataCode, PackageId, PatientRecord, PatientRecordInput, RedFlagCode } from '@kronikerpakker/core';
import { evaluateInclusion } from './evaluate';
import type { InclusionResult, InclusionStatus } from './types';

/** The evaluation date of most cases. */
export const ASOF = '2027-01-15';

type PatientInput = PatientRecordInput['patient'];
/** A fragment of a record: lists are concatenated, patient fields merged. */
export type Part = Omit<Partial<PatientRecordInput>, 'patient'> & { patient?: Partial<PatientInput> };

const LISTS = [
  'diagnoses',
  'spirometry',
  'mrc',
  'backPainEpisodes',
  'redFlags',
  'packageDecisions',
] as const;

/** Builds a record input from fragments; the default patient is a listed woman born 1950-06-01. */
export function build(...parts: Part[]): PatientRecordInput {
  let patient: PatientInput = { birthDate: '1950-06-01', sex: 'female', listed: true };
  const out: Record<string, unknown[]> = {};
  for (const part of parts) {
    if (part.patient !== undefined) patient = { ...patient, ...part.patient };
    for (const key of LISTS) {
      const list = part[key] as unknown[] | undefined;
      if (list !== undefined) out[key] = [...(out[key] ?? []), ...list];
    }
  }
  return { id: 'case', synthetic: true, patient, ...out };
}

/** Parses a built record on `asOf`. */
export function parsed(asOf: string, ...parts: Part[]): PatientRecord {
  return parsePatientRecord(build(...parts), { asOf });
}

export const born = (birthDate: string): Part => ({ patient: { birthDate } });
export const dx = (
  code: string,
  system: 'ICPC-2' | 'ICD-10' | 'SKS' = 'ICPC-2',
  status: 'active' | 'resolved' = 'active',
): Part => ({ diagnoses: [{ system, code, status, recordedDate: '2015-03-01' }] });
export const spiro = (ratio: number, post = true, date = '2026-03-01'): Part => ({
  spirometry: [{ date, ratio, postBronchodilator: post }],
});
export const decision = (
  pkg: PackageId,
  value: 'included' | 'declined' | 'followed-in-hospital' | 'ended',
  date = '2026-06-01',
): Part => ({ packageDecisions: [{ date, package: pkg, decision: value }] });
export const episode = (onsetDate: string, endDate?: string): Part => ({
  backPainEpisodes: [endDate === undefined ? { onsetDate } : { onsetDate, endDate }],
});
export const flag = (code: RedFlagCode, status: 'present' | 'absent' | 'cleared', date = '2026-12-01'): Part => ({
  redFlags: [{ date, flag: code, status }],
});
export const mrc = (grade: number, date = '2026-11-01'): Part => ({ mrc: [{ date, grade }] });
export const deceased = (deceasedDate: string, listed = false): Part => ({ patient: { deceasedDate, listed } });
export const notListed: Part = { patient: { listed: false } };

/** One hand-checked case. */
export interface Case {
  /** What it shows. */
  readonly name: string;
  /** The record, as fragments. */
  readonly record: readonly Part[];
  /** The evaluation date; {@link ASOF} by default. */
  readonly asOf?: string;
  /** The expected status. */
  readonly status: InclusionStatus;
  /** The expected reason codes, in order. */
  readonly reasons: readonly MessageCode[];
  /** The expected missing-data codes. */
  readonly missing?: readonly MissingDataCode[];
  /** Further checks. */
  readonly check?: (result: InclusionResult) => void;
}

/** Runs one case for a package. */
export function runCase(pkg: PackageId, c: Case): InclusionResult {
  const asOf = c.asOf ?? ASOF;
  const result = evaluateInclusion(parsed(asOf, ...c.record), { package: pkg, asOf });
  expect(result.status).toBe(c.status);
  expect(result.reasons.map((r) => r.code)).toEqual(c.reasons);
  expect(result.missing.map((m) => m.code)).toEqual(c.missing ?? []);
  for (const r of result.reasons) {
    expect(r.text.da).not.toBe('');
    expect(r.text.en).not.toBe('');
    expect(r.source).not.toBe('');
  }
  c.check?.(result);
  return result;
}
