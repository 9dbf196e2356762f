// Fuzz tests of the facade's evaluatePopulation (issue 13): any records argument (a string, a number,
// null, an odd iterable), any items (mutated records, NDJSON lines, hostile values) and any options give
// a cockpit or a coded, value-free error; a CPR given as the records never reaches the error.
// FUZZ_RUNS raises the runs (docs/privacy-and-errors.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '@kronikerpakker/core';
import {
  FUZZ_CPRS,
  FUZZ_MARKER,
  expectCodedOrResult,
  expectCodedOrResultAsync,
  fuzzParameters,
  fuzzTimeout,
  hostileValue,
  mutatedFrom,
  ndjsonLine,
} from '@kronikerpakker/test-fixtures/fuzz';
import { evaluatePopulation } from './population';
import type { EvaluatePopulationOptions } from './population';
import { ASOF, fixtureRecords } from './test-helpers';

const records = fixtureRecords().slice(0, 40);

/** One item of a population: a (mutated) record, its NDJSON line, a broken line or a hostile value. */
const item: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...records).chain(mutatedFrom) },
  { weight: 3, arbitrary: ndjsonLine(records) },
  { weight: 1, arbitrary: hostileValue(2) },
);

const goodOptions = fc.constantFrom<EvaluatePopulationOptions>(
  { asOf: ASOF, profile: 'KOL' },
  { asOf: ASOF, profile: 'LRS', retainRows: false },
  { asOf: ASOF, profile: 'KOL', unknownFields: 'strip' },
);

const anyOptions: fc.Arbitrary<unknown> = fc.oneof(
  goodOptions,
  hostileValue(2),
  fc.constant({ asOf: ASOF, profile: 'KOL' }).chain(mutatedFrom),
  fc.record({ asOf: fc.constant(ASOF), profile: fc.constant('LRS'), packs: hostileValue(2), onRow: hostileValue(0), onProgress: hostileValue(0) }, { requiredKeys: ['asOf', 'profile'] }),
);

async function* asyncOf(items: readonly unknown[]): AsyncGenerator {
  await Promise.resolve();
  for (const x of items) yield x;
}

describe('fuzz: evaluatePopulation', () => {
  it(
    'answers any list of items with a cockpit, or a coded, value-free error',
    () => {
      fc.assert(
        fc.property(fc.array(item, { maxLength: 6 }), goodOptions, (items, options) => {
          const cockpit = expectCodedOrResult(() => evaluatePopulation(items, options), 'evaluatePopulation');
          // Every item is counted: a bad record is a result (invalid), not an error.
          expect(cockpit).toBeDefined();
        }),
        fuzzParameters(200),
      );
    },
    fuzzTimeout(),
  );

  it(
    'answers any records argument and any options with a cockpit or INVALID_ARGUMENT',
    () => {
      fc.assert(
        fc.property(fc.oneof(hostileValue(2), fc.array(item, { maxLength: 3 })), anyOptions, (recordsArg, options) => {
          expectCodedOrResult(() => evaluatePopulation(recordsArg as Iterable<unknown>, options as EvaluatePopulationOptions), 'evaluatePopulation');
        }),
        fuzzParameters(300),
      );
    },
    fuzzTimeout(),
  );

  it(
    'does the same over an async iterable',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(item, { maxLength: 6 }), anyOptions, async (items, options) => {
          await expectCodedOrResultAsync(() => evaluatePopulation(asyncOf(items), options as EvaluatePopulationOptions), 'evaluatePopulation (async)');
        }),
        fuzzParameters(150),
      );
    },
    fuzzTimeout(),
  );
});

describe('issue 13, finding 2: evaluatePopulation never echoes its records argument', () => {
  it.each([FUZZ_CPRS[0], FUZZ_CPRS[1], null, undefined, 101904321, Symbol(FUZZ_MARKER), {}])('records %s: INVALID_ARGUMENT at records, no TypeError', (recordsArg) => {
    let caught: unknown;
    try {
      evaluatePopulation(recordsArg as never, { asOf: ASOF, profile: 'KOL' });
    } catch (err) {
      caught = err;
    }
    expect(caught).not.toBeInstanceOf(TypeError);
    expect(KronikerpakkerError.is(caught)).toBe(true);
    const e = caught as KronikerpakkerError;
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.path).toEqual(['records']);
    expect(`${e.message}${String(e)}${JSON.stringify(e)}${e.stack ?? ''}`).not.toMatch(/4321|MARKER/);
  });
});

describe('issue 13: evaluatePopulation checks the iteration protocol of its records', () => {
  it('a sync iterator that breaks the protocol is INVALID_ARGUMENT at records', () => {
    for (const broken of [{ [Symbol.iterator]: () => 1 }, { [Symbol.iterator]: () => ({ next: () => FUZZ_CPRS[0] }) }]) {
      expect(() => evaluatePopulation(broken as unknown as Iterable<unknown>, { asOf: ASOF, profile: 'KOL' })).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['records'] }) as Error,
      );
    }
  });

  it('an async iterator that breaks the protocol is a rejection with INVALID_ARGUMENT at records', async () => {
    const broken = { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve(FUZZ_MARKER) }) };
    await expect(evaluatePopulation(broken as unknown as AsyncIterable<unknown>, { asOf: ASOF, profile: 'KOL' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: ['records'],
    });
  });

  it('a generator is still read to the end, and closed when evaluation stops early', () => {
    let closed = false;
    function* source(): Generator {
      try {
        yield* records.slice(0, 3);
      } finally {
        closed = true;
      }
    }
    expect(evaluatePopulation(source(), { asOf: ASOF, profile: 'KOL' }).population.records).toBe(3);
    expect(closed).toBe(true);
  });
});
