import { describe, expect, it } from 'vitest';
import { assertOptionsObject, assertPackageId, assertParsedRecord } from './guards';
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
