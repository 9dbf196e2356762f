import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { patientRecordJsonSchema, rulePackJsonSchema } from './json-schema';

const shipped = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../schema/${name}`, import.meta.url)), 'utf8')) as unknown;

describe('shipped JSON Schemas', () => {
  it('match the zod schemas (regenerate with `pnpm --filter @kronikerpakker/core generate:schema`)', () => {
    expect(shipped('rule-pack.schema.json')).toEqual(rulePackJsonSchema());
    expect(shipped('patient-record.schema.json')).toEqual(patientRecordJsonSchema());
  });

  it('describe the pack fields a rule author types', () => {
    const schema = rulePackJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['id', 'version', 'validFrom', 'validTo', 'status', 'sources', 'rules']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'validFrom', 'status', 'sources', 'rules']));
  });
});
