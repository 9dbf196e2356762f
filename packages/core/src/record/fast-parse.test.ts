import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateClinic, generateRecords } from '../../../../test-fixtures/src/index';
import { fastParseRecord } from './fast-parse';
import { safeParsePatientRecordVia } from './parse';
import type { SafeParseRecordResult } from './parse';
import { recordSchemaFor } from './schema';
import type { UnknownFieldPolicy } from './schema';
import { PACKAGES, RED_FLAG_CODES, REFERRAL_TYPES, VACCINES, INSTRUMENTS, SEXES } from './vocabulary';

const asOf = '2027-01-15';
const POLICIES: readonly UnknownFieldPolicy[] = ['reject', 'strip'];

const fixture: unknown[] = readFileSync(new URL('../../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0)
  .map((line) => JSON.parse(line) as unknown);

const generated: unknown[] = [1, 2, 3, 2027].flatMap((seed) => [...generateRecords({ seed, size: 1000, asOf })]);

/** zod's output for the input (the reference), or undefined when zod rejects it. */
function zodOutput(input: unknown, policy: UnknownFieldPolicy): unknown {
  const parsed = recordSchemaFor(policy).safeParse(input);
  return parsed.success ? parsed.data : undefined;
}

/** The observable part of a parse result: the record, or the issues. */
function outcome(result: SafeParseRecordResult): unknown {
  return result.success ? { record: result.record } : { issues: result.error.issues };
}

function expectSameAsZod(input: unknown, policy: UnknownFieldPolicy): void {
  const fast = fastParseRecord(input, policy);
  expect(fast).not.toBeUndefined();
  const reference = zodOutput(input, policy);
  expect(fast).toStrictEqual(reference);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
}

describe('fast path: the same output as zod on valid records', () => {
  it('has a non-trivial fixture and generated set', () => {
    expect(fixture).toHaveLength(500);
    expect(generated).toHaveLength(4000);
  });

  it.each(POLICIES)('for every record of the committed fixture (policy %s)', (policy) => {
    for (const record of fixture) expectSameAsZod(record, policy);
  });

  it.each(POLICIES)('for generated records of several seeds (policy %s)', (policy) => {
    for (const record of generated) expectSameAsZod(record, policy);
  });

  it('gives the same safeParsePatientRecord result with and without the fast path (sorted, marked)', () => {
    for (const record of [...fixture, ...generated.slice(0, 1000)]) {
      const fast = safeParsePatientRecordVia(record, { asOf }, true);
      const zod = safeParsePatientRecordVia(record, { asOf }, false);
      expect(outcome(fast)).toStrictEqual(outcome(zod));
      expect(JSON.stringify(outcome(fast))).toBe(JSON.stringify(outcome(zod)));
    }
  });

  it('handles (returns a record for) at least 95 % of the generated valid records', () => {
    const valid = generated.filter((r) => zodOutput(r, 'reject') !== undefined);
    expect(valid.length).toBe(generated.length);
    const handled = valid.filter((r) => fastParseRecord(r, 'reject') !== undefined).length;
    expect(handled / valid.length).toBeGreaterThanOrEqual(0.95);
  });

  it('returns fresh objects: nothing shared with the input or between calls', () => {
    const input = { id: 'x', patient: { birthDate: '2000-01-01', sex: 'male', listed: true }, cat: [{ date: '2026-01-01', items: [1, 1, 1, 1, 1, 1, 1, 1] }] };
    const a = fastParseRecord(input, 'reject');
    const b = fastParseRecord(input, 'reject');
    expect(a?.cat[0]?.items).not.toBe(input.cat[0]?.items);
    expect(a?.diagnoses).not.toBe(b?.diagnoses);
    expect(a?.patient).not.toBe(input.patient);
  });
});

/** A small valid record touching every transform (synthetic). */
function rich(): Record<string, unknown> {
  return {
    id: 'rich-1',
    synthetic: true,
    patient: { cpr: ' 040550-4002 ', birthDate: '1950-05-04', sex: 'female', listed: true },
    diagnoses: [
      { system: 'SKS', code: ' dj449 ', status: 'active', recordedDate: '2020-01-01', onsetDate: '2019-01-01' },
      { recordedDate: '2020-01-02', system: 'ICD-10', code: 'm545', status: 'resolved', resolvedDate: '2021-01-01' },
      { system: 'ICPC-2', code: ' r95', status: 'active', recordedDate: '2020-01-03' },
    ],
    spirometry: [
      { date: '2026-06-01', fev1L: 1.5, fvcL: 2.5, postBronchodilator: true },
      { ratio: 0.61, date: '2026-06-02', postBronchodilator: false, fev1PercentPredicted: 55 },
      { date: '2026-06-03', fev1L: 1.234, fvcL: 3.21, ratio: 0.4, postBronchodilator: true },
    ],
    cat: [
      { date: '2026-06-01', items: [1, 2, 3, 4, 5, 0, 1, 2] },
      { total: 18, date: '2026-06-02', items: [1, 2, 3, 4, 5, 0, 1, 2] },
      { date: '2026-06-03', total: -0 },
    ],
    bodyMeasurements: [
      { date: '2026-06-01', weightKg: 70, heightCm: 170 },
      { date: '2026-06-02', bmi: 22.5, weightKg: 70 },
      { date: '2026-06-03', heightCm: 170 },
    ],
    vaccinations: [{ date: '2026-10-05', vaccine: 'other', code: { code: 'J07', system: 'ATC' } }],
    questionnaires: [{ date: '2026-06-01', instrument: 'ODI', version: '2.1', answers: { q2: 1, '10': null, '1': 0, constructor: 3 } }],
    needsAssessments: [{ motivation: 'low', date: '2026-06-01', jobAtRisk: false, package: 'LRS', selfManagement: 'poor' }],
    levelDecisions: [{ date: '2026-06-01', package: 'KOL', level: 3, reason: '  Synthetic reason \n' }],
    sharedPlans: [{ date: '2026-06-01', package: 'KOL', documentId: 'doc-1' }],
    smoking: [{ date: '2026-01-01', status: 'current', packYears: 0 }],
  };
}

describe('fast path: transforms and key order', () => {
  it.each(POLICIES)('matches zod on a record touching every transform (policy %s)', (policy) => {
    expectSameAsZod(rich(), policy);
    const out = fastParseRecord(rich(), policy);
    expect(out?.patient.cpr).toBe('0405504002');
    expect(out?.diagnoses.map((d) => [d.system, d.code])).toEqual([
      ['ICD-10', 'J44.9'],
      ['ICD-10', 'M54.5'],
      ['ICPC-2', 'R95'],
    ]);
    // A derived ratio / total / BMI is appended after the given fields, as the schema's transforms do.
    expect(Object.keys(out?.spirometry[0] ?? {})).toEqual(['date', 'fev1L', 'fvcL', 'postBronchodilator', 'ratio', 'ratioSource']);
    expect(Object.keys(out?.spirometry[1] ?? {})).toEqual(['date', 'ratio', 'fev1PercentPredicted', 'postBronchodilator', 'ratioSource']);
    expect(out?.spirometry[0]?.ratio).toBe(0.6);
    expect(Object.keys(out?.cat[0] ?? {})).toEqual(['date', 'items', 'total']);
    expect(out?.cat[0]?.total).toBe(18);
    expect(Object.is(out?.cat[2]?.total, -0)).toBe(true);
    expect(Object.keys(out?.bodyMeasurements[0] ?? {})).toEqual(['date', 'weightKg', 'heightCm', 'bmi', 'bmiSource']);
    expect(out?.bodyMeasurements[0]?.bmi).toBe(24.2);
    expect(out?.bodyMeasurements[1]?.bmiSource).toBe('given');
    expect('bmiSource' in (out?.bodyMeasurements[2] ?? {})).toBe(false);
    expect(out?.levelDecisions[0]?.reason).toBe('Synthetic reason');
    expect(Object.keys(out?.questionnaires[0]?.answers ?? {})).toEqual(['1', '10', 'q2', 'constructor']);
  });

  it('strips unknown keys under strip, and leaves them to zod under reject', () => {
    const input = rich();
    input['nickname'] = 'x';
    (input['patient'] as Record<string, unknown>)['shoeSize'] = 44;
    ((input['diagnoses'] as Record<string, unknown>[])[0] as Record<string, unknown>)['note'] = 'n';
    expect(fastParseRecord(input, 'reject')).toBeUndefined();
    expectSameAsZod(input, 'strip');
  });

  it('accepts null-prototype objects as zod does', () => {
    const input = Object.assign(Object.create(null) as object, rich(), {
      patient: Object.assign(Object.create(null) as object, { birthDate: '1950-05-04', sex: 'male', listed: false }),
    });
    expectSameAsZod(input, 'reject');
  });

  class Patient {
    readonly kind = 'class instance';
  }
  const patches: readonly (readonly [string, (r: Record<string, unknown>) => void])[] = [
    ['a key present with the value undefined', (r) => { r['synthetic'] = undefined; }],
    ['an unknown top-level key', (r) => { r['extra'] = 1; }],
    ['an own __proto__ key', (r) => { Object.defineProperty(r, '__proto__', { value: {}, enumerable: true }); }],
    ['a non-enumerable known key', (r) => { Object.defineProperty(r, 'mrc', { value: [], enumerable: false }); }],
    ['a class instance', (r) => { Object.setPrototypeOf(r['patient'], Patient.prototype); }],
    ['a symbol key in answers', (r) => { Object.defineProperty(parentOf(r, ['questionnaires', 0, 'answers', 'x']), Symbol('s'), { value: 1, enumerable: true }); }],
  ];
  it.each(patches)('returns undefined for %s (zod decides)', (_name, patch) => {
    const input = rich();
    patch(input);
    expect(fastParseRecord(input, 'reject')).toBeUndefined();
    // zod decides, whether it accepts (a key with the value undefined, a non-enumerable key, a class instance) or not.
    const options = { asOf };
    expect(outcome(safeParsePatientRecordVia(input, options, true))).toStrictEqual(outcome(safeParsePatientRecordVia(input, options, false)));
  });
});

// ---------------------------------------------------------------------------
// Mutations: whenever zod fails the fast path returns undefined; whenever it returns a value, it is zod's.

const KNOWN_KEYS = [
  'schemaVersion', 'id', 'synthetic', 'patient', 'cpr', 'birthDate', 'sex', 'listed', 'deceasedDate', 'system', 'code', 'status',
  'onsetDate', 'recordedDate', 'resolvedDate', 'date', 'fev1L', 'fvcL', 'ratio', 'fev1PercentPredicted', 'postBronchodilator', 'grade',
  'total', 'items', 'severity', 'endDate', 'cause', 'packYears', 'weightKg', 'heightCm', 'bmi', 'vaccine', 'result', 'flag', 'modality',
  'region', 'jobAtRisk', 'startDate', 'extent', 'backPainRelated', 'instrument', 'version', 'answers', 'type', 'package', 'decision',
  'mentalHealthScreenPositive', 'livesAloneWithoutNetwork', 'caregiverBurden', 'languageBarrier', 'substanceAbuse', 'selfManagement',
  'complexCourse', 'motivation', 'level', 'reason', 'documentId', 'diagnoses', 'spirometry', 'mrc', 'cat', 'exacerbations', 'admissions',
  'smoking', 'bodyMeasurements', 'vaccinations', 'inhalerChecks', 'backPainEpisodes', 'redFlags', 'imaging', 'workStatus', 'sickLeave',
  'questionnaires', 'encounters', 'referrals', 'packageDecisions', 'needsAssessments', 'levelDecisions', 'sharedPlans',
] as const;
const ODD_KEYS = ['nickname', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'prototype', '1', '01', 'cat1', '-1', 'a.b', 'x'.repeat(33), ''];

const HUGE = 'x'.repeat(100_000);
const ODD_VALUES: readonly unknown[] = [
  undefined, null, true, false, 0, -0, 1, 2, 3, 5, 6, 8, 10, 12, 40, 41, 150, 250, 260, 300, 500, 1000, -1, 0.5, 1.0000001, 10.0001, 29.999, 2.5,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53,
  '', ' ', '   x  ', 'x', HUGE, '1', 'true',
  '2026-01-01', '2024-02-29', '2027-02-30', '2026-02-29', '2026-13-01', '2026-1-01', '2027-01-15', '2027-01-16', '1900-01-01', '0000-01-01', ' 2026-01-01', '2026-01-01T00:00', '２０２６-01-01',
  '0405504002', '040550-4002', ' 0405504002 ', '3102501234', '0405507AB1', '040550-0AB1', '2902004011', '290201-4011', '04055040021',
  'DJ449', 'dj44.9', 'J44.9', 'j449', 'KJAA10', 'BWHA', 'R95', 'r95', ' L03 ', 'R00', 'Z99', 'D50', 'DD50', 'J4', 'ıJ44', 'DJ449ABC', 'J44.', 'SKS', 'ICD-10', 'ICPC-2',
  'female', 'male', 'active', 'resolved', 'moderate', 'hospitalised', 'other', 'current', 'former', 'never', 'present', 'absent', 'cleared',
  'x-ray', 'lumbar-spine', 'requested', 'employed', 'full', 'partial', 'aarsstatus', 'planned', 'included', 'good', 'poor', 'high', 'low',
  ...PACKAGES, ...SEXES, ...VACCINES, ...INSTRUMENTS, ...REFERRAL_TYPES, ...RED_FLAG_CODES.slice(0, 3),
  [], [1, 2, 3, 4, 5, 0, 1, 2], [1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1.5], [6, 0, 0, 0, 0, 0, 0, 0],
  {}, { system: 'ATC', code: 'J07' }, { system: '', code: 'J07' }, { cat1: 1, cat2: null }, { '-1': 1 }, { '': 1 }, { a: Number.NaN },
  { birthDate: '1950-01-01', sex: 'male', listed: true }, [{ date: '2026-01-01', grade: 2 }], new Date(0), /x/,
];

/** Numbers at and around every bound of the schema. */
const BOUNDARIES = [
  -1, -0, 0, 0.0001, 0.5, 1, 1.0001, 2, 3, 4, 5, 5.5, 6, 7, 8, 9, 10, 10.0001, 11, 12, 12.0001, 29.9, 30, 39, 40, 41, 149.9, 150, 150.1, 249,
  250, 250.5, 259, 260, 261, 299, 300, 301, 499, 500, 500.1, 1000, 1001,
];

type Mutation = { readonly node: number; readonly kind: number; readonly key: number; readonly value: unknown };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  node: fc.nat(),
  kind: fc.nat({ max: 9 }),
  key: fc.nat(),
  value: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_VALUES) },
    { weight: 3, arbitrary: fc.constantFrom(...BOUNDARIES) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 300 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  ),
});

type Node = Record<string, unknown> | unknown[];

function nodesOf(value: unknown, out: Node[]): Node[] {
  if (Array.isArray(value)) {
    out.push(value);
    for (const v of value) nodesOf(v, out);
  } else if (typeof value === 'object' && value !== null) {
    out.push(value as Record<string, unknown>);
    for (const v of Object.values(value)) nodesOf(v, out);
  }
  return out;
}

function applyMutation(root: Record<string, unknown>, m: Mutation): void {
  const nodes = nodesOf(root, []);
  const node = nodes[m.node % nodes.length]!;
  if (Array.isArray(node)) {
    const at = m.key % (node.length + 1);
    if (m.kind < 4) node[at] = m.value;
    else if (m.kind < 6) node.length = Math.max(0, node.length - 1);
    else if (m.kind < 8) node.push(m.value);
    else Reflect.deleteProperty(node, at);
    return;
  }
  const own = Object.keys(node);
  const keys = [...KNOWN_KEYS, ...ODD_KEYS];
  // Mostly an existing key (a plausible slip in a field that is there), sometimes any known or odd key.
  const key = m.kind < 5 && own.length > 0 ? own[m.key % own.length]! : keys[m.key % keys.length]!;
  switch (m.kind) {
    case 0:
      Reflect.deleteProperty(node, key);
      break;
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      node[key] = m.value;
      break;
    case 6:
      Object.defineProperty(node, key, { value: m.value, enumerable: true, writable: true, configurable: true });
      break;
    case 7:
      Object.defineProperty(node, key, { value: m.value, enumerable: m.key % 2 === 0, writable: true, configurable: true });
      break;
    case 8:
      Object.setPrototypeOf(node, null);
      break;
    default:
      Object.defineProperty(node, m.key % 2 === 0 ? '__proto__' : 'constructor', { value: m.value, enumerable: true, writable: true, configurable: true });
  }
}

/** {@link rich} with every list filled (synthetic). */
function everyList(): Record<string, unknown> {
  return {
    ...rich(),
    mrc: [{ date: '2026-06-01', grade: 3 }],
    exacerbations: [{ date: '2026-02-10', severity: 'moderate' }],
    admissions: [{ date: '2026-02-10', endDate: '2026-02-12', cause: 'KOL' }],
    inhalerChecks: [{ date: '2026-02-10', result: 'corrected' }],
    backPainEpisodes: [{ onsetDate: '2026-02-10', endDate: '2026-03-01' }, { onsetDate: '2026-05-10' }],
    redFlags: [{ date: '2026-02-10', flag: 'fever', status: 'absent' }],
    imaging: [{ date: '2026-02-10', modality: 'mri', region: 'lumbar-spine', status: 'performed' }],
    workStatus: [{ date: '2026-02-10', status: 'employed', jobAtRisk: true }],
    sickLeave: [{ startDate: '2026-02-10', endDate: '2026-02-20', extent: 'partial', backPainRelated: true }],
    encounters: [{ date: '2026-02-10', type: 'aarsstatus', package: 'KOL' }],
    referrals: [{ date: '2026-02-10', type: 'physiotherapy', status: 'sent', package: 'LRS' }],
    packageDecisions: [{ date: '2026-02-10', package: 'LRS', decision: 'included' }],
  };
}

/** Records with several lists (mutating an empty record mostly tests the patient), and the hand-made one with every list. */
const pool: unknown[] = [
  ...Array.from({ length: 20 }, everyList),
  ...generateClinic({ seed: 11, size: 600, asOf }).filter((r) => Object.values(r).filter((v) => Array.isArray(v) && v.length > 0).length >= 3),
];

type Path = readonly (string | number)[];

/** The path of every value in `value` (object fields and array elements, at any depth). */
function leafPaths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => leafPaths(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) leafPaths(v, [...at, k], out);
  if (at.length > 0) out.push(at);
  return out;
}

/** The path of every object in `value`, the root included. */
function objectPaths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => objectPaths(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null) {
    out.push(at);
    for (const [k, v] of Object.entries(value)) objectPaths(v, [...at, k], out);
  }
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  return node;
}

/** Checks the fast path against zod for one input; true when the fast path returned a record. */
function expectAgreement(input: unknown, policies: readonly UnknownFieldPolicy[] = POLICIES): boolean {
  let handled = false;
  for (const policy of policies) {
    const fast = fastParseRecord(input, policy);
    const reference = zodOutput(input, policy);
    if (reference === undefined) expect(fast).toBeUndefined();
    if (fast !== undefined) {
      handled = true;
      expect(fast).toStrictEqual(reference);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
    }
  }
  return handled;
}

describe('fast path: every single-field change of a record with every list', () => {
  const base = everyList();
  const sweep = [...new Set([...ODD_VALUES, ...BOUNDARIES])];

  it('agrees with zod when any one value is replaced by any odd or boundary value, or deleted', () => {
    let handled = 0;
    let cases = 0;
    const input = structuredClone(base);
    for (const path of leafPaths(input)) {
      const parent = parentOf(input, path);
      const last = path[path.length - 1]!;
      const original = parent[last];
      // Replaced in place and put back, so the key order of the input stays as it was.
      for (const value of sweep) {
        parent[last] = value;
        cases++;
        if (expectAgreement(input, ['reject'])) handled++;
      }
      parent[last] = original;
      const without = structuredClone(base);
      Reflect.deleteProperty(parentOf(without, path), last);
      expectAgreement(without);
    }
    expect(cases).toBeGreaterThan(10_000);
    // Many of the replacements are valid (another enum value, a number in range): the fast path takes those.
    expect(handled).toBeGreaterThan(1000);
  }, 120_000);

  it('agrees with zod when any known or odd key is added to any object', () => {
    for (const path of objectPaths(base)) {
      for (const key of [...KNOWN_KEYS, ...ODD_KEYS]) {
        for (const value of ['x', 1, '2026-01-01']) {
          const input = structuredClone(base);
          const node = path.reduce<Record<string | number, unknown>>((n, step) => n[step] as Record<string | number, unknown>, input);
          Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
          expectAgreement(input);
        }
      }
    }
  }, 120_000);
});

describe('fast path: mutated records', () => {
  it('has a pool of rich records to mutate', () => {
    expect(pool.length).toBeGreaterThan(100);
    expectSameAsZod(everyList(), 'reject');
  });

  it('never accepts what zod rejects, and whenever it returns a value, it is exactly zod output', () => {
    let handledValid = 0;
    fc.assert(
      fc.property(fc.nat({ max: pool.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (index, mutations) => {
        const input = structuredClone(pool[index]) as Record<string, unknown>;
        for (const m of mutations) applyMutation(input, m);
        for (const policy of POLICIES) {
          const reference = zodOutput(input, policy);
          const fast = fastParseRecord(input, policy);
          if (reference === undefined) expect(fast).toBeUndefined();
          if (fast !== undefined) {
            handledValid++;
            expect(fast).toStrictEqual(reference);
            expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
          }
          // The whole parse (date checks, sorting, issues) is the same with and without the fast path.
          const options = { asOf, unknownFields: policy };
          expect(outcome(safeParsePatientRecordVia(input, options, true))).toStrictEqual(outcome(safeParsePatientRecordVia(input, options, false)));
        }
      }),
      { numRuns: 2000 },
    );
    // Mutations that keep the record valid are still handled by the fast path (it did not become a no-op).
    expect(handledValid).toBeGreaterThan(100);
  }, 120_000);
});
