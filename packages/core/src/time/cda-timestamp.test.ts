import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import { cdaTimestampToDate, toCdaDate, toCdaTimestamp } from './cda-timestamp';

function thrown(f: () => unknown): KronikerpakkerError {
  try {
    f();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

describe('toCdaTimestamp', () => {
  it.each([
    ['2027-01-15T09:30:00Z', '20270115103000+0100'],
    ['2027-07-15T09:30:00Z', '20270715113000+0200'],
    // spring forward, 2026-03-29 01:00 UTC: 02:00-02:59 local never happens
    ['2026-03-29T00:59:59Z', '20260329015959+0100'],
    ['2026-03-29T01:00:00Z', '20260329030000+0200'],
    // fall back, 2026-10-25 01:00 UTC: the same wall time twice, told apart by the offset
    ['2026-10-25T00:30:00Z', '20261025023000+0200'],
    ['2026-10-25T01:30:00Z', '20261025023000+0100'],
    ['2026-10-25T00:59:59Z', '20261025025959+0200'],
    ['2026-10-25T01:00:00Z', '20261025020000+0100'],
    // the local date differs from the UTC date
    ['2026-12-31T23:30:00Z', '20270101003000+0100'],
  ])('%s -> %s', (iso, expected) => {
    expect(toCdaTimestamp(new Date(iso))).toBe(expected);
  });

  it('drops milliseconds (truncates), also before 1970', () => {
    expect(toCdaTimestamp(new Date('2027-01-15T09:30:00.999Z'))).toBe('20270115103000+0100');
    expect(toCdaTimestamp(new Date('1969-12-31T23:59:59.500Z'))).toBe('19700101005959+0100');
  });

  it('refuses invalid instants and instants outside the +0100/+0200 era', () => {
    expect(thrown(() => toCdaTimestamp(new Date(Number.NaN))).path).toEqual(['instant']);
    expect(thrown(() => toCdaTimestamp(new Date('1880-01-01T00:00:00Z'))).path).toEqual(['instant']);
    expect(thrown(() => toCdaTimestamp(new Date('+010000-06-01T00:00:00Z'))).path).toEqual(['instant']);
  });
});

describe('toCdaDate', () => {
  it('drops the hyphens', () => {
    expect(toCdaDate('2027-01-15')).toBe('20270115');
    expect(toCdaDate('0812-03-01')).toBe('08120301');
    expect(toCdaDate('0000-01-01')).toBe('00000101');
  });

  it('refuses a non-date at [date]', () => {
    const err = thrown(() => toCdaDate('2027-02-29'));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['date']);
  });
});

describe('cdaTimestampToDate', () => {
  it.each([
    ['20261025023000+0200', '2026-10-25T00:30:00.000Z'],
    ['20261025023000+0100', '2026-10-25T01:30:00.000Z'],
    ['20260329030000+0200', '2026-03-29T01:00:00.000Z'],
    ['20270115103000+0100', '2027-01-15T09:30:00.000Z'],
    ['202701151030+0100', '2027-01-15T09:30:00.000Z'],
    ['20270115+0100', '2027-01-14T23:00:00.000Z'],
    ['20270115103000-0500', '2027-01-15T15:30:00.000Z'],
    ['20270115103000+0000', '2027-01-15T10:30:00.000Z'],
    ['20270115103000+0530', '2027-01-15T05:00:00.000Z'],
    ['20280229000000+0100', '2028-02-28T23:00:00.000Z'],
    ['00010101000000+0000', '0001-01-01T00:00:00.000Z'],
  ])('%s -> %s', (ts, iso) => {
    expect(cdaTimestampToDate(ts).toISOString()).toBe(iso);
  });

  it.each([
    // without an offset: Danish wall-clock time
    ['20270115', '2027-01-14T23:00:00.000Z'],
    ['20270715', '2027-07-14T22:00:00.000Z'],
    ['202701151030', '2027-01-15T09:30:00.000Z'],
    ['20270715103000', '2027-07-15T08:30:00.000Z'],
    ['20260329', '2026-03-28T23:00:00.000Z'],
    ['20261025', '2026-10-24T22:00:00.000Z'],
    ['20260329015959', '2026-03-29T00:59:59.000Z'],
    ['20260329030000', '2026-03-29T01:00:00.000Z'],
    // skipped hour (March): moved forward an hour, 02:30 -> 03:30 +0200
    ['20260329023000', '2026-03-29T01:30:00.000Z'],
    ['20260329020000', '2026-03-29T01:00:00.000Z'],
    // repeated hour (October): the first, summer-time occurrence
    ['20261025023000', '2026-10-25T00:30:00.000Z'],
    ['20261025020000', '2026-10-25T00:00:00.000Z'],
    ['20261025015959', '2026-10-24T23:59:59.000Z'],
    ['20261025030000', '2026-10-25T02:00:00.000Z'],
  ])('%s (no offset) -> %s', (ts, iso) => {
    expect(cdaTimestampToDate(ts).toISOString()).toBe(iso);
  });

  it('round-trips toCdaTimestamp at second precision for instants 1990-2040', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          const seconds = new Date(Math.floor(d.getTime() / 1000) * 1000);
          const ts = toCdaTimestamp(d);
          expect(ts).toMatch(/^\d{14}\+0[12]00$/);
          expect(cdaTimestampToDate(ts).getTime()).toBe(seconds.getTime());
          // Without the offset, only the repeated October hour is ambiguous.
          const wall = cdaTimestampToDate(ts.slice(0, 14)).getTime();
          if (wall !== seconds.getTime()) {
            expect(ts.endsWith('+0100')).toBe(true);
            expect(seconds.getTime() - wall).toBe(3_600_000);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it.each([
    '',
    '2027',
    '202701',
    '2027011510', // hour precision is not accepted
    '20270115103',
    '2027011510300',
    '20270115103000.5+0100',
    '20270115103000+01',
    '20270115103000+01:00',
    '20270115103000Z',
    '2027-01-15T10:30:00+01:00',
    ' 20270115',
    '20270115 ',
    '２０２７0115',
  ])('refuses the malformed %j', (ts) => {
    const err = thrown(() => cdaTimestampToDate(ts));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['timestamp']);
    expect(err.message).toMatch(/^timestamp is not a CDA timestamp/);
  });

  it.each(['20270229', '20271301', '20270100', '20270115240000', '20270115106000', '20270115103060', '20270115103000+1500', '20270115103000+0160'])(
    'refuses the impossible %j',
    (ts) => {
      const err = thrown(() => cdaTimestampToDate(ts));
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.path).toEqual(['timestamp']);
    },
  );

  it('refuses non-strings', () => {
    expect(thrown(() => cdaTimestampToDate(20270115 as unknown as string)).path).toEqual(['timestamp']);
    expect(thrown(() => cdaTimestampToDate(undefined as unknown as string)).path).toEqual(['timestamp']);
  });

  it('never puts the input into the error', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-'), minLength: 6, maxLength: 22 });
    fc.assert(
      fc.property(digits, (ts) => {
        try {
          cdaTimestampToDate(ts);
        } catch (err) {
          if (!KronikerpakkerError.is(err)) throw err;
          for (const text of [err.message, String(err), JSON.stringify(err), err.stack ?? '']) expect(text).not.toContain(ts);
        }
      }),
    );
  });
});
