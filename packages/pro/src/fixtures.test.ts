import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePatientRecord } from '@kronikerpakker/core';
import { describe, expect, it } from 'vitest';
import { isScoredInstrument, safeScoreQuestionnaire } from './index';

// The synthetic clinic and the scorer must agree on item ids and answer codes.
const fixture = fileURLToPath(new URL('../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url));

describe('the synthetic fixture scores', () => {
  it('has no unknown items or out-of-range answers in any questionnaire', () => {
    const codes = new Map<string, number>();
    let scored = 0;
    for (const line of readFileSync(fixture, 'utf8').split('\n')) {
      if (line === '') continue;
      const record = parsePatientRecord(JSON.parse(line), { asOf: '2027-01-15' });
      for (const q of record.questionnaires) {
        if (!isScoredInstrument(q.instrument)) continue;
        const result = safeScoreQuestionnaire(q);
        if (result.success) scored++;
        else for (const issue of result.error.issues) codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
      }
    }
    expect(scored).toBeGreaterThan(50);
    // Skipped items are realistic; anything else means the generator and the definitions disagree.
    expect([...codes.keys()].filter((c) => c !== 'too-many-missing')).toEqual([]);
  });
});
