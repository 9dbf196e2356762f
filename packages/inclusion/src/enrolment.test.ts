/**
 * The enrolment policy as a table (issue 12 findings 1 and 2): inclusion
 * status and enrolment in, standing, level, care scope and plan out.
 * Source: issue 12 "One enrolment policy"; docs/levels.md; docs/cockpit.md.
 */
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError, parsePatientRecord } from '@kronikerpakker/core';
import { enrolmentFor, enrolmentOf, isEnrolled } from './enrolment';
import { evaluateInclusion } from './evaluate';
import type { InclusionStatus } from './types';

type Row = readonly [status: InclusionStatus, enrolled: boolean, standing: string, inPackage: boolean, level: boolean, plan: boolean];

const TABLE: readonly Row[] = [
  ['eligible', true, 'enrolled', true, true, true],
  ['insufficient-data', true, 'enrolled', true, true, true],
  ['eligible', false, 'candidate', false, true, true],
  // An exclusion wins over enrolment (finding 2: the cockpit showed a level, the facade none).
  ['excluded', true, 'excluded', false, false, false],
  ['excluded', false, 'excluded', false, false, false],
  // "Excluded or not-eligible patients get no package care items" (issue 12), enrolled or not.
  ['not-eligible', true, 'not-eligible', false, false, false],
  ['not-eligible', false, 'not-eligible', false, false, false],
  ['insufficient-data', false, 'insufficient-data', false, false, false],
];

describe('the enrolment policy (issue 12)', () => {
  it.each(TABLE.map((r) => [`${r[0]}, enrolled ${String(r[1])} -> ${r[2]}`, r] as const))('%s', (_name, [status, enrolled, standing, inPackage, level, plan]) => {
    for (const pkg of ['KOL', 'LRS'] as const) {
      const e = enrolmentFor(pkg, status, enrolled);
      expect(e).toEqual({
        package: pkg,
        status,
        enrolled,
        standing,
        inPackage,
        levelApplies: level,
        planApplies: plan,
        careScope: inPackage ? 'package' : 'always',
      });
      expect(Object.isFrozen(e)).toBe(true);
      expect(enrolmentFor(pkg, status, enrolled)).toBe(e);
    }
  });

  it('rejects an unknown status or package with a coded error that names no value', () => {
    for (const bad of [['KOL', 'maybe'], ['XYZ', 'eligible']] as const) {
      try {
        enrolmentFor(bad[0] as never, bad[1] as never, false);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(KronikerpakkerError);
        expect((e as KronikerpakkerError).code).toBe('INVALID_ARGUMENT');
        expect(String(e)).not.toContain(bad[1]);
      }
    }
  });

  const asOf = '2027-03-01';
  const record = (decisions: readonly { date: string; decision: 'included' | 'declined' | 'ended' }[]) =>
    parsePatientRecord(
      {
        id: 'syn-enrolment',
        synthetic: true,
        patient: { birthDate: '1950-01-01', sex: 'female', listed: true },
        diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-01-01' }],
        spirometry: [{ date: '2026-06-01', ratio: 0.6, fev1PercentPredicted: 60, postBronchodilator: true }],
        packageDecisions: decisions.map((d) => ({ ...d, package: 'KOL' as const })),
      },
      { asOf },
    );

  it('enrolled means the latest decision on or before asOf is included', () => {
    expect(isEnrolled(record([]), 'KOL', asOf)).toBe(false);
    expect(isEnrolled(record([{ date: '2026-01-01', decision: 'included' }]), 'KOL', asOf)).toBe(true);
    expect(isEnrolled(record([{ date: '2026-01-01', decision: 'included' }, { date: '2026-06-01', decision: 'ended' }]), 'KOL', asOf)).toBe(false);
    expect(isEnrolled(record([{ date: '2026-01-01', decision: 'included' }]), 'LRS', asOf)).toBe(false);
    // Evaluated as of a date before the decision: not yet enrolled.
    expect(isEnrolled(record([{ date: '2026-01-01', decision: 'included' }]), 'KOL', '2025-12-31')).toBe(false);
  });

  it('enrolmentOf reads the inclusion result and the record: declined is excluded, whatever came before', () => {
    const enrolled = record([{ date: '2026-01-01', decision: 'included' }]);
    expect(enrolmentOf(enrolled, evaluateInclusion(enrolled, { package: 'KOL', asOf })).standing).toBe('enrolled');
    const candidate = record([]);
    expect(enrolmentOf(candidate, evaluateInclusion(candidate, { package: 'KOL', asOf })).standing).toBe('candidate');
    const declined = record([{ date: '2026-01-01', decision: 'included' }, { date: '2026-02-01', decision: 'declined' }]);
    expect(enrolmentOf(declined, evaluateInclusion(declined, { package: 'KOL', asOf })).standing).toBe('excluded');
  });
});
