import { describe, expect, it } from 'vitest';
import { assertOptionsObject, assertPackageId, assertParsedRecord, isParsedRecord } from './guards';
import { parsePatientRecord } from './parse';

describe('argument guards', () => {
  const record = parsePatientRecord({ id: 'g', patient: { birthDate: '1960-01-02', sex: 'male', listed: true } }, { asOf: '2027-01-15' });

  it('accept a parsed record and reject raw input, naming the path', () => {
    expect(() => {
      assertParsedRecord(record);
    }).not.toThrow();
    const { diagnoses: _dropped, ...raw } = record;
    expect(() => {
      assertParsedRecord(raw);
    }).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['record'] }) as Error);
    // A parsed record that went through JSON (cached by a vendor) is recognised by its shape.
    expect(() => {
      assertParsedRecord(JSON.parse(JSON.stringify(record)));
    }).not.toThrow();
    expect(() => {
      assertParsedRecord(null, ['ctx', 'record']);
    }).toThrow(expect.objectContaining({ path: ['ctx', 'record'] }) as Error);
  });

  it('tell a parsed record from its copies', () => {
    expect(isParsedRecord(record)).toBe(true);
    expect(isParsedRecord(JSON.parse(JSON.stringify(record)))).toBe(false);
    expect(isParsedRecord({ ...record })).toBe(false);
    expect(isParsedRecord(structuredClone(record))).toBe(false);
    expect(isParsedRecord(null)).toBe(false);
    expect(isParsedRecord('record')).toBe(false);
  });

  it('mark parsed records invisibly: not in keys, JSON, spreads or deep equality', () => {
    const plain = JSON.parse(JSON.stringify(record)) as unknown;
    expect(record).toEqual(plain);
    expect(Object.keys(record)).toEqual(Object.keys(plain as object));
    expect(Object.getOwnPropertySymbols({ ...record })).toEqual([]);
    expect(structuredClone(record)).toEqual(plain);
    const marks = Object.getOwnPropertySymbols(record);
    expect(marks).toHaveLength(1);
    expect(Object.getOwnPropertyDescriptor(record, marks[0] as symbol)).toMatchObject({ enumerable: false, writable: false, configurable: false });
  });

  it('accept the two packages and an options object only', () => {
    expect(() => {
      assertPackageId('KOL');
    }).not.toThrow();
    expect(() => {
      assertPackageId('kol');
    }).toThrow(expect.objectContaining({ path: ['options', 'package'] }) as Error);
    expect(() => {
      assertOptionsObject(undefined);
    }).toThrow(expect.objectContaining({ path: ['options'] }) as Error);
  });
});
