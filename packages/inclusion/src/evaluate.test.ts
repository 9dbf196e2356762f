import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidRulePackError,
  KronikerpakkerError,
  createFactContext,
  createRulePackSet,
  loadRulePack,
  messageCodes,
} from '@kronikerpakker/core';
import type { GroupTrace, LeafTrace, PatientRecord, RulePackDocument } from '@kronikerpakker/core';
import { evaluateInclusion, evaluateInclusionForBoth, evaluateInclusionInContext } from './evaluate';
import { INCLUSION_PACK_IDS, defaultInclusionPacks, kolInclusionPack, lrsInclusionPack } from './packs';
import { ASOF, born, decision, dx, episode, flag, parsed, spiro } from './test-helpers';

const asOf = ASOF;
const kolPatient = (): PatientRecord => parsed(asOf, born('1950-06-01'), dx('R95'), spiro(0.62));

function caught(fn: () => unknown): KronikerpakkerError {
  try {
    fn();
  } catch (err) {
    if (KronikerpakkerError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a KronikerpakkerError');
}

function issueCodes(err: KronikerpakkerError): string[] {
  return err instanceof InvalidRulePackError ? err.issues.map((i) => i.code) : [];
}

/** A copy of a shipped pack with edits, for replacement tests. */
function edited(doc: RulePackDocument, edit: (copy: { -readonly [K in keyof RulePackDocument]: unknown } & Record<string, unknown>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as { -readonly [K in keyof RulePackDocument]: unknown } & Record<string, unknown>;
  edit(copy);
  return copy;
}

describe('results', () => {
  it('carry the deciding pack version with its digest', () => {
    const kol = evaluateInclusion(kolPatient(), { package: 'KOL', asOf });
    const lrs = evaluateInclusion(kolPatient(), { package: 'LRS', asOf });
    expect(kol.ruleSet).toEqual({
      id: 'kol-inclusion',
      version: '0.2.0',
      digest: loadRulePack(kolInclusionPack).digest,
      status: 'provisional',
    });
    expect(lrs.ruleSet.digest).toBe(loadRulePack(lrsInclusionPack).digest);
    expect(lrs.ruleSet.status).toBe('provisional');
    expect(kol.package).toBe('KOL');
    expect(kol.asOf).toBe(asOf);
  });

  it('list every rule with its result and trace, with the fact values used', () => {
    const kol = evaluateInclusion(kolPatient(), { package: 'KOL', asOf });
    expect(kol.criteria.map((c) => [c.id, c.kind, c.result])).toEqual([
      ['kol-diagnosis', 'criterion', 'true'],
      ['spirometry-confirms', 'criterion', 'true'],
      ['age', 'criterion', 'true'],
      ['followed-in-hospital', 'exclusion', 'false'],
      ['declined', 'exclusion', 'false'],
      ['deceased', 'exclusion', 'false'],
      ['not-listed', 'exclusion', 'false'],
    ]);
    const spirometry = kol.criteria[1]?.trace as GroupTrace;
    expect(spirometry.kind).toBe('any');
    const obstruction = spirometry.children[1] as LeafTrace;
    expect(obstruction).toMatchObject({ name: 'obstruction', fact: 'lowestPostBronchodilatorRatio', factValue: 0.62, result: 'true' });
    const age = (kol.criteria[2]?.trace as GroupTrace).children[0] as LeafTrace;
    expect(age).toMatchObject({ fact: 'age', operator: 'greaterThanInclusive', value: 30, factValue: 76 });
  });

  it('render every reason and missing item in Danish and English', () => {
    const r = evaluateInclusion(parsed(asOf, dx('R95')), { package: 'KOL', asOf });
    for (const item of [...r.reasons, ...r.missing]) {
      expect(Object.keys(item.text).sort()).toEqual(['da', 'en']);
      expect(item.text.da).not.toBe(item.text.en);
    }
    expect(r.reasons[0]?.text.da).toBe('KOL-diagnosen er ikke bekræftet: der er ingen registreret spirometri efter bronkodilatation.');
  });

  it('use only catalogue message codes in the shipped packs', () => {
    const codes = new Set<string>(messageCodes());
    const used = JSON.stringify([kolInclusionPack, lrsInclusionPack]).match(/"message":"[^"]+"/gu) ?? [];
    expect(used.length).toBeGreaterThan(10);
    for (const m of used) expect(codes.has(m.slice(11, -1))).toBe(true);
  });
});

describe('evaluateInclusionForBoth', () => {
  it('gives the same results as two separate evaluations', () => {
    const record = parsed(asOf, born('1950-06-01'), dx('R95'), spiro(0.62), dx('L03'), episode('2026-12-01'));
    const both = evaluateInclusionForBoth(record, { asOf });
    // Compared as JSON: that includes the criteria and traces, which are built when read.
    const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    expect(json(both.KOL)).toEqual(json(evaluateInclusion(record, { package: 'KOL', asOf })));
    expect(json(both.LRS)).toEqual(json(evaluateInclusion(record, { package: 'LRS', asOf })));
    expect(json(both.KOL)).toMatchObject({ criteria: [{ trace: { kind: 'all' } }, {}, {}, {}, {}, {}, {}] });
    expect(both.KOL.status).toBe('eligible');
    expect(both.LRS.status).toBe('not-eligible');
  });

  it('computes each shared fact once in one context', () => {
    const ctx = createFactContext(kolPatient(), asOf);
    // Count writes per memo slot: a fact computed twice would be written twice.
    const writes = new Map<PropertyKey, number>();
    const counting = new Proxy(ctx.memo.values, {
      set(target, key, value) {
        writes.set(key, (writes.get(key) ?? 0) + 1);
        return Reflect.set(target, key, value);
      },
    });
    Object.defineProperty(ctx.memo, 'values', { value: counting });
    evaluateInclusionInContext(ctx, { package: 'KOL' });
    evaluateInclusionInContext(ctx, { package: 'LRS' });
    expect(ctx.memo.has('age') && ctx.memo.has('activeDiagnoses') && ctx.memo.has('listed')).toBe(true);
    expect(writes.size).toBeGreaterThan(5);
    expect([...writes.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('packs', () => {
  it('are frozen JSON documents, and the default set is built once', () => {
    expect(Object.isFrozen(kolInclusionPack)).toBe(true);
    expect(Object.isFrozen(lrsInclusionPack.rules[0]?.conditions)).toBe(true);
    expect(defaultInclusionPacks()).toBe(defaultInclusionPacks());
    expect(defaultInclusionPacks().select(INCLUSION_PACK_IDS.KOL, asOf).pack.version).toBe('0.2.0');
    expect(kolInclusionPack.status).toBe('provisional');
    expect(lrsInclusionPack.status).toBe('provisional');
    expect(kolInclusionPack.validFrom).toBe('2027-01-01');
  });

  it('can be replaced by a newer version from a date, with the threshold text following the condition', () => {
    const current = edited(kolInclusionPack, (p) => {
      p.validTo = '2027-06-30';
    });
    const next = edited(kolInclusionPack, (p) => {
      p.version = '0.3.0';
      p.validFrom = '2027-07-01';
      const age = (p.rules as { name: string; conditions: { all: { value: number }[] } }[]).find((r) => r.name === 'kol.age');
      if (age?.conditions.all[0]) age.conditions.all[0].value = 40;
    });
    const packs = createRulePackSet([current, next, lrsInclusionPack]);
    const record = parsed('2027-08-01', born('1990-01-01'), dx('R95'), spiro(0.6));
    const before = evaluateInclusion(record, { package: 'KOL', asOf: '2027-06-30', packs });
    const after = evaluateInclusion(record, { package: 'KOL', asOf: '2027-08-01', packs });
    expect(before.status).toBe('eligible');
    expect(before.ruleSet.version).toBe('0.2.0');
    expect(after.status).toBe('not-eligible');
    expect(after.ruleSet.version).toBe('0.3.0');
    expect(after.reasons[0]?.params).toEqual({ minAge: 40 });
    expect(after.reasons[0]?.text.da).toBe('Patienten er under 40 år.');
  });

  it('treat an undecidable exclusion as missing data, never as "not excluded"', () => {
    // A custom exclusion on a fact that can be unknown (latest MRC): without MRC the patient is not eligible yet.
    const custom = edited(kolInclusionPack, (p) => {
      (p.rules as unknown[]).push({
        name: 'kol.custom-mrc',
        conditions: { all: [{ fact: 'latestMrc', operator: 'greaterThanInclusive', value: 5 }] },
        event: { type: 'exclusion', params: { criterion: 'custom-mrc', source: 'test', whenTrue: { message: 'inclusion.excluded.hospital' } } },
      });
    });
    const packs = createRulePackSet([custom, lrsInclusionPack]);
    const r = evaluateInclusion(kolPatient(), { package: 'KOL', asOf, packs });
    expect(r.status).toBe('insufficient-data');
    expect(r.missing.map((m) => m.code)).toEqual(['mrc']);
  });

  it('report a fact bound to a message that the rule does not decide as a pack fault', () => {
    const custom = edited(kolInclusionPack, (p) => {
      const rule = (p.rules as { name: string; event: { params: { whenTrue: unknown } } }[]).find((r) => r.name === 'kol.not-listed');
      if (rule) rule.event.params.whenTrue = { message: 'inclusion.kol.spirometry.contradicts', params: { ratio: { fact: 'lowestPostBronchodilatorRatio' } } };
    });
    const packs = createRulePackSet([custom, lrsInclusionPack]);
    const listedOff = parsed(asOf, born('1950-06-01'), { patient: { listed: false } });
    const err = caught(() => evaluateInclusion(listedOff, { package: 'KOL', asOf, packs }));
    expect(issueCodes(err)).toEqual(['unresolved-message-param']);
    expect(err.message).toContain('kol.not-listed');
    // With a spirometry on record, the same pack works.
    const withSpirometry = parsed(asOf, born('1950-06-01'), spiro(0.8), { patient: { listed: false } });
    expect(evaluateInclusion(withSpirometry, { package: 'KOL', asOf, packs }).reasons[0]?.params).toEqual({ ratio: 0.8 });
  });

  it('need a version valid on asOf', () => {
    const err = caught(() => evaluateInclusion(parsed('2026-12-31', dx('R95')), { package: 'KOL', asOf: '2026-12-31' }));
    expect(err.code).toBe('INVALID_RULE_PACK');
    expect(issueCodes(err)).toEqual(['no-valid-version']);
    const onlyKol = createRulePackSet([kolInclusionPack]);
    expect(caught(() => evaluateInclusion(kolPatient(), { package: 'LRS', asOf, packs: onlyKol })).code).toBe('INVALID_RULE_PACK');
  });
});

describe('errors', () => {
  it('reject a malformed asOf, an unknown package and an unparsed record', () => {
    expect(caught(() => evaluateInclusion(kolPatient(), { package: 'KOL', asOf: '15-01-2027' })).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => evaluateInclusion(kolPatient(), { package: 'COPD' as never, asOf })).path).toEqual(['options', 'package']);
    const raw = { id: 'x', patient: { birthDate: '1950-01-01', sex: 'male', listed: true } };
    expect(caught(() => evaluateInclusion(raw as never, { package: 'KOL', asOf })).path).toEqual(['record']);
    expect(caught(() => evaluateInclusionForBoth(kolPatient(), null as never)).code).toBe('INVALID_ARGUMENT');
    const ctx = createFactContext(kolPatient(), '2027-02-30');
    expect(caught(() => evaluateInclusionInContext(ctx, { package: 'KOL' })).code).toBe('INVALID_ARGUMENT');
  });

  it('never carry a patient value (CPR, dates, codes) in any form', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-3]\d[01]\d\d\d-?\d{4}$/u),
        fc.constantFrom('asOf', 'package', 'both'),
        (cpr, where) => {
          const record = parsed(asOf, born('1950-06-01'), dx('R95'), spiro(0.62), flag('fever', 'present'), decision('KOL', 'declined'));
          const err = caught(() => {
            if (where === 'asOf') evaluateInclusion(record, { package: 'KOL', asOf: cpr });
            else if (where === 'package') evaluateInclusion(record, { package: cpr as never, asOf });
            else evaluateInclusionForBoth(record, { asOf: `${cpr}-01` });
          });
          for (const text of [err.message, String(err), JSON.stringify(err), err.stack ?? '']) {
            expect(text).not.toContain(cpr);
            expect(text).not.toContain('1950-06-01');
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
