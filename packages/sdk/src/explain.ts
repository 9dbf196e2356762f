/**
 * `explainPatient`: a {@link PatientEvaluation} as plain text lines a
 * clinician reads, in Danish or English.
 *
 * @module
 */
import { formatIsoDate, formatRecordIssue, isLocale, KronikerpakkerError } from '@kronikerpakker/core';
import type { Locale } from '@kronikerpakker/core';
import type { CareItemKind } from '@kronikerpakker/business-rules';
import type { EnrolmentStanding, InclusionStatus } from '@kronikerpakker/inclusion';
import type { PackageEvaluation, PatientEvaluation, PlanStatus } from './evaluate';

/** Options of {@link explainPatient}. */
export interface ExplainOptions {
  /** `da` (default) or `en`. */
  readonly locale?: Locale;
  /** Include the evaluation traces' rule-set digests (default false: id, version and status only). */
  readonly digests?: boolean;
}

const T = {
  da: {
    record: 'Journal',
    asOf: 'vurderet pr.',
    invalid: (n: number) => `Journalen er ugyldig (${n === 1 ? '1 fejl' : `${n} fejl`}); intet er vurderet.`,
    mapping: (u: number, i: number, r: number) => `FHIR: ${u} poster brugt, ${i} ignoreret, ${r} afvist.`,
    packages: { KOL: 'KOL', LRS: 'Lænderygsmerter (LRS)' },
    status: {
      eligible: 'Kan indgå i pakken',
      'not-eligible': 'Kan ikke indgå i pakken',
      excluded: 'Udelukket fra pakken',
      'insufficient-data': 'Mangler oplysninger til at afgøre inklusion',
    } satisfies Record<InclusionStatus, string>,
    enrolled: 'indskrevet i pakken',
    reasons: 'Begrundelse',
    missing: 'Mangler',
    level: 'Niveau',
    noLevel: 'Niveau: ikke foreslået (kun for patienter i pakken og kandidater).',
    standing: {
      enrolled: 'I pakken: pakkens opgaver og niveau gælder.',
      candidate: 'Kandidat: opfylder kriterierne, men er ikke tilmeldt. Niveauforslaget er til brug ved tilmelding; pakkens opgaver starter ved tilmelding.',
      excluded: 'Uden for pakkens forløb (udelukket): ingen af pakkens opgaver, kun datakvalitet og alarmsymptomer.',
      'not-eligible': 'Uden for pakken (opfylder ikke kriterierne): ingen af pakkens opgaver, kun datakvalitet og alarmsymptomer.',
      'insufficient-data': 'Ikke afgjort (mangler oplysninger): ingen af pakkens opgaver, før inklusionen er afgjort.',
    } satisfies Record<EnrolmentStanding, string>,
    drivers: 'Det skyldes',
    levelMissing: 'Kan hæves af',
    clinician: (l: number, d: string) => `Klinikerens beslutning: niveau ${l} (${d})`,
    differs: 'Forslaget afviger fra klinikerens beslutning.',
    reassess: 'Niveauet bør revurderes',
    contact: 'Kontaktplan',
    care: 'Opgaver og fund',
    noCare: 'Opgaver og fund: ingen.',
    noDate: 'uden dato',
    kinds: {
      due: 'snart',
      overdue: 'overskredet',
      'missing-data': 'mangler data',
      suggestion: 'forslag',
      alert: 'advarsel',
      'data-quality': 'datakvalitet',
    } satisfies Record<CareItemKind, string>,
    urgent: 'HASTER',
    plan: {
      'not-requested': '',
      built: 'Forløbsplan: dannet',
      'not-included': 'Forløbsplan: ikke dannet (patienten er ikke inkluderet)',
      'no-cpr': 'Forløbsplan: ikke dannet (journalen har intet CPR-nummer)',
    } satisfies Record<PlanStatus, string>,
    cpd: 'og skrevet som CPD-DK-dokument',
    rules: 'Regelsæt',
    provisional: 'foreløbig',
    approved: 'godkendt',
  },
  en: {
    record: 'Record',
    asOf: 'evaluated as of',
    invalid: (n: number) => `The record is invalid (${n === 1 ? '1 issue' : `${n} issues`}); nothing was evaluated.`,
    mapping: (u: number, i: number, r: number) => `FHIR: ${u} entries used, ${i} ignored, ${r} rejected.`,
    packages: { KOL: 'KOL (COPD)', LRS: 'Low back pain (LRS)' },
    status: {
      eligible: 'Eligible for the package',
      'not-eligible': 'Not eligible for the package',
      excluded: 'Excluded from the package',
      'insufficient-data': 'Insufficient data to decide inclusion',
    } satisfies Record<InclusionStatus, string>,
    enrolled: 'enrolled in the package',
    reasons: 'Reasons',
    missing: 'Missing',
    level: 'Level',
    noLevel: 'Level: not suggested (only for patients in the package and candidates).',
    standing: {
      enrolled: "In the package: the package's tasks and level apply.",
      candidate: "Candidate: meets the criteria but is not enrolled. The suggested level is for the enrolment; the package's tasks start at enrolment.",
      excluded: "Outside the package's course (excluded): none of the package's tasks, only data quality and urgent warning signs.",
      'not-eligible': "Outside the package (criteria not met): none of the package's tasks, only data quality and urgent warning signs.",
      'insufficient-data': "Not decided (data missing): none of the package's tasks until inclusion is decided.",
    } satisfies Record<EnrolmentStanding, string>,
    drivers: 'Driven by',
    levelMissing: 'Could be raised by',
    clinician: (l: number, d: string) => `Clinician's decision: level ${l} (${d})`,
    differs: "The suggestion differs from the clinician's decision.",
    reassess: 'The level should be re-assessed',
    contact: 'Contact plan',
    care: 'Tasks and findings',
    noCare: 'Tasks and findings: none.',
    noDate: 'no date',
    kinds: {
      due: 'due',
      overdue: 'overdue',
      'missing-data': 'missing data',
      suggestion: 'suggestion',
      alert: 'alert',
      'data-quality': 'data quality',
    } satisfies Record<CareItemKind, string>,
    urgent: 'URGENT',
    plan: {
      'not-requested': '',
      built: 'Treatment plan: built',
      'not-included': 'Treatment plan: not built (the patient is not included)',
      'no-cpr': 'Treatment plan: not built (the record has no CPR number)',
    } satisfies Record<PlanStatus, string>,
    cpd: 'and written as a CPD-DK document',
    rules: 'Rule sets',
    provisional: 'provisional',
    approved: 'approved',
  },
} as const;

function explainPackage(p: PackageEvaluation, locale: Locale, digests: boolean): string[] {
  const t = T[locale];
  const lines: string[] = [];
  const inc = p.inclusion;
  lines.push(`${t.packages[p.package]}: ${t.status[inc.status]}${p.enrolled ? ` (${t.enrolled})` : ''}`);
  if (inc.reasons.length > 0) {
    lines.push(`  ${t.reasons}:`);
    for (const r of inc.reasons) lines.push(`    - ${r.urgent === true ? `${t.urgent}: ` : ''}${r.text[locale]}`);
  }
  if (inc.missing.length > 0) {
    lines.push(`  ${t.missing}:`);
    for (const m of inc.missing) lines.push(`    - ${m.text[locale]}`);
  }
  lines.push(`  ${t.standing[p.enrolment.standing]}`);
  const level = p.level;
  if (level === null) {
    lines.push(`  ${t.noLevel}`);
  } else {
    lines.push(`  ${t.level}: ${level.summary[locale]}`);
    if (level.drivers.length > 0) {
      lines.push(`    ${t.drivers}:`);
      for (const d of level.drivers) lines.push(`      - ${d.text[locale]}`);
    }
    if (level.missing.length > 0) {
      lines.push(`    ${t.levelMissing}:`);
      for (const m of level.missing) lines.push(`      - ${m.text[locale]}`);
    }
    if (level.clinicianDecision !== undefined) {
      lines.push(`    ${t.clinician(level.clinicianDecision.level, formatIsoDate(level.clinicianDecision.date, locale))}`);
      if (level.differsFromClinician) lines.push(`    ${t.differs}`);
    }
    if (level.reassessment.due) {
      lines.push(`    ${t.reassess}:`);
      for (const d of level.reassessment.details) lines.push(`      - ${d.text[locale]}`);
    }
    lines.push(`    ${t.contact}: ${level.contactPlan.meaning[locale]}`);
    const cp = level.contactPlan.texts;
    lines.push(`      - ${cp.aarsstatus[locale]}`, `      - ${cp.followUp[locale]}`, `      - ${cp.proBefore[locale]}`);
    for (const o of level.contactPlan.offers) lines.push(`      - ${o.text[locale]}`);
  }
  if (p.care.items.length === 0) {
    lines.push(`  ${t.noCare}`);
  } else {
    lines.push(`  ${t.care}:`);
    for (const item of p.care.items) {
      const date = item.dueDate === null ? t.noDate : formatIsoDate(item.dueDate, locale);
      lines.push(`    - ${item.urgent ? `${t.urgent} ` : ''}[${t.kinds[item.kind]}, ${date}] ${item.text[locale]}`);
    }
  }
  if (p.planStatus !== 'not-requested') lines.push(`  ${t.plan[p.planStatus]}${p.cpd === undefined ? '' : ` ${t.cpd}`}.`);
  const refs = [inc.ruleSet, level?.ruleSet, p.care.ruleSet].filter((r) => r !== undefined);
  const status = (s: 'provisional' | 'approved'): string => (s === 'provisional' ? t.provisional : t.approved);
  lines.push(
    `  ${t.rules}: ${refs.map((r) => `${r.id} ${r.version} (${status(r.status)}${digests ? `, ${r.digest.slice(0, 12)}` : ''})`).join(', ')}`,
  );
  return lines;
}

/**
 * Renders an evaluation as plain text lines a clinician can read: per
 * package the inclusion status with its reasons and missing data, the
 * suggested level with its drivers, the clinician's decision and the
 * contact plan, then the care items in order with their dates, and the
 * rule-set versions that decided. An invalid record gives its issues (path
 * and kind, never a value). The command line's human output.
 *
 * @param evaluation - from {@link evaluatePatient}
 * @param options - the locale (`da` default)
 * @returns lines without line breaks
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for an unknown locale
 * @example
 * ```ts
 * console.log(explainPatient(evaluatePatient(input, { asOf: '2027-01-15' }), { locale: 'en' }).join('\n'));
 * // Record syn-2027-7 · evaluated as of 15 January 2027
 * // KOL (COPD): Eligible for the package
 * //   Reasons: ...
 * ```
 */
export function explainPatient(evaluation: PatientEvaluation, options: ExplainOptions = {}): string[] {
  const locale = options.locale ?? 'da';
  if (!isLocale(locale)) throw new KronikerpakkerError('INVALID_ARGUMENT', 'Unknown locale; expected da or en', { path: ['options', 'locale'] });
  const t = T[locale];
  const lines: string[] = [];
  const head = `${evaluation.recordId === null ? t.record : `${t.record} ${evaluation.recordId}`} · ${t.asOf} ${formatIsoDate(evaluation.asOf, locale)}`;
  lines.push(head);
  if (evaluation.mapping !== undefined) {
    const c = evaluation.mapping.counts;
    lines.push(t.mapping(c.used, c.ignored, c.rejected));
  }
  if (!evaluation.valid) {
    lines.push(t.invalid(evaluation.issues.length));
    for (const issue of evaluation.issues) lines.push(`  - ${formatRecordIssue(issue, locale)}`);
    return lines;
  }
  for (const pkg of ['KOL', 'LRS'] as const) {
    const p = evaluation.packages[pkg];
    if (p !== undefined) lines.push(...explainPackage(p, locale, options.digests ?? false));
  }
  return lines;
}
