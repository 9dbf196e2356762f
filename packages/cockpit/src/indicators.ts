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

const ENROLLED_DA =
  'Nævner: patienter i pakken (seneste pakkebeslutning for pakken, på eller før opgørelsesdatoen, er "included", og patienten er hverken udelukket eller ude af kriterierne).';
const ENROLLED_EN =
  'Denominator: patients in the package (the latest package decision for the package, on or before the evaluation date, is "included", and the patient is neither excluded nor not-eligible).';

function level(n: 1 | 2 | 3): IndicatorDefinition {
  return ind(`level-${String(n)}` as IndicatorId, BOTH, [`Niveau ${String(n)}`, `Level ${String(n)}`], [
    `Tæller: patienter i pakken med gældende niveau ${String(n)} (klinikerens seneste niveaubeslutning, ellers det foreslåede niveau). ${ENROLLED_DA}`,
    `Numerator: patients in the package whose effective level is ${String(n)} (the clinician's latest level decision, else the suggested level). ${ENROLLED_EN}`,
  ]);
}

/**
 * Every quality indicator, in display order, with the profiles it is
 * computed for. All but `enrolled` have the patients in the package (the
 * enrolment policy's standing `enrolled`: enrolled, and eligible or with data
 * missing; not the enrolled who are excluded or no longer eligible) as
 * denominator.
 *
 * | id | profiles | numerator | denominator |
 * |---|---|---|---|
 * | `enrolled` | both | in the package (enrolled; eligible or data missing) | in the package plus candidates |
 * | `level-1`, `level-2`, `level-3` | both | in the package with that effective level | in the package |
 * | `aarsstatus-12m` | both | in the package with an årsstatus (for the package or without one) in the last 12 months | in the package |
 * | `spirometry-24m` | KOL | in the package with a post-bronchodilator spirometry in the last 24 months | in the package |
 * | `start-back-done` | LRS | in the package with a STarT Back response in the last 6 months | in the package |
 * | `pro-completed` | both | in the package whose PRO status is `completed` | in the package |
 * | `plan-shared` | both | in the package with a shared plan for the package in the last 12 months | in the package |
 *
 * @example
 * ```ts
 * INDICATORS.filter((i) => i.profiles.includes('LRS')).map((i) => i.id);
 * ```
 */
export const INDICATORS: readonly IndicatorDefinition[] = Object.freeze([
  ind('enrolled', BOTH, ['Tilmeldt pakken', 'Enrolled in the package'], [
    'Tæller: patienter i pakken (seneste pakkebeslutning for pakken, på eller før opgørelsesdatoen, er "included", og patienten er hverken udelukket eller ude af kriterierne). Nævner: patienter i pakken plus kandidater (inklusionsstatus "eligible", ikke tilmeldt).',
    'Numerator: patients in the package (the latest package decision for the package, on or before the evaluation date, is "included", and the patient is neither excluded nor not-eligible). Denominator: patients in the package plus candidates (inclusion status "eligible", not enrolled).',
  ]),
  level(1),
  level(2),
  level(3),
  ind('aarsstatus-12m', BOTH, ['Årsstatus inden for 12 måneder', 'Årsstatus within 12 months'], [
    `Tæller: patienter i pakken med en årsstatus-kontakt (for pakken eller uden pakke) inden for de seneste 12 kalendermåneder, begge dage medregnet. ${ENROLLED_DA}`,
    `Numerator: patients in the package with an årsstatus encounter (for the package or without a package) within the last 12 calendar months, both ends inclusive. ${ENROLLED_EN}`,
  ]),
  ind('spirometry-24m', ['KOL'], ['Spirometri inden for 24 måneder', 'Spirometry within 24 months'], [
    `Tæller: patienter i pakken med en post-bronkodilatator-spirometri inden for de seneste 24 kalendermåneder. ${ENROLLED_DA}`,
    `Numerator: patients in the package with a post-bronchodilator spirometry within the last 24 calendar months. ${ENROLLED_EN}`,
  ]),
  ind('start-back-done', ['LRS'], ['STarT Back udført', 'STarT Back done'], [
    `Tæller: patienter i pakken med et STarT Back-svar inden for de seneste 6 kalendermåneder (samme interval som plejepunktet lrs.start-back.missing). ${ENROLLED_DA}`,
    `Numerator: patients in the package with a STarT Back response within the last 6 calendar months (the interval of the care item lrs.start-back.missing). ${ENROLLED_EN}`,
  ]),
  ind('pro-completed', BOTH, ['PRO udfyldt', 'PRO completed'], [
    `Tæller: patienter i pakken med PRO-status "completed" (ingen åbne PRO-plejepunkter og et besvaret skema for pakkens instrumenter inden for 12 måneder). ${ENROLLED_DA}`,
    `Numerator: patients in the package whose PRO status is "completed" (no open PRO care items and a response to one of the package's instruments within 12 months). ${ENROLLED_EN}`,
  ]),
  ind('plan-shared', BOTH, ['Plan delt', 'Plan shared'], [
    `Tæller: patienter i pakken med en delt behandlingsplan (sharedPlans) for pakken inden for de seneste 12 kalendermåneder. ${ENROLLED_DA}`,
    `Numerator: patients in the package with a shared treatment plan (sharedPlans) for the package within the last 12 calendar months. ${ENROLLED_EN}`,
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
