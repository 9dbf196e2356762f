import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import { copenhagenOffset, isoDateOfInstant } from './copenhagen';

function thrown(f: () => unknown): KronikerpakkerError {
  try {
    f();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

/** The last Sunday of a month at 01:00 UTC: when EU summer time starts (March) or ends (October). */
function lastSundayAt0100Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
}

/** An independent oracle: the EU rule in force since 1996. */
function euRuleOffset(instant: Date): '+0100' | '+0200' {
  const year = instant.getUTCFullYear();
  const t = instant.getTime();
  return t >= lastSundayAt0100Utc(year, 2) && t < lastSundayAt0100Utc(year, 9) ? '+0200' : '+0100';
}

describe('copenhagenOffset', () => {
  it.each([
    ['2026-01-15T12:00:00Z', '+0100'],
    ['2026-07-01T12:00:00Z', '+0200'],
    // spring forward: 2026-03-29 01:00 UTC
    ['2026-03-29T00:59:59.999Z', '+0100'],
    ['2026-03-29T01:00:00Z', '+0200'],
    ['2026-03-28T01:00:00Z', '+0100'],
    // fall back: 2026-10-25 01:00 UTC
    ['2026-10-25T00:59:59.999Z', '+0200'],
    ['2026-10-25T01:00:00Z', '+0100'],
    ['2026-10-25T00:30:00Z', '+0200'],
    ['2026-10-25T01:30:00Z', '+0100'],
    // 2027: 28 March and 31 October
    ['2027-03-28T00:59:59Z', '+0100'],
    ['2027-03-28T01:00:00Z', '+0200'],
    ['2027-10-31T00:59:59Z', '+0200'],
    ['2027-10-31T01:00:00Z', '+0100'],
  ])('%s -> %s', (iso, expected) => {
    expect(copenhagenOffset(new Date(iso))).toBe(expected);
  });

  it('follows the EU rule (last Sundays of March and October, 01:00 UTC) for 1996-2040', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1996-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(copenhagenOffset(d)).toBe(euRuleOffset(d));
      }),
      { numRuns: 2000 },
    );
    // and on every change day exactly at the change
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const change = lastSundayAt0100Utc(year, month);
        expect(copenhagenOffset(new Date(change - 1))).toBe(month === 2 ? '+0100' : '+0200');
        expect(copenhagenOffset(new Date(change))).toBe(month === 2 ? '+0200' : '+0100');
      }
    }
  });

  it('stays right when many instants share a few days (the per-day memo)', () => {
    const around = (iso: string) => {
      const t = Date.parse(iso);
      return fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }).map((delta) => new Date(t + delta));
    };
    fc.assert(
      fc.property(fc.array(fc.oneof(around('2026-03-29T01:00:00Z'), around('2026-10-25T01:00:00Z')), { maxLength: 50 }), (instants) => {
        for (const d of instants) expect(copenhagenOffset(d)).toBe(euRuleOffset(d));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an invalid Date and instants outside the +0100/+0200 era', () => {
    for (const value of [new Date(Number.NaN), '2026-01-01' as unknown as Date, undefined as unknown as Date]) {
      const err = thrown(() => copenhagenOffset(value));
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.path).toEqual(['instant']);
    }
    expect(thrown(() => copenhagenOffset(new Date('1880-06-01T12:00:00Z'))).path).toEqual(['instant']);
  });
});

describe('isoDateOfInstant', () => {
  it.each([
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    ['2026-07-01T21:59:59Z', '2026-07-01'],
    ['2026-07-01T22:00:00Z', '2026-07-02'],
    ['2026-03-28T23:00:00Z', '2026-03-29'], // midnight before spring forward
    ['2026-10-24T22:00:00Z', '2026-10-25'], // midnight before fall back
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
  ])('%s is %s in Copenhagen', (iso, expected) => {
    expect(isoDateOfInstant(new Date(iso))).toBe(expected);
  });

  it('agrees with Intl in Europe/Copenhagen', () => {
    // en-CA formats dates as YYYY-MM-DD.
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(isoDateOfInstant(d)).toBe(intl.format(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('works before the +0100 era too, and refuses years past 9999', () => {
    expect(isoDateOfInstant(new Date('1880-06-01T23:30:00Z'))).toBe('1880-06-02');
    expect(thrown(() => isoDateOfInstant(new Date('+010000-01-01T00:00:00Z'))).path).toEqual(['instant']);
    expect(thrown(() => isoDateOfInstant(new Date(Number.NaN))).message).toBe('instant is not a valid Date');
  });
});
