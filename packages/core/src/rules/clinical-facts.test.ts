import { describe, expect, it } from 'vitest';
import { computeFact, createFactContext } from './facts';
import { record } from './test-helpers';

const asOf = '2027-01-15';
const fact = (input: Parameters<typeof record>[0], name: string, params?: Record<string, unknown>) =>
  computeFact(createFactContext(record(input), asOf), name, params);

const spiro = (ratio: number, pp?: number) => ({
  date: '2026-05-01',
  ratio,
  postBronchodilator: true,
  ...(pp === undefined ? {} : { fev1PercentPredicted: pp }),
});

describe('GOLD grade (half-open bounds)', () => {
  it.each([
    [85, 1],
    [80, 1],
    [79.9, 2],
    [50, 2],
    [49.9, 3],
    [30, 3],
    [29.9, 4],
  ])('FEV1 %% predicted %d gives grade %d', (pp, grade) => {
    expect(fact({ spirometry: [spiro(0.6, pp)] }, 'goldGrade')).toBe(grade);
  });

  it('is unknown without shown obstruction or without FEV1 % predicted', () => {
    expect(fact({ spirometry: [spiro(0.7, 40)] }, 'goldGrade')).toBeUndefined();
    expect(fact({ spirometry: [spiro(0.6)] }, 'goldGrade')).toBeUndefined();
    expect(fact({}, 'goldGrade')).toBeUndefined();
  });
});

describe('GOLD ABE group', () => {
  const exac = (date: string, severity: 'moderate' | 'hospitalised') => ({ date, severity });

  it('is E with two moderate exacerbations in 12 months, or one leading to admission', () => {
    expect(fact({ exacerbations: [exac('2026-03-01', 'moderate'), exac('2026-09-01', 'moderate')], mrc: [{ date: '2026-01-01', grade: 1 }] }, 'goldGroup')).toBe('E');
    expect(fact({ exacerbations: [exac('2026-03-01', 'hospitalised')] }, 'goldGroup')).toBe('E');
    expect(fact({ admissions: [{ date: '2026-03-01', cause: 'KOL' }] }, 'goldGroup')).toBe('E');
  });

  it('counts the 12 months as calendar months, both ends inclusive', () => {
    const twoModerate = (first: string) => ({
      exacerbations: [exac(first, 'moderate'), exac('2026-09-01', 'moderate')],
      mrc: [{ date: '2026-01-01', grade: 1 }],
    });
    expect(fact(twoModerate('2026-01-15'), 'goldGroup')).toBe('E');
    expect(fact(twoModerate('2026-01-14'), 'goldGroup')).toBe('A');
  });

  it('does not count one moderate exacerbation or an admission for another cause', () => {
    expect(fact({ exacerbations: [exac('2026-03-01', 'moderate')], admissions: [{ date: '2026-04-01', cause: 'other' }], mrc: [{ date: '2026-01-01', grade: 2 }] }, 'goldGroup')).toBe('A');
  });

  it('counts a hospitalised exacerbation and its admission on the same day once', () => {
    expect(fact({ exacerbations: [exac('2026-03-01', 'hospitalised')], admissions: [{ date: '2026-03-01', cause: 'KOL' }] }, 'hospitalisedExacerbationsInLastMonths', { months: 12 })).toBe(1);
  });

  it('pins the MRC trap: Danish MRC 3 (mMRC 2) is B, MRC 2 (mMRC 1) is A', () => {
    expect(fact({ mrc: [{ date: '2026-06-01', grade: 3 }] }, 'goldGroup')).toBe('B');
    expect(fact({ mrc: [{ date: '2026-06-01', grade: 2 }] }, 'goldGroup')).toBe('A');
  });

  it('is B when either MRC or CAT is high (CAT 10), A when the known ones are low', () => {
    expect(fact({ mrc: [{ date: '2026-06-01', grade: 1 }], cat: [{ date: '2026-06-01', total: 10 }] }, 'goldGroup')).toBe('B');
    expect(fact({ mrc: [{ date: '2026-06-01', grade: 1 }], cat: [{ date: '2026-06-01', total: 9 }] }, 'goldGroup')).toBe('A');
    expect(fact({ cat: [{ date: '2026-06-01', total: 9 }] }, 'goldGroup')).toBe('A');
  });

  it('is unknown without MRC and CAT unless exacerbations make it E', () => {
    expect(fact({}, 'goldGroup')).toBeUndefined();
  });

  it('takes CAT from a complete CAT questionnaire when it is the latest', () => {
    const answers = { cat1: 2, cat2: 2, cat3: 1, cat4: 1, cat5: 1, cat6: 1, cat7: 1, cat8: 1 };
    expect(fact({ cat: [{ date: '2026-01-01', total: 20 }], questionnaires: [{ date: '2026-06-01', instrument: 'CAT', version: '1.0', answers }] }, 'latestCat')).toBe(10);
    expect(fact({ questionnaires: [{ date: '2026-06-01', instrument: 'CAT', version: '1.0', answers: { ...answers, cat8: null } }] }, 'latestCat')).toBeUndefined();
  });
});
