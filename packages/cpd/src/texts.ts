/**
 * Danish texts of the document narrative and the HTML page. These are
 * document texts, not clinical reasons, so they live here and not in the
 * message catalogue of core.
 *
 * @module
 * @internal
 */

import type { PlanGoal, PlanLevel, TreatmentPlan } from './model';

/** `2027-01-15` -> `15.01.2027`. */
export function formatDanishDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** The CDA administrative gender code. */
export function sexCode(sex: TreatmentPlan['patient']['sex']): 'F' | 'M' | 'UN' {
  return sex === 'female' ? 'F' : sex === 'male' ? 'M' : 'UN';
}

/** A measurable goal as one Danish sentence: "Vægt: under 90 kg". */
export function goalTargetText(g: Extract<PlanGoal, { kind: 'measurable' }>): string {
  const target = `${g.code.displayName}: ${g.direction === 'below' ? 'under' : 'mindst'} ${formatValue(g.value, g.unit)}`;
  return g.text === undefined ? target : `${target} (${g.text})`;
}

/** The level in one plain Danish sentence. */
export function levelSentence(level: 1 | 2 | 3): string {
  switch (level) {
    case 1:
      return 'Niveau 1: du klarer det meste selv, og vi ses til din årlige status.';
    case 2:
      return 'Niveau 2: du får lidt mere støtte med ekstra opfølgning mellem de årlige statusser.';
    case 3:
      return 'Niveau 3: du får tæt opfølgning og hjælp fra flere fagpersoner.';
  }
}

type ProvisionalLevel = Extract<PlanLevel, { status: 'provisional' }>;

/** True when the clinician's needs assessment is among what a provisional level awaits. */
const awaitsNeedsAssessment = (lv: ProvisionalLevel): boolean => lv.awaiting.some((a) => a.code === 'needs-assessment');

/** What a provisional level waits for, in a few words: "afventer behovsvurdering". */
export function awaitingPhrase(lv: ProvisionalLevel): string {
  return awaitsNeedsAssessment(lv) ? 'afventer behovsvurdering' : 'afventer manglende oplysninger';
}

/** The items a provisional level waits for as one sentence, "Mangler: A; B.", or '' when none are listed. */
export function awaitingList(lv: ProvisionalLevel): string {
  if (lv.awaiting.length === 0) return '';
  const items = lv.awaiting.map((a) => a.text.trim()).join('; ');
  return `Mangler: ${items}${items.endsWith('.') ? '' : '.'}`;
}

/**
 * The level for the document narrative and the clinician: the decided
 * level as {@link levelSentence}; a provisional one as "Ikke fastlagt:
 * foreløbigt mindst niveau 1 (kan blive op til niveau 3); afventer
 * behovsvurdering." (never a bare level).
 */
export function levelStatusText(lv: PlanLevel): string {
  if (lv.status === 'decided') return levelSentence(lv.level);
  return `Ikke fastlagt: foreløbigt mindst niveau ${String(lv.atLeast)} (kan blive op til niveau ${String(lv.atMost)}); ${awaitingPhrase(lv)}.`;
}

/** A provisional level for the clinician in one line: "Foreløbigt mindst niveau 1, højst 3; afventer behovsvurdering. Mangler: …". */
export function provisionalLevelClinicianText(lv: ProvisionalLevel): string {
  const list = awaitingList(lv);
  return `Foreløbigt mindst niveau ${String(lv.atLeast)}, højst ${String(lv.atMost)}; ${awaitingPhrase(lv)}.${list === '' ? '' : ` ${list}`}`;
}

/** A provisional level for the patient, in plain Danish: not decided yet, at least level n, who decides it and when. */
export function provisionalLevelPatientText(lv: ProvisionalLevel): string {
  const when = awaitsNeedsAssessment(lv) ? 'når behovsvurderingen er lavet' : 'når de manglende oplysninger er registreret';
  return `Dit niveau er ikke fastlagt endnu. Foreløbigt er du mindst på niveau ${String(lv.atLeast)}, og det kan blive op til niveau ${String(lv.atMost)}. Lægen fastlægger niveauet, ${when}.`;
}

/**
 * What the level rests on, truthfully: the clinician's decision, or a
 * suggestion computed from the recorded data (decided, or provisional while
 * data are missing). Never "the needs assessment", which may not exist.
 */
export function levelBasisText(lv: PlanLevel): string {
  if (lv.basis === 'clinician') return 'Lægens vurdering';
  return lv.status === 'provisional'
    ? 'Foreløbigt forslag beregnet ud fra de registrerede oplysninger; lægen har ikke fastlagt niveauet'
    : 'Forslag beregnet ud fra de registrerede oplysninger';
}

/** The contact plan's text of a provisional level: it says that it holds until the level is decided. */
export function provisionalContactPlanText(meaning: string): string {
  return `Foreløbig kontaktplan, indtil niveauet er fastlagt. ${meaning}`;
}

/** A measured value for people: Danish decimal comma, no unit for dimensionless scores (`1`). */
export function formatValue(value: number, unit: string): string {
  const n = String(value).replace('.', ',');
  return unit === '1' ? n : `${n} ${unit}`;
}

/**
 * The contact plan's rhythm in one plain Danish sentence, for the patient;
 * with `provisional`, it says that it holds until the level is decided.
 */
export function rhythmSentence(cp: { readonly aarsstatusIntervalMonths: number; readonly followUpIntervalMonths: number | null }, provisional = false): string {
  const aars = `årsstatus hver ${String(cp.aarsstatusIntervalMonths)}. måned`;
  const lead = provisional ? 'Indtil dit niveau er fastlagt, skal du' : 'Du skal';
  return cp.followUpIntervalMonths === null
    ? `${lead} til ${aars}. Der er ingen fast opfølgning ind imellem.`
    : `${lead} til opfølgning hos din læge hver ${String(cp.followUpIntervalMonths)}. måned og til ${aars}.`;
}
