import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CpdFindingCode } from './findings';
import { parseCpd } from './parse';
import { toCpdXml } from './to-xml';
import { validateCpd } from './validate';
import type { CdaSchemaSet } from './validate';
import { EXAMPLES_DIR, SKIP_MESSAGE, STANDARDS_PRESENT, loadCdaSchemas, planArb, samplePlan } from './test-helpers';

if (!STANDARDS_PRESENT) console.warn(SKIP_MESSAGE);

describe('validateCpd: CPD-DK rules (no schemas needed)', () => {
  it('passes generated KOL and LRS documents with zero errors; provisional codes are warnings', async () => {
    const kol = await validateCpd(toCpdXml(samplePlan('KOL')));
    expect(kol.valid).toBe(true);
    expect(kol.xsd).toBe('skipped');
    expect(kol.findings.map((f) => f.code)).toEqual(['CPD_PROVISIONAL_CODE']); // the level section
    const lrs = await validateCpd(toCpdXml(samplePlan('LRS')));
    expect(lrs.valid).toBe(true);
    expect(lrs.findings.filter((f) => f.code === 'CPD_PROVISIONAL_CODE').map((f) => f.location)).toContain(
      '/ClinicalDocument/documentationOf[3]/serviceEvent/code/@code',
    );
  });

  it('reports malformed XML with a line, and never content', async () => {
    const report = await validateCpd('<ClinicalDocument>\n<title>Syntetisk Patient</ClinicalDocument>');
    expect(report.valid).toBe(false);
    expect(report.findings[0]).toMatchObject({ code: 'CPD_XML_MALFORMED', severity: 'error', line: expect.any(Number) as number });
    expect(JSON.stringify(report)).not.toContain('Syntetisk');
  });

  const broken = (mutate: (xml: string) => string): Promise<readonly CpdFindingCode[]> =>
    validateCpd(mutate(toCpdXml(samplePlan('KOL')))).then((r) => r.findings.filter((f) => f.severity === 'error').map((f) => f.code));

  it('checks each header rule', async () => {
    expect(await broken((x) => x.replace('<realmCode code="DK"/>', ''))).toEqual(['CPD_REALM_CODE']);
    expect(await broken((x) => x.replace('<templateId root="1.2.208.184.15.1"/>', '<templateId root="1.2.208.184.15.1" extension="x"/>'))).toEqual(['CPD_DOCUMENT_TEMPLATE_ID']);
    expect(await broken((x) => x.replace(/extension="00000000-0000-4000-8000-0000000000(\w\w)" assigningAuthorityName="MedCom"/, 'extension="not-a-uuid" assigningAuthorityName="MedCom"'))).toEqual(['CPD_DOCUMENT_ID']);
    expect(await broken((x) => x.replace('code="81215-6"', 'code="11488-4"'))).toEqual(['CPD_DOCUMENT_CODE']);
    expect(await broken((x) => x.replace('20270115103000+0100', '20270115'))).toEqual(['CPD_EFFECTIVE_TIME']);
    expect(await broken((x) => x.replace('<languageCode code="da-DK"/>', '<languageCode code="en-GB"/>'))).toEqual(['CPD_LANGUAGE_CODE']);
    expect(await broken((x) => x.replace('extension="cpd-v2.0.0"', 'extension="cpd-v1.0"'))).toEqual(['CPD_PROFILE_VERSION_MISSING']);
    expect(await broken((x) => x.replace('<templateId root="1.2.208.184.10.1.12"/>', ''))).toEqual(['CPD_FORLOEBSLABEL_MISSING']);
    expect(await broken((x) => x.replace('<high nullFlavor="NI"/>', ''))).toEqual(['CPD_VALIDITY_MISSING']);
  });

  it('reports a missing section and a patient goal over 300 characters', async () => {
    const plan = samplePlan('KOL');
    const xml = toCpdXml(plan);
    const long = xml.replace(/(<value xsi:type="ST">)Jeg vil kunne gå tur med hunden hver dag\.(<\/value>)/, `$1${'x'.repeat(301)}$2`);
    expect((await validateCpd(long)).findings.map((f) => f.code)).toContain('CPD_GOAL_TEXT_TOO_LONG');
    const noGoals = xml.replace('root="1.2.208.184.15.1.10.20.2" extension', 'root="9.9" extension').replace('code="61146-7"', 'code="0-0"');
    const r = await validateCpd(noGoals);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'CPD_SECTION_MISSING', severity: 'error' }));
  });
});

describe.skipIf(!STANDARDS_PRESENT)('validateCpd with the HL7 CDA R2 SDTC schema (../shared/standards)', () => {
  let schemas: CdaSchemaSet;
  beforeAll(() => {
    schemas = loadCdaSchemas();
  });

  it('generated KOL and LRS documents are XSD-valid with zero errors', async () => {
    for (const pkg of ['KOL', 'LRS'] as const) {
      const report = await validateCpd(toCpdXml(samplePlan(pkg)), { schemas });
      expect(report.xsd).toBe('valid');
      expect(report.valid).toBe(true);
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('documents with hostile free text stay XSD-valid', async () => {
    const plans = fc.sample(planArb, { numRuns: 12, seed: 42 });
    for (const plan of plans) {
      const report = await validateCpd(toCpdXml(plan), { schemas });
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  }, 180_000); // libxml2 in WebAssembly: slow on a loaded machine

  it('reports an XSD error by element and line, never by content', async () => {
    const xml = toCpdXml(samplePlan('KOL')).replace('<realmCode code="DK"/>', '<realmCode code="DK"/><bogus>Syntetisk Patient</bogus>');
    const report = await validateCpd(xml, { schemas });
    expect(report.xsd).toBe('invalid');
    const xsd = report.findings.filter((f) => f.code === 'CPD_XSD_INVALID');
    expect(xsd[0]).toMatchObject({ location: '//bogus', line: 3 });
    expect(JSON.stringify(report)).not.toContain('Syntetisk');
  });

  it('the valid 2018 MedCom example is XSD-valid', async () => {
    const xml = readFileSync(join(EXAMPLES_DIR, 'CPD-DK_Care_Plan_Diabetes_Example_1_2018-11-02.xml'), 'utf8');
    expect((await validateCpd(xml, { schemas })).xsd).toBe('valid');
  });
});

describe.skipIf(!STANDARDS_PRESENT)('MedCom examples (../shared/standards/medcom-cpd-examples)', () => {
  const BASE = 'CPD-DK_Care_Plan_Diabetes_Example_1_2018-11-02';
  const SEC = '/ClinicalDocument/component/structuredBody/component';
  const read = (name: string): string => readFileSync(join(EXAMPLES_DIR, name), 'utf8');

  it('the valid 2018 example parses: four sections, no structural errors, defects as warnings', () => {
    const r = parseCpd(read(`${BASE}.xml`));
    expect(r.sections.map((s) => s.kind).sort()).toEqual(['goals', 'healthConcerns', 'interventions', 'outcomes']);
    const structural = r.findings.filter((f) => f.code.startsWith('CPD_SECTION') || f.code.startsWith('CPD_SUBSECTION') || f.code === 'CPD_XML_MALFORMED');
    expect(structural).toEqual([]);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'CPD_VALIDITY_TEMPLATE_ID_MISSING', severity: 'warning' }));
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'CPD_INTERVENTION_ENCOUNTER', severity: 'warning' }));
  });

  const variants: readonly (readonly [string, CpdFindingCode, string])[] = [
    ['NoGoalSectionComponent', 'CPD_SUBSECTION_MISSING', `${SEC}[2]/section/component`],
    ['NoGoalSectionTemplateId', 'CPD_SECTION_TEMPLATE_ID_MISSING', `${SEC}[2]/section/templateId`],
    ['NoHealthConcernCode', 'CPD_SECTION_CODE_MISSING', `${SEC}[1]/section/code`],
    ['NoHealthConcernSectionComponent', 'CPD_SUBSECTION_MISSING', `${SEC}[1]/section/component`],
    ['NoHealthConcernSectionTemplateId', 'CPD_SECTION_TEMPLATE_ID_MISSING', `${SEC}[1]/section/templateId`],
    ['NoHealthConcernText', 'CPD_SECTION_TEXT_MISSING', `${SEC}[1]/section/text`],
    ['NoHealthConcernTitle', 'CPD_SECTION_TITLE_MISSING', `${SEC}[1]/section/title`],
    ['NoInterventionSectionComponent', 'CPD_SUBSECTION_MISSING', `${SEC}[4]/section/component`],
    ['NoInterventionSectionTemplateId', 'CPD_SECTION_TEMPLATE_ID_MISSING', `${SEC}[4]/section/templateId`],
  ];
  for (const [variant, code, location] of variants) {
    it(`${variant}: reported as ${code} at the missing element`, async () => {
      const xml = read(`${BASE}_${variant}.xml`);
      const valid = parseCpd(read(`${BASE}.xml`)).findings;
      const report = await validateCpd(xml);
      const fresh = report.findings.filter((f) => !valid.some((v) => v.code === f.code && v.location === f.location));
      expect(fresh).toEqual([{ code, severity: 'error', location }]);
      expect(report.valid).toBe(false);
    });
  }

  it('every example file parses without throwing', () => {
    for (const name of readdirSync(EXAMPLES_DIR).filter((n) => n.endsWith('.xml'))) {
      const r = parseCpd(read(name));
      expect(r.sections.length).toBeGreaterThanOrEqual(3);
    }
  });
});
