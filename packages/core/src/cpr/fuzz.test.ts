// Fuzz tests of the CPR functions (issue 13): parseCpr and formatCpr return or throw a coded
// INVALID_CPR without the input; safeParseCpr, classifyPersonIdentifier, maskCpr and isMod11Valid never
// throw, whatever they are given. FUZZ_RUNS raises the runs (docs/privacy-and-errors.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Relative on purpose: core cannot depend on test-fixtures (which depends on core).
import { FUZZ_CPRS, expectCodedOrResult, expectNoThrow, fuzzParameters, fuzzTimeout, hostileValue, leakIn } from '../../../../test-fixtures/src/fuzz';
import { classifyPersonIdentifier, formatCpr, isMod11Valid, maskCpr, parseCpr, safeParseCpr } from './cpr';
import { isSyntheticCprSafe, syntheticCpr } from './synthetic';

/** Strings shaped like CPR numbers and replacement numbers, valid or nearly so (markers spliced in). */
const cprShaped: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FUZZ_CPRS, '310250-1234', '290200-4011', '0101501AB1', '010150-0AB1', '3104961234', '010190 4321', '010190--4321'),
  fc
    .array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', ' ', 'A', 'Z', 'a', 'z', '\u00a0', '\t', '\n', '٣'), { minLength: 6, maxLength: 14 })
    .map((chars) => chars.join('')),
  fc.tuple(fc.constantFrom(...FUZZ_CPRS), fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 })).map(([c, a, b]) => `${a}${c}${b}`),
);

const anything: fc.Arbitrary<unknown> = fc.oneof(cprShaped, hostileValue(2));

describe('fuzz: CPR numbers', () => {
  it(
    'parseCpr and formatCpr return, or throw INVALID_CPR without the input',
    () => {
      fc.assert(
        fc.property(anything, (input) => {
          const parsed = expectCodedOrResult(() => parseCpr(input as string), 'parseCpr');
          const formatted = expectCodedOrResult(() => formatCpr(input as string), 'formatCpr');
          expect(parsed === undefined).toBe(formatted === undefined);
        }),
        fuzzParameters(1000),
      );
    },
    fuzzTimeout(),
  );

  it(
    'safeParseCpr, classifyPersonIdentifier, maskCpr and isMod11Valid never throw',
    () => {
      fc.assert(
        fc.property(anything, (input) => {
          const safe = expectNoThrow(() => safeParseCpr(input as string), 'safeParseCpr') as ReturnType<typeof safeParseCpr>;
          const kind = expectNoThrow(() => classifyPersonIdentifier(input as string), 'classifyPersonIdentifier');
          expect(kind === 'cpr').toBe(safe.success);
          const masked = expectNoThrow(() => maskCpr(input as string), 'maskCpr') as string;
          // The mask keeps the birth date at most, never the serial.
          expect(masked).toMatch(/^(\d{6}|X{6})-XXXX$/);
          expect(typeof expectNoThrow(() => isMod11Valid(input as string), 'isMod11Valid')).toBe('boolean');
        }),
        fuzzParameters(1000),
      );
    },
    fuzzTimeout(),
  );

  it(
    'syntheticCpr and isSyntheticCprSafe check their arguments before using them',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom('1950-03-04', '1990-01-01', '2027-01-15', '1858-01-02'), hostileValue(1)), hostileValue(1), hostileValue(1), (date, sex, seed) => {
          expectCodedOrResult(() => syntheticCpr(date as string, sex as 'female', seed as number), 'syntheticCpr');
          expectNoThrow(() => isSyntheticCprSafe(date as string), 'isSyntheticCprSafe');
        }),
        fuzzParameters(500),
      );
    },
    fuzzTimeout(),
  );

  it('an error for a CPR-shaped input never holds its digits', () => {
    for (const input of ['3102904321', '310290-4321', '0101904321x', 'x010190-4321']) {
      try {
        parseCpr(input);
        expect.unreachable();
      } catch (err) {
        expect(leakIn(`${JSON.stringify(err)}${String(err)}${(err as Error).stack ?? ''}`)).toBeUndefined();
        expect(String(err)).not.toContain('4321');
      }
    }
  });
});
