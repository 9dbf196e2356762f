/**
 * The synthetic parties of the example's treatment plans, and the notices
 * its outputs carry. SYNTHETIC DATA ONLY.
 *
 * @module
 */

/** The notice every output holding patient rows carries. */
export const SYNTHETIC_NOTICE = 'SYNTHETIC DATA ONLY: generated test patients, not real people.';

/** The comment put after the XML declaration of a CPD document made from a synthetic record. */
export const SYNTHETIC_XML_COMMENT = '<!-- SYNTHETIC DATA ONLY: a generated test patient, not a real person. -->';

/** The clinic, author and patient name a synthetic plan is written with (the record holds no names). */
export const SYNTHETIC_PLAN_PARTIES = {
  clinic: { sorId: '123456789012345', name: 'Syntetisk Lægehus (SYNTHETIC)' },
  author: { sorId: '123456789012346', name: { prefix: 'Læge', given: ['Syntetisk'], family: 'Læge' } },
  patientName: { given: ['Syntetisk'], family: 'Patient' },
} as const;

/**
 * Puts {@link SYNTHETIC_XML_COMMENT} after the XML declaration of a document
 * made from a synthetic record (`synthetic: true`).
 *
 * @param xml - the CPD document
 * @param synthetic - whether the record was synthetic
 * @returns the document, marked when synthetic
 */
export function markSynthetic(xml: string, synthetic: boolean): string {
  if (!synthetic) return xml;
  const end = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  return `${xml.slice(0, end)}\n${SYNTHETIC_XML_COMMENT}${xml.slice(end)}`;
}

/**
 * The CPD document's time: noon on `asOf`, Copenhagen, so the output
 * depends on `asOf` only (a production integration passes its own clock).
 *
 * @param asOf - the evaluation date
 * @returns a clock for `buildTreatmentPlan`
 */
export function clockOf(asOf: string): () => Date {
  return () => new Date(`${asOf}T12:00:00+01:00`);
}
