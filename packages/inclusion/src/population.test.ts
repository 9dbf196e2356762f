/**
 * Sanity over a generated clinic of 2,000 (seed 2027): plausible proportions,
 * not exact counts (the generator is calibrated loosely, see test-fixtures).
 */
import { describe, expect, it } from 'vitest';
import { ageInYears, computeFact, createFactContext, createRulePackSet, getValueSet, inValueSet, parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord, RedFlagCode } from '@kronikerpakker/core';
import { generateClinic } from '@kronikerpakker/test-fixtures';
import { evaluateInclusionForBoth } from './evaluate';
import { kolInclusionPack, lrsInclusionPack } from './packs';
import { ASOF, born, decision, dx, episode, flag, notListed, parsed } from './test-helpers';
import type { InclusionForBoth } from './types';

const asOf = '2027-01-15';
const KOL_SET = getValueSet('kol-diagnosis');
const LRS_SET = getValueSet('lrs-diagnosis');

interface Row {
  readonly record: PatientRecord;
  readonly result: InclusionForBoth;
  readonly adult30: boolean;
  readonly adult18: boolean;
  readonly kolCoded: boolean;
  readonly lrsCoded: boolean;
  readonly confirmed: boolean;
}

const rows: Row[] = generateClinic({ seed: 2027, size: 2000, asOf }).map((input) => {
  const record = parsePatientRecord(input, { asOf });
  const active = record.diagnoses.filter((d) => d.status === 'active');
  const age = ageInYears(record.patient.birthDate, asOf);
  const postBd = record.spirometry.filter((s) => s.postBronchodilator).map((s) => s.ratio);
  return {
    record,
    result: evaluateInclusionForBoth(record, { asOf }),
    adult30: age >= 30,
    adult18: age >= 18,
    kolCoded: active.some((d) => inValueSet(KOL_SET, d)),
    lrsCoded: active.some((d) => inValueSet(LRS_SET, d)),
    confirmed: postBd.length > 0 && Math.min(...postBd) < 0.7,
  };
});

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

describe('a generated clinic of 2,000 (seed 2027)', () => {
  it('finds most KOL-coded listed adults with confirming spirometry eligible, the rest excluded by a decision', () => {
    const confirmed = rows.filter((r) => r.kolCoded && r.confirmed && r.adult30 && r.record.patient.listed);
    expect(confirmed.length).toBeGreaterThan(20);
    const eligible = confirmed.filter((r) => r.result.KOL.status === 'eligible');
    expect(share(eligible.length, confirmed.length)).toBeGreaterThan(0.75);
    for (const r of confirmed.filter((x) => x.result.KOL.status !== 'eligible')) {
      expect(r.result.KOL.status).toBe('excluded');
      expect(r.result.KOL.reasons.map((x) => x.code)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^inclusion\.excluded\.(hospital|declined\.revisitable)$/u)]),
      );
    }
  });

  it('has plausible shares per status', () => {
    const kolEligible = rows.filter((r) => r.result.KOL.status === 'eligible').length;
    const lrsEligible = rows.filter((r) => r.result.LRS.status === 'eligible').length;
    // About 1.9 % of the list has KOL, about 5 % LRS; only some meet every criterion.
    expect(share(kolEligible, rows.length)).toBeGreaterThan(0.005);
    expect(share(kolEligible, rows.length)).toBeLessThan(0.04);
    expect(share(lrsEligible, rows.length)).toBeGreaterThan(0.01);
    expect(share(lrsEligible, rows.length)).toBeLessThan(0.08);
    // Missing spirometry (about 10 % of KOL patients) gives insufficient data, and only for KOL-coded patients.
    const kolAdults = rows.filter((r) => r.kolCoded && r.adult30 && r.record.patient.listed);
    const insufficient = rows.filter((r) => r.result.KOL.status === 'insufficient-data');
    expect(insufficient.every((r) => r.kolCoded && !r.confirmed)).toBe(true);
    expect(share(insufficient.length, kolAdults.length)).toBeLessThan(0.25);
    // The LRS persistence criterion keeps out a share of the coded adults (acute courses are about 30 %).
    const lrsAdults = rows.filter((r) => r.lrsCoded && r.adult18 && r.record.patient.listed);
    const lrsAdultsEligible = lrsAdults.filter((r) => r.result.LRS.status === 'eligible').length;
    expect(share(lrsAdultsEligible, lrsAdults.length)).toBeGreaterThan(0.3);
    expect(share(lrsAdultsEligible, lrsAdults.length)).toBeLessThan(0.9);
  });

  it('never finds a patient eligible without the diagnosis, or a patient off the list anything but excluded', () => {
    for (const r of rows) {
      if (!r.kolCoded) expect(r.result.KOL.status).not.toBe('eligible');
      if (!r.lrsCoded) expect(r.result.LRS.status).not.toBe('eligible');
      if (!r.record.patient.listed) {
        expect(r.result.KOL.status).toBe('excluded');
        expect(r.result.LRS.status).toBe('excluded');
      }
    }
  });

  // Issue 12 finding 4 (lrs-inclusion 0.2.0): urgent warning signs exclude with an urgent action; a risk
  // factor alone never. Most signs the generator records present are risk factors (previous cancer, night
  // pain, osteoporosis ...), so a clinic of 2,000 may hold no urgent sign at all: hand-built patients add them.
  it('turns urgent warning signs into urgent actions listed first, and a single risk factor into none', () => {
    const openFlags = (r: PatientRecord) => computeFact(createFactContext(r, asOf), 'openRedFlags') as readonly RedFlagCode[];
    expect(rows.some((r) => openFlags(r.record).length > 0)).toBe(true);
    const urgentReason = (x: InclusionForBoth) => x.LRS.reasons.some((reason) => reason.code === 'inclusion.lrs.red-flag');
    for (const r of rows.filter((x) => urgentReason(x.result))) {
      expect(r.result.LRS.status).toBe('excluded');
      expect(r.result.LRS.reasons[0]?.urgent).toBe(true);
    }
    const RISK_FACTORS: readonly RedFlagCode[] = ['high-age', 'osteoporosis', 'long-term-steroids', 'previous-cancer', 'constant-or-night-pain', 'unexplained-weight-loss', 'fever', 'immunosuppression', 'iv-drug-use', 'neurological-deficit'];
    for (const r of rows) {
      const open = openFlags(r.record);
      if (open.length === 1 && RISK_FACTORS.includes(open[0]!)) expect(urgentReason(r.result)).toBe(false);
    }
    const URGENT: readonly (readonly RedFlagCode[])[] = [['saddle-anaesthesia'], ['trauma'], ['progressive-neurological-deficit'], ['fever', 'immunosuppression']];
    for (const flags of URGENT) {
      const result = evaluateInclusionForBoth(parsed(ASOF, born('1970-01-01'), dx('L03'), episode('2026-09-01'), ...flags.map((f) => flag(f, 'present'))), { asOf: ASOF });
      expect(result.LRS.status).toBe('excluded');
      expect(result.LRS.reasons[0]).toMatchObject({ code: 'inclusion.lrs.red-flag', urgent: true });
    }
  });

  it('decides the edge-case patients as their kind says', () => {
    const byKind = (kind: string) => rows.filter((r) => r.record.id.endsWith(`-edge-${kind}`));
    for (const r of byKind('ratio-070')) expect(r.result.KOL.criteria.find((c) => c.id === 'spirometry-confirms')?.result).not.toBe('unknown');
    for (const r of byKind('ratio-069')) expect(r.result.KOL.criteria.find((c) => c.id === 'spirometry-confirms')?.result).toBe('true');
    for (const r of byKind('age-30-on-asof')) expect(r.result.KOL.criteria.find((c) => c.id === 'age')?.result).toBe('true');
    for (const r of byKind('age-18-on-asof')) expect(r.result.LRS.criteria.find((c) => c.id === 'age')?.result).toBe('true');
    const twelve = byKind('backpain-12w');
    const almost = byKind('backpain-12w-minus-1d');
    expect(twelve.length).toBeGreaterThan(0);
    expect(almost.length).toBeGreaterThan(0);
    for (const r of twelve) expect(r.result.LRS.criteria.find((c) => c.id === 'persistence')?.result).toBe('true');
    for (const r of almost) expect(r.result.LRS.criteria.find((c) => c.id === 'persistence')?.result).toBe('false');
  });
});

describe('decisions shared between patients with the same rule truths', () => {
  it('give every patient of the clinic the same result as evaluating in the opposite order with fresh packs', () => {
    // A fresh set loads the packs again (new pack objects, so an empty decision cache), and the reverse order
    // makes other patients the first of each truth combination: a decision that carried one patient's data
    // to another would show here.
    const fresh = createRulePackSet([kolInclusionPack, lrsInclusionPack]);
    const again = [...rows].reverse().map((r) => evaluateInclusionForBoth(r.record, { asOf, packs: fresh })).reverse();
    expect(again.map((x) => JSON.stringify(x))).toEqual(rows.map((r) => JSON.stringify(r.result)));
  });

  it('keep patient-specific reasons to their patient (a decline names its own date)', () => {
    const early = evaluateInclusionForBoth(parsed(ASOF, born('1950-01-01'), dx('R95'), decision('KOL', 'declined', '2026-01-10')), { asOf: ASOF });
    const late = evaluateInclusionForBoth(parsed(ASOF, born('1950-01-01'), dx('R95'), decision('KOL', 'declined', '2026-08-20')), { asOf: ASOF });
    expect(early.KOL.status).toBe('excluded');
    expect(late.KOL.status).toBe('excluded');
    const dateOf = (x: typeof early) => x.KOL.reasons.find((r) => r.code === 'inclusion.excluded.declined.revisitable')?.params['date'];
    expect(dateOf(early)).toBe('2026-01-10');
    expect(dateOf(late)).toBe('2026-08-20');
  });

  it('are the same objects for the same truths, and frozen', () => {
    const a = evaluateInclusionForBoth(parsed(ASOF, born('1950-01-01'), notListed), { asOf: ASOF });
    const b = evaluateInclusionForBoth(parsed(ASOF, born('1960-05-05'), notListed), { asOf: ASOF });
    expect(b.LRS.reasons).toBe(a.LRS.reasons);
    expect(Object.isFrozen(a.LRS.reasons)).toBe(true);
    expect(a.LRS.reasons.map((r) => r.code)).toContain('inclusion.excluded.not-listed');
  });
});
