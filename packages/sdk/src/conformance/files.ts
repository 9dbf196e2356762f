/**
 * The conformance kit on disk (Node only): read the kit, read a vendor's
 * output folder, validate their CPD documents, and compare.
 *
 * A vendor's output folder holds, per case `NNN`, `NNN.json` (the
 * {@link ConformanceOutput}) and, for each package whose expectation has
 * `cpd: true`, `NNN-KOL.xml` / `NNN-LRS.xml` (the CPD-DK document).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KronikerpakkerError } from '@kronikerpakker/core';
import type { PackageId } from '@kronikerpakker/core';
import { validateCpd } from '@kronikerpakker/cpd';
import type { CdaSchemaSet } from '@kronikerpakker/cpd';
import { compareConformance } from './kit';
import type { ConformanceExpectation, ConformanceKit, ConformanceReport, VendorCaseOutput } from './kit';

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Reads and checks a kit manifest.
 *
 * @param kitDir - the kit folder (holding `kit.json`)
 * @returns the kit
 * @throws `KronikerpakkerError` `INVALID_ARGUMENT` when `kit.json` is absent or not a kit
 */
export async function readConformanceKit(kitDir: string): Promise<ConformanceKit> {
  const text = await readIfExists(join(kitDir, 'kit.json'));
  if (text === undefined) throw new KronikerpakkerError('INVALID_ARGUMENT', 'The kit folder has no kit.json', { path: ['kitDir'] });
  let kit: unknown;
  try {
    kit = JSON.parse(text);
  } catch {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'kit.json is not JSON', { path: ['kitDir', 'kit.json'] });
  }
  const k = kit as Partial<ConformanceKit>;
  if (k.kind !== 'kronikerpakker-conformance-kit' || k.version !== 1 || !Array.isArray(k.cases)) {
    throw new KronikerpakkerError('INVALID_ARGUMENT', 'kit.json is not a version 1 conformance kit', { path: ['kitDir', 'kit.json'] });
  }
  return kit as ConformanceKit;
}

/** Options of {@link runConformance}. */
export interface RunConformanceOptions {
  /** The CDA schemas: when given, the vendor's CPD documents are XSD-validated too. */
  readonly schemas?: CdaSchemaSet;
}

/**
 * Compares a vendor's output folder with the kit: each case passed, failed
 * (with the differences) or missing. An output file that is not JSON fails
 * its case.
 *
 * @param kitDir - the kit folder
 * @param outputsDir - the vendor's output folder
 * @param options - optional CDA schemas for the CPD documents
 * @returns the report
 */
export async function runConformance(kitDir: string, outputsDir: string, options: RunConformanceOptions = {}): Promise<ConformanceReport> {
  const kit = await readConformanceKit(kitDir);
  const vendor = new Map<string, VendorCaseOutput>();
  for (const kase of kit.cases) {
    const text = await readIfExists(join(outputsDir, `${kase.id}.json`));
    let output: unknown;
    if (text !== undefined) {
      try {
        output = JSON.parse(text);
      } catch {
        output = { unreadable: 'the output file is not JSON' };
      }
    }
    const cpdValid: Partial<Record<PackageId, boolean | undefined>> = {};
    for (const [pkg, expected] of Object.entries(kase.expected) as [PackageId, ConformanceExpectation][]) {
      if (!expected.cpd) continue;
      const xml = await readIfExists(join(outputsDir, `${kase.id}-${pkg}.xml`));
      cpdValid[pkg] = xml === undefined ? undefined : (await validateCpd(xml, options.schemas === undefined ? {} : { schemas: options.schemas })).valid;
    }
    vendor.set(kase.id, { output, cpdValid });
  }
  return compareConformance(kit, (id) => vendor.get(id) ?? { output: undefined });
}
