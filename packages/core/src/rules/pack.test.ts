import { describe, expect, it } from 'vitest';
import { InvalidRulePackError, KronikerpakkerError } from '../errors/errors';
import { canonicalJson, loadRulePack, packDigest } from './pack';
import { createRulePackSet } from './registry';
import { samplePack } from './test-helpers';
import type { RulePackDocument } from './pack';

function issuesOf(doc: unknown): InvalidRulePackError['issues'] {
  try {
    loadRulePack(doc);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidRulePackError);
    return (err as InvalidRulePackError).issues;
  }
  throw new Error('expected the pack to be rejected');
}

function withRule(rule: unknown): unknown {
  const p = samplePack();
  return { ...p, rules: [...p.rules, rule] };
}

describe('loadRulePack', () => {
  it('loads a valid pack and gives it a digest and a ref', () => {
    const pack = loadRulePack(samplePack());
    expect(pack.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(pack.ref).toEqual({ id: 'sample-pack', version: '1.0.0', digest: pack.digest, status: 'provisional' });
  });

  it('computes a digest stable across key order and whitespace, ignoring $schema', () => {
    const a = samplePack();
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
          : v;
    const reordered = reverseKeys(a) as RulePackDocument;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a));
    const spaced = JSON.parse(JSON.stringify(a, null, 4)) as RulePackDocument;
    expect(packDigest(reordered)).toBe(packDigest(a));
    expect(packDigest(spaced)).toBe(packDigest(a));
    expect(packDigest({ ...a, $schema: './rule-pack.schema.json' })).toBe(packDigest(a));
    expect(packDigest({ ...a, version: '1.0.1' })).not.toBe(packDigest(a));
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2 }] })).toBe('{"a":[true,null,{"c":2,"d":"x"}],"b":1}');
  });

  it.each([
    ['unknown fact', { name: 'x', conditions: { all: [{ fact: 'shoeSize', operator: 'equal', value: 1 }] }, event: { type: 't' } }, ['rules', 5, 'conditions', 'all', 0, 'fact'], 'unknown-fact'],
    ['unknown operator', { name: 'x', conditions: { all: [{ fact: 'age', operator: 'approximately', value: 1 }] }, event: { type: 't' } }, ['rules', 5, 'conditions', 'all', 0, 'operator'], 'unknown-operator'],
    ['string where a number belongs', { name: 'x', conditions: { all: [{ fact: 'age', operator: 'greaterThan', value: '30' }] }, event: { type: 't' } }, ['rules', 5, 'conditions', 'all', 0, 'value'], 'wrong-operand-type'],
    ['a date string compared as a number', { name: 'x', conditions: { any: [{ fact: 'latestCat', operator: 'lessThan', value: '2027-01-01' }] }, event: { type: 't' } }, ['rules', 5, 'conditions', 'any', 0, 'value'], 'wrong-operand-type'],
    ['a misspelt decision', { name: 'x', conditions: { all: [{ fact: 'latestPackageDecision', params: { package: 'KOL' }, operator: 'equal', value: 'delcined' }] }, event: { type: 't' } }, ['rules', 5, 'conditions', 'all', 0, 'value'], 'unknown-fact-value'],
    ['a missing fact param', { name: 'x', conditions: { all: [{ fact: 'latestPackageDecision', operator: 'equal', value: 'declined' }] }, event: { type: 't' } }, ['rules', 5, 'conditions', 'all', 0, 'params'], 'invalid-fact-params'],
    ['an unknown value set', { name: 'x', conditions: { all: [{ fact: 'activeDiagnoses', operator: 'anyInValueSet', value: 'asthma' }] }, event: { type: 't' } }, ['rules', 5, 'conditions', 'all', 0, 'value'], 'unknown-value-set'],
    ['an operator for another fact type', { name: 'x', conditions: { all: [{ fact: 'age', operator: 'contains', value: 3 }] }, event: { type: 't' } }, ['rules', 5, 'conditions', 'all', 0, 'operator'], 'operator-not-for-fact'],
    ['a duplicate rule name', { name: 'adult', conditions: { all: [{ fact: 'age', operator: 'greaterThan', value: 1 }] }, event: { type: 't' } }, ['rules', 5, 'name'], 'duplicate-rule-name'],
    ['a JSONPath in a leaf', { name: 'x', conditions: { all: [{ fact: 'age', operator: 'equal', value: 1, path: '$.a' }] }, event: { type: 't' } }, ['rules', 5, 'conditions'], 'invalid-shape'],
  ])('rejects %s, naming the pack, the rule and the path', (_label, rule, path, code) => {
    const issues = issuesOf(withRule(rule));
    expect(issues[0]).toMatchObject({ packId: 'sample-pack', code });
    expect(issues[0]?.path.slice(0, path.length)).toEqual(path);
    if (code !== 'invalid-shape') expect(issues[0]?.rule).toBe((rule as { name: string }).name);
  });

  it('rejects malformed and impossible validity dates', () => {
    expect(issuesOf(samplePack({ validFrom: '2027-02-30' }))).toEqual([{ packId: 'sample-pack', path: ['validFrom'], code: 'malformed-date' }]);
    expect(issuesOf(samplePack({ validTo: '2026-12-31' }))).toEqual([{ packId: 'sample-pack', path: ['validTo'], code: 'malformed-date' }]);
    expect(issuesOf(samplePack({ validFrom: '1.1.2027' }))[0]).toMatchObject({ path: ['validFrom'], code: 'invalid-shape' });
  });

  it('rejects a bad version and a pack without sources', () => {
    expect(issuesOf(samplePack({ version: '1.0' }))[0]).toMatchObject({ path: ['version'], code: 'invalid-shape' });
    expect(issuesOf(samplePack({ sources: [] }))[0]).toMatchObject({ path: ['sources'], code: 'invalid-shape' });
  });

  it('says in the message which pack, rule and path, with the code', () => {
    try {
      loadRulePack(withRule({ name: 'bad-rule', conditions: { all: [{ fact: 'shoeSize', operator: 'equal', value: 1 }] }, event: { type: 't' } }));
    } catch (err) {
      expect(KronikerpakkerError.is(err)).toBe(true);
      expect((err as Error).message).toBe('Invalid rule pack "sample-pack": rule "bad-rule" at rules[5].conditions.all[0].fact: unknown-fact');
    }
  });
});

describe('createRulePackSet', () => {
  const v1 = samplePack({ validFrom: '2027-01-01', validTo: '2027-06-30' });
  const v2 = samplePack({ version: '1.1.0', validFrom: '2027-07-01' });

  it('selects the version valid on asOf, both ends inclusive', () => {
    const set = createRulePackSet([v1, v2]);
    expect(set.select('sample-pack', '2027-01-01').pack.version).toBe('1.0.0');
    expect(set.select('sample-pack', '2027-06-30').pack.version).toBe('1.0.0');
    expect(set.select('sample-pack', '2027-07-01').pack.version).toBe('1.1.0');
    expect(set.select('sample-pack', '2035-01-01').pack.version).toBe('1.1.0');
  });

  it('refuses to guess when no version is valid', () => {
    const set = createRulePackSet([v1, v2]);
    expect(() => set.select('sample-pack', '2026-12-31')).toThrow(InvalidRulePackError);
    expect(() => set.select('other-pack', '2027-03-01')).toThrow(/No version of rule pack "other-pack"/);
  });

  it('rejects overlapping versions of one pack', () => {
    const overlapping = samplePack({ version: '1.0.1', validFrom: '2027-06-30' });
    expect(() => createRulePackSet([v1, overlapping])).toThrow(/overlapping validity/);
  });

  it('re-loads an already loaded pack rather than trusting its digest', () => {
    const loaded = loadRulePack(v1);
    const tampered = { ...loaded, digest: '0'.repeat(64) };
    expect(createRulePackSet([tampered]).packs[0]?.digest).toBe(loaded.digest);
  });
});

describe('fact catalogues', () => {
  it('lets a package add facts that its packs may use, and no one else', async () => {
    const { FACTS, extendFacts } = await import('./facts');
    const { compileRulePack, evaluateRulePack } = await import('./evaluate');
    const { createFactContext } = await import('./facts');
    const { record } = await import('./test-helpers');
    const facts = extendFacts(FACTS, [
      { name: 'shoeSize', type: 'number', description: 'test only', compute: () => 44 },
    ]);
    const doc = samplePack({
      rules: [{ name: 'big-feet', conditions: { all: [{ fact: 'shoeSize', operator: 'greaterThan', value: 43 }] }, event: { type: 't' } }],
    });
    expect(() => loadRulePack(doc)).toThrow(/unknown-fact/);
    const pack = loadRulePack(doc, { facts });
    const evaluation = evaluateRulePack(compileRulePack(pack), createFactContext(record(), '2027-01-15'));
    expect(evaluation.results[0]?.result).toBe('true');
    expect(() => extendFacts(facts, [{ name: 'age', type: 'number', description: 'again', compute: () => 1 }])).toThrow(/defined twice/);
  });
});
