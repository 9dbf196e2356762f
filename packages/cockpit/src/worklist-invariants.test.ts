/**
 * Issue 12 finding 3 (worklists hold only the patients they are for), as
 * properties over a generated clinic of SYNTHETIC patients, for both
 * profiles. The care items are evaluated again here (`evaluateCare`), so the
 * due dates behind every row can be checked:
 *
 * | worklist | every row on it |
 * |---|---|
 * | any but `candidates`, `no-longer-eligible`, `red-flag-open`, `missing-spirometry` | standing `enrolled` (in the package) |
 * | `candidates` | standing `candidate` |
 * | `no-longer-eligible` | enrolled, status `not-eligible` or `excluded` |
 * | `red-flag-open` | the urgent item `lrs.red-flag.open` (scope always: any standing) |
 * | `missing-spirometry` | `kol.spirometry.due` (in the package) or `dq.kol-without-spirometry` (scope always) |
 * | `aarsstatus-overdue`, `follow-up-overdue` | an overdue item with a due date before asOf |
 * | `aarsstatus-none` | `kol.aarsstatus.none` and no årsstatus on record |
 * | `aarsstatus-due-30d` | `kol.aarsstatus.due` with a due date in [asOf, asOf + 30 days] |
 * | `level-3` | enrolled, effective level 3 |
 *
 * And everywhere (issue 12 finding 7): no item of kind `due` has a due date
 * before asOf; every `overdue` item has one before asOf.
 */
import { describe, expect, it } from 'vitest';
import { addDaysIso, parsePatientRecord } from '@kronikerpakker/core';
import type { IsoDate, PatientRecord } from '@kronikerpakker/core';
import { evaluateCare } from '@kronikerpakker/business-rules';
import type { CareItem } from '@kronikerpakker/business-rules';
import { generateClinic } from '@kronikerpakker/test-fixtures';
import { buildCockpit } from './build';
import type { CockpitProfile, CockpitRow, WorklistId } from './types';
import { worklistsOf } from './worklists';

const AS_OF: IsoDate = '2027-03-01';
const IN_30_DAYS = addDaysIso(AS_OF, 30);
const CLINIC = generateClinic({ seed: 7712, size: 6000, asOf: AS_OF });
const RECORDS: ReadonlyMap<string, PatientRecord> = new Map(CLINIC.map((input) => [input.id, parsePatientRecord(input, { asOf: AS_OF })]));

/** Lists that may hold patients outside the package: their items concern every patient with the diagnosis. */
const OPEN_TO_ALL: ReadonlySet<WorklistId> = new Set(['candidates', 'no-longer-eligible', 'red-flag-open', 'missing-spirometry']);

function item(items: readonly CareItem[], code: string): CareItem | undefined {
  return items.find((i) => i.code === code);
}

/** The documented rule of each worklist (docs/cockpit.md), checked against the row and its care items. */
function holds(id: WorklistId, row: CockpitRow, items: readonly CareItem[]): boolean {
  const enrolled = row.standing === 'enrolled';
  switch (id) {
    case 'aarsstatus-overdue': {
      const i = item(items, 'kol.aarsstatus.overdue');
      return enrolled && i?.kind === 'overdue' && i.dueDate !== null && i.dueDate < AS_OF;
    }
    case 'follow-up-overdue': {
      const i = item(items, 'lrs.follow-up.overdue');
      return enrolled && i?.kind === 'overdue' && i.dueDate !== null && i.dueDate < AS_OF;
    }
    case 'aarsstatus-none':
      return enrolled && item(items, 'kol.aarsstatus.none') !== undefined && row.lastAarsstatus === null;
    case 'aarsstatus-due-30d': {
      const i = item(items, 'kol.aarsstatus.due');
      return enrolled && i?.dueDate != null && i.dueDate >= AS_OF && i.dueDate <= IN_30_DAYS;
    }
    case 'missing-spirometry':
      return (enrolled && item(items, 'kol.spirometry.due') !== undefined) || item(items, 'dq.kol-without-spirometry') !== undefined;
    case 'level-3':
      return enrolled && row.level.effective === 3;
    case 'frequent-exacerbations':
      return enrolled && item(items, 'kol.exacerbations.review') !== undefined;
    case 'smokers':
      return enrolled && item(items, 'kol.smoking-cessation') !== undefined;
    case 'sick-leave':
      return enrolled && item(items, 'lrs.sick-leave') !== undefined;
    case 'start-back-missing':
      return enrolled && item(items, 'lrs.start-back.missing') !== undefined;
    case 'red-flag-open':
      return item(items, 'lrs.red-flag.open')?.urgent === true;
    case 'candidates':
      return row.standing === 'candidate' && row.status === 'eligible' && !row.enrolled;
    case 'no-longer-eligible':
      return row.enrolled && (row.status === 'not-eligible' || row.status === 'excluded') && row.standing === row.status;
  }
}

describe.each(['KOL', 'LRS'] as const)('worklist membership over a generated clinic of 6,000 patients, %s profile (issue 12 finding 3)', (profile: CockpitProfile) => {
  const cockpit = buildCockpit(CLINIC, { asOf: AS_OF, profile });
  const rows = cockpit.rows ?? [];
  const itemsOf = new Map(rows.map((r) => [r.id, evaluateCare(RECORDS.get(r.id) as PatientRecord, { package: profile, asOf: AS_OF }).items]));

  it('puts a row on a worklist exactly when the worklist\'s documented rule holds', () => {
    for (const row of rows) {
      const items = itemsOf.get(row.id) ?? [];
      expect(row.itemCodes, row.id).toEqual(items.map((i) => i.code));
      for (const w of worklistsOf(profile)) expect(row.worklists.includes(w.id), `${row.id} ${w.id}`).toBe(holds(w.id, row, items));
    }
  });

  it('keeps patients outside the package off every list but those whose items concern every patient with the diagnosis', () => {
    for (const w of cockpit.worklists) {
      for (const row of w.rows ?? []) {
        if (!OPEN_TO_ALL.has(w.id)) expect(row.standing, `${w.id} ${row.id}`).toBe('enrolled');
        if (w.id === 'candidates') expect(row.standing, row.id).toBe('candidate');
        if (w.id === 'level-3') expect([row.standing, row.level.effective], row.id).toEqual(['enrolled', 3]);
      }
    }
    // Not vacuous: the lists open to all do hold patients outside the package here.
    const outside = cockpit.worklists.filter((w) => OPEN_TO_ALL.has(w.id)).flatMap((w) => (w.rows ?? []).filter((r) => r.standing !== 'enrolled'));
    expect(outside.length).toBeGreaterThan(0);
  });

  it('sizes every worklist by its rows, sorted urgent first, then by next due date (none last), then position', () => {
    for (const w of cockpit.worklists) {
      const list = w.rows ?? [];
      expect(w.size, w.id).toBe(list.length);
      expect(list, w.id).toEqual(rows.filter((r) => r.worklists.includes(w.id)).sort((a, b) => {
        if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
        if (a.nextDue !== b.nextDue) return a.nextDue === null ? 1 : b.nextDue === null ? -1 : a.nextDue < b.nextDue ? -1 : 1;
        return a.position - b.position;
      }));
    }
    // Not vacuous: most worklists of the profile hold patients.
    expect(cockpit.worklists.filter((w) => w.size > 0).length).toBeGreaterThanOrEqual(cockpit.worklists.length - 2);
  });
});

describe('due and overdue dates over the same clinic (issue 12 finding 7)', () => {
  it('never gives an item of kind due a date before asOf; every overdue item has one before asOf', () => {
    let due = 0;
    let overdue = 0;
    for (const record of RECORDS.values()) {
      for (const pkg of ['KOL', 'LRS'] as const) {
        for (const i of evaluateCare(record, { package: pkg, asOf: AS_OF }).items) {
          if (i.kind === 'due' && i.dueDate !== null) {
            due++;
            expect(i.dueDate >= AS_OF, `${record.id} ${i.code} ${i.dueDate}`).toBe(true);
          }
          if (i.kind === 'overdue') {
            overdue++;
            expect(i.dueDate !== null && i.dueDate < AS_OF, `${record.id} ${i.code} ${String(i.dueDate)}`).toBe(true);
          }
        }
      }
    }
    expect(due).toBeGreaterThan(20);
    expect(overdue).toBeGreaterThan(20);
  }, 60_000);
});
