/**
 * `explainPatient`: a {@link PatientEvaluation} as plain text lines a
 * clinician reads, in Danish or English.
 *
 * @module
 */
import { LEVELS, PACKAGES, formatIsoDate, formatPath, formatRecordIssue, isIsoDate, isLocale, KronikerpakkerError } from '@kronikerpakker/core';
import type { ErrorPath, IsoDate, Locale, PackageId, RecordIssue, RecordIssueCode } from '@kronikerpakker/core';
import { CARE_ITEM_KINDS } from '@kronikerpakker/business-rules';
import type { CareItemKind } from '@kronikerpakker/business-rules';
import { INCLUSION_STATUSES } from '@kronikerpakker/inclusion';
import type { EnrolmentStanding, InclusionStatus } from '@kronikerpakker/inclusion';
import type { PatientEvaluation, PlanStatus } from './evaluate';

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

/** A rule set as the explanation names it. */
interface RuleSetView {
  readonly id: string;
  readonly version: string;
  readonly status: 'provisional' | 'approved';
  readonly digest: string;
}

/** The level of a package, as far as the explanation reads it (texts in the chosen locale). */
interface LevelView {
  readonly summary: string;
  readonly drivers: readonly string[];
  readonly missing: readonly string[];
  readonly clinicianDecision: { readonly level: number; readonly date: IsoDate } | undefined;
  readonly differsFromClinician: boolean;
  readonly reassessmentDue: boolean;
  readonly reassessment: readonly string[];
  readonly contactMeaning: string;
  readonly contactTexts: readonly string[];
  readonly offers: readonly string[];
  readonly ruleSet: RuleSetView | undefined;
}

/** A package evaluation, as far as the explanation reads it. */
interface PackageView {
  readonly package: PackageId;
  readonly status: InclusionStatus;
  readonly enrolled: boolean;
  readonly reasons: readonly { readonly urgent: boolean; readonly text: string }[];
  readonly missing: readonly string[];
  readonly standing: EnrolmentStanding;
  readonly level: LevelView | null;
  readonly care: readonly { readonly urgent: boolean; readonly kind: CareItemKind; readonly dueDate: IsoDate | null; readonly text: string }[];
  readonly planStatus: PlanStatus;
  readonly cpd: boolean;
  readonly ruleSets: readonly RuleSetView[];
}

/** An evaluation, read and checked once: what is rendered is what was checked. */
interface EvaluationView {
  readonly recordId: string | null;
  readonly asOf: IsoDate;
  readonly mapping: { readonly used: number; readonly ignored: number; readonly rejected: number } | undefined;
  readonly valid: boolean;
  readonly issues: readonly RecordIssue[];
  readonly packages: readonly PackageView[];
}

/** Every standing: the keys of the texts, which `satisfies Record<EnrolmentStanding, string>` keeps complete. */
const STANDINGS = Object.keys(T.da.standing) as readonly EnrolmentStanding[];
const PLAN_STATUSES: readonly PlanStatus[] = ['not-requested', 'built', 'not-included', 'no-cpr'];
const PACK_STATUSES: readonly ('provisional' | 'approved')[] = ['provisional', 'approved'];
const ISSUE_CODES: readonly RecordIssueCode[] = [
  'required',
  'invalid-type',
  'invalid-format',
  'invalid-date',
  'future-date',
  'out-of-range',
  'invalid-value',
  'unknown-field',
  'inconsistent',
  'replacement-number',
];
/** The longest issue path read; a record's paths are a few keys deep. */
const MAX_ISSUE_PATH = 64;

/**
 * Reads an evaluation for {@link explainPatient}, checking every value it
 * renders before it is used. A fault throws `INVALID_ARGUMENT` with the
 * path (SDK keys and indices, under `evaluation`) and never the value.
 * Nothing is walked recursively, so a deeply nested value cannot exhaust
 * the stack.
 */
class EvaluationReader {
  constructor(private readonly locale: Locale) {}

  private fail(path: ErrorPath, expected: string): never {
    throw new KronikerpakkerError('INVALID_ARGUMENT', `Expected an evaluation from evaluatePatient: ${formatPath(path)} is not ${expected}`, {
      path,
    });
  }

  object(value: unknown, path: ErrorPath): Readonly<Record<string, unknown>> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'an object');
    return value as Readonly<Record<string, unknown>>;
  }

  /** A copy of an array, read by index (an overwritten `constructor` or iterator is never used). */
  array(value: unknown, path: ErrorPath): readonly unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'an array');
    const list = value as readonly unknown[];
    const out: unknown[] = [];
    for (let i = 0; i < list.length; i++) out.push(list[i]);
    return out;
  }

  string(value: unknown, path: ErrorPath): string {
    if (typeof value !== 'string') this.fail(path, 'a string');
    return value;
  }

  boolean(value: unknown, path: ErrorPath): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'a boolean');
    return value;
  }

  count(value: unknown, path: ErrorPath): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) this.fail(path, 'a count');
    return value;
  }

  date(value: unknown, path: ErrorPath): IsoDate {
    if (!isIsoDate(value)) this.fail(path, 'a date (YYYY-MM-DD)');
    return value;
  }

  oneOf<T extends string | number>(value: unknown, allowed: readonly T[], path: ErrorPath): T {
    if (!(allowed as readonly unknown[]).includes(value)) this.fail(path, 'a known value');
    return value as T;
  }

  /** The text of a `{ da, en }` in the reader's locale. */
  text(value: unknown, path: ErrorPath): string {
    return this.string(this.object(value, path)[this.locale], [...path, this.locale]);
  }

  /** The `text` of every item of a list. */
  texts(value: unknown, path: ErrorPath): string[] {
    return this.array(value, path).map((item, i) => this.text(this.object(item, [...path, i])['text'], [...path, i, 'text']));
  }

  ruleSet(value: unknown, path: ErrorPath): RuleSetView | undefined {
    if (value === undefined) return undefined;
    const r = this.object(value, path);
    return {
      id: this.string(r['id'], [...path, 'id']),
      version: this.string(r['version'], [...path, 'version']),
      status: this.oneOf(r['status'], PACK_STATUSES, [...path, 'status']),
      digest: this.string(r['digest'], [...path, 'digest']),
    };
  }

  issue(value: unknown, path: ErrorPath): RecordIssue {
    const o = this.object(value, path);
    const segments = this.array(o['path'], [...path, 'path']);
    if (segments.length > MAX_ISSUE_PATH) this.fail([...path, 'path'], `a path of at most ${String(MAX_ISSUE_PATH)} keys`);
    segments.forEach((segment, i) => {
      if (typeof segment !== 'string' && !(typeof segment === 'number' && Number.isFinite(segment))) {
        this.fail([...path, 'path', i], 'a key or an index');
      }
    });
    return { path: segments as readonly (string | number)[], code: this.oneOf(o['code'], ISSUE_CODES, [...path, 'code']) };
  }

  level(value: unknown, path: ErrorPath): LevelView | null {
    if (value === null) return null;
    const l = this.object(value, path);
    const decision = l['clinicianDecision'];
    let clinicianDecision: LevelView['clinicianDecision'];
    if (decision !== undefined) {
      const d = this.object(decision, [...path, 'clinicianDecision']);
      clinicianDecision = {
        level: this.oneOf(d['level'], LEVELS, [...path, 'clinicianDecision', 'level']),
        date: this.date(d['date'], [...path, 'clinicianDecision', 'date']),
      };
    }
    const reassessment = this.object(l['reassessment'], [...path, 'reassessment']);
    const contact = this.object(l['contactPlan'], [...path, 'contactPlan']);
    const texts = this.object(contact['texts'], [...path, 'contactPlan', 'texts']);
    const textsPath = [...path, 'contactPlan', 'texts'];
    return {
      summary: this.text(l['summary'], [...path, 'summary']),
      drivers: this.texts(l['drivers'], [...path, 'drivers']),
      missing: this.texts(l['missing'], [...path, 'missing']),
      clinicianDecision,
      differsFromClinician: this.boolean(l['differsFromClinician'], [...path, 'differsFromClinician']),
      reassessmentDue: this.boolean(reassessment['due'], [...path, 'reassessment', 'due']),
      reassessment: this.texts(reassessment['details'], [...path, 'reassessment', 'details']),
      contactMeaning: this.text(contact['meaning'], [...path, 'contactPlan', 'meaning']),
      contactTexts: [
        this.text(texts['aarsstatus'], [...textsPath, 'aarsstatus']),
        this.text(texts['followUp'], [...textsPath, 'followUp']),
        this.text(texts['proBefore'], [...textsPath, 'proBefore']),
      ],
      offers: this.texts(contact['offers'], [...path, 'contactPlan', 'offers']),
      ruleSet: this.ruleSet(l['ruleSet'], [...path, 'ruleSet']),
    };
  }

  package(value: unknown, path: ErrorPath): PackageView {
    const p = this.object(value, path);
    const inclusion = this.object(p['inclusion'], [...path, 'inclusion']);
    const enrolment = this.object(p['enrolment'], [...path, 'enrolment']);
    const care = this.object(p['care'], [...path, 'care']);
    const reasons = this.array(inclusion['reasons'], [...path, 'inclusion', 'reasons']).map((item, i) => {
      const at = [...path, 'inclusion', 'reasons', i];
      const r = this.object(item, at);
      const urgent = r['urgent'];
      return { urgent: urgent === undefined ? false : this.boolean(urgent, [...at, 'urgent']), text: this.text(r['text'], [...at, 'text']) };
    });
    const items = this.array(care['items'], [...path, 'care', 'items']).map((item, i) => {
      const at = [...path, 'care', 'items', i];
      const c = this.object(item, at);
      const dueDate = c['dueDate'];
      return {
        urgent: this.boolean(c['urgent'], [...at, 'urgent']),
        kind: this.oneOf(c['kind'], CARE_ITEM_KINDS, [...at, 'kind']),
        dueDate: dueDate === null ? null : this.date(dueDate, [...at, 'dueDate']),
        text: this.text(c['text'], [...at, 'text']),
      };
    });
    const level = this.level(p['level'], [...path, 'level']);
    const cpd = p['cpd'];
    if (cpd !== undefined) this.string(cpd, [...path, 'cpd']);
    const ruleSets = [
      this.ruleSet(inclusion['ruleSet'], [...path, 'inclusion', 'ruleSet']),
      level?.ruleSet,
      this.ruleSet(care['ruleSet'], [...path, 'care', 'ruleSet']),
    ].filter((r) => r !== undefined);
    return {
      package: this.oneOf(p['package'], PACKAGES, [...path, 'package']),
      status: this.oneOf(inclusion['status'], INCLUSION_STATUSES, [...path, 'inclusion', 'status']),
      enrolled: this.boolean(p['enrolled'], [...path, 'enrolled']),
      reasons,
      missing: this.texts(inclusion['missing'], [...path, 'inclusion', 'missing']),
      standing: this.oneOf(enrolment['standing'], STANDINGS, [...path, 'enrolment', 'standing']),
      level,
      care: items,
      planStatus: this.oneOf(p['planStatus'], PLAN_STATUSES, [...path, 'planStatus']),
      cpd: cpd !== undefined,
      ruleSets,
    };
  }

  evaluation(value: unknown): EvaluationView {
    const path: ErrorPath = ['evaluation'];
    const e = this.object(value, path);
    const recordId = e['recordId'];
    const mapping = e['mapping'];
    let counts: EvaluationView['mapping'];
    if (mapping !== undefined) {
      const c = this.object(this.object(mapping, [...path, 'mapping'])['counts'], [...path, 'mapping', 'counts']);
      const at = [...path, 'mapping', 'counts'];
      counts = { used: this.count(c['used'], [...at, 'used']), ignored: this.count(c['ignored'], [...at, 'ignored']), rejected: this.count(c['rejected'], [...at, 'rejected']) };
    }
    const valid = this.boolean(e['valid'], [...path, 'valid']);
    const view = {
      recordId: recordId === null ? null : this.string(recordId, [...path, 'recordId']),
      asOf: this.date(e['asOf'], [...path, 'asOf']),
      mapping: counts,
      valid,
    };
    if (!valid) {
      const issues = this.array(e['issues'], [...path, 'issues']).map((issue, i) => this.issue(issue, [...path, 'issues', i]));
      return { ...view, issues, packages: [] };
    }
    const packages = this.object(e['packages'], [...path, 'packages']);
    const views: PackageView[] = [];
    for (const pkg of PACKAGES) {
      const p = packages[pkg];
      if (p !== undefined) views.push(this.package(p, [...path, 'packages', pkg]));
    }
    return { ...view, issues: [], packages: views };
  }
}

function explainPackage(p: PackageView, locale: Locale, digests: boolean): string[] {
  const t = T[locale];
  const lines: string[] = [];
  lines.push(`${t.packages[p.package]}: ${t.status[p.status]}${p.enrolled ? ` (${t.enrolled})` : ''}`);
  if (p.reasons.length > 0) {
    lines.push(`  ${t.reasons}:`);
    for (const r of p.reasons) lines.push(`    - ${r.urgent ? `${t.urgent}: ` : ''}${r.text}`);
  }
  if (p.missing.length > 0) {
    lines.push(`  ${t.missing}:`);
    for (const m of p.missing) lines.push(`    - ${m}`);
  }
  lines.push(`  ${t.standing[p.standing]}`);
  const level = p.level;
  if (level === null) {
    lines.push(`  ${t.noLevel}`);
  } else {
    lines.push(`  ${t.level}: ${level.summary}`);
    if (level.drivers.length > 0) {
      lines.push(`    ${t.drivers}:`);
      for (const d of level.drivers) lines.push(`      - ${d}`);
    }
    if (level.missing.length > 0) {
      lines.push(`    ${t.levelMissing}:`);
      for (const m of level.missing) lines.push(`      - ${m}`);
    }
    if (level.clinicianDecision !== undefined) {
      lines.push(`    ${t.clinician(level.clinicianDecision.level, formatIsoDate(level.clinicianDecision.date, locale))}`);
      if (level.differsFromClinician) lines.push(`    ${t.differs}`);
    }
    if (level.reassessmentDue) {
      lines.push(`    ${t.reassess}:`);
      for (const d of level.reassessment) lines.push(`      - ${d}`);
    }
    lines.push(`    ${t.contact}: ${level.contactMeaning}`);
    for (const text of level.contactTexts) lines.push(`      - ${text}`);
    for (const o of level.offers) lines.push(`      - ${o}`);
  }
  if (p.care.length === 0) {
    lines.push(`  ${t.noCare}`);
  } else {
    lines.push(`  ${t.care}:`);
    for (const item of p.care) {
      const date = item.dueDate === null ? t.noDate : formatIsoDate(item.dueDate, locale);
      lines.push(`    - ${item.urgent ? `${t.urgent} ` : ''}[${t.kinds[item.kind]}, ${date}] ${item.text}`);
    }
  }
  if (p.planStatus !== 'not-requested') lines.push(`  ${t.plan[p.planStatus]}${p.cpd ? ` ${t.cpd}` : ''}.`);
  const status = (s: 'provisional' | 'approved'): string => (s === 'provisional' ? t.provisional : t.approved);
  lines.push(
    `  ${t.rules}: ${p.ruleSets.map((r) => `${r.id} ${r.version} (${status(r.status)}${digests ? `, ${r.digest.slice(0, 12)}` : ''})`).join(', ')}`,
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
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for an unknown locale, or for a value that is not an
 *   evaluation from {@link evaluatePatient} (a JSON copy of one is fine): the path names the first field
 *   that does not fit (under `evaluation`), never its value. The evaluation is checked before anything is
 *   rendered, and without recursion, so no input exhausts the stack.
 * @example
 * ```ts
 * console.log(explainPatient(evaluatePatient(input, { asOf: '2027-01-15' }), { locale: 'en' }).join('\n'));
 * // Record syn-2027-7 · evaluated as of 15 January 2027
 * // KOL (COPD): Eligible for the package
 * //   Reasons: ...
 * ```
 */
export function explainPatient(evaluation: PatientEvaluation, options: ExplainOptions = {}): string[] {
  // Options and evaluation are checked before anything is rendered; each value is read once.
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected an options object', { path: ['options'] });
  }
  const { locale: requested, digests } = options;
  const locale = requested ?? 'da';
  if (!isLocale(locale)) throw new KronikerpakkerError('INVALID_ARGUMENT', 'Unknown locale; expected da or en', { path: ['options', 'locale'] });
  if (digests !== undefined && typeof digests !== 'boolean') {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected digests to be a boolean', { path: ['options', 'digests'] });
  }
  const e = new EvaluationReader(locale).evaluation(evaluation);
  const t = T[locale];
  const lines: string[] = [];
  lines.push(`${e.recordId === null ? t.record : `${t.record} ${e.recordId}`} · ${t.asOf} ${formatIsoDate(e.asOf, locale)}`);
  if (e.mapping !== undefined) lines.push(t.mapping(e.mapping.used, e.mapping.ignored, e.mapping.rejected));
  if (!e.valid) {
    lines.push(t.invalid(e.issues.length));
    for (const issue of e.issues) lines.push(`  - ${formatRecordIssue(issue, locale)}`);
    return lines;
  }
  for (const p of e.packages) lines.push(...explainPackage(p, locale, digests ?? false));
  return lines;
}
