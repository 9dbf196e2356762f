import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, ageOn, civilFromDay, dayFromCivil, formatDay, lastSundayOf, parseDay, weekday } from './calendar';

describe('calendar day numbers', () => {
  it('agree with Date.UTC over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(1800, 1, 1), max: dayFromCivil(2200, 12, 31) }), (n) => {
        const d = new Date(n * 86_400_000);
        expect(civilFromDay(n)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
        expect(formatDay(n)).toBe(d.toISOString().slice(0, 10));
        expect(parseDay(formatDay(n))).toBe(n);
        expect(weekday(n)).toBe(d.getUTCDay());
      }),
    );
  });

  it('rejects dates that do not exist', () => {
    expect(() => parseDay('2026-02-29')).toThrow(RangeError);
    expect(() => parseDay('2026-13-01')).toThrow(RangeError);
    expect(() => parseDay('20260101')).toThrow(RangeError);
    expect(parseDay('2024-02-29')).toBe(dayFromCivil(2024, 2, 29));
  });

  it('finds the EU daylight-saving days (last Sunday of March and October)', () => {
    expect(formatDay(lastSundayOf(2026, 3))).toBe('2026-03-29');
    expect(formatDay(lastSundayOf(2026, 10))).toBe('2026-10-25');
    expect(formatDay(lastSundayOf(2027, 3))).toBe('2027-03-28');
    expect(formatDay(lastSundayOf(2027, 10))).toBe('2027-10-31');
  });

  it('adds years, clamping 29 February, and computes ages', () => {
    expect(formatDay(addYears(parseDay('2024-02-29'), 1))).toBe('2025-02-28');
    expect(formatDay(addYears(parseDay('2027-01-15'), -30))).toBe('1997-01-15');
    expect(ageOn(parseDay('1997-01-15'), parseDay('2027-01-15'))).toBe(30);
    expect(ageOn(parseDay('1997-01-16'), parseDay('2027-01-15'))).toBe(29);
    expect(ageOn(parseDay('2008-02-29'), parseDay('2026-02-28'))).toBe(17);
    expect(ageOn(parseDay('2008-02-29'), parseDay('2026-03-01'))).toBe(18);
  });
});
