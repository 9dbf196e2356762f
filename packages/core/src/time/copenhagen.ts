/**
 * Instants seen from Europe/Copenhagen: the UTC offset in force, and the
 * calendar date.
 *
 * Offsets come from `tzOffset` of `@date-fns/tz`, which reads the runtime's
 * IANA time-zone data through `Intl.DateTimeFormat` (present in every browser
 * and in Node's full ICU). So the rule "+0100 in winter, +0200 from the last
 * Sunday of March at 01:00 UTC to the last Sunday of October at 01:00 UTC" is
 * not hand-coded: a future change of Danish or EU law arrives with the
 * runtime's time-zone data. The machine's own time zone is never used.
 *
 * Note on history: since tzdata 2022b, Europe/Copenhagen is an alias of
 * Europe/Berlin for instants before 1970, so the data give Berlin's wartime
 * +0300 for parts of 1945 and 1947 and local mean time before 1893.
 *
 * @module
 */

import { tzOffset } from '@date-fns/tz';
import type { ErrorPath } from '../errors/errors';
import { InternalError } from '../errors/errors';
import { MS_PER_DAY, formatIsoDateFields, invalidArgument } from './calendar-day';
import type { IsoDate } from './iso-date';

/**
 * The IANA name of Danish time, the zone of every `asOf` and CDA timestamp.
 *
 * @example
 * ```ts
 * new Intl.DateTimeFormat('da-DK', { timeZone: COPENHAGEN_TIME_ZONE }).format(instant);
 * ```
 */
export const COPENHAGEN_TIME_ZONE = 'Europe/Copenhagen';

const INSTANT_PATH: ErrorPath = Object.freeze(['instant']);

/**
 * Checks that a value is a `Date` holding a real instant (not `Invalid Date`).
 *
 * @internal
 * @param value - the argument
 * @param path - where to report a fault
 * @returns nothing; narrows `value` to `Date`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` otherwise
 * @example
 * ```ts
 * requireInstant(new Date(), ['instant']);
 * ```
 */
export function requireInstant(value: unknown, path: ErrorPath): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalidArgument(path, 'is not a valid Date');
  }
}

/**
 * `tzOffset` costs about 1.5 µs (an `Intl` format call), too much for a
 * million timestamps, and the offset changes only twice a year. So offsets
 * are memoised per UTC day, for days that have one offset throughout; a day
 * with a change is always asked afresh. Bounded to about 45 years of days.
 */
const offsetByUtcDay = new Map<number, number>();
const OFFSET_CACHE_DAYS = 16_384;
const probe = new Date(0);
/** The largest time value a `Date` can hold. */
const MAX_TIME = 8.64e15;

function offsetAt(time: number): number {
  probe.setTime(time);
  const minutes = tzOffset(COPENHAGEN_TIME_ZONE, probe);
  if (Number.isNaN(minutes)) {
    throw new InternalError(`The runtime has no time-zone data for ${COPENHAGEN_TIME_ZONE} (Intl.DateTimeFormat)`);
  }
  return minutes;
}

/**
 * Copenhagen's UTC offset in minutes at an instant, as the time-zone data
 * give it (possibly fractional before 1893).
 *
 * @internal
 * @param instant - a valid instant
 * @returns minutes east of UTC (60 in winter, 120 in summer since 1980)
 * @throws {@link InternalError} if the runtime has no time-zone data for Europe/Copenhagen
 * @example
 * ```ts
 * copenhagenOffsetMinutes(new Date('2026-07-01T12:00:00Z')); // 120
 * ```
 */
export function copenhagenOffsetMinutes(instant: Date): number {
  const time = instant.getTime();
  const dayNumber = Math.floor(time / MS_PER_DAY);
  const cached = offsetByUtcDay.get(dayNumber);
  if (cached !== undefined) return cached;
  const minutes = offsetAt(time);
  // Remember the offset for the whole UTC day only if the day has a single
  // offset: the same at its first and last millisecond. (This assumes no
  // day holds two changes that cancel out, which the data for Copenhagen never
  // have.)
  const dayStart = dayNumber * MS_PER_DAY;
  const dayEnd = dayStart + MS_PER_DAY - 1;
  if (dayStart >= -MAX_TIME && dayEnd <= MAX_TIME && offsetAt(dayStart) === minutes && offsetAt(dayEnd) === minutes) {
    if (offsetByUtcDay.size >= OFFSET_CACHE_DAYS) offsetByUtcDay.clear();
    offsetByUtcDay.set(dayNumber, minutes);
  }
  return minutes;
}

/**
 * Copenhagen's offset at an instant, restricted to the two Danish offsets.
 *
 * @internal
 * @param instant - a valid instant
 * @param path - the argument to blame for an instant outside the +0100/+0200 era
 * @returns 60 or 120
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` where the data give another offset
 * @example
 * ```ts
 * danishOffsetMinutes(new Date('2026-01-01T00:00:00Z'), ['instant']); // 60
 * ```
 */
export function danishOffsetMinutes(instant: Date, path: ErrorPath): 60 | 120 {
  const minutes = copenhagenOffsetMinutes(instant);
  if (minutes === 60 || minutes === 120) return minutes;
  throw invalidArgument(
    path,
    'lies where the time-zone data give Europe/Copenhagen an offset other than +0100 or +0200 (before 1893, or 1945-1947)',
  );
}

/**
 * The UTC offset of Danish time at an instant, in the `±HHMM` form of CDA
 * timestamps: `'+0100'` in winter (CET), `'+0200'` in summer (CEST). The
 * change happens at 01:00 UTC on the last Sunday of March (to `+0200`) and of
 * October (to `+0100`); the instant of the change already has the new offset.
 *
 * @param instant - the instant
 * @returns `'+0100'` or `'+0200'`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['instant']`) for an invalid `Date`,
 *   or an instant where the time-zone data give Copenhagen another offset (before 1893, 1945-1947)
 * @example
 * ```ts
 * copenhagenOffset(new Date('2026-03-29T00:59:59Z')); // '+0100'
 * copenhagenOffset(new Date('2026-03-29T01:00:00Z')); // '+0200'
 * copenhagenOffset(new Date('2026-10-25T01:00:00Z')); // '+0100'
 * ```
 */
export function copenhagenOffset(instant: Date): '+0100' | '+0200' {
  requireInstant(instant, INSTANT_PATH);
  return danishOffsetMinutes(instant, INSTANT_PATH) === 60 ? '+0100' : '+0200';
}

// One scratch Date, reused: the shifted instant is read through UTC getters
// only, and nothing between setTime and the reads can re-enter this module.
const scratch = new Date(0);

/**
 * The calendar date in Copenhagen at an instant: the date a Danish clinician's
 * calendar showed then. Use it to turn an instant (from a CDA timestamp or a
 * system clock the caller owns) into an {@link IsoDate}, for example an
 * `asOf`.
 *
 * @param instant - the instant
 * @returns the Copenhagen calendar date as `YYYY-MM-DD`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` (path `['instant']`) for an invalid `Date`
 *   or one outside the years 0000-9999
 * @example
 * ```ts
 * isoDateOfInstant(new Date('2026-12-31T23:30:00Z')); // '2027-01-01' (00:30 in Copenhagen)
 * isoDateOfInstant(new Date('2026-07-01T21:59:59Z')); // '2026-07-01' (23:59:59 CEST)
 * isoDateOfInstant(new Date('2026-07-01T22:00:00Z')); // '2026-07-02'
 * ```
 */
export function isoDateOfInstant(instant: Date): IsoDate {
  requireInstant(instant, INSTANT_PATH);
  // Shift by the offset and read the UTC fields: those are the wall-clock
  // fields in Copenhagen. (Historic offsets may hold seconds; round to ms.)
  scratch.setTime(instant.getTime() + Math.round(copenhagenOffsetMinutes(instant) * 60_000));
  const iso = formatIsoDateFields(scratch.getUTCFullYear(), scratch.getUTCMonth() + 1, scratch.getUTCDate());
  if (iso === undefined) throw invalidArgument(INSTANT_PATH, 'lies outside the years 0000-9999');
  return iso;
}
