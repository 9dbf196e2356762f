import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import {
  addDaysIso,
  addMonthsIso,
  addWeeksIso,
  addYearsIso,
  subDaysIso,
  subMonthsIso,
  subWeeksIso,
  subYearsIso,
} from './arithmetic';
import { daysInMonth } from './calendar-day';
import { daysBetween } from './differences';
import { isIsoDate } from './iso-date';

const isoDate = (min = '1800-01-01', max = '2200-12-31') =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

/** An independent oracle for month arithmetic: month index, then clamp the day. */
function referenceAddMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function thrown(f: () => unknown): KronikerpakkerError {
  try {
    f();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

describe('month-end table', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2028-03-31', -1, '2028-02-29'],
    ['2100-03-31', -1, '2100-02-28'], // century, not a leap year
    ['2000-03-31', -1, '2000-02-29'], // divisible by 400, a leap year
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', -12, '2027-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2027-02-28', 1, '2027-03-28'], // month end is not sticky
    ['2027-05-31', 1, '2027-06-30'],
    ['2027-08-31', -2, '2027-06-30'],
    ['2027-01-15', 12, '2028-01-15'],
    ['2027-01-15', -12, '2026-01-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['0001-01-31', -1, '0000-12-31'],
  ])('%s %+d months = %s', (date, months, expected) => {
    expect(addMonthsIso(date, months)).toBe(expected);
    expect(subMonthsIso(date, -months)).toBe(expected);
  });

  it('clamps years too', () => {
    expect(addYearsIso('2028-02-29', 1)).toBe('2029-02-28');
    expect(subYearsIso('2028-02-29', 1)).toBe('2027-02-28');
    expect(addYearsIso('2028-02-29', 4)).toBe('2032-02-29');
    expect(subYearsIso('2027-01-15', 0)).toBe('2027-01-15');
  });
});

describe('days and weeks', () => {
  it.each([
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-29', 1, '2026-03-30'], // Danish DST day: still one day
    ['2026-10-25', -1, '2026-10-24'],
    ['2027-01-15', 0, '2027-01-15'],
  ])('%s %+d days = %s', (date, days, expected) => {
    expect(addDaysIso(date, days)).toBe(expected);
    expect(subDaysIso(date, -days)).toBe(expected);
  });

  it('weeks are seven days', () => {
    expect(addWeeksIso('2026-12-28', 1)).toBe('2027-01-04');
    expect(subWeeksIso('2027-01-04', 2)).toBe('2026-12-21');
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: -5000, max: 5000 }), (date, weeks) => {
        expect(addWeeksIso(date, weeks)).toBe(addDaysIso(date, 7 * weeks));
        expect(subWeeksIso(date, weeks)).toBe(subDaysIso(date, 7 * weeks));
      }),
    );
  });

  it('addDaysIso moves exactly that many days', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: -100_000, max: 100_000 }), (date, days) => {
        const result = addDaysIso(date, days);
        expect(isIsoDate(result)).toBe(true);
        expect(daysBetween(date, result)).toBe(days);
        expect(subDaysIso(result, days)).toBe(date);
      }),
    );
  });
});

describe('month arithmetic properties', () => {
  it('agrees with the month-index oracle', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: -2400, max: 2400 }), (date, months) => {
        expect(addMonthsIso(date, months)).toBe(referenceAddMonths(date, months));
        expect(subMonthsIso(date, months)).toBe(referenceAddMonths(date, -months));
      }),
    );
  });

  it('subMonthsIso goes back, never forward, and compares as a date', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: 0, max: 1200 }), (date, months) => {
        const back = subMonthsIso(date, months);
        expect(back <= date).toBe(true);
        expect(back === date).toBe(months === 0);
        // Adding the months back returns the date, or an earlier day if the day was clamped.
        const again = addMonthsIso(back, months);
        expect(again <= date).toBe(true);
        expect(again.slice(0, 7)).toBe(date.slice(0, 7));
        // Monotone in the amount.
        expect(subMonthsIso(date, months + 1) < back).toBe(true);
      }),
    );
  });

  it('years are twelve months', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: -150, max: 150 }), (date, years) => {
        expect(addYearsIso(date, years)).toBe(addMonthsIso(date, 12 * years));
        expect(subYearsIso(date, years)).toBe(subMonthsIso(date, 12 * years));
      }),
    );
  });
});

describe('argument errors', () => {
  it('refuses a malformed date at [date]', () => {
    const err = thrown(() => addMonthsIso('2027-02-29', 1));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['date']);
    expect(err.message).not.toContain('2027-02-29');
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '1' as unknown as number])('refuses the amount %s', (amount) => {
    expect(thrown(() => addMonthsIso('2027-01-15', amount)).path).toEqual(['months']);
    expect(thrown(() => subDaysIso('2027-01-15', amount)).path).toEqual(['days']);
    expect(thrown(() => addWeeksIso('2027-01-15', amount)).path).toEqual(['weeks']);
    expect(thrown(() => addYearsIso('2027-01-15', amount)).path).toEqual(['years']);
  });

  it('refuses results outside the years 0000-9999, naming the amount', () => {
    const err = thrown(() => addDaysIso('9999-12-31', 1));
    expect(err.path).toEqual(['days']);
    expect(err.message).toBe('days moves the date outside the years 0000-9999');
    expect(thrown(() => subMonthsIso('0000-01-31', 1)).path).toEqual(['months']);
    expect(thrown(() => addYearsIso('2027-01-15', 1e12)).path).toEqual(['years']);
    expect(thrown(() => addDaysIso('2027-01-15', Number.MAX_SAFE_INTEGER)).path).toEqual(['days']);
    expect(addDaysIso('9999-12-30', 1)).toBe('9999-12-31');
  });
});
