import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSyntheticCprSafe, parseCpr, parsePatientRecord } from '@kronikerpakker/core';
import type { PatientRecord, PatientRecordInput } from '@kronikerpakker/core';
import { ageOn, formatDay, lastSundayOf, parseDay } from './calendar';
import { EDGE_CASE_KINDS, edgeCaseOf } from './edge-cases';
import type { EdgeCaseKind } from './edge-cases';
import { SYNTHETIC_LEVEL_REASON, generateClinic, generateClinicNdjson, generatePatient, generateRecords } from './generate';
import { createRng } from './rng';

const ASOF = '2027-01-15';
const clinic2000 = generateClinic({ seed: 2027, size: 2000, asOf: ASOF });
const parsed2000 = clinic2000.map((r) => parsePatientRecord(r, { asOf: ASOF }));

const ndjson = (seed: number, size: number, asOf = ASOF): string => [...generateClinicNdjson({ seed, size, asOf })].join('');

function isKol(r: PatientRecord): boolean {
  return r.diagnoses.some((d) => /^(R95|J44)/.test(d.code));
}
function isLrs(r: PatientRecord): boolean {
  return r.diagnoses.some((d) => d.status === 'active' && /^(L03|L84|L86|M54\.[45])/.test(d.code));
}
function ageAtAsOf(r: PatientRecord, asOf = ASOF): number {
  return ageOn(parseDay(r.patient.birthDate), parseDay(asOf));
}

describe('determinism', () => {
  it('the same seed gives byte-identical NDJSON', () => {
    expect(ndjson(42, 300)).toBe(ndjson(42, 300));
  });

  it('different seeds give different clinics', () => {
    expect(ndjson(42, 50)).not.toBe(ndjson(43, 50));
    expect(ndjson(0, 50)).not.toBe(ndjson(2 ** 40, 50));
  });

  it('patient n does not depend on the clinic size (own random stream)', () => {
    const small = generateClinic({ seed: 9, size: 150, asOf: ASOF, edgeCases: false });
    const large = generateClinic({ seed: 9, size: 1000, asOf: ASOF, edgeCases: false });
    expect(large.slice(0, 150)).toEqual(small);
  });

  it('uses no clock, Math.random, locale or time zone', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      expect(source, file).not.toMatch(/Math\.random\(|Date\.now\(|new Date\(|performance\.now\(|toLocale\w*\(|Intl\.\w+\(|getTimezoneOffset\(/);
    }
  });
});

describe('validity', () => {
  it('all 2,000 records pass parsePatientRecord with the asOf', () => {
    expect(parsed2000).toHaveLength(2000);
  });

  it('records pass for other seeds and asOf dates (leap day, DST day, month end)', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.constantFrom('2024-02-29', '2026-03-29', '2026-10-25', '2025-12-31', '2030-06-30', '2027-01-15'),
        (seed, asOf) => {
          for (const record of generateRecords({ seed, size: 60, asOf })) parsePatientRecord(record, { asOf });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('every edge-case kind passes for other asOf dates too', () => {
    for (const asOf of ['2024-02-29', '2026-03-29', '2026-10-25', '2025-12-31', '2026-01-01']) {
      for (const kind of EDGE_CASE_KINDS) {
        for (let n = 0; n < 5; n++) {
          const record = generatePatient(createRng(n, 7), { asOf, id: `t-${n}-edge-${kind}`, edgeCase: kind });
          parsePatientRecord(record, { asOf });
        }
      }
    }
  });

  it('every record is synthetic, with an id syn-<seed>-<n>, and no name anywhere', () => {
    clinic2000.forEach((r, i) => {
      expect(r.synthetic).toBe(true);
      expect(r.id).toMatch(new RegExp(`^syn-2027-${i + 1}(-edge-[a-z0-9-]+)?$`));
    });
    expect(JSON.stringify(clinic2000)).not.toMatch(/"(name|given|family|firstName|lastName|address)"/i);
  });

  it('keeps dates within [birthDate, asOf], FEV1 <= FVC and the deceased off the list', () => {
    for (const r of parsed2000) {
      for (const s of r.spirometry) if (s.fev1L !== undefined && s.fvcL !== undefined) expect(s.fev1L).toBeLessThanOrEqual(s.fvcL);
      if (r.patient.deceasedDate !== undefined) {
        expect(r.patient.listed).toBe(false);
        expect(r.patient.deceasedDate <= ASOF).toBe(true);
      }
    }
    // parsePatientRecord already rejects dates after asOf or before birth and ends before starts.
  });

  it('generatePatient takes an explicit random source', () => {
    const a = generatePatient(createRng(5, 1), { asOf: ASOF, id: 'x' });
    const b = generatePatient(createRng(5, 1), { asOf: ASOF, id: 'x' });
    expect(a).toEqual(b);
    expect(a.id).toBe('x');
  });

  it('generateRecords is lazy (a huge size costs nothing until iterated)', () => {
    const it = generateRecords({ seed: 1, size: 1_000_000_000, asOf: ASOF });
    const first = it.next();
    expect(first.done).toBe(false);
    expect((first.value as PatientRecordInput).id).toBe('syn-1-1');
  });

  // Speed is measured by `pnpm bench` (the cockpit benchmark generates 1,000,000 records), not asserted here:
  // timing in unit tests fails on busy shared machines.
  it('streams a large population lazily, one record at a time', () => {
    let n = 0;
    for (const record of generateRecords({ seed: 100, size: 20_000, asOf: ASOF })) if (record.synthetic) n++;
    expect(n).toBe(20_000);
  });

  it('rejects bad options', () => {
    expect(() => generateClinic({ seed: -1, size: 1, asOf: ASOF })).toThrow(RangeError);
    expect(() => generateClinic({ seed: 1, size: 1.5, asOf: ASOF })).toThrow(RangeError);
    expect(() => generateClinic({ seed: 1, size: 1, asOf: '2026-02-29' })).toThrow(RangeError);
  });
});

describe('CPR', () => {
  it('every CPR parses back to the record birth date and sex, and only for safe dates', () => {
    let withCpr = 0;
    let safe = 0;
    for (const r of parsed2000) {
      const cpr = r.patient.cpr;
      if (isSyntheticCprSafe(r.patient.birthDate) && r.patient.sex !== 'unknown') safe++;
      if (cpr === undefined) continue;
      withCpr++;
      const p = parseCpr(cpr);
      expect(p.birthDate).toBe(r.patient.birthDate);
      expect(p.sex).toBe(r.patient.sex);
      expect(p.mod11).toBe('invalid');
      expect(isSyntheticCprSafe(r.patient.birthDate)).toBe(true);
    }
    // About 90 % of the records whose birth date allows a synthetic CPR carry one.
    expect(withCpr / safe).toBeGreaterThan(0.86);
    expect(withCpr / safe).toBeLessThan(0.94);
  });
});

describe('realism', () => {
  const ordinary = parsed2000.filter((r) => edgeCaseOf(r.id) === undefined);

  it('has a plausible age and sex structure', () => {
    const ages = ordinary.map((r) => ageAtAsOf(r));
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(90);
    const old = ages.filter((a) => a >= 65).length / ages.length;
    expect(old).toBeGreaterThan(0.16);
    expect(old).toBeLessThan(0.25);
    const female = ordinary.filter((r) => r.patient.sex === 'female').length / ordinary.length;
    expect(female).toBeGreaterThan(0.46);
    expect(female).toBeLessThan(0.55);
    const notListed = ordinary.filter((r) => !r.patient.listed).length / ordinary.length;
    expect(notListed).toBeGreaterThan(0.01);
    expect(notListed).toBeLessThan(0.045);
  });

  it('has KOL and LRS at plausible prevalence (2,000 patients)', () => {
    const kol = ordinary.filter(isKol).length / ordinary.length;
    expect(kol).toBeGreaterThan(0.008);
    expect(kol).toBeLessThan(0.032);
    const adults = ordinary.filter((r) => ageAtAsOf(r) >= 18);
    const lrs = adults.filter(isLrs).length / adults.length;
    expect(lrs).toBeGreaterThan(0.04);
    expect(lrs).toBeLessThan(0.09);
  });

  it('has KOL and LRS at plausible prevalence (20,000 patients)', () => {
    let n = 0;
    let kol = 0;
    let old = 0;
    let kolOld = 0;
    let adults = 0;
    let lrs = 0;
    let kolSmokers = 0;
    let kolSmokingKnown = 0;
    for (const input of generateRecords({ seed: 99, size: 20_000, asOf: ASOF, edgeCases: false })) {
      const r = parsePatientRecord(input, { asOf: ASOF });
      const age = ageAtAsOf(r);
      n++;
      if (age >= 65) old++;
      if (age >= 18) adults++;
      if (isKol(r)) {
        kol++;
        if (age >= 65) kolOld++;
        const last = r.smoking.at(-1);
        if (last !== undefined) {
          kolSmokingKnown++;
          if (last.status !== 'never') kolSmokers++;
        }
      }
      if (isLrs(r) && age >= 18) lrs++;
    }
    expect(kol / n).toBeGreaterThan(0.012);
    expect(kol / n).toBeLessThan(0.025);
    expect(kolOld / old).toBeGreaterThan(0.055);
    expect(kolOld / old).toBeLessThan(0.09);
    expect(lrs / adults).toBeGreaterThan(0.05);
    expect(lrs / adults).toBeLessThan(0.08);
    expect(kolSmokers / kolSmokingKnown).toBeGreaterThan(0.8);
  });

  it('KOL spirometry: mostly obstructive, GOLD 2-3 most common, some missing or contradicting', () => {
    const kolPatients: PatientRecord[] = [];
    for (const input of generateRecords({ seed: 5, size: 20_000, asOf: ASOF, edgeCases: false })) {
      const r = parsePatientRecord(input, { asOf: ASOF });
      if (isKol(r)) kolPatients.push(r);
    }
    const withSpiro = kolPatients.filter((r) => r.spirometry.length > 0);
    const noSpiro = 1 - withSpiro.length / kolPatients.length;
    expect(noSpiro).toBeGreaterThan(0.05);
    expect(noSpiro).toBeLessThan(0.16);
    const latest = withSpiro.map((r) => r.spirometry.at(-1)!);
    const contradicting = latest.filter((s) => s.ratio >= 0.7).length / latest.length;
    expect(contradicting).toBeGreaterThan(0.01);
    expect(contradicting).toBeLessThan(0.07);
    const gold = [0, 0, 0, 0];
    for (const s of latest) {
      const pp = s.fev1PercentPredicted;
      if (pp === undefined) continue;
      gold[pp >= 80 ? 0 : pp >= 50 ? 1 : pp >= 30 ? 2 : 3]!++;
    }
    expect(gold[1]! + gold[2]!).toBeGreaterThan(gold[0]! + gold[3]!);
    expect(Math.min(...gold)).toBeGreaterThan(0);
    // Breathlessness and exacerbations rise with severity.
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const bySeverity = (mild: boolean): PatientRecord[] =>
      withSpiro.filter((r) => {
        const pp = r.spirometry.at(-1)!.fev1PercentPredicted;
        return pp !== undefined && (mild ? pp >= 50 : pp < 50);
      });
    const mrcMild = mean(bySeverity(true).flatMap((r) => r.mrc.slice(-1).map((m) => m.grade)));
    const mrcSevere = mean(bySeverity(false).flatMap((r) => r.mrc.slice(-1).map((m) => m.grade)));
    expect(mrcSevere).toBeGreaterThan(mrcMild);
    expect(mean(bySeverity(false).map((r) => r.exacerbations.length))).toBeGreaterThan(mean(bySeverity(true).map((r) => r.exacerbations.length)));
  });

  it('LRS: acute, persistent and recurrent courses all occur; red flags mostly absent', () => {
    const asOf = parseDay(ASOF);
    let acute = 0;
    let persistent = 0;
    let recurrent = 0;
    let present = 0;
    let assessed = 0;
    const lrs = ordinary.filter(isLrs);
    for (const r of lrs) {
      const onsets = r.backPainEpisodes.map((e) => parseDay(e.onsetDate));
      const inYear = onsets.filter((d) => asOf - d <= 365).length;
      const current = onsets.at(-1)!;
      if (inYear >= 2) recurrent++;
      else if (asOf - current >= 84) persistent++;
      else acute++;
      if (r.redFlags.length > 0) assessed++;
      if (r.redFlags.some((f) => f.status === 'present')) present++;
    }
    expect(acute).toBeGreaterThan(0);
    expect(persistent).toBeGreaterThan(0);
    expect(recurrent).toBeGreaterThan(0);
    expect(assessed / lrs.length).toBeGreaterThan(0.7);
    expect(present / lrs.length).toBeLessThan(0.15);
  });

  it('questionnaires use the expected instruments and item ids', () => {
    const all = parsed2000.flatMap((r) => r.questionnaires);
    const byInstrument = new Map<string, number>();
    for (const q of all) {
      byInstrument.set(q.instrument, (byInstrument.get(q.instrument) ?? 0) + 1);
      const keys = Object.keys(q.answers);
      const values = Object.values(q.answers).filter((v): v is number => v !== null);
      switch (q.instrument) {
        case 'STarT-Back':
          expect(q.version).toBe('1.0');
          expect(keys).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']);
          // q1-q8 disagree 0 / agree 1; q9 is the five-level bothersomeness answer 0-4.
          {
            const { q9, ...rest } = q.answers;
            expect(Object.values(rest).every((v) => v === null || v === 0 || v === 1)).toBe(true);
            expect(q9 === null || (q9 !== undefined && q9 >= 0 && q9 <= 4)).toBe(true);
          }
          break;
        case 'ODI':
          expect(keys).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10']);
          expect(values.every((v) => Number.isInteger(v) && v >= 0 && v <= 5)).toBe(true);
          break;
        case 'NRS-pain':
          expect(keys).toEqual(['nrs']);
          expect(values.every((v) => Number.isInteger(v) && v >= 0 && v <= 10)).toBe(true);
          break;
        case 'CAT':
          expect(keys).toEqual(['cat1', 'cat2', 'cat3', 'cat4', 'cat5', 'cat6', 'cat7', 'cat8']);
          expect(values.every((v) => Number.isInteger(v) && v >= 0 && v <= 5)).toBe(true);
          break;
        case 'SILS':
          expect(keys).toEqual(['sils']);
          expect(values.every((v) => Number.isInteger(v) && v >= 1 && v <= 5)).toBe(true);
          break;
        case 'MRC':
        case 'RMDQ':
        case 'EQ-5D-5L':
        case 'FABQ':
        case 'OMPSQ-10':
          throw new Error(`unexpected instrument ${q.instrument}`);
      }
    }
    for (const instrument of ['STarT-Back', 'ODI', 'NRS-pain', 'CAT', 'SILS']) expect(byInstrument.get(instrument) ?? 0).toBeGreaterThan(0);
  });

  it('has comorbidity, needs assessments and level decisions with the neutral reason', () => {
    const codes = new Set(parsed2000.flatMap((r) => r.diagnoses.map((d) => d.code)));
    for (const code of ['T90', 'K77', 'K78', 'P76', 'P74', 'R96', 'L95', 'R95', 'J44.9', 'L03', 'L84', 'L86', 'M54.5', 'M54.4']) {
      expect(codes, code).toContain(code);
    }
    const levels = parsed2000.flatMap((r) => r.levelDecisions);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((l) => l.reason === SYNTHETIC_LEVEL_REASON)).toBe(true);
    expect(parsed2000.some((r) => r.needsAssessments.length > 0)).toBe(true);
    // SKS-form input is present and normalised by the parser.
    expect(clinic2000.some((r) => (r.diagnoses ?? []).some((d) => d.system === 'SKS'))).toBe(true);
  });

  it('has missing data: spirometry without % predicted, KOL without MRC, weight without height', () => {
    const spiro = parsed2000.flatMap((r) => r.spirometry);
    expect(spiro.some((s) => s.fev1PercentPredicted === undefined)).toBe(true);
    expect(spiro.some((s) => s.fev1L === undefined)).toBe(true);
    expect(spiro.some((s) => s.ratioSource === 'derived')).toBe(true);
    expect(parsed2000.some((r) => isKol(r) && r.mrc.length === 0)).toBe(true);
    const body = parsed2000.flatMap((r) => r.bodyMeasurements);
    expect(body.some((b) => b.weightKg !== undefined && b.heightCm === undefined)).toBe(true);
  });
});

describe('edge cases', () => {
  const byKind = new Map<EdgeCaseKind, PatientRecord[]>();
  for (const r of parsed2000) {
    const kind = edgeCaseOf(r.id);
    if (kind !== undefined) byKind.set(kind, [...(byKind.get(kind) ?? []), r]);
  }

  it('every kind appears in a clinic of 2,000 and in one of 200', () => {
    for (const kind of EDGE_CASE_KINDS) expect(byKind.get(kind)?.length ?? 0, kind).toBeGreaterThan(0);
    const kinds = new Set(generateClinic({ seed: 1, size: 200, asOf: ASOF }).map((r) => edgeCaseOf(r.id)));
    for (const kind of EDGE_CASE_KINDS) expect(kinds, kind).toContain(kind);
  });

  it('are a few per 1,000 beyond the guaranteed ones', () => {
    let edge = 0;
    for (const r of generateRecords({ seed: 3, size: 20_000, asOf: ASOF })) if (r.id.includes('-edge-')) edge++;
    expect(edge - EDGE_CASE_KINDS.length).toBeGreaterThan(10);
    expect(edge - EDGE_CASE_KINDS.length).toBeLessThan(100);
  });

  it('each edge patient carries its boundary value', () => {
    const asOf = parseDay(ASOF);
    const asOfYear = 2027;
    const check: Record<EdgeCaseKind, (r: PatientRecord) => void> = {
      'ratio-070': (r) => {
        expect(r.spirometry.at(-1)).toMatchObject({ ratio: 0.7, postBronchodilator: true });
        expect(r.spirometry.at(-1)!.fev1L! / r.spirometry.at(-1)!.fvcL!).toBe(0.7);
      },
      'ratio-069': (r) => {
        expect(r.spirometry.at(-1)).toMatchObject({ ratio: 0.69, postBronchodilator: true });
        expect(r.spirometry.at(-1)!.fev1L! / r.spirometry.at(-1)!.fvcL!).toBe(0.69);
      },
      'fev1pp-30': (r) => { expect(r.spirometry.at(-1)!.fev1PercentPredicted).toBe(30); },
      'fev1pp-50': (r) => { expect(r.spirometry.at(-1)!.fev1PercentPredicted).toBe(50); },
      'fev1pp-80': (r) => { expect(r.spirometry.at(-1)!.fev1PercentPredicted).toBe(80); },
      'mrc-2': (r) => { expect(r.mrc.at(-1)!.grade).toBe(2); },
      'mrc-3': (r) => { expect(r.mrc.at(-1)!.grade).toBe(3); },
      'age-30-on-asof': (r) => {
        expect(r.patient.birthDate).toBe('1997-01-15');
        expect(isKol(r)).toBe(true);
      },
      'age-18-on-asof': (r) => {
        expect(r.patient.birthDate).toBe('2009-01-15');
        expect(r.patient.cpr).toBeUndefined(); // born after 2007-10-01: no synthetic CPR
        expect(isLrs(r)).toBe(true);
      },
      'backpain-12w': (r) => {
        expect(r.backPainEpisodes).toEqual([{ onsetDate: formatDay(asOf - 84) }]);
        expect(formatDay(asOf - 84)).toBe('2026-10-23');
      },
      'backpain-12w-minus-1d': (r) => { expect(r.backPainEpisodes).toEqual([{ onsetDate: formatDay(asOf - 83) }]); },
      'leap-day-birth': (r) => { expect(r.patient.birthDate.slice(5)).toBe('02-29'); },
      'dst-spring': (r) => {
        const b = parseDay(r.patient.birthDate);
        expect(b).toBe(lastSundayOf(Number(r.patient.birthDate.slice(0, 4)), 3));
        expect(r.encounters.some((e) => e.date === '2026-03-29')).toBe(true);
      },
      'dst-autumn': (r) => {
        const b = parseDay(r.patient.birthDate);
        expect(b).toBe(lastSundayOf(Number(r.patient.birthDate.slice(0, 4)), 10));
        expect(r.backPainEpisodes.at(-1)!.onsetDate).toBe(formatDay(lastSundayOf(asOfYear - 1, 10)));
      },
      'month-end': (r) => {
        expect(r.patient.birthDate.slice(8)).toBe('31');
        expect(r.admissions.some((a) => a.date === '2026-01-31' && a.endDate === '2026-02-28')).toBe(true);
      },
      'same-day-duplicates': (r) => {
        const seen = r.spirometry.map((s) => JSON.stringify(s));
        expect(new Set(seen).size).toBeLessThan(seen.length);
        const days = r.mrc.map((m) => m.date);
        expect(new Set(days).size).toBeLessThan(days.length);
      },
      'dated-asof': (r) => {
        expect(r.encounters.some((e) => e.date === ASOF)).toBe(true);
        expect(r.spirometry.at(-1)!.date).toBe(ASOF);
      },
    };
    for (const [kind, records] of byKind) {
      for (const r of records) {
        expect(r.patient.listed, r.id).toBe(true);
        expect(r.patient.deceasedDate, r.id).toBeUndefined();
        check[kind](r);
      }
    }
  });
});
