import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormed } from './xml-tree';
import { KronikerpakkerError } from '@kronikerpakker/core';
import { parseCpd } from './parse';
import { renderPlanHtml } from './render-html';
import { toCpdXml } from './to-xml';
import { validateCpd } from './validate';
import { firstInvalidXmlChar, stripInvalidXmlChars } from './xml-text';
import { includedRecord, nastyTextArb, samplePlan } from './test-helpers';
import { buildTreatmentPlan } from './build-plan';

const HOSTILE = 'a < b && c > d ]]> "q" \'s\' \r\n\t 😀 <script>alert(1)</script> &amp; &#13;';

describe('escaping of free text', () => {
  it('keeps the XML well-formed and the text intact for markup, entities, ]]>, quotes, CR/LF, emoji', () => {
    const base = samplePlan('KOL');
    const plan = { ...base, title: HOSTILE, clinic: { ...base.clinic, name: HOSTILE }, interventions: { ...base.interventions, completed: [{ id: base.interventions.completed[0]!.id, date: '2027-01-10', text: HOSTILE }] } };
    const xml = toCpdXml(plan);
    expect(wellFormed(xml)).toBe(true);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(parseCpd(xml).plan).toEqual(plan);
  });

  it('keeps very long text well-formed (1,000-character goal, 300-character patient goal)', () => {
    const base = samplePlan('LRS');
    const long = '😀<&'.repeat(250);
    const plan = {
      ...base,
      goals: [
        { kind: 'text' as const, id: base.goals[0]!.id, date: base.goals[0]!.date, text: long.slice(0, 1000) },
        { kind: 'patient' as const, id: base.goals[1]!.id, date: base.goals[1]!.date, text: 'æ'.repeat(300) },
      ],
    };
    const xml = toCpdXml(plan);
    expect(wellFormed(xml)).toBe(true);
    expect(parseCpd(xml).plan).toEqual(plan);
  });

  it('renders hostile text as inert HTML (property)', () => {
    fc.assert(
      fc.property(nastyTextArb(300), (text) => {
        const base = samplePlan('KOL');
        const html = renderPlanHtml({ ...base, title: text, goals: [{ kind: 'patient', id: base.goals[0]!.id, date: base.goals[0]!.date, text }] }, { audience: 'patient' });
        expect(html).not.toContain('<script');
        expect(html.match(/<title>/g)).toHaveLength(1);
        expect(firstInvalidXmlChar(html)).toBe(-1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('characters XML forbids', () => {
  it('stripInvalidXmlChars removes them and keeps everything else', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f😀\t\n\r')).toBe('abcdef😀\t\n\r');
    expect(firstInvalidXmlChar('ok 😀')).toBe(-1);
    expect(firstInvalidXmlChar('x\u0001')).toBe(1);
  });

  it('toCpdXml rejects them with a coded error that names the path, never the text', () => {
    const base = samplePlan('KOL');
    const bad = { ...base, title: 'Syntetisk\u0001Titel' };
    let caught: unknown;
    try {
      toCpdXml(bad);
    } catch (err) {
      caught = err;
    }
    expect(KronikerpakkerError.is(caught)).toBe(true);
    const err = caught as KronikerpakkerError;
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.path).toEqual(['plan', 'title']);
    expect(err.message).toContain('CPD_INVALID_XML_CHARACTER');
    expect(JSON.stringify(err) + err.message).not.toContain('Syntetisk');
  });

  it('an invalid plan is rejected with a path and no values', () => {
    const base = samplePlan('KOL');
    expect(() => toCpdXml({ ...base, patient: { ...base.patient, cpr: '0000000000' } })).toThrow(/patient\.cpr/);
    try {
      toCpdXml({ ...base, patient: { ...base.patient, cpr: '0000000000' } });
    } catch (err) {
      expect(String(err)).not.toContain('0000000000');
    }
  });
});

describe('the parser resolves no entities and fetches nothing', () => {
  it('refuses an XXE payload (external entity) without reading the file', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&xxe;</title></ClinicalDocument>';
    const r = parseCpd(xxe);
    expect(r.plan).toBeUndefined();
    expect(r.findings).toEqual([{ code: 'CPD_DOCTYPE_FORBIDDEN', severity: 'error', location: '/', line: 2 }]);
    expect(JSON.stringify(r)).not.toContain('root:');
  });

  it('refuses entity expansion (billion laughs) and a parameter-entity fetch', async () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><ClinicalDocument>&lol2;</ClinicalDocument>';
    expect(parseCpd(lol).findings[0]?.code).toBe('CPD_DOCTYPE_FORBIDDEN');
    const remote = '<!DOCTYPE x [<!ENTITY % r SYSTEM "http://127.0.0.1:9/x.dtd"> %r;]><ClinicalDocument/>';
    expect((await validateCpd(remote)).findings[0]?.code).toBe('CPD_DOCTYPE_FORBIDDEN');
  });

  it('leaves undeclared entity references as text and decodes character references once', () => {
    const base = samplePlan('KOL');
    const xml = toCpdXml({ ...base, title: '&amp;#60; &lt;' });
    expect(parseCpd(xml).plan?.title).toBe('&amp;#60; &lt;');
  });

  it('never throws on garbage input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const r = parseCpd(s);
        expect(Array.isArray(r.findings)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('findings never carry document content', () => {
  it('for a document with many problems', async () => {
    const xml = toCpdXml(samplePlan('KOL'))
      .replace('<realmCode code="DK"/>', '')
      .replace(/<title>Tilstande, diagnoser<\/title>/, '')
      .replace('extension="cpd-v2.0.0"', 'extension="Syntetisk Patient"');
    const report = await validateCpd(xml);
    const text = JSON.stringify(report);
    expect(report.findings.length).toBeGreaterThan(1);
    expect(text).not.toContain('Syntetisk');
    expect(text).not.toContain(samplePlan('KOL').patient.cpr);
  });
});

// Issue 13 finding 1: values zod cannot read, and goals that are not goals, are coded errors without the value.
describe('hostile plan input gives INVALID_ARGUMENT, never a TypeError', () => {
  const coded = (fn: () => unknown, path: readonly (string | number)[]): void => {
    try {
      fn();
      expect.unreachable();
    } catch (err) {
      expect(KronikerpakkerError.is(err)).toBe(true);
      expect((err as KronikerpakkerError).code).toBe('INVALID_ARGUMENT');
      expect((err as KronikerpakkerError).path).toEqual(path);
      expect(`${String(err)} ${JSON.stringify(err)}`).not.toContain('0101904321');
    }
  };

  it('toCpdXml on a plan with an unreadable string field', () => {
    const plan = samplePlan('KOL');
    const hostile = { ...plan, title: { length: Object.create(null) as object, toString: () => '0101904321' } };
    coded(() => toCpdXml(hostile as never), ['plan']);
  });

  it('buildTreatmentPlan with goals that are null, not objects, of an unknown kind, or not a list', () => {
    const record = includedRecord('KOL');
    const base = {
      asOf: '2027-01-15',
      package: 'KOL' as const,
      clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
      author: { sorId: '123456789012346', name: { given: ['Syntetisk'], family: 'Læge' } },
      patientName: { given: ['Syntetisk'], family: 'Patient' },
    };
    coded(() => buildTreatmentPlan(record, { ...base, goals: [null] as never }), ['options', 'goals', 0]);
    coded(() => buildTreatmentPlan(record, { ...base, goals: [{ kind: 'text', text: 'ok' }, '0101904321'] as never }), ['options', 'goals', 1]);
    coded(() => buildTreatmentPlan(record, { ...base, goals: [{ kind: '0101904321' }] as never }), ['options', 'goals', 0]);
    coded(() => buildTreatmentPlan(record, { ...base, goals: '0101904321' as never }), ['options', 'goals']);
  });
});
