import { describe, expect, it } from 'vitest';
import { InvalidRulePackError, KronikerpakkerError, computeFact, createFactContext, loadRulePack } from '@kronikerpakker/core';
import type { RulePackDocument } from '@kronikerpakker/core';
import { defaultDifferentiationPacks, suggestLevelInContext } from '@kronikerpakker/differentiation';
import { defaultInclusionPacks, evaluateInclusion } from '@kronikerpakker/inclusion';
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

  it('accepts a precomputed inclusion result or inclusion packs, and rejects one for another package or date', () => {
    const record = parse(withOverride(KOL_BASE, { mrc: [] }));
    const plain = evaluateCare(record, { package: 'KOL', asOf: ASOF }).items.map((i) => i.code);
    expect(plain).toEqual(['kol.mrc.missing']);
    const inclusion = evaluateInclusion(record, { package: 'KOL', asOf: ASOF });
    expect(evaluateCareInContext(createFactContext(record, ASOF), { package: 'KOL', inclusion }).items.map((i) => i.code)).toEqual(plain);
    expect(evaluateCareInContext(createFactContext(record, ASOF), { package: 'KOL', inclusionPacks: defaultInclusionPacks() }).items.map((i) => i.code)).toEqual(plain);
    const lrsInclusion = evaluateInclusion(record, { package: 'LRS', asOf: ASOF });
    expect(caught(() => evaluateCareInContext(createFactContext(record, ASOF), { package: 'KOL', inclusion: lrsInclusion })).code).toBe('INVALID_ARGUMENT');
    const otherDay = evaluateInclusion(parse(withOverride(KOL_BASE, { mrc: [] }), '2027-01-16'), { package: 'KOL', asOf: '2027-01-16' });
    expect(caught(() => evaluateCareInContext(createFactContext(record, ASOF), { package: 'KOL', inclusion: otherDay })).code).toBe('INVALID_ARGUMENT');
  });

  it('shares one context across both packages', () => {
    const both = withOverride(LRS_BASE, {
      diagnoses: [...(LRS_BASE.diagnoses ?? []), ...(KOL_BASE.diagnoses ?? [])],
      spirometry: KOL_BASE.spirometry ?? [],
      packageDecisions: [...(KOL_BASE.packageDecisions ?? []), ...(LRS_BASE.packageDecisions ?? [])],
    });
    const ctx = createFactContext(parse(both), ASOF);
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

  const fact = (input: typeof KOL_BASE, asOf: string, name: string, params?: Record<string, unknown>) =>
    computeFact(createFactContext(parse(input, asOf), asOf), name, params, careFacts());
  const PERIOD = { startMonth: 10, startDay: 1, endMonth: 1, endDay: 15 };

  it('inSeason: issue 12 finding 8, the influenza vaccination period 1 October to 15 January, both ends inclusive (SSI)', () => {
    const table: [string, boolean][] = [
      ['2027-09-30', false],
      ['2027-10-01', true],
      ['2027-12-31', true],
      ['2028-01-01', true],
      ['2028-01-15', true],
      ['2028-01-16', false],
      ['2027-06-15', false],
    ];
    for (const [asOf, expected] of table) expect(fact(KOL_BASE, asOf, 'inSeason', PERIOD), asOf).toBe(expected);
    // A season within one year.
    expect(fact(KOL_BASE, ASOF, 'inSeason', { startMonth: 1, startDay: 1, endMonth: 1, endDay: 15 })).toBe(true);
    expect(fact(KOL_BASE, ASOF, 'inSeason', { startMonth: 1, startDay: 16, endMonth: 3, endDay: 1 })).toBe(false);
  });

  it('postBronchodilatorRatiosDisagree: issue 12 finding 7, a later post-bronchodilator FEV1/FVC >= 0.70 after one < 0.70', () => {
    type Spiro = NonNullable<typeof KOL_BASE.spirometry>[number];
    const s = (date: string, ratio: number, postBronchodilator = true): Spiro => ({ date, ratio, fev1PercentPredicted: 65, postBronchodilator });
    const disagree = (spirometry: Spiro[]) => fact({ ...KOL_BASE, spirometry }, ASOF, 'postBronchodilatorRatiosDisagree', { threshold: 0.7 });
    expect(disagree([s('2020-06-01', 0.62), s('2026-06-01', 0.79)])).toBe(true);
    expect(disagree([s('2020-06-01', 0.62), s('2026-06-01', 0.7)])).toBe(true); // 0.70 is not obstruction
    expect(disagree([s('2020-06-01', 0.62), s('2026-06-01', 0.65)])).toBe(false);
    expect(disagree([s('2020-06-01', 0.79), s('2026-06-01', 0.62)])).toBe(false);
    expect(disagree([s('2020-06-01', 0.62), s('2026-06-01', 0.79, false)])).toBeUndefined(); // one post-bronchodilator test: unknown
    expect(disagree([s('2026-06-01', 0.62)])).toBeUndefined();
  });

  it('packageCareInScope and urgentWarningSign: issue 12 findings 1 and 2, read from the inclusion pack and the enrolment policy', () => {
    expect(fact(KOL_BASE, ASOF, 'packageCareInScope', { package: 'KOL' })).toBe(true);
    expect(fact({ ...KOL_BASE, packageDecisions: [] }, ASOF, 'packageCareInScope', { package: 'KOL' })).toBe(false); // candidate
    const lrs = (flags: string[]) => ({ ...LRS_BASE, redFlags: flags.map((flag) => ({ date: '2027-01-10', flag, status: 'present' })) }) as typeof LRS_BASE;
    expect(fact(lrs(['high-age', 'osteoporosis']), ASOF, 'urgentWarningSign', { package: 'LRS' })).toBe(false);
    expect(fact(lrs(['high-age', 'osteoporosis']), ASOF, 'packageCareInScope', { package: 'LRS' })).toBe(true);
    expect(fact(lrs(['fever', 'iv-drug-use']), ASOF, 'urgentWarningSign', { package: 'LRS' })).toBe(true);
    expect(fact(lrs(['fever', 'iv-drug-use']), ASOF, 'packageCareInScope', { package: 'LRS' })).toBe(false);
    expect(fact(KOL_BASE, ASOF, 'urgentWarningSign', { package: 'KOL' })).toBe(false);
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
      // Issue 12: both care packs are 0.2.0 (enrolment policy, warning signs, stratified care, season, DXA, spirometry).
      expect(pack.ref.version).toBe('0.2.0');
      for (const rule of doc.rules) if (rule.event.type === 'care-item') expect(CareEventParamsSchema.safeParse(rule.event.params).success, rule.name).toBe(true);
    }
    expect(defaultCarePacks().packs).toHaveLength(2);
  });

  it('every item code of the README is in a pack, and every pack code in the README', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const packCodes = new Set<string>();
    for (const doc of [kolCarePack, lrsCarePack]) {
      for (const rule of doc.rules) {
        const code = rule.event.params?.['code'];
        if (typeof code === 'string') {
          packCodes.add(code);
          expect(readme, code).toContain(`\`${code}\``);
        }
      }
    }
    // The other way: the first column of every item table names a pack code (issue 12 added four).
    const tableCodes = [...readme.matchAll(/^\| `((?:kol|lrs|dq)\.[a-z0-9.-]+)` \|/gm)].map((m) => m[1]);
    expect(tableCodes.length).toBe(packCodes.size);
    for (const code of tableCodes) expect(packCodes.has(code ?? ''), code).toBe(true);
    for (const code of ['lrs.risk-factors.consider-assessment', 'lrs.risk-factor.noted', 'lrs.self-management', 'dq.spirometry-disagrees']) expect(tableCodes).toContain(code);
  });

  const broken = (change: (rules: RulePackDocument['rules'][number][]) => void, params?: Record<string, unknown>): RulePackDocument => {
    const doc = JSON.parse(JSON.stringify(kolCarePack)) as RulePackDocument & { rules: RulePackDocument['rules'][number][] };
    change(doc.rules);
    return { ...doc, version: '0.3.0', ...(params === undefined ? {} : { parameters: params as never }) };
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
    // Both the "recorded within" intervals and the STarT Back freshness window (issue 12: withinMonths 6) go to 3 months.
    const doc = JSON.parse(JSON.stringify(lrsCarePack).replaceAll('"months":6', '"months":3').replaceAll('"withinMonths":6', '"withinMonths":3')) as RulePackDocument;
    const packs = createCarePackSet([{ ...doc, version: '0.3.0' }]);
    const record = parse(LRS_BASE);
    // STarT Back (low), ODI and NRS of 2026-12-01 are within 3 months on 2027-01-15, but not on 2027-03-02.
    expect(evaluateCare(record, { package: 'LRS', asOf: ASOF, packs }).items.map((i) => i.code)).toEqual(['lrs.self-management']);
    const later = evaluateCare(record, { package: 'LRS', asOf: '2027-03-02', packs }).items.map((i) => i.code);
    expect(later).toEqual(['lrs.start-back.missing', 'lrs.pro.due']);
  });
});
