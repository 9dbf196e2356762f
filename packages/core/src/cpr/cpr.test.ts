import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import {
  CPR_FHIR_SYSTEM,
  CPR_OID,
  InvalidCprError,
  X_ECPR_FHIR_SYSTEM,
  classifyPersonIdentifier,
  formatCpr,
  isMod11Valid,
  maskCpr,
  parseCpr,
  safeParseCpr,
} from './cpr';
import type { CprProblem, CprSex } from './cpr';

// Every number in this file is constructed from its parts; none is a real person's.

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/** An independent modulus-11 check (array based, unlike the implementation). */
function referenceMod11(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  return sum % 11 === 0;
}

/** The century table written out as the spec gives it. */
function referenceYear(digit7: number, yy: number): number {
  if (digit7 >= 0 && digit7 <= 3) return 1900 + yy;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Builds a CPR for an ISO date: picks a seventh digit the table maps to that year. */
function buildCpr(isoDate: string, sex: CprSex, digit7Choice: number, middle: number, lastChoice: number): string {
  const year = Number(isoDate.slice(0, 4));
  const allowed = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => referenceYear(d, year % 100) === year);
  const digit7 = allowed[digit7Choice % allowed.length]!;
  const last = (lastChoice % 5) * 2 + (sex === 'male' ? 1 : 0);
  return `${isoDate.slice(8, 10)}${isoDate.slice(5, 7)}${isoDate.slice(2, 4)}${digit7}${pad2(middle)}${last}`;
}

function problemOf(input: string): CprProblem | undefined {
  const result = safeParseCpr(input);
  return result.success ? undefined : result.problem;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1858, 0, 1);
const LAST_DAY = Date.UTC(2057, 11, 31);

function isoFromDayNumber(day: number): string {
  return new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
}

const arbIsoDate = fc.integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS }).map(isoFromDayNumber);
const arbSex = fc.constantFrom<CprSex>('female', 'male');

describe('constants', () => {
  it('has the CPR and X-eCPR identifiers of DK Core', () => {
    expect(CPR_OID).toBe('1.2.208.176.1.2');
    expect(CPR_FHIR_SYSTEM).toBe(`urn:oid:${CPR_OID}`);
    expect(X_ECPR_FHIR_SYSTEM).toBe('urn:oid:1.2.208.176.1.6.1.1');
  });
});

describe('parseCpr: century table', () => {
  const groups: readonly { digits: readonly number[]; years: Readonly<Record<string, number>> }[] = [
    { digits: [0, 1, 2, 3], years: { '00': 1900, '36': 1936, '37': 1937, '57': 1957, '58': 1958, '99': 1999 } },
    { digits: [4, 9], years: { '00': 2000, '36': 2036, '37': 1937, '57': 1957, '58': 1958, '99': 1999 } },
    { digits: [5, 6, 7, 8], years: { '00': 2000, '36': 2036, '37': 2037, '57': 2057, '58': 1858, '99': 1899 } },
  ];
  const cases = groups.flatMap(({ digits, years }) =>
    digits.flatMap((d) => Object.entries(years).map(([yy, year]) => [`0101${yy}-${d}002`, `${year}-01-01`] as const)),
  );

  it.each(cases)('%s is born %s', (input, birthDate) => {
    expect(parseCpr(input).birthDate).toBe(birthDate);
  });

  it('covers all ten seventh digits at all six boundaries', () => {
    expect(cases).toHaveLength(60);
  });
});

describe('parseCpr: calendar dates', () => {
  it.each([
    ['290200-4002', '2000-02-29'],
    ['290200-9002', '2000-02-29'],
    ['290200-5002', '2000-02-29'],
    ['290296-0002', '1996-02-29'],
    ['290296-5002', '1896-02-29'],
    ['310196-0002', '1996-01-31'],
    ['300496-0002', '1996-04-30'],
    ['311299-9002', '1999-12-31'],
  ])('accepts %s as %s', (input, birthDate) => {
    expect(parseCpr(input).birthDate).toBe(birthDate);
  });

  it.each([
    ['290200-0002', '1900 is not a leap year'],
    ['290200-3002', '1900 is not a leap year'],
    ['290258-5002', '1858 is not a leap year'],
    ['290297-0002', '1997 is not a leap year'],
    ['300296-0002', 'no 30 February'],
    ['310496-0002', 'April has 30 days'],
    ['310696-0002', 'June has 30 days'],
    ['310996-0002', 'September has 30 days'],
    ['311196-0002', 'November has 30 days'],
    ['000196-0002', 'no day 0'],
    ['320196-0002', 'no day 32'],
    ['010096-0002', 'no month 0'],
    ['011396-0002', 'no month 13'],
  ])('rejects %s with problem date (%s)', (input) => {
    expect(problemOf(input)).toBe('date');
    expect(() => parseCpr(input)).toThrow(InvalidCprError);
  });

  it('agrees with the JavaScript calendar on every DDMMYY and seventh digit', () => {
    const mismatches: string[] = [];
    for (let digit7 = 0; digit7 <= 9; digit7++) {
      for (let yy = 0; yy <= 99; yy++) {
        const year = referenceYear(digit7, yy);
        for (let month = 0; month <= 13; month++) {
          for (let day = 0; day <= 32; day++) {
            const probe = new Date(Date.UTC(year, month - 1, day));
            const real =
              month >= 1 &&
              month <= 12 &&
              day >= 1 &&
              probe.getUTCFullYear() === year &&
              probe.getUTCMonth() === month - 1 &&
              probe.getUTCDate() === day;
            const input = `${pad2(day)}${pad2(month)}${pad2(yy)}${digit7}001`;
            const result = safeParseCpr(input);
            if (result.success !== real) mismatches.push(input);
            else if (result.success && result.data.birthDate !== `${year}-${pad2(month)}-${pad2(day)}`) {
              mismatches.push(input);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('parseCpr: result', () => {
  it('normalises, reads the sex from the last digit and reports modulus 11', () => {
    expect(parseCpr('010100-0001')).toEqual({
      cpr: '0101000001',
      birthDate: '1900-01-01',
      sex: 'male',
      mod11: 'valid',
    });
    expect(parseCpr('0101000002')).toEqual({
      cpr: '0101000002',
      birthDate: '1900-01-01',
      sex: 'female',
      mod11: 'invalid',
    });
  });

  it.each([
    ['0', 'female'],
    ['1', 'male'],
    ['2', 'female'],
    ['3', 'male'],
    ['4', 'female'],
    ['5', 'male'],
    ['6', 'female'],
    ['7', 'male'],
    ['8', 'female'],
    ['9', 'male'],
  ])('last digit %s is %s', (last, sex) => {
    expect(parseCpr(`150575-123${last}`).sex).toBe(sex);
  });

  it('never rejects a number for failing modulus 11', () => {
    const invalid = '1505751230';
    expect(isMod11Valid(invalid)).toBe(false);
    expect(parseCpr(invalid).mod11).toBe('invalid');
    expect(classifyPersonIdentifier(invalid)).toBe('cpr');
  });

  it('does not compare the birth date with today', () => {
    expect(parseCpr('010157-5002').birthDate).toBe('2057-01-01');
  });
});

describe('parseCpr: accepted forms', () => {
  it.each([
    '0101000001',
    '010100-0001',
    ' 010100-0001',
    '010100-0001 ',
    '\t0101000001\n',
    '\u00a0010100-0001\u00a0',
  ])('accepts %j', (input) => {
    expect(parseCpr(input).cpr).toBe('0101000001');
  });

  it.each([
    '',
    '   ',
    '010100000',
    '01010000011',
    '010100-00011',
    '010100 0001',
    '010100--0001',
    '0101-000001',
    '01010-00001',
    '0101000-001',
    '010100\u20130001',
    '01010A0001',
    '010100-000A',
    '010100-00.1',
    '+010100001',
    '０１０１００００００１',
    '0101501ab1',
    '0101502AB1',
    '0101504AB1',
    '3102501AB1',
    '3104501AB1',
    '0013501AB1',
    '0101501ÆB1',
    '0101501A11',
    '01015017AB',
  ])('rejects %j with problem format', (input) => {
    expect(problemOf(input)).toBe('format');
    expect(classifyPersonIdentifier(input)).toBe('unknown');
  });

  it('treats non-strings from untyped callers as format problems', () => {
    const values: readonly unknown[] = [undefined, null, 101000001, {}, ['0101000001']];
    for (const value of values) {
      expect(safeParseCpr(value as string)).toEqual({ success: false, problem: 'format' });
      expect(classifyPersonIdentifier(value as string)).toBe('unknown');
    }
  });
});

describe('replacement numbers', () => {
  it.each([
    ['0101501AB1', 'x-ecpr'],
    ['010150-1AB1', 'x-ecpr'],
    ['0101507ZZ9', 'x-ecpr'],
    [' 2902011QA0 ', 'x-ecpr'],
    ['3004997AA5', 'x-ecpr'],
    ['0101500AB1', 'd-ecpr'],
    ['010150-5AB1', 'd-ecpr'],
    ['3112996XY0', 'd-ecpr'],
    ['2902000AA1', 'd-ecpr'],
  ] as const)('%j is %s and not a CPR number', (input, kind) => {
    expect(classifyPersonIdentifier(input)).toBe(kind);
    expect(problemOf(input)).toBe('replacement-number');
    try {
      parseCpr(input);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidCprError);
      expect((err as InvalidCprError).problem).toBe('replacement-number');
    }
  });

  it('accepts 29 February in any year, as the DK Core invariants do', () => {
    expect(classifyPersonIdentifier('2902971AB1')).toBe('x-ecpr');
    expect(classifyPersonIdentifier('3002971AB1')).toBe('unknown');
  });
});

describe('classifyPersonIdentifier', () => {
  it('says cpr exactly when parseCpr succeeds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\s?[0-9]{6}-?[0-9A-Z]{4}\s?$/)), (input) => {
        expect(classifyPersonIdentifier(input) === 'cpr').toBe(safeParseCpr(input).success);
      }),
    );
  });

  it('says unknown for a CPR-shaped string with an impossible date', () => {
    expect(classifyPersonIdentifier('310496-0002')).toBe('unknown');
  });
});

describe('formatCpr', () => {
  it('puts the hyphen after the sixth digit', () => {
    expect(formatCpr('0101000001')).toBe('010100-0001');
    expect(formatCpr(' 010100-0001 ')).toBe('010100-0001');
  });

  it.each([
    ['abc', 'format'],
    ['310496-0002', 'date'],
    ['0101501AB1', 'replacement-number'],
  ] as const)('throws INVALID_CPR for %j', (input, problem) => {
    try {
      formatCpr(input);
      expect.unreachable();
    } catch (err) {
      expect(KronikerpakkerError.is(err)).toBe(true);
      expect((err as KronikerpakkerError).code).toBe('INVALID_CPR');
      expect((err as InvalidCprError).problem).toBe(problem);
    }
  });
});

describe('maskCpr', () => {
  it('keeps the birth date and hides the serial', () => {
    expect(maskCpr('0101000001')).toBe('010100-XXXX');
    expect(maskCpr(' 010100-0001 ')).toBe('010100-XXXX');
    expect(maskCpr('0101501AB1')).toBe('010150-XXXX');
  });

  it('hides everything of an unrecognised string and never throws', () => {
    expect(maskCpr('310496-0002')).toBe('XXXXXX-XXXX');
    expect(maskCpr('hello')).toBe('XXXXXX-XXXX');
    expect(maskCpr('')).toBe('XXXXXX-XXXX');
    fc.assert(
      fc.property(fc.string(), (input) => {
        expect(maskCpr(input)).toMatch(/^(?:[0-9]{6}|X{6})-XXXX$/);
      }),
    );
  });
});

describe('isMod11Valid', () => {
  it('checks the weighted sum', () => {
    expect(isMod11Valid('0101000001')).toBe(true);
    expect(isMod11Valid('010100-0001')).toBe(true);
    expect(isMod11Valid('0101000002')).toBe(false);
  });

  it('is false for anything that is not ten digits', () => {
    expect(isMod11Valid('')).toBe(false);
    expect(isMod11Valid('0000000000 0')).toBe(false);
    expect(isMod11Valid('0101501AB1')).toBe(false);
  });

  it('agrees with a reference implementation', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{10}$/), (digits) => {
        expect(isMod11Valid(digits)).toBe(referenceMod11(digits));
        const result = safeParseCpr(digits);
        if (result.success) expect(result.data.mod11).toBe(referenceMod11(digits) ? 'valid' : 'invalid');
      }),
    );
  });
});

describe('properties', () => {
  it('round-trips birth date and sex through the century table (1858 to 2057)', () => {
    fc.assert(
      fc.property(
        arbIsoDate,
        arbSex,
        fc.nat(9),
        fc.nat(99),
        fc.nat(4),
        fc.boolean(),
        (isoDate, sex, digit7Choice, middle, lastChoice, hyphen) => {
          const cpr = buildCpr(isoDate, sex, digit7Choice, middle, lastChoice);
          const input = hyphen ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr;
          const parsed = parseCpr(input);
          expect(parsed.cpr).toBe(cpr);
          expect(parsed.birthDate).toBe(isoDate);
          expect(parsed.sex).toBe(sex);
          expect(parsed.mod11).toBe(referenceMod11(cpr) ? 'valid' : 'invalid');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('formatCpr and normalisation are idempotent', () => {
    fc.assert(
      fc.property(arbIsoDate, arbSex, fc.nat(9), fc.nat(99), fc.nat(4), (isoDate, sex, a, b, c) => {
        const cpr = buildCpr(isoDate, sex, a, b, c);
        const formatted = formatCpr(cpr);
        expect(formatCpr(formatted)).toBe(formatted);
        expect(parseCpr(formatted)).toEqual(parseCpr(cpr));
        expect(parseCpr(parseCpr(formatted).cpr).cpr).toBe(cpr);
      }),
    );
  });

  it('safeParseCpr never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[0-9 -]{8,13}$/)), (s) => {
        const result = safeParseCpr(s);
        expect(typeof result.success).toBe('boolean');
      }),
    );
  });

  it('never puts the input into an error', () => {
    const invalidDate = fc
      .tuple(
        fc.oneof(fc.constant(0), fc.integer({ min: 32, max: 99 })),
        fc.nat(99),
        fc.nat(99),
        fc.nat(9999),
        fc.boolean(),
      )
      .map(([day, month, yy, serial, hyphen]) => {
        const head = `${pad2(day)}${pad2(month)}${pad2(yy)}`;
        return { input: `${head}${hyphen ? '-' : ''}${String(serial).padStart(4, '0')}`, head };
      });
    const badMonth = fc
      .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 13, max: 99 }), fc.nat(99), fc.nat(9999))
      .map(([day, month, yy, serial]) => {
        const head = `${pad2(day)}${pad2(month)}${pad2(yy)}`;
        return { input: `${head}${String(serial).padStart(4, '0')}`, head };
      });
    const otherProblems = fc
      .oneof(fc.stringMatching(/^[0-9]{11,12}$/), fc.constantFrom('0101501AB1', '010150-0ZZ9', '3112996XY0'))
      .map((input) => ({ input, head: input.slice(0, 6) }));

    fc.assert(
      fc.property(fc.oneof(invalidDate, badMonth, otherProblems), ({ input, head }) => {
        let caught: unknown;
        try {
          parseCpr(input);
        } catch (err) {
          caught = err;
        }
        expect(caught).toBeInstanceOf(InvalidCprError);
        const err = caught as InvalidCprError;
        // Messages hold no digits at all, so no part of a CPR can be in them.
        expect(err.message).not.toMatch(/[0-9]/);
        expect(String(err)).not.toMatch(/[0-9]/);
        expect(JSON.stringify(err)).not.toMatch(/[0-9]/);
        expect(JSON.stringify(safeParseCpr(input))).not.toMatch(/[0-9]/);
        const stack = err.stack ?? '';
        expect(stack).not.toContain(input.trim());
        expect(stack).not.toContain(input.replace('-', ''));
        expect(stack).not.toContain(head);
      }),
      { numRuns: 500 },
    );
  });
});

describe('InvalidCprError', () => {
  it('is an SDK error with code INVALID_CPR and a problem', () => {
    const err = new InvalidCprError('date', { path: ['patient', 'cpr'] });
    expect(err).toBeInstanceOf(KronikerpakkerError);
    expect(err).toBeInstanceOf(Error);
    expect(KronikerpakkerError.is(err)).toBe(true);
    expect(err.name).toBe('InvalidCprError');
    expect(err.code).toBe('INVALID_CPR');
    expect(err.problem).toBe('date');
    expect(err.path).toEqual(['patient', 'cpr']);
    expect(err.toJSON()).toEqual({
      name: 'InvalidCprError',
      code: 'INVALID_CPR',
      path: ['patient', 'cpr'],
      message: err.message,
      problem: 'date',
    });
  });

  it('has a distinct message per problem', () => {
    const problems: CprProblem[] = ['format', 'date', 'replacement-number'];
    const messages = new Set(problems.map((p) => new InvalidCprError(p).message));
    expect(messages.size).toBe(3);
  });
});
