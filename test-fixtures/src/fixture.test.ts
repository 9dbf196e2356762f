import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePatientRecord } from '@kronikerpakker/core';
import { EDGE_CASE_KINDS, edgeCaseOf } from './edge-cases';
import { generateClinicNdjson } from './generate';

const FIXTURE = new URL('../data/clinic-seed-2027-n500.ndjson', import.meta.url);
const ASOF = '2027-01-15';

describe('committed fixture data/clinic-seed-2027-n500.ndjson', () => {
  const text = readFileSync(FIXTURE, 'utf8');

  it('equals a fresh generation (seed 2027, size 500, asOf 2027-01-15), so it never drifts', () => {
    // If this fails after a deliberate generator change, regenerate (see README.md).
    expect(text === [...generateClinicNdjson({ seed: 2027, size: 500, asOf: ASOF })].join('')).toBe(true);
  });

  it('is pure NDJSON of 500 synthetic records that all parse', () => {
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(500);
    const kinds = new Set<string>();
    lines.forEach((line, i) => {
      const record = JSON.parse(line) as { id: string; synthetic: boolean };
      expect(record.synthetic).toBe(true);
      expect(record.id.startsWith(`syn-2027-${i + 1}`)).toBe(true);
      const kind = edgeCaseOf(record.id);
      if (kind !== undefined) kinds.add(kind);
      parsePatientRecord(record, { asOf: ASOF });
    });
    expect([...kinds].sort()).toEqual([...EDGE_CASE_KINDS].sort());
  });
});
