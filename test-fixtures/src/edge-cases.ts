/**
 * The edge cases the generator plants on purpose. A patient built as an
 * edge case has the id suffix `-edge-<kind>` (for example
 * `syn-2027-118-edge-ratio-070`), is listed and alive, and has the
 * boundary value as its latest (or only) relevant entry.
 *
 * @module
 */

/** Every kind of planted edge case, in the order they are placed in a clinic. */
export const EDGE_CASE_KINDS = [
  /** KOL; latest post-bronchodilator spirometry has FEV1/FVC exactly 0.70 (not below the 0.70 cut-off). */
  'ratio-070',
  /** KOL; latest post-bronchodilator spirometry has FEV1/FVC exactly 0.69. */
  'ratio-069',
  /** KOL; latest spirometry FEV1 exactly 30 % of predicted (GOLD 3/4 boundary). */
  'fev1pp-30',
  /** KOL; latest spirometry FEV1 exactly 50 % of predicted (GOLD 2/3 boundary). */
  'fev1pp-50',
  /** KOL; latest spirometry FEV1 exactly 80 % of predicted (GOLD 1/2 boundary). */
  'fev1pp-80',
  /** KOL; latest MRC grade exactly 2. */
  'mrc-2',
  /** KOL; latest MRC grade exactly 3. */
  'mrc-3',
  /** KOL; turns exactly 30 on `asOf` (birthday = `asOf`). */
  'age-30-on-asof',
  /** LRS; turns exactly 18 on `asOf` (born after 2007-10-01 for the default `asOf`, so no CPR). */
  'age-18-on-asof',
  /** LRS; one ongoing back-pain episode with onset exactly 12 weeks (84 days) before `asOf`. */
  'backpain-12w',
  /** LRS; one ongoing back-pain episode with onset 12 weeks minus one day (83 days) before `asOf`. */
  'backpain-12w-minus-1d',
  /** Born on 29 February. */
  'leap-day-birth',
  /** KOL; born on, and with entries dated on, the last Sunday of March (DST starts). */
  'dst-spring',
  /** LRS; born on, and with entries dated on, the last Sunday of October (DST ends). */
  'dst-autumn',
  /** KOL and LRS; born on a 31st, entries on month ends (31st; 28/29 February). */
  'month-end',
  /** KOL; identical and conflicting entries on the same day (diagnosis, spirometry, MRC, CAT, encounter). */
  'same-day-duplicates',
  /** KOL; entries dated exactly `asOf`. */
  'dated-asof',
] as const;

/** A kind of planted edge case. */
export type EdgeCaseKind = (typeof EDGE_CASE_KINDS)[number];

/** The id suffix of an edge-case patient. */
export function edgeCaseSuffix(kind: EdgeCaseKind): string {
  return `-edge-${kind}`;
}

/**
 * The edge-case kind an id carries, if any.
 *
 * @example
 * ```ts
 * edgeCaseOf('syn-2027-118-edge-ratio-070'); // 'ratio-070'
 * edgeCaseOf('syn-2027-119'); // undefined
 * ```
 */
export function edgeCaseOf(id: string): EdgeCaseKind | undefined {
  const at = id.indexOf('-edge-');
  if (at < 0) return undefined;
  const kind = id.slice(at + 6);
  return (EDGE_CASE_KINDS as readonly string[]).includes(kind) ? (kind as EdgeCaseKind) : undefined;
}

/** Clinics of at least this size contain every edge-case kind at least once. */
export const EDGE_CASES_GUARANTEED_FROM = 200;

/** Chance that any other patient is also an edge case (of a random kind): about 2 per 1,000. */
export const EDGE_CASE_RANDOM_SHARE = 0.002;
