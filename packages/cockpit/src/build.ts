/**
 * Building the cockpit: each record is validated once and evaluated over one
 * fact context (inclusion, level, care items); the cockpit keeps counts,
 * indicator tallies and, unless told not to, the rows.
 *
 * @module
 */
import {
  KronikerpakkerError,
  assertAsOf,
  assertOptionsObject,
  computeFact,
  createFactContext,
  formatPath,
  getValueSet,
  inValueSet,
  safeParsePatientRecord,
  subMonthsIso,
} from '@kronikerpakker/core';
import type {
  Condition,
  FactCatalogue,
  FactContext,
  IsoDate,
  Level,
  ParseRecordOptions,
  PatientRecord,
  RulePackSet,
  RuleSetRef,
  ValueSet,
} from '@kronikerpakker/core';
import { CARE_PACK_IDS, defaultCarePacks, evaluateCareInContext } from '@kronikerpakker/business-rules';
import type { CareContextOptions } from '@kronikerpakker/business-rules';
import { DIFFERENTIATION_PACK_IDS, defaultDifferentiationPacks, suggestLevelInContext } from '@kronikerpakker/differentiation';
import type { SuggestLevelInContextOptions } from '@kronikerpakker/differentiation';
import { INCLUSION_PACK_IDS, defaultInclusionPacks, enrolmentFor, evaluateInclusionInContext } from '@kronikerpakker/inclusion';
import type { InclusionContextOptions } from '@kronikerpakker/inclusion';
import { proFactCatalogue } from '@kronikerpakker/pro';
import { indicatorsOf } from './indicators';
import { isNdjsonLineTooLong } from './ndjson';
import { compareWorklistRows, worklistsOf } from './worklists';
import type {
  Cockpit,
  CockpitIndicator,
  CockpitLevel,
  CockpitOptions,
  CockpitProfile,
  CockpitRow,
  CockpitWorklist,
  IndicatorId,
  InvalidRecordEntry,
  ProStatus,
  WorklistDefinition,
  WorklistId,
} from './types';

/** At most this many invalid records are listed (the count stays exact). */
const MAX_INVALID_ENTRIES = 1000;
/** At most this many paths per invalid record. */
const MAX_PATHS = 20;
/** onProgress is called every this many records. */
const PROGRESS_EVERY = 1000;

/** What the profile reads from care items and questionnaires (see ProStatus). */
interface ProfileConfig {
  readonly diagnosisValueSet: ValueSet;
  readonly proMissingCodes: readonly string[];
  readonly proDueCodes: readonly string[];
  readonly proInstruments: readonly string[];
}

const PROFILE_CONFIG: Readonly<Record<CockpitProfile, () => ProfileConfig>> = {
  KOL: () => ({
    diagnosisValueSet: getValueSet('kol-diagnosis'),
    proMissingCodes: ['kol.cat.missing', 'kol.mrc.missing'],
    proDueCodes: ['kol.pro.cat-before-aarsstatus'],
    proInstruments: ['CAT', 'MRC'],
  }),
  LRS: () => ({
    diagnosisValueSet: getValueSet('lrs-diagnosis'),
    proMissingCodes: ['lrs.start-back.missing'],
    proDueCodes: ['lrs.pro.due'],
    proInstruments: ['STarT-Back', 'ODI', 'RMDQ', 'NRS-pain'],
  }),
};

/** The fact each profile's `group` column shows. */
const GROUP_FACT: Readonly<Record<CockpitProfile, string>> = { KOL: 'goldGroup', LRS: 'latestStartBackGroup' };

/** The params of the first leaf of `conditions` that reads `fact`, or undefined. */
function paramsOfFact(conditions: Condition, fact: string): Readonly<Record<string, unknown>> | undefined {
  if ('fact' in conditions) return conditions.fact === fact ? (conditions.params ?? undefined) : undefined;
  const children = 'all' in conditions ? conditions.all : 'any' in conditions ? conditions.any : [conditions.not];
  for (const child of children) {
    const params = paramsOfFact(child, fact);
    if (params !== undefined) return params;
  }
  return undefined;
}

const NO_LEVEL: CockpitLevel = Object.freeze({ suggested: null, determined: false, decided: null, effective: null });
const NO_CODES: readonly string[] = Object.freeze([]);
/** The codes of a line longer than readNdjsonLines' maxLineLength. */
const LINE_TOO_LONG: readonly string[] = Object.freeze(['line-too-long']);
const NO_WORKLISTS: readonly WorklistId[] = Object.freeze([]);

/** A row: a class so every row has one shape. */
class Row implements CockpitRow {
  worklists: readonly WorklistId[] = NO_WORKLISTS;
  constructor(
    readonly id: string,
    readonly position: number,
    readonly status: CockpitRow['status'],
    readonly enrolled: boolean,
    readonly standing: CockpitRow['standing'],
    readonly level: CockpitLevel,
    readonly group: CockpitRow['group'],
    readonly lastAarsstatus: IsoDate | null,
    readonly nextDue: IsoDate | null,
    readonly counts: CockpitRow['counts'],
    readonly urgent: boolean,
    readonly pro: ProStatus,
    readonly itemCodes: readonly string[],
  ) {}
}

class Counts {
  overdue = 0;
  due = 0;
  missing = 0;
  alerts = 0;
  suggestions = 0;
  dataQuality = 0;
}

/** Tallies of the patients in the package (and the candidates), for the indicators. */
class Tally {
  eligibleOrEnrolled = 0;
  enrolled = 0;
  level1 = 0;
  level2 = 0;
  level3 = 0;
  aarsstatus12m = 0;
  spirometry24m = 0;
  startBack6m = 0;
  proCompleted = 0;
  planShared12m = 0;
}

function invalidArgument(message: string, path: readonly (string | number)[]): KronikerpakkerError {
  return new KronikerpakkerError('INVALID_ARGUMENT', message, { path });
}

function optionalFunction(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== 'function') throw invalidArgument(`Expected ${name} to be a function`, ['options', name]);
}

function optionalPackSet(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== 'object' || value === null || typeof (value as { select?: unknown }).select !== 'function')) {
    throw invalidArgument('Expected a RulePackSet', ['options', 'packs', name]);
  }
}

function validateOptions(options: CockpitOptions): void {
  assertOptionsObject(options);
  assertAsOf(options.asOf);
  // Checked at run time for JavaScript callers: the types already say so.
  const profile: unknown = options.profile;
  const unknownFields: unknown = options.unknownFields;
  if (profile !== 'KOL' && profile !== 'LRS') throw invalidArgument('Unknown profile; expected KOL or LRS', ['options', 'profile']);
  if (unknownFields !== undefined && unknownFields !== 'reject' && unknownFields !== 'strip') {
    throw invalidArgument('Expected unknownFields to be reject or strip', ['options', 'unknownFields']);
  }
  if (options.retainRows !== undefined && typeof options.retainRows !== 'boolean') {
    throw invalidArgument('Expected retainRows to be a boolean', ['options', 'retainRows']);
  }
  optionalFunction(options.onRow, 'onRow');
  optionalFunction(options.onProgress, 'onProgress');
  const packs = options.packs;
  if (packs !== undefined) {
    if (typeof packs !== 'object' || (packs as unknown) === null) throw invalidArgument('Expected packs to be an object', ['options', 'packs']);
    optionalPackSet(packs.inclusion, 'inclusion');
    optionalPackSet(packs.differentiation, 'differentiation');
    optionalPackSet(packs.care, 'care');
  }
}

/** A blank NDJSON line: empty or whitespace only. */
const BLANK = /^\s*$/;

/**
 * Accumulates a cockpit record by record. One instance per build; the hot
 * path allocates only what a record needs.
 *
 * @internal
 */
export class CockpitBuilder {
  private readonly asOf: IsoDate;
  private readonly profile: CockpitProfile;
  private readonly parseOptions: ParseRecordOptions;
  private readonly inclusionOptions: InclusionContextOptions;
  private readonly levelOptions: SuggestLevelInContextOptions;
  private readonly carePacks: RulePackSet | undefined;
  private readonly levelPacks: RulePackSet | undefined;
  private readonly config: ProfileConfig;
  private readonly worklistDefs: readonly WorklistDefinition[];
  private readonly worklistSizes: number[];
  private readonly worklistRows: CockpitRow[][] | undefined;
  private readonly rows: CockpitRow[] | undefined;
  private readonly onRow: ((row: CockpitRow) => void) | undefined;
  private readonly onProgress: ((processed: number) => void) | undefined;
  private readonly ruleSets: readonly RuleSetRef[];
  private readonly catalogue: FactCatalogue;
  /** The params the level pack reads the group fact with (its freshness window), so the column shows the group the level uses. */
  private readonly groupParams: Readonly<Record<string, unknown>> | undefined;
  private readonly cutoff6m: IsoDate;
  private readonly cutoff12m: IsoDate;
  private readonly cutoff24m: IsoDate;
  private readonly tally = new Tally();
  private position = 0;
  private records = 0;
  private valid = 0;
  private invalid = 0;
  private inProfile = 0;
  private readonly invalidByCode = new Map<string, number>();
  private readonly invalidEntries: InvalidRecordEntry[] = [];

  constructor(options: CockpitOptions) {
    validateOptions(options);
    const asOf = options.asOf;
    const profile = options.profile;
    this.asOf = asOf;
    this.profile = profile;
    this.parseOptions = options.unknownFields === undefined ? { asOf } : { asOf, unknownFields: options.unknownFields };
    const inclusionPacks = options.packs?.inclusion ?? defaultInclusionPacks();
    const levelPacks = options.packs?.differentiation ?? defaultDifferentiationPacks();
    const carePacks = options.packs?.care ?? defaultCarePacks();
    this.inclusionOptions = { package: profile, packs: inclusionPacks };
    this.levelOptions = { package: profile, packs: levelPacks };
    this.carePacks = carePacks;
    this.levelPacks = levelPacks;
    // Select up front: a date without a valid pack version fails before any record, and the refs are known.
    const levelPack = levelPacks.select(DIFFERENTIATION_PACK_IDS[profile], asOf).pack;
    const refs = [inclusionPacks.select(INCLUSION_PACK_IDS[profile], asOf).pack.ref, levelPack.ref, carePacks.select(CARE_PACK_IDS[profile], asOf).pack.ref];
    // Issue 12 finding 4: the level pack reads MRC/CAT (goldGroup) and STarT Back with a freshness window; the
    // group column uses the same params, so an old score shows as unknown, as the level and the care treat it.
    let groupParams: Readonly<Record<string, unknown>> | undefined;
    for (const rule of levelPack.rules) {
      groupParams = paramsOfFact(rule.conditions, GROUP_FACT[profile]);
      if (groupParams !== undefined) break;
    }
    this.groupParams = groupParams;
    const seen = new Set<string>();
    this.ruleSets = Object.freeze(
      refs.filter((r) => {
        const key = `${r.id}\u0000${r.version}\u0000${r.digest}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    );
    this.config = PROFILE_CONFIG[profile]();
    this.worklistDefs = worklistsOf(profile);
    this.worklistSizes = this.worklistDefs.map(() => 0);
    const retain = options.retainRows ?? true;
    this.rows = retain ? [] : undefined;
    this.worklistRows = retain ? this.worklistDefs.map(() => []) : undefined;
    this.onRow = options.onRow;
    this.onProgress = options.onProgress;
    this.catalogue = proFactCatalogue();
    this.cutoff6m = subMonthsIso(asOf, 6);
    this.cutoff12m = subMonthsIso(asOf, 12);
    this.cutoff24m = subMonthsIso(asOf, 24);
  }

  /**
   * Adds one input item: a record object, or one NDJSON line.
   *
   * @param item - the item
   */
  add(item: unknown): void {
    const position = ++this.position;
    let input = item;
    if (typeof item === 'string') {
      if (item.length === 0 || (item.charCodeAt(0) !== 123 && BLANK.test(item))) return;
      this.records++;
      try {
        input = JSON.parse(item) as unknown;
      } catch {
        this.addInvalid(position, ['invalid-json'], NO_CODES);
        this.progress();
        return;
      }
    } else if (isNdjsonLineTooLong(item)) {
      // readNdjsonLines dropped the line's content: counted by position, never stops the population.
      this.records++;
      this.addInvalid(position, LINE_TOO_LONG, NO_CODES);
      this.progress();
      return;
    } else {
      this.records++;
    }
    const parsed = safeParsePatientRecord(input, this.parseOptions);
    if (parsed.success) {
      this.valid++;
      this.evaluate(parsed.record, position);
    } else {
      const codes: string[] = [];
      const paths: string[] = [];
      for (const issue of parsed.error.issues) {
        if (!codes.includes(issue.code)) codes.push(issue.code);
        if (paths.length < MAX_PATHS) paths.push(formatPath(issue.path));
      }
      this.addInvalid(position, codes, paths);
    }
    this.progress();
  }

  private progress(): void {
    if (this.onProgress !== undefined && this.records % PROGRESS_EVERY === 0) this.onProgress(this.records);
  }

  private addInvalid(position: number, codes: readonly string[], paths: readonly string[]): void {
    this.invalid++;
    for (const code of codes) this.invalidByCode.set(code, (this.invalidByCode.get(code) ?? 0) + 1);
    if (this.invalidEntries.length < MAX_INVALID_ENTRIES) this.invalidEntries.push({ position, codes, paths });
  }

  private evaluate(record: PatientRecord, position: number): void {
    const profile = this.profile;
    const config = this.config;
    const ctx: FactContext = createFactContext(record, this.asOf);
    const inclusion = evaluateInclusionInContext(ctx, this.inclusionOptions);
    const status = inclusion.status;

    // Enrolled, and whether any decision exists for the package (lists are sorted by date; the later entry wins).
    let latestDecision: string | undefined;
    let anyDecision = false;
    for (const d of record.packageDecisions) {
      if (d.package !== profile) continue;
      anyDecision = true;
      if (d.date <= this.asOf) latestDecision = d.decision;
    }
    const enrolled = latestDecision === 'included';
    let inProfile = anyDecision || status === 'eligible';
    if (!inProfile) {
      for (const d of record.diagnoses) {
        if (d.status === 'active' && inValueSet(config.diagnosisValueSet, d)) {
          inProfile = true;
          break;
        }
      }
    }
    if (!inProfile) return;
    this.inProfile++;

    // The one enrolment policy decides the level and the care scope, as in the facade and the plan.
    const enrolment = enrolmentFor(profile, status, enrolled);
    const suggestion = enrolment.levelApplies ? suggestLevelInContext(ctx, this.levelOptions) : undefined;
    const careOptions: CareContextOptions = { package: profile, packs: this.carePacks, levelPacks: this.levelPacks, level: suggestion, inclusion };
    const care = evaluateCareInContext(ctx, careOptions);

    let level: CockpitLevel = NO_LEVEL;
    if (suggestion !== undefined) {
      const decided: Level | null = suggestion.clinicianDecision?.level ?? null;
      level = { suggested: suggestion.suggestedLevel, determined: suggestion.determined, decided, effective: decided ?? suggestion.suggestedLevel };
    }

    const counts = new Counts();
    let nextDue: IsoDate | null = null;
    let proMissing = false;
    let proDue = false;
    const items = care.items;
    const itemCodes: string[] = [];
    for (const item of items) {
      itemCodes.push(item.code);
      switch (item.kind) {
        case 'overdue':
          counts.overdue++;
          break;
        case 'due':
          counts.due++;
          break;
        case 'missing-data':
          counts.missing++;
          break;
        case 'alert':
          counts.alerts++;
          break;
        case 'suggestion':
          counts.suggestions++;
          break;
        case 'data-quality':
          counts.dataQuality++;
          break;
      }
      if ((item.kind === 'due' || item.kind === 'overdue') && item.dueDate !== null && (nextDue === null || item.dueDate < nextDue)) {
        nextDue = item.dueDate;
      }
      if (config.proMissingCodes.includes(item.code)) proMissing = true;
      else if (config.proDueCodes.includes(item.code)) proDue = true;
    }

    let lastAarsstatus: IsoDate | null = null;
    for (const e of record.encounters) {
      if (e.type === 'aarsstatus' && (e.package === undefined || e.package === profile)) lastAarsstatus = e.date;
    }

    const pro: ProStatus = !care.inPackage
      ? 'not-applicable'
      : proMissing
        ? 'missing'
        : proDue
          ? 'due'
          : this.hasRecentPro(record)
            ? 'completed'
            : 'missing';

    const groupValue =
      profile === 'KOL' ? computeFact(ctx, 'goldGroup', this.groupParams) : computeFact(ctx, 'latestStartBackGroup', this.groupParams, this.catalogue);
    const group = typeof groupValue === 'string' ? (groupValue as CockpitRow['group']) : null;

    const row = new Row(
      record.id,
      position,
      status,
      enrolled,
      enrolment.standing,
      level,
      group,
      lastAarsstatus,
      nextDue,
      counts,
      care.urgent,
      pro,
      itemCodes.length === 0 ? NO_CODES : itemCodes,
    );
    const defs = this.worklistDefs;
    let on: WorklistId[] | undefined;
    for (let i = 0; i < defs.length; i++) {
      const w = defs[i] as WorklistDefinition;
      if (!w.matches(row)) continue;
      (on ??= []).push(w.id);
      this.worklistSizes[i] = (this.worklistSizes[i] as number) + 1;
      this.worklistRows?.[i]?.push(row);
    }
    if (on !== undefined) row.worklists = on;

    if (enrolment.levelApplies) this.tally.eligibleOrEnrolled++;
    if (enrolment.inPackage) this.tallyEnrolled(record, row);
    this.rows?.push(row);
    this.onRow?.(row);
  }

  private hasRecentPro(record: PatientRecord): boolean {
    const instruments = this.config.proInstruments;
    for (const q of record.questionnaires) if (q.date >= this.cutoff12m && instruments.includes(q.instrument)) return true;
    return false;
  }

  private tallyEnrolled(record: PatientRecord, row: CockpitRow): void {
    const t = this.tally;
    t.enrolled++;
    const effective = row.level.effective;
    if (effective === 1) t.level1++;
    else if (effective === 2) t.level2++;
    else if (effective === 3) t.level3++;
    if (row.lastAarsstatus !== null && row.lastAarsstatus >= this.cutoff12m) t.aarsstatus12m++;
    if (row.pro === 'completed') t.proCompleted++;
    if (this.profile === 'KOL') {
      for (const s of record.spirometry) {
        if (s.postBronchodilator && s.date >= this.cutoff24m) {
          t.spirometry24m++;
          break;
        }
      }
    } else {
      for (const q of record.questionnaires) {
        if (q.instrument === 'STarT-Back' && q.date >= this.cutoff6m) {
          t.startBack6m++;
          break;
        }
      }
    }
    for (const p of record.sharedPlans) {
      if (p.package === this.profile && p.date >= this.cutoff12m) {
        t.planShared12m++;
        break;
      }
    }
  }

  /**
   * The cockpit of the records added so far.
   *
   * @returns the cockpit
   */
  finish(): Cockpit {
    if (this.onProgress !== undefined && this.records % PROGRESS_EVERY !== 0) this.onProgress(this.records);
    const worklists: CockpitWorklist[] = this.worklistDefs.map((w, i) => {
      const size = this.worklistSizes[i] as number;
      const rows = this.worklistRows?.[i];
      if (rows === undefined) return { id: w.id, title: w.title, size };
      rows.sort(compareWorklistRows);
      return { id: w.id, title: w.title, size, rows };
    });
    const t = this.tally;
    const values: Readonly<Record<IndicatorId, readonly [number, number]>> = {
      enrolled: [t.enrolled, t.eligibleOrEnrolled],
      'level-1': [t.level1, t.enrolled],
      'level-2': [t.level2, t.enrolled],
      'level-3': [t.level3, t.enrolled],
      'aarsstatus-12m': [t.aarsstatus12m, t.enrolled],
      'spirometry-24m': [t.spirometry24m, t.enrolled],
      'start-back-done': [t.startBack6m, t.enrolled],
      'pro-completed': [t.proCompleted, t.enrolled],
      'plan-shared': [t.planShared12m, t.enrolled],
    };
    const indicators: CockpitIndicator[] = indicatorsOf(this.profile).map((d) => {
      const [numerator, denominator] = values[d.id];
      return { id: d.id, title: d.title, numerator, denominator, proportion: denominator === 0 ? null : numerator / denominator, definition: d.definition };
    });
    const byCode: Record<string, number> = {};
    for (const code of [...this.invalidByCode.keys()].sort()) byCode[code] = this.invalidByCode.get(code) as number;
    const population = { records: this.records, valid: this.valid, invalid: this.invalid, inProfile: this.inProfile };
    const invalid = { count: this.invalid, byCode, entries: this.invalidEntries };
    const base = { profile: this.profile, asOf: this.asOf, population };
    return this.rows === undefined
      ? { ...base, worklists, indicators, invalid, ruleSets: this.ruleSets }
      : { ...base, rows: this.rows, worklists, indicators, invalid, ruleSets: this.ruleSets };
  }
}

/** Whether `value` has a method under `key`; a getter that throws is a coded error (its message never passed on). */
function hasMethod(value: unknown, key: symbol): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return typeof (value as Record<symbol, unknown>)[key] === 'function';
  } catch (err) {
    if (KronikerpakkerError.is(err)) throw err;
    throw brokenIterator();
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return hasMethod(value, Symbol.asyncIterator);
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return hasMethod(value, Symbol.iterator);
}

/** The records argument broke the iteration protocol (or its iterator threw): coded, without its message. */
function brokenIterator(): KronikerpakkerError {
  return invalidArgument('The records iterator failed or broke the iteration protocol', ['records']);
}

/** The next step of the caller's iterator, checked: a step that is not an object, or a throw, is a coded error. */
function stepOf(next: () => unknown): { readonly done?: unknown; readonly value?: unknown } {
  let step: unknown;
  try {
    step = next();
  } catch (err) {
    // An error already coded (readNdjsonLines' own) stands; any other is replaced, its message never passed on.
    if (KronikerpakkerError.is(err)) throw err;
    throw brokenIterator();
  }
  if (typeof step !== 'object' || step === null) throw brokenIterator();
  return step;
}

async function buildAsync(records: AsyncIterable<unknown>, builder: CockpitBuilder): Promise<Cockpit> {
  let iterator: AsyncIterator<unknown>;
  try {
    iterator = records[Symbol.asyncIterator]();
  } catch (err) {
    // An error already coded (readNdjsonLines' own) stands; any other is replaced, its message never passed on.
    if (KronikerpakkerError.is(err)) throw err;
    throw brokenIterator();
  }
  if (typeof iterator !== 'object' || (iterator as unknown) === null || typeof iterator.next !== 'function') throw brokenIterator();
  for (;;) {
    let step: unknown;
    try {
      step = await iterator.next();
    } catch (err) {
      if (KronikerpakkerError.is(err)) throw err;
      throw brokenIterator();
    }
    if (typeof step !== 'object' || step === null) throw brokenIterator();
    const { done, value } = step as { readonly done?: unknown; readonly value?: unknown };
    if (done === true) break;
    builder.add(value);
  }
  return builder.finish();
}

function buildSync(records: Iterable<unknown>, builder: CockpitBuilder): Cockpit {
  let iterator: Iterator<unknown>;
  try {
    iterator = records[Symbol.iterator]();
  } catch (err) {
    // An error already coded (readNdjsonLines' own) stands; any other is replaced, its message never passed on.
    if (KronikerpakkerError.is(err)) throw err;
    throw brokenIterator();
  }
  if (typeof iterator !== 'object' || (iterator as unknown) === null || typeof iterator.next !== 'function') throw brokenIterator();
  for (;;) {
    const step = stepOf(() => iterator.next());
    if (step.done === true) break;
    builder.add(step.value);
  }
  return builder.finish();
}

/**
 * Builds Klinikens Cockpit for one profile over a clinic's population.
 *
 * Items are record objects (as parsed from JSON) or strings, each one
 * NDJSON line (blank lines are skipped but keep their line number as
 * position; a line that is not JSON is an invalid record with code
 * `invalid-json`; a line that {@link readNdjsonLines} found longer than its
 * `maxLineLength` is an invalid record with code `line-too-long`). Each
 * record is validated with `safeParsePatientRecord` on `asOf` and
 * evaluated over one fact context: inclusion for the
 * profile's package, and for patients in the profile the level and the care
 * items. A record that fails validation never stops the population: it is
 * counted and listed by position and issue codes, never by content.
 *
 * A patient is in the profile with an active diagnosis of the package
 * (value set `kol-diagnosis` / `lrs-diagnosis`), any package decision for
 * the package, or inclusion status `eligible`. Every patient in the profile
 * has a row.
 *
 * Memory: the records are read one at a time; with `retainRows: false` the
 * cockpit keeps only counts, so memory is flat for any population.
 *
 * @param records - an array or iterable of items
 * @param options - the date, the profile and optional packs, policy and callbacks
 * @returns the cockpit
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for bad options (code and path); `InvalidRulePackError` when no pack version is valid on `asOf`
 * @example
 * ```ts
 * const cockpit = buildCockpit(records, { asOf: '2027-03-15', profile: 'KOL' });
 * cockpit.worklists.find((w) => w.id === 'aarsstatus-overdue')?.rows?.[0]?.id;
 * ```
 */
export function buildCockpit(records: Iterable<unknown>, options: CockpitOptions): Cockpit;
/**
 * Builds Klinikens Cockpit over an async iterable (a stream of records or
 * of NDJSON lines, see {@link readNdjsonLines}), in bounded memory.
 *
 * @param records - an async iterable of items
 * @param options - the date, the profile and optional packs, policy and callbacks
 * @returns a promise of the cockpit
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for bad options; `InvalidRulePackError` when no pack version is valid on `asOf`
 * @example
 * ```ts
 * const cockpit = await buildCockpit(readNdjsonLines(createReadStream('clinic.ndjson')), { asOf: '2027-03-15', profile: 'LRS', retainRows: false });
 * ```
 */
export function buildCockpit(records: AsyncIterable<unknown>, options: CockpitOptions): Promise<Cockpit>;
export function buildCockpit(records: Iterable<unknown> | AsyncIterable<unknown>, options: CockpitOptions): Cockpit | Promise<Cockpit> {
  const builder = new CockpitBuilder(options);
  if (isAsyncIterable(records)) return buildAsync(records, builder);
  if (!isIterable(records)) throw invalidArgument('Expected an array, an iterable or an async iterable of records', ['records']);
  return buildSync(records, builder);
}
