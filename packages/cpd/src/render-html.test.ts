import { describe, expect, it } from 'vitest';
import { wellFormed } from './xml-tree';
import { renderPlanHtml } from './render-html';
import { samplePlan } from './test-helpers';

describe('renderPlanHtml', () => {
  it('patient page: plain Danish, lang="da", the four questions, no codes or CPR', () => {
    const plan = samplePlan('KOL');
    const html = renderPlanHtml(plan, { audience: 'patient', locale: 'da' });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="da">')).toBe(true);
    for (const heading of ['Hvad er min plan?', 'Mine mål', 'Hvad sker der nu, og hvornår?', 'Mit niveau']) expect(html).toContain(`>${heading}</h2>`);
    expect(html).toContain('Du er med i et forløb for KOL');
    // The level in one sentence; a level not decided yet is never stated (see level-status.test.ts).
    expect(html).toMatch(plan.level?.status === 'provisional' ? /Dit niveau er ikke fastlagt endnu\./ : /Niveau \d: du /);
    expect(html).not.toContain(plan.patient.cpr);
    expect(html).not.toContain('MCS');
    expect(html).toContain('<th scope="col">');
    expect(html).toContain('<caption>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it('clinician page: codes, CPR, drivers and the provisional mark', () => {
    const plan = samplePlan('LRS');
    const html = renderPlanHtml(plan, { audience: 'clinician', locale: 'da' });
    expect(html).toContain('Diagnoser');
    expect(html).toContain(`${plan.patient.cpr.slice(0, 6)}-${plan.patient.cpr.slice(6)}`);
    expect(html).toContain('Foreløbig kode (ikke publiceret): forløbslabel PROV-LRS');
  });

  it('is self-contained: no scripts, no external resources', () => {
    for (const audience of ['patient', 'clinician'] as const) {
      for (const pkg of ['KOL', 'LRS'] as const) {
        const html = renderPlanHtml(samplePlan(pkg), { audience });
        expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import|https?:/i);
        // The page is also well-formed as XML apart from the doctype and void meta tags.
        const xmlish = html.replace('<!DOCTYPE html>', '').replace(/<meta ([^>]*[^/])>/g, '<meta $1/>');
        expect(wellFormed(xmlish)).toBe(true);
      }
    }
  });

  it('English headings with locale en', () => {
    const html = renderPlanHtml(samplePlan('KOL'), { audience: 'patient', locale: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('>My goals</h2>');
  });
});
