/**
 * `renderPlanHtml`: the plan as one self-contained, accessible HTML page,
 * for preview in the GP system (clinician) or as "MinPlan" (patient).
 *
 * @module
 */

import { formatCpr } from '@kronikerpakker/core';
import type { Locale } from '@kronikerpakker/core';
import { DEFAULT_CPD_CODES } from './config';
import type { CpdCodeConfig } from './config';
import type { TreatmentPlan } from './model';
import { formatDanishDate, formatValue, goalTargetText, levelBasisText, levelSentence, provisionalLevelClinicianText, provisionalLevelPatientText, rhythmSentence } from './texts';
import { stripInvalidXmlChars } from './xml-text';

/** Options of {@link renderPlanHtml}. */
export interface RenderPlanHtmlOptions {
  /** `patient`: plain Danish, no codes; `clinician`: codes, CPR, drivers and provisional codes. */
  readonly audience: 'patient' | 'clinician';
  /** The page language for headings (`da` default). Free texts stay as written. */
  readonly locale?: Locale;
  /** The provisional codes, to mark them in the clinician view; defaults to {@link DEFAULT_CPD_CODES}. */
  readonly codes?: CpdCodeConfig;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attributes, and drops characters HTML cannot hold. */
const h = (value: string | number): string => stripInvalidXmlChars(String(value)).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

const L = {
  da: {
    patientTitle: 'Min plan',
    clinicianTitle: 'Forløbsplan',
    whatIs: 'Hvad er min plan?',
    goals: 'Mine mål',
    next: 'Hvad sker der nu, og hvornår?',
    level: 'Mit niveau',
    done: 'Det har vi gjort',
    results: 'Mine seneste målinger',
    diagnoses: 'Diagnoser',
    clinGoals: 'Mål',
    planned: 'Planlagt opfølgning',
    completed: 'Udførte ydelser',
    outcomes: 'Resultater',
    clinLevel: 'Niveau og kontaktplan',
    date: 'Dato',
    what: 'Hvad',
    goal: 'Mål',
    measurement: 'Måling',
    value: 'Værdi',
    code: 'Kode',
    name: 'Navn',
    status: 'Status',
    reason: 'Begrundelse',
    basis: 'Grundlag',
    noDrivers: 'ingen registrerede forhold hæver niveauet.',
    none: 'Intet registreret.',
    provisional: 'Foreløbig kode (ikke publiceret)',
    valid: 'Gyldig fra',
  },
  en: {
    patientTitle: 'My plan',
    clinicianTitle: 'Care plan',
    whatIs: 'What is my plan?',
    goals: 'My goals',
    next: 'What happens next, and when?',
    level: 'My level',
    done: 'What we have done',
    results: 'My latest measurements',
    diagnoses: 'Diagnoses',
    clinGoals: 'Goals',
    planned: 'Planned follow-up',
    completed: 'Completed services',
    outcomes: 'Results',
    clinLevel: 'Level and contact plan',
    date: 'Date',
    what: 'What',
    goal: 'Goal',
    measurement: 'Measurement',
    value: 'Value',
    code: 'Code',
    name: 'Name',
    status: 'Status',
    reason: 'Reason',
    basis: 'Basis',
    noDrivers: 'nothing recorded raises the level.',
    none: 'Nothing recorded.',
    provisional: 'Provisional code (not published)',
    valid: 'Valid from',
  },
} as const;

const STYLE =
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;line-height:1.5;color:#111;background:#fff}' +
  'h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:1.5rem;border-bottom:2px solid #2b5797}' +
  'table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #888;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}' +
  'th{background:#e8eef7}caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}.note{font-size:.9rem;color:#333}';

function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], none: string): string {
  if (rows.length === 0) return `<p>${h(none)}</p>`;
  const head = headers.map((x) => `<th scope="col">${h(x)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<caption>${h(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const packageName = (p: TreatmentPlan['package']): string => (p === 'KOL' ? 'KOL (kronisk obstruktiv lungesygdom)' : 'lænderygsmerter');

/**
 * Renders a plan as a complete HTML page: `lang` set, one `h1`, `h2` per
 * part, tables with `caption` and `th scope="col"`, inline CSS only, no
 * scripts, images or external resources. Every text from the plan is
 * escaped. The patient page speaks plain Danish: what my plan is, my goals,
 * what happens next and when, my level in one sentence. A level that is
 * not decided is never shown as a level: the patient reads that it is not
 * decided yet (at least / up to which level, and when the clinician decides
 * it), the clinician reads the range, what is missing and what the level
 * rests on.
 *
 * @param plan - the plan
 * @param options - audience, locale and codes
 * @returns the HTML document as a string
 * @example
 * ```ts
 * const html = renderPlanHtml(plan, { audience: 'patient', locale: 'da' });
 * html.startsWith('<!DOCTYPE html>'); // true
 * ```
 */
export function renderPlanHtml(plan: TreatmentPlan, options: RenderPlanHtmlOptions): string {
  const locale = options.locale ?? 'da';
  const t = L[locale];
  const codes = options.codes ?? DEFAULT_CPD_CODES;
  const patient = options.audience === 'patient';
  const title = patient ? `${t.patientTitle}: ${plan.title}` : `${t.clinicianTitle}: ${plan.title}`;
  const parts: string[] = [];
  const section = (id: string, heading: string, body: string): void => {
    parts.push(`<section aria-labelledby="${id}">\n<h2 id="${id}">${h(heading)}</h2>\n${body}\n</section>`);
  };
  const goalText = (g: TreatmentPlan['goals'][number]): string =>
    g.kind === 'measurable' ? goalTargetText(g) : g.kind === 'patient' ? `${patient ? 'Mit eget mål' : 'Patientens eget mål'}: ${g.text}` : g.text;
  const lv = plan.level;

  if (patient) {
    const name = [...plan.patient.name.given, plan.patient.name.family].join(' ');
    section(
      'plan',
      t.whatIs,
      `<p>${h(`Du er med i et forløb for ${packageName(plan.package)} hos ${plan.clinic.name}. Planen gælder fra ${formatDanishDate(plan.validity.start)}${plan.validity.end === undefined ? '' : ` til ${formatDanishDate(plan.validity.end)}`}.`)}</p>` +
        `\n<p class="note">${h(`Planen er lavet til ${name} af ${[...plan.author.name.given, plan.author.name.family].join(' ')}.`)}</p>`,
    );
    section('goals', t.goals, plan.goals.length === 0 ? `<p>${h(t.none)}</p>` : `<ul>\n${plan.goals.map((g) => `<li>${h(goalText(g))}</li>`).join('\n')}\n</ul>`);
    section(
      'next',
      t.next,
      table(t.next, [t.date, t.what], plan.interventions.planned.map((x) => [formatDanishDate(x.date), x.text]), t.none) +
        (lv === undefined ? '' : `\n<p>${h(rhythmSentence(lv.contactPlan, lv.status === 'provisional'))}</p>`),
    );
    if (lv !== undefined) section('level', t.level, `<p>${h(lv.status === 'provisional' ? provisionalLevelPatientText(lv) : levelSentence(lv.level))}</p>`);
    if (plan.outcomes.length > 0) {
      section('results', t.results, table(t.results, [t.measurement, t.value, t.date], plan.outcomes.map((o) => [o.displayName, formatValue(o.value, o.unit), formatDanishDate(o.date)]), t.none));
    }
  } else {
    parts.push(
      `<p>${h(`${[...plan.patient.name.given, plan.patient.name.family].join(' ')}, CPR ${formatCpr(plan.patient.cpr)}. ${t.valid} ${formatDanishDate(plan.validity.start)}. Version ${String(plan.version.number)}. ${plan.clinic.name} (SOR ${plan.clinic.sorId}).`)}</p>`,
    );
    section('diagnoses', t.diagnoses, table(t.diagnoses, [t.code, t.name, t.status, t.date], plan.healthConcerns.map((x) => [`${x.system} ${x.code}`, x.displayName, x.status, formatDanishDate(x.date)]), t.none));
    section('goals', t.clinGoals, table(t.clinGoals, [t.goal, t.date], plan.goals.map((g) => [goalText(g), formatDanishDate(g.date)]), t.none));
    section('planned', t.planned, table(t.planned, [t.date, t.what], plan.interventions.planned.map((x) => [formatDanishDate(x.date), x.text]), t.none));
    section('completed', t.completed, table(t.completed, [t.date, t.what], plan.interventions.completed.map((x) => [formatDanishDate(x.date), x.text]), t.none));
    section('outcomes', t.outcomes, table(t.outcomes, [t.code, t.measurement, t.value, t.date], plan.outcomes.map((o) => [`${o.system} ${o.code}`, o.displayName, formatValue(o.value, o.unit), formatDanishDate(o.date)]), t.none));
    if (lv !== undefined) {
      const cp = lv.contactPlan;
      const levelCode = lv.status === 'provisional' ? codes.provisionalLevelObservation : codes.levelObservation;
      section(
        'level',
        t.clinLevel,
        `<p>${h(lv.status === 'provisional' ? provisionalLevelClinicianText(lv) : levelSentence(lv.level))}</p>\n` +
          `<p>${h(`${t.basis}: ${levelBasisText(lv)}.`)}</p>\n` +
          table(t.reason, [t.reason], lv.drivers.map((d) => [d.text]), `${t.reason}: ${t.noDrivers}`) +
          `\n<p>${h(cp.text)}</p>\n<p>${h(`Årsstatus hver ${String(cp.aarsstatusIntervalMonths)}. måned; ${cp.followUpIntervalMonths === null ? 'ingen fast opfølgning' : `opfølgning hver ${String(cp.followUpIntervalMonths)}. måned`}.`)}</p>` +
          (levelCode.provisional ? `\n<p class="note">${h(t.provisional)}: ${h(levelCode.code)}</p>` : ''),
      );
    }
    const label = codes.forloebslabel[plan.package];
    if (label.provisional) parts.push(`<p class="note">${h(`${t.provisional}: forløbslabel ${label.code}`)}</p>`);
  }

  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${h(title)}</h1>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
