import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kolInclusionPack } from '@kronikerpakker/inclusion';
import { generateClinicNdjson } from '@kronikerpakker/test-fixtures';
import { parsePatientRecord } from '@kronikerpakker/core';
import { EXIT, runCli } from './cli-main';
import { conformanceCpd, expectationsFor, outputOf } from './conformance/produce';
import { ASOF, FIXTURE, KOL_35, Memory, chunksOf, fixtureRecord } from './test-helpers';


async function cli(argv: string[], options: { stdin?: string; tty?: boolean; progressThresholdBytes?: number } = {}) {
  const stdout = new Memory();
  const stderr = new Memory(options.tty ?? false);
  const stdin = options.stdin;
  const code = await runCli(argv, {
    stdout,
    stderr,
    cwd: dir,
    ...(stdin === undefined ? {} : { stdin: chunksOf(stdin) }),
    ...(options.progressThresholdBytes === undefined ? {} : { progressThresholdBytes: options.progressThresholdBytes }),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const dir = mkdtempSync(join(tmpdir(), 'kronikerpakker-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const write = (name: string, content: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('usage and exit codes', () => {
  it('prints help with the exit codes (exit 0)', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout).toContain('Usage: kronikerpakker');
    expect(r.stdout).toContain('Exit codes:');
    for (const command of ['evaluate', 'cockpit', 'cpd', 'validate-cpd', 'packs']) expect(r.stdout).toContain(command);
  });

  it('exits 2 for no command, an unknown command or option, and a missing or malformed --asof', async () => {
    expect((await cli([])).code).toBe(EXIT.USAGE);
    const unknown = await cli(['evaluat', 'x.json']);
    expect(unknown.code).toBe(EXIT.USAGE);
    expect(unknown.stderr).toContain('kronikerpakker: USAGE:');
    expect((await cli(['evaluate', 'x.json', '--asof', ASOF, '--bogus'])).code).toBe(EXIT.USAGE);
    expect((await cli(['evaluate', 'x.json', '--asof', ASOF, '--locale', 'sv'])).code).toBe(EXIT.USAGE);
    const noAsOf = await cli(['evaluate', FIXTURE]);
    expect(noAsOf.code).toBe(EXIT.USAGE);
    expect(noAsOf.stderr).toBe(
      'kronikerpakker: USAGE: --asof <YYYY-MM-DD> is required for evaluate: the evaluation date is never taken from the clock\n',
    );
    expect((await cli(['cockpit', FIXTURE, '--profile', 'KOL'])).code).toBe(EXIT.USAGE);
    expect((await cli(['cpd', FIXTURE, '--package', 'KOL'])).code).toBe(EXIT.USAGE);
    expect((await cli(['evaluate', FIXTURE, '--asof', '2027-02-30'])).code).toBe(EXIT.USAGE);
  });

  it('exits 2 when no rule-pack version is valid on --asof, naming the first valid date once (issue 13)', async () => {
    const r = await cli(['evaluate', write('one.json', { id: 'syn-old', patient: { birthDate: '1950-01-01', sex: 'male', listed: true } }), '--asof', '2026-06-01']);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toBe('kronikerpakker: NO_VALID_PACK: no rule-pack version is valid on 2026-06-01 (--asof); the packs in use are valid from 2027-01-01\n');
  });

  it('exits 3 for a missing file or text that is not JSON, without quoting it', async () => {
    const missing = await cli(['evaluate', 'nope.json', '--asof', ASOF]);
    expect(missing.code).toBe(EXIT.UNREADABLE);
    expect(missing.stderr).toBe('kronikerpakker: INPUT_UNREADABLE: cannot read nope.json (ENOENT)\n');
    const garbage = await cli(['evaluate', write('garbage.json', '{"cpr": "0101501234" SECRET'), '--asof', ASOF]);
    expect(garbage.code).toBe(EXIT.UNREADABLE);
    expect(garbage.stderr).not.toContain('SECRET');
    expect(garbage.stderr).not.toContain('0101501234');
  });
});

describe('evaluate', () => {
  it('explains one JSON record in the chosen language', async () => {
    const r = await cli(['evaluate', write('p15.json', fixtureRecord('syn-2027-15-edge-ratio-070')), '--asof', ASOF, '--locale', 'en']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'Record syn-2027-15-edge-ratio-070 · evaluated as of 15 January 2027',
      'KOL (COPD): Eligible for the package (enrolled in the package)',
    ]);
  });

  it('evaluates the 500-record NDJSON fixture, one JSON evaluation per line', async () => {
    const r = await cli(['evaluate', FIXTURE, '--asof', ASOF, '--json']);
    expect(r.code).toBe(EXIT.OK);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(500);
    const first = JSON.parse(lines[0] ?? '') as { recordId: string; valid: boolean; packages: Record<string, unknown> };
    expect(first.recordId).toBe('syn-2027-1');
    expect(Object.keys(first.packages)).toEqual(['KOL', 'LRS']);
  });

  it('reads stdin for -, NDJSON detected by content, --package limits the packages', async () => {
    const text = `${JSON.stringify(fixtureRecord('syn-2027-2'))}\n\n${JSON.stringify(fixtureRecord('syn-2027-3'))}\n`;
    const r = await cli(['evaluate', '-', '--asof', ASOF, '--json', '--package', 'LRS'], { stdin: text });
    expect(r.code).toBe(EXIT.OK);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { recordId: string; packages: object });
    expect(out.map((e) => e.recordId)).toEqual(['syn-2027-2', 'syn-2027-3']);
    expect(Object.keys(out[0]?.packages ?? {})).toEqual(['LRS']);
  });

  it('reports an invalid record with exit 1: codes and paths on stderr, never the values', async () => {
    const MARK = '0712345678';
    const bad = {
      id: 'syn-bad-2',
      patient: { birthDate: '1950-01-01', sex: 'female', listed: true, cpr: `${MARK}Q` },
      spirometry: [{ date: '2026-01-01', fev1L: 87.654321, postBronchodilator: true }],
      mrc: [{ date: '2026-02-02', grade: 'MARKER-GRADE' }],
    };
    for (const locale of ['da', 'en']) {
      for (const json of [false, true]) {
        const r = await cli(['evaluate', write('bad.json', bad), '--asof', ASOF, '--locale', locale, ...(json ? ['--json'] : [])]);
        expect(r.code).toBe(EXIT.FINDINGS);
        // Issue 13: the one bad-record line of every command: codes, then paths.
        expect(r.stderr).toBe('kronikerpakker: INVALID_RECORD at bad.json: invalid-format, out-of-range, invalid-type (at patient.cpr, spirometry[0].fev1L, mrc[0].grade)\n');
        for (const stream of [r.stderr, r.stdout]) {
          expect(stream).not.toContain(MARK);
          expect(stream).not.toContain('87.654321');
          expect(stream).not.toContain('MARKER-GRADE');
        }
      }
    }
  });

  it('carries on past a line that is not JSON in NDJSON, and exits 3', async () => {
    const file = write('mixed.ndjson', `${JSON.stringify(fixtureRecord('syn-2027-2'))}\nnot json SECRET\n`);
    const r = await cli(['evaluate', file, '--asof', ASOF, '--json']);
    expect(r.code).toBe(EXIT.UNREADABLE);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('kronikerpakker: INPUT_UNREADABLE at mixed.ndjson:2: invalid-json\nkronikerpakker: note: mixed.ndjson: 1 of 2 records bad (1 unreadable, 0 invalid)\n');
  });
});

describe('cockpit', () => {
  it('prints the summary table for the fixture: population, indicators, worklists', async () => {
    const r = await cli(['cockpit', FIXTURE, '--profile', 'KOL', '--asof', ASOF, '--locale', 'en']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain("The clinic's cockpit: KOL · as of 15 January 2027");
    expect(r.stdout).toMatch(/Records read\s+500\n/);
    expect(r.stdout).toMatch(/In the profile \(KOL\)\s+14\n/);
    expect(r.stdout).toContain('Indicators');
    expect(r.stdout).toContain('(aarsstatus-overdue)');
  });

  it('--json gives the cockpit without rows; --worklist adds that worklist rows', async () => {
    // Issue 12 finding 2: the fixture's one former red-flag-open patient (syn-2027-164, high-age alone) now has only a
    // risk factor, so the red-flag list is empty; follow-up-overdue shows the rows instead.
    const r = await cli(['cockpit', FIXTURE, '--profile', 'LRS', '--asof', ASOF, '--json', '--worklist', 'follow-up-overdue']);
    expect(r.code).toBe(EXIT.OK);
    const c = JSON.parse(r.stdout) as {
      population: { records: number; valid: number };
      rows?: unknown;
      worklists: { id: string; size: number; rows?: { id: string }[] }[];
    };
    expect(c.population).toMatchObject({ records: 500, valid: 500 });
    expect(c.rows).toBeUndefined();
    const overdue = c.worklists.find((w) => w.id === 'follow-up-overdue');
    expect(overdue?.rows?.map((x) => x.id)).toEqual(['syn-2027-36-edge-age-18-on-asof']);
    expect(overdue?.size).toBe(1);
    expect(c.worklists.find((w) => w.id === 'red-flag-open')?.size).toBe(0);
    expect(c.worklists.filter((w) => w.rows !== undefined)).toHaveLength(1);
  });

  it('--extract prints the monitoring extract', async () => {
    const r = await cli(['cockpit', FIXTURE, '--profile', 'KOL', '--asof', ASOF, '--extract']);
    expect(r.code).toBe(EXIT.OK);
    const extract = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(extract).toHaveProperty('indicators');
    expect(r.stdout).not.toContain('syn-2027-');
  });

  it('exits 2 for an unknown worklist or a missing --profile', async () => {
    const r = await cli(['cockpit', FIXTURE, '--profile', 'KOL', '--asof', ASOF, '--worklist', 'sick-leave']);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toContain('unknown worklist "sick-leave" for KOL');
    expect((await cli(['cockpit', FIXTURE, '--asof', ASOF])).code).toBe(EXIT.USAGE);
  });

  it('reports each invalid record by line and codes (exit 1) without its content', async () => {
    const file = write('two.ndjson', `${JSON.stringify(fixtureRecord('syn-2027-2'))}\n${JSON.stringify({ id: 'syn-bad', patient: { birthDate: 'SECRET-DATE' } })}\n`);
    const r = await cli(['cockpit', file, '--profile', 'KOL', '--asof', ASOF]);
    expect(r.code).toBe(EXIT.FINDINGS);
    // Issue 13: the same lines as evaluate gives for the file.
    expect(r.stderr).toBe(
      'kronikerpakker: INVALID_RECORD at two.ndjson:2: invalid-format, invalid-value, required (at patient.birthDate, patient.sex, patient.listed)\n' +
        'kronikerpakker: note: two.ndjson: 1 of 2 records bad (0 unreadable, 1 invalid)\n',
    );
    expect((await cli(['evaluate', file, '--asof', ASOF, '--compact'])).stderr).toBe(r.stderr);
    expect(r.stdout + r.stderr).not.toContain('SECRET-DATE');
  });

  it('shows a progress bar on stderr only for a large input on a terminal', async () => {
    const big = write('big.ndjson', [...generateClinicNdjson({ seed: 11, size: 3000, asOf: ASOF })].join(''));
    const tty = await cli(['cockpit', big, '--profile', 'KOL', '--asof', ASOF, '--json'], { tty: true, progressThresholdBytes: 100_000 });
    expect(tty.code).toBe(EXIT.OK);
    expect(tty.stderr).toContain('cockpit [');
    expect(tty.stderr).toContain('records');
    const parsed = JSON.parse(tty.stdout) as { population: { records: number } };
    expect(parsed.population.records).toBe(3000);
    const pipe = await cli(['cockpit', big, '--profile', 'KOL', '--asof', ASOF, '--json'], { tty: false, progressThresholdBytes: 100_000 });
    expect(pipe.stderr).toBe('');
    const small = await cli(['cockpit', FIXTURE, '--profile', 'KOL', '--asof', ASOF], { tty: true, progressThresholdBytes: 1_000_000 });
    expect(small.stderr).toBe('');
  });
});

describe('cpd and validate-cpd', () => {
  const patient = () => write('p15.json', fixtureRecord('syn-2027-15-edge-ratio-070'));

  it('writes a CPD-DK document with the --created-at time, and says when demo values are used', async () => {
    const out = join(dir, 'plan.xml');
    const r = await cli(['cpd', patient(), '--package', 'KOL', '--asof', ASOF, '-o', 'plan.xml', '--created-at', '2027-01-15T10:00:00Z']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stderr).toContain('SYNTHETIC DEMO values used for --clinic-sor, --clinic-name, --author-sor, --author-name, --patient-name');
    expect(r.stdout).toMatch(/^Skrev plan\.xml: CPD-DK 2\.0\.0, KOL, dokument-id [0-9a-f-]{36}\nDokumentet er gyldigt\n/);
    const xml = readFileSync(out, 'utf8');
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain('<effectiveTime value="20270115110000+0100"/>');
    expect(xml).toContain('Syntetisk Lægehus (DEMO, ikke en rigtig klinik)');

    const valid = await cli(['validate-cpd', 'plan.xml', '--json']);
    expect(valid.code).toBe(EXIT.OK);
    const report = JSON.parse(valid.stdout) as { valid: boolean; xsd: string; findings: { severity: string }[] };
    expect(report.valid).toBe(true);
    expect(report.xsd).toBe('skipped');
    expect(report.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('takes clinic and author from the options; the XML goes to stdout without -o', async () => {
    const r = await cli([
      'cpd', patient(), '--package', 'LRS', '--asof', ASOF,
      '--clinic-sor', '111111111111111', '--clinic-name', 'Test Klinik', '--author-sor', '222222222222222',
      '--author-name', 'Anne Test Læge', '--patient-name', 'Pia Patient', '--json',
    ]);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout.startsWith('<?xml')).toBe(true);
    expect(r.stdout).toContain('Test Klinik');
    expect(r.stdout).toContain('<given>Anne</given>');
    const summary = JSON.parse(r.stderr) as { package: string; output: null; valid: boolean };
    expect(summary).toMatchObject({ package: 'LRS', output: null, valid: true });
  });

  it('exits 1 when no plan can be built, and for an invalid record', async () => {
    const notIncluded = await cli(['cpd', write('p1.json', fixtureRecord('syn-2027-1')), '--package', 'KOL', '--asof', ASOF, '-o', 'x.xml']);
    expect(notIncluded.code).toBe(EXIT.FINDINGS);
    expect(notIncluded.stderr).toContain('kronikerpakker: CPD_NOT_BUILT at p1.json: the patient is not included in the package');
    expect(existsSync(join(dir, 'x.xml'))).toBe(false);
    const invalid = await cli(['cpd', write('inv.json', { id: 'x', patient: {} }), '--package', 'KOL', '--asof', ASOF]);
    expect(invalid.code).toBe(EXIT.FINDINGS);
    expect(invalid.stderr).toContain('INVALID_RECORD');
  });

  it('validate-cpd exits 1 on errors and lists them; 3 for a missing schema folder', async () => {
    const broken = write('broken.xml', '<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"><title>SECRET TITLE</title></ClinicalDocument>');
    const r = await cli(['validate-cpd', broken, '--locale', 'en']);
    expect(r.code).toBe(EXIT.FINDINGS);
    expect(r.stdout).toContain('broken.xml: The document is invalid');
    expect(r.stdout).toContain('error CPD_REALM_CODE at /ClinicalDocument/realmCode');
    expect(r.stdout).not.toContain('SECRET');
    expect((await cli(['validate-cpd', broken, '--schemas', 'no-such-dir'])).code).toBe(EXIT.UNREADABLE);
  });

  const schemas = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'standards', 'cda-r2');
  it.skipIf(!existsSync(schemas))('validate-cpd runs the CDA XSD with --schemas (skipped when ../shared/standards/cda-r2 is absent)', async () => {
    await cli(['cpd', patient(), '--package', 'KOL', '--asof', ASOF, '-o', 'xsd.xml']);
    const r = await cli(['validate-cpd', 'xsd.xml', '--schemas', schemas, '--json']);
    expect(r.code).toBe(EXIT.OK);
    expect((JSON.parse(r.stdout) as { xsd: string }).xsd).toBe('valid');
  });
});

describe('packs', () => {
  it('lists the six shipped packs with digests', async () => {
    const r = await cli(['packs', 'list']);
    expect(r.code).toBe(EXIT.OK);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    // Issue 12: every shipped pack is version 0.2.0.
    expect(lines[1]).toMatch(/^kol-inclusion\s+0\.2\.0\s+provisional\s+2027-01-01\.\.\s+shipped\s+[0-9a-f]{64}$/);
    const json = JSON.parse((await cli(['packs', 'list', '--json'])).stdout) as { ref: { id: string } }[];
    expect(json.map((p) => p.ref.id)).toEqual(['kol-inclusion', 'lrs-inclusion', 'kol-differentiation', 'lrs-differentiation', 'kol-care', 'lrs-care']);
  });

  it('shows one pack; an unknown id is a usage error', async () => {
    const r = await cli(['packs', 'show', 'kol-inclusion']);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout).toContain('kol-inclusion 0.2.0 (provisional, shipped)'); // issue 12: shipped as 0.2.0
    expect(r.stdout).toContain('kol.age');
    const json = JSON.parse((await cli(['packs', 'show', 'kol-inclusion', '--json'])).stdout) as { rules: unknown[] };
    expect(json.rules).toHaveLength(kolInclusionPack.rules.length);
    expect((await cli(['packs', 'show', 'nope'])).code).toBe(EXIT.USAGE);
  });

  it('verifies pack files: coded problems with pack, rule and path; exit 1', async () => {
    const good = write('good.json', kolInclusionPack);
    const bad = write('bad-pack.json', {
      ...kolInclusionPack,
      validFrom: '2027-13-01',
      rules: [{ ...kolInclusionPack.rules[0], conditions: { all: [{ fact: 'noSuchFact', operator: 'equal', value: 1 }] } }],
    });
    const r = await cli(['packs', 'verify', good, bad]);
    expect(r.code).toBe(EXIT.FINDINGS);
    expect(r.stdout).toMatch(/^OK {7}good\.json: kol-inclusion 0\.2\.0 \(provisional\) [0-9a-f]{64}\nINVALID {2}bad-pack\.json: 2 problems\n$/);
    expect(r.stderr).toContain('kronikerpakker: INVALID_RULE_PACK at bad-pack.json: pack "kol-inclusion" at validFrom: malformed-date');
    expect(r.stderr).toContain('pack "kol-inclusion" rule "kol.diagnosis" at rules[0].conditions.all[0].fact: unknown-fact');
    expect((await cli(['packs', 'verify', good])).code).toBe(EXIT.OK);
    expect((await cli(['packs', 'verify', 'missing.json'])).code).toBe(EXIT.UNREADABLE);
  });

  it('--packs <dir> puts a newer version beside the shipped one, selected by --asof', async () => {
    const packsDir = join(dir, 'packs');
    mkdirSync(packsDir, { recursive: true });
    const next = JSON.parse(JSON.stringify(kolInclusionPack)) as { rules: { name: string; conditions: { all: { value: number }[] } }[] };
    const age = next.rules.find((x) => x.name === 'kol.age')?.conditions.all[0];
    if (age === undefined) throw new Error('kol.age changed');
    age.value = 40;
    // Issue 12 shipped every pack as 0.2.0, so the newer version here is 0.3.0.
    writeFileSync(join(packsDir, 'kol-inclusion-0.3.0.json'), JSON.stringify({ ...next, version: '0.3.0', validFrom: '2027-07-01' }));
    const input = write('kol35.json', KOL_35);
    const statusOn = async (asOf: string) => {
      const r = await cli(['evaluate', input, '--asof', asOf, '--packs', 'packs', '--json', '--package', 'KOL']);
      expect(r.code).toBe(EXIT.OK);
      const inc = (JSON.parse(r.stdout) as { packages: { KOL: { inclusion: { status: string; ruleSet: { version: string } } } } }).packages.KOL.inclusion;
      return `${inc.status}@${inc.ruleSet.version}`;
    };
    expect(await statusOn('2027-06-30')).toBe('eligible@0.2.0');
    expect(await statusOn('2027-07-01')).toBe('not-eligible@0.3.0');
    const list = await cli(['packs', 'list', '--packs', 'packs']);
    expect(list.stdout).toMatch(/kol-inclusion\s+0\.3\.0\s+provisional\s+2027-07-01\.\.\s+loaded/);
    writeFileSync(join(packsDir, 'zz-broken.json'), '{ not json');
    expect((await cli(['packs', 'list', '--packs', 'packs'])).code).toBe(EXIT.UNREADABLE);
  });
});

describe('the built bin', () => {
  const bin = join(import.meta.dirname, '..', 'dist', 'cli.js');
  if (!existsSync(bin)) {
    it.skip(`runs dist/cli.js (skipped: ${bin} is absent; run pnpm --filter @kronikerpakker/sdk build)`, () => undefined);
    return;
  }
  it('runs dist/cli.js --help and exits 0; a usage error exits 2', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    const usage = spawnSync(process.execPath, [bin, 'evaluate', FIXTURE], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--asof <YYYY-MM-DD> is required');
  });
});

describe('conformance', () => {
  const kitDir = join(import.meta.dirname, '..', '..', '..', 'test-fixtures', 'conformance');
  const kit = JSON.parse(readFileSync(join(kitDir, 'kit.json'), 'utf8')) as { cases: { id: string; asOf: string; input: string; expected: Record<string, { cpd: boolean }> }[] };

  it('passes the SDK outputs (exit 0) and reports a wrong and a missing output (exit 1) with the difference', async () => {
    const out = join(dir, 'conformance-outputs');
    mkdirSync(out, { recursive: true });
    for (const kase of kit.cases) {
      const input = JSON.parse(readFileSync(join(kitDir, kase.input), 'utf8')) as unknown;
      writeFileSync(join(out, `${kase.id}.json`), JSON.stringify(outputOf(expectationsFor(parsePatientRecord(input, { asOf: kase.asOf }), kase.asOf))));
      for (const [pkg, e] of Object.entries(kase.expected)) if (e.cpd) writeFileSync(join(out, `${kase.id}-${pkg}.xml`), conformanceCpd(input, kase.asOf, pkg as 'KOL' | 'LRS'));
    }
    const ok = await cli(['conformance', out, '--kit', kitDir, '--locale', 'en']);
    expect(ok.code).toBe(EXIT.OK);
    expect(ok.stdout).toContain(`Conformance: ${String(kit.cases.length)} passed, 0 failed, 0 missing`);

    const [first, second] = kit.cases;
    if (first === undefined || second === undefined) throw new Error('kit too small');
    const o = JSON.parse(readFileSync(join(out, `${first.id}.json`), 'utf8')) as { KOL: { inclusion: string } };
    o.KOL.inclusion = 'excluded';
    writeFileSync(join(out, `${first.id}.json`), JSON.stringify(o));
    rmSync(join(out, `${second.id}.json`));
    const bad = await cli(['conformance', out, '--kit', kitDir, '--locale', 'en']);
    expect(bad.code).toBe(EXIT.FINDINGS);
    expect(bad.stdout).toContain(`${first.id} FAILED`);
    expect(bad.stdout).toContain('KOL.inclusion: expected "eligible", got "excluded"');
    expect(bad.stdout).toContain(`${second.id} MISSING`);
    const json = await cli(['conformance', out, '--kit', kitDir, '--json']);
    expect((JSON.parse(json.stdout) as { failed: number; missing: number }).failed).toBe(1);
  }, 120_000);

  it('refuses a folder that is not a kit (exit 3)', async () => {
    const r = await cli(['conformance', dir, '--kit', dir]);
    expect(r.code).toBe(EXIT.UNREADABLE);
    expect(r.stderr).toContain('INPUT_UNREADABLE');
  });
});
