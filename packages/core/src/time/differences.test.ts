import { tz } from '@date-fns/tz';
import { differenceInCalendarDays, differenceInWeeks, differenceInYears } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import { subMonthsIso } from './arithmetic';
import { ageInYears, daysBetween, wholeMonthsBetween, wholeWeeksBetween } from './differences';

const isoDate = (min = '1800-01-01', max = '2200-12-31') =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const orderedPair = (min?: string, max?: string) =>
  fc.tuple(isoDate(min, max), isoDate(min, max)).map(([a, b]) => (a <= b ? ([a, b] as const) : ([b, a] as const)));

function thrown(f: () => unknown): KronikerpakkerError {
  try {
    f();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

// date-fns in UTC through @date-fns/tz: slow, machine-independent, and a
// library reference independent of our CalendarDay.
const inUtc = { in: tz('UTC') };

describe('daysBetween', () => {
  it('counts calendar days, signed', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2027-01-15', '2026-12-31')).toBe(-15);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across Danish DST
    expect(daysBetween('2027-01-15', '2027-01-15')).toBe(0);
    expect(daysBetween('0000-01-01', '9999-12-31')).toBe(3_652_424);
  });

  it('agrees with date-fns differenceInCalendarDays', () => {
    fc.assert(
      fc.property(isoDate(), isoDate(), (a, b) => {
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(b, a, inUtc));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses malformed dates with their path', () => {
    expect(thrown(() => daysBetween('2026-02-29', '2027-01-01')).path).toEqual(['from']);
    expect(thrown(() => daysBetween('2026-02-28', '2027-1-01')).path).toEqual(['to']);
  });
});

describe('wholeWeeksBetween', () => {
  it('truncates towards zero', () => {
    expect(wholeWeeksBetween('2027-01-01', '2027-01-14')).toBe(1);
    expect(wholeWeeksBetween('2027-01-01', '2027-01-15')).toBe(2);
    expect(wholeWeeksBetween('2027-01-14', '2027-01-01')).toBe(-1);
    expect(wholeWeeksBetween('2027-01-15', '2027-01-01')).toBe(-2);
    expect(Object.is(wholeWeeksBetween('2027-01-03', '2027-01-01'), 0)).toBe(true); // not -0
  });

  it('agrees with date-fns differenceInWeeks', () => {
    fc.assert(
      fc.property(isoDate(), isoDate(), (a, b) => {
        expect(wholeWeeksBetween(a, b)).toBe(differenceInWeeks(b, a, inUtc));
      }),
      { numRuns: 300 },
    );
  });
});

describe('wholeMonthsBetween', () => {
  it.each([
    ['2026-01-15', '2027-01-15', 12],
    ['2026-01-16', '2027-01-15', 11],
    ['2027-02-28', '2027-03-31', 1],
    ['2027-02-27', '2027-03-31', 1],
    ['2027-03-01', '2027-03-31', 0],
    ['2027-01-31', '2027-02-28', 0],
    ['2028-01-29', '2028-02-29', 1],
    ['2019-01-31', '2020-01-30', 11],
    ['2019-01-31', '2020-02-28', 12], // date-fns differenceInMonths says 13
    ['2019-01-29', '2019-02-28', 0], // date-fns differenceInMonths says 1
    ['2019-03-31', '2019-09-30', 5], // 30 September minus 6 months is 30 March
    ['2027-01-15', '2026-01-15', -12],
    ['2027-01-15', '2027-01-15', 0],
  ])('%s to %s = %d', (from, to, expected) => {
    expect(wholeMonthsBetween(from, to)).toBe(expected);
  });

  it('is the largest n with subMonthsIso(to, n) >= from', () => {
    fc.assert(
      fc.property(orderedPair('1900-01-01', '2100-12-31'), ([from, to]) => {
        const n = wholeMonthsBetween(from, to);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(subMonthsIso(to, n) >= from).toBe(true);
        expect(subMonthsIso(to, n + 1) < from).toBe(true);
      }),
    );
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(isoDate(), isoDate(), (a, b) => {
        const forward = wholeMonthsBetween(a, b);
        expect(Object.is(forward, -0)).toBe(false);
        expect(forward).toBe(-wholeMonthsBetween(b, a) || 0);
      }),
    );
  });
});

describe('ageInYears', () => {
  it.each([
    ['1960-05-10', '2027-05-09', 66], // the day before the birthday
    ['1960-05-10', '2027-05-10', 67], // the birthday counts on the day itself
    ['1960-05-10', '2027-05-11', 67],
    ['2027-01-15', '2027-01-15', 0], // the day of birth
    ['2026-01-16', '2027-01-15', 0],
    ['2026-01-15', '2027-01-15', 1],
    ['1959-12-31', '2027-01-01', 67],
  ])('born %s, on %s: %d', (birthDate, asOf, expected) => {
    expect(ageInYears(birthDate, asOf)).toBe(expected);
  });

  // The Danish convention, pinned: a 29 February birthday ticks over on
  // 1 March in non-leap years (not on 28 February).
  it.each([
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
    ['2000-02-29', '2020-02-28', 19],
    ['2000-02-29', '2020-02-29', 20], // leap year: the day itself
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-28', '2001-02-28', 1],
    ['2000-03-01', '2001-02-28', 0],
  ])('leap-day birthday: born %s, on %s: %d', (birthDate, asOf, expected) => {
    expect(ageInYears(birthDate, asOf)).toBe(expected);
  });

  it('matches the Danish rule: years, less one before the month-day of birth', () => {
    fc.assert(
      fc.property(orderedPair(), ([birthDate, asOf]) => {
        const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
        // '02-28' < '02-29': a leap-day birthday is not reached on 28 February.
        const expected = asOf.slice(5) < birthDate.slice(5) ? years - 1 : years;
        expect(ageInYears(birthDate, asOf)).toBe(expected);
      }),
    );
  });

  it('is floor(wholeMonthsBetween / 12)', () => {
    fc.assert(
      fc.property(orderedPair(), ([birthDate, asOf]) => {
        expect(ageInYears(birthDate, asOf)).toBe(Math.floor(wholeMonthsBetween(birthDate, asOf) / 12));
      }),
    );
  });

  it('is monotone non-decreasing in asOf', () => {
    fc.assert(
      fc.property(isoDate('1900-01-01', '2030-12-31'), orderedPair('2030-12-31', '2150-12-31'), (birthDate, [asOf1, asOf2]) => {
        expect(ageInYears(birthDate, asOf1)).toBeLessThanOrEqual(ageInYears(birthDate, asOf2));
      }),
    );
  });

  it('refuses a birth date after asOf, and malformed dates', () => {
    const err = thrown(() => ageInYears('2027-01-16', '2027-01-15'));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['birthDate']);
    expect(err.message).toBe('birthDate is after asOf');
    expect(thrown(() => ageInYears('2027-01-16', '2027-1-15')).path).toEqual(['asOf']);
    expect(thrown(() => ageInYears('1960-02-30', '2027-01-15')).path).toEqual(['birthDate']);
  });
});

describe('ageInYears against date-fns', () => {
  it('agrees with differenceInYears on generated dates', () => {
    const day = fc.integer({ min: Date.UTC(1900, 0, 1) / 86400000, max: Date.UTC(2040, 0, 1) / 86400000 });
    const iso = (d: number) => new Date(d * 86400000).toISOString().slice(0, 10);
    const local = (s: string) => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, asOf] = a <= b ? [iso(a), iso(b)] : [iso(b), iso(a)];
        expect(ageInYears(birth, asOf)).toBe(differenceInYears(local(asOf), local(birth)));
      }),
      { numRuns: 2000 },
    );
  });
});
