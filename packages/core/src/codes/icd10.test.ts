import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import {
  icd10DisplayName,
  icd10DisplayNames,
  isIcd10Code,
  normaliseIcd10,
  safeNormaliseIcd10,
  splitIcd10,
  toSksCode,
} from './icd10';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `0123456789${LETTERS}`;

/** Any canonical ICD-10 code: letter, two digits, optionally a dot and 1-3 letters/digits. */
const canonicalIcd10 = fc
  .tuple(
    fc.constantFrom(...Array.from(LETTERS)),
    fc.integer({ min: 0, max: 99 }),
    fc.string({ unit: fc.constantFrom(...Array.from(ALNUM)), minLength: 0, maxLength: 3 }),
  )
  .map(([letter, n, sub]) => `${letter}${String(n).padStart(2, '0')}${sub === '' ? '' : `.${sub}`}`);

/** Any accepted spelling of a canonical code. */
const spelling = fc
  .tuple(canonicalIcd10, fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom('', ' ', '\t'))
  .map(([code, sks, dropDot, lower, pad]) => {
    let s = dropDot ? code.replace('.', '') : code;
    if (sks) s = `D${s}`;
    if (lower) s = s.toLowerCase();
    return { code, input: `${pad}${s}${pad}` };
  });

function thrown(fn: () => unknown): KronikerpakkerError {
  try {
    fn();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

describe('normaliseIcd10', () => {
  it.each([
    ['DJ449', 'J44.9'],
    ['J449', 'J44.9'],
    ['J44.9', 'J44.9'],
    ['j44.9', 'J44.9'],
    ['DJ44', 'J44'],
    ['J44', 'J44'],
    ['dj449', 'J44.9'],
    ['DJ44.9', 'J44.9'],
    [' DM545 ', 'M54.5'],
    ['DM544', 'M54.4'],
    ['DJ449A', 'J44.9A'],
    ['D50', 'D50'],
    ['D509', 'D50.9'],
    ['DD509', 'D50.9'],
    ['M51.21', 'M51.21'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseIcd10(input)).toBe(expected);
  });

  it.each(['XYZ', '', '   ', 'DJ4', 'J4', 'J', 'J44.', 'J44..9', 'J44.9.1', 'J44.1234', 'DJ441234', '4J4', 'JJ44', 'J4A', 'J44-9', 'J44 9', 'DDJ449', 'Ĵ44', 'J44.ı'])(
    'rejects %j',
    (input) => {
      const err = thrown(() => normaliseIcd10(input));
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(safeNormaliseIcd10(input)).toBeUndefined();
      expect(isIcd10Code(input)).toBe(false);
    },
  );

  it('rejects non-strings with INVALID_ARGUMENT', () => {
    const values: unknown[] = [undefined, null, 449, {}, ['J44']];
    for (const value of values) {
      expect(thrown(() => normaliseIcd10(value as string)).code).toBe('INVALID_ARGUMENT');
      expect(safeNormaliseIcd10(value)).toBeUndefined();
      expect(isIcd10Code(value)).toBe(false);
    }
  });

  it('puts the caller path on the error', () => {
    expect(thrown(() => normaliseIcd10('XYZ', ['diagnoses', 2, 'code'])).path).toEqual(['diagnoses', 2, 'code']);
    expect(thrown(() => normaliseIcd10('XYZ')).path).toEqual([]);
  });

  it('normalises every spelling of a code to the code (property)', () => {
    fc.assert(
      fc.property(spelling, ({ code, input }) => {
        expect(normaliseIcd10(input)).toBe(code);
        expect(isIcd10Code(input)).toBe(true);
      }),
    );
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.oneof(spelling.map((s) => s.input), fc.string({ maxLength: 8 })), (input) => {
        const once = safeNormaliseIcd10(input);
        if (once !== undefined) expect(normaliseIcd10(once)).toBe(once);
      }),
    );
  });

  it('round-trips through SKS form (property)', () => {
    fc.assert(
      fc.property(canonicalIcd10, (code) => {
        const sks = toSksCode(code);
        expect(sks.startsWith('D')).toBe(true);
        expect(sks).not.toContain('.');
        expect(normaliseIcd10(sks)).toBe(code);
        expect(toSksCode(sks)).toBe(sks);
      }),
    );
  });

  it('never puts the input in the message (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (tail) => {
        const input = `SECRET${tail}`;
        const err = thrown(() => normaliseIcd10(input));
        for (const text of [err.message, String(err), JSON.stringify(err), err.stack ?? '']) {
          expect(text).not.toContain('SECRET');
        }
      }),
    );
  });
});

describe('toSksCode', () => {
  it.each([
    ['J44.9', 'DJ449'],
    ['M54.5', 'DM545'],
    ['J44', 'DJ44'],
    ['dj449', 'DJ449'],
  ])('%s -> %s', (input, expected) => {
    expect(toSksCode(input)).toBe(expected);
  });

  it('throws INVALID_ARGUMENT for malformed codes', () => {
    expect(thrown(() => toSksCode('DJ4')).code).toBe('INVALID_ARGUMENT');
  });
});

describe('splitIcd10', () => {
  it('splits category and subcode', () => {
    expect(splitIcd10('J44.9')).toEqual({ category: 'J44', subcode: '9' });
    expect(splitIcd10('J44')).toEqual({ category: 'J44', subcode: '' });
  });
});

describe('icd10DisplayName', () => {
  it('gives the Danish SKS names', () => {
    expect(icd10DisplayName('M54.5')).toBe('Lændesmerter UNS');
    expect(icd10DisplayName('DM544')).toBe('Lændesmerter med ischias');
    expect(icd10DisplayName('J44.9')).toBeUndefined();
    expect(thrown(() => icd10DisplayName('nope')).code).toBe('INVALID_ARGUMENT');
  });

  it('keys every entry by its canonical code', () => {
    for (const [key, entry] of Object.entries(icd10DisplayNames)) {
      expect(entry.code).toBe(key);
      expect(normaliseIcd10(key)).toBe(key);
    }
  });
});
