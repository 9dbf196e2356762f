import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import { subDaysIso, subMonthsIso } from './arithmetic';
import { wholeMonthsBetween } from './differences';
import { isWithinLastDays, isWithinLastMonths, isWithinLastWeeks } from './intervals';

const isoDate = (min = '1900-01-01', max = '2100-12-31') =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

function thrown(f: () => unknown): KronikerpakkerError {
  try {
    f();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

describe('isWithinLastMonths at the boundaries', () => {
  it.each([
    // the day exactly 12 months back is within; the day before is not
    ['2026-01-15', '2027-01-15', 12, true],
    ['2026-01-14', '2027-01-15', 12, false],
    ['2027-01-15', '2027-01-15', 12, true], // asOf itself
    ['2027-01-16', '2027-01-15', 12, false], // after asOf
    ['2027-01-15', '2027-01-15', 0, true], // zero months: asOf only
    ['2027-01-14', '2027-01-15', 0, false],
    // end-of-month clamping of the first day
    ['2027-02-28', '2027-03-31', 1, true],
    ['2027-02-27', '2027-03-31', 1, false],
    ['2028-02-29', '2028-03-31', 1, true],
    ['2028-02-28', '2028-03-31', 1, false],
    ['2027-02-28', '2028-02-29', 12, true], // 2028-02-29 minus 12 months is 2027-02-28
    ['2027-02-27', '2028-02-29', 12, false],
    ['2026-12-31', '2027-12-31', 12, true],
    ['2026-12-30', '2027-12-31', 12, false],
  ])('%s within %s - %d months: %s', (date, asOf, months, expected) => {
    expect(isWithinLastMonths(date, asOf, months)).toBe(expected);
  });
});

describe('isWithinLastDays / isWithinLastWeeks at the boundaries', () => {
  it.each([
    ['2027-01-01', '2027-01-15', 14, true],
    ['2026-12-31', '2027-01-15', 14, false],
    ['2027-01-15', '2027-01-15', 0, true],
    ['2027-01-16', '2027-01-15', 14, false],
    ['2028-02-29', '2028-03-01', 1, true],
    ['2028-02-28', '2028-03-01', 1, false],
  ])('%s within %s - %d days: %s', (date, asOf, days, expected) => {
    expect(isWithinLastDays(date, asOf, days)).toBe(expected);
  });

  it('weeks are 7 days', () => {
    expect(isWithinLastWeeks('2027-01-01', '2027-01-15', 2)).toBe(true);
    expect(isWithinLastWeeks('2026-12-31', '2027-01-15', 2)).toBe(false);
    expect(isWithinLastWeeks('2027-01-16', '2027-01-15', 2)).toBe(false);
  });
});

describe('definitions as properties', () => {
  it('isWithinLastMonths is subMonthsIso(asOf, n) <= date <= asOf', () => {
    fc.assert(
      fc.property(isoDate(), isoDate(), fc.integer({ min: 0, max: 240 }), (date, asOf, months) => {
        expect(isWithinLastMonths(date, asOf, months)).toBe(subMonthsIso(asOf, months) <= date && date <= asOf);
      }),
    );
  });

  it('isWithinLastMonths agrees with wholeMonthsBetween', () => {
    fc.assert(
      fc.property(isoDate(), isoDate(), fc.integer({ min: 0, max: 240 }), (date, asOf, months) => {
        fc.pre(date <= asOf);
        const whole = wholeMonthsBetween(date, asOf);
        const within = isWithinLastMonths(date, asOf, months);
        // Fewer whole months than n: within. More: not. Exactly n: within only on the first day itself.
        if (whole < months) expect(within).toBe(true);
        else if (whole > months) expect(within).toBe(false);
        else expect(within).toBe(subMonthsIso(asOf, months) === date);
      }),
    );
  });

  it('isWithinLastDays and isWithinLastWeeks follow subDaysIso', () => {
    fc.assert(
      fc.property(isoDate(), isoDate(), fc.integer({ min: 0, max: 5000 }), (date, asOf, n) => {
        expect(isWithinLastDays(date, asOf, n)).toBe(subDaysIso(asOf, n) <= date && date <= asOf);
        expect(isWithinLastWeeks(date, asOf, n)).toBe(subDaysIso(asOf, 7 * n) <= date && date <= asOf);
      }),
    );
  });

  it('the memo never changes a result when asOf and n change between calls', () => {
    const calls = fc.array(fc.tuple(isoDate(), fc.constantFrom('2026-03-31', '2027-01-15', '2028-02-29'), fc.integer({ min: 0, max: 100 })), {
      maxLength: 50,
    });
    fc.assert(
      fc.property(calls, (list) => {
        for (const [date, asOf, n] of list) {
          expect(isWithinLastMonths(date, asOf, n)).toBe(subMonthsIso(asOf, n) <= date && date <= asOf);
          expect(isWithinLastDays(date, asOf, n)).toBe(subDaysIso(asOf, n) <= date && date <= asOf);
        }
      }),
    );
  });
});

describe('far look-backs', () => {
  it('a first day before year 0000 means every date up to asOf', () => {
    expect(isWithinLastDays('0000-01-01', '0001-01-01', 1000)).toBe(true);
    expect(isWithinLastMonths('0000-01-01', '2027-01-15', 100_000)).toBe(true);
    expect(isWithinLastWeeks('0000-01-01', '2027-01-15', Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isWithinLastMonths('2027-01-16', '2027-01-15', Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('argument errors', () => {
  it('name the argument, never the value', () => {
    const cases: [() => unknown, readonly (string | number)[]][] = [
      [() => isWithinLastMonths('2026-02-30', '2027-01-15', 12), ['date']],
      [() => isWithinLastMonths('2026-02-28', '2027-01-32', 12), ['asOf']],
      [() => isWithinLastMonths('2026-02-28', '2027-01-15', -1), ['months']],
      [() => isWithinLastMonths('2026-02-28', '2027-01-15', 1.5), ['months']],
      [() => isWithinLastDays('2026-02-28', '2027-01-15', -1), ['days']],
      [() => isWithinLastWeeks('2026-02-28', '2027-01-15', Number.NaN), ['weeks']],
    ];
    for (const [call, path] of cases) {
      const err = thrown(call);
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.path).toEqual(path);
      expect(err.message).not.toMatch(/\d{4}-\d{2}/);
    }
    expect(thrown(() => isWithinLastDays('2026-02-28', '2027-01-15', -1)).message).toBe('days must not be negative');
  });
});
