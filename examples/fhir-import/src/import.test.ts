import { evaluatePatient } from '@kronikerpakker/sdk';
import type { FhirBundleInput, PatientEvaluation } from '@kronikerpakker/sdk';
import { generateClinic, toFhirBundle } from '@kronikerpakker/test-fixtures';
import { describe, expect, it } from 'vitest';
import { importBundle, isFhirBundle, renderImport, summariseMapping, syntheticBundle } from './import';

const asOf = '2027-01-15';

/** What must agree between a record and its Bundle: per package, status, level and care item codes. */
function outcome(e: PatientEvaluation): unknown {
  const pkg = (p: PatientEvaluation['packages']['KOL']) =>
    p === undefined
      ? null
      : {
          status: p.inclusion.status,
          enrolled: p.enrolled,
          level: p.level?.suggestedLevel ?? null,
          items: p.care.items.map((i) => i.code),
        };
  return { valid: e.valid, recordId: e.recordId, KOL: pkg(e.packages.KOL), LRS: pkg(e.packages.LRS) };
}

function bundleOf(record: Parameters<typeof toFhirBundle>[0]): FhirBundleInput {
  return { ...toFhirBundle(record) };
}

type Entry = { readonly resource: { readonly resourceType: string; readonly [k: string]: unknown }; readonly [k: string]: unknown };

function entriesOf(bundle: FhirBundleInput): Entry[] {
  return [...(bundle['entry'] as Entry[])];
}

describe('FHIR import', () => {
  const records = generateClinic({ seed: 4711, size: 300, asOf });

  it('evaluates a generated Bundle to the same statuses, levels and care items as its record', () => {
    let withLevel = 0;
    for (const record of records) {
      const fromRecord = evaluatePatient(record, { asOf });
      const fromBundle = importBundle(bundleOf(record), asOf);
      expect(fromBundle.mapping).toBeDefined();
      expect(outcome(fromBundle)).toEqual(outcome(fromRecord));
      if (fromBundle.packages.KOL?.level != null || fromBundle.packages.LRS?.level != null) withLevel++;
    }
    // The comparison must cover eligible patients with levels and items, not only trivial ones.
    expect(withLevel).toBeGreaterThanOrEqual(10);
  });

  it('reports an unknown resource type and an unknown code as ignored, and still evaluates', () => {
    const record = records.find((r) => evaluatePatient(r, { asOf }).packages.KOL?.inclusion.status === 'eligible')!;
    const base = bundleOf(record);
    const entries = entriesOf(base);
    const patientUrl = entries[0]!['fullUrl'] as string;
    const extra: Entry[] = [
      { fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000aa', resource: { resourceType: 'Medication', id: 'med-1' } },
      {
        fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000ab',
        resource: {
          resourceType: 'Observation',
          status: 'final',
          subject: { reference: patientUrl },
          effectiveDateTime: '2026-10-01',
          code: { coding: [{ system: 'http://loinc.org', code: '99999-9' }] },
          valueQuantity: { value: 1, unit: '1' },
        },
      },
    ];
    const bundle: FhirBundleInput = { ...base, entry: [...entries, ...extra] };
    const evaluation = importBundle(bundle, asOf);
    const summary = summariseMapping(evaluation.mapping!);
    expect(summary.counts.ignored).toBe(2);
    expect(summary.counts.rejected).toBe(0);
    expect(summary.ignored).toEqual({ 'unknown-resource-type': 1, 'unknown-code': 1 });
    expect(evaluation.mapping!.entries.slice(-2).map((e) => [e.index, e.resourceType, e.outcome, e.reason])).toEqual([
      [entries.length, 'Medication', 'ignored', 'unknown-resource-type'],
      [entries.length + 1, 'Observation', 'ignored', 'unknown-code'],
    ]);
    expect(evaluation.valid).toBe(true);
    expect(outcome(evaluation)).toEqual(outcome(evaluatePatient(record, { asOf })));
    const text = renderImport(evaluation, 'en').join('\n');
    expect(text).toContain('SYNTHETIC DATA ONLY');
    expect(text).toContain('unknown-resource-type: 1');
    expect(text).toContain('unknown-code: 1');
  });

  it('gives a coded failure without content for a Bundle without a Patient', () => {
    const record = records[0]!;
    const entries = entriesOf(bundleOf(record)).filter((e) => e.resource.resourceType !== 'Patient');
    const distinctive = 'ZZ-DISTINCTIVE-NOTE-4711';
    entries.push({
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-0000000000ac',
      resource: { resourceType: 'Flag', status: 'active', code: { text: distinctive } },
    });
    const bundle: FhirBundleInput = { resourceType: 'Bundle', type: 'collection', entry: entries };
    const evaluation = importBundle(bundle, asOf);
    expect(evaluation.valid).toBe(false);
    expect(evaluation.recordId).toBeNull();
    expect(evaluation.packages).toEqual({});
    expect(evaluation.issues).toEqual([{ path: ['patient'], code: 'required' }]);
    expect(evaluation.mapping!.issues).toEqual(['no-patient']);
    const outputs = [JSON.stringify(evaluation), renderImport(evaluation, 'en').join('\n'), renderImport(evaluation, 'da').join('\n')];
    for (const out of outputs) {
      expect(out).not.toContain(distinctive);
      expect(out).not.toContain(record.id);
      for (const e of entries) if (typeof e.resource['id'] === 'string') expect(out).not.toContain(e.resource['id']);
    }
    expect(renderImport(evaluation, 'en').join('\n')).toContain('Bundle issues: no-patient');
  });

  it('makes a synthetic Bundle for the demo that is eligible for a package', () => {
    const bundle = syntheticBundle(2027, asOf);
    expect(isFhirBundle(bundle)).toBe(true);
    expect(isFhirBundle({ resourceType: 'Patient' })).toBe(false);
    const e = importBundle(bundle, asOf);
    expect(e.valid).toBe(true);
    expect(e.recordId).toMatch(/^syn-2027-/);
    expect([e.packages.KOL?.inclusion.status, e.packages.LRS?.inclusion.status]).toContain('eligible');
  });
});
