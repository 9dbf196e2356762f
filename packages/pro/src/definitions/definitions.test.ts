import { INSTRUMENTS } from '@kronikerpakker/core';
import { describe, expect, it } from 'vitest';
import { maxPoints, minPoints } from '../internal/answers';
import { findBand, inRange } from '../score';
import { INSTRUMENT_DEFINITIONS, getInstrumentDefinition, isScoredInstrument } from './registry';
import { SCORED_INSTRUMENTS } from './types';
import type { InstrumentDefinition, InstrumentItem } from './types';

const ALL: readonly InstrumentDefinition[] = SCORED_INSTRUMENTS.map((id) => INSTRUMENT_DEFINITIONS[id]);

function itemOf(def: InstrumentDefinition, id: string): InstrumentItem {
  const item = def.items.find((i) => i.id === id);
  if (item === undefined) throw new Error(`no item ${id}`);
  return item;
}

/** Every value an item accepts. */
function codes(item: InstrumentItem): number[] {
  const a = item.answer;
  if (a.type === 'choice') return a.options.map((o) => o.code);
  if (a.type === 'boolean') return [0, 1];
  return Array.from({ length: a.max - a.min + 1 }, (_, i) => a.min + i);
}

describe('instrument definitions', () => {
  it('cover the brief, with ids from core', () => {
    expect([...SCORED_INSTRUMENTS]).toEqual(['CAT', 'MRC', 'STarT-Back', 'ODI', 'RMDQ', 'NRS-pain', 'SILS', 'EQ-5D-5L']);
    for (const id of SCORED_INSTRUMENTS) {
      expect(INSTRUMENTS).toContain(id);
      expect(INSTRUMENT_DEFINITIONS[id].id).toBe(id);
      expect(getInstrumentDefinition(id)).toBe(INSTRUMENT_DEFINITIONS[id]);
    }
    expect(Object.keys(INSTRUMENT_DEFINITIONS)).toEqual([...SCORED_INSTRUMENTS]);
    expect(isScoredInstrument('FABQ')).toBe(false);
    expect(isScoredInstrument(42)).toBe(false);
  });

  it('have the published item ids and answer codes', () => {
    const ids = (id: (typeof SCORED_INSTRUMENTS)[number]): string[] => INSTRUMENT_DEFINITIONS[id].items.map((i) => i.id);
    expect(ids('CAT')).toEqual(['cat1', 'cat2', 'cat3', 'cat4', 'cat5', 'cat6', 'cat7', 'cat8']);
    expect(ids('MRC')).toEqual(['mrc']);
    expect(ids('STarT-Back')).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']);
    expect(ids('ODI')).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10']);
    expect(ids('RMDQ')).toEqual(Array.from({ length: 24 }, (_, i) => `r${String(i + 1)}`));
    expect(ids('NRS-pain')).toEqual(['nrs']);
    expect(ids('SILS')).toEqual(['sils']);
    expect(ids('EQ-5D-5L')).toEqual(['mo', 'sc', 'ua', 'pd', 'ad', 'vas']);

    const cat = INSTRUMENT_DEFINITIONS.CAT;
    for (const item of cat.items) expect(codes(item)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(codes(itemOf(INSTRUMENT_DEFINITIONS.MRC, 'mrc'))).toEqual([1, 2, 3, 4, 5]);
    const start = INSTRUMENT_DEFINITIONS['STarT-Back'];
    for (const id of ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']) expect(codes(itemOf(start, id))).toEqual([0, 1]);
    const q9 = itemOf(start, 'q9').answer;
    expect(q9.type === 'choice' ? q9.options.map((o) => [o.code, o.score]) : []).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
    ]);
    for (const item of INSTRUMENT_DEFINITIONS.ODI.items) expect(codes(item)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const item of INSTRUMENT_DEFINITIONS.RMDQ.items) expect(item.answer.type).toBe('boolean');
    expect(itemOf(INSTRUMENT_DEFINITIONS['NRS-pain'], 'nrs').answer).toEqual({ type: 'integer', min: 0, max: 10 });
    expect(codes(itemOf(INSTRUMENT_DEFINITIONS.SILS, 'sils'))).toEqual([1, 2, 3, 4, 5]);
    const eq = INSTRUMENT_DEFINITIONS['EQ-5D-5L'];
    for (const id of ['mo', 'sc', 'ua', 'pd', 'ad']) expect(codes(itemOf(eq, id))).toEqual([1, 2, 3, 4, 5]);
    expect(itemOf(eq, 'vas')).toMatchObject({ optional: true, answer: { type: 'integer', min: 0, max: 100 } });
  });

  it('carry the Danish EQ-5D-5L value set of Jensen et al. 2021', () => {
    const rule = INSTRUMENT_DEFINITIONS['EQ-5D-5L'].scoring;
    expect(rule.method).toBe('value-set');
    if (rule.method !== 'value-set') return;
    expect(rule.decimals).toBe(3);
    expect(Object.fromEntries(rule.dimensions.map((d) => [d.item, d.decrements]))).toEqual({
      mo: [0, 0.041, 0.054, 0.157, 0.22],
      sc: [0, 0.035, 0.05, 0.144, 0.209],
      ua: [0, 0.033, 0.04, 0.139, 0.174],
      pd: [0, 0.048, 0.094, 0.381, 0.537],
      ad: [0, 0.072, 0.191, 0.43, 0.618],
    });
  });

  it.each(ALL.map((d) => [d.id, d] as const))('%s: unique item ids, scored items exist, range matches the items', (_, def) => {
    const ids = def.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rule = def.scoring;
    const scored = rule.method === 'value-set' ? rule.dimensions.map((d) => d.item) : rule.items;
    for (const id of scored) expect(ids).toContain(id);
    // Optional items are never scored; every non-optional item is.
    for (const item of def.items) expect(scored.includes(item.id)).toBe(!item.optional);
    for (const item of def.items) {
      if (item.answer.type === 'choice') {
        const cs = item.answer.options.map((o) => o.code);
        expect(cs).toEqual([...cs].sort((a, b) => a - b));
        expect(new Set(cs).size).toBe(cs.length);
      }
    }
    if (rule.method === 'sum') {
      const items = rule.items.map((id) => itemOf(def, id));
      expect(def.scoreRange.min).toBe(items.reduce((s, i) => s + minPoints(i), 0));
      expect(def.scoreRange.max).toBe(items.reduce((s, i) => s + maxPoints(i), 0));
      for (const sub of rule.subscores) {
        const subItems = sub.items.map((id) => itemOf(def, id));
        expect(sub.min).toBe(subItems.reduce((s, i) => s + minPoints(i), 0));
        expect(sub.max).toBe(subItems.reduce((s, i) => s + maxPoints(i), 0));
      }
    } else if (rule.method === 'percent-of-answered') {
      expect(def.scoreRange).toEqual({ min: 0, max: 100 });
    } else {
      const worst = rule.dimensions.reduce((s, d) => s + d.decrements[4], 0);
      expect(def.scoreRange.max).toBe(1);
      expect(def.scoreRange.min).toBeCloseTo(1 - worst, 10);
    }
  });

  it.each(ALL.filter((d) => d.bands.length > 0).map((d) => [d.id, d] as const))(
    '%s: bands are exclusive and cover every reachable score',
    (_, def) => {
      const rule = def.scoring;
      const candidates: { score: number; subscores: Record<string, number> }[] = [];
      if (rule.method === 'sum' && rule.subscores.length > 0) {
        // STarT Back: every (total, psychosocial) pair that answers can reach.
        for (let sub = 0; sub <= 5; sub++) for (let rest = 0; rest <= 4; rest++) candidates.push({ score: sub + rest, subscores: { psychosocial: sub } });
      } else {
        for (let s = def.scoreRange.min; s <= def.scoreRange.max; s += 0.25) candidates.push({ score: s, subscores: {} });
        for (let sum = 0; sum <= 45; sum++) candidates.push({ score: (sum * 100) / 45, subscores: {} });
      }
      for (const c of candidates.filter((x) => x.score <= def.scoreRange.max)) {
        const matching = def.bands.filter(
          (b) => inRange(c.score, b.score) && Object.entries(b.subscores ?? {}).every(([id, r]) => inRange(c.subscores[id] ?? Number.NaN, r)),
        );
        expect(matching, `score ${String(c.score)}`).toHaveLength(1);
        expect(findBand(def.bands, c.score, c.subscores)).toBe(matching[0]);
      }
    },
  );

  it.each(ALL.map((d) => [d.id, d] as const))('%s: ships neutral labels only, with source and licence', (_, def) => {
    const neutral = /^(CAT item|STarT Back item|ODI section|RMDQ item) \d+$/;
    const allowed = new Set(['MRC grade', 'Pain intensity 0-10', 'SILS screening item', 'Mobility', 'Self-care', 'Usual activities', 'Pain/discomfort', 'Anxiety/depression', 'EQ VAS (0-100)']);
    for (const item of def.items) {
      expect(neutral.test(item.label.en) || allowed.has(item.label.en), item.label.en).toBe(true);
      expect(item.label.da.length).toBeLessThanOrEqual(40);
      expect(item.licensedText).toBeUndefined();
      if (item.answer.type === 'choice') for (const o of item.answer.options) expect(o.label.en.length).toBeLessThanOrEqual(12);
    }
    expect(def.source.title.length).toBeGreaterThan(0);
    expect(def.licence.note.length).toBeGreaterThan(0);
    expect(def.title.da.length).toBeGreaterThan(0);
  });

  it('marks copyrighted instruments and provisional LRS definitions', () => {
    for (const id of ['CAT', 'STarT-Back', 'ODI', 'RMDQ', 'EQ-5D-5L'] as const) expect(INSTRUMENT_DEFINITIONS[id].licence.copyrighted).toBe(true);
    for (const id of ['STarT-Back', 'ODI', 'RMDQ', 'NRS-pain', 'SILS'] as const) expect(INSTRUMENT_DEFINITIONS[id].status).toBe('provisional');
    for (const id of ['CAT', 'MRC', 'EQ-5D-5L'] as const) expect(INSTRUMENT_DEFINITIONS[id].status).toBe('active');
    expect(INSTRUMENT_DEFINITIONS.ODI.scoring).toMatchObject({ method: 'percent-of-answered', maxMissing: 1 });
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(INSTRUMENT_DEFINITIONS)).toBe(true);
    expect(Object.isFrozen(INSTRUMENT_DEFINITIONS.CAT.items)).toBe(true);
    expect(Object.isFrozen(INSTRUMENT_DEFINITIONS.CAT.items[0]?.label)).toBe(true);
    expect(Object.isFrozen(INSTRUMENT_DEFINITIONS.CAT.bands[0]?.score)).toBe(true);
  });

  it('rejects instruments it does not define, without the value', () => {
    expect(() => getInstrumentDefinition('FABQ' as never)).toThrow(/instrument: unsupported-instrument/);
    expect(() => getInstrumentDefinition('marker987654' as never)).toThrow(/instrument: unknown-instrument/);
    try {
      getInstrumentDefinition('marker987654' as never);
    } catch (err) {
      expect(JSON.stringify(err) + String(err)).not.toContain('987654');
    }
  });
});
