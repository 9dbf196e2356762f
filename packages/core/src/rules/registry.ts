/**
 * Versions of rule packs and their selection by date: the version valid on
 * `asOf` decides, and no valid version is an error, never a guess.
 *
 * @module
 */
import { InvalidRulePackError, KronikerpakkerError } from '../errors/errors';
import type { RulePackIssue } from '../errors/errors';
import { assertAsOf } from '../time/iso-date';
import type { IsoDate } from '../time/iso-date';
import { compileRulePack } from './evaluate';
import type { CompiledRulePack } from './evaluate';
import { isPackIdForm, loadRulePack } from './pack';
import type { LoadRulePackOptions, RulePack } from './pack';

/** Whether two inclusive validity intervals share a day (open end = forever). */
function overlaps(a: RulePack, b: RulePack): boolean {
  const aEnd = a.validTo ?? '9999-12-31';
  const bEnd = b.validTo ?? '9999-12-31';
  return a.validFrom <= bEnd && b.validFrom <= aEnd;
}

/**
 * A set of rule packs, possibly several versions of each, compiled once.
 * Integrators replace packs by building a set with newer versions: no code
 * change is needed.
 */
export interface RulePackSet {
  /** All loaded packs. */
  readonly packs: readonly RulePack[];
  /**
   * The compiled version of pack `id` valid on `asOf`.
   *
   * @throws {@link InvalidRulePackError} (`no-valid-version`) when none is valid
   */
  select(id: string, asOf: IsoDate): CompiledRulePack;
}

/**
 * Builds a {@link RulePackSet} from pack documents (or loaded packs): loads
 * and validates each, checks that no two versions of one pack overlap in
 * validity, and compiles each once.
 *
 * @param packs - pack JSON documents or packs from `loadRulePack`
 * @param options - the fact catalogue the packs use (default: the core facts)
 * @returns the set
 * @throws {@link InvalidRulePackError} for an invalid pack or overlapping versions, and (`invalid-shape`
 *   at the root) for `packs` that is not an array; `KronikerpakkerError` `INVALID_ARGUMENT` for bad options
 * @example
 * ```ts
 * const set = createRulePackSet([kolInclusion, lrsInclusion]);
 * const compiled = set.select('kol-inclusion', '2027-01-15');
 * ```
 */
export function createRulePackSet(packs: readonly unknown[], options: LoadRulePackOptions = {}): RulePackSet {
  if (!Array.isArray(packs)) {
    throw new InvalidRulePackError('Expected an array of rule-pack documents', [{ path: [], code: 'invalid-shape' }]);
  }
  // Read by index: an array whose constructor or iterator was overwritten is read like any other.
  const documents: unknown[] = [];
  for (let i = 0; i < packs.length; i++) documents.push(packs[i]);
  // A loaded pack is loaded again from its document, so a digest cannot be carried over from an edited object.
  const loaded = documents.map((p) => loadRulePack(isLoaded(p) ? documentOf(p) : p, options));
  const issues: RulePackIssue[] = [];
  for (let i = 0; i < loaded.length; i++) {
    for (let j = i + 1; j < loaded.length; j++) {
      const a = loaded[i] as RulePack;
      const b = loaded[j] as RulePack;
      if (a.id === b.id && overlaps(a, b)) {
        issues.push({ packId: a.id, path: ['validFrom'], code: 'overlapping-validity' });
      }
    }
  }
  if (issues.length > 0) {
    throw new InvalidRulePackError(
      `Rule packs with overlapping validity: ${[...new Set(issues.map((i) => `"${i.packId ?? ''}"`))].join(', ')}`,
      issues,
    );
  }
  const compiled = new Map<RulePack, CompiledRulePack>(loaded.map((p) => [p, compileRulePack(p)]));
  // A population is evaluated on one date, pack after pack for each patient: remember the last
  // choice per pack id (the set is immutable, so a choice never goes stale).
  const lastChoice = new Map<string, { readonly asOf: IsoDate; readonly pack: CompiledRulePack }>();
  return {
    packs: loaded,
    select(id, asOf) {
      const last = lastChoice.get(id);
      if (last !== undefined && last.asOf === asOf) return last.pack;
      if (typeof id !== 'string') throw new KronikerpakkerError('INVALID_ARGUMENT', 'Expected a rule-pack id', { path: ['id'] });
      assertAsOf(asOf);
      for (const p of loaded) {
        if (p.id === id && p.validFrom <= asOf && (p.validTo === undefined || asOf <= p.validTo)) {
          const pack = compiled.get(p) as CompiledRulePack;
          lastChoice.set(id, { asOf, pack });
          return pack;
        }
      }
      // The id (a constant of the package that selects) is named only in the form of a pack id: never an arbitrary string.
      const named = isPackIdForm(id);
      throw new InvalidRulePackError(`No version of rule pack${named ? ` "${id}"` : ''} is valid on the evaluation date`, [
        { ...(named ? { packId: id } : {}), path: [], code: 'no-valid-version' },
      ]);
    },
  };
}

function documentOf(p: RulePack): unknown {
  const { digest: _digest, ref: _ref, ...document } = p;
  return document;
}

function isLoaded(p: unknown): p is RulePack {
  return typeof p === 'object' && p !== null && typeof (p as { digest?: unknown }).digest === 'string' && 'ref' in p;
}
