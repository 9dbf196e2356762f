/**
 * `@kronikerpakker/business-rules`: what is due, overdue, missing, worth
 * suggesting or urgent for a patient in the KOL or lænderygsmerter (LRS)
 * chronic-care package, and what in the record looks wrong. Every item is
 * dated where a date applies, ordered (urgent first), explained in Danish and
 * English with the facts that triggered it, and carries the rule-pack version.
 *
 * The rules are **provisional** and are data: the versioned rule packs
 * `kol-care` and `lrs-care`. An authority replaces a pack with a new version
 * and validity, without a code change.
 *
 * ```ts
 * import { parsePatientRecord } from '@kronikerpakker/core';
 * import { evaluateCare } from '@kronikerpakker/business-rules';
 *
 * const record = parsePatientRecord(input, { asOf: '2027-01-15' });
 * const care = evaluateCare(record, { package: 'KOL', asOf: '2027-01-15' });
 * for (const item of care.items) console.log(item.kind, item.dueDate, item.text.da);
 * ```
 *
 * @packageDocumentation
 */

// Care items.
export { compareCareItems, evaluateCare, evaluateCareInContext } from './evaluate';
export { CARE_ITEM_KINDS } from './types';
export type {
  CareContextOptions,
  CareEvaluation,
  CareItem,
  CareItemKind,
  CareOptions,
  LocalizedText,
  TriggerFact,
} from './types';

// The shipped packs, their facts and the default set.
export {
  CARE_PACK_IDS,
  CareEventParamsSchema,
  createCarePackSet,
  defaultCarePacks,
  kolCarePack,
  lrsCarePack,
} from './packs';
export type { CareEventParams } from './packs';
export { CARE_FACTS, RECORDED_ITEMS, careFacts } from './facts';
export type { RecordedItem } from './facts';
