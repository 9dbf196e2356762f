import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRecordError, KronikerpakkerError } from '../errors/errors';
import type { RecordIssue } from '../errors/errors';
import { parsePatientRecord, safeParsePatientRecord } from './parse';
import type { PatientRecordInput } from './schema';

const asOf = '2027-01-15';

/** A small, complete, valid record (synthetic). */
function baseRecord(): PatientRecordInput {
  return {
    id: 'test-1',
    synthetic: true,
    patient: { birthDate: '1950-05-04', sex: 'female', listed: true },
    diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-03-01' }],
    spirometry: [{ date: '2026-06-01', fev1L: 1.5, fvcL: 2.5, fev1PercentPredicted: 55, postBronchodilator: true }],
    mrc: [{ date: '2026-06-01', grade: 3 }],
    cat: [{ date: '2026-06-01', total: 14 }],
    exacerbations: [{ date: '2026-02-10', severity: 'moderate' }],
    smoking: [{ date: '2026-06-01', status: 'former' }],
    bodyMeasurements: [{ date: '2026-06-01', weightKg: 70, heightCm: 170 }],
    vaccinations: [{ date: '2026-10-05', vaccine: 'influenza' }],
    redFlags: [{ date: '2026-06-01', flag: 'fever', status: 'absent' }],
    questionnaires: [{ date: '2026-06-01', instrument: 'CAT', version: '1', answers: { cat1: 2, cat2: null } }],
    encounters: [{ date: '2026-06-01', type: 'aarsstatus', package: 'KOL' }],
    levelDecisions: [{ date: '2026-06-01', package: 'KOL', level: 2, reason: 'Synthetic reason' }],
  };
}

function issuesOf(input: unknown, options: Partial<Parameters<typeof parsePatientRecord>[1]> = {}): RecordIssue[] {
  const result = safeParsePatientRecord(input, { asOf, ...options });
  if (result.success) return [];
  return [...result.error.issues];
}

function withPatch(patch: (r: PatientRecordInput) => void): PatientRecordInput {
  const r = baseRecord();
  patch(r);
  return r;
}

describe('parsePatientRecord', () => {
  it('accepts a complete record and normalises it', () => {
    const r = parsePatientRecord(baseRecord(), { asOf });
    expect(r.schemaVersion).toBe(1);
    expect(r.spirometry[0]?.ratio).toBe(0.6);
    expect(r.spirometry[0]?.ratioSource).toBe('derived');
    expect(r.bodyMeasurements[0]?.bmi).toBe(24.2);
    expect(r.admissions).toEqual([]);
    expect(r.referrals).toEqual([]);
  });

  it('accepts the smallest record', () => {
    const r = parsePatientRecord({ id: 'x', patient: { birthDate: '2000-01-01', sex: 'male', listed: true } }, { asOf });
    expect(r.diagnoses).toEqual([]);
  });

  it('normalises ICD-10 in SKS and dotted form and ICPC-2 case', () => {
    const r = parsePatientRecord(
      withPatch((x) => {
        x.diagnoses = [
          { system: 'SKS', code: 'DJ449', status: 'active', recordedDate: '2020-01-01' },
          { system: 'ICD-10', code: 'j44.1', status: 'active', recordedDate: '2020-01-02' },
          { system: 'ICD-10', code: 'M545', status: 'resolved', recordedDate: '2020-01-03' },
          { system: 'ICPC-2', code: 'r95', status: 'active', recordedDate: '2020-01-04' },
        ];
      }),
      { asOf },
    );
    expect(r.diagnoses.map((d) => [d.system, d.code])).toEqual([
      ['ICD-10', 'J44.9'],
      ['ICD-10', 'J44.1'],
      ['ICD-10', 'M54.5'],
      ['ICPC-2', 'R95'],
    ]);
  });

  it('rejects SKS codes that are not diagnoses and malformed codes', () => {
    const issues = issuesOf(
      withPatch((x) => {
        x.diagnoses = [
          { system: 'SKS', code: 'KJAA10', status: 'active', recordedDate: '2020-01-01' },
          { system: 'ICPC-2', code: 'R9', status: 'active', recordedDate: '2020-01-01' },
        ];
      }),
    );
    expect(issues).toEqual([
      { path: ['diagnoses', 0, 'code'], code: 'invalid-format' },
      { path: ['diagnoses', 1, 'code'], code: 'invalid-format' },
    ]);
  });

  it('sorts lists by date, oldest first, stable for same-day entries', () => {
    const r = parsePatientRecord(
      withPatch((x) => {
        x.mrc = [
          { date: '2026-06-01', grade: 3 },
          { date: '2025-06-01', grade: 2 },
          { date: '2026-06-01', grade: 4 },
        ];
      }),
      { asOf },
    );
    expect(r.mrc.map((m) => m.grade)).toEqual([2, 3, 4]);
  });

  it.each([
    ['FEV1/FVC above 1', (x: PatientRecordInput) => (x.spirometry = [{ date: '2026-01-01', ratio: 1.01, postBronchodilator: true }]), ['spirometry', 0, 'ratio'], 'out-of-range'],
    ['FEV1 above FVC', (x: PatientRecordInput) => (x.spirometry = [{ date: '2026-01-01', fev1L: 3, fvcL: 2, postBronchodilator: true }]), ['spirometry', 0, 'fev1L'], 'inconsistent'],
    ['no ratio and no volumes', (x: PatientRecordInput) => (x.spirometry = [{ date: '2026-01-01', fev1L: 2, postBronchodilator: true }]), ['spirometry', 0, 'ratio'], 'required'],
    ['MRC 0', (x: PatientRecordInput) => (x.mrc = [{ date: '2026-01-01', grade: 0 }]), ['mrc', 0, 'grade'], 'out-of-range'],
    ['MRC 6', (x: PatientRecordInput) => (x.mrc = [{ date: '2026-01-01', grade: 6 }]), ['mrc', 0, 'grade'], 'out-of-range'],
    ['MRC 2.5', (x: PatientRecordInput) => (x.mrc = [{ date: '2026-01-01', grade: 2.5 }]), ['mrc', 0, 'grade'], 'invalid-type'],
    ['CAT 41', (x: PatientRecordInput) => (x.cat = [{ date: '2026-01-01', total: 41 }]), ['cat', 0, 'total'], 'out-of-range'],
    ['CAT items disagree with total', (x: PatientRecordInput) => (x.cat = [{ date: '2026-01-01', total: 10, items: [1, 1, 1, 1, 1, 1, 1, 1] }]), ['cat', 0, 'total'], 'inconsistent'],
    ['CAT with 7 items', (x: PatientRecordInput) => (x.cat = [{ date: '2026-01-01', items: [1, 1, 1, 1, 1, 1, 1] }]), ['cat', 0, 'items'], 'out-of-range'],
    ['negative weight', (x: PatientRecordInput) => (x.bodyMeasurements = [{ date: '2026-01-01', weightKg: -70 }]), ['bodyMeasurements', 0, 'weightKg'], 'out-of-range'],
    ['empty measurement', (x: PatientRecordInput) => (x.bodyMeasurements = [{ date: '2026-01-01' }]), ['bodyMeasurements', 0, 'weightKg'], 'required'],
    ['date form', (x: PatientRecordInput) => (x.mrc = [{ date: '2026-1-01', grade: 2 }]), ['mrc', 0, 'date'], 'invalid-format'],
    ['impossible date', (x: PatientRecordInput) => (x.mrc = [{ date: '2026-02-29', grade: 2 }]), ['mrc', 0, 'date'], 'invalid-date'],
    ['future date', (x: PatientRecordInput) => (x.mrc = [{ date: '2027-01-16', grade: 2 }]), ['mrc', 0, 'date'], 'future-date'],
    ['date before birth', (x: PatientRecordInput) => (x.mrc = [{ date: '1949-01-01', grade: 2 }]), ['mrc', 0, 'date'], 'inconsistent'],
    ['episode ending before it starts', (x: PatientRecordInput) => (x.backPainEpisodes = [{ onsetDate: '2026-05-01', endDate: '2026-04-30' }]), ['backPainEpisodes', 0, 'endDate'], 'inconsistent'],
    ['unknown enum value', (x: PatientRecordInput) => (x.smoking = [{ date: '2026-01-01', status: 'sometimes' as 'current' }]), ['smoking', 0, 'status'], 'invalid-value'],
    ['level 4', (x: PatientRecordInput) => (x.levelDecisions = [{ date: '2026-01-01', package: 'KOL', level: 4 as 3, reason: 'r' }]), ['levelDecisions', 0, 'level'], 'invalid-value'],
    ['empty level reason', (x: PatientRecordInput) => (x.levelDecisions = [{ date: '2026-01-01', package: 'KOL', level: 3, reason: '   ' }]), ['levelDecisions', 0, 'reason'], 'out-of-range'],
    ['missing birth date', (x: PatientRecordInput) => { delete (x.patient as Partial<PatientRecordInput['patient']>).birthDate; }, ['patient', 'birthDate'], 'required'],
    ['birth date as number', (x: PatientRecordInput) => { (x.patient as Record<string, unknown>)['birthDate'] = 1950; }, ['patient', 'birthDate'], 'invalid-type'],
    ['unknown red flag', (x: PatientRecordInput) => (x.redFlags = [{ date: '2026-01-01', flag: 'headache' as 'fever', status: 'present' }]), ['redFlags', 0, 'flag'], 'invalid-value'],
  ] as const)('reports %s at its path', (_name, patch, path, code) => {
    expect(issuesOf(withPatch(patch))).toEqual([{ path, code }]);
  });

  it('reports a future birth date, death date and a death before birth', () => {
    expect(issuesOf({ id: 'x', patient: { birthDate: '2027-02-01', sex: 'male', listed: true } })).toEqual([
      { path: ['patient', 'birthDate'], code: 'future-date' },
    ]);
    expect(
      issuesOf({ id: 'x', patient: { birthDate: '1950-02-01', sex: 'male', listed: false, deceasedDate: '1940-01-01' } }),
    ).toEqual([{ path: ['patient', 'deceasedDate'], code: 'inconsistent' }]);
  });

  it('treats asOf itself as not in the future', () => {
    expect(issuesOf(withPatch((x) => (x.mrc = [{ date: asOf, grade: 2 }])))).toEqual([]);
  });

  it('rejects unknown fields by default and strips them on request', () => {
    const input = withPatch((x) => {
      (x as Record<string, unknown>)['nickname'] = 'Synthetic';
      (x.patient as Record<string, unknown>)['shoeSize'] = 44;
    });
    expect(issuesOf(input)).toEqual([
      { path: ['patient'], code: 'unknown-field' },
      { path: [], code: 'unknown-field' },
    ]);
    const stripped = parsePatientRecord(input, { asOf, unknownFields: 'strip' });
    expect('nickname' in stripped).toBe(false);
    expect('shoeSize' in stripped.patient).toBe(false);
  });

  it('validates and normalises the CPR, recognising replacement numbers', () => {
    const ok = parsePatientRecord(withPatch((x) => (x.patient.cpr = '040550-4002')), { asOf });
    expect(ok.patient.cpr).toBe('0405504002');
    expect(issuesOf(withPatch((x) => (x.patient.cpr = '3102501234')))).toEqual([{ path: ['patient', 'cpr'], code: 'invalid-format' }]);
    expect(issuesOf(withPatch((x) => (x.patient.cpr = '0405507AB1')))).toEqual([
      { path: ['patient', 'cpr'], code: 'replacement-number' },
    ]);
  });

  it('lists every issue, not only the first', () => {
    const issues = issuesOf(
      withPatch((x) => {
        x.mrc = [{ date: '2026-01-01', grade: 0 }];
        x.cat = [{ date: '2026-01-01', total: 41 }];
        x.patient.sex = 'x' as 'male';
      }),
    );
    expect(issues.map((i) => i.code).sort()).toEqual(['invalid-value', 'out-of-range', 'out-of-range']);
  });

  it('throws an InvalidRecordError with code INVALID_RECORD', () => {
    let caught: unknown;
    try {
      parsePatientRecord({ id: 'x' }, { asOf });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidRecordError);
    expect(KronikerpakkerError.is(caught)).toBe(true);
    expect((caught as InvalidRecordError).code).toBe('INVALID_RECORD');
    expect((caught as InvalidRecordError).issues).toEqual([{ path: ['patient'], code: 'required' }]);
  });

  it('rejects a malformed asOf as an argument error', () => {
    expect(() => parsePatientRecord(baseRecord(), { asOf: '15-01-2027' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
    );
  });
});

describe('no patient data in any error', () => {
  const MARK = 'ZQX';
  /** Replaces every string leaf with a marker and every number with a marker number, at random. */
  function markAll(value: unknown, pick: () => number, counter: { n: number }): unknown {
    if (typeof value === 'string') {
      counter.n++;
      // Half the time the marker replaces the string; the rest keep their shape but embed it where a code or id is free text.
      return pick() < 0.5 ? `${MARK}${String(counter.n)}${MARK}` : `${value}${MARK}`;
    }
    if (typeof value === 'number') return pick() < 0.3 ? 987654.25 : value;
    if (Array.isArray(value)) return value.map((v) => markAll(v, pick, counter));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = markAll(v, pick, counter);
      if (pick() < 0.2) out[`${MARK}key`] = `${MARK}value`;
      return out;
    }
    return value;
  }

  function assertClean(err: unknown): void {
    const e = err as Error;
    const texts = [e.message, String(e), JSON.stringify(e), e.stack ?? ''];
    for (const text of texts) {
      expect(text).not.toContain(MARK);
      expect(text).not.toContain('987654');
    }
  }

  it('holds for records whose strings and numbers are markers', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }), (randoms) => {
        let i = 0;
        const pick = () => randoms[i++ % randoms.length] ?? 0;
        const input = markAll(baseRecord(), pick, { n: 0 });
        const result = safeParsePatientRecord(input, { asOf });
        if (!result.success) assertClean(result.error);
        try {
          parsePatientRecord(input, { asOf });
        } catch (err) {
          assertClean(err);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('holds for CPR-shaped markers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (serial) => {
        // 31 February never exists, so each of these is rejected; the digits must not surface.
        const cpr = `310250${String(serial).padStart(4, '0')}`;
        const result = safeParsePatientRecord(withPatch((x) => (x.patient.cpr = cpr)), { asOf });
        expect(result.success).toBe(false);
        if (!result.success) {
          for (const text of [result.error.message, String(result.error), JSON.stringify(result.error), result.error.stack ?? '']) {
            expect(text).not.toContain(cpr);
            expect(text).not.toContain('310250');
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
