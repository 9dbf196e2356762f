import { describe, expect, it } from 'vitest';
import { KronikerpakkerError } from '@kronikerpakker/core';
import type { PatientRecordInput } from '@kronikerpakker/core';
import { evaluatePatient } from './evaluate';
import { explainPatient } from './explain';
import { ASOF, deterministicPlan, fixtureRecord } from './test-helpers';

describe('explainPatient', () => {
  const e = evaluatePatient(fixtureRecord('syn-2027-15-edge-ratio-070'), { asOf: ASOF, plan: deterministicPlan() });

  it('gives status, reasons, level with drivers and contact plan, dated care items and rule sets, in Danish', () => {
    const lines = explainPatient(e, { locale: 'da' });
    expect(lines[0]).toBe('Journal syn-2027-15-edge-ratio-070 · vurderet pr. 15. januar 2027');
    expect(lines[1]).toBe('KOL: Kan indgå i pakken (indskrevet i pakken)');
    expect(lines).toContain('    - Spirometrien bekræfter KOL-diagnosen: FEV1/FVC er 0,51.');
    expect(lines).toContain('  Niveau: Foreslået niveau 2.');
    expect(lines).toContain('    Kontaktplan: Niveau 2: yderligere indsatser (trin 2).');
    const items = lines.filter((l) => l.startsWith('    - [') || l.startsWith('    - HASTER'));
    expect(items[0]).toBe(
      '    - [overskredet, 29. september 2026] Opfølgning efter kontaktplanen er overskredet: den skulle have været holdt senest den 29. september 2026.',
    );
    expect(lines).toContain('  Forløbsplan: dannet og skrevet som CPD-DK-dokument.');
    // Issue 12: the packs of 2027 are version 0.2.0 (valid from 2027-01-01).
    expect(lines).toContain('  Regelsæt: kol-inclusion 0.2.0 (foreløbig), kol-differentiation 0.2.0 (foreløbig), kol-care 0.2.0 (foreløbig)');
    // Issue 12 finding 1: the enrolment policy's standing, in words: KOL enrolled, LRS a candidate.
    expect(lines).toContain('  I pakken: pakkens opgaver og niveau gælder.');
    expect(lines).toContain(
      '  Kandidat: opfylder kriterierne, men er ikke tilmeldt. Niveauforslaget er til brug ved tilmelding; pakkens opgaver starter ved tilmelding.',
    );
    // Care items come in the order of the evaluation.
    const kolItems = e.packages.KOL?.care.items ?? [];
    expect(items.slice(0, kolItems.length).every((l, i) => l.endsWith(kolItems[i]?.text.da ?? '?'))).toBe(true);
  });

  it('speaks English', () => {
    const lines = explainPatient(e, { locale: 'en' });
    expect(lines[0]).toBe('Record syn-2027-15-edge-ratio-070 · evaluated as of 15 January 2027');
    expect(lines).toContain('KOL (COPD): Eligible for the package (enrolled in the package)');
    expect(lines.some((l) => l.startsWith('Low back pain (LRS): '))).toBe(true);
    expect(lines).toContain('    - [overdue, 29 September 2026] The follow-up of the contact plan is overdue: it was due by 29 September 2026.');
  });

  it('lists the issues of an invalid record by path and kind, never the value', () => {
    const bad = { id: 'syn-x', patient: { birthDate: '1950-01-01', sex: 'female', listed: true }, mrc: [{ date: '2026-01-01', grade: 77 }] } as PatientRecordInput;
    const lines = explainPatient(evaluatePatient(bad, { asOf: ASOF }), { locale: 'en' });
    expect(lines[1]).toBe('The record is invalid (1 issue); nothing was evaluated.');
    expect(lines[2]).toContain('mrc[0].grade');
    expect(lines.join('\n')).not.toContain('77');
  });

  it('rejects an unknown locale', () => {
    expect(() => explainPatient(e, { locale: 'sv' as 'da' })).toThrow(KronikerpakkerError);
  });
});
