/**
 * Calendar time without a hidden clock: ISO dates, calendar arithmetic and
 * intervals relative to an explicit `asOf`, ages, and CDA timestamps in
 * Danish time. Re-exported by the package barrel.
 *
 * @module
 */

export { assertAsOf, assertIsoDate, compareIsoDates, isIsoDate, maxIsoDate, minIsoDate } from './iso-date';
export type { IsoDate } from './iso-date';
export {
  addDaysIso,
  addMonthsIso,
  addWeeksIso,
  addYearsIso,
  subDaysIso,
  subMonthsIso,
  subWeeksIso,
  subYearsIso,
} from './arithmetic';
export { ageInYears, daysBetween, wholeMonthsBetween, wholeWeeksBetween } from './differences';
export { isWithinLastDays, isWithinLastMonths, isWithinLastWeeks } from './intervals';
export { COPENHAGEN_TIME_ZONE, copenhagenOffset, isoDateOfInstant } from './copenhagen';
export { cdaTimestampToDate, toCdaDate, toCdaTimestamp } from './cda-timestamp';
