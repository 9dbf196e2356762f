/**
 * The SDK's message catalogue: every text the SDK shows, in Danish (primary)
 * and English, with typed parameters, and {@link formatMessage}.
 *
 * Texts never contain patient data from parameters other than those named
 * below, and parameters are only field paths, rule-pack ids, clinical
 * numbers the GP already sees, dates and categories: never a CPR or a name.
 *
 * @module
 */

import { KronikerpakkerError, formatPath } from '../errors/errors';
import type { ErrorCode, RecordIssue, RecordIssueCode } from '../errors/errors';
import { defineCatalogue } from './catalogue';
import type { MessageDefinition, ParamKind, ParamSpec, ParamValues } from './catalogue';
import { formatIsoDate, formatNumber, formatNumberTruncated, parseIsoDate } from './format';
import { DEFAULT_LOCALE, LOCALES, assertLocale } from './locale';
import type { Locale } from './locale';
import { isRedFlagCategory, redFlagCategoryLabel } from './red-flags';

/** `1 uge` / `12 uger`, chosen by the number as shown. */
function weeks(value: number, locale: Locale): string {
  // Completed weeks: truncated, so 11.9 weeks is never shown as "12 uger"
  // next to a requirement of at least 12 weeks.
  const shown = formatNumberTruncated(value, locale, 0);
  if (locale === 'da') return `${shown} ${shown === '1' ? 'uge' : 'uger'}`;
  return `${shown} ${shown === '1' ? 'week' : 'weeks'}`;
}

/** `1 episode` / `3 episoder` (counts are whole numbers). */
function episodes(value: number, locale: Locale): string {
  const shown = formatNumber(value, locale);
  if (locale === 'da') return `${shown} ${value === 1 ? 'episode' : 'episoder'}`;
  return `${shown} ${value === 1 ? 'episode' : 'episodes'}`;
}

/** `1 måned` / `12 måneder`. */
function months(value: number, locale: Locale): string {
  const shown = formatNumber(value, locale);
  if (locale === 'da') return `${shown} ${value === 1 ? 'måned' : 'måneder'}`;
  return `${shown} ${value === 1 ? 'month' : 'months'}`;
}

/** `den seneste måned` / `de seneste 12 måneder`. */
function lastMonths(value: number, locale: Locale): string {
  if (value === 1) return locale === 'da' ? 'den seneste måned' : 'the last month';
  return locale === 'da' ? `de seneste ${months(value, 'da')}` : `the last ${months(value, 'en')}`;
}

/**
 * FEV1/FVC with two decimals, truncated rather than rounded so the shown
 * ratio stays on the same side of the 0.70 cut-off as the measured one
 * (0.6951 is shown as 0,69, never as 0,70).
 */
function ratio(value: number, locale: Locale): string {
  return formatNumberTruncated(value, locale, 2);
}

/**
 * The catalogue: message code to parameter specification and one text per
 * locale. It is data: an integrator can list the codes, read which
 * parameters a message takes (`messages[code].params`) and render a text
 * directly (`messages[code].da(params)`), though {@link formatMessage} also
 * checks the code, locale and parameters at run time.
 *
 * Codes are grouped by prefix: `record.issue.*` (one per
 * {@link RecordIssueCode}, for vendors), `error.*` (one per
 * {@link ErrorCode}, for vendors), `cpr.*`, `synthetic.*`, `provisional.*`,
 * `inclusion.*`, `differentiation.*` and `care.*` (reasons, plans and care items shown to the GP)
 * and `missing.*` (one per missing-data code: what to record).
 *
 * @example
 * ```ts
 * messages['inclusion.age.below'].params;               // { minAge: 'integer' }
 * messages['inclusion.age.below'].da({ minAge: 40 });   // 'Patienten er under 40 år.'
 * ```
 */
export const messages = defineCatalogue({
  // ---------------------------------------------------------------------------
  // Record issues (vendor-facing): where a PatientRecord is wrong. `path` is a
  // field path such as `spirometry[0].fev1L`, never a value.
  // ---------------------------------------------------------------------------
  'record.issue.required': {
    params: { path: 'string' },
    da: (p) => `Feltet ${p.path} mangler. Det skal udfyldes.`,
    en: (p) => `The field ${p.path} is missing. It is required.`,
  },
  'record.issue.invalid-type': {
    params: { path: 'string' },
    da: (p) => `Feltet ${p.path} har forkert type, for eksempel tekst, hvor der skal stå et tal.`,
    en: (p) => `The field ${p.path} has the wrong type, for example text where a number belongs.`,
  },
  'record.issue.invalid-format': {
    params: { path: 'string' },
    da: (p) => `Feltet ${p.path} har forkert format, for eksempel en dato, der ikke er skrevet som ÅÅÅÅ-MM-DD.`,
    en: (p) => `The field ${p.path} has the wrong format, for example a date not written as YYYY-MM-DD.`,
  },
  'record.issue.invalid-date': {
    params: { path: 'string' },
    da: (p) => `Feltet ${p.path} indeholder en dato, der ikke findes i kalenderen.`,
    en: (p) => `The field ${p.path} holds a date that does not exist in the calendar.`,
  },
  'record.issue.future-date': {
    params: { path: 'string' },
    da: (p) => `Feltet ${p.path} indeholder en dato, der ligger efter evalueringsdatoen (asOf).`,
    en: (p) => `The field ${p.path} holds a date after the evaluation date (asOf).`,
  },
  'record.issue.out-of-range': {
    params: { path: 'string' },
    da: (p) => `Feltet ${p.path} har en værdi uden for det mulige interval.`,
    en: (p) => `The field ${p.path} has a value outside the possible range.`,
  },
  'record.issue.invalid-value': {
    params: { path: 'string' },
    da: (p) => `Feltet ${p.path} har en værdi, der ikke er blandt de tilladte.`,
    en: (p) => `The field ${p.path} has a value that is not one of the allowed values.`,
  },
  'record.issue.unknown-field': {
    params: { path: 'string' },
    da: (p) => `Feltet ${p.path} er ukendt. Ukendte felter er ikke tilladt.`,
    en: (p) => `The field ${p.path} is unknown. Unknown fields are not allowed.`,
  },
  'record.issue.inconsistent': {
    params: { path: 'string' },
    da: (p) =>
      `Feltet ${p.path} stemmer ikke overens med et andet felt, for eksempel FEV1 større end FVC eller en slutdato før startdatoen.`,
    en: (p) =>
      `The field ${p.path} contradicts another field, for example FEV1 above FVC or an end date before the start date.`,
  },
  'record.issue.replacement-number': {
    params: { path: 'string' },
    da: (p) => `Feltet ${p.path} indeholder et erstatningsnummer, hvor der skal stå et CPR-nummer.`,
    en: (p) => `The field ${p.path} holds a replacement number where a CPR number belongs.`,
  },

  // ---------------------------------------------------------------------------
  // Error codes (vendor-facing): one per ErrorCode.
  // ---------------------------------------------------------------------------
  'error.INVALID_RECORD': {
    params: {},
    da: () => 'Patientoplysningerne er ugyldige. Se fejlene for de enkelte felter.',
    en: () => 'The patient record is invalid. See the issues for each field.',
  },
  'error.INVALID_RULE_PACK': {
    params: {},
    da: () => 'Regelpakken er ugyldig, eller ingen version af den gælder på datoen.',
    en: () => 'The rule pack is invalid, or no version of it applies on the date.',
  },
  'error.INVALID_ARGUMENT': {
    params: {},
    da: () => "Et argument til en funktion i SDK'et er ugyldigt.",
    en: () => 'An argument to an SDK function is invalid.',
  },
  'error.INVALID_CPR': {
    params: {},
    da: () => 'CPR-nummeret kunne ikke læses.',
    en: () => 'The CPR number could not be read.',
  },
  'error.INTERNAL': {
    params: {},
    da: () => "Der opstod en intern fejl i SDK'et. Meld venligst fejlen til udviklerne.",
    en: () => 'An internal error occurred in the SDK. Please report it to the developers.',
  },

  // ---------------------------------------------------------------------------
  // CPR numbers.
  // ---------------------------------------------------------------------------
  'cpr.mod11.invalid': {
    params: {},
    da: () =>
      'CPR-nummeret opfylder ikke modulus 11-kontrollen. Det er normalt for numre udstedt fra 1. oktober 2007 og er ikke en fejl.',
    en: () =>
      'The CPR number does not pass the modulus 11 check. This is normal for numbers issued from 1 October 2007 and is not an error.',
  },
  'cpr.replacement-number': {
    params: {},
    da: () => 'Nummeret er et erstatningsnummer og ikke et CPR-nummer.',
    en: () => 'The number is a replacement number, not a CPR number.',
  },

  // ---------------------------------------------------------------------------
  // Synthetic data and provisional rules.
  // ---------------------------------------------------------------------------
  'synthetic.record': {
    params: {},
    da: () => 'Syntetiske data – ikke en rigtig patient',
    en: () => 'Synthetic data – not a real patient',
  },
  'provisional.rule': {
    // `ruleSet` is a rule-pack id, not patient data.
    params: { ruleSet: 'string' },
    da: (p) => `Foreløbig regel: ${p.ruleSet} er ikke fastlagt nationalt endnu.`,
    en: (p) => `Provisional rule: ${p.ruleSet} has not yet been agreed nationally.`,
  },

  // ---------------------------------------------------------------------------
  // Inclusion reasons (read by the GP).
  // ---------------------------------------------------------------------------
  'inclusion.kol.diagnosis.present': {
    params: {},
    da: () => 'Patienten har en registreret KOL-diagnose.',
    en: () => 'The patient has a recorded COPD diagnosis.',
  },
  'inclusion.kol.diagnosis.absent': {
    params: {},
    da: () => 'Patienten har ingen registreret KOL-diagnose.',
    en: () => 'The patient has no recorded COPD diagnosis.',
  },
  'inclusion.kol.spirometry.confirms': {
    params: { ratio: 'number' },
    da: (p) => `Spirometrien bekræfter KOL-diagnosen: FEV1/FVC er ${ratio(p.ratio, 'da')}.`,
    en: (p) => `Spirometry confirms the COPD diagnosis: FEV1/FVC is ${ratio(p.ratio, 'en')}.`,
  },
  'inclusion.kol.spirometry.contradicts': {
    params: { ratio: 'number' },
    da: (p) =>
      `Spirometrien viser ikke obstruktion: FEV1/FVC er ${ratio(p.ratio, 'da')}. Overvej, om KOL-diagnosen er rigtig.`,
    en: (p) =>
      `Spirometry shows no obstruction: FEV1/FVC is ${ratio(p.ratio, 'en')}. Consider whether the COPD diagnosis is correct.`,
  },
  'inclusion.kol.spirometry.missing': {
    params: {},
    da: () => 'Der er ingen registreret spirometri, der bekræfter KOL-diagnosen.',
    en: () => 'No spirometry is recorded to confirm the COPD diagnosis.',
  },
  'inclusion.age.below': {
    params: { minAge: 'integer' },
    da: (p) => `Patienten er under ${formatNumber(p.minAge, 'da')} år.`,
    en: (p) => `The patient is under ${formatNumber(p.minAge, 'en')} years of age.`,
  },
  'inclusion.excluded.hospital': {
    params: {},
    da: () => 'Patienten følges på sygehus for sygdommen og indgår derfor ikke i pakken.',
    en: () => 'The patient is followed at a hospital for this condition and is therefore not included in the package.',
  },
  'inclusion.excluded.declined': {
    params: { date: 'date' },
    da: (p) => `Patienten takkede nej til pakken den ${formatIsoDate(p.date, 'da')}.`,
    en: (p) => `The patient declined the package on ${formatIsoDate(p.date, 'en')}.`,
  },
  'inclusion.excluded.deceased': {
    params: {},
    da: () => 'Patienten er registreret som død.',
    en: () => 'The patient is recorded as deceased.',
  },
  'inclusion.excluded.not-listed': {
    params: {},
    da: () => 'Patienten er ikke tilmeldt praksis.',
    en: () => 'The patient is not listed with the practice.',
  },
  'inclusion.lrs.duration.met': {
    params: { weeks: 'number' },
    da: (p) => `Lænderygsmerterne har varet i ${weeks(p.weeks, 'da')}. Det opfylder kravet til varighed.`,
    en: (p) => `The low back pain has lasted ${weeks(p.weeks, 'en')}. This meets the duration criterion.`,
  },
  'inclusion.lrs.duration.short': {
    params: { weeks: 'number', minWeeks: 'integer' },
    da: (p) => `Lænderygsmerterne har varet i ${weeks(p.weeks, 'da')}. Pakken kræver mindst ${weeks(p.minWeeks, 'da')}.`,
    en: (p) =>
      `The low back pain has lasted ${weeks(p.weeks, 'en')}. The package requires at least ${weeks(p.minWeeks, 'en')}.`,
  },
  'inclusion.lrs.recurrent': {
    params: { episodes: 'integer' },
    da: (p) =>
      `Patienten har tilbagevendende lænderygsmerter: ${formatNumber(p.episodes, 'da')} ${p.episodes === 1 ? 'episode' : 'episoder'}.`,
    en: (p) =>
      `The patient has recurrent low back pain: ${formatNumber(p.episodes, 'en')} ${p.episodes === 1 ? 'episode' : 'episodes'}.`,
  },
  'inclusion.lrs.red-flag': {
    params: { category: 'red-flag-category' },
    da: (p) =>
      `Rødt flag: mistanke om ${redFlagCategoryLabel(p.category, 'da')}. Vurder patienten straks, og henvis akut, hvis mistanken ikke kan afkræftes. Start ikke pakkeforløbet, før mistanken er afklaret.`,
    en: (p) =>
      `Red flag: suspected ${redFlagCategoryLabel(p.category, 'en')}. Assess the patient now and refer urgently unless the suspicion can be ruled out. Do not start the package until the suspicion is resolved.`,
  },

  // Inclusion reasons added with @kronikerpakker/inclusion (read by the GP).
  'inclusion.age.met': {
    params: { minAge: 'integer' },
    da: (p) => `Patienten er mindst ${formatNumber(p.minAge, 'da')} år.`,
    en: (p) => `The patient is at least ${formatNumber(p.minAge, 'en')} years of age.`,
  },
  'inclusion.kol.spirometry.unconfirmed': {
    params: {},
    da: () => 'KOL-diagnosen er ikke bekræftet: der er ingen registreret spirometri efter bronkodilatation.',
    en: () => 'The COPD diagnosis is not confirmed: no post-bronchodilator spirometry is recorded.',
  },
  'inclusion.excluded.declined.revisitable': {
    params: { date: 'date' },
    da: (p) =>
      `Patienten fravalgte pakken den ${formatIsoDate(p.date, 'da')}. Beslutningen kan tages op igen, hvis patienten ønsker det.`,
    en: (p) =>
      `The patient declined the package on ${formatIsoDate(p.date, 'en')}. The decision can be revisited if the patient wishes.`,
  },
  'inclusion.lrs.diagnosis.present': {
    params: {},
    da: () => 'Patienten har en registreret diagnose for lænderygsmerter.',
    en: () => 'The patient has a recorded low back pain diagnosis.',
  },
  'inclusion.lrs.diagnosis.absent': {
    params: {},
    da: () => 'Patienten har ingen registreret diagnose for lænderygsmerter.',
    en: () => 'The patient has no recorded low back pain diagnosis.',
  },
  'inclusion.lrs.persistence.not-met': {
    params: { weeks: 'number', minWeeks: 'integer', episodes: 'integer', minEpisodes: 'integer', months: 'integer' },
    da: (p) =>
      `Lænderygsmerterne har varet i ${weeks(p.weeks, 'da')}, og der er ${episodes(p.episodes, 'da')} inden for ${lastMonths(p.months, 'da')}. Pakken kræver mindst ${weeks(p.minWeeks, 'da')} eller mindst ${episodes(p.minEpisodes, 'da')} inden for ${months(p.months, 'da')}.`,
    en: (p) =>
      `The low back pain has lasted ${weeks(p.weeks, 'en')}, with ${episodes(p.episodes, 'en')} in ${lastMonths(p.months, 'en')}. The package requires at least ${weeks(p.minWeeks, 'en')}, or at least ${episodes(p.minEpisodes, 'en')} within ${months(p.months, 'en')}.`,
  },
  'inclusion.lrs.persistence.unknown': {
    params: {},
    da: () =>
      'Varigheden af lænderygsmerterne kan ikke vurderes: der er ingen registreret debutdato for en aktuel episode.',
    en: () => 'The duration of the low back pain cannot be assessed: no onset date of a current episode is recorded.',
  },

  // ---------------------------------------------------------------------------
  // Differentiation levels 1/2/3 (added with @kronikerpakker/differentiation;
  // read by the GP). A driver's text may take `value`: the fact value used.
  // ---------------------------------------------------------------------------
  'differentiation.summary.determined': {
    params: { level: 'integer' },
    da: (p) => `Foreslået niveau ${formatNumber(p.level, 'da')}.`,
    en: (p) => `Suggested level ${formatNumber(p.level, 'en')}.`,
  },
  'differentiation.summary.undetermined': {
    params: { level: 'integer', maximum: 'integer' },
    da: (p) =>
      `Foreslået niveau er mindst ${formatNumber(p.level, 'da')}. Manglende oplysninger kan hæve det til højst ${formatNumber(p.maximum, 'da')}.`,
    en: (p) =>
      `The suggested level is at least ${formatNumber(p.level, 'en')}. Missing information could raise it to at most ${formatNumber(p.maximum, 'en')}.`,
  },
  'differentiation.clinician.differs': {
    params: { decided: 'integer', suggested: 'integer' },
    da: (p) =>
      `Klinikeren har valgt niveau ${formatNumber(p.decided, 'da')}; forslaget er niveau ${formatNumber(p.suggested, 'da')}. Klinikerens beslutning gælder.`,
    en: (p) =>
      `The clinician chose level ${formatNumber(p.decided, 'en')}; the suggestion is level ${formatNumber(p.suggested, 'en')}. The clinician's decision applies.`,
  },
  'differentiation.reassessment.aarsstatus': {
    params: { date: 'date' },
    da: (p) => `Årsstatus den ${formatIsoDate(p.date, 'da')} efter seneste niveaubeslutning: vurder niveauet igen.`,
    en: (p) => `Årsstatus (yearly review) on ${formatIsoDate(p.date, 'en')} after the latest level decision: reassess the level.`,
  },
  'differentiation.reassessment.after-admission': {
    params: { date: 'date' },
    da: (p) => `Indlæggelse den ${formatIsoDate(p.date, 'da')} efter seneste niveaubeslutning: vurder niveauet igen.`,
    en: (p) => `Hospital admission on ${formatIsoDate(p.date, 'en')} after the latest level decision: reassess the level.`,
  },
  'differentiation.reassessment.severity-changed': {
    params: {},
    da: () => 'Sygdommens sværhedsgrad er ændret siden seneste niveaubeslutning: vurder niveauet igen.',
    en: () => 'The severity of the condition has changed since the latest level decision: reassess the level.',
  },
  'differentiation.kol.gold-group-e': {
    params: {},
    da: () => 'GOLD-gruppe E: mindst 2 moderate eksacerbationer eller 1 med indlæggelse inden for de seneste 12 måneder.',
    en: () => 'GOLD group E: at least 2 moderate exacerbations, or 1 leading to hospital admission, in the last 12 months.',
  },
  'differentiation.kol.gold-grade-4': {
    params: {},
    da: () => 'GOLD 4: FEV1 under 30 % af forventet værdi.',
    en: () => 'GOLD 4: FEV1 below 30 % of predicted.',
  },
  'differentiation.kol.gold-group-b': {
    params: {},
    da: () => 'GOLD-gruppe B: MRC 3 eller derover (mMRC 2 eller derover) eller CAT 10 eller derover.',
    en: () => 'GOLD group B: MRC 3 or more (mMRC 2 or more), or CAT 10 or more.',
  },
  'differentiation.kol.gold-grade-3': {
    params: {},
    da: () => 'GOLD 3: FEV1 fra 30 til under 50 % af forventet værdi.',
    en: () => 'GOLD 3: FEV1 from 30 to below 50 % of predicted.',
  },
  'differentiation.lrs.start-back-high': {
    params: {},
    da: () => 'STarT Back: høj risiko.',
    en: () => 'STarT Back: high risk.',
  },
  'differentiation.lrs.start-back-medium': {
    params: {},
    da: () => 'STarT Back: mellem risiko.',
    en: () => 'STarT Back: medium risk.',
  },
  'differentiation.lrs.odi-severe': {
    params: { value: 'number' },
    da: (p) => `Oswestry-score ${formatNumber(p.value, 'da', 0)} %: svært nedsat funktion.`,
    en: (p) => `Oswestry score ${formatNumber(p.value, 'en', 0)} %: severe disability.`,
  },
  'differentiation.factor.multimorbidity': {
    params: { value: 'integer' },
    da: (p) => `Multisygdom: ${formatNumber(p.value, 'da')} andre kroniske sygdomme på problemlisten.`,
    en: (p) => `Multimorbidity: ${formatNumber(p.value, 'en')} other chronic conditions on the problem list.`,
  },
  'differentiation.factor.mental-health-diagnosis': {
    params: {},
    da: () => 'Psykisk helbred: depression eller angst på problemlisten.',
    en: () => 'Mental health: depression or anxiety on the problem list.',
  },
  'differentiation.factor.mental-health-screen': {
    params: {},
    da: () => 'Psykisk helbred: positiv screening registreret af klinikeren.',
    en: () => 'Mental health: a positive screen recorded by the clinician.',
  },
  'differentiation.factor.health-literacy': {
    params: { value: 'integer' },
    da: (p) => `Sundhedskompetence: SILS ${formatNumber(p.value, 'da')}, muligvis begrænset.`,
    en: (p) => `Health literacy: SILS ${formatNumber(p.value, 'en')}, possibly limited.`,
  },
  'differentiation.factor.lives-alone': {
    params: {},
    da: () => 'Bor alene uden netværk.',
    en: () => 'Lives alone without a network.',
  },
  'differentiation.factor.caregiver-burden': {
    params: {},
    da: () => 'Pårørendebelastning.',
    en: () => 'Caregiver burden.',
  },
  'differentiation.factor.language-barrier': {
    params: {},
    da: () => 'Sprogbarriere eller behov for tolk.',
    en: () => 'Language barrier or interpreter needed.',
  },
  'differentiation.factor.substance-abuse': {
    params: {},
    da: () => 'Misbrug.',
    en: () => 'Substance abuse.',
  },
  'differentiation.factor.self-management-partial': {
    params: {},
    da: () => 'Egenomsorg: delvis (tæller som 1 faktor).',
    en: () => 'Self-management capacity: partial (counts as 1 factor).',
  },
  'differentiation.factor.self-management-poor': {
    params: {},
    da: () => 'Egenomsorg: ringe (tæller som 2 faktorer).',
    en: () => 'Self-management capacity: poor (counts as 2 factors).',
  },
  'differentiation.factor.sick-leave': {
    params: { value: 'integer' },
    da: (p) => `Arbejde: sygemeldt i ${weeks(p.value, 'da')}.`,
    en: (p) => `Work: on sick leave for ${weeks(p.value, 'en')}.`,
  },
  'differentiation.factor.job-at-risk': {
    params: {},
    da: () => 'Arbejde: risiko for at miste tilknytningen til arbejdet.',
    en: () => 'Work: job at risk.',
  },
  'differentiation.clinician.complex-course': {
    params: {},
    da: () => 'Klinikeren har vurderet forløbet som komplekst.',
    en: () => 'The clinician has judged the course to be complex.',
  },
  'differentiation.level.1': {
    params: {},
    da: () => 'Niveau 1: opstart af pakkeforløb med støtte til egenomsorg.',
    en: () => 'Level 1: start-up package with self-management support.',
  },
  'differentiation.level.2': {
    params: {},
    da: () => 'Niveau 2: yderligere indsatser (trin 2).',
    en: () => 'Level 2: further efforts (Trin 2).',
  },
  'differentiation.level.3': {
    params: {},
    da: () => 'Niveau 3: komplekst forløb, koordineret på tværs af sektorer.',
    en: () => 'Level 3: complex course, coordinated across sectors.',
  },
  'differentiation.aarsstatus.every': {
    params: { months: 'integer' },
    da: (p) => `Årsstatus hver ${formatNumber(p.months, 'da')}. måned.`,
    en: (p) => `Årsstatus (yearly review) every ${months(p.months, 'en')}.`,
  },
  'differentiation.follow-up.none': {
    params: {},
    da: () => 'Ingen planlagt opfølgning ud over årsstatus.',
    en: () => 'No planned follow-up beyond the årsstatus.',
  },
  'differentiation.follow-up.every': {
    params: { months: 'integer' },
    da: (p) => `Planlagt opfølgning hver ${formatNumber(p.months, 'da')}. måned.`,
    en: (p) => `Planned follow-up every ${months(p.months, 'en')}.`,
  },
  'differentiation.pro-before.aarsstatus': {
    params: {},
    da: () => 'PRO-skema før årsstatus.',
    en: () => 'PRO questionnaire before the årsstatus.',
  },
  'differentiation.pro-before.aarsstatus-and-follow-up': {
    params: {},
    da: () => 'PRO-skema før årsstatus og før hver opfølgning.',
    en: () => 'PRO questionnaire before the årsstatus and before each follow-up.',
  },
  'differentiation.offer.kol.self-management-plan': {
    params: {},
    da: () => 'Egenbehandlingsplan, også ved forværring.',
    en: () => 'Self-management plan, including an exacerbation action plan.',
  },
  'differentiation.offer.kol.smoking-cessation': {
    params: {},
    da: () => 'Rygestoptilbud til rygere.',
    en: () => 'Smoking cessation support for smokers.',
  },
  'differentiation.offer.kol.municipal-rehabilitation': {
    params: {},
    da: () => 'Kommunal rehabilitering.',
    en: () => 'Municipal rehabilitation.',
  },
  'differentiation.offer.kol.specialist-assessment': {
    params: {},
    da: () => 'Overvej vurdering hos lungemediciner.',
    en: () => 'Consider assessment by a pulmonologist.',
  },
  'differentiation.offer.coordinator': {
    params: {},
    da: () => 'Tovholder, der koordinerer forløbet.',
    en: () => 'A coordinator (tovholder) for the course.',
  },
  'differentiation.offer.lrs.advice': {
    params: {},
    da: () => 'Rådgivning om lænderygsmerter.',
    en: () => 'Advice about low back pain.',
  },
  'differentiation.offer.lrs.self-management-material': {
    params: {},
    da: () => 'Materiale til egenomsorg.',
    en: () => 'Self-management material.',
  },
  'differentiation.offer.lrs.supervised-exercise': {
    params: {},
    da: () => 'Superviseret træning eller fysioterapi.',
    en: () => 'Supervised exercise or physiotherapy.',
  },
  'differentiation.offer.lrs.psychologically-informed-physiotherapy': {
    params: {},
    da: () => 'Psykologisk informeret fysioterapi.',
    en: () => 'Psychologically informed physiotherapy.',
  },
  'differentiation.offer.lrs.multidisciplinary-assessment': {
    params: {},
    da: () => 'Tværfaglig vurdering.',
    en: () => 'Multidisciplinary assessment.',
  },

  // Missing data added with @kronikerpakker/differentiation (one per new MissingDataCode).
  'missing.needs-assessment': {
    params: {},
    da: () => 'Behovsvurdering registreret af klinikeren',
    en: () => 'Needs assessment recorded by the clinician',
  },
  'missing.start-back': {
    params: {},
    da: () => 'STarT Back-screening',
    en: () => 'STarT Back screening',
  },
  'missing.odi': {
    params: {},
    da: () => 'Oswestry-funktionsindeks (ODI)',
    en: () => 'Oswestry Disability Index (ODI)',
  },
  'missing.sils': {
    params: {},
    da: () => 'Screening for sundhedskompetence (SILS)',
    en: () => 'Health literacy screening (SILS)',
  },

  // Care items added with @kronikerpakker/business-rules (PROVISIONAL rule packs kol-care and lrs-care).
  'care.kol.aarsstatus.overdue': {
    params: { date: 'date' },
    da: (p) => `Årsstatus er overskredet: den skulle have været holdt senest den ${formatIsoDate(p.date, 'da')}.`,
    en: (p) => `The yearly review (årsstatus) is overdue: it was due by ${formatIsoDate(p.date, 'en')}.`,
  },
  'care.kol.aarsstatus.due': {
    params: { date: 'date' },
    da: (p) => `Årsstatus skal holdes senest den ${formatIsoDate(p.date, 'da')}.`,
    en: (p) => `The yearly review (årsstatus) is due by ${formatIsoDate(p.date, 'en')}.`,
  },
  'care.kol.aarsstatus.none': {
    params: { date: 'date' },
    da: (p) => `Der er ingen årsstatus registreret for KOL: hold en årsstatus nu (${formatIsoDate(p.date, 'da')}).`,
    en: (p) => `No yearly review (årsstatus) is recorded for KOL: hold one now (${formatIsoDate(p.date, 'en')}).`,
  },
  'care.kol.follow-up.overdue': {
    params: { date: 'date' },
    da: (p) => `Opfølgning efter kontaktplanen er overskredet: den skulle have været holdt senest den ${formatIsoDate(p.date, 'da')}.`,
    en: (p) => `The follow-up of the contact plan is overdue: it was due by ${formatIsoDate(p.date, 'en')}.`,
  },
  'care.kol.follow-up.due': {
    params: { date: 'date' },
    da: (p) => `Opfølgning efter kontaktplanen skal holdes senest den ${formatIsoDate(p.date, 'da')}.`,
    en: (p) => `The follow-up of the contact plan is due by ${formatIsoDate(p.date, 'en')}.`,
  },
  'care.kol.spirometry.due': {
    params: {},
    da: () => 'Der er ingen spirometri fra de seneste 12 måneder: tag en spirometri ved årsstatus.',
    en: () => 'No spirometry in the last 12 months: perform one at the yearly review.',
  },
  'care.kol.mrc.missing': {
    params: {},
    da: () => 'MRC-åndenødsgrad er ikke registreret de seneste 12 måneder.',
    en: () => 'No MRC dyspnoea grade recorded in the last 12 months.',
  },
  'care.kol.cat.missing': {
    params: {},
    da: () => 'CAT er ikke registreret de seneste 12 måneder.',
    en: () => 'No CAT score recorded in the last 12 months.',
  },
  'care.kol.smoking-cessation': {
    params: {},
    da: () => 'Patienten ryger: tilbyd rygestop.',
    en: () => 'The patient smokes: offer smoking cessation.',
  },
  'care.kol.influenza-vaccination': {
    params: {},
    da: () => 'Influenzavaccination er ikke givet i denne sæson (vaccinationsperioden 1. oktober til 15. januar): påmind patienten.',
    en: () => 'No influenza vaccination this season (the vaccination period, 1 October to 15 January): remind the patient.',
  },
  'care.kol.pneumococcal-vaccination': {
    params: {},
    da: () => 'Pneumokokvaccination er aldrig registreret: påmind patienten.',
    en: () => 'No pneumococcal vaccination is recorded: remind the patient.',
  },
  'care.kol.exacerbations.review': {
    params: {},
    da: () => 'Hyppige eller svære eksacerbationer de seneste 12 måneder: gennemgå behandlingen og niveauet.',
    en: () => 'Frequent or severe exacerbations in the last 12 months: review the treatment and the level.',
  },
  'care.kol.rehabilitation': {
    params: {},
    da: () => 'GOLD-gruppe B eller E uden henvisning til rehabilitering de seneste 24 måneder: overvej kommunal rehabilitering.',
    en: () => 'GOLD group B or E without a rehabilitation referral in the last 24 months: consider municipal rehabilitation.',
  },
  'care.kol.inhaler-technique': {
    params: {},
    da: () => 'Inhalationsteknikken er ikke kontrolleret de seneste 12 måneder.',
    en: () => 'Inhaler technique not checked in the last 12 months.',
  },
  'care.kol.dxa': {
    params: {},
    da: () => 'Svær KOL (FEV1 under 50 % af forventet) og ingen DXA-scanning registreret: overvej henvisning (osteoporose ved svær KOL).',
    en: () => 'Severe KOL (FEV1 below 50 % predicted) and no DXA scan recorded: consider a referral (osteoporosis in severe KOL).',
  },
  'care.kol.pro.cat-before-aarsstatus': {
    params: { date: 'date' },
    da: (p) => `Send CAT-spørgeskemaet før årsstatus (senest den ${formatIsoDate(p.date, 'da')}).`,
    en: (p) => `Send the CAT questionnaire before the yearly review (due by ${formatIsoDate(p.date, 'en')}).`,
  },
  'care.kol.level.reassessment': {
    params: {},
    da: () => 'Niveauet bør revurderes.',
    en: () => 'The level should be re-assessed.',
  },
  'care.lrs.red-flag.open': {
    params: {},
    da: () => 'Alarmsymptom til stede og ikke afklaret: vurder akut. Pakkeforløbet venter, til det er afklaret.',
    en: () => 'An urgent warning sign is present and not cleared: assess urgently. The package waits until it is cleared.',
  },
  'care.lrs.risk-factors.consider-assessment': {
    params: {},
    da: () =>
      'Flere risikofaktorer for alvorlig rygsygdom på én gang (fx høj alder, osteoporose, langvarig steroidbehandling, tidligere kræft), men intet alarmsymptom: overvej yderligere udredning.',
    en: () =>
      'Several risk factors for serious spinal pathology at once (such as high age, osteoporosis, long-term steroids, previous cancer) but no urgent warning sign: consider further assessment.',
  },
  'care.lrs.risk-factor.noted': {
    params: {},
    da: () =>
      'En risikofaktor er registreret (fx høj alder eller osteoporose). Alene er den ikke et alarmsymptom og ændrer ikke forløbet; vær opmærksom, hvis flere kommer til eller symptomerne ændrer sig.',
    en: () =>
      'A risk factor is recorded (such as high age or osteoporosis). Alone it is not a warning sign and does not change the course; watch for more, or for a change in symptoms.',
  },
  'care.lrs.self-management': {
    params: {},
    da: () => 'STarT Back lav risiko: råd og støtte til egenomsorg hos egen læge; henvis ikke rutinemæssigt til fysioterapi.',
    en: () => 'STarT Back low risk: advice and self-management support from the GP; no routine referral to physiotherapy.',
  },
  'care.lrs.start-back.missing': {
    params: {},
    da: () => 'STarT Back er ikke udfyldt de seneste 6 måneder.',
    en: () => 'STarT Back not recorded in the last 6 months.',
  },
  'care.lrs.red-flag-review.missing': {
    params: {},
    da: () => 'Røde flag er ikke vurderet i den aktuelle episode.',
    en: () => 'Red flags have not been reviewed in the current episode.',
  },
  'care.lrs.sick-leave': {
    params: {},
    da: () => 'Sygemeldt i 4 uger eller mere: tal om fastholdelse i arbejde.',
    en: () => 'On sick leave for 4 weeks or more: discuss work retention.',
  },
  'care.lrs.physiotherapy': {
    params: {},
    da: () => 'STarT Back middel risiko og ingen henvisning til fysioterapi: overvej henvisning.',
    en: () => 'STarT Back medium risk and no physiotherapy referral: consider a referral.',
  },
  'care.lrs.psychologically-informed-care': {
    params: {},
    da: () => 'STarT Back høj risiko og ingen henvisning til psykologisk informeret fysioterapi eller tværfaglig vurdering: overvej henvisning.',
    en: () => 'STarT Back high risk and no referral to psychologically informed physiotherapy or a multidisciplinary assessment: consider a referral.',
  },
  'care.lrs.follow-up.overdue': {
    params: { date: 'date' },
    da: (p) => `Opfølgning efter kontaktplanen er overskredet: den skulle have været holdt senest den ${formatIsoDate(p.date, 'da')}.`,
    en: (p) => `The follow-up of the contact plan is overdue: it was due by ${formatIsoDate(p.date, 'en')}.`,
  },
  'care.lrs.follow-up.due': {
    params: { date: 'date' },
    da: (p) => `Opfølgning efter kontaktplanen skal holdes senest den ${formatIsoDate(p.date, 'da')}.`,
    en: (p) => `The follow-up of the contact plan is due by ${formatIsoDate(p.date, 'en')}.`,
  },
  'care.lrs.pro.due': {
    params: {},
    da: () => 'PRO-skemaer (ODI eller Roland-Morris, og NRS-smerte) skal udfyldes: mindst ét mangler fra de seneste 6 måneder.',
    en: () => 'PRO questionnaires (ODI or Roland-Morris, and NRS pain) are due: at least one is missing from the last 6 months.',
  },
  'care.lrs.imaging.without-red-flag': {
    params: {},
    da: () => 'Billeddiagnostik af ryggen uden rødt flag: den nationale retningslinje fraråder rutinemæssig billeddiagnostik.',
    en: () => 'Spine imaging without a red flag: the national guideline advises against routine imaging.',
  },
  'care.dq.fev1-percent-implausible': {
    params: {},
    da: () => 'Datakvalitet: en FEV1 over 150 % af forventet er usandsynlig. Kontroller spirometrien.',
    en: () => 'Data quality: an FEV1 above 150 % predicted is implausible. Check the spirometry.',
  },
  'care.dq.fev1-percent-as-fraction': {
    params: {},
    da: () =>
      'Datakvalitet: en FEV1 under 10 % af forventet er usandsynlig; ofte er værdien sendt som brøk (0,58 i stedet for 58). Kontroller spirometrien: GOLD-graden bygger på den.',
    en: () =>
      'Data quality: an FEV1 below 10 % predicted is implausible; usually the value was sent as a fraction (0.58 instead of 58). Check the spirometry: the GOLD grade rests on it.',
  },
  'care.dq.bmi-implausible': {
    params: {},
    da: () => 'Datakvalitet: et BMI under 12 eller over 70 er usandsynligt. Kontroller højde og vægt.',
    en: () => 'Data quality: a BMI below 12 or above 70 is implausible. Check height and weight.',
  },
  'care.dq.ratio-mismatch': {
    params: {},
    da: () => 'Datakvalitet: den angivne FEV1/FVC passer ikke med FEV1 og FVC (afvigelse over 0,02).',
    en: () => 'Data quality: the given FEV1/FVC does not match FEV1 and FVC (difference above 0.02).',
  },
  'care.dq.kol-without-spirometry': {
    params: {},
    da: () => 'Datakvalitet: KOL-diagnose uden nogen spirometri.',
    en: () => 'Data quality: a KOL diagnosis without any spirometry.',
  },
  'care.dq.spirometry-contradicts-kol': {
    params: {},
    da: () => 'Datakvalitet: spirometrien viser ikke obstruktion (FEV1/FVC efter bronkodilatation 0,70 eller mere) trods KOL-diagnosen.',
    en: () => 'Data quality: the spirometry shows no obstruction (post-bronchodilator FEV1/FVC 0.70 or more) despite the KOL diagnosis.',
  },
  'care.dq.spirometry-disagrees': {
    params: {},
    da: () =>
      'Datakvalitet: en nyere spirometri efter bronkodilatation viser FEV1/FVC 0,70 eller mere, efter en tidligere under 0,70. Vurder diagnosen og gentag evt. spirometrien.',
    en: () =>
      'Data quality: a later post-bronchodilator spirometry shows FEV1/FVC 0.70 or more, after an earlier one below 0.70. Review the diagnosis and consider repeating the spirometry.',
  },
  'care.dq.cpr-sex-mismatch': {
    params: {},
    da: () => 'Datakvalitet: det registrerede køn passer ikke med CPR-nummeret.',
    en: () => 'Data quality: the recorded sex does not match the CPR number.',
  },
  'care.dq.cpr-birth-date-mismatch': {
    params: {},
    da: () => 'Datakvalitet: den registrerede fødselsdato passer ikke med CPR-nummeret.',
    en: () => 'Data quality: the recorded birth date does not match the CPR number.',
  },
  'care.dq.duplicate-entries': {
    params: {},
    da: () => 'Datakvalitet: samme registrering findes to gange på samme dag.',
    en: () => 'Data quality: the same entry is recorded twice on one day.',
  },

  // Missing data: what would let the SDK decide (one per MissingDataCode).
  'missing.post-bronchodilator-spirometry': {
    params: {},
    da: () => 'Spirometri efter bronkodilatation (FEV1/FVC)',
    en: () => 'Post-bronchodilator spirometry (FEV1/FVC)',
  },
  'missing.fev1-percent-predicted': {
    params: {},
    da: () => 'FEV1 i procent af forventet værdi',
    en: () => 'FEV1 as a percentage of predicted',
  },
  'missing.back-pain-episode-onset': {
    params: {},
    da: () => 'Debutdato for den aktuelle episode med lænderygsmerter',
    en: () => 'Onset date of the current episode of low back pain',
  },
  'missing.mrc': {
    params: {},
    da: () => 'MRC-åndenødsgrad (1-5)',
    en: () => 'MRC dyspnoea grade (1-5)',
  },
  'missing.cat': {
    params: {},
    da: () => 'CAT-score',
    en: () => 'CAT score',
  },
});

/**
 * A code of the message catalogue, such as `'inclusion.age.below'`.
 *
 * @example
 * ```ts
 * const code: MessageCode = 'cpr.mod11.invalid';
 * ```
 */
export type MessageCode = keyof typeof messages;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/**
 * The parameters a message takes. For a union of codes it is the parameters
 * that satisfy every one of them, so a call with a code not known until run
 * time stays type-safe.
 *
 * @typeParam C - a message code, or a union of codes
 * @example
 * ```ts
 * type P = MessageParams<'inclusion.lrs.duration.short'>; // { weeks: number; minWeeks: number }
 * type Q = MessageParams<'synthetic.record'>;             // {}
 * ```
 */
export type MessageParams<C extends MessageCode> = UnionToIntersection<
  C extends MessageCode ? ParamValues<(typeof messages)[C]['params']> : never
>;

const CODES: readonly MessageCode[] = Object.freeze(Object.keys(messages) as MessageCode[]);

/**
 * Whether a string is a code of the message catalogue.
 *
 * @param value - any string, for example a code stored by an integrator
 * @returns true if the catalogue has a message with this code
 * @example
 * ```ts
 * isMessageCode('cpr.mod11.invalid'); // true
 * isMessageCode('cpr.unknown');       // false
 * ```
 */
export function isMessageCode(value: string): value is MessageCode {
  return typeof value === 'string' && Object.hasOwn(messages, value);
}

/**
 * Every code of the message catalogue, grouped by prefix in catalogue order.
 *
 * @returns a frozen array of all codes
 * @example
 * ```ts
 * messageCodes().filter((c) => c.startsWith('record.issue.'));
 * ```
 */
export function messageCodes(): readonly MessageCode[] {
  return CODES;
}

function isValidParam(kind: ParamKind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'date':
      return parseIsoDate(value) !== undefined;
    case 'red-flag-category':
      return isRedFlagCategory(value);
  }
}

/**
 * Renders a message in a locale. The code, the locale and the parameters are
 * checked at compile time and again at run time (for JavaScript callers and
 * casts). Numbers are written with the locale's decimal separator and dates
 * in words (see {@link formatNumber} and {@link formatIsoDate}). Parameters
 * the message does not take are ignored.
 *
 * @typeParam C - the message code (inferred)
 * @param code - the message code
 * @param params - the message's parameters; `{}` for a message without any
 * @param locale - the language; defaults to {@link DEFAULT_LOCALE} (Danish)
 * @returns the text
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for an unknown code
 *   or locale, or a missing or malformed parameter. The error message is
 *   generic and never repeats the code or a parameter value; its `path` names
 *   the argument (`['params', 'minAge']`).
 * @example
 * ```ts
 * formatMessage('inclusion.age.below', { minAge: 40 }, 'da');
 * // 'Patienten er under 40 år.'
 * formatMessage('inclusion.kol.spirometry.confirms', { ratio: 0.62 }, 'en');
 * // 'Spirometry confirms the COPD diagnosis: FEV1/FVC is 0.62.'
 * formatMessage('inclusion.excluded.declined', { date: '2027-01-15' }, 'da');
 * // 'Patienten takkede nej til pakken den 15. januar 2027.'
 * ```
 */
export function formatMessage<C extends MessageCode>(
  code: C,
  params: MessageParams<C>,
  locale: Locale = DEFAULT_LOCALE,
): string {
  if (!isMessageCode(code)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Unknown message code', { path: ['code'] });
  }
  assertLocale(locale);
  // The catalogue's entries are checked per code at compile time; here the
  // code is only known to be one of them, so the definition is widened.
  const definition = messages[code] as MessageDefinition;
  const names = Object.keys(definition.params);
  if (names.length > 0 && (typeof params !== 'object' || params === null)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected the message parameters as an object', {
      path: ['params'],
    });
  }
  for (const name of names) {
    const kind = definition.params[name];
    const value: unknown = (params as Readonly<Record<string, unknown>>)[name];
    if (kind === undefined || !isValidParam(kind, value)) {
      throw new KronikerpakkerError('INVALID_ARGUMENT', `Missing or invalid message parameter (expected ${kind ?? 'a value'})`, {
        path: ['params', name],
      });
    }
  }
  return definition[locale](params as ParamValues<ParamSpec>);
}

/**
 * A text in every language the SDK speaks: Danish (primary) and English.
 *
 * @example
 * ```ts
 * const text: LocalizedText = { da: 'Patienten er under 30 år.', en: 'The patient is under 30 years of age.' };
 * ```
 */
export type LocalizedText = { readonly [L in Locale]: string };

/**
 * Renders a message in every locale, for results that carry their text in
 * Danish and English. For codes only known at run time (from a rule pack):
 * the parameters are checked by {@link formatMessage} as always.
 *
 * @param code - a message code
 * @param params - the message's parameters
 * @returns the text per locale
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for an unknown code or missing/invalid parameters
 * @example
 * ```ts
 * formatMessageInAllLocales('inclusion.age.below', { minAge: 30 }).da; // 'Patienten er under 30 år.'
 * ```
 */
export function formatMessageInAllLocales(
  code: MessageCode,
  params: Readonly<Record<string, string | number>> = {},
): LocalizedText {
  const text = {} as Record<Locale, string>;
  for (const locale of LOCALES) text[locale] = formatMessage(code, params as never, locale);
  return text;
}

// -----------------------------------------------------------------------------
// Typed mappings from the SDK's closed unions to message codes. Each is a
// Record over the union, and each target must be a catalogue code: adding a
// RecordIssueCode or ErrorCode without a message fails to compile.
// -----------------------------------------------------------------------------

const RECORD_ISSUE_MESSAGE_CODES: { readonly [K in RecordIssueCode]: `record.issue.${K}` & MessageCode } =
  Object.freeze({
    required: 'record.issue.required',
    'invalid-type': 'record.issue.invalid-type',
    'invalid-format': 'record.issue.invalid-format',
    'invalid-date': 'record.issue.invalid-date',
    'future-date': 'record.issue.future-date',
    'out-of-range': 'record.issue.out-of-range',
    'invalid-value': 'record.issue.invalid-value',
    'unknown-field': 'record.issue.unknown-field',
    inconsistent: 'record.issue.inconsistent',
    'replacement-number': 'record.issue.replacement-number',
  });

const ERROR_MESSAGE_CODES: { readonly [K in ErrorCode]: `error.${K}` & MessageCode } = Object.freeze({
  INVALID_RECORD: 'error.INVALID_RECORD',
  INVALID_RULE_PACK: 'error.INVALID_RULE_PACK',
  INVALID_ARGUMENT: 'error.INVALID_ARGUMENT',
  INVALID_CPR: 'error.INVALID_CPR',
  INTERNAL: 'error.INTERNAL',
});

/**
 * The message code of a {@link RecordIssueCode}: `'record.issue.<code>'`.
 * Every such message takes `{ path: string }`.
 *
 * @typeParam C - the record issue code, or a union of them
 * @example
 * ```ts
 * const code: RecordIssueMessageCode = 'record.issue.required';
 * ```
 */
export type RecordIssueMessageCode<C extends RecordIssueCode = RecordIssueCode> = `record.issue.${C}` & MessageCode;

/**
 * The message code of an {@link ErrorCode}: `'error.<CODE>'`. Every such
 * message takes `{}`.
 *
 * @typeParam C - the error code, or a union of them
 * @example
 * ```ts
 * const code: ErrorMessageCode = 'error.INVALID_RECORD';
 * ```
 */
export type ErrorMessageCode<C extends ErrorCode = ErrorCode> = `error.${C}` & MessageCode;

/**
 * The message code that explains a {@link RecordIssueCode}.
 *
 * @param code - the kind of record issue
 * @returns `'record.issue.<code>'`, a code whose message takes `{ path }`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a value that is
 *   not a record issue code (JavaScript callers or casts)
 * @example
 * ```ts
 * const code = recordIssueMessageCode('future-date'); // 'record.issue.future-date'
 * formatMessage(code, { path: 'spirometry[0].date' }, 'da');
 * // 'Feltet spirometry[0].date indeholder en dato, der ligger efter evalueringsdatoen (asOf).'
 * ```
 */
export function recordIssueMessageCode<C extends RecordIssueCode>(code: C): RecordIssueMessageCode<C> {
  if (typeof code !== 'string' || !Object.hasOwn(RECORD_ISSUE_MESSAGE_CODES, code)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Unknown record issue code', { path: ['code'] });
  }
  return RECORD_ISSUE_MESSAGE_CODES[code];
}

/**
 * The message code that explains an {@link ErrorCode}.
 *
 * @param code - the error code, for example `err.code` of a caught {@link KronikerpakkerError}
 * @returns `'error.<CODE>'`, a code whose message takes `{}`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for a value that is
 *   not an error code (JavaScript callers or casts)
 * @example
 * ```ts
 * if (KronikerpakkerError.is(err)) {
 *   show(formatMessage(errorMessageCode(err.code), {}, 'da'));
 * }
 * ```
 */
export function errorMessageCode<C extends ErrorCode>(code: C): ErrorMessageCode<C> {
  if (typeof code !== 'string' || !Object.hasOwn(ERROR_MESSAGE_CODES, code)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'Unknown error code', { path: ['code'] });
  }
  return ERROR_MESSAGE_CODES[code];
}

/**
 * Renders one {@link RecordIssue} (from {@link InvalidRecordError.issues}) as
 * a sentence naming the field's path; the issue holds no value, so neither
 * does the text.
 *
 * @param issue - the issue: a path and a code
 * @param locale - the language; defaults to {@link DEFAULT_LOCALE} (Danish)
 * @returns the text, for example `'Feltet spirometry[0].fev1L mangler. Det skal udfyldes.'`
 * @throws {@link KronikerpakkerError} `INVALID_ARGUMENT` for an unknown issue code or locale
 * @example
 * ```ts
 * formatRecordIssue({ path: ['spirometry', 0, 'fev1L'], code: 'required' }, 'en');
 * // 'The field spirometry[0].fev1L is missing. It is required.'
 * ```
 */
export function formatRecordIssue(issue: RecordIssue, locale: Locale = DEFAULT_LOCALE): string {
  return formatMessage(recordIssueMessageCode(issue.code), { path: formatPath(issue.path) }, locale);
}
