/**
 * What the page shows, without the DOM: the synthetic clinic, the two
 * cockpits, the Danish labels of a row, and a patient's plan (or why there is
 * none). Kept apart from `main.ts` so that it is tested in Node too.
 *
 * SYNTHETIC DATA ONLY: the clinic comes from the seeded generator.
 */
import { KronikerpakkerError, safeParsePatientRecord } from '@kronikerpakker/core';
import type { IsoDate } from '@kronikerpakker/core';
import { buildCockpit } from '@kronikerpakker/cockpit';
import type { Cockpit, CockpitProfile, CockpitRow } from '@kronikerpakker/cockpit';
import { buildTreatmentPlan, renderPlanHtml } from '@kronikerpakker/cpd';
import { generateClinic } from '@kronikerpakker/test-fixtures';

/** The evaluation date of the page: explicit, never "today". */
export const AS_OF: IsoDate = '2027-01-15';

/** The profiles the page shows, in order. */
export const PROFILES: readonly CockpitProfile[] = ['KOL', 'LRS'];

/** The Danish names of the profiles. */
export const PROFILE_NAMES: Readonly<Record<CockpitProfile, string>> = {
  KOL: 'KOL (kronisk obstruktiv lungesygdom)',
  LRS: 'Lænderygsmerter',
};

/** The clinic's seed and size, from the page's query string (`?seed=2027&size=1000`). */
export interface ClinicChoice {
  /** The generator's seed. */
  readonly seed: number;
  /** The number of patients (1 to 20,000). */
  readonly size: number;
}

/** The default clinic: seed 2027, 1,000 patients. */
export const DEFAULT_CLINIC: ClinicChoice = { seed: 2027, size: 1000 };

const MAX_SIZE = 20_000;

/**
 * Reads `seed` and `size` from a query string; anything missing or out of
 * range falls back to {@link DEFAULT_CLINIC}.
 */
export function clinicChoiceFrom(search: string): ClinicChoice {
  const params = new URLSearchParams(search);
  const int = (name: string, min: number, max: number, fallback: number): number => {
    const raw = params.get(name);
    if (raw === null || !/^\d{1,9}$/.test(raw)) return fallback;
    const n = Number(raw);
    return n >= min && n <= max ? n : fallback;
  };
  return { seed: int('seed', 0, 999_999_999, DEFAULT_CLINIC.seed), size: int('size', 1, MAX_SIZE, DEFAULT_CLINIC.size) };
}

/** The generated clinic and its KOL and LRS cockpits. */
export interface ClinicView {
  /** The records as generated (record id → record), to build a plan from. */
  readonly records: ReadonlyMap<string, unknown>;
  /** One cockpit per profile. */
  readonly cockpits: Readonly<Record<CockpitProfile, Cockpit>>;
}

/** Generates the synthetic clinic and builds the KOL and LRS cockpits as of {@link AS_OF}. */
export function buildClinicView(choice: ClinicChoice): ClinicView {
  const clinic = generateClinic({ seed: choice.seed, size: choice.size, asOf: AS_OF });
  const records = new Map<string, unknown>();
  for (const record of clinic) records.set(record.id, record);
  return {
    records,
    cockpits: {
      KOL: buildCockpit(clinic, { asOf: AS_OF, profile: 'KOL' }),
      LRS: buildCockpit(clinic, { asOf: AS_OF, profile: 'LRS' }),
    },
  };
}

/** The inclusion status in Danish, short enough for a table cell: are the package's criteria met? */
export function statusText(status: CockpitRow['status']): string {
  switch (status) {
    case 'eligible':
      return 'Opfyldt';
    case 'not-eligible':
      return 'Ikke opfyldt';
    case 'excluded':
      return 'Ekskluderet';
    case 'insufficient-data':
      return 'Mangler data';
  }
}

/**
 * The level in Danish: the level in force, and whether the clinician decided
 * it, or it is the suggestion (`foreløbig` when missing data could change it).
 */
export function levelText(level: CockpitRow['level']): string {
  if (level.effective === null) return '–';
  const how = level.decided !== null ? 'besluttet' : level.determined ? 'foreslået' : 'foreløbig';
  return `${String(level.effective)}, ${how}`;
}

/** A patient's plan as HTML, or the reason there is none (in Danish). */
export type PlanOutcome =
  | { readonly kind: 'plan'; readonly html: string }
  | { readonly kind: 'none'; readonly reason: string };

/** The synthetic clinic and author on every plan. */
const CLINIC = { sorId: '123456789012345', name: 'Syntetisk Lægehus' } as const;
const AUTHOR = { sorId: '123456789012345', name: { given: ['Syntetisk'], family: 'Læge' } } as const;
const PATIENT_NAME = { given: ['Syntetisk'], family: 'Patient' } as const;
/** The instant the plans are "written": fixed, so a plan is the same on every run. */
const WRITTEN_AT = new Date('2027-01-15T09:00:00+01:00');

/** UUID v4-shaped ids from a counter, so a plan is the same on every run. */
function counterIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

/**
 * Where the patient stands by the enrolment policy, in Danish, short enough
 * for a table cell. An enrolled patient who is excluded or no longer meets
 * the criteria is `Sat i bero`: enrolled, but the package's tasks are paused.
 */
export function standingText(standing: CockpitRow['standing'], enrolled = false): string {
  switch (standing) {
    case 'enrolled':
      return 'I pakken';
    case 'candidate':
      return 'Kandidat';
    case 'excluded':
      return enrolled ? 'Sat i bero' : 'Ekskluderet';
    case 'not-eligible':
      return enrolled ? 'Sat i bero' : 'Ikke i pakken';
    case 'insufficient-data':
      return 'Ikke afgjort';
  }
}

/**
 * Builds the patient's treatment plan for the row's package and renders the
 * patient's version (`renderPlanHtml`, audience `patient`, Danish). By the
 * SDK's one enrolment policy (issue 12), a plan is made for patients in the
 * package and candidates (`row.standing` `enrolled` or `candidate`) who have
 * a CPR number; for anyone else the outcome says why not. Errors are
 * reported by code, never by value.
 */
export function planFor(raw: unknown, row: CockpitRow, profile: CockpitProfile): PlanOutcome {
  if (row.standing !== 'enrolled' && row.standing !== 'candidate') {
    return {
      kind: 'none',
      reason: `Ingen plan: kriterierne for ${profile} er »${statusText(row.status).toLowerCase()}«${row.enrolled ? ', skønt patienten er tilmeldt' : ''}. Planen laves kun for patienter i pakken og kandidater.`,
    };
  }
  const parsed = safeParsePatientRecord(raw, { asOf: AS_OF });
  if (!parsed.success) return { kind: 'none', reason: 'Ingen plan: journalen kunne ikke valideres.' };
  if (parsed.record.patient.cpr === undefined) {
    return { kind: 'none', reason: 'Ingen plan: journalen har intet CPR-nummer, og et CPD-dokument kræver et.' };
  }
  try {
    const plan = buildTreatmentPlan(parsed.record, {
      asOf: AS_OF,
      package: profile,
      clinic: CLINIC,
      author: AUTHOR,
      patientName: PATIENT_NAME,
      idGenerator: counterIds(),
      clock: () => WRITTEN_AT,
    });
    return { kind: 'plan', html: renderPlanHtml(plan, { audience: 'patient', locale: 'da' }) };
  } catch (error) {
    if (error instanceof KronikerpakkerError) return { kind: 'none', reason: `Ingen plan: ${error.code} (${error.path.join('.')}).` };
    throw error;
  }
}
