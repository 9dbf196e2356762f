import { describe, expect, it } from 'vitest';
import { InvalidRulePackError, KronikerpakkerError, loadRulePack } from '@kronikerpakker/core';
import type { RulePackDocument } from '@kronikerpakker/core';
import { InclusionEventSchema, validateInclusionPack } from './event-params';
import { kolInclusionPack, lrsInclusionPack } from './packs';

type Mutable = Record<string, unknown> & { rules: { name: string; conditions: unknown; event: { type: string; params: Record<string, unknown> } }[] };

function copy(doc: RulePackDocument): Mutable {
  return JSON.parse(JSON.stringify(doc)) as Mutable;
}

function issues(doc: unknown): { code: string; rule?: string; path: readonly (string | number)[] }[] {
  try {
    validateInclusionPack(doc);
  } catch (err) {
    if (err instanceof InvalidRulePackError) return err.issues.map((i) => ({ code: i.code, ...(i.rule === undefined ? {} : { rule: i.rule }), path: i.path }));
    throw err;
  }
  return [];
}

function rule(doc: Mutable, name: string): Mutable['rules'][number] {
  const r = doc.rules.find((x) => x.name === name);
  if (r === undefined) throw new Error(`no rule ${name}`);
  return r;
}

describe('the inclusion event schema', () => {
  it('accepts every rule of the shipped packs', () => {
    for (const doc of [kolInclusionPack, lrsInclusionPack]) {
      for (const r of doc.rules) expect(InclusionEventSchema.safeParse(r.event).success).toBe(true);
      expect(validateInclusionPack(doc).id).toBe(doc.id);
    }
  });

  it('accepts a loaded pack as well as a document', () => {
    expect(validateInclusionPack(loadRulePack(kolInclusionPack)).digest).toBe(loadRulePack(kolInclusionPack).digest);
  });

  it('rejects an event type other than criterion or exclusion', () => {
    const doc = copy(kolInclusionPack);
    rule(doc, 'kol.age').event.type = 'suggestion';
    expect(issues(doc)).toEqual([{ code: 'invalid-inclusion-event', rule: 'kol.age', path: ['rules', 2, 'event', 'type'] }]);
  });

  it('rejects a message code that is not in the catalogue', () => {
    const doc = copy(kolInclusionPack);
    rule(doc, 'kol.age').event.params['whenFalse'] = { message: 'inclusion.age.too-young' };
    expect(issues(doc)).toEqual([
      { code: 'unknown-message-code', rule: 'kol.age', path: ['rules', 2, 'event', 'params', 'whenFalse', 'message'] },
    ]);
  });

  it('requires a reason for a failed criterion and for an exclusion', () => {
    const doc = copy(kolInclusionPack);
    delete rule(doc, 'kol.age').event.params['whenFalse'];
    delete rule(doc, 'kol.deceased').event.params['whenTrue'];
    expect(issues(doc).map((i) => [i.rule, i.code])).toEqual([
      ['kol.age', 'missing-outcome'],
      ['kol.deceased', 'missing-outcome'],
    ]);
  });

  it('rejects a duplicate criterion id and unknown params keys', () => {
    const doc = copy(kolInclusionPack);
    rule(doc, 'kol.deceased').event.params['criterion'] = 'not-listed';
    rule(doc, 'kol.age').event.params['urgency'] = 'high';
    expect(issues(doc).map((i) => [i.rule, i.code])).toEqual([
      ['kol.age', 'invalid-inclusion-event'],
      ['kol.not-listed', 'duplicate-criterion'],
    ]);
  });

  it('checks each message gets exactly its parameters, of the right kind', () => {
    const doc = copy(kolInclusionPack);
    rule(doc, 'kol.age').event.params['whenFalse'] = { message: 'inclusion.age.below', params: {} };
    rule(doc, 'kol.age').event.params['whenTrue'] = { message: 'inclusion.age.met', params: { minAge: 30, maxAge: 90 } };
    rule(doc, 'kol.deceased').event.params['whenTrue'] = { message: 'inclusion.age.below', params: { minAge: 'thirty' } };
    rule(doc, 'kol.not-listed').event.params['whenTrue'] = { message: 'inclusion.age.below', params: { minAge: { fact: 'listed' } } };
    expect(issues(doc).map((i) => [i.rule, i.code, i.path.slice(3).join('.')])).toEqual([
      ['kol.age', 'message-param-unknown', 'params.whenTrue.params.maxAge'],
      ['kol.age', 'message-param-missing', 'params.whenFalse.params.minAge'],
      ['kol.deceased', 'message-param-type', 'params.whenTrue.params.minAge'],
      ['kol.not-listed', 'message-param-type', 'params.whenTrue.params.minAge'],
    ]);
  });

  it('checks fact bindings and condition names', () => {
    const doc = copy(kolInclusionPack);
    const spirometry = rule(doc, 'kol.spirometry-confirms').event.params;
    spirometry['whenTrue'] = [{ when: 'obstructed', message: 'inclusion.kol.spirometry.confirms', params: { ratio: { fact: 'lowestRatio' } } }];
    rule(doc, 'kol.age').event.params['whenFalse'] = { message: 'inclusion.age.below', params: { minAge: { condition: 'age-limit' } } };
    rule(doc, 'kol.declined').event.params['whenTrue'] = {
      message: 'inclusion.excluded.declined.revisitable',
      params: { date: { fact: 'latestPackageDecisionDate', params: { package: 'COPD' } } },
    };
    expect(issues(doc).map((i) => [i.rule, i.code])).toEqual([
      ['kol.spirometry-confirms', 'unknown-condition-name'],
      ['kol.spirometry-confirms', 'unknown-fact'],
      ['kol.age', 'unknown-condition-name'],
      ['kol.declined', 'invalid-fact-params'],
    ]);
  });

  it('names the pack and rule in the error, and still rejects what loadRulePack rejects', () => {
    const doc = copy(lrsInclusionPack);
    rule(doc, 'lrs.age').event.params['whenFalse'] = { message: 'nope' };
    let message = '';
    try {
      validateInclusionPack(doc);
    } catch (err) {
      if (KronikerpakkerError.is(err)) message = err.message;
    }
    expect(message).toContain('"lrs-inclusion"');
    expect(message).toContain('lrs.age');
    const broken = copy(lrsInclusionPack);
    (broken.rules[0]?.conditions as { all: { fact: string }[] }).all[0]!.fact = 'ageInMonths';
    expect(issues(broken)[0]?.code).toBe('unknown-fact');
  });
});
