import { describe, expect, it } from 'vitest';
import { InvalidRulePackError, KronikerpakkerError, createFactContext, createRulePackSet, factKey, loadRulePack } from '@kronikerpakker/core';
import type { JsonValue, RulePackDocument } from '@kronikerpakker/core';
import {
  DIFFERENTIATION_PACK_IDS,
  DifferentiationEventSchema,
  DifferentiationParametersSchema,
  createDifferentiationPackSet,
  defaultDifferentiationPacks,
  differentiationFacts,
  kolDifferentiationPack,
  lrsDifferentiationPack,
  suggestLevel,
  suggestLevelInContext,
  validateDifferentiationPack,
} from './index';
import { asOf, cleanNeeds, kolBase, parse } from './test-helpers';

/** A deep, mutable copy of a shipped pack to edit in a test. */
function copy(pack: RulePackDocument): { -readonly [K in keyof RulePackDocument]: unknown } & Record<string, unknown> {
  return JSON.parse(JSON.stringify(pack)) as never;
}

function issuesOf(fn: () => unknown): { code: string; rule?: string; path: readonly (string | number)[] }[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidRulePackError) return err.issues.map((i) => ({ code: i.code, ...(i.rule === undefined ? {} : { rule: i.rule }), path: i.path }));
    throw err;
  }
  throw new Error('expected an InvalidRulePackError');
}

const load = (doc: unknown) => loadRulePack(doc, { facts: differentiationFacts() });

describe('the shipped packs', () => {
  it('are frozen, provisional, valid from 2027-01-01 and cite their sources', () => {
    for (const pack of [kolDifferentiationPack, lrsDifferentiationPack]) {
      expect(Object.isFrozen(pack)).toBe(true);
      expect(Object.isFrozen(pack.rules[0])).toBe(true);
      expect(pack).toMatchObject({ version: '0.2.0', validFrom: '2027-01-01', status: 'provisional' });
      const titles = pack.sources.map((s) => s.title).join('\n');
      expect(titles).toMatch(/Generisk model for pakkeforløb/u);
      expect(titles).toMatch(/Forløbsprogrammer for kronisk sygdom/u);
    }
    expect(kolDifferentiationPack.sources.map((s) => s.title).join('\n')).toMatch(/GOLD[\s\S]*DSAM/u);
    expect(lrsDifferentiationPack.sources.map((s) => s.title).join('\n')).toMatch(/Hill JC et al\.[\s\S]*Lancet 2011/u);
    expect(DIFFERENTIATION_PACK_IDS).toEqual({ KOL: kolDifferentiationPack.id, LRS: lrsDifferentiationPack.id });
  });

  it('validate as differentiation packs, with the model in their parameters', () => {
    for (const doc of [kolDifferentiationPack, lrsDifferentiationPack]) {
      const p = validateDifferentiationPack(load(doc));
      expect(p.severityLevels).toEqual({ low: 1, moderate: 2, high: 3 });
      expect(p.complexityBands).toEqual([
        { minFactors: 0, level: 1 },
        { minFactors: 1, level: 2 },
        { minFactors: 3, level: 3 },
      ]);
      expect([p.contactPlan['1'].followUpIntervalMonths, p.contactPlan['2'].followUpIntervalMonths, p.contactPlan['3'].followUpIntervalMonths]).toEqual([null, 6, 3]);
      expect(DifferentiationParametersSchema.safeParse(doc.parameters).success).toBe(true);
      for (const rule of doc.rules) expect(DifferentiationEventSchema.safeParse(rule.event).success).toBe(true);
    }
  });

  it('need the PRO facts: core facts alone do not load the LRS pack', () => {
    expect(issuesOf(() => createRulePackSet([lrsDifferentiationPack])).map((i) => i.code)).toContain('unknown-fact');
    expect(defaultDifferentiationPacks().packs.map((p) => p.id)).toEqual(['kol-differentiation', 'lrs-differentiation']);
    expect(defaultDifferentiationPacks()).toBe(defaultDifferentiationPacks());
  });
});

describe('validateDifferentiationPack', () => {
  it('rejects a pack without parameters', () => {
    const doc = copy(kolDifferentiationPack);
    delete doc['parameters'];
    expect(issuesOf(() => validateDifferentiationPack(load(doc)))).toEqual([{ code: 'invalid-parameters', path: ['parameters'] }]);
  });

  it('rejects bands that do not start at 0 or that fall, and severity levels that fall', () => {
    const doc = copy(kolDifferentiationPack);
    const parameters = doc['parameters'] as Record<string, JsonValue>;
    parameters['complexityBands'] = [
      { minFactors: 1, level: 1 },
      { minFactors: 2, level: 3 },
      { minFactors: 3, level: 2 },
    ];
    parameters['severityLevels'] = { low: 2, moderate: 1, high: 3 };
    expect(issuesOf(() => validateDifferentiationPack(load(doc)))).toEqual([
      { code: 'invalid-parameters', path: ['parameters', 'severityLevels'] },
      { code: 'invalid-parameters', path: ['parameters', 'complexityBands', 0] },
      { code: 'invalid-parameters', path: ['parameters', 'complexityBands', 2] },
    ]);
  });

  it('rejects PRO before each follow-up without follow-ups, and unknown message codes', () => {
    const doc = copy(kolDifferentiationPack);
    const plan = (doc['parameters'] as { contactPlan: Record<string, Record<string, JsonValue>> }).contactPlan;
    (plan['1'] as Record<string, JsonValue>)['proBefore'] = 'aarsstatus-and-follow-up';
    (plan['2'] as Record<string, JsonValue>)['meaning'] = 'differentiation.level.9';
    expect(issuesOf(() => validateDifferentiationPack(load(doc)))).toEqual([
      { code: 'invalid-parameters', path: ['parameters', 'contactPlan', '2', 'meaning'] },
    ]);
    (plan['2'] as Record<string, JsonValue>)['meaning'] = 'differentiation.level.2';
    expect(issuesOf(() => validateDifferentiationPack(load(doc)))).toEqual([
      { code: 'invalid-parameters', path: ['parameters', 'contactPlan', '1', 'proBefore'] },
    ]);
  });

  it('rejects events that are not differentiation events, naming the rule', () => {
    const doc = copy(kolDifferentiationPack);
    const rules = doc['rules'] as { name: string; event: { type: string; params: Record<string, JsonValue> } }[];
    rules[0]!.event.type = 'criterion';
    rules[1]!.event.params['severity'] = 'low';
    rules[4]!.event.params['message'] = 'differentiation.kol.nope';
    const issues = issuesOf(() => validateDifferentiationPack(load(doc)));
    expect(issues.map((i) => [i.code, i.rule])).toEqual([
      ['invalid-event', 'kol.severity.gold-group-e'],
      ['invalid-event', 'kol.severity.gold-grade-4'],
      ['invalid-event', 'complexity.multimorbidity'],
    ]);
    expect(issues[2]?.path).toEqual(['rules', 4, 'event', 'params', 'message']);
  });

  it('rejects messages the SDK cannot fill, one factor in two domains, and the other package', () => {
    const doc = copy(kolDifferentiationPack);
    const rules = doc['rules'] as { name: string; conditions: { all: { params?: Record<string, JsonValue> }[] }; event: { type: string; params: Record<string, JsonValue> } }[];
    // A message with a date param, and a `value` message on a yes/no fact.
    rules[2]!.event.params['message'] = 'differentiation.reassessment.aarsstatus';
    const screen = rules.find((r) => r.name === 'complexity.mental-health.screen')!;
    screen.event.params['message'] = 'differentiation.factor.multimorbidity';
    rules.find((r) => r.name === 'complexity.health-literacy')!.event.params['factor'] = 'gold-grade-4';
    rules.find((r) => r.name === 'complexity.social.lives-alone')!.conditions.all[0]!.params!['package'] = 'LRS';
    expect(issuesOf(() => validateDifferentiationPack(load(doc))).map((i) => [i.code, i.rule])).toEqual([
      ['message-params', 'kol.severity.gold-group-b'],
      ['message-params', 'complexity.mental-health.screen'],
      ['mixed-factor', 'complexity.health-literacy'],
      ['wrong-package', 'complexity.social.lives-alone'],
    ]);
  });

  it('says where and what, naming the pack, never a value', () => {
    const doc = copy(kolDifferentiationPack);
    delete doc['parameters'];
    try {
      createDifferentiationPackSet([doc]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidRulePackError);
      expect((err as Error).message).toBe('Invalid differentiation pack "kol-differentiation": at parameters: invalid-parameters');
    }
  });
});

describe('replacing a pack: a new version and validity, no code change', () => {
  // An authority's version 0.3.0 from 2028: level 3 from two factors.
  const old = { ...copy(kolDifferentiationPack), validTo: '2027-12-31' };
  const next = copy(kolDifferentiationPack);
  next['version'] = '0.3.0';
  next['validFrom'] = '2028-01-01';
  next['status'] = 'approved';
  (next['parameters'] as Record<string, JsonValue>)['complexityBands'] = [
    { minFactors: 0, level: 1 },
    { minFactors: 1, level: 2 },
    { minFactors: 2, level: 3 },
  ];
  const packs = createDifferentiationPackSet([old, next, lrsDifferentiationPack]);
  const record = parse({ ...kolBase(), needsAssessments: [cleanNeeds('KOL', { selfManagement: 'poor' })] });
  const fresh = parse({ ...kolBase(), needsAssessments: [{ ...cleanNeeds('KOL', { selfManagement: 'poor' }), date: '2027-01-10' }] });

  it('selects the version valid on asOf', () => {
    const before = suggestLevel(record, { package: 'KOL', asOf: '2027-06-01', packs });
    // 2028-01-10: the needs assessment of 2027-01-10 is still within its 12-month window (pack 0.2.0, issue 12 freshness).
    const after = suggestLevel(fresh, { package: 'KOL', asOf: '2028-01-10', packs });
    expect([before.ruleSet.version, before.ruleSet.status, before.suggestedLevel]).toEqual(['0.2.0', 'provisional', 2]);
    expect([after.ruleSet.version, after.ruleSet.status, after.suggestedLevel]).toEqual(['0.3.0', 'approved', 3]);
    expect(after.ruleSet.digest).not.toBe(before.ruleSet.digest);
  });

  it('rejects overlapping versions, and a pack for the other package under this id', () => {
    expect(issuesOf(() => createDifferentiationPackSet([kolDifferentiationPack, next])).map((i) => i.code)).toEqual(['overlapping-validity']);
    const swapped = copy(lrsDifferentiationPack);
    swapped['id'] = 'kol-differentiation';
    const set = createDifferentiationPackSet([swapped]);
    expect(issuesOf(() => suggestLevel(record, { package: 'KOL', asOf, packs: set })).map((i) => i.code)).toEqual(['wrong-package']);
  });

  it('has no version before 2027-01-01', () => {
    expect(issuesOf(() => suggestLevel(record, { package: 'KOL', asOf: '2026-12-31' })).map((i) => i.code)).toEqual(['no-valid-version']);
  });
});

describe('arguments', () => {
  const record = parse(kolBase());

  it('rejects a bad package, date, record or context as INVALID_ARGUMENT with a path', () => {
    const code = (fn: () => unknown): [string, readonly (string | number)[]] => {
      try {
        fn();
      } catch (err) {
        if (err instanceof KronikerpakkerError) return [err.code, err.path];
        throw err;
      }
      throw new Error('expected an error');
    };
    expect(code(() => suggestLevel(record, { package: 'COPD' as never, asOf }))).toEqual(['INVALID_ARGUMENT', ['options', 'package']]);
    expect(code(() => suggestLevel(record, { package: 'KOL', asOf: '2027-02-30' }))).toEqual(['INVALID_ARGUMENT', ['asOf']]);
    expect(code(() => suggestLevel({ id: 'x' } as never, { package: 'KOL', asOf }))).toEqual(['INVALID_ARGUMENT', ['record']]);
    expect(code(() => suggestLevel(record, null as never))).toEqual(['INVALID_ARGUMENT', ['options']]);
    expect(code(() => suggestLevelInContext(null as never, { package: 'KOL' }))).toEqual(['INVALID_ARGUMENT', ['ctx']]);
  });

  it('shares a fact context with other packs: each fact is computed once', () => {
    const ctx = createFactContext(record, asOf);
    const a = suggestLevelInContext(ctx, { package: 'KOL' });
    expect(ctx.memo.has(factKey('goldGroup', { symptomsWithinMonths: 12 }))).toBe(true);
    const size = ctx.memo.size;
    const b = suggestLevelInContext(ctx, { package: 'KOL' });
    expect(ctx.memo.size).toBe(size);
    expect(b).toEqual(a);
    expect(a).toEqual(suggestLevel(record, { package: 'KOL', asOf }));
  });
});
