/**
 * Synthetic CPR numbers for test and demonstration data, chosen so that they
 * cannot be the CPR number of a real person (within the limits documented on
 * {@link syntheticCpr}).
 *
 * @module
 */

import { InternalError, KronikerpakkerError } from '../errors/errors';
import type { CprSex } from './cpr';
import { FIRST_CPR_YEAR, centuryDigits, daysInMonth, mod11Sum } from './internal';

/**
 * From this day on, numbers that fail modulus 11 are issued in the normal
 * course, so a failing check no longer sets a number apart from real ones.
 */
const MOD11_END = { year: 2007, month: 10, day: 1 } as const;

type Refusal = 'format' | 'date' | 'range' | 'unsafe';

interface YMD {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function parseIsoDate(text: unknown): YMD | 'format' | 'date' {
  if (typeof text !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return 'format';
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'date';
  return { year, month, day };
}

function check(birthDate: unknown): YMD | Refusal {
  const date = parseIsoDate(birthDate);
  if (typeof date === 'string') return date;
  if (date.year < FIRST_CPR_YEAR) return 'range';
  if (date.month === 1 && date.day === 1) return 'unsafe';
  const { year, month, day } = MOD11_END;
  if (date.year > year || (date.year === year && (date.month > month || (date.month === month && date.day >= day)))) {
    return 'unsafe';
  }
  return date;
}

const REFUSALS: Readonly<Record<Refusal, string>> = {
  format: 'Invalid birthDate for a synthetic CPR number: expected YYYY-MM-DD',
  date: 'Invalid birthDate for a synthetic CPR number: not a real calendar date',
  range: 'Invalid birthDate for a synthetic CPR number: a CPR number cannot encode a birth year before 1858',
  unsafe:
    'Refused birthDate for a synthetic CPR number: 1 January and dates from 2007-10-01 on can carry real numbers that fail modulus 11; pick another date',
};

/**
 * Whether {@link syntheticCpr} accepts a birth date: a real `YYYY-MM-DD` date
 * from 1858-01-02 to 2007-09-30 that is not 1 January.
 *
 * @param birthDate - the candidate birth date, `YYYY-MM-DD`
 * @returns true when a synthetic CPR number may be generated for it
 * @example
 * ```ts
 * isSyntheticCprSafe('1961-05-17'); // true
 * isSyntheticCprSafe('1961-01-01'); // false: the date used for unknown birth dates
 * isSyntheticCprSafe('2010-05-17'); // false: after 2007-10-01
 * ```
 */
export function isSyntheticCprSafe(birthDate: string): boolean {
  return typeof check(birthDate) === 'object';
}

// murmur3's 32-bit finaliser: a bijection on 32-bit integers with good
// avalanche, so neighbouring seeds (0, 1, 2, ...) land far apart.
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixSeed(seed: number): number {
  // Both halves of a safe integer take part, so seeds that differ only above
  // bit 32 still give different serials.
  const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
  return fmix32((seed >>> 0) ^ fmix32(high + 0x9e3779b9));
}

/**
 * A synthetic CPR number for test data: ten digits that {@link parseCpr}
 * reads back as `birthDate` and `sex`, and whose modulus-11 check
 * deliberately fails.
 *
 * Why the check fails: every CPR number issued before 1 October 2007 passes
 * modulus 11. Numbers without a valid check digit were introduced on that day
 * because the serials ran out on crowded birth dates, above all 1 January,
 * the date given to immigrants whose birth date is unknown. So a number that
 * fails modulus 11, for a birth date before 2007-10-01 and not on 1 January,
 * is one the CPR office would not have issued in the normal course. This
 * function therefore refuses 1 January and every date from 2007-10-01 on; the
 * caller must pick another date ({@link isSyntheticCprSafe} tells which).
 *
 * Residual limit, stated honestly: numbers without modulus 11 are not issued
 * by birth *year* but whenever a date's serials run out, and people born
 * before 2007-10-01 are still being registered (immigrants, in particular).
 * A birth date other than 1 January that has become crowded may therefore
 * already carry real numbers that fail modulus 11, and such a number could
 * collide with the one generated here. The risk is small but not zero, and
 * this function does not consult the CPR office's list of affected dates or
 * the register. Never use a synthetic number outside test and demonstration
 * data, and never send one to a production system.
 *
 * The century digit (the seventh) is chosen among those the CPR century table
 * allows for the year, so the birth date round-trips. The result is
 * deterministic: the same arguments always give the same number, and
 * different seeds spread over all serials valid for the date and sex.
 *
 * @param birthDate - the birth date, `YYYY-MM-DD`, from 1858-01-02 to 2007-09-30, not 1 January
 * @param sex - the sex the last digit encodes
 * @param serialSeed - any safe integer; picks the serial
 * @returns ten digits, without hyphen
 * @throws {@link KronikerpakkerError} with code `INVALID_ARGUMENT` for a
 *   malformed or refused `birthDate`, an unknown `sex` or a `serialSeed` that
 *   is not a safe integer
 * @example
 * ```ts
 * const cpr = syntheticCpr('1961-05-17', 'female', 42);
 * parseCpr(cpr); // { cpr, birthDate: '1961-05-17', sex: 'female', mod11: 'invalid' }
 * ```
 */
export function syntheticCpr(birthDate: string, sex: CprSex, serialSeed: number): string {
  const date = check(birthDate);
  if (typeof date === 'string') {
    throw new KronikerpakkerError('INVALID_ARGUMENT', REFUSALS[date], { path: ['birthDate'] });
  }
  const sexValue: unknown = sex;
  if (sexValue !== 'female' && sexValue !== 'male') {
    throw new KronikerpakkerError('INVALID_ARGUMENT', "Invalid sex: expected 'female' or 'male'", { path: ['sex'] });
  }
  if (!Number.isSafeInteger(serialSeed)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Invalid serialSeed: expected a safe integer', {
      path: ['serialSeed'],
    });
  }

  const digits7 = centuryDigits(date.year);
  const prefix =
    String(date.day).padStart(2, '0') + String(date.month).padStart(2, '0') + String(date.year % 100).padStart(2, '0');
  const parity = sex === 'male' ? 1 : 0;
  // Candidates: each allowed seventh digit x 100 middle pairs x 5 last digits
  // of the right parity.
  const count = digits7.length * 500;
  let index = mixSeed(serialSeed) % count;
  // For a fixed first nine digits at most one last digit passes modulus 11,
  // so at most one step forward reaches a failing candidate; the bound is
  // only a guard.
  for (let step = 0; step < 10; step++) {
    const digit7 = digits7[Math.floor(index / 500)] ?? 0;
    const rest = index % 500;
    const cpr =
      prefix + String(digit7) + String(Math.floor(rest / 5)).padStart(2, '0') + String((rest % 5) * 2 + parity);
    if (mod11Sum(cpr) % 11 !== 0) return cpr;
    index = (index + 1) % count;
  }
  throw new InternalError('No synthetic CPR serial failing modulus 11 was found');
}
