// Shared synthetic fixtures for the cpd tests. SYNTHETIC DATA ONLY.
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePatientRecord } from '@kronikerpakker/core';
import type { PackageId, PatientRecord, PatientRecordInput } from '@kronikerpakker/core';
import { evaluateInclusion } from '@kronikerpakker/inclusion';
import { generateRecords } from '@kronikerpakker/test-fixtures';
import { buildTreatmentPlan } from './build-plan';
import { readCdaSchemaDir } from './node';
import type { TreatmentPlan } from './model';
import type { CdaSchemaSet } from './validate';
import { stripInvalidXmlChars } from './xml-text';

export const asOf = '2027-01-15';
export const STANDARDS_DIR = fileURLToPath(new URL('../../../../shared/standards/', import.meta.url));
export const STANDARDS_PRESENT = existsSync(STANDARDS_DIR);
export const SKIP_MESSAGE = `../shared/standards is absent (looked in ${STANDARDS_DIR}): XSD and MedCom-example tests skipped`;
export const EXAMPLES_DIR = join(STANDARDS_DIR, 'medcom-cpd-examples');

/** Deterministic UUID v4 strings: the same sequence every run. */
export function sequentialIds(seed = 0): () => string {
  let n = seed;
  return () => {
    n++;
    const hex = n.toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  };
}

export const fixedClock = (): Date => new Date('2027-01-15T09:30:00Z');

let cache: Map<PackageId, PatientRecord> | undefined;

/** The first synthetic patient included in each package. */
export function includedRecord(pkg: PackageId): PatientRecord {
  cache ??= new Map();
  const hit = cache.get(pkg);
  if (hit !== undefined) return hit;
  for (const input of generateRecords({ seed: 2027, size: 400, asOf, edgeCases: false })) {
    const record = parsePatientRecord(input, { asOf });
    if (record.patient.cpr === undefined) continue;
    if (evaluateInclusion(record, { package: pkg, asOf }).status === 'eligible') {
      cache.set(pkg, record);
      return record;
    }
  }
  throw new Error(`no included ${pkg} patient in the synthetic clinic`);
}

export function samplePlan(pkg: PackageId, seed = 0): TreatmentPlan {
  return buildTreatmentPlan(includedRecord(pkg), {
    asOf,
    package: pkg,
    clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
    author: { sorId: '123456789012346', name: { prefix: 'Læge', given: ['Syntetisk'], family: 'Læge' } },
    custodian: { sorId: '919851000016006', name: 'PLSP A/S' },
    patientName: { given: ['Syntetisk'], family: 'Patient' },
    patientAddress: { streetLines: ['Syntetisk Vej 1'], postalCode: '9999', city: 'Syntetisk By' },
    goals:
      pkg === 'KOL'
        ? [
            { kind: 'measurable', code: { system: 'NPU', code: 'NPU03804', displayName: 'Vægt' }, direction: 'below', value: 90, unit: 'kg' },
            { kind: 'text', text: 'Rygestop inden sommer' },
            { kind: 'patient', text: 'Jeg vil kunne gå tur med hunden hver dag.' },
          ]
        : [
            { kind: 'text', text: 'Tilbage i fuldt arbejde' },
            { kind: 'patient', text: 'Jeg vil kunne cykle til arbejde igen.' },
          ],
    completedServices: [{ date: '2027-01-10', text: 'Årsstatus gennemført' }],
    idGenerator: sequentialIds(seed),
    clock: fixedClock,
  });
}

/** A needs assessment with every item recorded and none present (synthetic). */
export const cleanNeedsAssessment = (pkg: PackageId): NonNullable<PatientRecordInput['needsAssessments']>[number] => ({
  date: '2026-09-01',
  package: pkg,
  mentalHealthScreenPositive: false,
  livesAloneWithoutNetwork: false,
  caregiverBurden: false,
  languageBarrier: false,
  substanceAbuse: false,
  selfManagement: 'good',
  ...(pkg === 'LRS' ? { jobAtRisk: false } : {}),
  motivation: 'high',
});

/** A SILS response (health literacy screening), answer 1 (synthetic). */
export const silsResponse = (date = '2026-09-01'): NonNullable<PatientRecordInput['questionnaires']>[number] => ({ date, instrument: 'SILS', version: '1.0', answers: { sils: 1 } });

/**
 * A KOL patient whose level is not determined (issue 12 finding 10): post-
 * bronchodilator FEV1/FVC 0.62, FEV1 65 % of predicted, CAT 5 and MRC 1, no
 * needs assessment and no SILS. `suggestLevel` gives at least level 1, at
 * most 3. `extra` adds or replaces fields of the record.
 */
export function undeterminedKolRecord(extra: Partial<Omit<PatientRecordInput, 'id' | 'patient'>> = {}): PatientRecord {
  return parsePatientRecord(
    {
      id: 'syn-undetermined-kol',
      synthetic: true,
      patient: { cpr: includedRecord('KOL').patient.cpr, birthDate: includedRecord('KOL').patient.birthDate, sex: includedRecord('KOL').patient.sex, listed: true },
      diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-03-01' }],
      spirometry: [{ date: '2026-10-01', ratio: 0.62, fev1PercentPredicted: 65, postBronchodilator: true }],
      cat: [{ date: '2026-12-01', total: 5 }],
      mrc: [{ date: '2026-12-01', grade: 1 }],
      ...extra,
    },
    { asOf },
  );
}

/** The plan of {@link undeterminedKolRecord} (deterministic ids and clock): a provisional level. */
export function provisionalKolPlan(seed = 0): TreatmentPlan {
  return buildTreatmentPlan(undeterminedKolRecord(), {
    asOf,
    package: 'KOL',
    clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
    author: { sorId: '123456789012346', name: { prefix: 'Læge', given: ['Syntetisk'], family: 'Læge' } },
    custodian: { sorId: '919851000016006', name: 'PLSP A/S' },
    patientName: { given: ['Syntetisk'], family: 'Patient' },
    goals: [{ kind: 'patient', text: 'Jeg vil kunne gå tur med hunden hver dag.' }],
    idGenerator: sequentialIds(seed),
    clock: fixedClock,
  });
}

/** The CDA R2 SDTC schemas from ../shared/standards, with their relative layout. */
export function loadCdaSchemas(): CdaSchemaSet {
  return readCdaSchemaDir(join(STANDARDS_DIR, 'cda-r2'));
}

/** Nasty free text: markup, entities, `]]>`, quotes, control characters, emoji, CR/LF, long runs. */
export const nastyTextArb = (max: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constantFrom('<', '>', '&', '&amp;', ']]>', '"', "'", '\u0000', '\u0001', '\u001f', '\uFFFE', '\uD800', '😀', '👩‍⚕️', '\r\n', '\r', '\t', '<script>alert(1)</script>', '&#13;', 'æøå ÆØÅ'),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((parts) => stripInvalidXmlChars(parts.join('')).slice(0, max))
    .filter((s) => s.trim() !== '' && !/[\uD800-\uDBFF]$/.test(s));

/** Plans over the sample, with generated texts, counts and optional parts. */
export const planArb: fc.Arbitrary<TreatmentPlan> = fc
  .record({
    pkg: fc.constantFrom<PackageId>('KOL', 'LRS'),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    title: nastyTextArb(200),
    family: nastyTextArb(100),
    clinic: nastyTextArb(200),
    goalText: nastyTextArb(1000),
    patientGoal: nastyTextArb(300),
    planned: fc.array(fc.record({ text: nastyTextArb(1000), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 4 }),
    value: fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ min: 0.001, max: 1000, noNaN: true }).map((v) => Math.round(v * 1000) / 1000)),
    withLevel: fc.boolean(),
    provisional: fc.option(fc.constantFrom([1, 2] as const, [1, 3] as const, [2, 3] as const), { nil: undefined }),
    awaiting: nastyTextArb(500),
    withEnd: fc.boolean(),
    withAddress: fc.boolean(),
    replaces: fc.boolean(),
    driver: nastyTextArb(500),
  })
  .map((r) => {
    const base = samplePlan(r.pkg, r.seed);
    const id = sequentialIds(r.seed + 5000);
    const plan: TreatmentPlan = {
      ...base,
      title: r.title,
      patient: { ...base.patient, name: { given: ['Syntetisk'], family: r.family } },
      clinic: { ...base.clinic, name: r.clinic },
      goals: [
        { kind: 'measurable', id: id(), date: asOf, code: { system: 'NPU', code: 'NPU03804', displayName: 'Vægt' }, direction: 'below', value: r.value, unit: 'kg', text: r.goalText },
        { kind: 'text', id: id(), date: asOf, text: r.goalText },
        { kind: 'patient', id: id(), date: asOf, text: r.patientGoal },
      ],
      interventions: { ...base.interventions, planned: r.planned.map((p) => ({ id: id(), date: `2027-02-${String(p.day).padStart(2, '0')}`, text: p.text })) },
      version: r.replaces ? { setId: base.version.setId, number: 2, replaces: id() } : base.version,
      validity: r.withEnd ? { start: base.validity.start, end: '2028-01-15' } : { start: base.validity.start },
    };
    const { address: _a, ...patientNoAddress } = plan.patient;
    const withAddress = r.withAddress ? plan : { ...plan, patient: patientNoAddress };
    const { level: _l, ...noLevel } = withAddress;
    const lv = withAddress.level;
    if (!r.withLevel || lv === undefined) return noLevel;
    const drivers = [...lv.drivers, { factor: 'synthetic-factor', text: r.driver }];
    if (r.provisional === undefined) return { ...withAddress, level: { ...lv, drivers } };
    const [atLeast, atMost] = r.provisional;
    return {
      ...withAddress,
      level: {
        status: 'provisional',
        id: lv.id,
        date: lv.date,
        level: atLeast,
        basis: 'suggestion',
        atLeast,
        atMost,
        awaiting: [{ code: 'needs-assessment', text: r.awaiting }, { code: 'sils', text: 'Screening for sundhedskompetence (SILS)' }],
        drivers,
        contactPlan: lv.contactPlan,
      },
    };
  });
