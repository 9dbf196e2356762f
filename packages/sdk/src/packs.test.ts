import { describe, expect, it } from 'vitest';
import { InvalidRulePackError, KronikerpakkerError, loadRulePack } from '@kronikerpakker/core';
import type { RulePackDocument } from '@kronikerpakker/core';
import { kolCarePack } from '@kronikerpakker/business-rules';
import { differentiationFacts, lrsDifferentiationPack } from '@kronikerpakker/differentiation';
import { kolInclusionPack } from '@kronikerpakker/inclusion';
import { evaluatePatient } from './evaluate';
import { loadRulePacks, rulePackKindOf, shippedRulePack, shippedRulePacks, verifyRulePack } from './packs';
import { KOL_35 } from './test-helpers';

/**
 * A copy of the shipped KOL inclusion pack, version 0.3.0 from 2027-07-01, with the age limit raised from 30 to 40.
 * (Issue 12 shipped every pack as 0.2.0, so the newer version here is 0.3.0.)
 */
function kolInclusion030(): RulePackDocument {
  const doc = JSON.parse(JSON.stringify(kolInclusionPack)) as { rules: { name: string; conditions: { all: { value: unknown }[] } }[] } & Record<string, unknown>;
  const age = doc.rules.find((r) => r.name === 'kol.age');
  if (age?.conditions.all[0] === undefined) throw new Error('kol.age changed shape');
  expect(age.conditions.all[0].value).toBe(30);
  age.conditions.all[0].value = 40;
  return { ...(doc as unknown as RulePackDocument), version: '0.3.0', validFrom: '2027-07-01', status: 'approved' };
}

describe('loadRulePacks: a newer version replaces a shipped pack from its validFrom, without code changes', () => {
  const packs = loadRulePacks([kolInclusion030()]);

  it('decides with the shipped 0.2.0 before 2027-07-01 and with 0.3.0 from that day', () => {
    const before = evaluatePatient(KOL_35, { asOf: '2027-06-30', packs });
    expect(before.packages.KOL?.inclusion.status).toBe('eligible');
    expect(before.packages.KOL?.inclusion.ruleSet).toMatchObject({ id: 'kol-inclusion', version: '0.2.0', status: 'provisional' });
    expect(before.packages.KOL?.level).not.toBeNull();

    const after = evaluatePatient(KOL_35, { asOf: '2027-07-01', packs });
    expect(after.packages.KOL?.inclusion.status).toBe('not-eligible');
    expect(after.packages.KOL?.inclusion.reasons.map((r) => r.code)).toEqual(['inclusion.age.below']);
    expect(after.packages.KOL?.inclusion.reasons[0]?.params).toEqual({ minAge: 40 });
    expect(after.packages.KOL?.inclusion.ruleSet).toMatchObject({ id: 'kol-inclusion', version: '0.3.0', status: 'approved' });
    expect(after.packages.KOL?.level).toBeNull();
  });

  it('reports the digest of the new content, and leaves the other kinds and LRS on the shipped packs', () => {
    const after = evaluatePatient(KOL_35, { asOf: '2027-07-01', packs });
    expect(after.packages.KOL?.inclusion.ruleSet.digest).toBe(loadRulePack(kolInclusion030()).digest);
    expect(after.packages.KOL?.inclusion.ruleSet.digest).not.toBe(loadRulePack(kolInclusionPack).digest);
    expect(after.packages.LRS?.inclusion.ruleSet.version).toBe('0.2.0');
    expect(after.packages.KOL?.care.ruleSet.version).toBe('0.2.0');
  });

  it('without the shipped packs, a date no loaded version covers is an error', () => {
    const only = loadRulePacks([kolInclusion030()], { includeShipped: false });
    expect(only.differentiation).toBeUndefined();
    let caught: unknown;
    try {
      evaluatePatient(KOL_35, { asOf: '2027-06-30', packs: only, packages: ['KOL'] });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidRulePackError);
    expect((caught as InvalidRulePackError).issues[0]?.code).toBe('no-valid-version');
  });

  it('loads each kind with its own fact catalogue (an LRS level pack uses the PRO facts)', () => {
    const lrs030 = { ...lrsDifferentiationPack, version: '0.3.0', validFrom: '2028-01-01' };
    const set = loadRulePacks([lrs030]);
    expect(set.differentiation?.select('lrs-differentiation', '2028-01-01').pack.version).toBe('0.3.0');
    expect(set.differentiation?.select('lrs-differentiation', '2027-12-31').pack.version).toBe('0.2.0');
    expect(loadRulePack(lrs030, { facts: differentiationFacts() }).version).toBe('0.3.0');
  });

  it('rejects overlapping loaded versions, unknown ids and invalid packs with coded issues', () => {
    expect(() => loadRulePacks([kolInclusion030(), { ...kolInclusion030(), version: '0.4.0' }])).toThrow(InvalidRulePackError);
    try {
      loadRulePacks([{ ...kolCarePack, id: 'kol-something' }]);
      expect.unreachable();
    } catch (err) {
      expect((err as InvalidRulePackError).issues).toEqual([{ packId: 'kol-something', path: ['id'], code: 'unknown-pack-id' }]);
    }
    const broken = { ...kolCarePack, rules: [{ ...kolCarePack.rules[0], conditions: { all: [{ fact: 'noSuchFact', operator: 'equal', value: 1 }] } }] };
    try {
      loadRulePacks([broken]);
      expect.unreachable();
    } catch (err) {
      expect(KronikerpakkerError.is(err)).toBe(true);
      expect((err as InvalidRulePackError).issues).toContainEqual({
        packId: 'kol-care',
        rule: kolCarePack.rules[0]?.name,
        path: ['rules', 0, 'conditions', 'all', 0, 'fact'],
        code: 'unknown-fact',
      });
    }
  });
});

describe('shipped packs', () => {
  it('lists the six shipped packs with their digests', () => {
    const list = shippedRulePacks();
    // Issue 12: every shipped pack is version 0.2.0.
    expect(list.map((p) => `${p.kind}:${p.ref.id}@${p.ref.version}`)).toEqual([
      'inclusion:kol-inclusion@0.2.0',
      'inclusion:lrs-inclusion@0.2.0',
      'differentiation:kol-differentiation@0.2.0',
      'differentiation:lrs-differentiation@0.2.0',
      'care:kol-care@0.2.0',
      'care:lrs-care@0.2.0',
    ]);
    expect(list[0]?.ref.digest).toBe(loadRulePack(kolInclusionPack).digest);
    expect(list.every((p) => p.validFrom === '2027-01-01' && p.validTo === null && p.ref.status === 'provisional')).toBe(true);
  });

  it('finds a shipped pack by id, and knows the kind of every id', () => {
    expect(shippedRulePack('kol-care')?.pack.rules.length).toBe(kolCarePack.rules.length);
    expect(shippedRulePack('nope')).toBeUndefined();
    expect(rulePackKindOf('lrs-differentiation')).toBe('differentiation');
    expect(rulePackKindOf('nope')).toBeUndefined();
  });

  it('verifies a pack document as its kind', () => {
    expect(verifyRulePack(kolInclusion030()).ref.version).toBe('0.3.0');
    expect(() => verifyRulePack({ ...kolInclusionPack, validFrom: '2027-02-30' })).toThrow(InvalidRulePackError);
    expect(() => verifyRulePack({ id: 'x' })).toThrow(InvalidRulePackError);
  });
});
