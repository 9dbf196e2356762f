/**
 * `@kronikerpakker/cockpit`: Klinikens Cockpit for the KOL and
 * lænderygsmerter (LRS) chronic-care packages. Over a clinic's whole
 * population (an array, an iterable or a stream of NDJSON lines), in bounded
 * memory: a row per patient of the profile, worklists, quality indicators
 * with their numerators and denominators, and a monitoring extract with
 * small cells suppressed ("data til monitorering").
 *
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { buildCockpit, monitoringExtract, readNdjsonLines } from '@kronikerpakker/cockpit';
 *
 * const cockpit = await buildCockpit(readNdjsonLines(createReadStream('clinic.ndjson')), { asOf: '2027-03-15', profile: 'KOL' });
 * cockpit.worklists.find((w) => w.id === 'aarsstatus-overdue')?.rows; // urgent first, then by due date
 * cockpit.indicators.find((i) => i.id === 'aarsstatus-12m')?.proportion;
 * const extract = monitoringExtract(cockpit); // aggregates only, small cells suppressed
 * ```
 *
 * @packageDocumentation
 */

export { buildCockpit } from './build';
export { DEFAULT_MAX_NDJSON_LINE_LENGTH, MAX_NDJSON_LINE_LENGTH_LIMIT, isNdjsonLineTooLong, readNdjsonLines } from './ndjson';
export type { NdjsonLine, NdjsonLineTooLong, ReadNdjsonLinesOptions } from './ndjson';
export { monitoringExtract } from './extract';
export type { ExtractIndicator, ExtractWorklist, MonitoringExtract, MonitoringExtractOptions } from './extract';
export { WORKLISTS, compareWorklistRows, worklistsOf } from './worklists';
export { INDICATORS, indicatorsOf } from './indicators';
export type {
  Cockpit,
  CockpitCounts,
  CockpitIndicator,
  CockpitInvalid,
  CockpitLevel,
  CockpitOptions,
  CockpitPacks,
  CockpitPopulation,
  CockpitProfile,
  CockpitRow,
  CockpitWorklist,
  IndicatorDefinition,
  IndicatorId,
  InvalidRecordEntry,
  ProStatus,
  WorklistDefinition,
  WorklistId,
} from './types';
