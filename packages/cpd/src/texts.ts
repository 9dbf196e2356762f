/**
 * Danish texts of the document narrative and the HTML page. These are
 * document texts, not clinical reasons, so they live here and not in the
 * message catalogue of core.
 *
 * @module
 * @internal
 */

import type { PlanGoal, TreatmentPlan } from './model';

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

/** A measured value for people: Danish decimal comma, no unit for dimensionless scores (`1`). */
export function formatValue(value: number, unit: string): string {
  const n = String(value).replace('.', ',');
  return unit === '1' ? n : `${n} ${unit}`;
}

/** The contact plan's rhythm in one plain Danish sentence, for the patient. */
export function rhythmSentence(cp: { readonly aarsstatusIntervalMonths: number; readonly followUpIntervalMonths: number | null }): string {
  const aars = `årsstatus hver ${String(cp.aarsstatusIntervalMonths)}. måned`;
  return cp.followUpIntervalMonths === null
    ? `Du skal til ${aars}. Der er ingen fast opfølgning ind imellem.`
    : `Du skal til opfølgning hos din læge hver ${String(cp.followUpIntervalMonths)}. måned og til ${aars}.`;
}
