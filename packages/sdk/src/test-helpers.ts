/**
 * Shared by the tests of the facade: the committed synthetic fixture and
 * demo plan options.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PatientRecordInput } from '@kronikerpakker/core';
import type { CliStream } from './cli-main';
import type { PlanRequest } from './evaluate';

export const ASOF = '2027-01-15';
export const FIXTURE = join(import.meta.dirname, '..', '..', '..', 'test-fixtures', 'data', 'clinic-seed-2027-n500.ndjson');

let cached: PatientRecordInput[] | undefined;

/** The 500 synthetic records of the committed fixture (asOf 2027-01-15). */
export function fixtureRecords(): PatientRecordInput[] {
  cached ??= readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PatientRecordInput);
  return cached;
}

/** The fixture record with this id. */
export function fixtureRecord(id: string): PatientRecordInput {
  const r = fixtureRecords().find((x) => x.id === id);
  if (r === undefined) throw new Error(`no fixture record ${id}`);
  return r;
}

/** Deterministic ids (UUID v4 form) and clock for plans. */
export function deterministicPlan(cpd = true): PlanRequest {
  let n = 0;
  return {
    clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
    author: { sorId: '123456789012346', name: { given: ['Syntetisk'], family: 'Læge' } },
    patientName: { given: ['Syntetisk'], family: 'Patient' },
    idGenerator: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    clock: () => new Date('2027-01-15T09:30:00Z'),
    cpd,
  };
}

/** A KOL patient of 35 with a confirmed diagnosis: eligible under the shipped age limit of 30. */
export const KOL_35: PatientRecordInput = {
  id: 'syn-test-kol-35',
  synthetic: true,
  patient: { birthDate: '1991-06-01', sex: 'female', listed: true },
  diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2025-03-01' }],
  spirometry: [{ date: '2026-11-01', fev1L: 1.9, fvcL: 3.2, fev1PercentPredicted: 62, postBronchodilator: true }],
};

/** A CLI output stream in memory (a terminal when `isTTY`). */
export class Memory implements CliStream {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns = 100,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** One text as an async stream of one chunk (as a file read gives). */
export async function* chunksOf(text: string): AsyncIterable<string> {
  await Promise.resolve();
  yield text;
}
