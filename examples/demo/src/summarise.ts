/**
 * Validates a synthetic clinic and summarises it: the demo's main job for
 * now (the later issues add inclusion, levels, the cockpit and CPD). Pure:
 * records in, a summary out, so the test can check it.
 */
import {
  ageInYears,
  createFactContext,
  getValueSet,
  inValueSet,
  safeParsePatientRecord,
} from '@kronikerpakker/core';
import type { IsoDate, PackageId, PatientRecord, RecordIssueCode } from '@kronikerpakker/core';
import { suggestLevelInContext } from '@kronikerpakker/differentiation';
import { evaluateInclusionInContext } from '@kronikerpakker/inclusion';
import type { InclusionStatus } from '@kronikerpakker/inclusion';

/** What the demo reports about a clinic. */
export interface ClinicSummary {
  readonly total: number;
  readonly valid: number;
  readonly invalid: number;
  readonly issuesByCode: Readonly<Partial<Record<RecordIssueCode, number>>>;
  readonly listed: number;
  readonly deceased: number;
  readonly withCpr: number;
  readonly ageBands: readonly { readonly band: string; readonly count: number }[];
  readonly kolDiagnosis: number;
  readonly lrsDiagnosis: number;
  readonly kolConfirmedBySpirometry: number;
  readonly kolWithoutSpirometry: number;
  readonly edgeCases: number;
  /** Per package: inclusion statuses among patients with the package's diagnosis, and suggested levels of the eligible. */
  readonly packages: Readonly<
    Record<
      PackageId,
      {
        readonly status: Readonly<Record<InclusionStatus, number>>;
        readonly levels: Readonly<Record<'1' | '2' | '3', number>>;
        readonly levelUndetermined: number;
      }
    >
  >;
}

const BANDS: readonly [number, number, string][] = [
  [0, 17, '0-17'],
  [18, 29, '18-29'],
  [30, 49, '30-49'],
  [50, 64, '50-64'],
  [65, 79, '65-79'],
  [80, 200, '80+'],
];

function hasActive(record: PatientRecord, valueSetId: 'kol-diagnosis' | 'lrs-diagnosis'): boolean {
  const vs = getValueSet(valueSetId);
  return record.diagnoses.some((d) => d.status === 'active' && inValueSet(vs, d));
}

/**
 * Validates every record and counts what a clinician would first want to know.
 *
 * @param records - record inputs (synthetic)
 * @param asOf - the evaluation date
 * @returns the summary
 */
export function summariseClinic(records: Iterable<unknown>, asOf: IsoDate): ClinicSummary {
  let total = 0;
  let valid = 0;
  let listed = 0;
  let deceased = 0;
  let withCpr = 0;
  let kolDiagnosis = 0;
  let lrsDiagnosis = 0;
  let kolConfirmed = 0;
  let kolNoSpiro = 0;
  let edgeCases = 0;
  const issuesByCode: Partial<Record<RecordIssueCode, number>> = {};
  const emptyPackage = () => ({
    status: { eligible: 0, 'not-eligible': 0, excluded: 0, 'insufficient-data': 0 },
    levels: { '1': 0, '2': 0, '3': 0 },
    levelUndetermined: 0,
  });
  const packages = { KOL: emptyPackage(), LRS: emptyPackage() };
  const bandCounts = new Map<string, number>(BANDS.map(([, , b]) => [b, 0]));
  for (const input of records) {
    total++;
    const result = safeParsePatientRecord(input, { asOf });
    if (!result.success) {
      for (const issue of result.error.issues) issuesByCode[issue.code] = (issuesByCode[issue.code] ?? 0) + 1;
      continue;
    }
    valid++;
    const r = result.record;
    if (r.id.includes('-edge-')) edgeCases++;
    if (r.patient.listed) listed++;
    if (r.patient.deceasedDate !== undefined) deceased++;
    if (r.patient.cpr !== undefined) withCpr++;
    const age = ageInYears(r.patient.birthDate, asOf);
    const band = BANDS.find(([lo, hi]) => age >= lo && age <= hi)?.[2];
    if (band !== undefined) bandCounts.set(band, (bandCounts.get(band) ?? 0) + 1);
    if (hasActive(r, 'kol-diagnosis')) {
      kolDiagnosis++;
      const postBd = r.spirometry.filter((s) => s.postBronchodilator);
      if (postBd.length === 0) kolNoSpiro++;
      else if (postBd.some((s) => s.ratio < 0.7)) kolConfirmed++;
    }
    if (hasActive(r, 'lrs-diagnosis')) lrsDiagnosis++;
    // Inclusion and levels over one fact context: each fact is computed once for both packages.
    const ctx = createFactContext(r, asOf);
    for (const pkg of ['KOL', 'LRS'] as const) {
      if (!hasActive(r, pkg === 'KOL' ? 'kol-diagnosis' : 'lrs-diagnosis')) continue;
      const inclusion = evaluateInclusionInContext(ctx, { package: pkg });
      const p = packages[pkg];
      p.status[inclusion.status]++;
      if (inclusion.status !== 'eligible') continue;
      const level = suggestLevelInContext(ctx, { package: pkg });
      p.levels[String(level.suggestedLevel) as '1' | '2' | '3']++;
      if (!level.determined) p.levelUndetermined++;
    }
  }
  return {
    total,
    valid,
    invalid: total - valid,
    issuesByCode,
    listed,
    deceased,
    withCpr,
    ageBands: [...bandCounts].map(([band, count]) => ({ band, count })),
    kolDiagnosis,
    lrsDiagnosis,
    kolConfirmedBySpirometry: kolConfirmed,
    kolWithoutSpirometry: kolNoSpiro,
    edgeCases,
    packages,
  };
}

/**
 * Renders the summary as a plain-text report.
 *
 * @param s - the summary
 * @param meta - seed and asOf for the heading
 * @returns lines of text
 */
export function renderSummary(s: ClinicSummary, meta: { seed: number; asOf: IsoDate }): string {
  const pct = (n: number, d: number) => (d === 0 ? '0.0' : ((100 * n) / d).toFixed(1));
  const row = (label: string, value: string | number) => `  ${label.padEnd(44)}${String(value).padStart(8)}`;
  const lines = [
    `Synthetic clinic (SYNTHETIC DATA, not real patients): seed ${String(meta.seed)}, asOf ${meta.asOf}`,
    '',
    row('records', s.total),
    row('valid records', s.valid),
    row('invalid records', s.invalid),
    row('listed at the clinic', s.listed),
    row('deceased', s.deceased),
    row('with a (synthetic) CPR', `${pct(s.withCpr, s.valid)} %`),
    row('planted edge cases', s.edgeCases),
    '',
    '  Age bands',
    ...s.ageBands.map((b) => row(`    ${b.band}`, b.count)),
    '',
    '  Diagnoses on the active problem list',
    row('    KOL (R95, J43, J44)', `${String(s.kolDiagnosis)} (${pct(s.kolDiagnosis, s.valid)} %)`),
    row('      confirmed: post-BD FEV1/FVC < 0.70', s.kolConfirmedBySpirometry),
    row('      no post-bronchodilator spirometry', s.kolWithoutSpirometry),
    row('    LRS (L03, L84, L86, M54.3-5, ...)', `${String(s.lrsDiagnosis)} (${pct(s.lrsDiagnosis, s.valid)} %)`),
  ];
  for (const pkg of ['KOL', 'LRS'] as const) {
    const p = s.packages[pkg];
    lines.push(
      '',
      `  ${pkg}: inclusion of patients with the diagnosis (provisional rule packs)`,
      row('    eligible', p.status.eligible),
      row('    insufficient data', p.status['insufficient-data']),
      row('    not eligible', p.status['not-eligible']),
      row('    excluded', p.status.excluded),
      `  ${pkg}: suggested level of the eligible (provisional model)`,
      row('    level 1 / 2 / 3', `${String(p.levels['1'])} / ${String(p.levels['2'])} / ${String(p.levels['3'])}`),
      row('    could still rise with missing data', p.levelUndetermined),
    );
  }
  const issues = Object.entries(s.issuesByCode);
  if (issues.length > 0) {
    lines.push('', '  Validation issues by code');
    for (const [code, n] of issues) lines.push(row(`    ${code}`, n));
  }
  return lines.join('\n');
}
