/**
 * The quality indicators of the KOL and LRS profiles, as data: each with its
 * numerator and denominator in words (also in docs/cockpit.md).
 *
 * @module
 */
import type { CockpitProfile, IndicatorDefinition, IndicatorId } from './types';

const BOTH: readonly CockpitProfile[] = Object.freeze(['KOL', 'LRS']);

function ind(id: IndicatorId, profiles: readonly CockpitProfile[], title: [string, string], definition: [string, string]): IndicatorDefinition {
  return Object.freeze({
    id,
    profiles,
    title: Object.freeze({ da: title[0], en: title[1] }),
    definition: Object.freeze({ da: definition[0], en: definition[1] }),
  });
}

const ENROLLED_DA = 'Nævner: tilmeldte patienter (seneste pakkebeslutning for pakken, på eller før opgørelsesdatoen, er "included").';
const ENROLLED_EN = 'Denominator: enrolled patients (the latest package decision for the package, on or before the evaluation date, is "included").';

function level(n: 1 | 2 | 3): IndicatorDefinition {
  return ind(`level-${String(n)}` as IndicatorId, BOTH, [`Niveau ${String(n)}`, `Level ${String(n)}`], [
    `Tæller: tilmeldte patienter med gældende niveau ${String(n)} (klinikerens seneste niveaubeslutning, ellers det foreslåede niveau). ${ENROLLED_DA}`,
    `Numerator: enrolled patients whose effective level is ${String(n)} (the clinician's latest level decision, else the suggested level). ${ENROLLED_EN}`,
  ]);
}

/**
 * Every quality indicator, in display order, with the profiles it is
 * computed for. All but `enrolled` have the enrolled patients of the profile
 * as denominator.
 *
 * | id | profiles | numerator | denominator |
 * |---|---|---|---|
 * | `enrolled` | both | enrolled | in the profile and eligible or enrolled |
 * | `level-1`, `level-2`, `level-3` | both | enrolled with that effective level | enrolled |
 * | `aarsstatus-12m` | both | enrolled with an årsstatus (for the package or without one) in the last 12 months | enrolled |
 * | `spirometry-24m` | KOL | enrolled with a post-bronchodilator spirometry in the last 24 months | enrolled |
 * | `start-back-done` | LRS | enrolled with a STarT Back response in the last 6 months | enrolled |
 * | `pro-completed` | both | enrolled whose PRO status is `completed` | enrolled |
 * | `plan-shared` | both | enrolled with a shared plan for the package in the last 12 months | enrolled |
 *
 * @example
 * ```ts
 * INDICATORS.filter((i) => i.profiles.includes('LRS')).map((i) => i.id);
 * ```
 */
export const INDICATORS: readonly IndicatorDefinition[] = Object.freeze([
  ind('enrolled', BOTH, ['Tilmeldt pakken', 'Enrolled in the package'], [
    'Tæller: tilmeldte patienter (seneste pakkebeslutning for pakken, på eller før opgørelsesdatoen, er "included"). Nævner: patienter i profilen, som er tilmeldt eller har inklusionsstatus "eligible" (tilmeldte plus kandidater).',
    'Numerator: enrolled patients (the latest package decision for the package, on or before the evaluation date, is "included"). Denominator: patients of the profile who are enrolled or have inclusion status "eligible" (enrolled plus candidates).',
  ]),
  level(1),
  level(2),
  level(3),
  ind('aarsstatus-12m', BOTH, ['Årsstatus inden for 12 måneder', 'Årsstatus within 12 months'], [
    `Tæller: tilmeldte patienter med en årsstatus-kontakt (for pakken eller uden pakke) inden for de seneste 12 kalendermåneder, begge dage medregnet. ${ENROLLED_DA}`,
    `Numerator: enrolled patients with an årsstatus encounter (for the package or without a package) within the last 12 calendar months, both ends inclusive. ${ENROLLED_EN}`,
  ]),
  ind('spirometry-24m', ['KOL'], ['Spirometri inden for 24 måneder', 'Spirometry within 24 months'], [
    `Tæller: tilmeldte patienter med en post-bronkodilatator-spirometri inden for de seneste 24 kalendermåneder. ${ENROLLED_DA}`,
    `Numerator: enrolled patients with a post-bronchodilator spirometry within the last 24 calendar months. ${ENROLLED_EN}`,
  ]),
  ind('start-back-done', ['LRS'], ['STarT Back udført', 'STarT Back done'], [
    `Tæller: tilmeldte patienter med et STarT Back-svar inden for de seneste 6 kalendermåneder (samme interval som plejepunktet lrs.start-back.missing). ${ENROLLED_DA}`,
    `Numerator: enrolled patients with a STarT Back response within the last 6 calendar months (the interval of the care item lrs.start-back.missing). ${ENROLLED_EN}`,
  ]),
  ind('pro-completed', BOTH, ['PRO udfyldt', 'PRO completed'], [
    `Tæller: tilmeldte patienter med PRO-status "completed" (ingen åbne PRO-plejepunkter og et besvaret skema for pakkens instrumenter inden for 12 måneder). ${ENROLLED_DA}`,
    `Numerator: enrolled patients whose PRO status is "completed" (no open PRO care items and a response to one of the package's instruments within 12 months). ${ENROLLED_EN}`,
  ]),
  ind('plan-shared', BOTH, ['Plan delt', 'Plan shared'], [
    `Tæller: tilmeldte patienter med en delt behandlingsplan (sharedPlans) for pakken inden for de seneste 12 kalendermåneder. ${ENROLLED_DA}`,
    `Numerator: enrolled patients with a shared treatment plan (sharedPlans) for the package within the last 12 calendar months. ${ENROLLED_EN}`,
  ]),
]);

/**
 * The indicators of one profile, in display order.
 *
 * @param profile - `KOL` or `LRS`
 * @returns the profile's indicator definitions
 * @example
 * ```ts
 * indicatorsOf('KOL').some((i) => i.id === 'spirometry-24m'); // true
 * ```
 */
export function indicatorsOf(profile: CockpitProfile): readonly IndicatorDefinition[] {
  return INDICATORS.filter((i) => i.profiles.includes(profile));
}
