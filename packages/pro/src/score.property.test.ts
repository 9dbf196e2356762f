import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_DEFINITIONS } from './definitions/registry';
import { SCORED_INSTRUMENTS } from './definitions/types';
import type { InstrumentDefinition, InstrumentItem, ScoredInstrumentId } from './definitions/types';
import { scoreQuestionnaire } from './score';

/** Every code an item accepts, ascending. */
function codes(item: InstrumentItem): number[] {
  const a = item.answer;
  if (a.type === 'choice') return a.options.map((o) => o.code);
  if (a.type === 'boolean') return [0, 1];
  return Array.from({ length: a.max - a.min + 1 }, (_, i) => a.min + i);
}

/** Valid answers to every item; optional items sometimes left out; up to `maxMissing` scored items null. */
function validAnswers(def: InstrumentDefinition): fc.Arbitrary<Record<string, number | null>> {
  const maxMissing = def.scoring.method === 'percent-of-answered' ? def.scoring.maxMissing : 0;
  const entries = def.items.map((item) => fc.constantFrom(...codes(item)).map((v) => [item.id, v] as const));
  const scored = def.items.filter((i) => !i.optional).map((i) => i.id);
  return fc
    .tuple(
      fc.tuple(...entries),
      fc.uniqueArray(fc.constantFrom(...scored), { maxLength: maxMissing }),
      fc.boolean(),
    )
    .map(([pairs, missing, dropOptional]) => {
      const answers: Record<string, number | null> = {};
      for (const [id, v] of pairs) answers[id] = v;
      for (const id of missing) answers[id] = null;
      for (const item of def.items) if (item.optional && dropOptional) answers[item.id] = null;
      return answers;
    });
}

const withDefinition = fc.constantFrom(...SCORED_INSTRUMENTS).chain((id) =>
  validAnswers(INSTRUMENT_DEFINITIONS[id]).map((answers) => ({ id, answers })),
);

describe('scoring properties', () => {
  it('every valid response scores within the instrument range, with a band when bands exist', () => {
    fc.assert(
      fc.property(withDefinition, ({ id, answers }) => {
        const def = INSTRUMENT_DEFINITIONS[id];
        const r = scoreQuestionnaire({ instrument: id, answers });
        expect(r.score).toBeGreaterThanOrEqual(def.scoreRange.min);
        expect(r.score).toBeLessThanOrEqual(def.scoreRange.max);
        expect(r.minScore).toBe(def.scoreRange.min);
        expect(r.maxScore).toBe(def.scoreRange.max);
        expect(r.band === null).toBe(def.bands.length === 0);
        expect(r.missingItems).toEqual(def.items.filter((i) => answers[i.id] === null || answers[i.id] === undefined).map((i) => i.id));
        if (r.subscores !== undefined && def.scoring.method === 'sum') {
          for (const sub of def.scoring.subscores) {
            expect(r.subscores[sub.id]).toBeGreaterThanOrEqual(sub.min);
            expect(r.subscores[sub.id]).toBeLessThanOrEqual(sub.max);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  const totals: ScoredInstrumentId[] = ['CAT', 'STarT-Back', 'ODI', 'RMDQ'];
  it.each(totals)('%s: raising any single answer never lowers the total', (id) => {
    const def = INSTRUMENT_DEFINITIONS[id];
    fc.assert(
      fc.property(validAnswers(def), fc.nat(), fc.nat(), (answers, itemPick, stepPick) => {
        const answered = def.items.filter((i) => answers[i.id] !== null && answers[i.id] !== undefined);
        const item = answered[itemPick % answered.length];
        if (item === undefined) return;
        const current = answers[item.id] ?? 0;
        const higher = codes(item).filter((c) => c > current);
        const raised = higher[stepPick % Math.max(1, higher.length)];
        if (raised === undefined) return;
        const before = scoreQuestionnaire({ instrument: id, answers });
        const after = scoreQuestionnaire({ instrument: id, answers: { ...answers, [item.id]: raised } });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        for (const [sub, value] of Object.entries(before.subscores ?? {})) expect(after.subscores?.[sub]).toBeGreaterThanOrEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('EQ-5D-5L: raising any dimension level never raises the index', () => {
    const def = INSTRUMENT_DEFINITIONS['EQ-5D-5L'];
    const dims = ['mo', 'sc', 'ua', 'pd', 'ad'] as const;
    fc.assert(
      fc.property(validAnswers(def), fc.constantFrom(...dims), fc.integer({ min: 1, max: 4 }), (answers, dim, step) => {
        const current = answers[dim] ?? 1;
        const raised = Math.min(5, current + step);
        const before = scoreQuestionnaire({ instrument: 'EQ-5D-5L', answers });
        const after = scoreQuestionnaire({ instrument: 'EQ-5D-5L', answers: { ...answers, [dim]: raised } });
        expect(after.score).toBeLessThanOrEqual(before.score);
        // The index has three decimals exactly.
        expect(Math.round(after.score * 1000) / 1000).toBe(after.score);
      }),
      { numRuns: 500 },
    );
  });

  it('ODI with one missing section equals the proportion on the answered ones', () => {
    const section = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(fc.array(section, { minLength: 10, maxLength: 10 }), fc.integer({ min: 1, max: 10 }), (values, missing) => {
        const answers: Record<string, number | null> = {};
        values.forEach((v, i) => (answers[`s${String(i + 1)}`] = i + 1 === missing ? null : v));
        const answered = values.filter((_, i) => i + 1 !== missing);
        const sum = answered.reduce((a, b) => a + b, 0);
        const r = scoreQuestionnaire({ instrument: 'ODI', answers });
        expect(r.score).toBeCloseTo((sum / (5 * 9)) * 100, 10);
        expect(r.missingItems).toEqual([`s${String(missing)}`]);
        // Leaving the key out is the same as answering null.
        const { [`s${String(missing)}`]: _, ...absent } = answers;
        expect(scoreQuestionnaire({ instrument: 'ODI', answers: absent }).score).toBe(r.score);
      }),
      { numRuns: 500 },
    );
  });
});
