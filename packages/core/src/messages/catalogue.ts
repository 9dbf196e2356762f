/**
 * The machinery of a typed message catalogue: parameter kinds, message
 * definitions and {@link defineCatalogue}.
 *
 * @module
 */

import type { Locale } from './locale';
import type { RedFlagCategory } from '../record/vocabulary';

/**
 * The kinds of value a message parameter can hold, with the TypeScript type
 * of each. Kinds are data, so {@link formatMessage} can check parameters at
 * run time and an integrator can see what a message needs.
 *
 * @example
 * ```ts
 * type Weeks = ParamKindTypes['integer']; // number
 * ```
 */
export interface ParamKindTypes {
  /** Any text: a field path, a rule-pack id. Never patient data. */
  readonly string: string;
  /** A finite number. */
  readonly number: number;
  /** A whole number (a count, an age in years). */
  readonly integer: number;
  /** A calendar date written `YYYY-MM-DD`; shown in words. */
  readonly date: string;
  /** A {@link RedFlagCategory}; shown as its label. */
  readonly 'red-flag-category': RedFlagCategory;
}

/**
 * The name of a parameter kind: `'string'`, `'number'`, `'integer'`,
 * `'date'` or `'red-flag-category'`.
 *
 * @example
 * ```ts
 * const kind: ParamKind = 'date';
 * ```
 */
export type ParamKind = keyof ParamKindTypes;

/**
 * The parameters a message takes: each parameter's name and kind. `{}` for a
 * message without parameters.
 *
 * @example
 * ```ts
 * const spec = { weeks: 'number', minWeeks: 'integer' } as const satisfies ParamSpec;
 * ```
 */
export type ParamSpec = { readonly [name: string]: ParamKind };

/**
 * The parameter values that satisfy a {@link ParamSpec}.
 *
 * @typeParam S - the parameter specification
 * @example
 * ```ts
 * type P = ParamValues<{ minAge: 'integer' }>; // { readonly minAge: number }
 * ```
 */
export type ParamValues<S extends ParamSpec> = { readonly [K in keyof S]: ParamKindTypes[S[K]] };

/**
 * Renders one message in one language from its parameter values.
 *
 * @typeParam S - the message's parameter specification
 * @example
 * ```ts
 * const render: MessageRenderer<{ minAge: 'integer' }> = (p) => `Patienten er under ${p.minAge} år.`;
 * ```
 */
export type MessageRenderer<S extends ParamSpec> = (params: ParamValues<S>) => string;

/**
 * One message of a catalogue: its parameter specification and one renderer
 * per {@link Locale}. Adding a locale to `Locale` makes every message without
 * a text in it fail to compile.
 *
 * @typeParam S - the message's parameter specification
 * @example
 * ```ts
 * const definition: MessageDefinition<{ minAge: 'integer' }> = {
 *   params: { minAge: 'integer' },
 *   da: (p) => `Patienten er under ${p.minAge} år.`,
 *   en: (p) => `The patient is under ${p.minAge} years of age.`,
 * };
 * ```
 */
export type MessageDefinition<S extends ParamSpec = ParamSpec> = { readonly params: S } & {
  readonly [L in Locale]: MessageRenderer<S>;
};

/**
 * A catalogue of messages as built by {@link defineCatalogue}: code to
 * definition, read-only.
 *
 * @typeParam Specs - each code's parameter specification
 * @example
 * ```ts
 * type C = Catalogue<{ 'synthetic.record': {} }>;
 * ```
 */
export type Catalogue<Specs extends { readonly [code: string]: ParamSpec }> = {
  readonly [C in keyof Specs]: MessageDefinition<Specs[C]>;
};

/**
 * Builds a message catalogue. Write each message's parameters as data
 * (`params: { minAge: 'integer' }`); the parameter of every renderer is then
 * typed from it, with no annotations. The catalogue and its entries are frozen.
 *
 * @typeParam Specs - inferred: each code's parameter specification
 * @param catalogue - code to message definition
 * @returns the same catalogue, frozen, typed so that each code knows its parameters
 * @example
 * ```ts
 * const catalogue = defineCatalogue({
 *   'inclusion.age.below': {
 *     params: { minAge: 'integer' },
 *     da: (p) => `Patienten er under ${p.minAge} år.`,
 *     en: (p) => `The patient is under ${p.minAge} years of age.`,
 *   },
 * });
 * catalogue['inclusion.age.below'].da({ minAge: 40 }); // 'Patienten er under 40 år.'
 * ```
 */
export function defineCatalogue<const Specs extends { readonly [code: string]: ParamSpec }>(catalogue: {
  readonly [C in keyof Specs]: MessageDefinition<Specs[C]>;
}): Catalogue<Specs> {
  for (const definition of Object.values(catalogue) as MessageDefinition[]) {
    Object.freeze(definition.params);
    Object.freeze(definition);
  }
  return Object.freeze(catalogue);
}
