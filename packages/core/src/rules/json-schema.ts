/**
 * JSON Schemas generated from the zod schemas, so that rule authors get
 * editor completion and validation for packs, and integrators can validate
 * records on a non-JS stack. The shipped files under `schema/` are these
 * generated documents; a test keeps them in step.
 *
 * @module
 */
import { z } from 'zod';
import { PatientRecordSchema } from '../record/schema';
import { FACTS } from './facts';
import { OPERATORS } from './operators';
import { RulePackDocumentSchema } from './pack';

/** Adds the known fact and operator names to every leaf, for editor completion. */
function withFactAndOperatorNames(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) withFactAndOperatorNames(n);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  const props = o['properties'] as Record<string, Record<string, unknown>> | undefined;
  if (props?.['fact'] !== undefined && props['operator'] !== undefined) {
    props['fact']['enum'] = [...FACTS.keys()];
    props['operator']['enum'] = [...OPERATORS.keys()];
  }
  for (const v of Object.values(o)) withFactAndOperatorNames(v);
}

/**
 * The JSON Schema (draft 2020-12) of a rule-pack document.
 *
 * @returns the schema as a plain object
 * @example
 * ```ts
 * JSON.stringify(rulePackJsonSchema(), null, 2); // what schema/rule-pack.schema.json holds
 * ```
 */
export function rulePackJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RulePackDocumentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  withFactAndOperatorNames(schema);
  return {
    ...schema,
    $id: 'https://kronikerpakker.dk/schema/rule-pack.schema.json',
    title: 'kronikerpakker rule pack',
    description:
      'A versioned rule pack of the kronikerpakker SDK: metadata and rules in json-rules-engine JSON. Facts and operators are checked by the SDK when the pack loads.',
  };
}

/**
 * The JSON Schema (draft 2020-12) of a patient record as an integrator sends it
 * (the input form: lists optional, codes in any accepted spelling).
 *
 * @returns the schema as a plain object
 * @example
 * ```ts
 * JSON.stringify(patientRecordJsonSchema(), null, 2); // what schema/patient-record.schema.json holds
 * ```
 */
export function patientRecordJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PatientRecordSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://kronikerpakker.dk/schema/patient-record.schema.json',
    title: 'kronikerpakker patient record',
    description:
      'A dated snapshot of what an LPS knows about one patient. The SDK checks more than this schema can say (real calendar dates, dates not after asOf, consistency).',
  };
}
