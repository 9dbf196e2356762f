/**
 * Named, versioned value sets of diagnosis codes (ICPC-2 and ICD-10) that the
 * rules use, and a fast membership test.
 *
 * @module
 */

import { KronikerpakkerError } from '../errors/errors';
import type { CompiledIcd10Patterns, Icd10Pattern } from './icd10-pattern';
import { compileIcd10Patterns, matchesCompiledIcd10 } from './icd10-pattern';
import { isArray } from './chars';
import { normaliseIcd10 } from './icd10';
import { normaliseIcpc2 } from './icpc2';
import type { DataSource } from './source';
import { deepFreeze } from './source';

/**
 * Whether a value set is clinically approved, or a provisional draft that
 * still awaits clinical review.
 *
 * @example
 * ```ts
 * const status: ValueSetStatus = getValueSet('lrs-diagnosis').status; // 'provisional'
 * ```
 */
export type ValueSetStatus = 'approved' | 'provisional';

/**
 * A named, versioned set of ICPC-2 codes and ICD-10 patterns.
 *
 * Treat value sets as immutable: membership tests compile each value set
 * object once, on first use, and cache the result by object identity.
 *
 * @example
 * ```ts
 * const mine: ValueSet = {
 *   id: 'my-set',
 *   version: '0.1.0',
 *   status: 'provisional',
 *   title: 'My set',
 *   source: { title: 'Our clinic' },
 *   icpc2: ['R95'],
 *   icd10: ['J44'],
 * };
 * inValueSet(mine, { system: 'ICD-10', code: 'DJ449' }); // true
 * ```
 */
export interface ValueSet {
  /** A stable id, e.g. `kol-diagnosis`. */
  readonly id: string;
  /** The value set's semantic version. */
  readonly version: string;
  /** Approved, or provisional pending clinical review. */
  readonly status: ValueSetStatus;
  /** A human-readable title. */
  readonly title: string;
  /** Where the codes come from. */
  readonly source: DataSource;
  /** Canonical ICPC-2 codes. */
  readonly icpc2: readonly string[];
  /** ICD-10 patterns (see {@link Icd10Pattern}). */
  readonly icd10: readonly Icd10Pattern[];
  /** Remarks for reviewers: what is left out on purpose, which parts are the SDK's own mapping. */
  readonly note?: string;
}

/**
 * The code systems a value set holds.
 *
 * @example
 * ```ts
 * const system: ValueSetSystem = 'ICPC-2';
 * ```
 */
export type ValueSetSystem = 'ICPC-2' | 'ICD-10';

/**
 * A code to test against a value set.
 *
 * @example
 * ```ts
 * const coding: ValueSetCoding = { system: 'ICD-10', code: 'DM545' };
 * ```
 */
export interface ValueSetCoding {
  /** The code's system. */
  readonly system: ValueSetSystem;
  /** The code, in any spelling the system's normaliser accepts (ICD-10 also in SKS form). */
  readonly code: string;
}

/**
 * The ids of the value sets the SDK ships.
 *
 * @example
 * ```ts
 * const id: ValueSetId = 'kol-diagnosis';
 * ```
 */
export type ValueSetId = 'kol-diagnosis' | 'lrs-diagnosis' | 'multimorbidity-chronic' | 'mental-health';

const VALUE_SET_DATA = {
  'kol-diagnosis': {
    id: 'kol-diagnosis',
    version: '1.0.0',
    status: 'approved',
    title: 'KOL (kronisk obstruktiv lungesygdom), diagnosis',
    source: {
      title: 'Region Hovedstaden, forløbsprogram for KOL; HL7 Denmark DK Core ConceptMap icpc2-icd10 (R95 → J43.x, J44.0, J44.1, J44.8, J44.9)',
    },
    icpc2: ['R95'],
    icd10: ['J43', 'J44'],
  },
  'lrs-diagnosis': {
    id: 'lrs-diagnosis',
    version: '0.1.0',
    status: 'provisional',
    title: 'Lænderygsmerter (LRS), diagnosis',
    source: {
      title:
        'kronikerpakker SDK domain spec, provisional LRS diagnosis set pending clinical review; ICD-10 codes correspond to L03/L84/L86 rows of the DK Core ConceptMap icpc2-icd10',
    },
    icpc2: ['L03', 'L84', 'L86'],
    icd10: ['M54.3', 'M54.4', 'M54.5', 'M51', 'M47', 'M48.0'],
    note: 'L02 (symptom/klage fra ryg: thoracic back) is not included by default. M48.0 (spinal stenosis) only, not the rest of M48.',
  },
  'multimorbidity-chronic': {
    id: 'multimorbidity-chronic',
    version: '0.1.0',
    status: 'provisional',
    title: 'Chronic conditions counted for multimorbidity (needs-assessment model)',
    source: {
      title:
        'kronikerpakker SDK domain spec, needs-assessment model (ICPC-2 codes); the ICD-10 equivalents are the SDK\'s own mapping',
    },
    icpc2: ['T89', 'T90', 'K74', 'K75', 'K76', 'K77', 'K78', 'R96', 'L95', 'P76', 'P74', 'P70'],
    icd10: [
      'E10', 'E11',
      'I20', 'I21', 'I22', 'I23', 'I24', 'I25',
      'I50', 'I48', 'J45',
      'M80', 'M81',
      'F32', 'F33', 'F41',
      'F00', 'F01', 'F02', 'F03',
    ],
    note: 'ICD-10 equivalents (E10, E11, I20-I25, I50, I48, J45, M80-M81, F32-F33, F41, F00-F03) are the SDK\'s own provisional mapping, not an official ConceptMap.',
  },
  'mental-health': {
    id: 'mental-health',
    version: '0.1.0',
    status: 'provisional',
    title: 'Depression and anxiety',
    source: {
      title: 'kronikerpakker SDK domain spec (ICPC-2 P76, P74); the ICD-10 equivalents are the SDK\'s own mapping',
    },
    icpc2: ['P76', 'P74'],
    icd10: ['F32', 'F33', 'F41'],
  },
} as const satisfies Record<ValueSetId, ValueSet>;

/**
 * The value sets the SDK ships, keyed by id. Frozen data. `kol-diagnosis` is
 * approved; the others are provisional (see {@link ValueSet.status}).
 *
 * @example
 * ```ts
 * valueSets['kol-diagnosis'].icd10; // ['J43', 'J44']
 * valueSets['lrs-diagnosis'].status; // 'provisional'
 * ```
 */
export const valueSets: Readonly<Record<ValueSetId, ValueSet>> = deepFreeze(VALUE_SET_DATA);

/**
 * The ids of {@link valueSets}, in a stable order.
 *
 * @example
 * ```ts
 * VALUE_SET_IDS.includes('mental-health'); // true
 * ```
 */
export const VALUE_SET_IDS: readonly ValueSetId[] = Object.freeze(Object.keys(valueSets) as ValueSetId[]);

/**
 * Looks a shipped value set up by id.
 *
 * @param id - the value set's id, e.g. `kol-diagnosis`
 * @returns the value set
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if no value set has that id (the message lists the known ids, never the input)
 * @example
 * ```ts
 * getValueSet('kol-diagnosis').version; // '1.0.0'
 * getValueSet('nope');                   // throws INVALID_ARGUMENT
 * ```
 */
export function getValueSet(id: string): ValueSet {
  if (typeof id === 'string' && Object.hasOwn(valueSets, id)) return valueSets[id as ValueSetId];
  throw new KronikerpakkerError(
    'INVALID_ARGUMENT',
    `Unknown value set id; known ids: ${VALUE_SET_IDS.join(', ')}`,
    { path: ['id'] },
  );
}

interface CompiledValueSet {
  readonly icpc2: ReadonlySet<string>;
  readonly icd10: CompiledIcd10Patterns;
}

const compiledCache = new WeakMap<ValueSet, CompiledValueSet>();

function compile(valueSet: ValueSet): CompiledValueSet {
  const cached = compiledCache.get(valueSet);
  if (cached !== undefined) return cached;
  if (typeof valueSet !== 'object' || (valueSet as unknown) === null) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Value set must be an object', { path: ['valueSet'] });
  }
  if (!isArray(valueSet.icpc2)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Value set ICPC-2 codes must be an array', {
      path: ['valueSet', 'icpc2'],
    });
  }
  const icpc2 = new Set<string>();
  valueSet.icpc2.forEach((code, index) => {
    const canonical = normaliseIcpc2(code, ['valueSet', 'icpc2', index]);
    if (canonical !== code) {
      throw new KronikerpakkerError('INVALID_ARGUMENT', 'Value set ICPC-2 codes must be canonical (upper case, no whitespace)', {
        path: ['valueSet', 'icpc2', index],
      });
    }
    icpc2.add(canonical);
  });
  const compiled: CompiledValueSet = {
    icpc2,
    icd10: compileIcd10Patterns(valueSet.icd10, ['valueSet', 'icd10']),
  };
  compiledCache.set(valueSet, compiled);
  return compiled;
}

/**
 * Whether a code is in a value set. The code is normalised first (ICPC-2:
 * trimmed, upper case; ICD-10: any spelling, including SKS form `DJ449`).
 * ICD-10 codes match by pattern (see {@link Icd10Pattern}): `J44` in a
 * value set covers `J44`, `J44.0` and `DJ440`.
 *
 * Fast enough for bulk use: each value set is compiled once, on first use,
 * into hash sets and per-category range checks.
 *
 * @param valueSet - the value set (a shipped one from {@link valueSets} or {@link getValueSet}, or your own)
 * @param coding - the code and its system
 * @returns true if the code is in the value set
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` if the code is malformed (path `['code']`), the system is
 *   unknown (path `['system']`) or the value set itself is malformed (path `['valueSet', ...]`)
 * @example
 * ```ts
 * const kol = getValueSet('kol-diagnosis');
 * inValueSet(kol, { system: 'ICPC-2', code: 'r95' });  // true
 * inValueSet(kol, { system: 'ICD-10', code: 'DJ449' }); // true
 * inValueSet(getValueSet('lrs-diagnosis'), { system: 'ICD-10', code: 'M48.1' }); // false
 * ```
 */
export function inValueSet(valueSet: ValueSet, coding: ValueSetCoding): boolean {
  const compiled = compile(valueSet);
  if (typeof coding !== 'object' || (coding as unknown) === null) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Coding must be an object with system and code', {
      path: [],
    });
  }
  const system = coding.system;
  switch (system) {
    case 'ICPC-2':
      return compiled.icpc2.has(normaliseIcpc2(coding.code, ['code']));
    case 'ICD-10':
      return matchesCompiledIcd10(compiled.icd10, normaliseIcd10(coding.code, ['code']));
    default:
      throw new KronikerpakkerError('INVALID_ARGUMENT', "Unknown code system; expected 'ICPC-2' or 'ICD-10'", {
        path: ['system'],
      });
  }
}
