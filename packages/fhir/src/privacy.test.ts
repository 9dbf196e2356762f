import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRecords, toFhirBundle } from '@kronikerpakker/test-fixtures';
import { fromFhirBundle } from './from-bundle';

const ASOF = '2027-01-15';
type Json = Record<string, unknown>;

/** Where a marker is planted in a resource. */
const PLACES = ['id', 'text', 'name', 'identifier', 'date', 'note', 'fullUrl', 'code', 'reference'] as const;
type Place = (typeof PLACES)[number];

const DATE_KEYS = ['birthDate', 'effectiveDateTime', 'recordedDate', 'onsetDateTime', 'authored', 'occurrenceDateTime', 'authoredOn', 'deceasedDateTime'];

function plant(entry: Json, place: Place, marker: string): void {
  const resource = entry['resource'] as Json;
  switch (place) {
    case 'id':
      resource['id'] = marker;
      break;
    case 'text':
      resource['text'] = { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${marker}</div>` };
      break;
    case 'name':
      resource['name'] = [{ family: marker, given: [marker] }];
      break;
    case 'identifier':
      resource['identifier'] = [{ system: 'urn:oid:1.2.208.176.1.2', value: marker }];
      break;
    case 'date':
      for (const key of DATE_KEYS) if (key in resource) resource[key] = `${marker}-01-01`;
      break;
    case 'note':
      resource['note'] = [{ text: marker }];
      break;
    case 'fullUrl':
      entry['fullUrl'] = `urn:uuid:${marker}`;
      break;
    case 'code': {
      const code = resource['code'];
      if (typeof code === 'object' && code !== null) (code as Json)['coding'] = [{ system: `urn:${marker}`, code: marker, display: marker }];
      break;
    }
    case 'reference':
      resource['subject'] = { reference: `Patient/${marker}`, display: marker };
      break;
  }
}

describe('privacy: the report and errors carry no content of the Bundle', () => {
  it('no marker planted in names, identifiers, ids, free text, dates, codes or references reaches the report or an error (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100_000 }),
        fc.stringMatching(/^[A-Z][a-z0-9]{3}[0-9]{4}Q$/),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PLACES)), { minLength: 1, maxLength: 12 }),
        (seed, token, plantings) => {
          const marker = `Zq${token}`;
          const [record] = generateRecords({ seed, size: 1, asOf: ASOF });
          if (record === undefined) return;
          const bundle = JSON.parse(JSON.stringify(toFhirBundle(record))) as { entry: Json[] };
          for (const [n, place] of plantings) {
            const entry = bundle.entry[n % bundle.entry.length];
            if (entry !== undefined) plant(entry, place, marker);
          }
          const result = fromFhirBundle(bundle, { asOf: ASOF });
          expect(JSON.stringify(result.report)).not.toContain(marker);
          expect(JSON.stringify(result.report)).not.toContain(token);
          if (!result.success) {
            for (const text of [result.error.message, String(result.error), JSON.stringify(result.error), result.error.stack ?? '']) {
              expect(text).not.toContain(marker);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the report of a plain generated Bundle holds no record value (CPR, dates, id)', () => {
    for (const record of generateRecords({ seed: 99, size: 20, asOf: ASOF })) {
      const text = JSON.stringify(fromFhirBundle(toFhirBundle(record), { asOf: ASOF }).report);
      expect(text).not.toContain(record.id);
      expect(text).not.toContain(record.patient.birthDate);
      if (record.patient.cpr !== undefined) expect(text).not.toContain(record.patient.cpr);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });
});
