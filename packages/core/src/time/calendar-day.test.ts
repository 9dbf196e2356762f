import { addMonths, differenceInYears } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarDay,
  ISO_DATE_BAD_FORM,
  ISO_DATE_NO_SUCH_DAY,
  daysInMonth,
  formatIsoDateFields,
  scanIsoDate,
  utcMidnight,
} from './calendar-day';

describe('daysInMonth', () => {
  it('agrees with Date for every month of random years 0000-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const d = new Date(0);
        d.setUTCFullYear(year, month, 0); // day 0 of the next month = last day of this one
        expect(daysInMonth(year, month)).toBe(d.getUTCDate());
      }),
    );
  });

  it('knows the century rule', () => {
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(0, 2)).toBe(29);
  });
});

describe('scanIsoDate', () => {
  it('packs a real date and tells form errors from missing days', () => {
    expect(scanIsoDate('2028-02-29')).toBe(20280229);
    expect(scanIsoDate('0000-01-01')).toBe(101);
    expect(scanIsoDate('2026-02-29')).toBe(ISO_DATE_NO_SUCH_DAY);
    expect(scanIsoDate('2026-1-01')).toBe(ISO_DATE_BAD_FORM);
    expect(scanIsoDate(20260101)).toBe(ISO_DATE_BAD_FORM);
  });
});

describe('utcMidnight', () => {
  it('is the UTC midnight of the date, also for years 0000-0099', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const midnight = Date.UTC(2000, 0, 1) + Math.floor((d.getTime() - Date.UTC(2000, 0, 1)) / 86_400_000) * 86_400_000;
        expect(utcMidnight(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(midnight);
      }),
    );
    expect(new Date(utcMidnight(12, 3, 4)).toISOString()).toBe('0012-03-04T00:00:00.000Z');
  });
});

describe('formatIsoDateFields', () => {
  it('pads to four-digit years and refuses others', () => {
    expect(formatIsoDateFields(812, 3, 1)).toBe('0812-03-01');
    expect(formatIsoDateFields(0, 1, 1)).toBe('0000-01-01');
    expect(formatIsoDateFields(10_000, 1, 1)).toBeUndefined();
    expect(formatIsoDateFields(-1, 12, 31)).toBeUndefined();
    expect(formatIsoDateFields(Number.NaN, Number.NaN, Number.NaN)).toBeUndefined();
  });
});

describe('CalendarDay', () => {
  it('exposes its UTC fields as local fields, whatever the machine time zone', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (d) => {
        const c = new CalendarDay(d.getTime());
        expect([c.getFullYear(), c.getMonth(), c.getDate(), c.getDay(), c.getHours(), c.getMinutes(), c.getSeconds(), c.getMilliseconds()]).toEqual([
          d.getUTCFullYear(),
          d.getUTCMonth(),
          d.getUTCDate(),
          d.getUTCDay(),
          d.getUTCHours(),
          d.getUTCMinutes(),
          d.getUTCSeconds(),
          d.getUTCMilliseconds(),
        ]);
        expect(c.getTimezoneOffset()).toBe(0);
      }),
    );
  });

  it('setters write UTC fields and honour omitted arguments', () => {
    const c = new CalendarDay(Date.UTC(2027, 0, 31));
    c.setFullYear(2028);
    expect(c.toISOString()).toBe('2028-01-31T00:00:00.000Z');
    c.setMonth(1, 29);
    expect(c.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    c.setDate(1);
    c.setHours(23, 59);
    c.setMinutes(1);
    c.setSeconds(2);
    c.setMilliseconds(3);
    expect(c.toISOString()).toBe('2028-02-01T23:01:02.003Z');
  });

  it('stays a CalendarDay through date-fns', () => {
    const result = addMonths(new CalendarDay(Date.UTC(2027, 2, 31)), -1);
    expect(result).toBeInstanceOf(CalendarDay);
    expect(result.toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(differenceInYears(new CalendarDay(Date.UTC(2018, 1, 28)), new CalendarDay(Date.UTC(2000, 1, 29)))).toBe(17);
  });
});
