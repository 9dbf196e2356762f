/**
 * Reads a CPD-DK document: the CPD-DK rules as coded checks, tolerance of
 * MedCom's known example defects, and the plan the document holds.
 *
 * @module
 * @internal
 */

import { cdaTimestampToDate } from '@kronikerpakker/core';
import { CPD, DEFAULT_CPD_CODES } from './config';
import type { CpdCode, CpdCodeConfig } from './config';
import type { CpdFinding, CpdFindingCode, CpdSeverity } from './findings';
import { TreatmentPlanSchema } from './model';
import type { TreatmentPlan } from './model';
import type { XmlElement as El } from './xml-tree';

/** The four sections of a care plan. */
export type CpdSectionKind = keyof typeof CPD.sections;

/** What the reader saw of one section. */
export interface CpdSectionSummary {
  /** Which section. */
  readonly kind: CpdSectionKind;
  /** Where it is. */
  readonly location: string;
  /** The number of sub-sections. */
  readonly subSections: number;
  /** The number of entries in its sub-sections. */
  readonly entries: number;
}

/** The outcome of reading a parsed document. */
export interface Inspection {
  readonly findings: CpdFinding[];
  readonly plan: TreatmentPlan | undefined;
  readonly sections: CpdSectionSummary[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TS_SECONDS = /^\d{14}[+-]\d{4}$/;
const SECTION_KINDS: readonly CpdSectionKind[] = ['healthConcerns', 'goals', 'interventions', 'outcomes'];
const REQUIRED: ReadonlySet<CpdSectionKind> = new Set(['healthConcerns', 'goals', 'interventions']);
const PUBLISHED_LABELS = new Set(['ALAL21', 'ALAL22', 'ALAL02']);

const cdaDate = (v: string | undefined): string | undefined =>
  v !== undefined && /^\d{8}/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` : undefined;

function instantOf(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  try {
    return cdaTimestampToDate(v).toISOString().replace(/\.\d{3}Z$/, 'Z');
  } catch {
    return undefined;
  }
}

const num = (v: string | undefined): number | undefined => {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** Reads a document into findings, a plan (when complete) and a section summary. */
export function inspect(root: El, codes: CpdCodeConfig = DEFAULT_CPD_CODES): Inspection {
  const findings: CpdFinding[] = [];
  const add = (code: CpdFindingCode, location: string, severity: CpdSeverity = 'error'): void => {
    findings.push({ code, severity, location });
  };

  // ---- Header.
  if (root.one('realmCode')?.attr('code') !== 'DK') add('CPD_REALM_CODE', root.at('realmCode'));
  const typeId = root.one('typeId');
  if (typeId?.attr('root') !== CPD.typeId.root || typeId.attr('extension') !== CPD.typeId.extension) add('CPD_TYPE_ID', root.at('typeId'));
  const templates = root.all('templateId');
  if (templates.length !== 1 || templates[0]?.attr('root') !== CPD.documentTemplateId || templates[0].attr('extension') !== undefined) {
    add('CPD_DOCUMENT_TEMPLATE_ID', root.at('templateId'));
  }
  const idEl = root.one('id');
  const documentId = idEl?.attr('extension');
  if (idEl?.attr('root') !== CPD.idRoot || documentId === undefined || !UUID.test(documentId.toLowerCase())) add('CPD_DOCUMENT_ID', root.at('id'));
  const docCode = root.one('code');
  if (docCode?.attr('code') !== CPD.documentCode || docCode.attr('codeSystem') !== CPD.loinc) add('CPD_DOCUMENT_CODE', root.at('code'));
  const title = root.one('title')?.text().trim();
  if (title === undefined || title === '') add('CPD_TITLE_MISSING', root.at('title'));
  const effective = root.one('effectiveTime')?.attr('value');
  if (effective === undefined || !TS_SECONDS.test(effective)) add('CPD_EFFECTIVE_TIME', root.at('effectiveTime'));
  const conf = root.one('confidentialityCode');
  if (conf?.attr('code') !== 'N' || conf.attr('codeSystem') !== CPD.confidentialitySystem) add('CPD_CONFIDENTIALITY_CODE', root.at('confidentialityCode'));
  if (root.one('languageCode')?.attr('code') !== 'da-DK') add('CPD_LANGUAGE_CODE', root.at('languageCode'));

  const patientRole = root.one('recordTarget')?.one('patientRole');
  const cprEl = patientRole?.all('id').find((i) => i.attr('root') === CPD.cprOid);
  const cpr = cprEl?.attr('extension');
  if (cpr === undefined || !/^\d{10}$/.test(cpr)) add('CPD_PATIENT_ID', patientRole === undefined ? root.at('recordTarget') : patientRole.at('id'));
  const patientEl = patientRole?.one('patient');
  const provider = patientRole?.one('providerOrganization');
  if (patientEl === undefined || provider === undefined) add('CPD_PATIENT_DATA', patientRole?.at(patientEl === undefined ? 'patient' : 'providerOrganization') ?? root.at('recordTarget'));

  const assignedAuthor = root.one('author')?.one('assignedAuthor');
  const authorId = assignedAuthor?.one('id');
  if (authorId?.attr('root') !== CPD.sorOid || authorId.attr('extension') === undefined) add('CPD_AUTHOR', assignedAuthor?.at('id') ?? root.at('author'));
  const custodianOrg = root.one('custodian')?.one('assignedCustodian')?.one('representedCustodianOrganization');
  if (custodianOrg?.one('id')?.attr('extension') === undefined) add('CPD_CUSTODIAN', root.at('custodian'));

  // ---- The three documentationOf events.
  const events = root.all('documentationOf').map((d) => d.one('serviceEvent')).filter((e): e is El => e !== undefined);
  const hasTemplate = (e: El, id: string): boolean => e.all('templateId').some((t) => t.attr('root') === id);
  let validity = events.find((e) => hasTemplate(e, CPD.validityTemplateId));
  if (validity === undefined) {
    validity = events.find((e) => !hasTemplate(e, CPD.profileTemplateId) && !hasTemplate(e, CPD.forloebslabelTemplateId) && e.one('effectiveTime')?.one('low') !== undefined);
    if (validity === undefined) add('CPD_VALIDITY_MISSING', root.at('documentationOf'));
    else add('CPD_VALIDITY_TEMPLATE_ID_MISSING', validity.at('templateId'), 'warning');
  }
  const vLow = validity?.one('effectiveTime')?.one('low');
  const vHigh = validity?.one('effectiveTime')?.one('high');
  if (validity !== undefined && (vLow?.attr('value') === undefined || (vHigh?.attr('value') === undefined && vHigh?.attr('nullFlavor') !== 'NI'))) {
    add('CPD_VALIDITY_MISSING', validity.at('effectiveTime'));
  }
  const profile = events.find((e) => hasTemplate(e, CPD.profileTemplateId));
  if (profile?.one('id')?.attr('extension') !== CPD.profileVersion) add('CPD_PROFILE_VERSION_MISSING', profile?.at('id') ?? root.at('documentationOf'));
  const labelEvent = events.find((e) => hasTemplate(e, CPD.forloebslabelTemplateId));
  const labelCode = labelEvent?.one('code');
  let pkg: 'KOL' | 'LRS' | undefined;
  if (labelCode?.attr('code') === undefined) add('CPD_FORLOEBSLABEL_MISSING', labelEvent?.at('code') ?? root.at('documentationOf'));
  else {
    const c = labelCode.attr('code');
    for (const p of ['KOL', 'LRS'] as const) {
      const l = codes.forloebslabel[p];
      if (l.code === c && l.codeSystem === labelCode.attr('codeSystem')) {
        pkg = p;
        if (l.provisional) add('CPD_PROVISIONAL_CODE', `${labelCode.path}/@code`, 'warning');
      }
    }
    if (pkg === undefined && !(labelCode.attr('codeSystem') === CPD.sks && c !== undefined && PUBLISHED_LABELS.has(c))) add('CPD_FORLOEBSLABEL_UNKNOWN', `${labelCode.path}/@code`, 'warning');
  }

  // ---- Body.
  const sections: CpdSectionSummary[] = [];
  const seen = new Map<CpdSectionKind, El>();
  const body = root.one('component')?.one('structuredBody');
  for (const comp of body?.all('component') ?? []) {
    const sec = comp.one('section');
    if (sec === undefined) continue;
    const tRoot = sec.one('templateId')?.attr('root');
    const loinc = sec.one('code')?.attr('code');
    const kind =
      SECTION_KINDS.find((k) => CPD.sections[k].templateId === tRoot) ?? SECTION_KINDS.find((k) => CPD.sections[k].loinc === loinc);
    if (kind === undefined || seen.has(kind)) continue;
    seen.set(kind, sec);
    if (!sec.all('templateId').some((t) => t.attr('root') === CPD.sections[kind].templateId)) add('CPD_SECTION_TEMPLATE_ID_MISSING', sec.at('templateId'));
    if (sec.one('code') === undefined) add('CPD_SECTION_CODE_MISSING', sec.at('code'));
    const titleEl = sec.one('title');
    if (titleEl === undefined) add('CPD_SECTION_TITLE_MISSING', sec.at('title'));
    else if (titleEl.text().trim() === '' && titleEl.attr('nullFlavor') === undefined) add('CPD_SECTION_TITLE_EMPTY', titleEl.path, 'warning');
    const textEl = sec.one('text');
    if (textEl === undefined) add('CPD_SECTION_TEXT_MISSING', sec.at('text'));
    const subs = sec.all('component').map((c) => c.one('section')).filter((s): s is El => s !== undefined);
    if (subs.length === 0) add('CPD_SUBSECTION_MISSING', sec.at('component'));
    let entries = 0;
    let narrative = textEl?.hasContent() ?? false;
    for (const sub of subs) {
      entries += sub.all('entry').length;
      if (sub.one('text')?.hasContent() ?? false) narrative = true;
      const subRoot = sub.one('templateId')?.attr('root');
      const expected = `${CPD.sections[kind].templateId}.2`;
      if (subRoot !== expected) {
        if (subRoot !== undefined && `1.2.${subRoot.slice(2)}` === expected) add('CPD_SUBSECTION_TEMPLATE_ID_TYPO', `${sub.at('templateId')}/@root`, 'warning');
        else add('CPD_SUBSECTION_TEMPLATE_ID', sub.at('templateId'));
      }
      const subTitle = sub.one('title');
      if (subTitle !== undefined && subTitle.text().trim() === '' && subTitle.attr('nullFlavor') === undefined) add('CPD_SECTION_TITLE_EMPTY', subTitle.path, 'warning');
    }
    if (textEl !== undefined && !narrative && entries > 0) add('CPD_NARRATIVE_EMPTY', textEl.path);
    sections.push({ kind, location: sec.path, subSections: subs.length, entries });
  }
  for (const k of SECTION_KINDS) if (REQUIRED.has(k) && !seen.has(k)) add('CPD_SECTION_MISSING', `${body?.path ?? root.at('component/structuredBody')}/component[section/templateId/@root='${CPD.sections[k].templateId}']`);

  // ---- Entries: the plan.
  const subsOf = (k: CpdSectionKind): El[] =>
    (seen.get(k)?.all('component') ?? []).map((c) => c.one('section')).filter((s): s is El => s !== undefined);
  const entryId = (e: El): string | undefined => e.all('id').find((i) => i.attr('root') === CPD.idRoot)?.attr('extension') ?? e.one('id')?.attr('root')?.toLowerCase();
  const oidSystem = (oid: string | undefined, code: string | undefined, at: string): 'NPU' | 'MCS' | undefined => {
    if (oid === CPD.mcs) return 'MCS';
    if (oid === CPD.npu) {
      if (code?.startsWith('MCS') === true) {
        add('CPD_CODE_SYSTEM_MISMATCH', `${at}/@codeSystem`, 'warning');
        return 'MCS';
      }
      return 'NPU';
    }
    return undefined;
  };

  const healthConcerns: unknown[] = [];
  for (const sub of subsOf('healthConcerns')) {
    for (const entry of sub.all('entry')) {
      const act = entry.one('act');
      const obs = act?.all('entryRelationship').map((r) => r.one('observation')).find((o) => o?.one('value') !== undefined);
      const value = obs?.one('value');
      if (act === undefined || value === undefined) {
        add('CPD_ENTRY_UNREADABLE', entry.path, 'warning');
        continue;
      }
      const oid = value.attr('codeSystem');
      const system = oid === CPD.sks ? 'ICD-10' : 'ICPC-2';
      if (oid !== CPD.sks && oid !== CPD.icpc2Dk) add('CPD_CODE_SYSTEM_MISMATCH', `${value.path}/@codeSystem`, 'warning');
      healthConcerns.push({
        id: entryId(act),
        system,
        code: value.attr('code'),
        displayName: value.attr('displayName'),
        status: act.one('statusCode')?.attr('code') === 'active' ? 'active' : 'completed',
        date: cdaDate(act.one('effectiveTime')?.one('low')?.attr('value') ?? act.one('effectiveTime')?.attr('value')),
      });
    }
  }

  const goals: unknown[] = [];
  for (const sub of subsOf('goals')) {
    for (const entry of sub.all('entry')) {
      const obs = entry.one('observation');
      if (obs === undefined) {
        add('CPD_ENTRY_UNREADABLE', entry.path, 'warning');
        continue;
      }
      const codeEl = obs.one('code');
      const value = obs.one('value');
      const id = entryId(obs);
      const date = cdaDate(obs.one('effectiveTime')?.attr('value'));
      const c = codeEl?.attr('code');
      if (c === CPD.codes.goalText.code || c === undefined) {
        const text = value?.text() ?? '';
        if (c !== undefined && text.length > CPD.goalTextMaxLength) add('CPD_GOAL_TEXT_TOO_LONG', value?.path ?? obs.path);
        goals.push({ kind: c === undefined ? 'text' : 'patient', id, date, text });
      } else {
        const high = value?.one('high');
        const low = value?.one('low');
        const bound = high ?? low;
        const system = oidSystem(codeEl?.attr('codeSystem'), c, codeEl?.path ?? obs.path);
        const text = obs.one('text')?.text();
        goals.push({
          kind: 'measurable',
          id,
          date,
          code: { system, code: c, displayName: codeEl?.attr('displayName') },
          direction: high === undefined ? 'at-least' : 'below',
          value: num(bound?.attr('value')),
          unit: bound?.attr('unit'),
          ...(text === undefined ? {} : { text }),
        });
      }
    }
  }

  const planned: unknown[] = [];
  const completed: unknown[] = [];
  let level: unknown;
  for (const sub of subsOf('interventions')) {
    const subCode = sub.one('code')?.attr('code');
    if (subCode === codes.levelSection.code && sub.one('code')?.attr('codeSystem') === codes.levelSection.codeSystem) {
      if (codes.levelSection.provisional) add('CPD_PROVISIONAL_CODE', `${sub.at('code')}/@code`, 'warning');
      const observations = sub.all('entry').map((e) => e.one('observation')).filter((o): o is El => o !== undefined);
      const isCode = (o: El, c: CpdCode): boolean => o.one('code')?.attr('code') === c.code && o.one('code')?.attr('codeSystem') === c.codeSystem;
      // A level not decided yet is written as its range (provisionalLevelObservation), never as a coded level.
      const provisional = observations.find((o) => isCode(o, codes.provisionalLevelObservation));
      const obs = provisional ?? observations.find((o) => isCode(o, codes.levelObservation)) ?? observations[0];
      if (obs === undefined) continue;
      const rel = obs.all('entryRelationship').map((r) => r.one('observation')).filter((o): o is El => o !== undefined);
      const byCode = (c: string): El[] => rel.filter((o) => o.one('code')?.attr('code') === c);
      const months = (c: string): number | null | undefined => {
        const v = byCode(c)[0]?.one('value');
        return v?.attr('nullFlavor') !== undefined ? null : num(v?.attr('value'));
      };
      const common = {
        id: entryId(obs),
        date: cdaDate(obs.one('effectiveTime')?.attr('value')),
        drivers: byCode(codes.levelDriver.code).map((o) => ({ factor: o.one('value')?.attr('code'), text: o.one('text')?.text() })),
        contactPlan: {
          aarsstatusIntervalMonths: months(codes.aarsstatusInterval.code),
          followUpIntervalMonths: months(codes.followUpInterval.code),
          text: byCode(codes.contactPlan.code)[0]?.one('value')?.text(),
        },
      };
      if (provisional !== undefined) {
        const range = obs.one('value');
        const atLeast = num(range?.one('low')?.attr('value'));
        level = {
          status: 'provisional',
          ...common,
          level: atLeast,
          basis: 'suggestion',
          atLeast,
          atMost: num(range?.one('high')?.attr('value')),
          awaiting: byCode(codes.levelAwaiting.code).map((o) => ({ code: o.one('value')?.attr('code'), text: o.one('text')?.text() })),
        };
      } else {
        const valueCode = obs.one('value')?.attr('code');
        level = {
          status: 'decided',
          ...common,
          level: ([1, 2, 3] as const).find((n) => codes.levelValues[n].code === valueCode),
          basis: obs.one('methodCode')?.attr('code'),
        };
      }
      continue;
    }
    for (const entry of sub.all('entry')) {
      const encounter = entry.one('encounter');
      if (encounter !== undefined) add('CPD_INTERVENTION_ENCOUNTER', encounter.path, 'warning');
      const act = entry.one('act') ?? encounter;
      if (act === undefined) {
        add('CPD_ENTRY_UNREADABLE', entry.path, 'warning');
        continue;
      }
      const date = cdaDate(act.one('effectiveTime')?.attr('value') ?? act.one('effectiveTime')?.one('low')?.attr('value'));
      if (act.attr('moodCode') === 'EVN') {
        completed.push({ id: entryId(act), date, text: act.one('text')?.text() });
      } else {
        const text = act.all('entryRelationship').map((r) => r.one('observation')?.one('value')?.text()).find((t) => t !== undefined);
        planned.push({ id: entryId(act), date, text });
      }
    }
  }

  const outcomes: unknown[] = [];
  for (const sub of subsOf('outcomes')) {
    for (const entry of sub.all('entry')) {
      const obs = entry.one('observation');
      const codeEl = obs?.one('code');
      const value = obs?.one('value');
      if (obs === undefined || codeEl === undefined || value === undefined) {
        add('CPD_ENTRY_UNREADABLE', entry.path, 'warning');
        continue;
      }
      outcomes.push({
        id: entryId(obs),
        system: oidSystem(codeEl.attr('codeSystem'), codeEl.attr('code'), codeEl.path),
        code: codeEl.attr('code'),
        displayName: codeEl.attr('displayName'),
        date: cdaDate(obs.one('effectiveTime')?.attr('value')),
        value: num(value.attr('value')),
        unit: value.attr('unit'),
      });
    }
  }

  // ---- The plan, when the document holds one completely.
  const nameOf = (n: El | undefined): unknown =>
    n === undefined
      ? undefined
      : {
          ...(n.one('prefix') === undefined ? {} : { prefix: n.one('prefix')?.text() }),
          given: n.all('given').map((g) => g.text()),
          family: n.one('family')?.text(),
        };
  const addr = patientRole?.one('addr');
  const gender = patientEl?.one('administrativeGenderCode')?.attr('code');
  const vHighValue = vHigh?.attr('value');
  const replaces = root.all('relatedDocument').find((r) => r.attr('typeCode') === 'RPLC')?.one('parentDocument')?.one('id')?.attr('extension');
  const candidate = {
    documentId,
    version: {
      setId: root.one('setId')?.attr('extension'),
      number: num(root.one('versionNumber')?.attr('value')),
      ...(replaces === undefined ? {} : { replaces }),
    },
    createdAt: instantOf(effective),
    package: pkg,
    title: root.one('title')?.text(),
    patient: {
      cpr,
      name: nameOf(patientEl?.one('name')),
      sex: gender === 'F' ? 'female' : gender === 'M' ? 'male' : 'unknown',
      birthDate: cdaDate(patientEl?.one('birthTime')?.attr('value')),
      ...(addr === undefined
        ? {}
        : { address: { streetLines: addr.all('streetAddressLine').map((l) => l.text()), postalCode: addr.one('postalCode')?.text(), city: addr.one('city')?.text() } }),
    },
    clinic: { sorId: provider?.one('id')?.attr('extension'), name: provider?.one('name')?.text() },
    author: { sorId: authorId?.attr('extension'), name: nameOf(assignedAuthor?.one('assignedPerson')?.one('name')) },
    custodian: { sorId: custodianOrg?.one('id')?.attr('extension'), name: custodianOrg?.one('name')?.text() },
    validity: { start: cdaDate(vLow?.attr('value')), ...(vHighValue === undefined ? {} : { end: cdaDate(vHighValue) }) },
    healthConcerns,
    goals,
    interventions: { planned, completed },
    outcomes,
    ...(level === undefined ? {} : { level }),
  };
  const parsed = TreatmentPlanSchema.safeParse(candidate);
  let plan: TreatmentPlan | undefined;
  if (parsed.success) plan = parsed.data;
  else {
    const first = parsed.error.issues[0];
    add('CPD_PLAN_INCOMPLETE', `plan.${(first?.path ?? []).map(String).join('.')}`, 'warning');
  }
  return { findings, plan, sections };
}
