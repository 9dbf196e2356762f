import { KronikerpakkerError } from '@kronikerpakker/core';
import type { QuestionnaireResponse } from '@kronikerpakker/core';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_DEFINITIONS } from './definitions/registry';
import { InvalidQuestionnaireError } from './errors';
import type { QuestionnaireIssue } from './errors';
import { findBand, safeScoreQuestionnaire, scoreQuestionnaire } from './score';
import type { QuestionnaireInput } from './score';

/** Answers `prefix1..prefixN` from a list of codes. */
function numbered(prefix: string, codes: readonly (number | null)[]): Record<string, number | null> {
  return Object.fromEntries(codes.map((c, i) => [`${prefix}${String(i + 1)}`, c]));
}

function issuesOf(input: unknown): readonly QuestionnaireIssue[] {
  const r = safeScoreQuestionnaire(input as QuestionnaireInput);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues;
}

/** STarT Back answers with `physical` of items 1-4 agreed and psychosocial items 5-8 agreed, and item 9's code. */
function startBack(physical: number, psychosocial58: number, q9: number): Record<string, number> {
  const a: Record<string, number> = {};
  for (let i = 1; i <= 4; i++) a[`q${String(i)}`] = i <= physical ? 1 : 0;
  for (let i = 5; i <= 8; i++) a[`q${String(i)}`] = i - 4 <= psychosocial58 ? 1 : 0;
  a['q9'] = q9;
  return a;
}

describe('CAT', () => {
  const cat = (codes: number[]): ReturnType<typeof scoreQuestionnaire> => scoreQuestionnaire({ instrument: 'CAT', answers: numbered('cat', codes) });

  it('sums 8 items 0-5 to 0-40', () => {
    expect(cat([0, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({ score: 0, minScore: 0, maxScore: 40, unit: 'points', band: { id: 'low' } });
    expect(cat([5, 5, 5, 5, 5, 5, 5, 5])).toMatchObject({ score: 40, band: { id: 'high' } });
  });

  it('is high from 10 (9 is low)', () => {
    const nine = cat([2, 2, 2, 1, 1, 1, 0, 0]);
    expect(nine.score).toBe(9);
    expect(nine.band?.id).toBe('low');
    const ten = cat([2, 2, 2, 1, 1, 1, 1, 0]);
    expect(ten.score).toBe(10);
    expect(ten.band).toEqual({ id: 'high', label: { da: 'Høj symptombyrde (CAT 10 eller derover)', en: 'High symptom burden (CAT 10 or more)' } });
    expect(ten.interpretation?.en).toMatch(/GOLD/);
  });

  it('returns the documented shape', () => {
    const r = cat([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r).toEqual({
      instrument: 'CAT',
      version: '1.0',
      score: 8,
      minScore: 0,
      maxScore: 40,
      unit: 'points',
      band: { id: 'low', label: INSTRUMENT_DEFINITIONS.CAT.bands[0]?.label },
      interpretation: INSTRUMENT_DEFINITIONS.CAT.bands[0]?.interpretation,
      missingItems: [],
      provisional: false,
    });
    expect('subscores' in r).toBe(false);
    expect('reported' in r).toBe(false);
  });

  it('allows no missing item', () => {
    expect(issuesOf({ instrument: 'CAT', answers: numbered('cat', [1, 1, 1, 1, 1, 1, 1, null]) })).toEqual([{ path: ['answers'], code: 'too-many-missing' }]);
    expect(issuesOf({ instrument: 'CAT', answers: numbered('cat', [1, 1, 1, 1, 1, 1, 1]) })).toEqual([{ path: ['answers'], code: 'too-many-missing' }]);
  });

  it('scores a record entry (core QuestionnaireResponse) as is', () => {
    const entry: QuestionnaireResponse = { date: '2027-01-15', instrument: 'CAT', version: '1.0', answers: numbered('cat', [3, 3, 3, 3, 0, 0, 0, 0]) };
    expect(scoreQuestionnaire(entry).score).toBe(12);
  });
});

describe('MRC', () => {
  it('is high from MRC 3 (= mMRC 2), low at MRC 2', () => {
    expect(scoreQuestionnaire({ instrument: 'MRC', answers: { mrc: 1 } })).toMatchObject({ score: 1, unit: 'grade', band: { id: 'low' } });
    expect(scoreQuestionnaire({ instrument: 'MRC', answers: { mrc: 2 } }).band?.id).toBe('low');
    expect(scoreQuestionnaire({ instrument: 'MRC', answers: { mrc: 3 } }).band?.id).toBe('high');
    expect(scoreQuestionnaire({ instrument: 'MRC', answers: { mrc: 5 } })).toMatchObject({ score: 5, minScore: 1, maxScore: 5 });
  });

  it('rejects mMRC 0 given as MRC', () => {
    expect(issuesOf({ instrument: 'MRC', answers: { mrc: 0 } })).toEqual([{ path: ['answers', 'mrc'], code: 'out-of-range' }]);
  });
});

describe('STarT Back', () => {
  const score = (answers: Record<string, number>): ReturnType<typeof scoreQuestionnaire> => scoreQuestionnaire({ instrument: 'STarT-Back', answers });

  it('scores item 9 codes 0-2 as 0 and 3-4 as 1 (Keele)', () => {
    for (const [code, points] of [[0, 0], [1, 0], [2, 0], [3, 1], [4, 1]] as const) {
      const r = score(startBack(0, 0, code));
      expect(r.score).toBe(points);
      expect(r.subscores).toEqual({ psychosocial: points });
    }
  });

  it('is low at total 3 and not low at 4', () => {
    const three = score(startBack(0, 3, 0));
    expect(three).toMatchObject({ score: 3, subscores: { psychosocial: 3 }, band: { id: 'low' }, provisional: true });
    const threeOnlyPhysical = score(startBack(3, 0, 2));
    expect(threeOnlyPhysical).toMatchObject({ score: 3, subscores: { psychosocial: 0 }, band: { id: 'low' } });
    expect(score(startBack(1, 3, 0))).toMatchObject({ score: 4, subscores: { psychosocial: 3 }, band: { id: 'medium' } });
  });

  it('is high only with subscore 4 or more (subscore 3 vs 4)', () => {
    expect(score(startBack(4, 3, 0))).toMatchObject({ score: 7, subscores: { psychosocial: 3 }, band: { id: 'medium' } });
    expect(score(startBack(0, 3, 3))).toMatchObject({ score: 4, subscores: { psychosocial: 4 }, band: { id: 'high' } });
    expect(score(startBack(0, 4, 0))).toMatchObject({ score: 4, subscores: { psychosocial: 4 }, band: { id: 'high' } });
    expect(score(startBack(4, 4, 4))).toMatchObject({ score: 9, subscores: { psychosocial: 5 }, band: { id: 'high' } });
    expect(score(startBack(4, 4, 4)).maxScore).toBe(9);
  });

  it('does not accept a dichotomised item 9 above 4', () => {
    expect(issuesOf({ instrument: 'STarT-Back', answers: startBack(0, 0, 5) })).toEqual([{ path: ['answers', 'q9'], code: 'out-of-range' }]);
    expect(issuesOf({ instrument: 'STarT-Back', answers: { ...startBack(0, 0, 0), q1: 2 } })).toEqual([
      { path: ['answers', 'q1'], code: 'out-of-range' },
    ]);
  });
});

describe('ODI', () => {
  const bandAt = (percent: number): string | undefined => findBand(INSTRUMENT_DEFINITIONS.ODI.bands, percent, {})?.id;

  /** Ten (or, with `missing`, nine) sections summing to `sum`. */
  function odi(sum: number, missing?: number): Record<string, number | null> {
    const a: Record<string, number | null> = {};
    let left = sum;
    for (let i = 1; i <= 10; i++) {
      if (i === missing) {
        a[`s${String(i)}`] = null;
        continue;
      }
      const v = Math.min(5, left);
      a[`s${String(i)}`] = v;
      left -= v;
    }
    if (left !== 0) throw new Error('sum too large');
    return a;
  }
  const score = (answers: Record<string, number | null>): ReturnType<typeof scoreQuestionnaire> => scoreQuestionnaire({ instrument: 'ODI', answers });

  it('bands percents half-open from above: 20 minimal, 20.5 and 21 moderate, ...', () => {
    expect(bandAt(0)).toBe('minimal');
    expect(bandAt(20)).toBe('minimal');
    expect(bandAt(20.5)).toBe('moderate');
    expect(bandAt(21)).toBe('moderate');
    expect(bandAt(40)).toBe('moderate');
    expect(bandAt(40.01)).toBe('severe');
    expect(bandAt(41)).toBe('severe');
    expect(bandAt(60)).toBe('severe');
    expect(bandAt(61)).toBe('crippled');
    expect(bandAt(80)).toBe('crippled');
    expect(bandAt(81)).toBe('bed-bound');
    expect(bandAt(100)).toBe('bed-bound');
  });

  it('scores all ten sections as sum / 50 x 100 at every boundary', () => {
    const cases: [number, number, string][] = [
      [10, 20, 'minimal'],
      [11, 22, 'moderate'],
      [20, 40, 'moderate'],
      [21, 42, 'severe'],
      [30, 60, 'severe'],
      [31, 62, 'crippled'],
      [40, 80, 'crippled'],
      [41, 82, 'bed-bound'],
      [50, 100, 'bed-bound'],
    ];
    for (const [sum, percent, band] of cases) {
      const r = score(odi(sum));
      expect(r.score, `sum ${String(sum)}`).toBe(percent);
      expect(r.band?.id, `sum ${String(sum)}`).toBe(band);
      expect(r).toMatchObject({ unit: 'percent', minScore: 0, maxScore: 100, missingItems: [] });
    }
  });

  it('with one missing section scores sum / 45 x 100, not rounded, at every boundary', () => {
    const cases: [number, string][] = [
      [9, 'minimal'], // 20 %
      [10, 'moderate'], // 22.2 %
      [18, 'moderate'], // 40 %
      [19, 'severe'], // 42.2 %
      [27, 'severe'], // 60 %
      [28, 'crippled'], // 62.2 %
      [36, 'crippled'], // 80 %
      [37, 'bed-bound'], // 82.2 %
    ];
    for (const [sum, band] of cases) {
      const r = score(odi(sum, 8));
      expect(r.score, `sum ${String(sum)}`).toBeCloseTo((sum / 45) * 100, 12);
      expect(r.band?.id, `sum ${String(sum)}`).toBe(band);
      expect(r.missingItems).toEqual(['s8']);
    }
    expect(score(odi(9, 8)).score).toBe(20);
    expect(score(odi(18, 1)).score).toBe(40);
  });

  it('rejects two missing sections with a coded error', () => {
    const a = odi(10, 8);
    a['s9'] = null;
    expect(issuesOf({ instrument: 'ODI', answers: a })).toEqual([{ path: ['answers'], code: 'too-many-missing' }]);
    const { s9: _, ...withoutKey } = odi(10, 8);
    expect(issuesOf({ instrument: 'ODI', answers: withoutKey })).toEqual([{ path: ['answers'], code: 'too-many-missing' }]);
  });

  it('uses version 2.1a', () => {
    expect(score(odi(0)).version).toBe('2.1a');
    expect(scoreQuestionnaire({ instrument: 'ODI', version: '2.1a', answers: odi(5) }).score).toBe(10);
    expect(issuesOf({ instrument: 'ODI', version: '1.0', answers: odi(5) })).toEqual([{ path: ['version'], code: 'unsupported-version' }]);
  });
});

describe('RMDQ, NRS, SILS', () => {
  it('RMDQ counts yes answers 0-24, no bands', () => {
    const all = (v: number): Record<string, number> => Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`r${String(i + 1)}`, v]));
    expect(scoreQuestionnaire({ instrument: 'RMDQ', answers: all(0) })).toMatchObject({ score: 0, maxScore: 24, band: null, interpretation: null });
    expect(scoreQuestionnaire({ instrument: 'RMDQ', answers: all(1) }).score).toBe(24);
    expect(scoreQuestionnaire({ instrument: 'RMDQ', answers: { ...all(0), r3: 1, r17: 1 } }).score).toBe(2);
    expect(issuesOf({ instrument: 'RMDQ', answers: { ...all(0), r3: 2 } })).toEqual([{ path: ['answers', 'r3'], code: 'out-of-range' }]);
  });

  it('NRS is the answer 0-10', () => {
    expect(scoreQuestionnaire({ instrument: 'NRS-pain', answers: { nrs: 0 } })).toMatchObject({ score: 0, band: null });
    expect(scoreQuestionnaire({ instrument: 'NRS-pain', answers: { nrs: 10 } })).toMatchObject({ score: 10, maxScore: 10 });
    expect(issuesOf({ instrument: 'NRS-pain', answers: { nrs: 11 } })).toEqual([{ path: ['answers', 'nrs'], code: 'out-of-range' }]);
    expect(issuesOf({ instrument: 'NRS-pain', answers: { nrs: -1 } })).toEqual([{ path: ['answers', 'nrs'], code: 'out-of-range' }]);
  });

  it('SILS is possibly limited from 3 (2 is not)', () => {
    expect(scoreQuestionnaire({ instrument: 'SILS', answers: { sils: 1 } }).band?.id).toBe('adequate');
    expect(scoreQuestionnaire({ instrument: 'SILS', answers: { sils: 2 } }).band?.id).toBe('adequate');
    expect(scoreQuestionnaire({ instrument: 'SILS', answers: { sils: 3 } }).band?.id).toBe('possibly-limited');
    expect(scoreQuestionnaire({ instrument: 'SILS', answers: { sils: 5 } }).band?.id).toBe('possibly-limited');
    expect(issuesOf({ instrument: 'SILS', answers: { sils: 0 } })).toEqual([{ path: ['answers', 'sils'], code: 'out-of-range' }]);
  });
});

describe('EQ-5D-5L (Danish value set, Jensen et al. 2021)', () => {
  const eq = (state: string, vas?: number): ReturnType<typeof scoreQuestionnaire> => {
    const [mo, sc, ua, pd, ad] = state.split('').map(Number);
    return scoreQuestionnaire({ instrument: 'EQ-5D-5L', answers: { mo, sc, ua, pd, ad, ...(vas === undefined ? {} : { vas }) } });
  };

  it('11111 is 1', () => {
    expect(eq('11111')).toMatchObject({ score: 1, maxScore: 1, unit: 'index', band: null, missingItems: ['vas'] });
  });

  it('55555 is 1 - (.220 + .209 + .174 + .537 + .618) = -0.758', () => {
    expect(eq('55555').score).toBe(-0.758);
    expect(eq('55555').minScore).toBe(-0.758);
  });

  it('hand-computed mixed states', () => {
    // 21345: mo 2 .041 + sc 1 0 + ua 3 .040 + pd 4 .381 + ad 5 .618 = 1.080
    expect(eq('21345').score).toBe(-0.08);
    // 12121: sc 2 .035 + pd 2 .048 = .083
    expect(eq('12121').score).toBe(0.917);
    // 33333: .054 + .050 + .040 + .094 + .191 = .429
    expect(eq('33333').score).toBe(0.571);
    // 44444: .157 + .144 + .139 + .381 + .430 = 1.251
    expect(eq('44444').score).toBe(-0.251);
  });

  it('reports EQ VAS beside the index, not in it', () => {
    const r = eq('21345', 72);
    expect(r.score).toBe(-0.08);
    expect(r.reported).toEqual({ vas: 72 });
    expect(r.missingItems).toEqual([]);
    expect(issuesOf({ instrument: 'EQ-5D-5L', answers: { mo: 1, sc: 1, ua: 1, pd: 1, ad: 1, vas: 101 } })).toEqual([
      { path: ['answers', 'vas'], code: 'out-of-range' },
    ]);
  });

  it('needs every dimension', () => {
    expect(issuesOf({ instrument: 'EQ-5D-5L', answers: { mo: 1, sc: 1, ua: 1, pd: 1, vas: 50 } })).toEqual([{ path: ['answers'], code: 'too-many-missing' }]);
  });
});

describe('validation', () => {
  it('reports unknown keys as answers.* with unknown-item, once', () => {
    expect(issuesOf({ instrument: 'NRS-pain', answers: { nrs: 3, foo: 1, bar: 2 } })).toEqual([{ path: ['answers', '*'], code: 'unknown-item' }]);
    const parsed: unknown = JSON.parse('{"instrument":"NRS-pain","answers":{"nrs":3,"__proto__":1}}');
    expect(issuesOf(parsed)).toEqual([{ path: ['answers', '*'], code: 'unknown-item' }]);
  });

  it('reports non-integers, wrong types and ranges at the item', () => {
    expect(issuesOf({ instrument: 'CAT', answers: { ...numbered('cat', [1, 1, 1, 1, 1, 1, 1, 1]), cat2: 1.5, cat3: '2', cat4: 6, cat5: Number.NaN, cat6: Infinity } })).toEqual([
      { path: ['answers', 'cat2'], code: 'not-integer' },
      { path: ['answers', 'cat3'], code: 'invalid-type' },
      { path: ['answers', 'cat4'], code: 'out-of-range' },
      { path: ['answers', 'cat5'], code: 'not-integer' },
      { path: ['answers', 'cat6'], code: 'not-integer' },
    ]);
  });

  it('collects every issue, counting invalid answers as given, not missing', () => {
    expect(issuesOf({ instrument: 'CAT', answers: { cat1: 7, zzz: 1 } })).toEqual([
      { path: ['answers', 'cat1'], code: 'out-of-range' },
      { path: ['answers', '*'], code: 'unknown-item' },
      { path: ['answers'], code: 'too-many-missing' },
    ]);
  });

  it('rejects unknown, unsupported and malformed instruments and inputs', () => {
    expect(issuesOf({ instrument: 'XYZ', answers: {} })).toEqual([{ path: ['instrument'], code: 'unknown-instrument' }]);
    expect(issuesOf({ instrument: 'FABQ', answers: {} })).toEqual([{ path: ['instrument'], code: 'unsupported-instrument' }]);
    expect(issuesOf({ instrument: 'OMPSQ-10', answers: {} })).toEqual([{ path: ['instrument'], code: 'unsupported-instrument' }]);
    expect(issuesOf({ answers: {} })).toEqual([{ path: ['instrument'], code: 'unknown-instrument' }]);
    expect(issuesOf({ instrument: 'CAT', version: 2, answers: {} })).toEqual([{ path: ['version'], code: 'unsupported-version' }]);
    expect(issuesOf({ instrument: 'CAT' })).toEqual([{ path: ['answers'], code: 'invalid-type' }]);
    expect(issuesOf({ instrument: 'CAT', answers: [1, 2] })).toEqual([{ path: ['answers'], code: 'invalid-type' }]);
    expect(issuesOf(null)).toEqual([{ path: [], code: 'invalid-type' }]);
    expect(issuesOf('CAT')).toEqual([{ path: [], code: 'invalid-type' }]);
  });

  it('throws an InvalidQuestionnaireError with code INVALID_ARGUMENT', () => {
    let caught: unknown;
    try {
      scoreQuestionnaire({ instrument: 'NRS-pain', answers: { nrs: 12 } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidQuestionnaireError);
    expect(KronikerpakkerError.is(caught)).toBe(true);
    const err = caught as InvalidQuestionnaireError;
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.name).toBe('InvalidQuestionnaireError');
    expect(err.path).toEqual(['answers', 'nrs']);
    expect(err.message).toBe('Invalid questionnaire response (1 issue): answers.nrs: out-of-range');
    expect(err.toJSON()).toEqual({
      name: 'InvalidQuestionnaireError',
      code: 'INVALID_ARGUMENT',
      path: ['answers', 'nrs'],
      message: err.message,
      issues: [{ path: ['answers', 'nrs'], code: 'out-of-range' }],
    });
    expect(Object.isFrozen(err.issues)).toBe(true);
  });

  it('safeScoreQuestionnaire returns the result or the error', () => {
    const ok = safeScoreQuestionnaire({ instrument: 'NRS-pain', answers: { nrs: 4 } });
    expect(ok.success && ok.result.score).toBe(4);
    const bad = safeScoreQuestionnaire({ instrument: 'NRS-pain', answers: {} });
    expect(bad.success).toBe(false);
  });

  it('accepts null and absent keys alike as unanswered', () => {
    const withNull = scoreQuestionnaire({ instrument: 'EQ-5D-5L', answers: { mo: 1, sc: 1, ua: 1, pd: 1, ad: 1, vas: null } });
    const absent = scoreQuestionnaire({ instrument: 'EQ-5D-5L', answers: { mo: 1, sc: 1, ua: 1, pd: 1, ad: 1 } });
    expect(withNull).toEqual(absent);
  });
});
