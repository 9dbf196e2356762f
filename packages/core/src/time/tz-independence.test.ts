/**
 * The results of the time module must not depend on the machine's time zone.
 *
 * Node re-reads `process.env.TZ` when it is assigned, so one process can run
 * the same battery under several zones, chosen for their traps: Pacific/Apia
 * skipped 2011-12-30 entirely, America/Sao_Paulo had DST changes at midnight
 * (no local 00:00 on some days), Australia/Lord_Howe shifts by 30 minutes,
 * Asia/Kathmandu has a +05:45 offset, Pacific/Kiritimati is UTC+14.
 *
 * Changing TZ affects the whole process, so the test runs only in a worker
 * process of its own (vitest's default `forks` pool), never in a thread that
 * shares its process with other test files.
 */
import { isMainThread } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';

const ZONES = [
  'UTC',
  'Europe/Copenhagen',
  'Pacific/Apia',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
  'America/St_Johns',
];

const DATES = ['2011-12-29', '2011-12-30', '2011-12-31', '2018-11-03', '2018-11-04', '2026-03-29', '2026-10-25', '2027-03-31', '2028-02-29', '0050-06-15'];

const INSTANTS = ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-12-31T23:30:00Z'];

/**
 * Runs every function on the fixed inputs, with a fresh copy of the module so
 * that no memo filled under another zone can hide a difference.
 */
async function battery(): Promise<unknown[]> {
  vi.resetModules();
  const {
    addDaysIso,
    addMonthsIso,
    addYearsIso,
    ageInYears,
    cdaTimestampToDate,
    copenhagenOffset,
    daysBetween,
    isWithinLastMonths,
    isoDateOfInstant,
    subMonthsIso,
    toCdaTimestamp,
    wholeMonthsBetween,
    wholeWeeksBetween,
  } = await import('./index');
  const out: unknown[] = [];
  for (const a of DATES) {
    out.push(addDaysIso(a, 1), addDaysIso(a, -1), addMonthsIso(a, 1), subMonthsIso(a, 1), addYearsIso(a, 1));
    for (const b of DATES) {
      out.push(daysBetween(a, b), wholeWeeksBetween(a, b), wholeMonthsBetween(a, b), isWithinLastMonths(a, b, 12));
      if (a <= b) out.push(ageInYears(a, b));
    }
  }
  for (const iso of INSTANTS) {
    const d = new Date(iso);
    const ts = toCdaTimestamp(d);
    out.push(ts, copenhagenOffset(d), isoDateOfInstant(d), cdaTimestampToDate(ts).getTime(), cdaTimestampToDate(ts.slice(0, 14)).getTime());
  }
  return out;
}

const originalTz = process.env.TZ;

describe.runIf(isMainThread)('independence of the machine time zone', () => {
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('gives the same results in every zone', async () => {
    process.env.TZ = 'UTC';
    const expected = await battery();
    for (const zone of ZONES) {
      process.env.TZ = zone;
      expect(await battery(), zone).toEqual(expected);
    }
  });

  it('really switches zones (else the test above proves nothing)', () => {
    process.env.TZ = 'Pacific/Apia';
    // 2011-12-30 does not exist in Samoa: local noon of that day lands on the 31st.
    expect(new Date(2011, 11, 30, 12).getDate()).toBe(31);
    process.env.TZ = 'UTC';
    expect(new Date(2011, 11, 30, 12).getDate()).toBe(30);
  });
});
