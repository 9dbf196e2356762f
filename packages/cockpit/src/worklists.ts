/**
 * The worklists of the KOL and LRS profiles, as data: each is a named,
 * documented filter over cockpit rows. They are defined by care-item codes
 * of the business-rule packs and by the inclusion status, never by
 * thresholds of their own: a new pack version moves the worklists with it.
 *
 * @module
 */
import type { CockpitProfile, CockpitRow, WorklistDefinition, WorklistId } from './types';

function hasCode(row: CockpitRow, code: string): boolean {
  return row.itemCodes.includes(code);
}

function hasAnyCode(row: CockpitRow, codes: readonly string[]): boolean {
  for (const code of codes) if (row.itemCodes.includes(code)) return true;
  return false;
}

/** Eligible and not enrolled (the enrolment policy's `candidate`). */
function isCandidate(row: CockpitRow): boolean {
  return row.standing === 'candidate';
}

/** Enrolled and no longer meeting the criteria. */
function isNoLongerEligible(row: CockpitRow): boolean {
  return row.enrolled && (row.status === 'not-eligible' || row.status === 'excluded');
}

/** In the package (enrolled; eligible or data missing) with effective level 3: candidates are not followed up yet. */
function isLevel3(row: CockpitRow): boolean {
  return row.standing === 'enrolled' && row.level.effective === 3;
}

const KOL_MISSING_SPIROMETRY = ['kol.spirometry.due', 'dq.kol-without-spirometry'] as const;

function def(
  profile: CockpitProfile,
  id: WorklistId,
  title: [string, string],
  description: [string, string],
  definition: [string, string],
  matches: (row: CockpitRow) => boolean,
): WorklistDefinition {
  return Object.freeze({
    id,
    profile,
    title: Object.freeze({ da: title[0], en: title[1] }),
    description: Object.freeze({ da: description[0], en: description[1] }),
    definition: Object.freeze({ da: definition[0], en: definition[1] }),
    matches,
  });
}

const CANDIDATES_TEXT: [[string, string], [string, string], [string, string]] = [
  ['Kandidater til pakken', 'Candidates for the package'],
  [
    'Opsporing: patienter, der opfylder kriterierne for pakken, men ikke er tilmeldt. Overvej at tilbyde pakkeforløbet.',
    'Case finding: patients who meet the package criteria but are not enrolled. Consider offering the package.',
  ],
  [
    'Inklusionsstatus "eligible" for pakken, og den seneste pakkebeslutning er ikke "included" (eller der er ingen).',
    'Inclusion status "eligible" for the package, and the latest package decision is not "included" (or there is none).',
  ],
];

const NO_LONGER_TEXT: [[string, string], [string, string], [string, string]] = [
  ['Tilmeldt, men opfylder ikke længere kriterierne', 'Enrolled but no longer meeting the criteria'],
  [
    'Tilmeldte patienter, som ikke længere opfylder kriterierne (fx diagnose afsluttet, ikke længere tilmeldt klinikken, et akut alarmsymptom). Pakkens opgaver er sat i bero: vurder om forløbet skal afsluttes eller registreringen rettes.',
    'Enrolled patients who no longer meet its criteria (e.g. diagnosis resolved, no longer listed, an urgent warning sign). The package\'s tasks are paused: consider ending the package or correcting the record.',
  ],
  [
    'Tilmeldt (seneste pakkebeslutning "included") og inklusionsstatus "not-eligible" eller "excluded".',
    'Enrolled (latest package decision "included") and inclusion status "not-eligible" or "excluded".',
  ],
];

const LEVEL3_TEXT: [[string, string], [string, string], [string, string]] = [
  ['Niveau 3', 'Level 3'],
  [
    'Patienter med det største behov: tættest opfølgning efter kontaktplanen for niveau 3.',
    'Patients with the greatest needs: the closest follow-up, by the contact plan of level 3.',
  ],
  [
    'I pakken (tilmeldt, hverken udelukket eller ude af kriterierne) med gældende niveau 3: klinikerens seneste niveaubeslutning, ellers det foreslåede niveau.',
    'In the package (enrolled, neither excluded nor not-eligible) with effective level 3: the clinician\'s latest level decision, else the suggested level.',
  ],
];

/**
 * Every worklist of both profiles, in display order. A row is on a worklist
 * when the worklist's `matches` holds for it; the `definition` says exactly
 * when, in Danish and English (also in docs/cockpit.md).
 *
 * | profile | id | rows |
 * |---|---|---|
 * | KOL | `aarsstatus-overdue` | care item `kol.aarsstatus.overdue` (in the package, past its due date) |
 * | KOL | `aarsstatus-none` | care item `kol.aarsstatus.none` (in the package, never held) |
 * | KOL | `aarsstatus-due-30d` | care item `kol.aarsstatus.due` (in the package) |
 * | KOL | `missing-spirometry` | care item `kol.spirometry.due` (in the package) or `dq.kol-without-spirometry` (scope always: any patient with the diagnosis) |
 * | KOL | `level-3` | in the package, effective level 3 |
 * | KOL | `frequent-exacerbations` | care item `kol.exacerbations.review` (in the package) |
 * | KOL | `smokers` | care item `kol.smoking-cessation` (in the package) |
 * | KOL, LRS | `candidates` | standing `candidate`: status eligible, not enrolled |
 * | KOL, LRS | `no-longer-eligible` | enrolled, status not-eligible or excluded |
 * | LRS | `red-flag-open` | care item `lrs.red-flag.open` (scope always: an urgent warning sign, any standing) |
 * | LRS | `sick-leave` | care item `lrs.sick-leave` (in the package) |
 * | LRS | `level-3` | in the package, effective level 3 |
 * | LRS | `follow-up-overdue` | care item `lrs.follow-up.overdue` (in the package) |
 * | LRS | `start-back-missing` | care item `lrs.start-back.missing` (in the package) |
 *
 * @example
 * ```ts
 * const kol = WORKLISTS.filter((w) => w.profile === 'KOL').map((w) => w.id);
 * ```
 */
export const WORKLISTS: readonly WorklistDefinition[] = Object.freeze([
  def(
    'KOL',
    'aarsstatus-overdue',
    ['Årsstatus overskredet', 'Årsstatus overdue'],
    ['Patienter i pakken, hvis årsstatus skulle have været holdt.', 'Patients in the package whose årsstatus (yearly review) is past its due date.'],
    [
      'Plejepunkt kol.aarsstatus.overdue: patienten er i pakken, og seneste årsstatus + 12 måneder ligger før opgørelsesdatoen.',
      'Care item kol.aarsstatus.overdue: the patient is in the package, and the latest årsstatus + 12 months lies before the evaluation date.',
    ],
    (row) => hasCode(row, 'kol.aarsstatus.overdue'),
  ),
  def(
    'KOL',
    'aarsstatus-none',
    ['Ingen årsstatus registreret', 'No årsstatus recorded'],
    [
      'Patienter i pakken, som aldrig har haft en årsstatus for KOL: planlæg den første.',
      'Patients in the package who never had an årsstatus for KOL: plan the first one.',
    ],
    [
      'Plejepunkt kol.aarsstatus.none: patienten er i pakken, og ingen årsstatus (for KOL eller uden pakke) er registreret.',
      'Care item kol.aarsstatus.none: the patient is in the package, and no årsstatus (for KOL or without a package) is recorded.',
    ],
    (row) => hasCode(row, 'kol.aarsstatus.none'),
  ),
  def(
    'KOL',
    'aarsstatus-due-30d',
    ['Årsstatus inden for 30 dage', 'Årsstatus due within 30 days'],
    ['Patienter, der skal indkaldes til årsstatus inden for de næste 30 dage.', 'Patients to call in for their årsstatus within the next 30 days.'],
    [
      'Plejepunkt kol.aarsstatus.due: patienten er i pakken, og årsstatus forfalder om 0-30 dage.',
      'Care item kol.aarsstatus.due: the patient is in the package, and the årsstatus falls due in 0-30 days.',
    ],
    (row) => hasCode(row, 'kol.aarsstatus.due'),
  ),
  def(
    'KOL',
    'missing-spirometry',
    ['Mangler spirometri', 'Missing spirometry'],
    [
      'Patienter, der mangler en spirometri: ingen spirometri op til årsstatus, eller en KOL-diagnose helt uden spirometri.',
      'Patients who need a spirometry: none before the årsstatus, or a KOL diagnosis without any spirometry.',
    ],
    [
      'Plejepunkt kol.spirometry.due (i pakken: årsstatus forfalder, er overskredet eller aldrig holdt, og ingen spirometri de seneste 12 måneder) eller dq.kol-without-spirometry (datakvalitet, for alle: aktiv KOL-diagnose og ingen spirometri overhovedet; også patienter uden for pakken).',
      'Care item kol.spirometry.due (in the package: årsstatus due, overdue or never held, and no spirometry in the last 12 months) or dq.kol-without-spirometry (data quality, for everyone: an active KOL diagnosis and no spirometry at all; also patients outside the package).',
    ],
    (row) => hasAnyCode(row, KOL_MISSING_SPIROMETRY),
  ),
  def('KOL', 'level-3', LEVEL3_TEXT[0], LEVEL3_TEXT[1], LEVEL3_TEXT[2], isLevel3),
  def(
    'KOL',
    'frequent-exacerbations',
    ['Hyppige eksacerbationer', 'Frequent exacerbations'],
    [
      'Patienter med hyppige eller svære eksacerbationer (GOLD gruppe E): gennemgå behandlingen og niveauet.',
      'Patients with frequent or severe exacerbations (GOLD group E): review the treatment and the level.',
    ],
    [
      'Plejepunkt kol.exacerbations.review: patienten er i pakken og har haft mindst 2 moderate eksacerbationer eller mindst 1 med indlæggelse de seneste 12 måneder.',
      'Care item kol.exacerbations.review: the patient is in the package and had at least 2 moderate exacerbations or at least 1 leading to admission in the last 12 months.',
    ],
    (row) => hasCode(row, 'kol.exacerbations.review'),
  ),
  def(
    'KOL',
    'smokers',
    ['Rygere', 'Smokers'],
    ['Patienter, der ryger: tilbyd rygestop.', 'Patients who smoke: offer smoking cessation.'],
    [
      'Plejepunkt kol.smoking-cessation: patienten er i pakken, og seneste registrerede rygestatus er "current".',
      'Care item kol.smoking-cessation: the patient is in the package, and the latest recorded smoking status is "current".',
    ],
    (row) => hasCode(row, 'kol.smoking-cessation'),
  ),
  def('KOL', 'candidates', CANDIDATES_TEXT[0], CANDIDATES_TEXT[1], CANDIDATES_TEXT[2], isCandidate),
  def('KOL', 'no-longer-eligible', NO_LONGER_TEXT[0], NO_LONGER_TEXT[1], NO_LONGER_TEXT[2], isNoLongerEligible),
  def(
    'LRS',
    'red-flag-open',
    ['Åbent rødt flag', 'Open red flag'],
    [
      'Patienter med et akut alarmsymptom, der ikke er afklaret: vurder akut. Står først på alle lister. Gælder alle med diagnosen, også uden for pakken.',
      'Patients with an urgent warning sign not yet cleared: assess urgently. They come first on every list. Concerns everyone with the diagnosis, also outside the package.',
    ],
    [
      'Plejepunkt lrs.red-flag.open: et akut alarmsymptom efter inklusionspakken (ridebukseanæstesi eller blære-/tarmforstyrrelse; progredierende neurologisk udfald; feber med immunsuppression eller i.v. stofbrug; betydende traume; tidligere kræft med vægttab eller konstante/natlige smerter; mistanke om inflammatorisk sygdom), seneste vurdering "present". En risikofaktor alene (fx høj alder, osteoporose, feber) sætter ikke patienten her.',
      'Care item lrs.red-flag.open: an urgent warning sign by the inclusion pack (saddle anaesthesia or bladder/bowel dysfunction; a progressive neurological deficit; fever with immunosuppression or iv drug use; significant trauma; previous cancer with weight loss or constant/night pain; suspected inflammatory disease), latest assessment "present". A risk factor alone (such as high age, osteoporosis, fever) does not put a patient here.',
    ],
    (row) => hasCode(row, 'lrs.red-flag.open'),
  ),
  def(
    'LRS',
    'sick-leave',
    ['Sygemeldte', 'On sick leave'],
    ['Patienter, der har været sygemeldt længe: fastholdelse i arbejde.', 'Patients on long sick leave: work retention.'],
    [
      'Plejepunkt lrs.sick-leave: patienten er i pakken og har en igangværende sygemelding (hel eller delvis) i 4 uger eller mere.',
      'Care item lrs.sick-leave: the patient is in the package and has current sick leave (full or partial) for 4 weeks or more.',
    ],
    (row) => hasCode(row, 'lrs.sick-leave'),
  ),
  def('LRS', 'level-3', LEVEL3_TEXT[0], LEVEL3_TEXT[1], LEVEL3_TEXT[2], isLevel3),
  def(
    'LRS',
    'follow-up-overdue',
    ['Opfølgning overskredet', 'Follow-up overdue'],
    ['Patienter, hvis planlagte opfølgning efter kontaktplanen er overskredet.', 'Patients whose planned follow-up by the contact plan is overdue.'],
    [
      'Plejepunkt lrs.follow-up.overdue: patienten er i pakken, og seneste årsstatus eller opfølgning + niveauets interval ligger før opgørelsesdatoen.',
      'Care item lrs.follow-up.overdue: the patient is in the package, and the latest årsstatus or follow-up + the level\'s interval lies before the evaluation date.',
    ],
    (row) => hasCode(row, 'lrs.follow-up.overdue'),
  ),
  def(
    'LRS',
    'start-back-missing',
    ['Mangler STarT Back', 'STarT Back missing'],
    ['Patienter uden en nylig STarT Back-screening: send skemaet.', 'Patients without a recent STarT Back screening: send the questionnaire.'],
    [
      'Plejepunkt lrs.start-back.missing: patienten er i pakken og har ingen STarT Back fra de seneste 6 måneder (en ældre tæller som manglende).',
      'Care item lrs.start-back.missing: the patient is in the package and has no STarT Back from the last 6 months (an older one counts as missing).',
    ],
    (row) => hasCode(row, 'lrs.start-back.missing'),
  ),
  def('LRS', 'candidates', CANDIDATES_TEXT[0], CANDIDATES_TEXT[1], CANDIDATES_TEXT[2], isCandidate),
  def('LRS', 'no-longer-eligible', NO_LONGER_TEXT[0], NO_LONGER_TEXT[1], NO_LONGER_TEXT[2], isNoLongerEligible),
]);

/**
 * The worklists of one profile, in display order.
 *
 * @param profile - `KOL` or `LRS`
 * @returns the profile's worklist definitions
 * @example
 * ```ts
 * worklistsOf('LRS')[0]?.id; // 'red-flag-open'
 * ```
 */
export function worklistsOf(profile: CockpitProfile): readonly WorklistDefinition[] {
  return WORKLISTS.filter((w) => w.profile === profile);
}

/**
 * Compares rows in worklist order: urgent first, then by `nextDue`
 * (earliest first, none last), then by input position.
 *
 * @param a - a row
 * @param b - another row
 * @returns negative when `a` comes first
 * @example
 * ```ts
 * rows.sort(compareWorklistRows);
 * ```
 */
export function compareWorklistRows(a: CockpitRow, b: CockpitRow): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.nextDue !== b.nextDue) {
    if (a.nextDue === null) return 1;
    if (b.nextDue === null) return -1;
    return a.nextDue < b.nextDue ? -1 : 1;
  }
  return a.position - b.position;
}
