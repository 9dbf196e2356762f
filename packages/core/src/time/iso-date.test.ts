import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import { assertAsOf, assertIsoDate, compareIsoDates, isIsoDate, maxIsoDate, minIsoDate } from './iso-date';

const isoDate = (min = '0000-01-01', max = '9999-12-31') =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

/** The reference check: the date survives a round trip through Date's own parser and formatter. */
function referenceIsIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
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

describe('isIsoDate', () => {
  it.each([
    ['2026-01-15', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['0000-01-01', true],
    ['9999-12-31', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-04-31', false],
    ['2026-1-01', false],
    ['2026-01-1', false],
    ['26-01-01', false],
    ['2026/01/01', false],
    ['20260101', false],
    [' 2026-01-01', false],
    ['2026-01-01 ', false],
    ['2026-01-01T00:00:00Z', false],
    ['+2026-01-01', false],
    ['２０２６-01-01', false],
    ['', false],
  ])('%j -> %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('is false for non-strings', () => {
    for (const value of [undefined, null, 20260101, new Date(), ['2026-01-01'], { toString: () => '2026-01-01' }]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('accepts every date Date formats in years 0000-9999', () => {
    fc.assert(fc.property(isoDate(), (s) => isIsoDate(s)));
  });

  it('agrees with the reference check on date-shaped strings, valid or not', () => {
    const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), twoDigits, twoDigits)
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${m}-${d}`);
    fc.assert(
      fc.property(fc.oneof(shaped, isoDate(), fc.string({ maxLength: 12 })), (s) => {
        expect(isIsoDate(s)).toBe(referenceIsIsoDate(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('assertAsOf / assertIsoDate', () => {
  it('passes a real date', () => {
    expect(() => {
      assertAsOf('2027-01-15');
    }).not.toThrow();
  });

  it('throws INVALID_ARGUMENT at [asOf] with the documented message', () => {
    const err = thrown(() => {
      assertAsOf('15-01-2027');
    });
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['asOf']);
    expect(err.message).toBe('asOf is not a calendar date in YYYY-MM-DD form');
    expect(thrown(() => {
      assertAsOf(undefined);
    }).message).toBe('asOf is not a calendar date in YYYY-MM-DD form');
    expect(thrown(() => {
      assertAsOf('2026-02-29');
    }).message).toBe('asOf is in YYYY-MM-DD form but names no existing calendar date');
  });

  it('names the given path', () => {
    const err = thrown(() => {
      assertIsoDate('2026-02-30', ['patient', 'birthDate']);
    });
    expect(err.path).toEqual(['patient', 'birthDate']);
    expect(err.message).toBe('patient.birthDate is in YYYY-MM-DD form but names no existing calendar date');
  });

  it('never puts the input into the error', () => {
    const badDate = fc
      .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 39 }))
      .map(([y, m, d]) => `${String(y)}-${String(m).padStart(2, '0')}-${String(d)}`)
      .filter((s) => !isIsoDate(s));
    const marked = fc.string().map((s) => `MARK${s}KRAM`);
    fc.assert(
      fc.property(fc.oneof(badDate, marked), (input) => {
        const err = thrown(() => {
          assertAsOf(input);
        });
        for (const text of [err.message, String(err), JSON.stringify(err), err.stack ?? '']) {
          expect(text).not.toContain(input);
          expect(text).not.toContain('MARK');
        }
      }),
    );
  });
});

describe('compareIsoDates', () => {
  it('orders like the calendar', () => {
    expect(compareIsoDates('2026-03-01', '2026-02-28')).toBe(1);
    expect(compareIsoDates('2026-02-28', '2026-03-01')).toBe(-1);
    expect(compareIsoDates('2026-02-28', '2026-02-28')).toBe(0);
    expect(['2027-01-15', '0999-12-31', '2026-12-31'].sort(compareIsoDates)).toEqual(['0999-12-31', '2026-12-31', '2027-01-15']);
  });

  it('agrees with the order of the instants', () => {
    fc.assert(
      fc.property(isoDate(), isoDate(), (a, b) => {
        expect(compareIsoDates(a, b)).toBe(Math.sign(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)));
      }),
    );
  });

  it('refuses non-dates with the argument path', () => {
    expect(thrown(() => compareIsoDates('2026-1-1', '2026-01-01')).path).toEqual(['a']);
    expect(thrown(() => compareIsoDates('2026-01-01', '2026-02-30')).path).toEqual(['b']);
  });
});

describe('maxIsoDate / minIsoDate', () => {
  it('find the latest and earliest', () => {
    const dates = ['2026-05-01', '2027-01-02', '2026-12-31'];
    expect(maxIsoDate(dates)).toBe('2027-01-02');
    expect(minIsoDate(dates)).toBe('2026-05-01');
    expect(maxIsoDate([])).toBeUndefined();
    expect(minIsoDate([])).toBeUndefined();
  });

  it('report the index of a bad element', () => {
    const err = thrown(() => maxIsoDate(['2026-05-01', '2026-02-30']));
    expect(err.path).toEqual(['dates', 1]);
    expect(err.message).toBe('dates[1] is in YYYY-MM-DD form but names no existing calendar date');
  });

  it('agree with sorting', () => {
    fc.assert(
      fc.property(fc.array(isoDate(), { minLength: 1 }), (dates) => {
        const sorted = [...dates].sort(compareIsoDates);
        expect(minIsoDate(dates)).toBe(sorted[0]);
        expect(maxIsoDate(dates)).toBe(sorted[sorted.length - 1]);
      }),
    );
  });
});

describe('assertAsOf remembers only valid dates', () => {
  it('still rejects undefined, empty and malformed values after a valid one', () => {
    assertAsOf('2027-01-15');
    for (const bad of [undefined, '', '2027-02-30', '15-01-2027']) {
      expect(() => {
        assertAsOf(bad);
      }).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
    }
    assertAsOf('2027-01-15');
  });
});
