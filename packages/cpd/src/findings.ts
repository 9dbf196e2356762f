/**
 * Findings of {@link validateCpd} and {@link parseCpd}: a code from a closed
 * union, a severity and an XPath-like location. Never document content.
 *
 * @module
 */

import type { CpdLimitName } from './limits';

/** Every finding code, in a stable order (see `docs/cpd.md` for each one's meaning). */
export const CPD_FINDING_CODES = [
  'CPD_XML_MALFORMED',
  'CPD_DOCTYPE_FORBIDDEN',
  'CPD_XSD_INVALID',
  'CPD_NOT_CLINICAL_DOCUMENT',
  'CPD_REALM_CODE',
  'CPD_TYPE_ID',
  'CPD_DOCUMENT_TEMPLATE_ID',
  'CPD_DOCUMENT_ID',
  'CPD_DOCUMENT_CODE',
  'CPD_TITLE_MISSING',
  'CPD_EFFECTIVE_TIME',
  'CPD_CONFIDENTIALITY_CODE',
  'CPD_LANGUAGE_CODE',
  'CPD_PATIENT_ID',
  'CPD_PATIENT_DATA',
  'CPD_AUTHOR',
  'CPD_CUSTODIAN',
  'CPD_VALIDITY_MISSING',
  'CPD_VALIDITY_TEMPLATE_ID_MISSING',
  'CPD_PROFILE_VERSION_MISSING',
  'CPD_FORLOEBSLABEL_MISSING',
  'CPD_FORLOEBSLABEL_UNKNOWN',
  'CPD_SECTION_MISSING',
  'CPD_SECTION_TEMPLATE_ID_MISSING',
  'CPD_SECTION_CODE_MISSING',
  'CPD_SECTION_TITLE_MISSING',
  'CPD_SECTION_TITLE_EMPTY',
  'CPD_SECTION_TEXT_MISSING',
  'CPD_NARRATIVE_EMPTY',
  'CPD_SUBSECTION_MISSING',
  'CPD_SUBSECTION_TEMPLATE_ID',
  'CPD_SUBSECTION_TEMPLATE_ID_TYPO',
  'CPD_ENTRY_UNREADABLE',
  'CPD_INTERVENTION_ENCOUNTER',
  'CPD_CODE_SYSTEM_MISMATCH',
  'CPD_GOAL_TEXT_TOO_LONG',
  'CPD_PROVISIONAL_CODE',
  'CPD_PLAN_INCOMPLETE',
  'CPD_TOO_LARGE',
] as const;

/** A finding code. A closed union: switch on it exhaustively. */
export type CpdFindingCode = (typeof CPD_FINDING_CODES)[number];

/** `error`: the document breaks CPD-DK 2.0.0 or the CDA schema; `warning`: tolerated (a known MedCom defect, a provisional code). */
export type CpdSeverity = 'error' | 'warning';

/**
 * One finding. `location` is XPath-like (`/ClinicalDocument/component/
 * structuredBody/component[2]/section/templateId`) and names the element
 * that is missing or wrong; `line` is given for XML and XSD errors. No
 * finding ever holds text or values from the document.
 *
 * @example
 * ```ts
 * const f: CpdFinding = { code: 'CPD_SECTION_TEMPLATE_ID_MISSING', severity: 'error', location: '/ClinicalDocument/component/structuredBody/component[1]/section/templateId' };
 * ```
 */
export interface CpdFinding {
  /** What kind of problem. */
  readonly code: CpdFindingCode;
  /** How serious. */
  readonly severity: CpdSeverity;
  /** Where: an XPath-like path to the element (or attribute, `/@value`). */
  readonly location: string;
  /** The line in the XML, where known. */
  readonly line?: number;
  /** For `CPD_TOO_LARGE` only: the limit the document exceeds (see {@link CpdLimits}). */
  readonly limit?: CpdLimitName;
}
