/**
 * zod, guarded against input that makes it throw instead of reporting.
 *
 * zod runs its length checks (`.min()`, `.max()` on strings and arrays) on
 * any value that has a `length`, even after the type check failed, and
 * compares that length with a number. An object whose `length` cannot be
 * compared (a null-prototype object, a Symbol) then throws a `TypeError`
 * from inside `safeParse`, which is documented never to throw. No JSON
 * value has such a `length`; a JavaScript caller can pass one.
 *
 * {@link guardedSafeParse} calls `safeParse`; only when it throws, it
 * replaces each such value (down to the depth the schema can read) by a
 * value zod rejects cleanly, and parses again, so the issue is reported at
 * the value's own path as a wrong type.
 *
 * @internal
 * @module
 */
import type { z } from 'zod';

/** Stands in for a value zod cannot read: any schema the SDK uses rejects a symbol as a wrong type. */
const UNREADABLE: unique symbol = Symbol('kronikerpakker.unreadable');

/** Whether zod's `length >= n` on this value would throw. */
function unreadableLength(value: object): boolean {
  try {
    const length: unknown = (value as { length?: unknown }).length;
    if (length === undefined || typeof length === 'number') return false;
    // zod compares the length with a number: converting it throws exactly when that comparison does.
    Number(length);
    return false;
  } catch {
    return true;
  }
}

/**
 * The value with every unreadable object replaced by {@link UNREADABLE}, or
 * the value itself when nothing inside changed. Containers on the way are
 * copied with their prototype and every own property, so zod sees the same
 * keys; shared and cyclic values are handled once.
 */
function defuse(value: unknown, depth: number, memo: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null || depth <= 0) return value;
  const known = memo.get(value);
  if (known !== undefined) return known;
  memo.set(value, value);
  if (!Array.isArray(value) && unreadableLength(value)) {
    memo.set(value, UNREADABLE);
    return UNREADABLE;
  }
  const descriptors = Object.getOwnPropertyDescriptors(value);
  let changed = false;
  for (const key of Reflect.ownKeys(descriptors)) {
    const d = (descriptors as Record<PropertyKey, PropertyDescriptor>)[key];
    if (d === undefined || !('value' in d)) continue;
    const next = defuse(d.value, depth - 1, memo);
    if (next !== d.value) {
      d.value = next;
      changed = true;
    }
  }
  if (!changed) return value;
  const copy: unknown = Object.defineProperties(Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value) as object | null), descriptors);
  memo.set(value, copy);
  return copy;
}

/**
 * `schema.safeParse(input, params)` that does not throw for input zod
 * cannot read (see the module). `undefined` when zod throws even so: the
 * caller reports the input as invalid at its root.
 *
 * @internal
 * @param schema - the zod schema
 * @param input - anything
 * @param params - zod's parse parameters
 * @param depth - how deep the schema can read (values below are never touched)
 * @returns zod's result, or undefined
 */
export function guardedSafeParse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  params: Parameters<S['safeParse']>[1],
  depth: number,
): ReturnType<S['safeParse']> | undefined {
  try {
    return schema.safeParse(input, params) as ReturnType<S['safeParse']>;
  } catch {
    // zod threw on a value it cannot read: parse again with such values replaced.
  }
  try {
    return schema.safeParse(defuse(input, depth, new Map()), params) as ReturnType<S['safeParse']>;
  } catch {
    return undefined;
  }
}
