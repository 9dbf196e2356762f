import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '../errors/errors';
import { icpc2ForIcd10 } from './concept-map';
import { parseIcd10Pattern } from './icd10-pattern';
import { normaliseIcpc2 } from './icpc2';
import { VALUE_SET_IDS, getValueSet, inValueSet, valueSets } from './value-sets';
import type { ValueSet, ValueSetCoding } from './value-sets';

function thrown(fn: () => unknown): KronikerpakkerError {
  try {
    fn();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

const icd = (code: string): ValueSetCoding => ({ system: 'ICD-10', code });
const icpc = (code: string): ValueSetCoding => ({ system: 'ICPC-2', code });

describe('valueSets registry', () => {
  it('ships the four value sets, each keyed by its id, with versions and statuses', () => {
    expect([...VALUE_SET_IDS].sort()).toEqual(['kol-diagnosis', 'lrs-diagnosis', 'mental-health', 'multimorbidity-chronic']);
    for (const id of VALUE_SET_IDS) {
      const vs = valueSets[id];
      expect(vs.id).toBe(id);
      expect(vs.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(vs.source.title.length).toBeGreaterThan(0);
      expect(vs.title.length).toBeGreaterThan(0);
    }
    expect(valueSets['kol-diagnosis']).toMatchObject({ version: '1.0.0', status: 'approved' });
    expect(valueSets['lrs-diagnosis']).toMatchObject({ version: '0.1.0', status: 'provisional' });
    expect(valueSets['multimorbidity-chronic']).toMatchObject({ version: '0.1.0', status: 'provisional' });
    expect(valueSets['mental-health']).toMatchObject({ version: '0.1.0', status: 'provisional' });
  });

  it('holds only canonical, valid, unique codes and patterns', () => {
    for (const id of VALUE_SET_IDS) {
      const vs = valueSets[id];
      for (const code of vs.icpc2) expect(normaliseIcpc2(code)).toBe(code);
      for (const pattern of vs.icd10) expect(() => parseIcd10Pattern(pattern)).not.toThrow();
      expect(new Set(vs.icpc2).size).toBe(vs.icpc2.length);
      expect(new Set(vs.icd10).size).toBe(vs.icd10.length);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(valueSets)).toBe(true);
    expect(Object.isFrozen(valueSets['kol-diagnosis'].icd10)).toBe(true);
  });
});

describe('getValueSet', () => {
  it('returns the shipped value set', () => {
    expect(getValueSet('kol-diagnosis')).toBe(valueSets['kol-diagnosis']);
  });

  it.each(['nope', '', 'toString', '__proto__', 'constructor', 'KOL-DIAGNOSIS'])('throws for unknown id %j', (id) => {
    const err = thrown(() => getValueSet(id));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['id']);
  });

  it('never puts the id in the message', () => {
    expect(thrown(() => getValueSet('SECRET-ID')).message).not.toContain('SECRET');
    expect(thrown(() => getValueSet(7 as unknown as string)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('inValueSet: kol-diagnosis', () => {
  const kol = getValueSet('kol-diagnosis');
  it.each<[ValueSetCoding, boolean]>([
    [icpc('R95'), true],
    [icpc('r95'), true],
    [icpc('R96'), false],
    [icd('J44'), true],
    [icd('J440'), true],
    [icd('J44.0'), true],
    [icd('DJ44'), true],
    [icd('DJ449'), true],
    [icd('j44.9'), true],
    [icd('J43.9'), true],
    [icd('DJ439'), true],
    [icd('J45.9'), false],
    [icd('J42'), false],
    [icd('R95'), false],
  ])('%j -> %s', (coding, expected) => {
    expect(inValueSet(kol, coding)).toBe(expected);
  });
});

describe('inValueSet: lrs-diagnosis', () => {
  const lrs = getValueSet('lrs-diagnosis');
  it.each<[ValueSetCoding, boolean]>([
    [icpc('L03'), true],
    [icpc('L84'), true],
    [icpc('L86'), true],
    [icpc('L02'), false],
    [icpc('l02'), false],
    [icd('M54.3'), true],
    [icd('M54.4'), true],
    [icd('M54.5'), true],
    [icd('DM545'), true],
    [icd('M54'), false],
    [icd('M54.2'), false],
    [icd('M54.6'), false],
    [icd('M51'), true],
    [icd('M51.1'), true],
    [icd('M47.8'), true],
    [icd('M48.0'), true],
    [icd('DM480'), true],
    [icd('M48.1'), false],
    [icd('M48'), false],
  ])('%j -> %s', (coding, expected) => {
    expect(inValueSet(lrs, coding)).toBe(expected);
  });

  it('agrees with the concept map: every ICD-10 member maps to one of its ICPC-2 codes', () => {
    for (const code of ['M54.3', 'M54.4', 'M54.5', 'M51.0', 'M51.1', 'M51.5', 'M47.1', 'M47.9', 'M48.0']) {
      expect(inValueSet(lrs, icd(code))).toBe(true);
      const mapped = icpc2ForIcd10(code);
      expect(mapped.some((c) => lrs.icpc2.includes(c))).toBe(true);
    }
  });
});

describe('inValueSet: multimorbidity-chronic and mental-health', () => {
  const mm = getValueSet('multimorbidity-chronic');
  const mh = getValueSet('mental-health');

  it('holds the spec ICPC-2 codes', () => {
    for (const code of ['T89', 'T90', 'K74', 'K75', 'K76', 'K77', 'K78', 'R96', 'L95', 'P76', 'P74', 'P70']) {
      expect(inValueSet(mm, icpc(code))).toBe(true);
    }
    expect(inValueSet(mm, icpc('R95'))).toBe(false);
    expect(inValueSet(mh, icpc('P76'))).toBe(true);
    expect(inValueSet(mh, icpc('P74'))).toBe(true);
    expect(inValueSet(mh, icpc('P70'))).toBe(false);
  });

  it('holds the SDK-mapped ICD-10 equivalents', () => {
    for (const code of ['E10.9', 'E11', 'I20.0', 'I25.9', 'I50.0', 'I48.9', 'J45.9', 'M80.0', 'M81.9', 'F32.1', 'F33', 'F41.1', 'F00.0', 'F03']) {
      expect(inValueSet(mm, icd(code))).toBe(true);
    }
    for (const code of ['E12', 'I19', 'I26', 'I49', 'J44.9', 'M82', 'F31', 'F04', 'F34']) {
      expect(inValueSet(mm, icd(code))).toBe(false);
    }
    expect(inValueSet(mh, icd('DF329'))).toBe(true);
    expect(inValueSet(mh, icd('F41.0'))).toBe(true);
    expect(inValueSet(mh, icd('F40.0'))).toBe(false);
    expect(mm.note).toMatch(/SDK's own/);
  });
});

describe('inValueSet: errors', () => {
  const kol = getValueSet('kol-diagnosis');

  it('throws INVALID_ARGUMENT with path code for malformed codes, never echoing the code', () => {
    fc.assert(
      fc.property(fc.constantFrom<ValueSetCoding['system']>('ICPC-2', 'ICD-10'), fc.string({ maxLength: 12 }), (system, tail) => {
        const err = thrown(() => inValueSet(kol, { system, code: `SECRET${tail}` }));
        expect(err.code).toBe('INVALID_ARGUMENT');
        expect(err.path).toEqual(['code']);
        expect(`${err.message} ${JSON.stringify(err)} ${err.stack ?? ''}`).not.toContain('SECRET');
      }),
    );
  });

  it('throws for an unknown system', () => {
    const err = thrown(() => inValueSet(kol, { system: 'SNOMED' as 'ICD-10', code: 'J44' }));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['system']);
    expect(thrown(() => inValueSet(kol, null as unknown as ValueSetCoding)).code).toBe('INVALID_ARGUMENT');
  });

  it('validates custom value sets on first use', () => {
    const base: ValueSet = {
      id: 'x',
      version: '0.0.1',
      status: 'provisional',
      title: 'x',
      source: { title: 'test' },
      icpc2: [],
      icd10: [],
    };
    expect(thrown(() => inValueSet({ ...base, icd10: ['J44', 'j45'] }, icd('J44'))).path).toEqual([
      'valueSet',
      'icd10',
      1,
    ]);
    expect(thrown(() => inValueSet({ ...base, icpc2: ['r95'] }, icpc('R95'))).path).toEqual(['valueSet', 'icpc2', 0]);
    expect(thrown(() => inValueSet({ ...base, icpc2: ['R9'] }, icpc('R95'))).path).toEqual(['valueSet', 'icpc2', 0]);
    expect(thrown(() => inValueSet(null as unknown as ValueSet, icpc('R95'))).path).toEqual(['valueSet']);
    const custom: ValueSet = { ...base, icpc2: ['R95'], icd10: ['J44.9', 'M51.2-M51.9'] };
    expect(inValueSet(custom, icd('DJ449'))).toBe(true);
    expect(inValueSet(custom, icd('J44.0'))).toBe(false);
    expect(inValueSet(custom, icd('M51.1'))).toBe(false);
    expect(inValueSet(custom, icd('M51.2'))).toBe(true);
  });
});

describe('inValueSet: bulk', () => {
  // Speed belongs to `pnpm bench`; here only that a million look-ups agree with the expected count.
  it('answers a million look-ups consistently', () => {
    const lrs = getValueSet('lrs-diagnosis');
    const codes = ['DM545', 'J44.9', 'M51.3', 'DI109', 'M48.1', 'E11'];
    let hits = 0;
    let expected = 0;
    for (let i = 0; i < 1_000_000; i += 1) {
      const k = i % codes.length;
      if (inValueSet(lrs, { system: 'ICD-10', code: codes[k]! })) hits += 1;
      if (k === 0 || k === 2) expected += 1;
    }
    expect(hits).toBe(expected);
  });
});
