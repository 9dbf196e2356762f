/**
 * The monitoring extract: the definition of "data til monitorering". Only
 * aggregate counts of the cockpit leave the clinic, with small cells
 * suppressed and no cell recoverable from the published ones by arithmetic.
 *
 * @module
 */
import { KronikerpakkerError, assertOptionsObject } from '@kronikerpakker/core';
import type { IsoDate, RuleSetRef } from '@kronikerpakker/core';
import type { Cockpit, CockpitProfile, IndicatorId, WorklistId } from './types';

/**
 * Options of {@link monitoringExtract}.
 *
 * @example
 * ```ts
 * monitoringExtract(cockpit, { minCell: 5 });
 * ```
 */
export interface MonitoringExtractOptions {
  /** The smallest count published (default 5): counts 1 to minCell - 1 are suppressed. */
  readonly minCell?: number | undefined;
}

/**
 * An indicator in the extract. `null` marks a suppressed count.
 *
 * @example
 * ```ts
 * const i: ExtractIndicator = { id: 'enrolled', numerator: 40, denominator: 52, proportion: 0.769, suppressed: false };
 * ```
 */
export interface ExtractIndicator {
  /** The indicator's id. */
  readonly id: IndicatorId;
  /** The numerator, or null when suppressed. */
  readonly numerator: number | null;
  /** The denominator, or null when suppressed. */
  readonly denominator: number | null;
  /** numerator / denominator, or null when either is suppressed or the denominator is 0. */
  readonly proportion: number | null;
  /** True when the numerator or the denominator is suppressed. */
  readonly suppressed: boolean;
}

/**
 * A worklist's size in the extract.
 *
 * @example
 * ```ts
 * const w: ExtractWorklist = { id: 'smokers', size: null, suppressed: true };
 * ```
 */
export interface ExtractWorklist {
  /** The worklist's id. */
  readonly id: WorklistId;
  /** Its size, or null when suppressed. */
  readonly size: number | null;
  /** True when the size is suppressed. */
  readonly suppressed: boolean;
}

/**
 * The monitoring extract of a cockpit: aggregates only, never an id, a
 * position, a CPR, a date of birth or a per-patient value. A `null` count
 * is suppressed: it lies between 1 and `minCell - 1`, or it would let a
 * suppressed count (or a small difference of two published counts) be
 * worked out by adding and subtracting published counts.
 *
 * @example
 * ```ts
 * const extract = monitoringExtract(cockpit);
 * extract.kind; // 'kronikerpakker-monitoring-extract'
 * ```
 */
export interface MonitoringExtract {
  /** What this is. */
  readonly kind: 'kronikerpakker-monitoring-extract';
  /** The version of this format. */
  readonly version: 1;
  /** The profile. */
  readonly profile: CockpitProfile;
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /** The suppression threshold used. */
  readonly minCell: number;
  /** The rule-pack versions that produced the figures. */
  readonly ruleSets: readonly RuleSetRef[];
  /** Population counts (null = suppressed). */
  readonly population: {
    /** Records read. */
    readonly records: number | null;
    /** Valid records. */
    readonly valid: number | null;
    /** Invalid records. */
    readonly invalid: number | null;
    /** Valid records in the profile. */
    readonly inProfile: number | null;
  };
  /** The indicators. */
  readonly indicators: readonly ExtractIndicator[];
  /** The worklist sizes. */
  readonly worklists: readonly ExtractWorklist[];
  /** Invalid records (null = suppressed). */
  readonly invalid: {
    /** How many. */
    readonly count: number | null;
    /** Invalid records per issue code. */
    readonly byCode: Readonly<Record<string, number | null>>;
  };
}

/** One count: published, or hidden (a difference that is never published but must not be recoverable when small). */
interface Cell {
  readonly value: number;
  readonly hidden: boolean;
  suppressed: boolean;
}

/** A linear relation between cells: sum of coefficient x cell = 0. */
type Equation = readonly (readonly [cell: number, coefficient: number])[];

const EPSILON = 1e-9;

/**
 * Which unknown cells the equations determine, given every other cell.
 * Row-reduces the equations over the unknown columns: an unknown is
 * determined when it is a pivot whose row has no free column.
 */
function determined(equations: readonly Equation[], unknown: readonly number[]): Set<number> {
  const column = new Map<number, number>();
  unknown.forEach((c, i) => column.set(c, i));
  const m: number[][] = [];
  for (const eq of equations) {
    const row = new Array<number>(unknown.length).fill(0);
    let any = false;
    for (const [cell, coefficient] of eq) {
      const j = column.get(cell);
      if (j !== undefined) {
        row[j] = (row[j] as number) + coefficient;
        any = true;
      }
    }
    if (any) m.push(row);
  }
  const pivots: number[] = [];
  let r = 0;
  for (let j = 0; j < unknown.length && r < m.length; j++) {
    let p = -1;
    for (let i = r; i < m.length; i++) if (Math.abs((m[i] as number[])[j] as number) > EPSILON) p = i;
    if (p === -1) continue;
    [m[r], m[p]] = [m[p] as number[], m[r] as number[]];
    const pivotRow = m[r] as number[];
    const pv = pivotRow[j] as number;
    for (let k = 0; k < pivotRow.length; k++) pivotRow[k] = (pivotRow[k] as number) / pv;
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const row = m[i] as number[];
      const f = row[j] as number;
      if (Math.abs(f) <= EPSILON) continue;
      for (let k = 0; k < row.length; k++) row[k] = (row[k] as number) - f * (pivotRow[k] as number);
    }
    pivots.push(j);
    r++;
  }
  const out = new Set<number>();
  const pivotSet = new Set(pivots);
  pivots.forEach((j, i) => {
    const row = m[i] as number[];
    let free = false;
    for (let k = 0; k < row.length; k++) if (!pivotSet.has(k) && Math.abs(row[k] as number) > EPSILON) free = true;
    if (!free) out.add(unknown[j] as number);
  });
  return out;
}

/**
 * Suppresses cells: first every published count from 1 to minCell - 1, then
 * (greedily, smallest counts first) further published cells until no
 * suppressed cell and no small hidden difference is determined by the
 * published ones.
 */
function suppress(cells: Cell[], equations: readonly Equation[], minCell: number): void {
  const small = (v: number) => v >= 1 && v < minCell;
  for (const c of cells) if (!c.hidden && small(c.value)) c.suppressed = true;
  const unknownCells = () => cells.flatMap((c, i) => (c.hidden || c.suppressed ? [i] : []));
  const exposed = (): number | undefined => {
    const det = determined(equations, unknownCells());
    for (const i of det) {
      const c = cells[i] as Cell;
      if (c.suppressed || (c.hidden && small(c.value))) return i;
    }
    return undefined;
  };
  for (let target = exposed(); target !== undefined; target = exposed()) {
    const t = target;
    const near = new Set<number>();
    for (const eq of equations) if (eq.some(([c]) => c === t)) for (const [c] of eq) near.add(c);
    const published = (set: Iterable<number>) => [...set].filter((i) => !(cells[i] as Cell).hidden && !(cells[i] as Cell).suppressed);
    let candidates = published(near);
    if (candidates.length === 0) candidates = published(cells.keys());
    // Smallest non-zero counts first; zeros last (suppressing a 0 says little).
    candidates.sort((a, b) => rank((cells[a] as Cell).value) - rank((cells[b] as Cell).value) || a - b);
    let chosen = candidates[0];
    for (const c of candidates) {
      (cells[c] as Cell).suppressed = true;
      const still = determined(equations, unknownCells()).has(t);
      (cells[c] as Cell).suppressed = false;
      if (!still) {
        chosen = c;
        break;
      }
    }
    if (chosen === undefined) throw new KronikerpakkerError('INTERNAL', 'Cell suppression found no complementary cell');
    (cells[chosen] as Cell).suppressed = true;
  }
}

function rank(value: number): number {
  return value === 0 ? Number.MAX_SAFE_INTEGER : value;
}

/**
 * The monitoring extract of a cockpit: the definition of "data til
 * monitorering" (see docs/cockpit.md). It holds the profile, the date, the
 * rule-pack versions, and counts only: population, indicators (numerator
 * and denominator), worklist sizes and invalid records by issue code. No
 * record id, position, CPR, date of birth or other per-patient value.
 *
 * Small cells: a count from 1 to `minCell - 1` (default 5) is replaced by
 * `null` (indicators and worklists also say `suppressed: true`, and the
 * proportion is `null`). Then, complementary suppression: further counts
 * are suppressed until no suppressed count can be worked out from the
 * published ones by addition and subtraction (levels 1-3 add up to the
 * enrolled; enrolled plus candidates are the denominator of `enrolled`;
 * valid plus invalid are the records; ...), and no small difference
 * (a denominator minus its numerator, the profile minus a worklist) can be
 * either.
 *
 * @param cockpit - a cockpit from {@link buildCockpit} (rows retained or not)
 * @param options - the suppression threshold
 * @returns the extract (JSON-serialisable)
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` for a malformed cockpit or `minCell`
 * @example
 * ```ts
 * const extract = monitoringExtract(buildCockpit(records, { asOf: '2027-03-15', profile: 'KOL', retainRows: false }));
 * JSON.stringify(extract); // aggregates only
 * ```
 */
export function monitoringExtract(cockpit: Cockpit, options: MonitoringExtractOptions = {}): MonitoringExtract {
  assertOptionsObject(options);
  const minCell = options.minCell ?? 5;
  if (!Number.isSafeInteger(minCell) || minCell < 1) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected minCell to be a positive integer', { path: ['options', 'minCell'] });
  }
  if (
    typeof cockpit !== 'object' ||
    (cockpit as unknown) === null ||
    typeof (cockpit as Partial<Cockpit>).population !== 'object' ||
    !Array.isArray((cockpit as Partial<Cockpit>).indicators) ||
    !Array.isArray((cockpit as Partial<Cockpit>).worklists) ||
    typeof (cockpit as Partial<Cockpit>).invalid !== 'object'
  ) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected a cockpit from buildCockpit', { path: ['cockpit'] });
  }

  const cells: Cell[] = [];
  const equations: Equation[] = [];
  const cell = (value: number, hidden = false): number => cells.push({ value, hidden, suppressed: false }) - 1;
  /** whole = part + (hidden difference) */
  const partOf = (part: number, whole: number): void => {
    const diff = cell((cells[whole] as Cell).value - (cells[part] as Cell).value, true);
    equations.push([[whole, 1], [part, -1], [diff, -1]]);
  };

  const pop = cockpit.population;
  const records = cell(pop.records);
  const valid = cell(pop.valid);
  const invalid = cell(pop.invalid);
  const inProfile = cell(pop.inProfile);
  equations.push([[records, 1], [valid, -1], [invalid, -1]]);
  partOf(inProfile, valid);

  const indicatorById = new Map(cockpit.indicators.map((i) => [i.id, i]));
  const enrolledIndicator = indicatorById.get('enrolled');
  const enrolled = cell(enrolledIndicator?.numerator ?? 0);
  const eligibleOrEnrolled = cell(enrolledIndicator?.denominator ?? 0);

  const worklistCell = new Map<WorklistId, number>();
  for (const w of cockpit.worklists) worklistCell.set(w.id, cell(w.size));
  const candidates = worklistCell.get('candidates');
  if (candidates !== undefined) equations.push([[eligibleOrEnrolled, 1], [enrolled, -1], [candidates, -1]]);
  else partOf(enrolled, eligibleOrEnrolled);
  // The enrolled who no longer meet the criteria are neither in the package nor candidates (the enrolment
  // policy): the profile holds both groups and the rest (not enrolled, not eligible) apart.
  const noLonger = worklistCell.get('no-longer-eligible');
  if (noLonger === undefined) partOf(eligibleOrEnrolled, inProfile);
  else {
    const rest = cell(pop.inProfile - (cells[eligibleOrEnrolled] as Cell).value - (cells[noLonger] as Cell).value, true);
    equations.push([[inProfile, 1], [eligibleOrEnrolled, -1], [noLonger, -1], [rest, -1]]);
  }

  const numeratorCell = new Map<IndicatorId, number>();
  const denominatorCell = new Map<IndicatorId, number>();
  numeratorCell.set('enrolled', enrolled);
  denominatorCell.set('enrolled', eligibleOrEnrolled);
  const levels: number[] = [];
  for (const i of cockpit.indicators) {
    if (i.id === 'enrolled') continue;
    const n = cell(i.numerator);
    numeratorCell.set(i.id, n);
    denominatorCell.set(i.id, enrolled);
    if (i.id === 'level-1' || i.id === 'level-2' || i.id === 'level-3') levels.push(n);
    else partOf(n, enrolled);
  }
  if (levels.length === 3) equations.push([[enrolled, 1], ...levels.map((l) => [l, -1] as const)]);

  for (const [id, w] of worklistCell) {
    if (id === 'candidates' || id === 'no-longer-eligible') continue;
    if (id === 'level-3' && numeratorCell.has('level-3')) {
      // The level-3 worklist holds exactly the patients in the package at level 3 (the level-3 numerator).
      equations.push([[w, 1], [numeratorCell.get('level-3') as number, -1]]);
    } else partOf(w, inProfile);
  }

  const codeCell = new Map<string, number>();
  for (const [code, n] of Object.entries(cockpit.invalid.byCode)) {
    const c = cell(n);
    codeCell.set(code, c);
    partOf(c, invalid);
  }

  suppress(cells, equations, minCell);
  const out = (i: number): number | null => ((cells[i] as Cell).suppressed ? null : (cells[i] as Cell).value);

  const indicators: ExtractIndicator[] = cockpit.indicators.map((i) => {
    const numerator = out(numeratorCell.get(i.id) as number);
    const denominator = out(denominatorCell.get(i.id) as number);
    const suppressed = numerator === null || denominator === null;
    const proportion = numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
    return { id: i.id, numerator, denominator, proportion, suppressed };
  });
  const worklists: ExtractWorklist[] = cockpit.worklists.map((w) => {
    const size = out(worklistCell.get(w.id) as number);
    return { id: w.id, size, suppressed: size === null };
  });
  const byCode: Record<string, number | null> = {};
  for (const [code, c] of codeCell) byCode[code] = out(c);
  return {
    kind: 'kronikerpakker-monitoring-extract',
    version: 1,
    profile: cockpit.profile,
    asOf: cockpit.asOf,
    minCell,
    ruleSets: cockpit.ruleSets.map((r) => ({ id: r.id, version: r.version, digest: r.digest, status: r.status })),
    population: { records: out(records), valid: out(valid), invalid: out(invalid), inProfile: out(inProfile) },
    indicators,
    worklists,
    invalid: { count: out(invalid), byCode },
  };
}
