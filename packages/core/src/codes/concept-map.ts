/**
 * The subset of the DK Core ICPC-2 → ICD-10 ConceptMap (`icpc2-icd10`) that
 * the KOL and back-pain packages need, with lookups in both directions. The
 * map is many-to-many.
 *
 * @module
 */

import type { Icd10Pattern } from './icd10-pattern';
import type { CompiledIcd10Patterns } from './icd10-pattern';
import { compileIcd10Patterns, matchesCompiledIcd10 } from './icd10-pattern';
import { normaliseIcd10 } from './icd10';
import { normaliseIcpc2 } from './icpc2';
import type { DataSource } from './source';
import { deepFreeze } from './source';

/**
 * One row of the ICPC-2 → ICD-10 map: an ICPC-2 code and the ICD-10
 * patterns it maps to.
 *
 * @example
 * ```ts
 * const row: Icpc2Icd10MapEntry = { icpc2: 'L03', icd10: ['M53.3', 'M54.0', 'M54.5'] };
 * ```
 */
export interface Icpc2Icd10MapEntry {
  /** The canonical ICPC-2 code. */
  readonly icpc2: string;
  /** The ICD-10 patterns it maps to (see {@link Icd10Pattern}). */
  readonly icd10: readonly Icd10Pattern[];
}

/**
 * A code map with its source.
 *
 * @example
 * ```ts
 * const map: Icpc2Icd10ConceptMap = icpc2Icd10ConceptMap;
 * map.entries.length; // 5
 * ```
 */
export interface Icpc2Icd10ConceptMap {
  /** The id of the ConceptMap this is a subset of. */
  readonly id: string;
  /** Where the rows come from. */
  readonly source: DataSource;
  /** True: the SDK ships only the rows it needs. */
  readonly subset: boolean;
  /** The rows, ordered by ICPC-2 code. */
  readonly entries: readonly Icpc2Icd10MapEntry[];
}

/**
 * The rows of the DK Core ConceptMap `icpc2-icd10` for R95 (KOL) and the
 * back-pain codes L02, L03, L84 and L86. In the source, "x" means every
 * subcode of a category (written here as the category, `J43`), and ranges
 * are inclusive over subcodes (`M51.2-M51.9`). Frozen data.
 *
 * @example
 * ```ts
 * icpc2Icd10ConceptMap.entries.find((e) => e.icpc2 === 'R95')?.icd10;
 * // ['J43', 'J44.0', 'J44.1', 'J44.8', 'J44.9']
 * ```
 */
export const icpc2Icd10ConceptMap: Icpc2Icd10ConceptMap = deepFreeze({
  id: 'icpc2-icd10',
  source: {
    title: 'HL7 Denmark DK Core, ConceptMap icpc2-icd10 (ICPC-2 to ICD-10); subset as recorded in the kronikerpakker domain spec',
    url: 'https://hl7.dk/fhir/core/',
  },
  subset: true,
  entries: [
    { icpc2: 'L02', icd10: ['M54.0', 'M54.6', 'M54.8', 'M54.9'] },
    { icpc2: 'L03', icd10: ['M53.3', 'M54.0', 'M54.5'] },
    { icpc2: 'L84', icd10: ['M43', 'M46', 'M47', 'M48', 'M51.2-M51.9', 'M53.2', 'M53.3'] },
    { icpc2: 'L86', icd10: ['G55', 'M47.1', 'M47.2', 'M51.0-M51.2', 'M54.3', 'M54.4'] },
    { icpc2: 'R95', icd10: ['J43', 'J44.0', 'J44.1', 'J44.8', 'J44.9'] },
  ],
});

const NONE: readonly Icd10Pattern[] = Object.freeze([]);
const BY_ICPC2: ReadonlyMap<string, readonly Icd10Pattern[]> = new Map(
  icpc2Icd10ConceptMap.entries.map((e) => [e.icpc2, e.icd10]),
);

let compiledRows: readonly { readonly icpc2: string; readonly patterns: CompiledIcd10Patterns }[] | undefined;

function rows(): readonly { readonly icpc2: string; readonly patterns: CompiledIcd10Patterns }[] {
  compiledRows ??= icpc2Icd10ConceptMap.entries.map((e, i) => ({
    icpc2: e.icpc2,
    patterns: compileIcd10Patterns(e.icd10, ['entries', i, 'icd10']),
  }));
  return compiledRows;
}

/**
 * The ICD-10 patterns an ICPC-2 code maps to (ICPC-2 → ICD-10 direction).
 *
 * @param code - the ICPC-2 code in any spelling {@link normaliseIcpc2} accepts
 * @returns the patterns (see {@link Icd10Pattern}); empty if the SDK's subset has no row for the code
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the code is malformed
 * @example
 * ```ts
 * icd10ForIcpc2('l03'); // ['M53.3', 'M54.0', 'M54.5']
 * icd10ForIcpc2('A01'); // []
 * ```
 */
export function icd10ForIcpc2(code: string): readonly Icd10Pattern[] {
  return BY_ICPC2.get(normaliseIcpc2(code)) ?? NONE;
}

/**
 * The ICPC-2 codes whose mapped patterns match an ICD-10 code (the reverse,
 * ICD-10 → ICPC-2 direction), in code order. A bare category matches only
 * rows that map the whole category: `J44` gives `[]`, since R95 maps the
 * subcodes J44.0, J44.1, J44.8 and J44.9, not J44 as a whole.
 *
 * @param code - the ICD-10 code in any spelling {@link normaliseIcd10} accepts (SKS form too)
 * @returns the ICPC-2 codes, possibly empty
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the code is malformed
 * @example
 * ```ts
 * icpc2ForIcd10('DJ449'); // ['R95']
 * icpc2ForIcd10('M54.5'); // ['L03']
 * icpc2ForIcd10('M51.2'); // ['L84', 'L86']
 * icpc2ForIcd10('M54.4'); // ['L86']
 * ```
 */
export function icpc2ForIcd10(code: string): readonly string[] {
  const canonical = normaliseIcd10(code);
  const out: string[] = [];
  for (const row of rows()) {
    if (matchesCompiledIcd10(row.patterns, canonical)) out.push(row.icpc2);
  }
  return Object.freeze(out);
}
