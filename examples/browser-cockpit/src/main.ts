/**
 * The browser cockpit: generates a synthetic clinic in the page, builds the
 * KOL and LRS cockpits with the SDK, shows their worklists, and on a click
 * shows a patient's plan (the patient's version of the CPD treatment plan)
 * in a sandboxed frame. Plain TypeScript and DOM; nothing leaves the page.
 *
 * SYNTHETIC DATA ONLY.
 */
import type { CockpitProfile, CockpitRow, CockpitWorklist } from '@kronikerpakker/cockpit';
import { AS_OF, PROFILES, PROFILE_NAMES, buildClinicView, clinicChoiceFrom, levelText, planFor, standingText, statusText } from './cockpit-view';
import type { ClinicView } from './cockpit-view';
import './style.css';

/** `2027-01-15` → `15.01.2027`, the Danish way; none → a dash. */
const formatDate = (iso: string | null): string => (iso === null ? '–' : iso.split('-').reverse().join('.'));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Readonly<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`The page has no #${id}`);
  return node;
}

/** The columns of a worklist table: heading and CSS class (the class sets the width, the same in every table). */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['Journal', 'c-id'],
  ['Kriterier', 'c-status'],
  ['Forløb', 'c-enrolled'],
  ['Niveau', 'c-level'],
  ['Næste frist', 'c-due'],
  ['Forfaldne', 'c-count'],
  ['Kommende', 'c-count'],
  ['Mangler', 'c-count'],
  ['Advarsler', 'c-count'],
];

function rowElement(row: CockpitRow, profile: CockpitProfile): HTMLTableRowElement {
  const button = el('button', { type: 'button', class: 'patient', 'aria-controls': 'plan-frame', 'data-record-id': row.id, 'data-profile': profile }, row.id);
  const cells = [
    statusText(row.status),
    standingText(row.standing, row.enrolled),
    levelText(row.level),
    formatDate(row.nextDue),
    String(row.counts.overdue),
    String(row.counts.due),
    String(row.counts.missing),
    String(row.counts.alerts),
  ];
  const tr = el(
    'tr',
    { 'data-record-id': row.id, 'data-profile': profile, 'data-status': row.status, 'data-standing': row.standing, 'data-enrolled': String(row.enrolled) },
    el('th', { scope: 'row' }, button, ...(row.urgent ? [' ', el('span', { class: 'urgent-flag', role: 'img', 'aria-label': 'Haster', title: 'Haster: akut alarmsymptom (åbent rødt flag)' }, '⚠')] : [])),
    ...cells.map((text) => el('td', {}, text)),
  );
  return tr;
}

function worklistElement(worklist: CockpitWorklist, profile: CockpitProfile): HTMLElement {
  const headingId = `${profile}-${worklist.id}`;
  const rows = worklist.rows ?? [];
  const section = el(
    'section',
    { class: 'worklist', 'aria-labelledby': headingId, 'data-worklist': worklist.id, 'data-size': String(worklist.size) },
    el('h3', { id: headingId }, worklist.title.da, ' ', el('span', { class: 'size', 'aria-label': `${String(worklist.size)} patienter` }, String(worklist.size))),
  );
  if (rows.length === 0) {
    section.append(el('p', { class: 'empty' }, 'Ingen patienter på listen.'));
    return section;
  }
  const table = el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, `${worklist.title.da}, ${profile}`),
    el('colgroup', {}, ...COLUMNS.map(([, cls]) => el('col', { class: cls }))),
    el('thead', {}, el('tr', {}, ...COLUMNS.map(([heading]) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, ...rows.map((row) => rowElement(row, profile))),
  );
  section.append(el('div', { class: 'table-wrap' }, table));
  return section;
}

function profileElement(view: ClinicView, profile: CockpitProfile): HTMLElement {
  const cockpit = view.cockpits[profile];
  const inPackage = (cockpit.rows ?? []).filter((r) => r.standing === 'enrolled').length;
  const candidates = (cockpit.rows ?? []).filter((r) => r.standing === 'candidate').length;
  return el(
    'section',
    { class: 'profile', id: `profile-${profile}`, 'aria-labelledby': `heading-${profile}`, 'data-profile': profile, 'data-rows': String(cockpit.rows?.length ?? 0) },
    el('h2', { id: `heading-${profile}` }, PROFILE_NAMES[profile]),
    el(
      'p',
      { class: 'summary' },
      `${String(cockpit.population.inProfile)} patienter i profilen, ${String(inPackage)} i pakken, ${String(candidates)} kandidater. Arbejdslister pr. ${formatDate(cockpit.asOf)}:`,
    ),
    ...cockpit.worklists.map((w) => worklistElement(w, profile)),
  );
}

function showPlan(view: ClinicView, recordId: string, profile: CockpitProfile): void {
  const status = byId('plan-status', HTMLParagraphElement);
  const frame = byId('plan-frame', HTMLIFrameElement);
  const row = view.cockpits[profile].rows?.find((r) => r.id === recordId);
  const raw = view.records.get(recordId);
  if (row === undefined || raw === undefined) return;
  for (const selected of document.querySelectorAll('tr[aria-current]')) selected.removeAttribute('aria-current');
  for (const tr of document.querySelectorAll(`tr[data-profile="${profile}"][data-record-id="${CSS.escape(recordId)}"]`)) tr.setAttribute('aria-current', 'true');
  let outcome;
  try {
    outcome = planFor(raw, row, profile);
  } catch {
    // An unexpected error: say so without its message (it could name data).
    outcome = { kind: 'none', reason: 'Ingen plan: en uventet fejl.' } as const;
  }
  if (outcome.kind === 'plan') {
    status.textContent = `${profile}-plan for ${recordId} (patientens udgave):`;
    status.dataset['state'] = 'plan';
    frame.dataset['recordId'] = recordId;
    frame.dataset['profile'] = profile;
    frame.srcdoc = outcome.html;
    frame.hidden = false;
    // In one column the plan is below the lists: bring it into view.
    status.scrollIntoView({ block: 'nearest' });
  } else {
    status.textContent = `${recordId}: ${outcome.reason}`;
    status.dataset['state'] = 'no-plan';
    frame.hidden = true;
    frame.removeAttribute('srcdoc');
    status.scrollIntoView({ block: 'nearest' });
  }
}

function render(view: ClinicView, seed: number, size: number, millis: number): void {
  const app = byId('app', HTMLElement);
  app.replaceChildren(...PROFILES.map((p) => profileElement(view, p)));
  app.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button.patient') : null;
    if (!(target instanceof HTMLButtonElement)) return;
    const { recordId, profile } = target.dataset;
    if (recordId !== undefined && (profile === 'KOL' || profile === 'LRS')) showPlan(view, recordId, profile);
  });
  byId('clinic-summary', HTMLParagraphElement).textContent =
    `Syntetisk klinik: frø ${String(seed)}, ${size.toLocaleString('da-DK')} patienter, evalueret pr. ${formatDate(AS_OF)} i browseren på ${(millis / 1000).toLocaleString('da-DK', { maximumFractionDigits: 1 })} s.`;
  app.dataset['state'] = 'ready';
  app.setAttribute('aria-busy', 'false');
}

function start(): void {
  const app = byId('app', HTMLElement);
  try {
    const choice = clinicChoiceFrom(location.search);
    const started = performance.now();
    const view = buildClinicView(choice);
    render(view, choice.seed, choice.size, performance.now() - started);
  } catch (error) {
    app.dataset['state'] = 'error';
    app.setAttribute('aria-busy', 'false');
    app.replaceChildren(el('p', { role: 'alert' }, `Cockpittet kunne ikke bygges (${error instanceof Error ? error.name : 'fejl'}).`));
    throw error;
  }
}

// Let the header paint before the (synchronous) work starts.
setTimeout(start, 0);
