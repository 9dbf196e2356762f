import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingData } from '@kronikerpakker/core';
import { suggestLevel } from './index';
import { asOf, parse, stateArb, toInput } from './test-helpers';

describe('rule results: missing data without building the trace', () => {
  it('every rule result names exactly the missing data its trace names, in the same order', () => {
    let unknownWithCodes = 0;
    fc.assert(
      fc.property(stateArb, (s) => {
        const suggestion = suggestLevel(parse(toInput(s)), { package: s.pkg, asOf });
        for (const rule of suggestion.rules) {
          expect(rule.missing).toEqual(rule.result === 'unknown' ? missingData(rule.trace) : []);
          if (rule.missing.length > 0) unknownWithCodes++;
        }
      }),
      { numRuns: 300, seed: 2027 },
    );
    // The generated states leave data out: the check above met unknown rules.
    expect(unknownWithCodes).toBeGreaterThan(0);
  });
});
