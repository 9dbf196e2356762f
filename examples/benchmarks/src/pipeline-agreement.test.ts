import { parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord } from '@kronikerpakker/core';
import { generateRecords } from '@kronikerpakker/test-fixtures';
import { describe, expect, it } from 'vitest';
import { HandPipeline, sdkPipeline } from './pipeline-hand-written';
import type { HandPackageResult, SdkPipelineResult } from './pipeline-hand-written';
import { createPipelineJreRunner } from './pipeline-jre';

// The pipeline benchmark compares three implementations of one logic; this keeps them one logic.
const asOf = '2027-01-15';

function parse(input: Record<string, unknown>): PatientRecord {
  return parsePatientRecord({ synthetic: true, ...input }, { asOf });
}

const kolDiagnosis = { system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-01-01' };
const lrsDiagnosis = { system: 'ICPC-2', code: 'L03', status: 'active', recordedDate: '2026-01-01' };
const patient = { birthDate: '1950-03-01', sex: 'female', listed: true };

/** Hand-built records for what the generator rarely or never gives. */
const edgeRecords: PatientRecord[] = [
  // LRS without any episode recorded: insufficient data for inclusion, in the package for care.
  parse({ id: 'edge-lrs-no-episode', patient, diagnoses: [lrsDiagnosis] }),
  // An open red flag without an LRS diagnosis: an urgent item outside the package.
  parse({ id: 'edge-red-flag', patient, redFlags: [{ date: '2026-12-01', flag: 'saddle-anaesthesia', status: 'present' }] }),
  // KOL, clinician decided level 1 on 2026-03-01; GOLD E since (an admission) -> severity changed, re-assessment due.
  parse({
    id: 'edge-kol-reassess',
    patient,
    diagnoses: [kolDiagnosis],
    spirometry: [{ date: '2025-05-01', ratio: 0.6, fev1PercentPredicted: 60, postBronchodilator: true }],
    mrc: [{ date: '2026-02-01', grade: 2 }],
    exacerbations: [{ date: '2026-10-01', severity: 'hospitalised' }],
    encounters: [{ date: '2026-02-20', type: 'aarsstatus', package: 'KOL' }],
    levelDecisions: [{ date: '2026-03-01', package: 'KOL', level: 1, reason: 'Synthetic decision' }],
    smoking: [{ date: '2026-02-20', status: 'current' }],
  }),
  // KOL level 3 by the clinician: follow-up every 3 months, overdue; årsstatus due within 30 days.
  parse({
    id: 'edge-kol-follow-up',
    patient,
    diagnoses: [kolDiagnosis],
    spirometry: [{ date: '2026-02-01', ratio: 0.55, fev1PercentPredicted: 25, postBronchodilator: true }],
    encounters: [{ date: '2026-02-10', type: 'aarsstatus' }],
    levelDecisions: [{ date: '2026-02-10', package: 'KOL', level: 3, reason: 'Synthetic decision' }],
    vaccinations: [{ date: '2026-10-15', vaccine: 'influenza' }],
  }),
  // Out of both packages: deceased; data-quality items only.
  parse({
    id: 'edge-deceased',
    patient: { ...patient, deceasedDate: '2026-12-24' },
    diagnoses: [kolDiagnosis, lrsDiagnosis],
    bodyMeasurements: [{ date: '2026-05-01', bmi: 80 }],
  }),
];

const records: PatientRecord[] = [];
for (const input of generateRecords({ seed: 99, size: 3000, asOf })) records.push(parsePatientRecord(input, { asOf }));
records.push(...edgeRecords);

/** The SDK's decisions for one package, in the shape of the baseline's. */
function sdkView(sdk: SdkPipelineResult, pkg: 'KOL' | 'LRS'): HandPackageResult {
  const inclusion = pkg === 'KOL' ? sdk.kolInclusion : sdk.lrsInclusion;
  const level = pkg === 'KOL' ? sdk.kolLevel : sdk.lrsLevel;
  const care = pkg === 'KOL' ? sdk.kolCare : sdk.lrsCare;
  return {
    status: inclusion.status,
    suggestedLevel: level.suggestedLevel,
    levelInForce: level.contactPlan.level,
    inPackage: care.inPackage,
    items: care.items.map((i) => ({ code: i.code, priority: i.priority, urgent: i.urgent, dueDate: i.dueDate })),
  };
}

describe('the pipeline benchmark baselines', () => {
  const hand = new HandPipeline(asOf);
  const sdk = records.map((r) => sdkPipeline(r, asOf));

  it('the hand-written pipeline decides what the SDK decides on every record', () => {
    const mismatches: string[] = [];
    records.forEach((r, i) => {
      const ours = sdk[i] as SdkPipelineResult;
      const theirs = hand.evaluate(r);
      for (const pkg of ['KOL', 'LRS'] as const) {
        const expected = sdkView(ours, pkg);
        const actual = theirs[pkg];
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          mismatches.push(`${r.id} ${pkg}\n  sdk  ${JSON.stringify(expected)}\n  hand ${JSON.stringify(actual)}`);
        }
      }
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('the comparison covers every status, level and care item code', () => {
    const seen = new Set<string>();
    for (const s of sdk) {
      for (const pkg of ['KOL', 'LRS'] as const) {
        const v = sdkView(s, pkg);
        seen.add(`${pkg}:${v.status}`).add(`${pkg}:level-${String(v.suggestedLevel)}`).add(`${pkg}:in-force-${String(v.levelInForce)}`);
        for (const item of v.items) seen.add(`${pkg}:${item.code}`);
      }
    }
    for (const pkg of ['KOL', 'LRS']) {
      for (const status of ['eligible', 'not-eligible', 'excluded', 'insufficient-data']) expect(seen).toContain(`${pkg}:${status}`);
      for (const level of [1, 2, 3]) expect(seen).toContain(`${pkg}:level-${String(level)}`);
    }
    const codes = [
      'kol.exacerbations.review', 'kol.aarsstatus.overdue', 'kol.aarsstatus.none', 'kol.aarsstatus.due', 'kol.follow-up.overdue',
      'kol.follow-up.due', 'kol.smoking-cessation', 'kol.rehabilitation', 'kol.level.reassessment', 'kol.spirometry.due',
      'kol.pro.cat-before-aarsstatus', 'kol.mrc.missing', 'kol.cat.missing', 'kol.inhaler-technique', 'kol.influenza-vaccination',
      'kol.dxa', 'kol.pneumococcal-vaccination', 'lrs.red-flag.open', 'lrs.sick-leave', 'lrs.red-flag-review.missing',
      'lrs.psychologically-informed-care', 'lrs.physiotherapy', 'lrs.follow-up.overdue', 'lrs.start-back.missing', 'lrs.follow-up.due',
      'lrs.pro.due', 'lrs.imaging.without-red-flag',
    ];
    const missing = codes.filter((c) => !seen.has(`${c.slice(0, 3).toUpperCase()}:${c}`));
    expect(missing).toEqual([]);
  });

  it('the hand-built edge records give the expected decisions', () => {
    const byId = (id: string) => hand.evaluate(records.find((r) => r.id === id) as PatientRecord);
    const noEpisode = byId('edge-lrs-no-episode');
    expect(noEpisode.LRS.status).toBe('insufficient-data');
    expect(noEpisode.LRS.inPackage).toBe(true);
    expect(noEpisode.LRS.items.map((i) => i.code)).toEqual(['lrs.start-back.missing', 'lrs.pro.due']);
    const redFlag = byId('edge-red-flag');
    expect(redFlag.LRS.status).toBe('excluded');
    expect(redFlag.LRS.inPackage).toBe(false);
    expect(redFlag.LRS.items).toEqual([{ code: 'lrs.red-flag.open', priority: 100, urgent: true, dueDate: null }]);
    const reassess = byId('edge-kol-reassess');
    expect(reassess.KOL.suggestedLevel).toBe(3);
    expect(reassess.KOL.levelInForce).toBe(1);
    expect(reassess.KOL.items.map((i) => i.code)).toContain('kol.level.reassessment');
    const followUp = byId('edge-kol-follow-up');
    expect(followUp.KOL.levelInForce).toBe(3);
    expect(followUp.KOL.items).toContainEqual({ code: 'kol.follow-up.overdue', priority: 70, urgent: false, dueDate: '2026-05-10' });
    expect(followUp.KOL.items).toContainEqual({ code: 'kol.aarsstatus.due', priority: 60, urgent: false, dueDate: '2027-02-10' });
    const deceased = byId('edge-deceased');
    expect(deceased.KOL.inPackage).toBe(false);
    expect(deceased.KOL.items.map((i) => i.code)).toEqual(['dq.kol-without-spirometry', 'dq.bmi-implausible']);
    expect(deceased.LRS.items.map((i) => i.code)).toEqual(['dq.bmi-implausible']);
  });

  it('stock json-rules-engine fires the care rules the SDK holds true, and runs all six packs', async () => {
    const runner = createPipelineJreRunner(asOf);
    expect(runner.packIds).toEqual(['kol-inclusion', 'lrs-inclusion', 'kol-differentiation', 'lrs-differentiation', 'kol-care', 'lrs-care']);
    const mismatches: string[] = [];
    const firedPerPack = new Map<string, number>();
    // Every record with a care item or in a package (json-rules-engine is slow), and the first 300 of the rest.
    const subset = records.filter((r, i) => {
      const s = sdk[i] as SdkPipelineResult;
      return i < 300 || s.kolCare.inPackage || s.lrsCare.inPackage || s.kolCare.items.length > 0 || s.lrsCare.items.length > 0;
    });
    expect(subset.length).toBeGreaterThan(450);
    for (const r of subset) {
      const fired = await runner.fired(r);
      for (const [id, names] of fired) if (names.length > 0) firedPerPack.set(id, (firedPerPack.get(id) ?? 0) + 1);
      const ours = sdkPipeline(r, asOf);
      for (const [id, care] of [['kol-care', ours.kolCare], ['lrs-care', ours.lrsCare]] as const) {
        // Care packs have no `not`: a rule json-rules-engine fires is exactly a rule the SDK holds true
        // (an unknown fact is false there and gives no item here).
        const held = care.items.map((i) => i.rule);
        if (care.inPackage) held.push(`${id.slice(0, 3)}.scope`);
        const theirs = [...(fired.get(id) ?? [])].sort();
        if (JSON.stringify([...held].sort()) !== JSON.stringify(theirs)) mismatches.push(`${r.id} ${id} sdk=${held.join()} jre=${theirs.join()}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    for (const id of runner.packIds) expect(firedPerPack.get(id) ?? 0, id).toBeGreaterThan(50);
  });
});
