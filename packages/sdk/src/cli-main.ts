/**
 * The `kronikerpakker` command line as a testable function: `runCli(argv, io)`
 * parses with commander, runs the command, writes results to `io.stdout` and
 * errors (code and path, never record content) to `io.stderr`, and resolves
 * to the exit code. `cli.ts` is the thin bin wrapper.
 *
 * @module
 */
import { CommanderError, Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidRulePackError, KronikerpakkerError, formatIsoDate, formatPath, isIsoDate } from '@kronikerpakker/core';
import type { IsoDate, Locale, PackageId, RulePack, RulePackIssue } from '@kronikerpakker/core';
import { monitoringExtract } from '@kronikerpakker/cockpit';
import type { Cockpit, CockpitRow } from '@kronikerpakker/cockpit';
import { validateCpd } from '@kronikerpakker/cpd';
import type { CdaSchemaSet, CpdFinding } from '@kronikerpakker/cpd';
import { CDA_SDTC_MAIN } from '@kronikerpakker/cpd/node';
import { CliFailure, EXIT, displayPath, emit, openInput, parseJson, readJsonDir, readLines, readSchemaDir, readText } from './cli-io';
import type { CliIo } from './cli-io';
import { evaluatePatient } from './evaluate';
import type { PatientEvaluation, PatientInput, PlanStatus } from './evaluate';
import { explainPatient } from './explain';
import { runConformance } from './conformance/files';
import type { ConformanceReport } from './conformance/kit';
import { loadRulePacks, shippedRulePacks, verifyRulePack, rulePackKindOf, shippedRulePack } from './packs';
import type { RulePackInfo, RulePacks } from './packs';
import { evaluatePopulation } from './population';

export { EXIT } from './cli-io';
export type { CliIo, CliStream } from './cli-io';

/** Synthetic demo identities for `cpd` when no clinic or author is given: clearly not real. */
export const DEMO_IDENTITIES = Object.freeze({
  clinicSor: '123456789012345',
  clinicName: 'Syntetisk Lægehus (DEMO, ikke en rigtig klinik)',
  authorSor: '123456789012346',
  authorName: 'Syntetisk Demolæge',
  patientName: 'Syntetisk Demopatient',
});

const DEFAULT_PROGRESS_THRESHOLD = 4 * 1024 * 1024;

const EXIT_HELP = `
Exit codes:
  0  done, nothing to report
  1  findings: an input record failed validation, an invalid CPD document,
     an invalid rule pack (packs verify), no plan could be built (cpd)
  2  usage error: unknown command or option, missing or malformed option
     (--asof is required for evaluate, cockpit and cpd: there is no default date),
     no rule-pack version valid on --asof
  3  input unreadable: a file that cannot be read, is not JSON / NDJSON / text,
     an invalid pack in --packs, or an output file that cannot be written
  4  internal error (a bug: please report it)

Errors go to stderr as "kronikerpakker: <CODE> [at <path>]: <message>"; they
name files, paths and codes, never record content.

Examples:
  kronikerpakker evaluate patient.json --asof 2027-01-15
  kronikerpakker evaluate clinic.ndjson --asof 2027-01-15 --json
  kronikerpakker cockpit clinic.ndjson --profile KOL --asof 2027-01-15
  kronikerpakker cpd patient.json --package KOL --asof 2027-01-15 -o plan.xml
  kronikerpakker validate-cpd plan.xml --schemas ./cda-r2
  kronikerpakker packs list
  kronikerpakker conformance ./my-outputs --kit ./test-fixtures/conformance
`;

interface GlobalOptions {
  readonly asof?: string;
  readonly locale: Locale;
  readonly json?: boolean;
  readonly packs?: string;
}

/** Texts of the human output. */
const L = {
  da: {
    conformance: {
      heading: 'Konformitetstest',
      passed: 'bestået',
      failed: 'fejlet',
      missing: 'mangler',
      cases: 'tilfælde',
      expected: 'forventet',
      got: 'fik',
    },
    cockpit: 'Klinikens Cockpit',
    asOf: 'pr.',
    population: 'Population',
    records: 'Journaler læst',
    valid: 'Gyldige',
    invalid: 'Ugyldige',
    inProfile: 'I profilen',
    indicators: 'Indikatorer',
    worklists: 'Arbejdslister',
    numerator: 'tæller',
    denominator: 'nævner',
    proportion: 'andel',
    size: 'antal',
    rules: 'Regelsæt',
    invalidCodes: 'Ugyldige journaler efter fejlkode',
    worklist: 'Arbejdsliste',
    rows: (n: number) => `${n} patienter`,
    valid_cpd: 'Dokumentet er gyldigt',
    invalid_cpd: 'Dokumentet er ugyldigt',
    xsd: { valid: 'XSD: gyldigt', invalid: 'XSD: ugyldigt', skipped: 'XSD: ikke kontrolleret (angiv --schemas)' },
    wrote: 'Skrev',
    document: 'dokument-id',
    none: 'ingen',
  },
  en: {
    conformance: {
      heading: 'Conformance',
      passed: 'passed',
      failed: 'failed',
      missing: 'missing',
      cases: 'cases',
      expected: 'expected',
      got: 'got',
    },
    cockpit: "The clinic's cockpit",
    asOf: 'as of',
    population: 'Population',
    records: 'Records read',
    valid: 'Valid',
    invalid: 'Invalid',
    inProfile: 'In the profile',
    indicators: 'Indicators',
    worklists: 'Worklists',
    numerator: 'numerator',
    denominator: 'denominator',
    proportion: 'proportion',
    size: 'size',
    rules: 'Rule sets',
    invalidCodes: 'Invalid records by issue code',
    worklist: 'Worklist',
    rows: (n: number) => `${n} patients`,
    valid_cpd: 'The document is valid',
    invalid_cpd: 'The document is invalid',
    xsd: { valid: 'XSD: valid', invalid: 'XSD: invalid', skipped: 'XSD: not checked (give --schemas)' },
    wrote: 'Wrote',
    document: 'document id',
    none: 'none',
  },
} as const;

/** Runs one command; `result` raises the exit code to the worst seen. */
class Run {
  code: number = EXIT.OK;
  private packsCache: RulePacks | undefined;
  private packsLoaded = false;
  private loadedPackList: { file: string; pack: RulePackInfo; document: unknown }[] = [];

  constructor(readonly io: CliIo) {}

  raise(code: number): void {
    if (code > this.code) this.code = code;
  }

  out(text: string): Promise<void> {
    return emit(this.io.stdout, text);
  }

  err(text: string): Promise<void> {
    return emit(this.io.stderr, text);
  }

  /** One error line: code, optional place, message; never input content. */
  async error(code: string, message: string, where?: string): Promise<void> {
    await this.err(`kronikerpakker: ${code}${where === undefined ? '' : ` at ${where}`}: ${message}\n`);
  }

  requireAsOf(g: GlobalOptions, command: string): IsoDate {
    if (g.asof === undefined) {
      throw new CliFailure(EXIT.USAGE, 'USAGE', `--asof <YYYY-MM-DD> is required for ${command}: the evaluation date is never taken from the clock`);
    }
    if (!isIsoDate(g.asof)) throw new CliFailure(EXIT.USAGE, 'USAGE', '--asof must be an existing calendar date written YYYY-MM-DD');
    return g.asof;
  }

  /** The packs of `--packs <dir>` (shipped packs plus the loaded versions), or undefined. */
  async packs(g: GlobalOptions): Promise<RulePacks | undefined> {
    if (g.packs === undefined) return undefined;
    if (this.packsLoaded) return this.packsCache;
    const files = await readJsonDir(this.io, g.packs);
    for (const { file, document } of files) {
      try {
        this.loadedPackList.push({ file, pack: verifyRulePack(document), document });
      } catch (err) {
        if (err instanceof InvalidRulePackError) {
          await this.packIssues(displayPath(this.io, file), err.issues);
          throw new CliFailure(EXIT.UNREADABLE, 'INVALID_RULE_PACK', `invalid rule pack in --packs: ${displayPath(this.io, file)}`);
        }
        throw err;
      }
    }
    try {
      this.packsCache = loadRulePacks(files.map((f) => f.document));
    } catch (err) {
      if (err instanceof InvalidRulePackError) {
        await this.packIssues(displayPath(this.io, g.packs), err.issues);
        throw new CliFailure(EXIT.UNREADABLE, 'INVALID_RULE_PACK', `the packs in ${displayPath(this.io, g.packs)} cannot be loaded together`);
      }
      throw err;
    }
    this.packsLoaded = true;
    return this.packsCache;
  }

  loadedPacks(): readonly { file: string; pack: RulePackInfo; document: unknown }[] {
    return this.loadedPackList;
  }

  async packIssues(where: string, issues: readonly RulePackIssue[]): Promise<void> {
    for (const i of issues) {
      const rule = i.rule === undefined ? '' : ` rule "${i.rule}"`;
      await this.err(`kronikerpakker: INVALID_RULE_PACK at ${where}: pack "${i.packId ?? '?'}"${rule} at ${formatPath(i.path)}: ${i.code}\n`);
    }
  }
}

function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions & Record<string, unknown>>();
}

/** "Given Names Family" -> a person name (the last word is the family name). */
function personName(text: string, option: string): { given: string[]; family: string } {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) throw new CliFailure(EXIT.USAGE, 'USAGE', `${option} needs given name(s) and a family name`);
  return { given: words.slice(0, -1), family: words[words.length - 1] as string };
}

function issuesSummary(e: PatientEvaluation): string {
  const shown = e.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.code}`);
  const more = e.issues.length > 5 ? `; and ${e.issues.length - 5} more` : '';
  return `${e.issues.length} issue${e.issues.length === 1 ? '' : 's'} (${shown.join('; ')}${more})`;
}

// ---------------------------------------------------------------------------
// evaluate

interface EvaluateFlags {
  readonly package?: PackageId;
  readonly unknownFields?: 'reject' | 'strip';
}

async function* ndjsonOf(lines: AsyncIterable<string> | Iterable<string>): AsyncIterable<{ line: number; text: string }> {
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() !== '') yield { line: n, text };
  }
}

async function evaluateCommand(run: Run, file: string, flags: EvaluateFlags, g: GlobalOptions): Promise<void> {
  const asOf = run.requireAsOf(g, 'evaluate');
  const packs = await run.packs(g);
  const locale = g.locale;
  const options = {
    asOf,
    ...(flags.package === undefined ? {} : { packages: [flags.package] }),
    ...(packs === undefined ? {} : { packs }),
    ...(flags.unknownFields === undefined ? {} : { unknownFields: flags.unknownFields }),
  };
  const where = displayPath(run.io, file);
  const isNdjsonName = /\.(ndjson|jsonl)$/i.test(file);
  let single: unknown;
  let lines: AsyncIterable<{ line: number; text: string }> | undefined;
  if (isNdjsonName) {
    lines = ndjsonOf(readLines((await openInput(run.io, file)).chunks));
  } else {
    const text = await readText(run.io, file);
    try {
      single = JSON.parse(text) as unknown;
    } catch {
      const all = text.split(/\r?\n/);
      if (all.filter((l) => l.trim() !== '').length < 2) {
        throw new CliFailure(EXIT.UNREADABLE, 'INPUT_UNREADABLE', `${where} is not valid JSON or NDJSON`);
      }
      lines = ndjsonOf(all);
    }
  }
  const one = async (input: unknown, line: number | null, first: boolean): Promise<void> => {
    const place = line === null ? where : `${where}:${line}`;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      await run.error('INPUT_UNREADABLE', 'expected a JSON object (a record or a FHIR Bundle)', place);
      run.raise(EXIT.UNREADABLE);
      return;
    }
    const e = evaluatePatient(input as PatientInput, options);
    if (!e.valid) {
      await run.error('INVALID_RECORD', issuesSummary(e), place);
      run.raise(EXIT.FINDINGS);
    }
    if (g.json === true) {
      await run.out(lines === undefined && line === null ? `${JSON.stringify(e, null, 2)}\n` : `${JSON.stringify(e)}\n`);
    } else {
      const head = line === null ? '' : `# ${where}:${line}\n`;
      await run.out(`${first ? '' : '\n'}${head}${explainPatient(e, { locale }).join('\n')}\n`);
    }
  };
  if (lines === undefined) {
    if (Array.isArray(single)) {
      let i = 0;
      for (const item of single) await one(item, ++i, i === 1);
    } else {
      await one(single, null, true);
    }
    return;
  }
  let first = true;
  for await (const { line, text } of lines) {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      await run.error('INPUT_UNREADABLE', 'not valid JSON', `${where}:${line}`);
      run.raise(EXIT.UNREADABLE);
      continue;
    }
    await one(value, line, first);
    first = false;
  }
}

// ---------------------------------------------------------------------------
// cockpit

interface CockpitFlags {
  readonly profile: PackageId;
  readonly worklist?: string;
  readonly extract?: boolean;
  readonly unknownFields?: 'reject' | 'strip';
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

function percent(p: number | null, locale: Locale): string {
  if (p === null) return '–';
  const s = (100 * p).toFixed(1);
  return `${locale === 'da' ? s.replace('.', ',') : s} %`;
}

function cockpitTable(c: Cockpit, locale: Locale): string[] {
  const t = L[locale];
  const lines = [`${t.cockpit}: ${c.profile} · ${t.asOf} ${formatIsoDate(c.asOf, locale)}`, ''];
  lines.push(t.population);
  const pop: [string, number][] = [
    [t.records, c.population.records],
    [t.valid, c.population.valid],
    [t.invalid, c.population.invalid],
    [`${t.inProfile} (${c.profile})`, c.population.inProfile],
  ];
  for (const [label, n] of pop) lines.push(`  ${pad(label, 66)}${padStart(String(n), 9)}`);
  lines.push('', `${pad(t.indicators, 68)}${padStart(t.numerator, 9)}${padStart(t.denominator, 9)}${padStart(t.proportion, 9)}`);
  for (const i of c.indicators) {
    lines.push(
      `  ${pad(i.title[locale], 66)}${padStart(String(i.numerator), 9)}${padStart(String(i.denominator), 9)}${padStart(percent(i.proportion, locale), 9)}`,
    );
  }
  lines.push('', `${pad(t.worklists, 68)}${padStart(t.size, 9)}`);
  for (const w of c.worklists) lines.push(`  ${pad(`${w.title[locale]} (${w.id})`, 66)}${padStart(String(w.size), 9)}`);
  const codes = Object.entries(c.invalid.byCode);
  if (codes.length > 0) {
    lines.push('', t.invalidCodes);
    for (const [code, n] of codes) lines.push(`  ${pad(code, 66)}${padStart(String(n), 9)}`);
  }
  lines.push('', `${t.rules}: ${c.ruleSets.map((r) => `${r.id} ${r.version} (${r.status})`).join(', ')}`);
  return lines;
}

function rowLine(r: CockpitRow): string {
  const level = r.level.effective === null ? '-' : String(r.level.effective);
  return `  ${pad(r.id, 28)} ${pad(r.status, 18)} level ${level}  next due ${r.nextDue ?? '-'}  ${r.itemCodes.join(', ')}`;
}

function progressBar(run: Run, size: number | null): { bar: SingleBar; total: number } | undefined {
  const threshold = run.io.progressThresholdBytes ?? DEFAULT_PROGRESS_THRESHOLD;
  if (run.io.stderr.isTTY !== true || size === null || size < threshold) return undefined;
  const bar = new SingleBar({
    stream: run.io.stderr as unknown as NodeJS.WritableStream,
    format: 'cockpit [{bar}] {percentage}% | {records} records | {eta_formatted}',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  bar.start(size, 0, { records: 0 });
  return { bar, total: size };
}

async function cockpitCommand(run: Run, file: string, flags: CockpitFlags, g: GlobalOptions): Promise<void> {
  const asOf = run.requireAsOf(g, 'cockpit');
  const packs = await run.packs(g);
  const { chunks, size } = await openInput(run.io, file);
  const progress = progressBar(run, size);
  let bytes = 0;
  const selected: CockpitRow[] = [];
  const worklist = flags.worklist;
  let cockpit: Cockpit;
  try {
    cockpit = await evaluatePopulation(
      readLines(chunks, (b) => {
        bytes = b;
      }),
      {
        asOf,
        profile: flags.profile,
        retainRows: false,
        ...(packs === undefined ? {} : { packs }),
        ...(flags.unknownFields === undefined ? {} : { unknownFields: flags.unknownFields }),
        ...(worklist === undefined
          ? {}
          : {
              onRow: (row: CockpitRow) => {
                if ((row.worklists as readonly string[]).includes(worklist)) selected.push(row);
              },
            }),
        ...(progress === undefined
          ? {}
          : {
              onProgress: (processed: number) => {
                progress.bar.update(Math.min(bytes, progress.total), { records: processed });
              },
            }),
      },
    );
  } catch (err) {
    progress?.bar.stop();
    if (err instanceof CliFailure || KronikerpakkerError.is(err)) throw err;
    throw new CliFailure(EXIT.UNREADABLE, 'INPUT_UNREADABLE', `cannot read ${displayPath(run.io, file)}`);
  }
  if (progress !== undefined) {
    progress.bar.update(progress.total, { records: cockpit.population.records });
    progress.bar.stop();
  }
  if (worklist !== undefined && !cockpit.worklists.some((w) => w.id === worklist)) {
    throw new CliFailure(
      EXIT.USAGE,
      'USAGE',
      `unknown worklist "${worklist}" for ${flags.profile}; one of: ${cockpit.worklists.map((w) => w.id).join(', ')}`,
    );
  }
  if (cockpit.population.invalid > 0) {
    await run.error('INVALID_RECORD', `${cockpit.population.invalid} of ${cockpit.population.records} records failed validation (positions and codes in the output)`, displayPath(run.io, file));
    run.raise(EXIT.FINDINGS);
  }
  if (flags.extract === true) {
    await run.out(`${JSON.stringify(monitoringExtract(cockpit), null, 2)}\n`);
    return;
  }
  if (g.json === true) {
    const { rows: _rows, ...rest } = cockpit;
    const worklists = cockpit.worklists.map((w) => {
      const { rows: _r, ...head } = w;
      return worklist === w.id ? { ...head, rows: selected } : head;
    });
    await run.out(`${JSON.stringify({ ...rest, worklists }, null, 2)}\n`);
    return;
  }
  const lines = cockpitTable(cockpit, g.locale);
  if (worklist !== undefined) {
    const w = cockpit.worklists.find((x) => x.id === worklist);
    lines.push('', `${L[g.locale].worklist}: ${w?.title[g.locale] ?? worklist} (${L[g.locale].rows(selected.length)})`);
    for (const r of selected) lines.push(rowLine(r));
  }
  await run.out(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------
// cpd

interface CpdFlags {
  readonly output?: string;
  readonly package: PackageId;
  readonly clinicSor?: string;
  readonly clinicName?: string;
  readonly authorSor?: string;
  readonly authorName?: string;
  readonly patientName?: string;
  readonly createdAt?: string;
  readonly unknownFields?: 'reject' | 'strip';
}

const PLAN_NOT_BUILT: Record<Exclude<PlanStatus, 'built'>, string> = {
  'not-requested': 'no plan was requested',
  'not-included': 'the patient is not included in the package (not eligible or excluded, and not enrolled)',
  'no-cpr': 'the record has no CPR number, which a CPD-DK document requires',
};

function findingLine(f: CpdFinding): string {
  return `${f.severity} ${f.code} at ${f.location}${f.line === undefined ? '' : ` (line ${f.line})`}`;
}

async function cpdCommand(run: Run, file: string, flags: CpdFlags, g: GlobalOptions): Promise<void> {
  const asOf = run.requireAsOf(g, 'cpd');
  const packs = await run.packs(g);
  let clock: (() => Date) | undefined;
  if (flags.createdAt !== undefined) {
    const at = new Date(flags.createdAt);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(flags.createdAt) || Number.isNaN(at.getTime())) {
      throw new CliFailure(EXIT.USAGE, 'USAGE', '--created-at must be an ISO 8601 instant, e.g. 2027-01-15T10:00:00Z');
    }
    clock = () => at;
  }
  const demo: string[] = [];
  if (flags.clinicSor === undefined) demo.push('--clinic-sor');
  if (flags.clinicName === undefined) demo.push('--clinic-name');
  if (flags.authorSor === undefined) demo.push('--author-sor');
  if (flags.authorName === undefined) demo.push('--author-name');
  if (flags.patientName === undefined) demo.push('--patient-name');
  const author = personName(flags.authorName ?? DEMO_IDENTITIES.authorName, '--author-name');
  const patientName = personName(flags.patientName ?? DEMO_IDENTITIES.patientName, '--patient-name');
  const input = parseJson(run.io, file, await readText(run.io, file));
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CliFailure(EXIT.UNREADABLE, 'INPUT_UNREADABLE', `${displayPath(run.io, file)}: expected a JSON object (a record or a FHIR Bundle)`);
  }
  if (demo.length > 0) {
    await run.err(`kronikerpakker: note: SYNTHETIC DEMO values used for ${demo.join(', ')}; give real ones for a real document\n`);
  }
  const e = evaluatePatient(input as PatientInput, {
    asOf,
    packages: [flags.package],
    ...(packs === undefined ? {} : { packs }),
    ...(flags.unknownFields === undefined ? {} : { unknownFields: flags.unknownFields }),
    plan: {
      clinic: { sorId: flags.clinicSor ?? DEMO_IDENTITIES.clinicSor, name: flags.clinicName ?? DEMO_IDENTITIES.clinicName },
      author: { sorId: flags.authorSor ?? DEMO_IDENTITIES.authorSor, name: author },
      patientName,
      cpd: true,
      ...(clock === undefined ? {} : { clock }),
    },
  });
  const where = displayPath(run.io, file);
  if (!e.valid) {
    await run.error('INVALID_RECORD', issuesSummary(e), where);
    run.raise(EXIT.FINDINGS);
    if (g.json === true) await run.out(`${JSON.stringify({ valid: false, issues: e.issues }, null, 2)}\n`);
    return;
  }
  const p = e.packages[flags.package];
  if (p?.cpd === undefined || p.plan === undefined) {
    const status = p?.planStatus ?? 'not-requested';
    await run.error('CPD_NOT_BUILT', status === 'built' ? 'no document' : PLAN_NOT_BUILT[status], where);
    run.raise(EXIT.FINDINGS);
    if (g.json === true) await run.out(`${JSON.stringify({ valid: true, package: flags.package, planStatus: status }, null, 2)}\n`);
    return;
  }
  const report = await validateCpd(p.cpd);
  if (flags.output === undefined || flags.output === '-') {
    await run.out(p.cpd.endsWith('\n') ? p.cpd : `${p.cpd}\n`);
  } else {
    try {
      await writeFile(resolve(run.io.cwd, flags.output), p.cpd, 'utf8');
    } catch (err) {
      const code = typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'ERROR';
      throw new CliFailure(EXIT.UNREADABLE, 'OUTPUT_UNWRITABLE', `cannot write ${displayPath(run.io, flags.output)} (${code})`);
    }
  }
  if (!report.valid) run.raise(EXIT.FINDINGS);
  const toStdout = flags.output === undefined || flags.output === '-';
  const summary = {
    package: flags.package,
    output: toStdout ? null : displayPath(run.io, flags.output),
    documentId: p.plan.documentId,
    // A provisional level (not determined, not decided) is no level: the document says "at least".
    level: p.plan.level?.status === 'decided' ? p.plan.level.level : null,
    valid: report.valid,
    findings: report.findings,
  };
  // With the document on stdout, the summary goes to stderr so the XML stays clean.
  const target = toStdout ? run.io.stderr : run.io.stdout;
  if (g.json === true) {
    await emit(target, `${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const t = L[g.locale];
    const lines = [
      `${t.wrote} ${summary.output ?? '(stdout)'}: CPD-DK 2.0.0, ${flags.package}, ${t.document} ${summary.documentId}`,
      report.valid ? t.valid_cpd : t.invalid_cpd,
      ...report.findings.map((f) => `  ${findingLine(f)}`),
    ];
    await emit(target, `${lines.join('\n')}\n`);
  }
}

// ---------------------------------------------------------------------------
// validate-cpd

/** The CDA schemas of `--schemas` (and `--schema-main`), or undefined without the option. */
function schemasOf(run: Run, flags: { schemas?: string; schemaMain: string }): CdaSchemaSet | undefined {
  if (flags.schemas === undefined) return undefined;
  const files = readSchemaDir(run.io, flags.schemas);
  if (!files.some((f) => f.fileName === flags.schemaMain)) {
    throw new CliFailure(EXIT.UNREADABLE, 'SCHEMAS_UNREADABLE', `${displayPath(run.io, flags.schemas)} has no ${flags.schemaMain}`);
  }
  return { main: flags.schemaMain, files };
}

async function validateCpdCommand(run: Run, file: string, flags: { schemas?: string; schemaMain: string }, g: GlobalOptions): Promise<void> {
  const xml = await readText(run.io, file);
  const schemas = schemasOf(run, flags);
  const report = await validateCpd(xml, schemas === undefined ? {} : { schemas });
  if (!report.valid) run.raise(EXIT.FINDINGS);
  if (g.json === true) {
    await run.out(`${JSON.stringify({ file: displayPath(run.io, file), ...report }, null, 2)}\n`);
    return;
  }
  const t = L[g.locale];
  const errors = report.findings.filter((f) => f.severity === 'error');
  const warnings = report.findings.filter((f) => f.severity !== 'error');
  const lines = [`${displayPath(run.io, file)}: ${report.valid ? t.valid_cpd : t.invalid_cpd}`, t.xsd[report.xsd]];
  for (const f of [...errors, ...warnings]) lines.push(`  ${findingLine(f)}`);
  await run.out(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------
// conformance

async function conformanceCommand(run: Run, outputs: string, flags: { kit: string; schemas?: string; schemaMain: string }, g: GlobalOptions): Promise<void> {
  const schemas = schemasOf(run, flags);
  let report: ConformanceReport;
  try {
    report = await runConformance(resolve(run.io.cwd, flags.kit), resolve(run.io.cwd, outputs), schemas === undefined ? {} : { schemas });
  } catch (err) {
    if (KronikerpakkerError.is(err)) throw new CliFailure(EXIT.UNREADABLE, 'INPUT_UNREADABLE', `${displayPath(run.io, flags.kit)} is not a conformance kit (no valid kit.json)`);
    throw err;
  }
  if (report.failed > 0 || report.missing > 0) run.raise(EXIT.FINDINGS);
  if (g.json === true) {
    await run.out(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const t = L[g.locale].conformance;
  const lines = [`${t.heading}: ${String(report.passed)} ${t.passed}, ${String(report.failed)} ${t.failed}, ${String(report.missing)} ${t.missing} (${String(report.cases.length)} ${t.cases})`];
  for (const c of report.cases) {
    if (c.outcome === 'passed') continue;
    lines.push(`  ${c.id} ${t[c.outcome].toUpperCase()}: ${c.title}`);
    for (const d of c.differences) lines.push(`      ${d.path}: ${t.expected} ${JSON.stringify(d.expected)}, ${t.got} ${JSON.stringify(d.actual)}`);
  }
  await run.out(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------
// packs

function infoRow(p: RulePackInfo, source: string): string {
  return `${pad(p.ref.id, 22)}${pad(p.ref.version, 9)}${pad(p.ref.status, 13)}${pad(`${p.validFrom}..${p.validTo ?? ''}`, 24)}${pad(source, 9)}${p.ref.digest}`;
}

async function packsList(run: Run, g: GlobalOptions): Promise<void> {
  await run.packs(g);
  const entries = [
    ...shippedRulePacks().map((pack) => ({ source: 'shipped', pack })),
    ...run.loadedPacks().map((l) => ({ source: 'loaded', file: displayPath(run.io, l.file), pack: l.pack })),
  ];
  if (g.json === true) {
    await run.out(`${JSON.stringify(entries.map((e) => ({ ...e.pack, source: e.source, ...('file' in e ? { file: e.file } : {}) })), null, 2)}\n`);
    return;
  }
  const head = `${pad('id', 22)}${pad('version', 9)}${pad('status', 13)}${pad('valid', 24)}${pad('source', 9)}digest (sha-256)`;
  await run.out(`${[head, ...entries.map((e) => infoRow(e.pack, e.source))].join('\n')}\n`);
}

async function packsShow(run: Run, id: string, g: GlobalOptions): Promise<void> {
  await run.packs(g);
  const found: { source: string; pack: RulePack }[] = [];
  const shipped = shippedRulePack(id);
  if (shipped !== undefined) found.push({ source: 'shipped', pack: shipped.pack });
  for (const l of run.loadedPacks()) {
    if (l.pack.ref.id === id) {
      const kind = rulePackKindOf(id);
      if (kind !== undefined) found.push({ source: 'loaded', pack: { ...(l.document as RulePack), digest: l.pack.ref.digest, ref: l.pack.ref } });
    }
  }
  if (found.length === 0) {
    throw new CliFailure(EXIT.USAGE, 'USAGE', `no pack "${id}"; one of: ${shippedRulePacks().map((p) => p.ref.id).join(', ')}`);
  }
  if (g.json === true) {
    await run.out(`${JSON.stringify(found.length === 1 ? found[0]?.pack : found.map((f) => f.pack), null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  for (const { source, pack } of found) {
    if (lines.length > 0) lines.push('');
    lines.push(
      `${pack.id} ${pack.version} (${pack.status}, ${source})`,
      `  title:     ${pack.title}`,
      `  valid:     ${pack.validFrom}..${pack.validTo ?? ''}`,
      `  digest:    ${pack.digest}`,
      `  kind:      ${rulePackKindOf(pack.id) ?? '?'}`,
      '  sources:',
      ...pack.sources.map((s) => `    - ${s.title}${s.url === undefined ? '' : ` <${s.url}>`}`),
      `  rules (${pack.rules.length}):`,
      ...pack.rules.map((r) => `    - ${pad(r.name, 40)} ${r.event.type}`),
    );
  }
  await run.out(`${lines.join('\n')}\n`);
}

async function packsVerify(run: Run, files: readonly string[], g: GlobalOptions): Promise<void> {
  const results: ({ file: string; valid: true; pack: RulePackInfo } | { file: string; valid: false; issues: readonly RulePackIssue[] })[] = [];
  for (const file of files) {
    const where = displayPath(run.io, file);
    let document: unknown;
    try {
      document = parseJson(run.io, file, await readText(run.io, file));
    } catch (err) {
      if (!(err instanceof CliFailure)) throw err;
      await run.error(err.code, err.message);
      run.raise(err.exitCode);
      continue;
    }
    try {
      results.push({ file: where, valid: true, pack: verifyRulePack(document) });
    } catch (err) {
      if (!(err instanceof InvalidRulePackError)) throw err;
      results.push({ file: where, valid: false, issues: err.issues });
      run.raise(EXIT.FINDINGS);
      if (g.json !== true) await run.packIssues(where, err.issues);
    }
  }
  if (g.json === true) {
    await run.out(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const lines = results.map((r) =>
    r.valid ? `OK       ${r.file}: ${r.pack.ref.id} ${r.pack.ref.version} (${r.pack.ref.status}) ${r.pack.ref.digest}` : `INVALID  ${r.file}: ${r.issues.length} problem${r.issues.length === 1 ? '' : 's'}`,
  );
  if (lines.length > 0) await run.out(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------
// the program

function buildProgram(run: Run): Command {
  const io = run.io;
  const program = new Command('kronikerpakker');
  program
    .description(
      'The kronikerpakker SDK on the command line: evaluate patients for the KOL and low back pain (LRS) packages, the clinic cockpit, CPD-DK treatment plans and rule packs.',
    )
    .option('--asof <date>', 'the evaluation date YYYY-MM-DD (required for evaluate, cockpit and cpd; never taken from the clock)')
    .addOption(new Option('--locale <locale>', 'language of the human output').choices(['da', 'en']).default('da'))
    .option('--json', 'machine output (JSON) on stdout')
    .option('--packs <dir>', 'replacement rule packs: every *.json in the folder, used beside the shipped packs on the dates they are valid')
    .configureOutput({
      writeOut: (s) => {
        io.stdout.write(s);
      },
      writeErr: (s) => {
        io.stderr.write(s);
      },
      outputError: (s, write) => {
        write(`kronikerpakker: USAGE: ${s.replace(/^error: /, '')}`);
      },
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_HELP);

  const unknownFields = (): Option =>
    new Option('--unknown-fields <policy>', 'fields the record schema does not know: reject (default) or strip').choices(['reject', 'strip']);

  program
    .command('evaluate')
    .description('evaluate a patient: a JSON record, a FHIR R4 Bundle (JSON) or NDJSON (one record per line; also a .ndjson/.jsonl file); - reads stdin')
    .argument('<file>', 'the input file, or - for stdin')
    .addOption(new Option('--package <id>', 'only this package (default both)').choices(['KOL', 'LRS']))
    .addOption(unknownFields())
    .action(async (file: string, flags: EvaluateFlags, cmd: Command) => {
      await evaluateCommand(run, file, flags, globals(cmd));
    });

  program
    .command('cockpit')
    .description("the clinic's cockpit for one profile over an NDJSON file of records: population, indicators, worklists (a progress bar on stderr for long inputs on a terminal)")
    .argument('<ndjson>', 'the records, one JSON per line, or - for stdin')
    .addOption(new Option('--profile <profile>', 'the profile').choices(['KOL', 'LRS']).makeOptionMandatory())
    .option('--worklist <id>', 'also list the patients (ids, status, level, next due date) on this worklist')
    .option('--extract', 'print the monitoring extract (JSON) instead of the summary')
    .addOption(unknownFields())
    .action(async (file: string, flags: CockpitFlags, cmd: Command) => {
      await cockpitCommand(run, file, flags, globals(cmd));
    });

  program
    .command('cpd')
    .description(
      'build the treatment plan of one patient (JSON record or FHIR Bundle) as a CPD-DK 2.0.0 document; without clinic/author options SYNTHETIC DEMO values are used (and said so on stderr)',
    )
    .argument('<file>', 'the input file, or - for stdin')
    .option('-o, --output <file>', 'where to write the XML (default stdout; the summary then goes to stderr)')
    .addOption(new Option('--package <id>', 'the package').choices(['KOL', 'LRS']).makeOptionMandatory())
    .option('--clinic-sor <id>', `the clinic's SOR id (demo: ${DEMO_IDENTITIES.clinicSor})`)
    .option('--clinic-name <name>', `the clinic's name (demo: "${DEMO_IDENTITIES.clinicName}")`)
    .option('--author-sor <id>', `the author's SOR id (demo: ${DEMO_IDENTITIES.authorSor})`)
    .option('--author-name <name>', `the author's given and family name (demo: "${DEMO_IDENTITIES.authorName}")`)
    .option('--patient-name <name>', `the patient's given and family name; the record holds none (demo: "${DEMO_IDENTITIES.patientName}")`)
    .option('--created-at <instant>', "the document's creation time, ISO 8601 (default: now; give it for byte-identical output)")
    .addOption(unknownFields())
    .action(async (file: string, flags: CpdFlags, cmd: Command) => {
      await cpdCommand(run, file, flags, globals(cmd));
    });

  program
    .command('validate-cpd')
    .description('validate a CPD-DK document: well-formedness, CPD-DK rules and (with --schemas) the CDA XSD; exit 1 on errors, warnings listed')
    .argument('<xml>', 'the document, or - for stdin')
    .option('--schemas <dir>', 'the cda-r2 folder of the HL7 CDA R2 schemas (enables XSD validation)')
    .option('--schema-main <path>', 'the main schema inside --schemas', CDA_SDTC_MAIN)
    .action(async (file: string, flags: { schemas?: string; schemaMain: string }, cmd: Command) => {
      await validateCpdCommand(run, file, flags, globals(cmd));
    });

  program
    .command('conformance')
    .description("compare a vendor's outputs with the conformance kit: each case passed, failed (with the difference) or missing; exit 1 unless all passed")
    .argument('<outputs>', 'the folder of your outputs: NNN.json per case and NNN-KOL.xml / NNN-LRS.xml where a CPD document is expected')
    .option('--kit <dir>', 'the conformance kit folder (holding kit.json)', 'test-fixtures/conformance')
    .option('--schemas <dir>', 'the cda-r2 folder of the HL7 CDA R2 schemas (XSD-validates the CPD documents too)')
    .option('--schema-main <path>', 'the main schema inside --schemas', CDA_SDTC_MAIN)
    .action(async (outputs: string, flags: { kit: string; schemas?: string; schemaMain: string }, cmd: Command) => {
      await conformanceCommand(run, outputs, flags, globals(cmd));
    });

  const packs = program.command('packs').description('the rule packs: list the shipped ones, show one, verify pack files');
  packs
    .command('list')
    .description('list the shipped packs (and those of --packs): id, version, status, validity, digest')
    .action(async (_flags: unknown, cmd: Command) => {
      await packsList(run, globals(cmd));
    });
  packs
    .command('show')
    .description('show one pack: metadata, sources and rules (--json: the whole document)')
    .argument('<id>', 'the pack id, e.g. kol-inclusion')
    .action(async (id: string, _flags: unknown, cmd: Command) => {
      await packsShow(run, id, globals(cmd));
    });
  packs
    .command('verify')
    .description('load pack files as the SDK would and report every problem with pack, rule, path and code; exit 1 when one is invalid')
    .argument('<file...>', 'pack JSON files')
    .action(async (files: string[], _flags: unknown, cmd: Command) => {
      await packsVerify(run, files, globals(cmd));
    });

  const short = '\nExit codes: 0 ok, 1 findings, 2 usage error, 3 input unreadable, 4 internal error (details: kronikerpakker --help).\n';
  const addShort = (cmd: Command): void => {
    for (const sub of cmd.commands) {
      sub.addHelpText('after', short);
      addShort(sub);
    }
  };
  addShort(program);
  return program;
}

async function report(run: Run, err: unknown): Promise<number> {
  if (err instanceof CliFailure) {
    await run.error(err.code, err.message);
    return err.exitCode;
  }
  if (KronikerpakkerError.is(err)) {
    const where = err.path.length === 0 ? undefined : formatPath(err.path);
    await run.error(err.code, err.message, where);
    if (err instanceof InvalidRulePackError) await run.packIssues('rule packs', err.issues);
    switch (err.code) {
      case 'INVALID_ARGUMENT':
      case 'INVALID_RULE_PACK':
        return EXIT.USAGE;
      case 'INVALID_RECORD':
      case 'INVALID_CPR':
        return EXIT.FINDINGS;
      case 'INTERNAL':
        return EXIT.INTERNAL;
    }
  }
  // A foreign error's message may quote input: only its kind is shown.
  await run.error('INTERNAL', `unexpected ${err instanceof Error ? err.name : 'error'}; please report it`);
  return EXIT.INTERNAL;
}

/**
 * Runs the `kronikerpakker` command line.
 *
 * @param argv - the arguments after the program name (`process.argv.slice(2)`)
 * @param io - stdout, stderr, stdin and the working directory
 * @returns the exit code (see {@link EXIT})
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const run = new Run(io);
  const program = buildProgram(run);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    return report(run, err);
  }
  return run.code;
}

