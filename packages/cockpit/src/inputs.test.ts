/**
 * Every input form gives the same cockpit on the committed fixture; invalid
 * records are reported by position and code only; retainRows false keeps
 * the figures without rows; bad options are errors with a code and path.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KronikerpakkerError, createRulePackSet } from '@kronikerpakker/core';
import { kolInclusionPack, lrsInclusionPack } from '@kronikerpakker/inclusion';
import { buildCockpit } from './build';
import { readNdjsonLines } from './ndjson';
import { CLINIC, CLINIC_AS_OF } from './test-helpers';
import type { Cockpit, CockpitOptions, CockpitRow } from './types';

const FIXTURE = fileURLToPath(new URL('../../../test-fixtures/data/clinic-seed-2027-n500.ndjson', import.meta.url));
const FIXTURE_AS_OF = '2027-01-15';
const text = readFileSync(FIXTURE, 'utf8');
const lines = text.split('\n').filter((l) => l.length > 0);
/** One more record with Danish letters (a level decision reason), so a chunk boundary can fall inside a character. */
const EXTRA = JSON.stringify({
  id: 'syn-extra-æøå',
  synthetic: true,
  patient: { birthDate: '1950-03-03', sex: 'female', listed: true },
  diagnoses: [{ system: 'ICPC-2', code: 'R95', status: 'active', recordedDate: '2020-01-01' }],
  spirometry: [{ date: '2026-06-01', ratio: 0.6, fev1PercentPredicted: 55, postBronchodilator: true }],
  packageDecisions: [{ date: '2026-06-01', package: 'KOL', decision: 'included' }],
  levelDecisions: [{ date: '2026-06-01', package: 'KOL', level: 2, reason: 'Årsag: ønsker tæt opfølgning – “særlig” ♥' }],
});
const allLines = [...lines, EXTRA];
const objects: unknown[] = allLines.map((l) => JSON.parse(l) as unknown);

async function* asyncOf<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

function* generatorOf(items: readonly unknown[]): Iterable<unknown> {
  yield* items;
}

/** The bytes of `s` in chunks of `size` bytes (splitting lines and UTF-8 characters). */
function chunked(s: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(s);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

for (const profile of ['KOL', 'LRS'] as const) {
  describe(`every input form gives the same ${profile} cockpit`, () => {
    const options: CockpitOptions = { asOf: FIXTURE_AS_OF, profile };
    const reference = buildCockpit(objects, options);

    it('is not empty', () => {
      expect(reference.population.records).toBe(501);
      expect(reference.population.valid).toBe(501);
      expect(reference.rows?.length).toBe(reference.population.inProfile);
      expect(reference.population.inProfile).toBeGreaterThan(10);
    });

    it('from a generator', () => {
      expect(buildCockpit(generatorOf(objects), options)).toEqual(reference);
    });

    it('from an array of NDJSON lines', () => {
      expect(buildCockpit(allLines, options)).toEqual(reference);
    });

    it('from an async iterable of objects', async () => {
      expect(await buildCockpit(asyncOf(objects), options)).toEqual(reference);
    });

    it('from NDJSON bytes in chunks split mid-line and mid-character, through readNdjsonLines', async () => {
      const ndjson = `${allLines.join('\n')}\n`;
      const chunks = chunked(ndjson, 7);
      // Some chunk starts with a UTF-8 continuation byte: a character was split.
      expect(chunks.some((c) => c[0] !== undefined && (c[0] & 0xc0) === 0x80)).toBe(true);
      expect(await buildCockpit(readNdjsonLines(asyncOf(chunks)), options)).toEqual(reference);
    });

    it('from CRLF lines without a final newline', async () => {
      const chunks = chunked(allLines.join('\r\n'), 4093);
      expect(await buildCockpit(readNdjsonLines(asyncOf(chunks)), options)).toEqual(reference);
    });
  });
}

describe('readNdjsonLines', () => {
  async function collect(source: AsyncIterable<unknown>): Promise<unknown[]> {
    const out: unknown[] = [];
    for await (const line of source) out.push(line);
    return out;
  }

  it('splits strings and bytes, keeps blank lines, drops the line ends and a BOM', async () => {
    expect(await collect(readNdjsonLines(asyncOf(['a\nb', 'c\r\n\n', 'd'])))).toEqual(['a', 'bc', '', 'd']);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x78, 0x0a]);
    expect(await collect(readNdjsonLines(asyncOf([bom])))).toEqual(['x']);
    expect(await collect(readNdjsonLines(asyncOf(chunked('ø\nå', 1))))).toEqual(['ø', 'å']);
    expect(await collect(readNdjsonLines(asyncOf<string>([])))).toEqual([]);
  });
});

describe('invalid records', () => {
  const secret = 'SECRET-VALUE-9f2c';
  const good = (id: string) => ({ id, synthetic: true, patient: { birthDate: '1950-01-02', sex: 'male', listed: true } });
  const input: unknown[] = [
    JSON.stringify(good('ok-1')),
    '',
    `{"id": "${secret}", "patient": `, // not JSON
    '   ',
    JSON.stringify({ ...good('bad-2'), patient: { birthDate: secret, sex: 'male', listed: true } }),
    JSON.stringify({ ...good('bad-3'), spirometry: [{ date: '2026-01-01', postBronchodilator: true, note: secret }] }),
    JSON.stringify(good('ok-2')),
    JSON.stringify({ ...good('bad-4'), patient: { birthDate: '1950-01-02', sex: 'male', listed: true, cpr: '0101501234x' } }),
  ];

  it('are counted and reported by position and code, and do not stop the population', () => {
    const cockpit = buildCockpit(input, { asOf: CLINIC_AS_OF, profile: 'KOL' });
    expect(cockpit.population).toEqual({ records: 6, valid: 2, invalid: 4, inProfile: 0 });
    expect(cockpit.invalid).toEqual({
      count: 4,
      byCode: { 'invalid-format': 2, 'invalid-json': 1, required: 1, 'unknown-field': 1 },
      entries: [
        { position: 3, codes: ['invalid-json'], paths: [] },
        { position: 5, codes: ['invalid-format'], paths: ['patient.birthDate'] },
        { position: 6, codes: ['unknown-field', 'required'], paths: ['spirometry[0]', 'spirometry[0].ratio'] },
        { position: 8, codes: ['invalid-format'], paths: ['patient.cpr'] },
      ],
    });
  });

  it('never carry their content into the cockpit', () => {
    const json = JSON.stringify(buildCockpit(input, { asOf: CLINIC_AS_OF, profile: 'LRS' }));
    expect(json).not.toContain(secret);
    expect(json).not.toContain('bad-');
    expect(json).not.toContain('0101501234');
  });

  it('keep an exact count beyond the 1000 listed', () => {
    const many = Array.from({ length: 1005 }, () => '{');
    const cockpit = buildCockpit(many, { asOf: CLINIC_AS_OF, profile: 'KOL' });
    expect(cockpit.invalid.count).toBe(1005);
    expect(cockpit.invalid.byCode).toEqual({ 'invalid-json': 1005 });
    expect(cockpit.invalid.entries).toHaveLength(1000);
    expect(cockpit.invalid.entries[999]?.position).toBe(1000);
  });

  it('with unknownFields strip, an unknown field is dropped instead', () => {
    const cockpit = buildCockpit([input[5]], { asOf: CLINIC_AS_OF, profile: 'KOL', unknownFields: 'strip' });
    expect(cockpit.invalid.byCode).toEqual({ required: 1 });
  });
});

describe('retainRows false', () => {
  it('gives the same population, indicators and worklist sizes without rows', async () => {
    for (const profile of ['KOL', 'LRS'] as const) {
      const full = buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile });
      const seen: CockpitRow[] = [];
      const lean = await buildCockpit(asyncOf(CLINIC), { asOf: CLINIC_AS_OF, profile, retainRows: false, onRow: (r) => seen.push(r) });
      expect(lean.rows).toBeUndefined();
      expect('rows' in lean).toBe(false);
      expect(lean.indicators).toEqual(full.indicators);
      expect(lean.population).toEqual(full.population);
      expect(lean.worklists.map((w) => [w.id, w.size])).toEqual(full.worklists.map((w) => [w.id, w.size]));
      for (const w of lean.worklists) expect(w.rows).toBeUndefined();
      // onRow still sees every row.
      expect(seen).toEqual(full.rows);
    }
  });
});

describe('the cockpit as JSON', () => {
  it('serialises and holds no CPR', () => {
    const cockpit: Cockpit = buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile: 'KOL' });
    const json = JSON.stringify(cockpit);
    expect((JSON.parse(json) as Cockpit).population).toEqual(cockpit.population);
    for (const r of CLINIC) {
      const cpr = r.patient.cpr;
      if (cpr !== undefined) expect(json).not.toContain(cpr);
      expect(json).not.toContain(r.patient.birthDate);
    }
  });
});

describe('progress', () => {
  it('is reported every 1000 records and at the end', () => {
    const calls: number[] = [];
    buildCockpit(
      Array.from({ length: 2500 }, () => '{'),
      { asOf: CLINIC_AS_OF, profile: 'KOL', onProgress: (n) => calls.push(n) },
    );
    expect(calls).toEqual([1000, 2000, 2500]);
  });
});

describe('options', () => {
  function codeAndPath(f: () => unknown): [string, readonly (string | number)[]] | undefined {
    try {
      f();
    } catch (err) {
      if (KronikerpakkerError.is(err)) return [err.code, err.path];
      throw err;
    }
    return undefined;
  }
  const bad = (options: unknown) => codeAndPath(() => buildCockpit([], options as CockpitOptions));

  it('are checked with a code and a path', () => {
    expect(bad(undefined)).toEqual(['INVALID_ARGUMENT', ['options']]);
    expect(bad({ asOf: '2027-02-30', profile: 'KOL' })?.[0]).toBe('INVALID_ARGUMENT');
    expect(bad({ asOf: CLINIC_AS_OF, profile: 'ASTMA' })).toEqual(['INVALID_ARGUMENT', ['options', 'profile']]);
    expect(bad({ asOf: CLINIC_AS_OF, profile: 'KOL', retainRows: 'no' })).toEqual(['INVALID_ARGUMENT', ['options', 'retainRows']]);
    expect(bad({ asOf: CLINIC_AS_OF, profile: 'KOL', unknownFields: 'keep' })).toEqual(['INVALID_ARGUMENT', ['options', 'unknownFields']]);
    expect(bad({ asOf: CLINIC_AS_OF, profile: 'KOL', onRow: 1 })).toEqual(['INVALID_ARGUMENT', ['options', 'onRow']]);
    expect(bad({ asOf: CLINIC_AS_OF, profile: 'KOL', packs: { care: {} } })).toEqual(['INVALID_ARGUMENT', ['options', 'packs', 'care']]);
    expect(codeAndPath(() => buildCockpit(5 as unknown as unknown[], { asOf: CLINIC_AS_OF, profile: 'KOL' }))).toEqual(['INVALID_ARGUMENT', ['records']]);
  });

  it('fail before any record when no pack version is valid on asOf', () => {
    expect(bad({ asOf: '2026-06-01', profile: 'KOL' })?.[0]).toBe('INVALID_RULE_PACK');
  });

  it('pass replacement packs through', () => {
    const packs = { inclusion: createRulePackSet([kolInclusionPack, lrsInclusionPack]) };
    const cockpit = buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile: 'KOL', packs });
    expect(cockpit.indicators).toEqual(buildCockpit(CLINIC, { asOf: CLINIC_AS_OF, profile: 'KOL' }).indicators);
  });
});
