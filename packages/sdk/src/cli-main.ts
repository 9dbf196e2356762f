/**
 * The `kronikerpakker` command line as a testable function: `runCli(argv, io)`
 * parses with commander, runs the command, writes results to `io.stdout` and
 * errors (code and path, never record content) to `io.stderr`, and resolves
 * to the exit code. `cli.ts` is the thin bin wrapper.
 *
 * @module
 */
import { CommanderError, Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidRulePackError, KronikerpakkerError, formatIsoDate, formatPath, isIsoDate } from '@kronikerpakker/core';
import type { IsoDate, Locale, PackageId, RecordIssue, RulePack, RulePackIssue, RulePackSet } from '@kronikerpakker/core';
import { DEFAULT_MAX_NDJSON_LINE_LENGTH, MAX_NDJSON_LINE_LENGTH_LIMIT, isNdjsonLineTooLong, monitoringExtract, readNdjsonLines } from '@kronikerpakker/cockpit';
import type { Cockpit, CockpitRow, NdjsonLine } from '@kronikerpakker/cockpit';
import { validateCpd } from '@kronikerpakker/cpd';
import type { CdaSchemaSet, CpdFinding, CpdValidationReport } from '@kronikerpakker/cpd';
import { CDA_SDTC_MAIN } from '@kronikerpakker/cpd/node';
import { CARE_PACK_IDS, defaultCarePacks } from '@kronikerpakker/business-rules';
import { DIFFERENTIATION_PACK_IDS, defaultDifferentiationPacks } from '@kronikerpakker/differentiation';
import { INCLUSION_PACK_IDS, defaultInclusionPacks } from '@kronikerpakker/inclusion';
import { CliFailure, EXIT, countBytes, displayPath, emit, isMissingPackage, openInput, parseJson, readJsonDir, readSchemaDir, readText, textChunks } from './cli-io';
import type { CliIo } from './cli-io';
import { evaluatePatient } from './evaluate';
import type { PackageEvaluation, PatientEvaluation, PatientInput, PlanStatus } from './evaluate';
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

/**
 * How many bad lines (or records) of one input are listed one by one on
 * stderr, by `evaluate` and `cockpit` alike; the note after them always
 * gives the exact count.
 */
export const MAX_LISTED_BAD_RECORDS = 100;

/** How many issue paths a bad-record line shows (then `…`). */
const MAX_PATHS_SHOWN = 5;

/** The optional peer that XSD validation (`--schemas`) loads. */
const XMLLINT = 'xmllint-wasm';

const EXIT_HELP = `
Exit codes:
  0  done, nothing to report
  1  findings: an input record failed validation, an invalid CPD document,
     an invalid rule pack (packs verify), no plan could be built (cpd)
  2  usage error: unknown command or option, missing or malformed option
     (--asof is required for evaluate, cockpit and cpd: there is no default date),
     no rule-pack version valid on --asof, an option that needs an optional
     package that is not installed (--schemas needs xmllint-wasm)
  3  input unreadable: a file that cannot be read, is not JSON / NDJSON / text,
     a line that is not JSON or too long, an input with no records, a file that
     is not a rule pack (packs verify, --packs), an invalid pack in --packs, or
     an output file that cannot be written
  4  internal error (a bug: please report it)
  With several, the highest is returned.

Errors go to stderr as "kronikerpakker: <CODE> [at <where>]: <message>"; they
name files, lines, paths and codes, never record content. A bad line of an
NDJSON input is "kronikerpakker: INPUT_UNREADABLE at file:line: invalid-json"
(or line-too-long) or "kronikerpakker: INVALID_RECORD at file:line: <codes>
(at <paths>)"; the first ${MAX_LISTED_BAD_RECORDS} are listed, then a note gives the count.

Examples:
  kronikerpakker evaluate patient.json --asof 2027-01-15
  kronikerpakker evaluate clinic.ndjson --asof 2027-01-15 --json
  kronikerpakker evaluate clinic.ndjson --asof 2027-01-15 --compact
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
      const notPack = notARulePack(document);
      if (notPack !== undefined) {
        throw new CliFailure(EXIT.UNREADABLE, 'NOT_A_RULE_PACK', `${displayPath(this.io, file)} in --packs is not a rule pack (${notPack})`);
      }
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
      const rule = i.rule === undefined || !PACK_NAME.test(i.rule) ? '' : ` rule "${i.rule}"`;
      const pack = i.packId !== undefined && PACK_NAME.test(i.packId) ? `"${i.packId}"` : '(id not shown)';
      await this.err(`kronikerpakker: INVALID_RULE_PACK at ${where}: pack ${pack}${rule} at ${formatPath(i.path)}: ${i.code}\n`);
    }
  }

  /** An input that holds no record: reported, exit 3. */
  async noRecords(where: string, why: string): Promise<void> {
    await this.error('NO_RECORDS', `no records (${why})`, where);
    this.raise(EXIT.UNREADABLE);
  }

  /**
   * A usage error (exit 2) when a pack the command uses has no version valid
   * on `asOf`, naming the date from which the packs in use are valid (read
   * from the packs, shipped and `--packs`), before any input is read.
   */
  requirePacksValidOn(asOf: IsoDate, packages: readonly PackageId[], packs: RulePacks | undefined): void {
    const sets: readonly (readonly [{ readonly [P in PackageId]: string }, RulePackSet])[] = [
      [INCLUSION_PACK_IDS, packs?.inclusion ?? defaultInclusionPacks()],
      [DIFFERENTIATION_PACK_IDS, packs?.differentiation ?? defaultDifferentiationPacks()],
      [CARE_PACK_IDS, packs?.care ?? defaultCarePacks()],
    ];
    let inUse = 0;
    const failing: { id: string; next: IsoDate | undefined }[] = [];
    for (const [ids, set] of sets) {
      for (const pkg of packages) {
        const id = ids[pkg];
        inUse++;
        try {
          set.select(id, asOf);
        } catch (err) {
          if (!(err instanceof InvalidRulePackError)) throw err;
          const next = set.packs
            .filter((p) => p.id === id && p.validFrom > asOf)
            .map((p) => p.validFrom)
            .sort()[0];
          failing.push({ id, next });
        }
      }
    }
    if (failing.length === 0) return;
    const dates = new Set(failing.map((f) => f.next));
    const first = failing[0]?.next;
    const detail =
      failing.length === inUse && dates.size === 1 && first !== undefined
        ? `the packs in use are valid from ${first}`
        : failing.map((f) => (f.next === undefined ? `${f.id} has no version valid on or after it` : `${f.id} is valid from ${f.next}`)).join('; ');
    throw new CliFailure(EXIT.USAGE, 'NO_VALID_PACK', `no rule-pack version is valid on ${asOf} (--asof); ${detail}`);
  }
}

/** A pack id or rule name as packs write them; anything else from a file is not echoed. */
const PACK_NAME = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

/**
 * Why a parsed JSON document is not a rule pack at all (not merely an
 * invalid one), or undefined when it may be one. Names only the kind of
 * document, never its content.
 */
function notARulePack(document: unknown): string | undefined {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return 'not a JSON object';
  if ('rules' in document || 'version' in document || 'validFrom' in document) return undefined;
  if ('resourceType' in document) return 'it looks like a FHIR resource: no version, validFrom or rules';
  if ('patient' in document) return 'it looks like a patient record: no version, validFrom or rules';
  return 'no version, validFrom or rules';
}

/** Whether a bad record could not be read at all (exit 3) rather than failed validation (exit 1). */
type BadKind = 'unreadable' | 'invalid';

/** The codes of a line that is not readable as a record. */
const UNREADABLE_CODES: ReadonlySet<string> = new Set(['invalid-json', 'line-too-long']);

/**
 * The bad records of one input, reported the same way by every command that
 * reads records: one line each on stderr (`file:line`, the codes, the
 * paths; never content) up to {@link MAX_LISTED_BAD_RECORDS}, a note with
 * the exact count after a multi-record input, and the exit code (3 for a
 * line that could not be read, 1 for an invalid record).
 */
class BadRecords {
  unreadable = 0;
  invalid = 0;
  private listed = 0;
  private held: string[] | undefined;

  constructor(
    private readonly run: Run,
    private readonly where: string,
  ) {}

  /** Holds the lines (while a progress bar owns the terminal) until {@link release}. */
  hold(): void {
    this.held ??= [];
  }

  async release(): Promise<void> {
    const held = this.held ?? [];
    this.held = undefined;
    for (const line of held) await this.run.err(line);
  }

  /** One bad record at `place` (`file:line`, `file[i]` or `file`). */
  async add(place: string, kind: BadKind, codes: readonly string[], paths: readonly string[]): Promise<void> {
    if (kind === 'unreadable') this.unreadable++;
    else this.invalid++;
    this.run.raise(kind === 'unreadable' ? EXIT.UNREADABLE : EXIT.FINDINGS);
    if (this.listed >= MAX_LISTED_BAD_RECORDS) return;
    this.listed++;
    const shown = paths.slice(0, MAX_PATHS_SHOWN);
    const at = shown.length === 0 ? '' : ` (at ${shown.join(', ')}${paths.length > shown.length ? ', …' : ''})`;
    const line = `kronikerpakker: ${kind === 'unreadable' ? 'INPUT_UNREADABLE' : 'INVALID_RECORD'} at ${place}: ${codes.join(', ')}${at}\n`;
    if (this.held === undefined) await this.run.err(line);
    else this.held.push(line);
  }

  /** The exact counts, when more bad records were known than added (the cockpit keeps the first 1000). */
  setCounts(unreadable: number, invalid: number): void {
    this.unreadable = unreadable;
    this.invalid = invalid;
    if (unreadable > 0) this.run.raise(EXIT.UNREADABLE);
    if (invalid > 0) this.run.raise(EXIT.FINDINGS);
  }

  /** After a multi-record input of `records` records: a note with the count when any was bad. */
  async summary(records: number): Promise<void> {
    await this.release();
    const bad = this.unreadable + this.invalid;
    if (bad === 0) return;
    const more = bad > this.listed ? `; only the first ${this.listed} are listed` : '';
    await this.run.err(
      `kronikerpakker: note: ${this.where}: ${bad} of ${records} record${records === 1 ? '' : 's'} bad (${this.unreadable} unreadable, ${this.invalid} invalid)${more}\n`,
    );
  }
}

/** The distinct codes and the paths (at most 20, as the cockpit keeps them) of record issues. */
function codesAndPaths(issues: readonly RecordIssue[]): { codes: string[]; paths: string[] } {
  const codes: string[] = [];
  const paths: string[] = [];
  for (const issue of issues) {
    if (!codes.includes(issue.code)) codes.push(issue.code);
    if (paths.length < 20) paths.push(formatPath(issue.path));
  }
  return { codes, paths };
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

// ---------------------------------------------------------------------------
// evaluate

interface EvaluateFlags {
  readonly package?: PackageId;
  readonly unknownFields?: 'reject' | 'strip';
  readonly compact?: boolean;
  readonly maxLineLength?: number;
}

const BOTH_PACKAGES: readonly PackageId[] = ['KOL', 'LRS'];

/** `--max-line-length`: an integer from 1 to the cockpit's limit. */
function parseMaxLineLength(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > MAX_NDJSON_LINE_LENGTH_LIMIT) {
    throw new InvalidArgumentError(`an integer from 1 to ${String(MAX_NDJSON_LINE_LENGTH_LIMIT)}`);
  }
  return n;
}

/** The level in a compact line: the clinician's, else the suggested one (`2+`: at least 2, data missing); `-` for none. */
function compactLevel(p: PackageEvaluation): string {
  const level = p.level;
  if (level === null) return '-';
  if (level.clinicianDecision !== undefined) return String(level.clinicianDecision.level);
  return level.determined ? String(level.suggestedLevel) : `${String(level.suggestedLevel)}+`;
}

function nextDue(p: PackageEvaluation): IsoDate | null {
  let next: IsoDate | null = null;
  for (const item of p.care.items) if (item.dueDate !== null && (next === null || item.dueDate < next)) next = item.dueDate;
  return next;
}

/** One line of `evaluate --compact`: position, record id, then per package `PKG:standing/level/items` (`!` when urgent). */
function compactLine(e: PatientEvaluation, position: number | null): string {
  const pos = position === null ? '-' : String(position);
  if (!e.valid) return `${pos}\t-\tinvalid:${codesAndPaths(e.issues).codes.join(',')}`;
  const cols = BOTH_PACKAGES.flatMap((pkg) => {
    const p = e.packages[pkg];
    return p === undefined ? [] : [`${pkg}:${p.enrolment.standing}/${compactLevel(p)}/${String(p.care.items.length)}${p.care.urgent ? '!' : ''}`];
  });
  return [pos, (e.recordId ?? '-').replace(/[\t\r\n]/g, ' '), ...cols].join('\t');
}

/** One object of `evaluate --json --compact`: the essentials of each package, no traces or texts. */
function compactJson(e: PatientEvaluation, position: number | null): unknown {
  const packages: Record<string, unknown> = {};
  for (const pkg of BOTH_PACKAGES) {
    const p = e.packages[pkg];
    if (p === undefined) continue;
    const level = p.level;
    packages[pkg] = {
      status: p.inclusion.status,
      standing: p.enrolment.standing,
      level:
        level === null
          ? null
          : {
              suggested: level.suggestedLevel,
              determined: level.determined,
              decided: level.clinicianDecision?.level ?? null,
              effective: level.clinicianDecision?.level ?? level.suggestedLevel,
            },
      urgent: p.care.urgent,
      nextDue: nextDue(p),
      items: p.care.items.map((i) => i.code),
      ruleSets: [p.inclusion.ruleSet, ...(level === null ? [] : [level.ruleSet]), p.care.ruleSet].map((r) => `${r.id}@${r.version}`),
    };
  }
  return { position, recordId: e.recordId, valid: e.valid, ...(e.valid ? {} : { issues: e.issues }), packages };
}

/** A bar on stderr for a long input on a terminal (as the cockpit has), or undefined. */
interface Progress {
  /** The amount done (bytes or records, of `total`) and the records so far. */
  update(done: number, records: number): void;
  stop(): void;
}

function progressBar(run: Run, size: number | null, label: string, total: number | null = size): Progress | undefined {
  const threshold = run.io.progressThresholdBytes ?? DEFAULT_PROGRESS_THRESHOLD;
  if (run.io.stderr.isTTY !== true || size === null || total === null || size < threshold) return undefined;
  const bar = new SingleBar({
    stream: run.io.stderr as unknown as NodeJS.WritableStream,
    format: `${label} [{bar}] {percentage}% | {records} records | {eta_formatted}`,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  bar.start(total, 0, { records: 0 });
  let stopped = false;
  return {
    update(done, records) {
      if (!stopped) bar.update(Math.min(done, total), { records });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

/** Whether a text has at least two lines that are not blank (so it may be NDJSON), without splitting it. */
function hasTwoLines(text: string): boolean {
  let seen = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() !== '' && ++seen === 2) return true;
    start = end + 1;
  }
  return false;
}

async function* chunksOfText(text: string): AsyncIterable<string> {
  for (const chunk of textChunks(text)) yield await Promise.resolve(chunk);
}

async function evaluateCommand(run: Run, file: string, flags: EvaluateFlags, g: GlobalOptions): Promise<void> {
  const asOf = run.requireAsOf(g, 'evaluate');
  const packs = await run.packs(g);
  run.requirePacksValidOn(asOf, flags.package === undefined ? BOTH_PACKAGES : [flags.package], packs);
  const locale = g.locale;
  const compact = flags.compact === true;
  const maxLineLength = flags.maxLineLength ?? DEFAULT_MAX_NDJSON_LINE_LENGTH;
  const options = {
    asOf,
    ...(flags.package === undefined ? {} : { packages: [flags.package] }),
    ...(packs === undefined ? {} : { packs }),
    ...(flags.unknownFields === undefined ? {} : { unknownFields: flags.unknownFields }),
  };
  const where = displayPath(run.io, file);
  const bad = new BadRecords(run, where);
  let records = 0;
  let first = true;
  /** Writes one evaluation; `position` is null for a single record, `pretty` for a single record in `--json`. */
  const write = async (e: PatientEvaluation, position: number | null, place: string, pretty: boolean): Promise<void> => {
    if (compact) {
      await run.out(`${g.json === true ? JSON.stringify(compactJson(e, position)) : compactLine(e, position)}\n`);
    } else if (g.json === true) {
      await run.out(pretty ? `${JSON.stringify(e, null, 2)}\n` : `${JSON.stringify(e)}\n`);
    } else {
      const head = position === null ? '' : `# ${place}\n`;
      await run.out(`${first ? '' : '\n'}${head}${explainPatient(e, { locale }).join('\n')}\n`);
    }
    first = false;
  };
  /** One parsed JSON value at `place`: evaluated and written; a bad one reported as well. */
  const one = async (input: unknown, position: number | null, place: string): Promise<void> => {
    records++;
    let e: PatientEvaluation;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      // What the record parser says of a value that is not an object; evaluatePatient is not asked.
      e = { asOf, recordId: null, valid: false, issues: [{ path: [], code: 'invalid-type' }], packages: {} };
    } else {
      try {
        e = evaluatePatient(input as PatientInput, options);
      } catch (err) {
        if (!KronikerpakkerError.is(err) || err.code === 'INVALID_RULE_PACK' || err.code === 'INTERNAL') throw err;
        // A coded refusal of this one input: reported by code and path like an invalid record; the others go on.
        await bad.add(place, 'invalid', [err.code.toLowerCase().replace(/_/g, '-')], err.path.length === 0 ? [] : [formatPath(err.path)]);
        return;
      }
    }
    if (!e.valid) {
      const { codes, paths } = codesAndPaths(e.issues);
      await bad.add(place, 'invalid', codes, paths);
    }
    await write(e, position, place, position === null);
  };
  /** The lines of an NDJSON input, each a record, blank lines skipped (they keep their numbers). */
  const eachLine = async (lines: AsyncIterable<NdjsonLine>, progress: Progress | undefined, done: () => number): Promise<void> => {
    let line = 0;
    for await (const item of lines) {
      line++;
      const place = `${where}:${String(line)}`;
      if (isNdjsonLineTooLong(item)) {
        records++;
        await bad.add(place, 'unreadable', ['line-too-long'], []);
      } else if (item.trim() !== '') {
        let value: unknown;
        try {
          value = JSON.parse(item) as unknown;
        } catch {
          records++;
          await bad.add(place, 'unreadable', ['invalid-json'], []);
          continue;
        }
        await one(value, line, place);
      }
      if (progress !== undefined && (line & 63) === 0) progress.update(done(), records);
    }
  };
  let progress: Progress | undefined;
  try {
    if (/\.(ndjson|jsonl)$/i.test(file)) {
      const { chunks, size } = await openInput(run.io, file);
      progress = progressBar(run, size, 'evaluate');
      let bytes = 0;
      if (progress !== undefined) bad.hold();
      const counted =
        progress === undefined
          ? chunks
          : countBytes(chunks, (b) => {
              bytes = b;
            });
      await eachLine(readNdjsonLines(counted, { maxLineLength }), progress, () => bytes);
    } else {
      const text = await readText(run.io, file);
      let single: unknown;
      let parsed = true;
      try {
        single = JSON.parse(text) as unknown;
      } catch {
        parsed = false;
      }
      if (parsed && Array.isArray(single)) {
        const items: readonly unknown[] = single;
        if (items.length === 0) {
          await run.noRecords(where, 'an empty JSON array');
          return;
        }
        progress = progressBar(run, text.length, 'evaluate', items.length);
        if (progress !== undefined) bad.hold();
        for (let i = 0; i < items.length; i++) {
          await one(items[i], i, `${where}[${String(i)}]`);
          if (progress !== undefined && (i & 63) === 0) progress.update(i, records);
        }
      } else if (parsed) {
        await one(single, null, where);
        return;
      } else if (text.trim() === '') {
        await run.noRecords(where, 'the input is empty or holds only blank lines');
        return;
      } else if (!hasTwoLines(text)) {
        throw new CliFailure(EXIT.UNREADABLE, 'INPUT_UNREADABLE', `${where} is not valid JSON or NDJSON`);
      } else {
        progress = progressBar(run, text.length, 'evaluate');
        if (progress !== undefined) bad.hold();
        let chars = 0;
        const counted = countBytes(chunksOfText(text), (c) => {
          chars = c;
        });
        await eachLine(readNdjsonLines(counted, { maxLineLength }), progress, () => chars);
      }
    }
  } finally {
    progress?.stop();
  }
  if (records === 0) {
    await bad.release();
    await run.noRecords(where, 'the input is empty or holds only blank lines');
    return;
  }
  await bad.summary(records);
}

// ---------------------------------------------------------------------------
// cockpit

interface CockpitFlags {
  readonly profile: PackageId;
  readonly worklist?: string;
  readonly extract?: boolean;
  readonly unknownFields?: 'reject' | 'strip';
  readonly maxLineLength?: number;
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

async function cockpitCommand(run: Run, file: string, flags: CockpitFlags, g: GlobalOptions): Promise<void> {
  const asOf = run.requireAsOf(g, 'cockpit');
  const packs = await run.packs(g);
  run.requirePacksValidOn(asOf, [flags.profile], packs);
  const { chunks, size } = await openInput(run.io, file);
  const progress = progressBar(run, size, 'cockpit');
  let bytes = 0;
  const selected: CockpitRow[] = [];
  const worklist = flags.worklist;
  const where = displayPath(run.io, file);
  let cockpit: Cockpit;
  try {
    const counted = countBytes(chunks, (b) => {
      bytes = b;
    });
    cockpit = await evaluatePopulation(readNdjsonLines(counted, { maxLineLength: flags.maxLineLength ?? DEFAULT_MAX_NDJSON_LINE_LENGTH }), {
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
              progress.update(bytes, processed);
            },
          }),
    });
  } catch (err) {
    progress?.stop();
    if (err instanceof CliFailure || KronikerpakkerError.is(err)) throw err;
    throw new CliFailure(EXIT.UNREADABLE, 'INPUT_UNREADABLE', `cannot read ${where}`);
  }
  if (progress !== undefined) {
    progress.update(Number.MAX_SAFE_INTEGER, cockpit.population.records);
    progress.stop();
  }
  if (worklist !== undefined && !cockpit.worklists.some((w) => w.id === worklist)) {
    throw new CliFailure(
      EXIT.USAGE,
      'USAGE',
      `unknown worklist "${worklist}" for ${flags.profile}; one of: ${cockpit.worklists.map((w) => w.id).join(', ')}`,
    );
  }
  if (cockpit.population.records === 0) {
    await run.noRecords(where, 'the input is empty or holds only blank lines');
    return;
  }
  // The bad lines as evaluate reports them: from the cockpit's entries (position = line number, codes, paths).
  const bad = new BadRecords(run, where);
  for (const entry of cockpit.invalid.entries.slice(0, MAX_LISTED_BAD_RECORDS)) {
    const kind: BadKind = entry.codes.some((c) => UNREADABLE_CODES.has(c)) ? 'unreadable' : 'invalid';
    await bad.add(`${where}:${String(entry.position)}`, kind, entry.codes, entry.paths);
  }
  let unreadable = 0;
  for (const code of UNREADABLE_CODES) unreadable += cockpit.invalid.byCode[code] ?? 0;
  bad.setCounts(unreadable, cockpit.population.invalid - unreadable);
  await bad.summary(cockpit.population.records);
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
  run.requirePacksValidOn(asOf, [flags.package], packs);
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
  const where = displayPath(run.io, file);
  const text = await readText(run.io, file);
  if (text.trim() === '') {
    await run.noRecords(where, 'the input is empty or holds only blank lines');
    return;
  }
  const input = parseJson(run.io, file, text);
  const bad = new BadRecords(run, where);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    // As evaluate reports it: what the record parser says of a value that is not one record object.
    await bad.add(where, 'invalid', ['invalid-type'], ['(root)']);
    if (g.json === true) await run.out(`${JSON.stringify({ valid: false, issues: [{ path: [], code: 'invalid-type' }] }, null, 2)}\n`);
    return;
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
  if (!e.valid) {
    const { codes, paths } = codesAndPaths(e.issues);
    await bad.add(where, 'invalid', codes, paths);
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

/**
 * A usage error (exit 2) saying what to install, when XSD validation failed
 * because the optional peer `xmllint-wasm` is not installed; otherwise `err`.
 */
function missingXmllint(err: unknown): unknown {
  if (!isMissingPackage(err, XMLLINT)) return err;
  return new CliFailure(
    EXIT.USAGE,
    'MISSING_DEPENDENCY',
    `--schemas (XSD validation) needs the optional package ${XMLLINT}, which is not installed; install it: npm install ${XMLLINT}`,
  );
}

async function validateCpdCommand(run: Run, file: string, flags: { schemas?: string; schemaMain: string }, g: GlobalOptions): Promise<void> {
  const xml = await readText(run.io, file);
  const schemas = schemasOf(run, flags);
  const xsdValidator = run.io.xsdValidator;
  let report: CpdValidationReport;
  try {
    report = await validateCpd(xml, {
      ...(schemas === undefined ? {} : { schemas }),
      ...(xsdValidator === undefined ? {} : { xsdValidator }),
    });
  } catch (err) {
    throw missingXmllint(err);
  }
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
    throw missingXmllint(err);
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
    const notPack = notARulePack(document);
    if (notPack !== undefined) {
      // Like a file that is not JSON: reported (no content), exit 3, no result line.
      await run.error('NOT_A_RULE_PACK', `not a rule pack (${notPack})`, where);
      run.raise(EXIT.UNREADABLE);
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

  const maxLineLength = (): Option =>
    new Option('--max-line-length <chars>', `the longest NDJSON line read, in characters (default ${String(DEFAULT_MAX_NDJSON_LINE_LENGTH)}); a longer line is reported as line-too-long`).argParser(
      parseMaxLineLength,
    );

  program
    .command('evaluate')
    .description(
      'evaluate patients: a JSON record, a FHIR R4 Bundle (JSON), an array of those, or NDJSON (one record per line; a .ndjson/.jsonl file is streamed); - reads stdin (a progress bar on stderr for long inputs on a terminal)',
    )
    .argument('<file>', 'the input file, or - for stdin')
    .addOption(new Option('--package <id>', 'only this package (default both)').choices(['KOL', 'LRS']))
    .option('--compact', 'one line per patient: position, record id, PKG:standing/level/items (with --json: one small JSON object per patient)')
    .addOption(maxLineLength())
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
    .addOption(maxLineLength())
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

