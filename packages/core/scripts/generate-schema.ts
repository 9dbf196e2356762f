// Writes schema/*.schema.json from the zod schemas (run after changing them).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { patientRecordJsonSchema, rulePackJsonSchema } from '../src/rules/json-schema';

const out = (name: string) => fileURLToPath(new URL(`../schema/${name}`, import.meta.url));
writeFileSync(out('rule-pack.schema.json'), `${JSON.stringify(rulePackJsonSchema(), null, 2)}\n`);
writeFileSync(out('patient-record.schema.json'), `${JSON.stringify(patientRecordJsonSchema(), null, 2)}\n`);
