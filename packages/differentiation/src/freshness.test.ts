/**
 * Issue 12, findings 6 (freshness) and 9 (count each condition once), as
 * clinical tables: each case is a record, the evaluation date, the expected
 * level range and the source. Differentiation packs 0.2.0.
 *
 * Finding 6: the level rests on current data only. Sources: DSAM KOL
 * (årsstatus: dyspnoea grade (MRC) and CAT every year); GOLD 2023 (the ABE
 * group is assessed on current symptoms); spec/needs-assessment.md
 * ("Re-assessment: due at each årsstatus"); the packs' change notes (0.2.0):
 * MRC/CAT and the needs assessment count for 12 calendar months, STarT Back
 * and ODI for 6 (the intervals of lrs.start-back.missing and lrs.pro.due).
 * Older values count as missing: the level becomes "at least".
 *
 * Finding 9: depression and anxiety count as the mental-health factor only,
 * not also towards multimorbidity ("two or more OTHER chronic conditions",
 * spec/needs-assessment.md; issue 12 finding 9: count each condition once).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord, PatientRecordInput } from '@kronikerpakker/core';
import { kolDifferentiationPack, lrsDifferentiationPack, suggestLevel } from './index';
import type { LevelSuggestion } from './index';
import { asOf as stateAsOf, cleanNeeds, decided, dx, odi, sils, startBack, stateArb, summary, toInput } from './test-helpers';
import type { Expected } from './test-helpers';

type Input = Omit<PatientRecordInput, 'id' | 'patient'>;

/** The evaluation date of the tables (12 months back is 2026-03-01, 6 months back 2026-09-01). */
const AS_OF = '2027-03-01';

function parseOn(input: Input, on: string): PatientRecord {
  return parsePatientRecord({ id: 'syn-fresh', synthetic: true, patient: { birthDate: '1955-04-02', sex: 'female', listed: true }, ...input }, { asOf: on });
}

const level = (pkg: 'KOL' | 'LRS', input: Input, on = AS_OF): LevelSuggestion => suggestLevel(parseOn(input, on), { package: pkg, asOf: on });

/** A recent needs assessment, all items recorded and none present. */
const needs = (pkg: 'KOL' | 'LRS', date = '2027-01-10'): NonNullable<Input['needsAssessments']>[number] => cleanNeeds(pkg, { date });

/**
 * KOL: post-bronchodilator ratio 0.62, FEV1 65 % predicted (GOLD 2), no
 * exacerbations; MRC and CAT dated `symptomsDate`; a recent needs assessment and SILS.
 */
const kolWith = (symptomsDate: string, mrc = 4, cat = 25, extra: Partial<Input> = {}): Input => ({
  diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-03-01' }],
  spirometry: [{ date: '2026-06-01', ratio: 0.62, fev1PercentPredicted: 65, postBronchodilator: true }],
  mrc: [{ date: symptomsDate, grade: mrc }],
  cat: [{ date: symptomsDate, total: cat }],
  needsAssessments: [needs('KOL')],
  questionnaires: [sils(1, '2027-01-10')],
  ...extra,
});

/** LRS: L03, an episode since 2026-06-01, a recent needs assessment, SILS, ODI 20 %; STarT Back given. */
const lrsWith = (questionnaires: NonNullable<Input['questionnaires']>, extra: Partial<Input> = {}): Input => ({
  diagnoses: [{ system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-06-10' }],
  backPainEpisodes: [{ onsetDate: '2026-06-01' }],
  needsAssessments: [needs('LRS')],
  questionnaires: [sils(1, '2027-01-10'), ...questionnaires],
  ...extra,
});

const undetermined = (min: number, max: number, severity: string, factors: number, drivers: string[], missing: string[]): Expected => ({
  level: min,
  min,
  max,
  determined: false,
  severity,
  factors,
  drivers,
  missing,
});

interface Case {
  readonly name: string;
  readonly pkg: 'KOL' | 'LRS';
  readonly input: Input;
  readonly expected: Expected;
}

// Hand-checked from the sources above, not from the code.
const FRESHNESS: readonly Case[] = [
  // --- KOL: MRC/CAT of the last 12 months (GOLD 2023; DSAM årsstatus).
  {
    name: 'KOL, CAT 25 and MRC 4 from 2021-01-01 (six years old): not group B; the group is unknown, at least level 1 (finding 6; GOLD 2023 current symptoms)',
    pkg: 'KOL',
    input: kolWith('2021-01-01'),
    expected: undetermined(1, 2, 'unknown', 0, [], ['mrc']),
  },
  {
    name: 'KOL, the same CAT 25 and MRC 4 from 2026-06-01 (9 months): group B, level 2 (GOLD 2023; DSAM årsstatus)',
    pkg: 'KOL',
    input: kolWith('2026-06-01'),
    expected: decided(2, 'moderate', 0, ['gold-group-b']),
  },
  {
    name: 'KOL, CAT 25 and MRC 4 exactly 12 months old (2026-03-01): still current, group B (finding 6 boundary; pack change note 0.2.0)',
    pkg: 'KOL',
    input: kolWith('2026-03-01'),
    expected: decided(2, 'moderate', 0, ['gold-group-b']),
  },
  {
    name: 'KOL, CAT 25 and MRC 4 12 months and 1 day old (2026-02-28): missing, not group B (finding 6 boundary)',
    pkg: 'KOL',
    input: kolWith('2026-02-28'),
    expected: undetermined(1, 2, 'unknown', 0, [], ['mrc']),
  },
  {
    name: 'KOL, an old CAT 25 and a current MRC 2: group A on the current score alone, level 1 (GOLD 2023 current symptoms)',
    pkg: 'KOL',
    input: kolWith('2026-06-01', 2, 25, { cat: [{ date: '2025-01-01', total: 25 }] }),
    expected: decided(1, 'low', 0, []),
  },
  {
    name: 'KOL, old scores do not hide group E: 1 admitted exacerbation in 12 months, level 3 (GOLD 2023 ABE)',
    pkg: 'KOL',
    input: kolWith('2021-01-01', 4, 25, { exacerbations: [{ date: '2026-11-01', severity: 'hospitalised' }] }),
    expected: decided(3, 'high', 0, ['gold-group-e']),
  },

  // --- LRS: STarT Back and ODI of the last 6 months (care pack intervals; Hill et al. 2011).
  {
    name: 'LRS, STarT Back high (7 points, psychosocial 4) 7 months old: not severity high; start-back missing (finding 6; pack change note 0.2.0)',
    pkg: 'LRS',
    input: lrsWith([startBack(7, 4, '2026-08-01'), odi(10, '2027-01-10')]),
    expected: undetermined(1, 3, 'unknown', 0, [], ['start-back']),
  },
  {
    name: 'LRS, STarT Back high 5 months old: severity high, level 3 (STarT Back; Hill et al. 2011)',
    pkg: 'LRS',
    input: lrsWith([startBack(7, 4, '2026-10-01'), odi(10, '2027-01-10')]),
    expected: decided(3, 'high', 0, ['start-back-high']),
  },
  {
    name: 'LRS, STarT Back high exactly 6 months old (2026-09-01): still current, level 3 (finding 6 boundary)',
    pkg: 'LRS',
    input: lrsWith([startBack(7, 4, '2026-09-01'), odi(10, '2027-01-10')]),
    expected: decided(3, 'high', 0, ['start-back-high']),
  },
  {
    name: 'LRS, STarT Back high 6 months and 1 day old (2026-08-31): missing (finding 6 boundary)',
    pkg: 'LRS',
    input: lrsWith([startBack(7, 4, '2026-08-31'), odi(10, '2027-01-10')]),
    expected: undetermined(1, 3, 'unknown', 0, [], ['start-back']),
  },
  {
    name: 'LRS, STarT Back low now and ODI 50 % 7 months old: the ODI is missing, at least 1, at most 2 (finding 6; pack change note 0.2.0)',
    pkg: 'LRS',
    input: lrsWith([startBack(2, 1, '2027-01-10'), odi(25, '2026-08-01')]),
    expected: undetermined(1, 2, 'unknown', 0, [], ['odi']),
  },
  {
    name: 'LRS, STarT Back low and ODI 50 % both current: ODI above 40 % raises low to moderate, level 2 (spec/needs-assessment.md)',
    pkg: 'LRS',
    input: lrsWith([startBack(2, 1, '2027-01-10'), odi(25, '2026-12-01')]),
    expected: decided(2, 'moderate', 0, ['odi-severe']),
  },

  // --- Needs assessment of the last 12 months (spec/needs-assessment.md: re-assessed at each årsstatus).
  {
    name: 'KOL, needs assessment 13 months old (2026-02-01): counts as missing, the level is "at least 1" (finding 6; spec/needs-assessment.md)',
    pkg: 'KOL',
    input: kolWith('2026-06-01', 2, 5, { needsAssessments: [needs('KOL', '2026-02-01')] }),
    expected: undetermined(1, 3, 'low', 0, [], ['needs-assessment']),
  },
  {
    name: 'KOL, needs assessment 11 months old (2026-04-01): current, level 1 determined (spec/needs-assessment.md)',
    pkg: 'KOL',
    input: kolWith('2026-06-01', 2, 5, { needsAssessments: [needs('KOL', '2026-04-01')] }),
    expected: decided(1, 'low', 0, []),
  },
  {
    name: 'KOL, poor self-management recorded 13 months ago no longer counts as 2 factors: at least 1 (finding 6)',
    pkg: 'KOL',
    input: kolWith('2026-06-01', 2, 5, { needsAssessments: [cleanNeeds('KOL', { date: '2026-02-01', selfManagement: 'poor' })] }),
    expected: undetermined(1, 3, 'low', 0, [], ['needs-assessment']),
  },
  {
    name: 'KOL, poor self-management recorded 11 months ago: 2 factors, level 2 (spec/needs-assessment.md)',
    pkg: 'KOL',
    input: kolWith('2026-06-01', 2, 5, { needsAssessments: [cleanNeeds('KOL', { date: '2026-04-01', selfManagement: 'poor' })] }),
    expected: decided(2, 'low', 2, ['self-management']),
  },
  {
    name: 'LRS, needs assessment 13 months old: missing (finding 6; spec/needs-assessment.md)',
    pkg: 'LRS',
    input: lrsWith([startBack(2, 1, '2027-01-10'), odi(10, '2027-01-10')], { needsAssessments: [needs('LRS', '2026-02-01')] }),
    expected: undetermined(1, 3, 'low', 0, [], ['needs-assessment']),
  },
  {
    name: 'LRS, needs assessment 11 months old: current, level 1 determined (spec/needs-assessment.md)',
    pkg: 'LRS',
    input: lrsWith([startBack(2, 1, '2027-01-10'), odi(10, '2027-01-10')], { needsAssessments: [needs('LRS', '2026-04-01')] }),
    expected: decided(1, 'low', 0, []),
  },
];

describe('issue 12 finding 6: the level rests on current data (asOf 2027-03-01)', () => {
  it.each(FRESHNESS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(summary(level(c.pkg, c.input))).toEqual(c.expected);
  });

  it('the old MRC/CAT leave the GOLD group unknown, not A: the missing-data text asks for the dyspnoea grade', () => {
    const s = level('KOL', kolWith('2021-01-01'));
    expect(s.minimumLevel).toBe(1);
    expect(s.rules.find((r) => r.name === 'kol.severity.gold-group-b')?.result).toBe('unknown');
    expect(s.missing[0]?.code).toBe('mrc');
  });

  it('the packs record the change in their change log (0.2.0)', () => {
    for (const pack of [kolDifferentiationPack, lrsDifferentiationPack]) {
      expect(pack.version).toBe('0.2.0');
      const note = pack.changes?.find((c) => c.version === '0.2.0')?.note ?? '';
      expect(note).toMatch(/12 months/u);
      expect(note).toMatch(/mental-health/u);
    }
  });
});

// --- Finding 9: count each condition once.
const kolCurrent = (diagnoses: string[]): Input =>
  kolWith('2026-06-01', 2, 5, {
    diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-03-01' }, ...diagnoses.map((c) => (c.includes('.') ? dx(c, 'ICD-10') : dx(c)))],
  });

const COUNT_ONCE: readonly Case[] = [
  {
    name: 'depression (P76) and one other chronic condition (T90): mental health only, no multimorbidity; 1 factor, level 2 (issue 12 finding 9)',
    pkg: 'KOL',
    input: kolCurrent(['P76', 'T90']),
    expected: decided(2, 'low', 1, ['mental-health']),
  },
  {
    name: 'depression (ICD-10 F32.1) and T90: the same in ICD-10 (issue 12 finding 9)',
    pkg: 'KOL',
    input: kolCurrent(['F32.1', 'T90']),
    expected: decided(2, 'low', 1, ['mental-health']),
  },
  {
    name: 'depression, anxiety (P74) and T90: mental health once; T90 alone is no multimorbidity (issue 12 finding 9)',
    pkg: 'KOL',
    input: kolCurrent(['P76', 'P74', 'T90']),
    expected: decided(2, 'low', 1, ['mental-health']),
  },
  {
    name: 'depression, anxiety, T90 and K77: multimorbidity (T90, K77) and mental health once; 2 factors, level 2 (issue 12 finding 9)',
    pkg: 'KOL',
    input: kolCurrent(['P76', 'P74', 'T90', 'K77']),
    expected: decided(2, 'low', 2, ['multimorbidity', 'mental-health']),
  },
  {
    name: 'LRS, depression and T90: mental health only (issue 12 finding 9)',
    pkg: 'LRS',
    input: lrsWith([startBack(2, 1, '2027-01-10'), odi(10, '2027-01-10')], {
      diagnoses: [{ system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-06-10' }, dx('P76'), dx('T90')],
    }),
    expected: decided(2, 'low', 1, ['mental-health']),
  },
];

describe('issue 12 finding 9: count each condition once', () => {
  it.each(COUNT_ONCE.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(summary(level(c.pkg, c.input))).toEqual(c.expected);
  });

  it('the multimorbidity driver counts the other chronic conditions only (T90, K77: 2), mental health appears once', () => {
    const s = level('KOL', kolCurrent(['P76', 'P74', 'T90', 'K77']));
    const multimorbidity = s.drivers.find((d) => d.factor === 'multimorbidity');
    expect(multimorbidity?.value).toBe(2);
    expect(multimorbidity?.text.en).toBe('Multimorbidity: 2 other chronic conditions on the problem list.');
    expect(s.drivers.filter((d) => d.factor === 'mental-health')).toHaveLength(1);
  });
});

// --- Properties (on the generated states of test-helpers, asOf 2027-01-15).
type StateInput = ReturnType<typeof toInput>;
const stateLevel = (s: Parameters<typeof toInput>[0], change: (i: StateInput) => StateInput = (i) => i): LevelSuggestion =>
  suggestLevel(parseOn(change(toInput(s)), stateAsOf), { package: s.pkg, asOf: stateAsOf });

/** Which dated items to move out of their window (12 months for MRC/CAT and the needs assessment, 6 for STarT Back and ODI). */
const ageArb = fc.record({ mrc: fc.boolean(), cat: fc.boolean(), needs: fc.boolean(), startBack: fc.boolean(), odi: fc.boolean() });
type Age = typeof ageArb extends fc.Arbitrary<infer T> ? T : never;

/** 2025-12-01 is more than 12 months before 2027-01-15; 2026-06-01 more than 6. */
function age(a: Age): (i: StateInput) => StateInput {
  const OLD_12 = '2025-12-01';
  const OLD_6 = '2026-06-01';
  return (i) => ({
    ...i,
    mrc: a.mrc ? (i.mrc ?? []).map((m) => ({ ...m, date: OLD_12 })) : i.mrc,
    cat: a.cat ? (i.cat ?? []).map((m) => ({ ...m, date: OLD_12 })) : i.cat,
    needsAssessments: a.needs ? (i.needsAssessments ?? []).map((n) => ({ ...n, date: OLD_12 })) : i.needsAssessments,
    questionnaires: (i.questionnaires ?? []).map((q) =>
      (q.instrument === 'STarT-Back' && a.startBack) || (q.instrument === 'ODI' && a.odi) ? { ...q, date: OLD_6 } : q,
    ),
  });
}

describe('freshness properties (issue 12 finding 6)', () => {
  it('adding a current CAT of 10 or more never lowers the level (GOLD 2023: CAT >= 10 is group B)', () => {
    fc.assert(
      fc.property(stateArb, fc.integer({ min: 10, max: 40 }), (s, total) => {
        const before = stateLevel(s);
        const after = stateLevel(s, (i) => ({ ...i, cat: [...(i.cat ?? []), { date: '2027-01-10', total }] }));
        expect(after.suggestedLevel).toBeGreaterThanOrEqual(before.suggestedLevel);
        expect(after.minimumLevel).toBeGreaterThanOrEqual(before.minimumLevel);
        // KOL: group B (or E) is known now, so the level is at least 2 (severity may still be unknown, e.g. GOLD 4 unknown).
        if (s.pkg === 'KOL') expect(after.minimumLevel).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('making scores older than their window never raises the minimum level, and the current level stays possible', () => {
    fc.assert(
      fc.property(stateArb, ageArb, (s, a) => {
        const current = stateLevel(s);
        const aged = stateLevel(s, age(a));
        expect(aged.minimumLevel).toBeLessThanOrEqual(current.minimumLevel);
        expect(aged.maximumLevel).toBeGreaterThanOrEqual(current.suggestedLevel);
      }),
      { numRuns: 300 },
    );
  });
});
