import { INSTRUMENTS } from '@kronikerpakker/core';
import { InvalidQuestionnaireError } from '../errors';
import { deepFreeze } from '@kronikerpakker/core';
import { CAT_DEFINITION } from './cat';
import type { CatItemId } from './cat';
import { EQ_5D_5L_DEFINITION } from './eq-5d-5l';
import type { Eq5d5lItemId } from './eq-5d-5l';
import { MRC_DEFINITION } from './mrc';
import type { MrcItemId } from './mrc';
import { NRS_PAIN_DEFINITION } from './nrs-pain';
import type { NrsPainItemId } from './nrs-pain';
import { ODI_DEFINITION } from './odi';
import type { OdiItemId } from './odi';
import { RMDQ_DEFINITION } from './rmdq';
import type { RmdqItemId } from './rmdq';
import { SILS_DEFINITION } from './sils';
import type { SilsItemId } from './sils';
import { START_BACK_DEFINITION } from './start-back';
import type { StartBackItemId } from './start-back';
import { SCORED_INSTRUMENTS } from './types';
import type { InstrumentDefinition, ScoredInstrumentId } from './types';

/**
 * The item ids of each instrument, by instrument id.
 *
 * @example
 * ```ts
 * const id: InstrumentItemIds['ODI'] = 's10';
 * ```
 */
export interface InstrumentItemIds {
  /** `cat1` to `cat8`. */
  readonly CAT: CatItemId;
  /** `mrc`. */
  readonly MRC: MrcItemId;
  /** `q1` to `q9`. */
  readonly 'STarT-Back': StartBackItemId;
  /** `s1` to `s10`. */
  readonly ODI: OdiItemId;
  /** `r1` to `r24`. */
  readonly RMDQ: RmdqItemId;
  /** `nrs`. */
  readonly 'NRS-pain': NrsPainItemId;
  /** `sils`. */
  readonly SILS: SilsItemId;
  /** `mo`, `sc`, `ua`, `pd`, `ad` and `vas`. */
  readonly 'EQ-5D-5L': Eq5d5lItemId;
}

/**
 * The definition of one instrument, typed with its own item ids.
 *
 * @typeParam I - the instrument id
 * @example
 * ```ts
 * const odi: DefinitionOf<'ODI'> = getInstrumentDefinition('ODI');
 * ```
 */
export type DefinitionOf<I extends ScoredInstrumentId> = InstrumentDefinition<I, InstrumentItemIds[I]>;

/**
 * Every definition, by instrument id (deeply frozen).
 *
 * @example
 * ```ts
 * const ids = Object.keys(INSTRUMENT_DEFINITIONS); // ['CAT', 'MRC', 'STarT-Back', ...]
 * ```
 */
export type InstrumentDefinitions = { readonly [I in ScoredInstrumentId]: DefinitionOf<I> };

/**
 * Every instrument this package defines, by id, as frozen data.
 *
 * @example
 * ```ts
 * INSTRUMENT_DEFINITIONS['STarT-Back'].scoring; // { method: 'sum', subscores: [{ id: 'psychosocial', ... }], ... }
 * ```
 */
export const INSTRUMENT_DEFINITIONS: InstrumentDefinitions = deepFreeze({
  CAT: CAT_DEFINITION,
  MRC: MRC_DEFINITION,
  'STarT-Back': START_BACK_DEFINITION,
  ODI: ODI_DEFINITION,
  RMDQ: RMDQ_DEFINITION,
  'NRS-pain': NRS_PAIN_DEFINITION,
  SILS: SILS_DEFINITION,
  'EQ-5D-5L': EQ_5D_5L_DEFINITION,
});

/**
 * Whether a value is an instrument this package scores.
 *
 * @param value - anything
 * @returns true for one of {@link SCORED_INSTRUMENTS}
 * @example
 * ```ts
 * isScoredInstrument('CAT'); // true
 * isScoredInstrument('FABQ'); // false: in the record model, not scored yet
 * ```
 */
export function isScoredInstrument(value: unknown): value is ScoredInstrumentId {
  return typeof value === 'string' && (SCORED_INSTRUMENTS as readonly string[]).includes(value);
}

/** @internal the issue code for an instrument id this package cannot use. */
export function instrumentIssue(value: unknown): 'unknown-instrument' | 'unsupported-instrument' {
  return typeof value === 'string' && (INSTRUMENTS as readonly string[]).includes(value) ? 'unsupported-instrument' : 'unknown-instrument';
}

/**
 * The definition of an instrument.
 *
 * @param id - the instrument id
 * @returns its frozen definition
 * @throws {@link InvalidQuestionnaireError} `unknown-instrument` or `unsupported-instrument` at `['instrument']`
 * @example
 * ```ts
 * const cat = getInstrumentDefinition('CAT');
 * cat.scoreRange.max; // 40
 * ```
 */
export function getInstrumentDefinition<I extends ScoredInstrumentId>(id: I): DefinitionOf<I> {
  if (!isScoredInstrument(id)) throw new InvalidQuestionnaireError([{ path: ['instrument'], code: instrumentIssue(id) }]);
  return INSTRUMENT_DEFINITIONS[id];
}
