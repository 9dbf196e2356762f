/**
 * The conformance kit: numbered cases (an input record, an `asOf`, and what
 * the SDK must conclude for each package) and the comparison of a vendor's
 * outputs with them. Pure: reading the files is in `./files`.
 *
 * @module
 */
import type { IsoDate, PackageId } from '@kronikerpakker/core';
import type { InclusionStatus } from '@kronikerpakker/inclusion';

/** One care item as the kit records it: its code and due date (null when none applies). */
export interface ConformanceItem {
  /** The stable item code (for example `kol.aarsstatus.overdue`). */
  readonly code: string;
  /** The due date, or null. */
  readonly dueDate: IsoDate | null;
}

/** What an integration must conclude for one package of one case. */
export interface ConformancePackageOutput {
  /** The inclusion status. */
  readonly inclusion: InclusionStatus;
  /** The suggested level for an eligible patient; null otherwise. */
  readonly level: 1 | 2 | 3 | null;
  /** The business-rule items, ordered by code (then due date). */
  readonly items: readonly ConformanceItem[];
}

/** A vendor's (or the SDK's) output for one case: one entry per package of the case. */
export type ConformanceOutput = Readonly<Partial<Record<PackageId, ConformancePackageOutput>>>;

/** What the kit expects for one package: the output, and whether a valid CPD document must be produced. */
export interface ConformanceExpectation extends ConformancePackageOutput {
  /** True when the integration must produce a CPD-DK document for the package that validates with zero errors. */
  readonly cpd: boolean;
}

/** One numbered case of the kit. */
export interface ConformanceCase {
  /** The case number, three digits (`001`): also the file names of the input and of the vendor's outputs. */
  readonly id: string;
  /** What the case is about, in English. */
  readonly title: string;
  /** The evaluation date. */
  readonly asOf: IsoDate;
  /** The input file, relative to the kit folder (a `PatientRecord` as JSON). */
  readonly input: string;
  /** The FHIR R4 Bundle of the same record, relative to the kit folder, when the kit has one. */
  readonly bundle?: string;
  /** The rule names (pack id / rule name) the case makes true: what it covers. */
  readonly covers: readonly string[];
  /** The expected outputs per package. */
  readonly expected: Readonly<Partial<Record<PackageId, ConformanceExpectation>>>;
}

/** The kit manifest (`kit.json`). */
export interface ConformanceKit {
  /** Always `kronikerpakker-conformance-kit`. */
  readonly kind: 'kronikerpakker-conformance-kit';
  /** The kit format version. */
  readonly version: 1;
  /** The rule packs the expectations were computed with (`id@version#digest`). */
  readonly ruleSets: readonly string[];
  /** The cases, in order. */
  readonly cases: readonly ConformanceCase[];
}

/** One difference between an expected and an actual output: where, and both values (codes, statuses, dates: never patient data). */
export interface ConformanceDifference {
  /** Where, for example `KOL.items` or `LRS.inclusion`. */
  readonly path: string;
  /** The expected value. */
  readonly expected: unknown;
  /** The vendor's value. */
  readonly actual: unknown;
}

/** The outcome of one case. */
export interface ConformanceCaseResult {
  /** The case id. */
  readonly id: string;
  /** The case title. */
  readonly title: string;
  /** `passed`, `failed` (with differences), or `missing` (no output file). */
  readonly outcome: 'passed' | 'failed' | 'missing';
  /** The differences, when failed. */
  readonly differences: readonly ConformanceDifference[];
}

/** The conformance report. */
export interface ConformanceReport {
  /** Counts per outcome. */
  readonly passed: number;
  /** Cases whose output differs. */
  readonly failed: number;
  /** Cases without an output. */
  readonly missing: number;
  /** One result per case, in kit order. */
  readonly cases: readonly ConformanceCaseResult[];
}

/** What `compareConformance` needs per case: the output (undefined when missing) and, per package, whether the CPD document validated. */
export interface VendorCaseOutput {
  /** The parsed output file, or undefined when there is none. */
  readonly output: unknown;
  /** Per package expecting a CPD document: true when the vendor's document validated with zero errors, false when invalid, undefined when absent. */
  readonly cpdValid?: Readonly<Partial<Record<PackageId, boolean | undefined>>>;
}

function itemsKey(items: unknown): string {
  if (!Array.isArray(items)) return JSON.stringify(items);
  return JSON.stringify(
    items
      .map((i: unknown) => {
        const o = (typeof i === 'object' && i !== null ? i : {}) as Record<string, unknown>;
        return { code: o['code'], dueDate: o['dueDate'] ?? null };
      })
      .sort((a, b) => JSON.stringify([a.code, a.dueDate]).localeCompare(JSON.stringify([b.code, b.dueDate]))),
  );
}

/** The items of `b` not in `a` and of `a` not in `b`, as short strings (`code@date`). */
function itemDiff(expected: readonly ConformanceItem[], actual: unknown): { readonly missingItems: string[]; readonly unexpectedItems: string[] } {
  const key = (i: { code: unknown; dueDate?: unknown }) => `${JSON.stringify(i.code)}@${JSON.stringify(i.dueDate ?? null)}`;
  const want = new Set(expected.map(key));
  const got = new Set(Array.isArray(actual) ? actual.map((i: unknown) => key((i ?? {}) as { code: unknown; dueDate?: unknown })) : []);
  return { missingItems: [...want].filter((k) => !got.has(k)), unexpectedItems: [...got].filter((k) => !want.has(k)) };
}

/**
 * Compares one case's vendor output with the kit's expectation.
 *
 * @param kase - the case
 * @param vendor - the vendor's output for it
 * @returns the case result
 */
export function compareConformanceCase(kase: ConformanceCase, vendor: VendorCaseOutput): ConformanceCaseResult {
  if (vendor.output === undefined) return { id: kase.id, title: kase.title, outcome: 'missing', differences: [] };
  const differences: ConformanceDifference[] = [];
  const output = (typeof vendor.output === 'object' && vendor.output !== null ? vendor.output : {}) as Record<string, unknown>;
  for (const [pkg, expected] of Object.entries(kase.expected) as [PackageId, ConformanceExpectation][]) {
    const given: unknown = output[pkg];
    if (typeof given !== 'object' || given === null) {
      differences.push({ path: pkg, expected: 'an output for the package', actual: given ?? null });
      continue;
    }
    const actual = given as Record<string, unknown>;
    if (actual['inclusion'] !== expected.inclusion) differences.push({ path: `${pkg}.inclusion`, expected: expected.inclusion, actual: actual['inclusion'] ?? null });
    if ((actual['level'] ?? null) !== expected.level) differences.push({ path: `${pkg}.level`, expected: expected.level, actual: actual['level'] ?? null });
    if (itemsKey(actual['items']) !== itemsKey(expected.items)) {
      differences.push({ path: `${pkg}.items`, expected: expected.items.map((i) => `${i.code}@${String(i.dueDate)}`), actual: itemDiff(expected.items, actual['items']) });
    }
    if (expected.cpd) {
      const valid = vendor.cpdValid?.[pkg];
      if (valid !== true) differences.push({ path: `${pkg}.cpd`, expected: 'a CPD-DK document that validates', actual: valid === undefined ? 'no document' : 'invalid document' });
    }
  }
  return { id: kase.id, title: kase.title, outcome: differences.length === 0 ? 'passed' : 'failed', differences };
}

/**
 * Compares a vendor's outputs with every case of the kit.
 *
 * @param kit - the kit manifest
 * @param outputOf - the vendor's output for a case id
 * @returns the report
 */
export function compareConformance(kit: ConformanceKit, outputOf: (caseId: string) => VendorCaseOutput): ConformanceReport {
  const cases = kit.cases.map((c) => compareConformanceCase(c, outputOf(c.id)));
  return {
    passed: cases.filter((c) => c.outcome === 'passed').length,
    failed: cases.filter((c) => c.outcome === 'failed').length,
    missing: cases.filter((c) => c.outcome === 'missing').length,
    cases,
  };
}
