import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import { icd10ForIcpc2, icpc2ForIcd10, icpc2Icd10ConceptMap } from './concept-map';
import { parseIcd10Pattern } from './icd10-pattern';
import { normaliseIcpc2 } from './icpc2';

/** Every row of the spec's ConceptMap subset, written out as the spec gives it. */
const ROWS: Readonly<Record<string, readonly string[]>> = {
  R95: ['J43', 'J44.0', 'J44.1', 'J44.8', 'J44.9'],
  L03: ['M53.3', 'M54.0', 'M54.5'],
  L02: ['M54.0', 'M54.6', 'M54.8', 'M54.9'],
  L84: ['M43', 'M46', 'M47', 'M48', 'M51.2-M51.9', 'M53.2', 'M53.3'],
  L86: ['G55', 'M47.1', 'M47.2', 'M51.0-M51.2', 'M54.3', 'M54.4'],
};

function thrown(fn: () => unknown): KronikerpakkerError {
  try {
    fn();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

describe('icpc2Icd10ConceptMap', () => {
  it('holds exactly the spec rows, in code order, with valid canonical patterns', () => {
    expect(icpc2Icd10ConceptMap.entries.map((e) => e.icpc2)).toEqual(['L02', 'L03', 'L84', 'L86', 'R95']);
    for (const entry of icpc2Icd10ConceptMap.entries) {
      expect(entry.icd10).toEqual(ROWS[entry.icpc2]);
      expect(normaliseIcpc2(entry.icpc2)).toBe(entry.icpc2);
      for (const p of entry.icd10) expect(() => parseIcd10Pattern(p)).not.toThrow();
    }
    expect(icpc2Icd10ConceptMap.source.title).toMatch(/ConceptMap icpc2-icd10/);
    expect(Object.isFrozen(icpc2Icd10ConceptMap.entries[0]?.icd10)).toBe(true);
  });
});

describe('icd10ForIcpc2', () => {
  it.each(Object.entries(ROWS))('%s', (icpc2, patterns) => {
    expect(icd10ForIcpc2(icpc2)).toEqual(patterns);
    expect(icd10ForIcpc2(icpc2.toLowerCase())).toEqual(patterns);
  });

  it('gives [] for codes outside the subset and throws for malformed codes', () => {
    expect(icd10ForIcpc2('A01')).toEqual([]);
    expect(thrown(() => icd10ForIcpc2('J44.9')).code).toBe('INVALID_ARGUMENT');
  });
});

describe('icpc2ForIcd10', () => {
  it.each<[string, readonly string[]]>([
    // R95: J43.x, J44.0, J44.1, J44.8, J44.9
    ['J43', ['R95']],
    ['J43.1', ['R95']],
    ['J43.9', ['R95']],
    ['J44.0', ['R95']],
    ['J44.1', ['R95']],
    ['J44.8', ['R95']],
    ['J44.9', ['R95']],
    ['DJ449', ['R95']],
    ['J44', []],
    ['J45.9', []],
    // L03: M53.3, M54.0, M54.5 (M53.3 shared with L84, M54.0 with L02)
    ['M54.5', ['L03']],
    ['DM545', ['L03']],
    ['M53.3', ['L03', 'L84']],
    ['M54.0', ['L02', 'L03']],
    // L02: M54.0, M54.6, M54.8, M54.9
    ['M54.6', ['L02']],
    ['M54.8', ['L02']],
    ['M54.9', ['L02']],
    // L84: M43.x, M46.x, M47.x, M48.x, M51.2-M51.9, M53.2, M53.3
    ['M43.1', ['L84']],
    ['M46.4', ['L84']],
    ['M47.8', ['L84']],
    ['M48.0', ['L84']],
    ['M51.3', ['L84']],
    ['M51.9', ['L84']],
    ['M53.2', ['L84']],
    // L86: G55.x, M47.1, M47.2, M51.0-M51.2, M54.3, M54.4
    ['G55.1', ['L86']],
    ['M47.1', ['L84', 'L86']],
    ['M47.2', ['L84', 'L86']],
    ['M51.0', ['L86']],
    ['M51.1', ['L86']],
    ['M51.2', ['L84', 'L86']],
    ['M54.3', ['L86']],
    ['M54.4', ['L86']],
    // outside the subset
    ['M54.1', []],
    ['M53.1', []],
  ])('%s -> %j', (code, expected) => {
    expect(icpc2ForIcd10(code)).toEqual(expected);
  });

  it('is the inverse of the rows: every exact code in a row maps back to that row', () => {
    for (const entry of icpc2Icd10ConceptMap.entries) {
      for (const pattern of entry.icd10) {
        const parsed = parseIcd10Pattern(pattern);
        const sample =
          parsed.kind === 'category'
            ? `${parsed.category}.9`
            : parsed.kind === 'code'
              ? `${parsed.category}.${parsed.subcode}`
              : `${parsed.category}.${parsed.to}`;
        expect(icpc2ForIcd10(sample)).toContain(entry.icpc2);
      }
    }
  });

  it('throws INVALID_ARGUMENT for malformed codes, without the code in the message', () => {
    const err = thrown(() => icpc2ForIcd10('SECRET-9'));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).not.toContain('SECRET');
  });
});
