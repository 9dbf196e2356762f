import { describe, expect, it } from 'vitest';
import { InvalidRulePackError, KronikerpakkerError, computeFact, createFactContext, loadRulePack } from '@kronikerpakker/core';
import type { RulePackDocument } from '@kronikerpakker/core';
import { defaultDifferentiationPacks, suggestLevelInContext } from '@kronikerpakker/differentiation';
import {
  CARE_FACTS,
  CARE_ITEM_KINDS,
  CareEventParamsSchema,
  careFacts,
  compareCareItems,
  createCarePackSet,
  defaultCarePacks,
  evaluateCare,
  evaluateCareInContext,
  kolCarePack,
  lrsCarePack,
} from './index';
import type { CareItem } from './index';
import { ASOF, KOL_BASE, LRS_BASE, parse, withOverride } from './test-helpers';

const CPR = '1004551235';
const secret = { ...KOL_BASE, id: 'secret-id-4711', patient: { ...KOL_BASE.patient, cpr: CPR } };

function caught(fn: () => unknown): KronikerpakkerError {
  try {
    fn();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('evaluateCare: arguments and errors', () => {
  const record = parse(secret);

  it('rejects an unknown package, a malformed asOf, an unparsed record and missing options, without patient data', () => {
    const errors = [
      caught(() => evaluateCare(record, { package: 'XYZ' as never, asOf: ASOF })),
      caught(() => evaluateCare(record, { package: 'KOL', asOf: '2027-02-30' })),
      caught(() => evaluateCare({ id: 'secret-id-4711', patient: { cpr: CPR } } as never, { package: 'KOL', asOf: ASOF })),
      caught(() => evaluateCare(record, null as never)),
    ];
    expect(errors.map((e) => e.code)).toEqual(['INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'INVALID_ARGUMENT', 'INVALID_ARGUMENT']);
    for (const e of errors) {
      const text = `${e.message} ${JSON.stringify(e)} ${String(e.stack)}`;
      expect(text).not.toContain(CPR);
      expect(text).not.toContain('secret-id-4711');
      expect(text).not.toContain('1955-04-10');
    }
  });

  it('puts no CPR number, record id or name into the items (only facts a clinician already sees)', () => {
    const out = JSON.stringify([evaluateCare(record, { package: 'KOL', asOf: ASOF }), evaluateCare(record, { package: 'LRS', asOf: ASOF })]);
    expect(out).toContain('dq.cpr-sex-mismatch');
    expect(out).not.toContain(CPR);
    expect(out).not.toContain('secret-id-4711');
  });

  it('throws InvalidRulePackError when no pack version is valid on asOf', () => {
    expect(() => evaluateCare(parse(KOL_BASE, '2026-12-31'), { package: 'KOL', asOf: '2026-12-31' })).toThrow(InvalidRulePackError);
  });

  it('rejects a level suggestion for another package', () => {
    const ctx = createFactContext(record, ASOF);
    const level = suggestLevelInContext(ctx, { package: 'LRS' });
    expect(caught(() => evaluateCareInContext(ctx, { package: 'KOL', level })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('evaluateCareInContext', () => {
  it('agrees with evaluateCare and accepts a precomputed level or level packs', () => {
    const record = parse(withOverride(KOL_BASE, { mrc: [{ date: '2026-06-01', grade: 3 }] }));
    const plain = evaluateCare(record, { package: 'KOL', asOf: ASOF }).items.map((i) => i.code);
    const ctx = createFactContext(record, ASOF);
    const level = suggestLevelInContext(ctx, { package: 'KOL' });
    expect(evaluateCareInContext(ctx, { package: 'KOL', level }).items.map((i) => i.code)).toEqual(plain);
    const ctx2 = createFactContext(record, ASOF);
    expect(evaluateCareInContext(ctx2, { package: 'KOL', levelPacks: defaultDifferentiationPacks() }).items.map((i) => i.code)).toEqual(plain);
    expect(plain).toEqual(['kol.follow-up.overdue', 'kol.rehabilitation']);
  });

  it('shares one context across both packages', () => {
    const ctx = createFactContext(parse(withOverride(LRS_BASE, { diagnoses: [...(LRS_BASE.diagnoses ?? []), ...(KOL_BASE.diagnoses ?? [])] })), ASOF);
    expect(evaluateCareInContext(ctx, { package: 'LRS' }).inPackage).toBe(true);
    expect(evaluateCareInContext(ctx, { package: 'KOL' }).inPackage).toBe(true);
  });
});

describe('care items', () => {
  const care = evaluateCare(parse(withOverride(KOL_BASE, { encounters: [{ date: '2026-01-10', type: 'aarsstatus', package: 'KOL' }] })), {
    package: 'KOL',
    asOf: ASOF,
  });
  const item = care.items[0] as CareItem;

  it('have a code, kind, due date, priority, texts, source, rule, facts and the pack version', () => {
    expect(item.code).toBe('kol.aarsstatus.overdue');
    expect(item.kind).toBe('overdue');
    expect(item.dueDate).toBe('2027-01-10');
    expect(item.priority).toBe(80);
    expect(item.text.da).toBe('Årsstatus er overskredet: den skulle have været holdt senest den 10. januar 2027.');
    expect(item.text.en).toBe('The yearly review (årsstatus) is overdue: it was due by 10 January 2027.');
    expect(item.source).toContain('PROVISIONAL');
    expect(item.rule).toBe('kol.aarsstatus.overdue');
    expect(item.facts).toEqual([
      { fact: 'daysUntilAarsstatusDue', params: { package: 'KOL', months: 12 }, operator: 'lessThan', operand: 0, value: -5 },
    ]);
    expect(item.trace.result).toBe('true');
    expect(item.ruleSet.id).toBe('kol-care');
    expect(item.ruleSet.status).toBe('provisional');
    expect(CARE_ITEM_KINDS).toContain(item.kind);
  });

  it('serialise with their facts and trace', () => {
    const json = JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['code', 'kind', 'dueDate', 'facts', 'trace', 'ruleSet', 'text']));
  });

  it('share the text of undated items between patients (rendered once)', () => {
    const a = evaluateCare(parse(withOverride(KOL_BASE, { mrc: [] })), { package: 'KOL', asOf: ASOF }).items[0];
    const b = evaluateCare(parse(withOverride(KOL_BASE, { mrc: [] })), { package: 'KOL', asOf: ASOF }).items[0];
    expect(a?.text).toBe(b?.text);
    expect(Object.isFrozen(a?.text)).toBe(true);
  });

  it('are ordered: urgent, priority, due date (none last), code', () => {
    const mk = (code: string, urgent: boolean, priority: number, dueDate: string | null) => ({ code, urgent, priority, dueDate }) as CareItem;
    const items = [mk('e', false, 50, null), mk('d', false, 50, '2027-02-01'), mk('c', false, 50, '2027-01-01'), mk('b', false, 90, null), mk('a', true, 10, null), mk('f', false, 50, null)];
    expect([...items].sort(compareCareItems).map((i) => i.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('facts', () => {
  const flu = (date: string, asOf: string) =>
    computeFact(
      createFactContext(parse({ ...KOL_BASE, vaccinations: [{ date, vaccine: 'influenza' }] }, asOf), asOf),
      'influenzaVaccinatedThisSeason',
      { startMonth: 10, startDay: 1 },
      careFacts(),
    );

  it('influenza season: begins 1 October', () => {
    expect(flu('2026-10-01', '2027-01-15')).toBe(true);
    expect(flu('2026-09-30', '2027-01-15')).toBe(false);
    expect(flu('2026-10-01', '2027-09-30')).toBe(true);
    expect(flu('2026-10-01', '2027-10-01')).toBe(false);
    expect(flu('2027-10-01', '2027-10-01')).toBe(true);
  });

  it('are documented and named once', () => {
    const names = CARE_FACTS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of CARE_FACTS) expect(f.description.length).toBeGreaterThan(20);
    expect(careFacts().has('goldGroup')).toBe(true);
    expect(careFacts().has('latestStartBackGroup')).toBe(true);
  });
});

describe('care packs', () => {
  it('are provisional, cite sources and validate', () => {
    for (const doc of [kolCarePack, lrsCarePack]) {
      expect(doc.status).toBe('provisional');
      expect(doc.sources.length).toBeGreaterThan(0);
      const pack = loadRulePack(doc, { facts: careFacts() });
      expect(pack.ref.version).toBe('0.1.0');
      for (const rule of doc.rules) if (rule.event.type === 'care-item') expect(CareEventParamsSchema.safeParse(rule.event.params).success, rule.name).toBe(true);
    }
    expect(defaultCarePacks().packs).toHaveLength(2);
  });

  it('every item code of the README is in a pack, and every pack code in the README', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const doc of [kolCarePack, lrsCarePack]) {
      for (const rule of doc.rules) {
        const code = rule.event.params?.['code'];
        if (typeof code === 'string') expect(readme, code).toContain(`\`${code}\``);
      }
    }
  });

  const broken = (change: (rules: RulePackDocument['rules'][number][]) => void, params?: Record<string, unknown>): RulePackDocument => {
    const doc = JSON.parse(JSON.stringify(kolCarePack)) as RulePackDocument & { rules: RulePackDocument['rules'][number][] };
    change(doc.rules);
    return { ...doc, version: '0.2.0', ...(params === undefined ? {} : { parameters: params as never }) };
  };

  it('reject invalid care events, messages, due facts and parameters, naming the rule', () => {
    const setEvent = (p: Record<string, unknown>) => (rules: RulePackDocument['rules'][number][]) => {
      const r = rules[1];
      if (r !== undefined) rules[1] = { ...r, event: { type: 'care-item', params: { ...r.event.params, ...p } as never } };
    };
    const cases: [RulePackDocument, string][] = [
      [broken(setEvent({ kind: 'todo' })), 'invalid-event'],
      [broken(setEvent({ message: 'care.nope' })), 'unknown-message'],
      [broken(setEvent({ message: 'care.kol.dxa' })), 'message-params'],
      [broken(setEvent({ due: { fact: 'age' } })), 'invalid-due-fact'],
      [broken(setEvent({ due: { fact: 'aarsstatusDueDate', params: { package: 'KOL' } } })), 'invalid-fact-params'],
      [broken((rules) => rules.splice(0, 1)), 'scope-rule-count'],
      [broken(() => undefined, { package: 'XYZ' }), 'invalid-parameters'],
    ];
    for (const [doc, code] of cases) {
      try {
        createCarePackSet([doc]);
        throw new Error(`expected ${code}`);
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidRulePackError);
        expect((err as InvalidRulePackError).issues.map((i) => i.code)).toContain(code);
      }
    }
  });

  it('a replacement pack with another interval changes the items without a code change', () => {
    const doc = JSON.parse(JSON.stringify(lrsCarePack).replaceAll('"months":6', '"months":3')) as RulePackDocument;
    const packs = createCarePackSet([{ ...doc, version: '0.2.0' }]);
    const record = parse(LRS_BASE);
    // STarT Back, ODI and NRS of 2026-12-01 are within 3 months on 2027-01-15, but not on 2027-03-02.
    expect(evaluateCare(record, { package: 'LRS', asOf: ASOF, packs }).items).toHaveLength(0);
    const later = evaluateCare(record, { package: 'LRS', asOf: '2027-03-02', packs }).items.map((i) => i.code);
    expect(later).toEqual(['lrs.start-back.missing', 'lrs.pro.due']);
  });
});
