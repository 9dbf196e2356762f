import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import { isMod11Valid, parseCpr } from './cpr';
import type { CprSex } from './cpr';
import { isSyntheticCprSafe, syntheticCpr } from './synthetic';

const DAY_MS = 86_400_000;

function isoFromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function dayRange(from: string, to: string): fc.Arbitrary<string> {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return fc.integer({ min: 0, max: (end - start) / DAY_MS }).map((d) => isoFromTime(start + d * DAY_MS));
}

const arbSafeDate = dayRange('1858-01-02', '2007-09-30').filter((d) => !d.endsWith('-01-01'));
const arbSex = fc.constantFrom<CprSex>('female', 'male');
const arbSeed = fc.oneof(fc.integer(), fc.maxSafeInteger());

function expectInvalidArgument(run: () => unknown, path: string): void {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  expect(KronikerpakkerError.is(caught)).toBe(true);
  expect((caught as KronikerpakkerError).code).toBe('INVALID_ARGUMENT');
  expect((caught as KronikerpakkerError).path).toEqual([path]);
}

describe('syntheticCpr', () => {
  it('parses back to its birth date and sex and always fails modulus 11', () => {
    fc.assert(
      fc.property(arbSafeDate, arbSex, arbSeed, (birthDate, sex, seed) => {
        const cpr = syntheticCpr(birthDate, sex, seed);
        expect(cpr).toMatch(/^[0-9]{10}$/);
        const parsed = parseCpr(cpr);
        expect(parsed.birthDate).toBe(birthDate);
        expect(parsed.sex).toBe(sex);
        expect(parsed.mod11).toBe('invalid');
        expect(isMod11Valid(cpr)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(arbSafeDate, arbSex, arbSeed, (birthDate, sex, seed) => {
        expect(syntheticCpr(birthDate, sex, seed)).toBe(syntheticCpr(birthDate, sex, seed));
      }),
    );
  });

  it.each([
    ['1961-05-17', [0, 1, 2, 3, 4, 9]],
    ['1890-07-04', [5, 6, 7, 8]],
    ['1925-11-30', [0, 1, 2, 3]],
    ['2003-03-03', [4, 5, 6, 7, 8, 9]],
  ] as const)('spreads seeds over many serials and every century digit for %s', (birthDate, digits7) => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 1000; seed++) seen.add(syntheticCpr(birthDate, 'female', seed));
    expect(seen.size).toBeGreaterThan(550);
    expect(new Set([...seen].map((c) => Number(c[6]))).size).toBe(digits7.length);
    for (const cpr of seen) expect(digits7).toContain(Number(cpr[6]));
  });

  it('gives different numbers for seeds that differ only above bit 32', () => {
    const base = 2 ** 40;
    const seen = new Set<string>();
    for (let k = 0; k < 50; k++) seen.add(syntheticCpr('1961-05-17', 'male', base + k * 2 ** 32));
    expect(seen.size).toBeGreaterThan(40);
  });

  it.each([
    ['1961-01-01', 'the date used for unknown birth dates'],
    ['1858-01-01', '1 January'],
    ['2007-10-01', 'first day of non-mod-11 numbers'],
    ['2007-12-24', 'after 2007-10-01'],
    ['2020-06-15', 'after 2007-10-01'],
    ['1857-12-31', 'before the first year a CPR can encode'],
    ['1900-02-29', 'not a real date'],
    ['1961-04-31', 'not a real date'],
    ['1961-5-17', 'not YYYY-MM-DD'],
    ['17-05-1961', 'not YYYY-MM-DD'],
    ['', 'empty'],
  ])('refuses %j (%s)', (birthDate) => {
    expect(isSyntheticCprSafe(birthDate)).toBe(false);
    expectInvalidArgument(() => syntheticCpr(birthDate, 'female', 1), 'birthDate');
  });

  it.each(['1858-01-02', '1900-03-01', '2000-02-29', '2007-09-30', '1961-12-31', '1999-01-02'])(
    'accepts %j',
    (birthDate) => {
      expect(isSyntheticCprSafe(birthDate)).toBe(true);
      expect(parseCpr(syntheticCpr(birthDate, 'male', 7)).birthDate).toBe(birthDate);
    },
  );

  it('refuses an unknown sex and a seed that is not a safe integer', () => {
    expectInvalidArgument(() => syntheticCpr('1961-05-17', 'other' as unknown as CprSex, 1), 'sex');
    for (const seed of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expectInvalidArgument(() => syntheticCpr('1961-05-17', 'female', seed), 'serialSeed');
    }
  });

  it('isSyntheticCprSafe agrees with syntheticCpr on any date', () => {
    fc.assert(
      fc.property(dayRange('1800-01-01', '2100-12-31'), arbSex, (birthDate, sex) => {
        const safe = isSyntheticCprSafe(birthDate);
        if (safe) expect(() => syntheticCpr(birthDate, sex, 0)).not.toThrow();
        else expect(() => syntheticCpr(birthDate, sex, 0)).toThrow(KronikerpakkerError);
        const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
        const expected =
          year >= 1858 && !(month === 1 && day === 1) && (year < 2007 || (year === 2007 && month < 10));
        expect(safe).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
