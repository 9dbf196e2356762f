import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import {
  compileIcd10Patterns,
  matchesCompiledIcd10,
  matchesIcd10Pattern,
  parseIcd10Pattern,
} from './icd10-pattern';
import type { ParsedIcd10Pattern } from './icd10-pattern';

function thrown(fn: () => unknown): KronikerpakkerError {
  try {
    fn();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

describe('parseIcd10Pattern', () => {
  it.each<[string, ParsedIcd10Pattern]>([
    ['J44', { kind: 'category', category: 'J44' }],
    ['M54.5', { kind: 'code', category: 'M54', subcode: '5' }],
    ['J44.9A', { kind: 'code', category: 'J44', subcode: '9A' }],
    ['M51.2-M51.9', { kind: 'range', category: 'M51', from: '2', to: '9' }],
    ['M51.2-M51.2', { kind: 'range', category: 'M51', from: '2', to: '2' }],
  ])('%s', (pattern, expected) => {
    expect(parseIcd10Pattern(pattern)).toEqual(expected);
  });

  it.each([
    'j44', 'DJ44', 'J449', ' J44', 'J44.', '', 'M51-M52', 'M51.2-M52.9', 'M51.9-M51.2', 'M51.2-', '-M51.2',
    'M51.2-M51.9-M51.9', 'M51.2-M51.10', 'M51-M51.9', 'XYZ',
  ])('rejects %j', (pattern) => {
    const err = thrown(() => parseIcd10Pattern(pattern, ['icd10', 3]));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['icd10', 3]);
  });

  it('never puts the pattern in the message', () => {
    for (const pattern of ['SECRET', 'M51.2-SECRET', 'SECRET-M51.2']) {
      const err = thrown(() => parseIcd10Pattern(pattern));
      expect(`${err.message} ${JSON.stringify(err)}`).not.toContain('SECRET');
    }
  });

  it('rejects non-strings', () => {
    expect(thrown(() => parseIcd10Pattern(44 as unknown as string)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('matchesIcd10Pattern', () => {
  it.each<[string, string, boolean]>([
    // category: the code and all its subcodes
    ['J44', 'J44', true],
    ['J44', 'J44.0', true],
    ['J44', 'J440', true],
    ['J44', 'DJ449', true],
    ['J44', 'DJ449A', true],
    ['J44', 'J45', false],
    ['J44', 'J43.9', false],
    // code: itself and finer subdivisions, not the category or siblings
    ['M54.5', 'M54.5', true],
    ['M54.5', 'DM545', true],
    ['M54.5', 'M54.5A', true],
    ['M54.5', 'M54', false],
    ['M54.5', 'M54.4', false],
    ['M48.0', 'M48.1', false],
    ['M48.0', 'M48.0', true],
    // range: inclusive over subcodes
    ['M51.2-M51.9', 'M51.2', true],
    ['M51.2-M51.9', 'M51.5', true],
    ['M51.2-M51.9', 'M51.9', true],
    ['M51.2-M51.9', 'M51.9A', true],
    ['M51.2-M51.9', 'M51.2A', true],
    ['M51.2-M51.9', 'M51.1', false],
    ['M51.2-M51.9', 'M51.0', false],
    ['M51.2-M51.9', 'M51', false],
    ['M51.2-M51.9', 'M51.A', false],
    ['M51.2-M51.9', 'M52.5', false],
    ['M51.0-M51.2', 'M51.3', false],
    ['M51.0-M51.2', 'M51.0', true],
  ])('%s vs %s -> %s', (pattern, code, expected) => {
    expect(matchesIcd10Pattern(pattern, code)).toBe(expected);
  });

  it('throws INVALID_ARGUMENT for a malformed pattern or code', () => {
    expect(thrown(() => matchesIcd10Pattern('j44', 'J44')).path).toEqual(['pattern']);
    expect(thrown(() => matchesIcd10Pattern('J44', 'DJ4')).path).toEqual(['code']);
  });
});

describe('compiled patterns', () => {
  /** The definition, written out naively (independent of the compiled form). */
  function reference(pattern: ParsedIcd10Pattern, code: string): boolean {
    const category = code.slice(0, 3);
    const subcode = code.length > 3 ? code.slice(4) : '';
    if (category !== pattern.category) return false;
    switch (pattern.kind) {
      case 'category':
        return true;
      case 'code':
        return subcode.startsWith(pattern.subcode);
      case 'range': {
        if (subcode.length < pattern.from.length) return false;
        const head = subcode.slice(0, pattern.from.length);
        return head >= pattern.from && head <= pattern.to;
      }
    }
  }

  const digitsOrLetter = fc.constantFrom(...Array.from('0123456789AB'));
  const code = fc
    .tuple(fc.constantFrom('M51', 'M54', 'J44'), fc.string({ unit: digitsOrLetter, maxLength: 3 }))
    .map(([cat, sub]) => (sub === '' ? cat : `${cat}.${sub}`));
  const pattern = fc.oneof(
    fc.constantFrom('M51', 'M54', 'J44'),
    code.filter((c) => c.length > 3),
    fc
      .tuple(fc.constantFrom('M51', 'M54'), digitsOrLetter, digitsOrLetter)
      .map(([cat, a, b]) => (a <= b ? `${cat}.${a}-${cat}.${b}` : `${cat}.${b}-${cat}.${a}`)),
  );

  it('agrees with the naive definition (property)', () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 5 }), code, (patterns, c) => {
        const compiled = compileIcd10Patterns(patterns);
        const expected = patterns.some((p) => reference(parseIcd10Pattern(p), c));
        expect(matchesCompiledIcd10(compiled, c)).toBe(expected);
      }),
    );
  });

  it('names the index of a bad pattern', () => {
    expect(thrown(() => compileIcd10Patterns(['J44', 'bad'], ['icd10'])).path).toEqual(['icd10', 1]);
    expect(thrown(() => compileIcd10Patterns('J44' as unknown as string[], ['icd10'])).path).toEqual(['icd10']);
  });
});
