/**
 * `toCpdXml`: a {@link TreatmentPlan} as a CPD-DK 2.0.0 document.
 *
 * @module
 */

import { KronikerpakkerError, toCdaDate, toCdaTimestamp } from '@kronikerpakker/core';
import { CPD, DEFAULT_CPD_CODES } from './config';
import type { CpdCode, CpdCodeConfig } from './config';
import { TreatmentPlanSchema } from './model';
import type { PersonName, TreatmentPlan } from './model';
import { escapeAttr, escapeText, firstInvalidXmlChar } from './xml-text';
import { formatDanishDate, formatValue, goalTargetText, levelBasisText, levelStatusText, sexCode } from './texts';

/** Options of {@link toCpdXml}. */
export interface ToCpdXmlOptions {
  /** The provisional codes; defaults to {@link DEFAULT_CPD_CODES}. */
  readonly codes?: CpdCodeConfig;
}

type Attrs = Readonly<Record<string, string | number | undefined>>;

/** A tiny indenting XML writer: attribute values and text are always escaped. */
class Writer {
  private readonly out: string[] = [];
  private depth = 0;

  private attrs(a: Attrs): string {
    let s = '';
    for (const [k, v] of Object.entries(a)) if (v !== undefined) s += ` ${k}="${escapeAttr(String(v))}"`;
    return s;
  }
  private pad(): string {
    return '  '.repeat(this.depth);
  }
  empty(name: string, a: Attrs = {}): this {
    this.out.push(`${this.pad()}<${name}${this.attrs(a)}/>`);
    return this;
  }
  leaf(name: string, text: string, a: Attrs = {}): this {
    this.out.push(`${this.pad()}<${name}${this.attrs(a)}>${escapeText(text)}</${name}>`);
    return this;
  }
  open(name: string, a: Attrs = {}): this {
    this.out.push(`${this.pad()}<${name}${this.attrs(a)}>`);
    this.depth++;
    return this;
  }
  close(name: string): this {
    this.depth--;
    this.out.push(`${this.pad()}</${name}>`);
    return this;
  }
  el(name: string, a: Attrs, body: () => void): this {
    this.open(name, a);
    body();
    return this.close(name);
  }
  raw(line: string): this {
    this.out.push(line);
    return this;
  }
  toString(): string {
    return this.out.join('\n') + '\n';
  }
}

const code = (w: Writer, c: CpdCode, name = 'code', extra: Attrs = {}): void => {
  w.empty(name, { ...extra, code: c.code, codeSystem: c.codeSystem, displayName: c.displayName });
};
const docId = (w: Writer, uuid: string, name = 'id'): void => {
  w.empty(name, { root: CPD.idRoot, extension: uuid });
};
const sorId = (w: Writer, sor: string): void => {
  w.empty('id', { root: CPD.sorOid, extension: sor, assigningAuthorityName: 'SOR' });
};
const personName = (w: Writer, n: PersonName): void => {
  w.el('name', {}, () => {
    if (n.prefix !== undefined) w.leaf('prefix', n.prefix);
    for (const g of n.given) w.leaf('given', g);
    w.leaf('family', n.family);
  });
};

/** A narrative table; an empty body becomes a paragraph (CDA tables need a row). */
const table = (w: Writer, headers: readonly string[], rows: readonly (readonly string[])[], empty: string): void => {
  w.el('text', {}, () => {
    if (rows.length === 0) {
      w.leaf('paragraph', empty);
      return;
    }
    w.el('table', { border: '1', width: '100%' }, () => {
      w.el('thead', {}, () => w.el('tr', {}, () => { headers.forEach((h) => w.leaf('th', h)); }));
      w.el('tbody', {}, () => { rows.forEach((r) => w.el('tr', {}, () => { r.forEach((c) => w.leaf('td', c)); })); });
    });
  });
};

type SectionKey = keyof typeof CPD.sections;

const section = (w: Writer, key: SectionKey, summary: string, body: () => void): void => {
  const s = CPD.sections[key];
  w.el('component', {}, () =>
    w.el('section', { classCode: 'DOCSECT', moodCode: 'EVN' }, () => {
      w.empty('templateId', { root: s.templateId, extension: CPD.sectionExtension });
      w.empty('code', { code: s.loinc, codeSystem: CPD.loinc, codeSystemName: 'LOINC', displayName: s.loincName });
      w.leaf('title', s.title);
      w.el('text', {}, () => w.leaf('paragraph', summary));
      body();
    }),
  );
};

const subSection = (w: Writer, key: SectionKey, c: CpdCode, title: string, narrative: () => void, entries: () => void): void => {
  w.el('component', {}, () =>
    w.el('section', { classCode: 'DOCSECT', moodCode: 'EVN' }, () => {
      w.empty('templateId', { root: `${CPD.sections[key].templateId}.2`, extension: CPD.subSectionExtension });
      code(w, c);
      w.leaf('title', title);
      narrative();
      entries();
    }),
  );
};

const SYSTEM_OID = { NPU: CPD.npu, MCS: CPD.mcs } as const;

function checkCharacters(plan: TreatmentPlan): void {
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (firstInvalidXmlChar(value) !== -1) {
        throw new KronikerpakkerError('INVALID_ARGUMENT', `plan.${path.join('.')} holds a character XML 1.0 does not allow (code CPD_INVALID_XML_CHARACTER); remove it with stripInvalidXmlChars`, { path: ['plan', ...path] });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => { walk(v, [...path, i]); });
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(plan, []);
}

function validPlan(plan: TreatmentPlan): TreatmentPlan {
  let parsed: ReturnType<typeof TreatmentPlanSchema.safeParse>;
  try {
    checkCharacters(plan);
    parsed = TreatmentPlanSchema.safeParse(plan);
  } catch (err) {
    // A value zod or the character check cannot read (a hostile getter or length): coded, its message not passed on.
    if (KronikerpakkerError.is(err)) throw err;
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'plan could not be read as a TreatmentPlan', { path: ['plan'] });
  }
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = (first?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    throw new KronikerpakkerError('INVALID_ARGUMENT', `plan is not a valid TreatmentPlan at ${path.join('.') || '(root)'} (${first?.code ?? 'invalid'})`, { path: ['plan', ...path] });
  }
  return parsed.data;
}

/**
 * Writes a treatment plan as a CPD-DK 2.0.0 document (HL7 CDA R2, UTF-8):
 * the header, the three `documentationOf` events (validity, profile version,
 * forløbslabel) and the four sections with sub-sections, coded entries and
 * narrative tables that say the same. A level that is not decided
 * (`status: 'provisional'`) is never coded as a level: instead of the
 * `levelObservation` with a `levelValues` code and `methodCode`, the level
 * sub-section holds a `provisionalLevelObservation` whose value is the range
 * (`IVL_INT`, at least to at most), with the awaited items
 * (`levelAwaiting`), drivers and contact plan, and the narrative says
 * "Ikke fastlagt: foreløbigt mindst niveau …". Deterministic: the same plan
 * (and codes) always gives the same bytes; every id and time is in the plan.
 *
 * @param plan - the plan (validated again here)
 * @param options - the provisional codes to use
 * @returns the XML document as a string
 * @throws `KronikerpakkerError` (core) `INVALID_ARGUMENT` for an invalid plan,
 *   or a free text holding a character XML 1.0 forbids (the message names
 *   the path and `CPD_INVALID_XML_CHARACTER`, never the text)
 * @example
 * ```ts
 * const xml = toCpdXml(plan);
 * xml.startsWith('<?xml'); // true
 * ```
 */
export function toCpdXml(plan: TreatmentPlan, options: ToCpdXmlOptions = {}): string {
  const p = validPlan(plan);
  const codes = options.codes ?? DEFAULT_CPD_CODES;
  const w = new Writer();
  w.raw('<?xml version="1.0" encoding="UTF-8"?>');
  w.open('ClinicalDocument', {
    xmlns: 'urn:hl7-org:v3',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xmlns:sdtc': 'urn:hl7-org:sdtc',
  });
  w.empty('realmCode', { code: 'DK' });
  w.empty('typeId', { root: CPD.typeId.root, extension: CPD.typeId.extension });
  w.empty('templateId', { root: CPD.documentTemplateId });
  w.empty('id', { root: CPD.idRoot, extension: p.documentId, assigningAuthorityName: 'MedCom' });
  w.empty('code', { code: CPD.documentCode, codeSystem: CPD.loinc, codeSystemName: 'LOINC', displayName: CPD.documentCodeDisplay });
  w.leaf('title', p.title);
  const created = toCdaTimestamp(new Date(p.createdAt));
  w.empty('effectiveTime', { value: created });
  w.empty('confidentialityCode', { code: 'N', codeSystem: CPD.confidentialitySystem });
  w.empty('languageCode', { code: 'da-DK' });
  w.empty('setId', { root: CPD.idRoot, extension: p.version.setId });
  w.empty('versionNumber', { value: p.version.number });

  w.el('recordTarget', {}, () =>
    w.el('patientRole', { classCode: 'PAT' }, () => {
      w.empty('id', { root: CPD.cprOid, extension: p.patient.cpr, assigningAuthorityName: 'CPR' });
      const addr = p.patient.address;
      if (addr !== undefined) {
        w.el('addr', { use: 'H' }, () => {
          for (const line of addr.streetLines) w.leaf('streetAddressLine', line);
          w.leaf('postalCode', addr.postalCode);
          w.leaf('city', addr.city);
          w.leaf('country', 'Danmark');
        });
      }
      w.el('patient', { classCode: 'PSN', determinerCode: 'INSTANCE' }, () => {
        personName(w, p.patient.name);
        w.empty('administrativeGenderCode', { code: sexCode(p.patient.sex), codeSystem: CPD.genderSystem });
        w.empty('birthTime', { value: toCdaDate(p.patient.birthDate) });
      });
      w.el('providerOrganization', {}, () => {
        sorId(w, p.clinic.sorId);
        w.leaf('name', p.clinic.name);
      });
    }),
  );
  const author = (): void => {
    w.el('author', {}, () => {
      w.empty('time', { value: created });
      w.el('assignedAuthor', {}, () => {
        sorId(w, p.author.sorId);
        w.el('assignedPerson', {}, () => { personName(w, p.author.name); });
        w.el('representedOrganization', {}, () => {
          sorId(w, p.clinic.sorId);
          w.leaf('name', p.clinic.name);
        });
      });
    });
  };
  author();
  w.el('custodian', {}, () =>
    w.el('assignedCustodian', {}, () =>
      w.el('representedCustodianOrganization', {}, () => {
        sorId(w, p.custodian.sorId);
        w.leaf('name', p.custodian.name);
      }),
    ),
  );
  // documentationOf 1: the validity period.
  w.el('documentationOf', {}, () =>
    w.el('serviceEvent', { classCode: 'PCPR', moodCode: 'EVN' }, () => {
      w.empty('templateId', { root: CPD.validityTemplateId });
      w.el('effectiveTime', {}, () => {
        w.empty('low', { value: toCdaDate(p.validity.start) });
        if (p.validity.end === undefined) w.empty('high', { nullFlavor: 'NI' });
        else w.empty('high', { value: toCdaDate(p.validity.end) });
      });
    }),
  );
  // documentationOf 2: the profile version.
  w.el('documentationOf', { typeCode: 'DOC' }, () =>
    w.el('serviceEvent', { classCode: 'MPROT', moodCode: 'EVN' }, () => {
      w.empty('templateId', { root: CPD.profileTemplateId });
      w.empty('id', { root: CPD.idRoot, extension: CPD.profileVersion, assigningAuthorityName: 'MedCom' });
    }),
  );
  // documentationOf 3: the forløbslabel.
  w.el('documentationOf', {}, () =>
    w.el('serviceEvent', { classCode: 'PCPR', moodCode: 'EVN' }, () => {
      w.empty('templateId', { root: CPD.forloebslabelTemplateId });
      const label = codes.forloebslabel[p.package];
      w.empty('code', { code: label.code, codeSystem: label.codeSystem, codeSystemName: 'SKS', displayName: label.displayName });
    }),
  );
  const replaces = p.version.replaces;
  if (replaces !== undefined) {
    w.el('relatedDocument', { typeCode: 'RPLC' }, () => w.el('parentDocument', {}, () => { docId(w, replaces); }));
  }

  w.open('component');
  w.open('structuredBody');

  // 1. Health concerns.
  section(w, 'healthConcerns', `${String(p.healthConcerns.length)} diagnoser.`, () => { subSection(
      w,
      'healthConcerns',
      CPD.codes.diagnoseart,
      'Diagnoser',
      () => { table(
          w,
          ['Kode', 'Diagnose', 'Status', 'Dato'],
          p.healthConcerns.map((h) => [h.code, h.displayName, h.status === 'active' ? 'Aktiv' : 'Afsluttet', formatDanishDate(h.date)]),
          'Ingen diagnoser registreret.',
        ); },
      () => {
        for (const h of p.healthConcerns) {
          w.el('entry', { typeCode: 'DRIV' }, () =>
            w.el('act', { classCode: 'ACT', moodCode: 'EVN' }, () => {
              w.empty('templateId', { root: CPD.entryTemplates.healthConcernAct, extension: CPD.sectionExtension });
              docId(w, h.id);
              w.empty('code', { code: '75310-3', codeSystem: CPD.loinc, codeSystemName: 'LOINC', displayName: 'Health Concern' });
              w.empty('statusCode', { code: h.status });
              w.el('effectiveTime', {}, () => w.empty('low', { value: toCdaDate(h.date) }));
              w.el('author', {}, () => {
                w.empty('time', { value: created });
                w.el('assignedAuthor', {}, () => {
                  sorId(w, p.author.sorId);
                });
              });
              w.el('entryRelationship', { typeCode: 'REFR' }, () =>
                w.el('observation', { classCode: 'OBS', moodCode: 'EVN' }, () => {
                  code(w, CPD.codes.diagnoseart);
                  w.empty('statusCode', { code: 'completed' });
                  w.el('effectiveTime', {}, () => w.empty('low', { value: toCdaDate(h.date) }));
                  w.empty('value', {
                    'xsi:type': 'CD',
                    code: h.code,
                    codeSystem: h.system === 'ICPC-2' ? CPD.icpc2Dk : CPD.sks,
                    codeSystemName: h.system === 'ICPC-2' ? 'ICPC-2-DK' : 'SKS',
                    displayName: h.displayName,
                  });
                }),
              );
            }),
          );
        }
      },
    ); },
  );

  // 2. Goals.
  section(w, 'goals', `${String(p.goals.length)} mål.`, () => { subSection(
      w,
      'goals',
      CPD.codes.goalText,
      'Mål',
      () => { table(
          w,
          ['Mål', 'Fastsat'],
          p.goals.map((g) => [g.kind === 'measurable' ? goalTargetText(g) : g.kind === 'patient' ? `Mit eget mål: ${g.text}` : g.text, formatDanishDate(g.date)]),
          'Ingen mål registreret.',
        ); },
      () => {
        for (const g of p.goals) {
          w.el('entry', { typeCode: 'DRIV' }, () =>
            w.el('observation', { classCode: 'OBS', moodCode: 'GOL' }, () => {
              w.empty('templateId', { root: CPD.entryTemplates.goal, extension: CPD.sectionExtension });
              docId(w, g.id);
              if (g.kind === 'measurable') {
                w.empty('code', { code: g.code.code, codeSystem: SYSTEM_OID[g.code.system], codeSystemName: g.code.system, displayName: g.code.displayName });
                if (g.text !== undefined) w.leaf('text', g.text);
              } else if (g.kind === 'patient') code(w, CPD.codes.goalText);
              else w.empty('code', { nullFlavor: 'NA' });
              w.empty('statusCode', { code: 'active' });
              w.empty('effectiveTime', { value: toCdaDate(g.date) });
              if (g.kind === 'measurable') {
                w.el('value', { 'xsi:type': 'IVL_PQ' }, () => {
                  if (g.direction === 'below') w.empty('high', { value: formatNumber(g.value), unit: g.unit, inclusive: 'false' });
                  else w.empty('low', { value: formatNumber(g.value), unit: g.unit, inclusive: 'true' });
                });
              } else w.leaf('value', g.text, { 'xsi:type': 'ST' });
            }),
          );
        }
      },
    ); },
  );

  // 3. Interventions: planned follow-ups, completed services and (MVP2) the level.
  const iv = p.interventions;
  section(w, 'interventions', `${String(iv.planned.length)} planlagte og ${String(iv.completed.length)} udførte aktiviteter.`, () => {
    subSection(
      w,
      'interventions',
      CPD.codes.plannedFollowUp,
      'Planlagt opfølgning',
      () => { table(w, ['Dato', 'Aktivitet'], iv.planned.map((x) => [formatDanishDate(x.date), x.text]), 'Ingen planlagte aktiviteter.'); },
      () => {
        for (const x of iv.planned) {
          w.el('entry', { typeCode: 'DRIV' }, () =>
            w.el('act', { classCode: 'ACT', moodCode: 'INT' }, () => {
              w.empty('templateId', { root: CPD.entryTemplates.intervention, extension: CPD.sectionExtension });
              docId(w, x.id);
              code(w, CPD.codes.plannedFollowUp);
              w.empty('statusCode', { code: 'active' });
              w.empty('effectiveTime', { value: toCdaDate(x.date) });
              w.el('entryRelationship', { typeCode: 'REFR' }, () =>
                w.el('observation', { classCode: 'OBS', moodCode: 'EVN' }, () => {
                  w.empty('code', { code: 'PlannedInterventionText', codeSystem: CPD.medcomMessageCodes, displayName: 'Planlagt aktivitet' });
                  w.leaf('value', x.text, { 'xsi:type': 'ST' });
                }),
              );
            }),
          );
        }
      },
    );
    subSection(
      w,
      'interventions',
      CPD.codes.services,
      'Udførte ydelser',
      () => { table(w, ['Dato', 'Ydelse'], iv.completed.map((x) => [formatDanishDate(x.date), x.text]), 'Ingen udførte ydelser.'); },
      () => {
        for (const x of iv.completed) {
          w.el('entry', { typeCode: 'DRIV' }, () =>
            w.el('act', { classCode: 'ACT', moodCode: 'EVN' }, () => {
              w.empty('templateId', { root: CPD.entryTemplates.intervention, extension: CPD.sectionExtension });
              docId(w, x.id);
              code(w, CPD.codes.services);
              w.leaf('text', x.text);
              w.empty('statusCode', { code: 'completed' });
              w.empty('effectiveTime', { value: toCdaDate(x.date) });
            }),
          );
        }
      },
    );
    const lv = p.level;
    if (lv !== undefined) {
      const cp = lv.contactPlan;
      const provisional = lv.status === 'provisional';
      subSection(
        w,
        'interventions',
        codes.levelSection,
        'Niveau og kontaktplan',
        () => { table(
            w,
            ['Emne', 'Indhold'],
            [
              ['Niveau', levelStatusText(lv)],
              ['Grundlag', levelBasisText(lv)],
              ...(provisional ? lv.awaiting.map((a) => ['Mangler', a.text]) : []),
              ...lv.drivers.map((d) => ['Begrundelse', d.text]),
              ['Årsstatus', `Hver ${String(cp.aarsstatusIntervalMonths)}. måned`],
              ['Opfølgning', cp.followUpIntervalMonths === null ? 'Ingen fast opfølgning' : `Hver ${String(cp.followUpIntervalMonths)}. måned`],
              ['Kontaktplan', cp.text],
            ],
            '',
          ); },
        () =>
          w.el('entry', { typeCode: 'DRIV' }, () =>
            w.el('observation', { classCode: 'OBS', moodCode: 'EVN' }, () => {
              docId(w, lv.id);
              if (provisional) {
                // Not decided: no coded level (levelObservation, levelValues, methodCode) but the
                // possible range, so that no receiver reads a level nobody decided.
                code(w, codes.provisionalLevelObservation);
                w.empty('statusCode', { code: 'active' });
                w.empty('effectiveTime', { value: toCdaDate(lv.date) });
                w.el('value', { 'xsi:type': 'IVL_INT' }, () => {
                  w.empty('low', { value: lv.atLeast, inclusive: 'true' });
                  w.empty('high', { value: lv.atMost, inclusive: 'true' });
                });
              } else {
                code(w, codes.levelObservation);
                w.empty('statusCode', { code: 'completed' });
                w.empty('effectiveTime', { value: toCdaDate(lv.date) });
                w.empty('value', { 'xsi:type': 'CD', code: codes.levelValues[lv.level].code, codeSystem: codes.levelValues[lv.level].codeSystem, displayName: codes.levelValues[lv.level].displayName });
                w.empty('methodCode', { code: lv.basis, codeSystem: codes.levelCodeSystem });
              }
              for (const d of lv.drivers) {
                w.el('entryRelationship', { typeCode: 'RSON' }, () =>
                  w.el('observation', { classCode: 'OBS', moodCode: 'EVN' }, () => {
                    code(w, codes.levelDriver);
                    w.leaf('text', d.text);
                    w.empty('value', { 'xsi:type': 'CD', code: d.factor, codeSystem: codes.levelCodeSystem });
                  }),
                );
              }
              if (provisional) {
                for (const a of lv.awaiting) {
                  w.el('entryRelationship', { typeCode: 'COMP' }, () =>
                    w.el('observation', { classCode: 'OBS', moodCode: 'EVN' }, () => {
                      code(w, codes.levelAwaiting);
                      w.leaf('text', a.text);
                      w.empty('value', { 'xsi:type': 'CD', code: a.code, codeSystem: codes.levelCodeSystem });
                    }),
                  );
                }
              }
              const interval = (c: CpdCode, months: number | null): void => {
                w.el('entryRelationship', { typeCode: 'COMP' }, () =>
                  w.el('observation', { classCode: 'OBS', moodCode: 'EVN' }, () => {
                    code(w, c);
                    if (months === null) w.empty('value', { 'xsi:type': 'PQ', nullFlavor: 'NA' });
                    else w.empty('value', { 'xsi:type': 'PQ', value: months, unit: 'mo' });
                  }),
                );
              };
              interval(codes.aarsstatusInterval, cp.aarsstatusIntervalMonths);
              interval(codes.followUpInterval, cp.followUpIntervalMonths);
              w.el('entryRelationship', { typeCode: 'COMP' }, () =>
                w.el('observation', { classCode: 'OBS', moodCode: 'EVN' }, () => {
                  code(w, codes.contactPlan);
                  w.leaf('value', cp.text, { 'xsi:type': 'ST' });
                }),
              );
            }),
          ),
      );
    }
  });

  // 4. Outcomes.
  section(w, 'outcomes', `${String(p.outcomes.length)} resultater.`, () => { subSection(
      w,
      'outcomes',
      { code: CPD.sections.outcomes.loinc, codeSystem: CPD.loinc, displayName: 'Seneste resultater' },
      'Seneste resultater',
      () => { table(
          w,
          ['Måling', 'Værdi', 'Dato'],
          p.outcomes.map((o) => [o.displayName, formatValue(o.value, o.unit), formatDanishDate(o.date)]),
          'Ingen resultater registreret.',
        ); },
      () => {
        for (const o of p.outcomes) {
          w.el('entry', { typeCode: 'COMP' }, () =>
            w.el('observation', { classCode: 'OBS', moodCode: 'EVN' }, () => {
              w.empty('templateId', { root: CPD.entryTemplates.outcome, extension: CPD.sectionExtension });
              docId(w, o.id);
              w.empty('code', { code: o.code, codeSystem: SYSTEM_OID[o.system], codeSystemName: o.system, displayName: o.displayName });
              w.empty('statusCode', { code: 'completed' });
              w.empty('effectiveTime', { value: toCdaDate(o.date) });
              w.empty('value', { 'xsi:type': 'PQ', value: formatNumber(o.value), unit: o.unit });
            }),
          );
        }
      },
    ); },
  );

  w.close('structuredBody');
  w.close('component');
  w.close('ClinicalDocument');
  return w.toString();
}

/** A number as XSD `double` without exponent (the model keeps values within ±1e9). Internal. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}
