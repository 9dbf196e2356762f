import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import {
  ICPC2_CHAPTERS,
  icpc2DisplayName,
  icpc2DisplayNames,
  isIcpc2Code,
  normaliseIcpc2,
  safeNormaliseIcpc2,
} from './icpc2';

function thrown(fn: () => unknown): KronikerpakkerError {
  try {
    fn();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

const canonicalIcpc2 = fc
  .tuple(fc.constantFrom(...ICPC2_CHAPTERS), fc.integer({ min: 1, max: 99 }))
  .map(([letter, n]) => `${letter}${String(n).padStart(2, '0')}`);

describe('normaliseIcpc2', () => {
  it.each([
    ['r95', 'R95'],
    ['R95', 'R95'],
    [' L03 ', 'L03'],
    ['l86', 'L86'],
    ['A01', 'A01'],
  ])('%j -> %s', (input, expected) => {
    expect(normaliseIcpc2(input)).toBe(expected);
  });

  it.each(['', 'R9', 'R955', 'R95.1', 'DR95', 'J44', 'C01', 'E10', 'R00', '95R', 'RR5', 'R 95', 'ı01', 'Ä01'])(
    'rejects %j',
    (input) => {
      expect(thrown(() => normaliseIcpc2(input)).code).toBe('INVALID_ARGUMENT');
      expect(safeNormaliseIcpc2(input)).toBeUndefined();
      expect(isIcpc2Code(input)).toBe(false);
    },
  );

  it('rejects non-strings', () => {
    expect(thrown(() => normaliseIcpc2(95 as unknown as string)).code).toBe('INVALID_ARGUMENT');
    expect(safeNormaliseIcpc2(null)).toBeUndefined();
  });

  it('puts the caller path on the error', () => {
    expect(thrown(() => normaliseIcpc2('X', ['diagnoses', 0, 'code'])).path).toEqual(['diagnoses', 0, 'code']);
  });

  it('accepts every canonical code, in either case, and is idempotent (property)', () => {
    fc.assert(
      fc.property(canonicalIcpc2, fc.boolean(), (code, lower) => {
        const input = lower ? code.toLowerCase() : code;
        expect(normaliseIcpc2(input)).toBe(code);
        expect(normaliseIcpc2(normaliseIcpc2(input))).toBe(code);
      }),
    );
  });

  it('never puts the input in the message (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (tail) => {
        const err = thrown(() => normaliseIcpc2(`SECRET${tail}`));
        expect(`${err.message} ${String(err)} ${JSON.stringify(err)} ${err.stack ?? ''}`).not.toContain('SECRET');
      }),
    );
  });
});

describe('icpc2DisplayName', () => {
  it('gives the official DK Core names', () => {
    expect(icpc2DisplayName('R95')).toBe('Kronisk obstruktiv lungesygdom');
    expect(icpc2DisplayName('l02')).toBe('Symptom/klage fra ryg');
    expect(icpc2DisplayName('L03')).toBe('Symptom/klage fra lænd');
    expect(icpc2DisplayName('L84')).toBe('Rygsyndrom uden smerteudstråling');
    expect(icpc2DisplayName('L86')).toBe('Rygsyndrom med smerteudstråling');
  });

  it('gives SDK labels for the comorbidities, marked as such', () => {
    for (const code of ['T89', 'T90', 'K74', 'K75', 'K76', 'K77', 'K78', 'R96', 'L95', 'P76', 'P74', 'P70']) {
      expect(icpc2DisplayName(code)).toBeTypeOf('string');
      expect(icpc2DisplayNames[code]?.kind).toBe('sdk-label');
    }
    for (const code of ['R95', 'L02', 'L03', 'L84', 'L86']) {
      expect(icpc2DisplayNames[code]?.kind).toBe('official');
    }
  });

  it('returns undefined for codes it does not ship and throws for malformed codes', () => {
    expect(icpc2DisplayName('A01')).toBeUndefined();
    expect(thrown(() => icpc2DisplayName('R9')).code).toBe('INVALID_ARGUMENT');
  });

  it('keys every entry by its canonical code', () => {
    for (const [key, entry] of Object.entries(icpc2DisplayNames)) {
      expect(entry.code).toBe(key);
      expect(normaliseIcpc2(key)).toBe(key);
      expect(entry.source.title.length).toBeGreaterThan(0);
    }
    expect(Object.isFrozen(icpc2DisplayNames.R95)).toBe(true);
  });
});
