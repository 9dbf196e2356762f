import { describe, expect, it } from 'vitest';
import { KronikerpakkerError, parsePatientRecord } from '@kronikerpakker/core';
import type { PackageId, PatientRecord } from '@kronikerpakker/core';
import { buildTreatmentPlan, contactPlanFollowUps } from './build-plan';
import { TreatmentPlanSchema } from './model';
import { parseCpd } from './parse';
import { renderPlanHtml } from './render-html';
import { toCpdXml } from './to-xml';
import { asOf, fixedClock, includedRecord, samplePlan, sequentialIds } from './test-helpers';

const common = {
  asOf,
  clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus' },
  author: { sorId: '123456789012346', name: { given: ['Syntetisk'], family: 'Læge' } },
  patientName: { given: ['Syntetisk'], family: 'Patient' },
} as const;

describe('buildTreatmentPlan', () => {
  it('assembles a valid, deterministic plan with health concerns, results, level and contact plan', () => {
    const plan = samplePlan('KOL');
    expect(TreatmentPlanSchema.safeParse(plan).success).toBe(true);
    expect(samplePlan('KOL')).toEqual(plan);
    expect(plan.healthConcerns.length).toBeGreaterThan(0);
    expect(plan.outcomes.some((o) => o.system === 'MCS')).toBe(true);
    expect(plan.level?.drivers.length).toBeGreaterThan(0);
    // Issue 12: the sample's CAT/MRC are older than 12 months, so the level is provisional "at least 2" (every 6 months).
    expect(plan.level?.status).toBe('provisional');
    expect(plan.interventions.planned.map((x) => x.date)).toEqual(['2027-01-15', '2027-07-15']);
    expect(plan.createdAt).toBe('2027-01-15T09:30:00Z');
    expect(plan.title).toBe('Forløbsplan for KOL');
  });

  it('makes a replacing version in the same set', () => {
    const first = samplePlan('LRS');
    const next = buildTreatmentPlan(includedRecord('LRS'), {
      ...common,
      package: 'LRS',
      replaces: { setId: first.version.setId, number: first.version.number, documentId: first.documentId },
      idGenerator: sequentialIds(900),
      clock: fixedClock,
    });
    expect(next.version).toEqual({ setId: first.version.setId, number: 2, replaces: first.documentId });
  });

  it('cleans characters XML forbids out of free text', () => {
    const plan = buildTreatmentPlan(includedRecord('KOL'), {
      ...common,
      package: 'KOL',
      goals: [{ kind: 'patient', text: 'Gå\u0000 tur\uFFFF' }],
      level: null,
      idGenerator: sequentialIds(),
      clock: fixedClock,
    });
    expect(plan.goals[0]).toMatchObject({ kind: 'patient', text: 'Gå tur' });
    expect(plan.level).toBeUndefined();
  });

  it('refuses a patient who is not included, unless allowed', () => {
    const record = parsePatientRecord({ id: 'syn-x', synthetic: true, patient: { cpr: includedRecord('KOL').patient.cpr, birthDate: includedRecord('KOL').patient.birthDate, sex: includedRecord('KOL').patient.sex, listed: true } }, { asOf });
    const options = { ...common, package: 'KOL' as const, idGenerator: sequentialIds(), clock: fixedClock };
    let caught: unknown;
    try {
      buildTreatmentPlan(record, options);
    } catch (err) {
      caught = err;
    }
    expect(KronikerpakkerError.is(caught) && caught.code === 'INVALID_ARGUMENT').toBe(true);
    const status = (caught as KronikerpakkerError).message;
    expect(status).not.toContain(record.patient.cpr ?? 'x');
  });
});

const AARS = 'Årsstatus hos egen læge (hver 12. måned). PRO-skema før besøget.';
const followUp = (level: number, months: number): string => `Planlagt opfølgning hos egen læge (niveau ${String(level)}: hver ${String(months)}. måned). PRO-skema før besøget.`;
/** A provisional level names no level: the rhythm is "foreløbigt, indtil niveauet er fastlagt" (issue 12 finding 10). */
const provisionalFollowUp = (months: number): string =>
  `Planlagt opfølgning hos egen læge (foreløbigt, indtil niveauet er fastlagt: hver ${String(months)}. måned). PRO-skema før besøget.`;

/** The planned follow-ups as the CPD entries say them: [date, text] from the AWB4 acts. */
function plannedEntries(xml: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /<code code="AWB4"[^>]*\/>\s*<statusCode code="active"\/>\s*<effectiveTime value="(\d{8})"\/>[\s\S]*?<value xsi:type="ST">([^<]*)<\/value>/g;
  for (const m of xml.matchAll(re)) out.push([`${m[1]!.slice(0, 4)}-${m[1]!.slice(4, 6)}-${m[1]!.slice(6)}`, m[2]!]);
  return out;
}
const danish = (d: string): string => `${d.slice(8)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/** The plan's planned follow-ups must be the same in the plan, the CPD entries, the CPD narrative and the patient page. */
function expectConsistent(plan: ReturnType<typeof samplePlan>, expected: readonly (readonly [string, string])[]): void {
  expect(plan.interventions.planned.map((x) => [x.date, x.text])).toEqual(expected);
  const xml = toCpdXml(plan);
  expect(plannedEntries(xml)).toEqual(expected);
  const narrative = /<title>Planlagt opfølgning<\/title>\s*<text>([\s\S]*?)<\/text>/.exec(xml)?.[1] ?? '';
  expect([...narrative.matchAll(/<tr>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]])).toEqual(expected.map(([d, t]) => [danish(d), t]));
  expect(parseCpd(xml).plan?.interventions.planned).toEqual(plan.interventions.planned);
  const html = renderPlanHtml(plan, { audience: 'patient' });
  const next = /<h2 id="next">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  expect([...next.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]])).toEqual(expected.map(([d, t]) => [danish(d), t]));
}

describe('planned follow-ups come from the level\'s contact plan', () => {
  it('LRS level 2: 6-monthly follow-ups after the last follow-up, then the årsstatus (plan, CPD entries, narrative, patient page)', () => {
    const plan = samplePlan('LRS');
    expect(plan.level?.level).toBe(2);
    expectConsistent(plan, [
      ['2027-03-10', followUp(2, 6)], // last LRS follow-up 2026-09-10 + 6 months
      ['2027-09-10', followUp(2, 6)],
      ['2028-01-15', AARS], // no årsstatus recorded: asOf + 12 months
    ]);
    const html = renderPlanHtml(plan, { audience: 'patient' });
    expect(html).toContain('Du skal til opfølgning hos din læge hver 6. måned og til årsstatus hver 12. måned.');
  });

  it('KOL provisional at least 2: an overdue årsstatus is due now, then 6-monthly follow-ups said to be provisional', () => {
    // Issue 12 findings 6 and 10: old CAT/MRC leave the level at "at least 2"; the plan names no level for it.
    const plan = samplePlan('KOL');
    expect(plan.level).toMatchObject({ status: 'provisional', atLeast: 2, atMost: 3 });
    expectConsistent(plan, [
      ['2027-01-15', AARS], // last årsstatus 2025-04-11: overdue
      ['2027-07-15', provisionalFollowUp(6)],
    ]);
  });

  const atLevel = (pkg: PackageId, level: 1 | 2 | 3, encounters: PatientRecord['encounters']): PatientRecord => ({
    ...includedRecord(pkg),
    encounters,
    levelDecisions: [{ date: '2027-01-10', package: pkg, level, reason: 'Syntetisk vurdering' }],
  });
  const build = (record: PatientRecord, pkg: PackageId) =>
    buildTreatmentPlan(record, { ...common, package: pkg, idGenerator: sequentialIds(), clock: fixedClock });

  for (const pkg of ['KOL', 'LRS'] as const) {
    it(`${pkg} levels 1-3 (clinician's level): the contact plan's intervals, from the latest årsstatus`, () => {
      const encounters: PatientRecord['encounters'] = [
        { date: '2026-03-01', type: 'aarsstatus', package: pkg },
        { date: '2026-11-20', type: 'other', package: pkg },
        { date: '2026-12-01', type: 'follow-up', package: pkg === 'KOL' ? 'LRS' : 'KOL' }, // the other package: ignored
        { date: '2027-02-01', type: 'aarsstatus', package: pkg }, // after asOf: ignored
      ];
      const dates = (level: 1 | 2 | 3): string[][] => build(atLevel(pkg, level, encounters), pkg).interventions.planned.map((x) => [x.date, x.text]);
      expect(dates(1)).toEqual([['2027-03-01', AARS]]);
      // Level 2: 6 months after 2026-03-01 is overdue (due now), then the årsstatus, then 6 months after it.
      expect(dates(2)).toEqual([
        ['2027-01-15', followUp(2, 6)],
        ['2027-03-01', AARS],
        ['2027-09-01', followUp(2, 6)],
      ]);
      expect(dates(3)).toEqual([
        ['2027-01-15', followUp(3, 3)],
        ['2027-03-01', AARS],
        ['2027-06-01', followUp(3, 3)],
        ['2027-09-01', followUp(3, 3)],
        ['2027-12-01', followUp(3, 3)],
      ]);
    });
  }

  it('KOL level 1 of the synthetic clinic: only the next årsstatus, one year after the last', () => {
    const record = atLevel('KOL', 1, [
      { date: '2025-08-27', type: 'aarsstatus', package: 'KOL' },
      { date: '2026-08-21', type: 'aarsstatus', package: 'KOL' },
    ]);
    expectConsistent(build(record, 'KOL'), [['2027-08-21', AARS]]);
  });

  it('contactPlanFollowUps: no encounters, month ends, and an explicit plannedFollowUps wins', () => {
    const record = { ...includedRecord('LRS'), encounters: [{ date: '2026-08-31', type: 'follow-up' as const }] };
    const cp = { level: 2 as const, aarsstatusIntervalMonths: 12, followUpIntervalMonths: 6, proBefore: 'aarsstatus-and-follow-up' as const };
    expect(contactPlanFollowUps(record, { asOf, package: 'LRS', contactPlan: cp }).map((c) => [c.date, c.kind])).toEqual([
      ['2027-02-28', 'follow-up'],
      ['2027-08-31', 'follow-up'],
      ['2028-01-15', 'aarsstatus'],
    ]);
    expect(contactPlanFollowUps({ ...record, encounters: [] }, { asOf, package: 'LRS', contactPlan: { ...cp, followUpIntervalMonths: null, proBefore: 'aarsstatus' } })).toEqual([
      { date: '2028-01-15', kind: 'aarsstatus', text: AARS },
    ]);
    const own = buildTreatmentPlan(includedRecord('LRS'), { ...common, package: 'LRS', plannedFollowUps: [{ date: '2027-02-01', text: 'Kontrol egen læge' }], idGenerator: sequentialIds(), clock: fixedClock });
    expect(own.interventions.planned.map((x) => [x.date, x.text])).toEqual([['2027-02-01', 'Kontrol egen læge']]);
  });
});
