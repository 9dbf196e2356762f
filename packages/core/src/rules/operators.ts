/**
 * The operators a rule pack may use: json-rules-engine's built-ins with
 * exactly its semantics, plus date operators relative to `asOf` and
 * value-set membership. Each operator declares the fact types it accepts and
 * checks its `value` when a pack loads, so a wrong operand is a load error,
 * not a silent `false` at run time.
 *
 * @module
 */
import { getValueSet, inValueSet, VALUE_SET_IDS } from '../codes/value-sets';
import type { ValueSet } from '../codes/value-sets';
import { isWithinLastDays, isWithinLastMonths } from '../time/intervals';
import { subMonthsIso } from '../time/arithmetic';
import type { IsoDate } from '../time/iso-date';
import type { FactCoding, FactDefinition, FactType, FactValue } from './facts';

/** A reason an operand is wrong for an operator (a load-time check). */
export type OperandProblem = 'wrong-operand-type' | 'unknown-value-set' | 'unknown-fact-value';

/** How one operator is defined. */
export interface OperatorDefinition {
  /** The operator's name, as rule packs write it. */
  readonly name: string;
  /** What it does, for rule authors. */
  readonly description: string;
  /** Whether json-rules-engine has it built in (otherwise `toJsonRulesEngine` provides it). */
  readonly builtIn: boolean;
  /** The fact types it accepts. */
  readonly factTypes: readonly FactType[];
  /** Checks the `value` operand against the fact; returns a problem or undefined. */
  readonly checkValue: (value: unknown, fact: FactDefinition) => OperandProblem | undefined;
  /**
   * Prepares the operand once at compile time (a value-set lookup, say) and
   * returns the predicate over a known fact value.
   */
  readonly prepare: (value: unknown) => (factValue: Exclude<FactValue, undefined>, asOf: IsoDate) => boolean;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** For equal / notEqual / in: the operand must have the fact's type, and be one of a string fact's values. */
function sameTypeAsFact(v: unknown, fact: FactDefinition): OperandProblem | undefined {
  switch (fact.type) {
    case 'number':
      return isNumber(v) ? undefined : 'wrong-operand-type';
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'wrong-operand-type';
    case 'string':
      if (typeof v !== 'string') return 'wrong-operand-type';
      return fact.values !== undefined && !fact.values.includes(v) ? 'unknown-fact-value' : undefined;
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'wrong-operand-type';
    case 'string-list':
    case 'coding-list':
      return 'wrong-operand-type';
  }
}

/** For in / notIn: a non-empty list whose every element fits the fact. */
function listOfFactType(v: unknown, fact: FactDefinition): OperandProblem | undefined {
  if (!Array.isArray(v) || v.length === 0) return 'wrong-operand-type';
  for (const x of v) {
    const problem = sameTypeAsFact(x, fact);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function numeric(name: string, description: string, cmp: (a: number, b: number) => boolean): OperatorDefinition {
  return {
    name,
    description,
    builtIn: true,
    factTypes: ['number'],
    checkValue: (v) => (isNumber(v) ? undefined : 'wrong-operand-type'),
    prepare: (value) => {
      const b = value as number;
      return (a) => cmp(a as number, b);
    },
  };
}

function positiveInteger(v: unknown): OperandProblem | undefined {
  return Number.isInteger(v) && (v as number) > 0 ? undefined : 'wrong-operand-type';
}

function valueSetOperand(v: unknown): OperandProblem | undefined {
  if (typeof v !== 'string') return 'wrong-operand-type';
  return (VALUE_SET_IDS as readonly string[]).includes(v) ? undefined : 'unknown-value-set';
}

function anyIn(valueSet: ValueSet, codings: readonly FactCoding[]): boolean {
  for (const c of codings) if (inValueSet(valueSet, c)) return true;
  return false;
}

const definitions: readonly OperatorDefinition[] = [
  {
    name: 'equal',
    description: 'fact === value (json-rules-engine built-in).',
    builtIn: true,
    factTypes: ['number', 'boolean', 'string', 'date'],
    checkValue: sameTypeAsFact,
    prepare: (b) => (a) => a === b,
  },
  {
    name: 'notEqual',
    description: 'fact !== value (json-rules-engine built-in).',
    builtIn: true,
    factTypes: ['number', 'boolean', 'string', 'date'],
    checkValue: sameTypeAsFact,
    prepare: (b) => (a) => a !== b,
  },
  numeric('lessThan', 'fact < value, numbers only.', (a, b) => a < b),
  numeric('lessThanInclusive', 'fact <= value, numbers only.', (a, b) => a <= b),
  numeric('greaterThan', 'fact > value, numbers only.', (a, b) => a > b),
  numeric('greaterThanInclusive', 'fact >= value, numbers only.', (a, b) => a >= b),
  {
    name: 'in',
    description: 'value (an array) includes fact (json-rules-engine built-in).',
    builtIn: true,
    factTypes: ['number', 'boolean', 'string', 'date'],
    checkValue: listOfFactType,
    prepare: (b) => {
      const list = b as readonly unknown[];
      return (a) => list.includes(a);
    },
  },
  {
    name: 'notIn',
    description: 'value (an array) does not include fact (json-rules-engine built-in).',
    builtIn: true,
    factTypes: ['number', 'boolean', 'string', 'date'],
    checkValue: listOfFactType,
    prepare: (b) => {
      const list = b as readonly unknown[];
      return (a) => !list.includes(a);
    },
  },
  {
    name: 'contains',
    description: 'fact (a list) includes value (json-rules-engine built-in).',
    builtIn: true,
    factTypes: ['string-list'],
    checkValue: (v, fact) =>
      typeof v !== 'string' ? 'wrong-operand-type' : fact.values !== undefined && !fact.values.includes(v) ? 'unknown-fact-value' : undefined,
    prepare: (b) => (a) => (a as readonly unknown[]).includes(b),
  },
  {
    name: 'doesNotContain',
    description: 'fact (a list) does not include value (json-rules-engine built-in).',
    builtIn: true,
    factTypes: ['string-list'],
    checkValue: (v, fact) =>
      typeof v !== 'string' ? 'wrong-operand-type' : fact.values !== undefined && !fact.values.includes(v) ? 'unknown-fact-value' : undefined,
    prepare: (b) => (a) => !(a as readonly unknown[]).includes(b),
  },
  {
    name: 'anyInValueSet',
    description: 'At least one code of the fact (a coding list) is in the value set named by value.',
    builtIn: false,
    factTypes: ['coding-list'],
    checkValue: valueSetOperand,
    prepare: (b) => {
      const vs = getValueSet(b as string);
      return (a) => anyIn(vs, a as readonly FactCoding[]);
    },
  },
  {
    name: 'noneInValueSet',
    description: 'No code of the fact (a coding list) is in the value set named by value.',
    builtIn: false,
    factTypes: ['coding-list'],
    checkValue: valueSetOperand,
    prepare: (b) => {
      const vs = getValueSet(b as string);
      return (a) => !anyIn(vs, a as readonly FactCoding[]);
    },
  },
  {
    name: 'withinLastMonths',
    description: 'The fact (a date) lies within the last `value` calendar months of asOf, both ends inclusive.',
    builtIn: false,
    factTypes: ['date'],
    checkValue: positiveInteger,
    prepare: (b) => (a, asOf) => isWithinLastMonths(a as IsoDate, asOf, b as number),
  },
  {
    name: 'olderThanMonths',
    description: 'The fact (a date) lies before the first day of the last `value` calendar months of asOf.',
    builtIn: false,
    factTypes: ['date'],
    checkValue: positiveInteger,
    prepare: (b) => (a, asOf) => (a as IsoDate) < subMonthsIso(asOf, b as number),
  },
  {
    name: 'withinLastDays',
    description: 'The fact (a date) lies within the last `value` days of asOf, both ends inclusive.',
    builtIn: false,
    factTypes: ['date'],
    checkValue: positiveInteger,
    prepare: (b) => (a, asOf) => isWithinLastDays(a as IsoDate, asOf, b as number),
  },
];

/** Every operator a pack may use, by name. */
export const OPERATORS: ReadonlyMap<string, OperatorDefinition> = new Map(definitions.map((d) => [d.name, d]));
