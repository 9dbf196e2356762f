// The level is decided or provisional: a suggestion that missing data could
// still raise is never written, coded or shown as a level. SYNTHETIC DATA ONLY.
import { describe, expect, it } from 'vitest';
import type { PatientRecordInput } from '@kronikerpakker/core';
import { buildTreatmentPlan } from './build-plan';
import { TreatmentPlanSchema } from './model';
import type { PlanLevel, TreatmentPlan } from './model';
import { parseCpd } from './parse';
import { renderPlanHtml } from './render-html';
import { toCpdXml } from './to-xml';
import { validateCpd } from './validate';
import {
  SKIP_MESSAGE,
  STANDARDS_PRESENT,
  asOf,
  cleanNeedsAssessment,
  fixedClock,
  loadCdaSchemas,
  provisionalKolPlan,
  sequentialIds,
  silsResponse,
  undeterminedKolRecord,
} from './test-helpers';

if (!STANDARDS_PRESENT) console.warn(SKIP_MESSAGE);

const SOURCE = "issue 12 finding 10; spec/needs-assessment.md 'Decided when determined'";

/** What must never be said of a level that is not decided, nor of a level resting on no needs assessment. */
const LEVEL_1_SENTENCE = 'Niveau 1: du klarer det meste selv';
const SUGGESTION_BASIS = 'Forslag fra behovsvurderingen';
const CODED_LEVEL = /code="PROV-NIVEAU(-[123])?"/;

type Extra = Partial<Omit<PatientRecordInput, 'id' | 'patient'>>;

interface Row {
  /** The clinical situation. */
  readonly situation: string;
  /** What is added to the undetermined KOL patient (spirometry 0.62 / 65 %, CAT 5, MRC 1, nothing else). */
  readonly input: Extra;
  /** The plan's level. */
  readonly level: Partial<PlanLevel> & Pick<PlanLevel, 'status' | 'level' | 'basis'>;
  /** The CPD document: the coded level (value code and methodCode) or the range of a provisional level. */
  readonly xml: { readonly coded: { readonly value: string; readonly method: string } | null; readonly range: readonly [number, number] | null; readonly narrative: readonly string[] };
  /** Sentences on the patient page. */
  readonly patient: readonly string[];
  /** Sentences on the clinician page. */
  readonly clinician: readonly string[];
  /** Sentences that must appear nowhere (document, patient page, clinician page). */
  readonly never: readonly string[];
  readonly source: string;
}

const decision = (level: 1 | 2 | 3): Extra => ({ levelDecisions: [{ date: '2027-01-10', package: 'KOL', level, reason: 'Syntetisk vurdering' }] });

const TABLE: readonly Row[] = [
  {
    situation: 'no needs assessment, no SILS, no decision: at least 1, at most 3',
    input: {},
    level: {
      status: 'provisional',
      level: 1,
      basis: 'suggestion',
      atLeast: 1,
      atMost: 3,
      awaiting: [
        { code: 'needs-assessment', text: 'Behovsvurdering registreret af klinikeren' },
        { code: 'sils', text: 'Screening for sundhedskompetence (SILS)' },
      ],
    },
    xml: {
      coded: null,
      range: [1, 3],
      narrative: [
        'Ikke fastlagt: foreløbigt mindst niveau 1 (kan blive op til niveau 3); afventer behovsvurdering.',
        'Foreløbigt forslag beregnet ud fra de registrerede oplysninger; lægen har ikke fastlagt niveauet',
        'Behovsvurdering registreret af klinikeren',
        'Foreløbig kontaktplan, indtil niveauet er fastlagt. Niveau 1: opstart af pakkeforløb med støtte til egenomsorg.',
      ],
    },
    patient: [
      'Dit niveau er ikke fastlagt endnu. Foreløbigt er du mindst på niveau 1, og det kan blive op til niveau 3. Lægen fastlægger niveauet, når behovsvurderingen er lavet.',
      'Indtil dit niveau er fastlagt, skal du til årsstatus hver 12. måned. Der er ingen fast opfølgning ind imellem.',
    ],
    clinician: [
      'Foreløbigt mindst niveau 1, højst 3; afventer behovsvurdering. Mangler: Behovsvurdering registreret af klinikeren; Screening for sundhedskompetence (SILS).',
      'Grundlag: Foreløbigt forslag beregnet ud fra de registrerede oplysninger; lægen har ikke fastlagt niveauet.',
      'Foreløbig kontaktplan, indtil niveauet er fastlagt. Niveau 1: opstart af pakkeforløb med støtte til egenomsorg.',
      'Foreløbig kode (ikke publiceret): PROV-NIVEAU-FORELOEBIGT',
    ],
    never: [LEVEL_1_SENTENCE, SUGGESTION_BASIS],
    source: SOURCE,
  },
  {
    situation: 'needs assessment recorded, SILS missing, no decision: at least 1, at most 2, awaiting SILS only',
    input: { needsAssessments: [cleanNeedsAssessment('KOL')] },
    level: { status: 'provisional', level: 1, basis: 'suggestion', atLeast: 1, atMost: 2, awaiting: [{ code: 'sils', text: 'Screening for sundhedskompetence (SILS)' }] },
    xml: {
      coded: null,
      range: [1, 2],
      narrative: ['Ikke fastlagt: foreløbigt mindst niveau 1 (kan blive op til niveau 2); afventer manglende oplysninger.', 'Screening for sundhedskompetence (SILS)'],
    },
    patient: ['Dit niveau er ikke fastlagt endnu. Foreløbigt er du mindst på niveau 1, og det kan blive op til niveau 2. Lægen fastlægger niveauet, når de manglende oplysninger er registreret.'],
    clinician: ['Foreløbigt mindst niveau 1, højst 2; afventer manglende oplysninger. Mangler: Screening for sundhedskompetence (SILS).'],
    never: [LEVEL_1_SENTENCE, SUGGESTION_BASIS, 'afventer behovsvurdering'],
    source: SOURCE,
  },
  {
    situation: 'no needs assessment, the clinician decided level 2: decided, coded as before',
    input: decision(2),
    level: { status: 'decided', level: 2, basis: 'clinician' },
    xml: { coded: { value: 'PROV-NIVEAU-2', method: 'clinician' }, range: null, narrative: ['Niveau 2: du får lidt mere støtte med ekstra opfølgning mellem de årlige statusser.', 'Lægens vurdering'] },
    patient: ['Niveau 2: du får lidt mere støtte med ekstra opfølgning mellem de årlige statusser.', 'Du skal til opfølgning hos din læge hver 6. måned og til årsstatus hver 12. måned.'],
    clinician: ['Grundlag: Lægens vurdering.', 'Foreløbig kode (ikke publiceret): PROV-NIVEAU'],
    never: ['foreløbigt mindst', 'ikke fastlagt', 'Foreløbig kontaktplan', SUGGESTION_BASIS],
    source: "issue 12 finding 10; spec/needs-assessment.md 'Override'",
  },
  {
    situation: 'needs assessment and SILS recorded, no decision: determined level 1, coded as before',
    input: { needsAssessments: [cleanNeedsAssessment('KOL')], questionnaires: [silsResponse()] },
    level: { status: 'decided', level: 1, basis: 'suggestion' },
    xml: { coded: { value: 'PROV-NIVEAU-1', method: 'suggestion' }, range: null, narrative: ['Niveau 1: du klarer det meste selv, og vi ses til din årlige status.', 'Forslag beregnet ud fra de registrerede oplysninger'] },
    patient: ['Niveau 1: du klarer det meste selv, og vi ses til din årlige status.', 'Du skal til årsstatus hver 12. måned. Der er ingen fast opfølgning ind imellem.'],
    clinician: ['Grundlag: Forslag beregnet ud fra de registrerede oplysninger.'],
    never: ['foreløbigt mindst', 'ikke fastlagt', 'Foreløbig kontaktplan'],
    source: SOURCE,
  },
  {
    situation: 'GOLD E (an exacerbation leading to admission), no needs assessment: determined level 3, not resting on a needs assessment',
    input: { exacerbations: [{ date: '2026-11-01', severity: 'hospitalised' }] },
    level: { status: 'decided', level: 3, basis: 'suggestion' },
    xml: { coded: { value: 'PROV-NIVEAU-3', method: 'suggestion' }, range: null, narrative: ['Niveau 3: du får tæt opfølgning og hjælp fra flere fagpersoner.', 'Forslag beregnet ud fra de registrerede oplysninger'] },
    patient: ['Niveau 3: du får tæt opfølgning og hjælp fra flere fagpersoner.'],
    clinician: ['Grundlag: Forslag beregnet ud fra de registrerede oplysninger.'],
    never: ['foreløbigt mindst', 'ikke fastlagt', SUGGESTION_BASIS],
    source: SOURCE,
  },
];

const planOf = (row: Row): TreatmentPlan =>
  buildTreatmentPlan(undeterminedKolRecord(row.input), {
    asOf,
    package: 'KOL',
    clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
    author: { sorId: '123456789012346', name: { given: ['Syntetisk'], family: 'Læge' } },
    patientName: { given: ['Syntetisk'], family: 'Patient' },
    idGenerator: sequentialIds(),
    clock: fixedClock,
  });

/** The narrative cells of the level sub-section. */
const levelNarrative = (xml: string): string[] => {
  const block = /<title>Niveau og kontaktplan<\/title>\s*<text>([\s\S]*?)<\/text>/.exec(xml)?.[1] ?? '';
  return [...block.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1] ?? '');
};
/** The entries of the level sub-section. */
const levelEntries = (xml: string): string => /<title>Niveau og kontaktplan<\/title>[\s\S]*?(<entry[\s\S]*?<\/entry>)/.exec(xml)?.[1] ?? '';

describe('the plan level is decided or provisional (clinical table: KOL, spirometry 0.62 / 65 %, CAT 5, MRC 1)', () => {
  for (const row of TABLE) {
    describe(row.situation, () => {
      const plan = planOf(row);

      it(`plan: ${row.level.status} (source: ${row.source})`, () => {
        expect(plan.level).toMatchObject(row.level);
        if (row.level.status === 'decided') {
          expect(plan.level).not.toHaveProperty('atLeast');
          expect(plan.level).not.toHaveProperty('awaiting');
        }
      });

      it('CPD document: the coded level only when decided, the narrative says the same', () => {
        const xml = toCpdXml(plan);
        const entry = levelEntries(xml);
        if (row.xml.coded === null) {
          expect(entry).not.toMatch(CODED_LEVEL);
          expect(entry).not.toContain('<methodCode');
          expect(entry).toContain('code="PROV-NIVEAU-FORELOEBIGT"');
        } else {
          expect(entry).toContain(`<code code="PROV-NIVEAU" `);
          expect(entry).toContain(`code="${row.xml.coded.value}"`);
          expect(entry).toContain(`<methodCode code="${row.xml.coded.method}"`);
          expect(entry).not.toContain('PROV-NIVEAU-FORELOEBIGT');
        }
        if (row.xml.range === null) expect(entry).not.toContain('IVL_INT');
        else {
          expect(entry).toMatch(new RegExp(`<value xsi:type="IVL_INT">\\s*<low value="${String(row.xml.range[0])}" inclusive="true"/>\\s*<high value="${String(row.xml.range[1])}" inclusive="true"/>`));
        }
        const cells = levelNarrative(xml);
        for (const text of row.xml.narrative) expect(cells).toContain(text);
        for (const text of row.never) expect(xml).not.toContain(text);
      });

      it('patient page: plain Danish, never a level nobody decided', () => {
        const html = renderPlanHtml(plan, { audience: 'patient' });
        for (const text of row.patient) expect(html).toContain(text);
        for (const text of row.never) expect(html).not.toContain(text);
      });

      it('clinician page: the range, what is missing, and what the level rests on', () => {
        const html = renderPlanHtml(plan, { audience: 'clinician' });
        for (const text of row.clinician) expect(html).toContain(text);
        for (const text of row.never) expect(html).not.toContain(text);
      });

      it('reads back: parseCpd gives the same plan, validateCpd finds no error', async () => {
        const xml = toCpdXml(plan);
        const parsed = parseCpd(xml);
        expect(parsed.plan).toEqual(plan);
        expect(parsed.findings.every((f) => f.code === 'CPD_PROVISIONAL_CODE')).toBe(true);
        const report = await validateCpd(xml);
        expect(report.valid).toBe(true);
        expect(report.findings.map((f) => f.code)).toEqual(['CPD_PROVISIONAL_CODE']);
      });
    });
  }
});

describe('TreatmentPlanSchema: a provisional level is a range, never a level alone', () => {
  type Provisional = Extract<PlanLevel, { status: 'provisional' }>;
  it.each<{ readonly change: string; readonly apply: (lv: Provisional) => unknown; readonly valid: boolean }>([
    { change: 'none (the provisional sample)', apply: (lv) => lv, valid: true },
    { change: 'atMost not above atLeast', apply: (lv) => ({ ...lv, atMost: 1 }), valid: false },
    { change: 'level other than atLeast', apply: (lv) => ({ ...lv, level: 2 }), valid: false },
    { change: 'basis clinician (a decision makes it decided)', apply: (lv) => ({ ...lv, basis: 'clinician' }), valid: false },
    { change: 'no status', apply: ({ status: _s, ...rest }) => rest, valid: false },
    { change: 'status decided with a range', apply: (lv) => ({ ...lv, status: 'decided' }), valid: false },
    { change: 'a blank awaited item', apply: (lv) => ({ ...lv, awaiting: [{ code: 'sils', text: ' ' }] }), valid: false },
  ])('change: $change -> valid $valid', ({ apply, valid }) => {
    const plan = provisionalKolPlan();
    expect(plan.level?.status).toBe('provisional');
    const lv = plan.level as Provisional;
    expect(TreatmentPlanSchema.safeParse({ ...plan, level: apply(lv) }).success).toBe(valid);
  });
});

describe.skipIf(!STANDARDS_PRESENT)('a provisional level with the HL7 CDA R2 SDTC schema (../shared/standards)', () => {
  it('is XSD-valid with zero errors', async () => {
    const report = await validateCpd(toCpdXml(provisionalKolPlan()), { schemas: loadCdaSchemas() });
    expect(report.xsd).toBe('valid');
    expect(report.valid).toBe(true);
  });
});
