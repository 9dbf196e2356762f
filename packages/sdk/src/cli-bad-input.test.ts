/**
 * Issue 13 finding 7: the command line answers bad input one way. Each point
 * runs through `runCli` (as cli.test.ts does) and through the real bin in a
 * child process: `src/cli.ts` under tsx always, and `dist/cli.js` when it is
 * built from the current sources.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { kolInclusionPack } from '@kronikerpakker/inclusion';
import { generateClinicNdjson } from '@kronikerpakker/test-fixtures';
import { fuzzParameters, fuzzTimeout, leakIn, ndjsonLine } from '@kronikerpakker/test-fixtures/fuzz';
import { EXIT, MAX_LISTED_BAD_RECORDS, runCli } from './cli-main';
import type { CliIo } from './cli-main';
import { shippedRulePacks } from './packs';
import { ASOF, FIXTURE, Memory, chunksOf, fixtureRecord, fixtureRecords } from './test-helpers';


interface CliOptions {
  readonly stdin?: string;
  readonly tty?: boolean;
  readonly progressThresholdBytes?: number;
  readonly xsdValidator?: CliIo['xsdValidator'];
}

async function cli(argv: string[], options: CliOptions = {}) {
  const stdout = new Memory();
  const stderr = new Memory(options.tty ?? false);
  const code = await runCli(argv, {
    stdout,
    stderr,
    cwd: dir,
    ...(options.stdin === undefined ? {} : { stdin: chunksOf(options.stdin) }),
    ...(options.progressThresholdBytes === undefined ? {} : { progressThresholdBytes: options.progressThresholdBytes }),
    ...(options.xsdValidator === undefined ? {} : { xsdValidator: options.xsdValidator }),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const dir = mkdtempSync(join(tmpdir(), 'kronikerpakker-cli-bad-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const write = (name: string, content: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return name;
};

/** Marker values: none may reach stdout or stderr from a bad line. */
const CPR = '0101904321';
const MARK = 'MARKER-7f3a';

/** Stderr lines that report a bad record (not the progress bar, not the note). */
const badLines = (stderr: string): string[] => stderr.split('\n').filter((l) => /^kronikerpakker: (INPUT_UNREADABLE|INVALID_RECORD) at /.test(l));

/** A valid record, a line that is not JSON, an invalid record, a blank line, a JSON value that is not an object, a valid record. */
const mixedNdjson = (): string =>
  [
    JSON.stringify(fixtureRecord('syn-2027-2')),
    `{"id": "${MARK}", "cpr": "${CPR}" not json`,
    JSON.stringify({ id: MARK, patient: { birthDate: CPR, sex: MARK, listed: true } }),
    '',
    `"${CPR}"`,
    JSON.stringify(fixtureRecord('syn-2027-3')),
  ].join('\n') + '\n';

const MIXED_BAD_LINES = [
  'kronikerpakker: INPUT_UNREADABLE at mixed.ndjson:2: invalid-json',
  'kronikerpakker: INVALID_RECORD at mixed.ndjson:3: invalid-format, invalid-value (at patient.birthDate, patient.sex)',
  'kronikerpakker: INVALID_RECORD at mixed.ndjson:5: invalid-type (at (root))',
];
const MIXED_NOTE = 'kronikerpakker: note: mixed.ndjson: 3 of 5 records bad (1 unreadable, 2 invalid)';

/** The packs' first valid date, read from the shipped packs (2027-01-01 today). */
const FIRST_VALID = shippedRulePacks()
  .map((p) => p.validFrom)
  .sort()[0] as string;
const NO_VALID_PACK = `kronikerpakker: NO_VALID_PACK: no rule-pack version is valid on 2026-06-01 (--asof); the packs in use are valid from ${FIRST_VALID}\n`;

/** What a missing optional peer throws in Node (ESM import). */
function missingXmllint(): Error {
  return Object.assign(new Error(`Cannot find package 'xmllint-wasm' imported from /app/node_modules/@kronikerpakker/cpd/dist/index.js`), {
    code: 'ERR_MODULE_NOT_FOUND',
  });
}
const MISSING_XMLLINT =
  'kronikerpakker: MISSING_DEPENDENCY: --schemas (XSD validation) needs the optional package xmllint-wasm, which is not installed; install it: npm install xmllint-wasm\n';

describe('issue 13 finding 7.1: every command that reads records reports each bad line as file:line: code', () => {
  it('evaluate and cockpit print the same line per bad line, go on, and exit 3 (a line not read) over 1 (an invalid record)', async () => {
    const file = write('mixed.ndjson', mixedNdjson());
    const evaluated = await cli(['evaluate', file, '--asof', ASOF, '--json']);
    const cockpit = await cli(['cockpit', file, '--profile', 'KOL', '--asof', ASOF, '--json']);
    for (const r of [evaluated, cockpit]) {
      expect(r.code).toBe(EXIT.UNREADABLE);
      expect(r.stderr).toBe(`${[...MIXED_BAD_LINES, MIXED_NOTE].join('\n')}\n`);
      expect(r.stdout + r.stderr).not.toContain(CPR);
      expect(r.stdout + r.stderr).not.toContain(MARK);
    }
    // evaluate went on: both valid records, the invalid record and the value that is not an object have an evaluation.
    const out = evaluated.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { recordId: string | null; valid: boolean });
    expect(out.map((e) => [e.recordId, e.valid])).toEqual([
      ['syn-2027-2', true],
      [null, false],
      [null, false],
      ['syn-2027-3', true],
    ]);
    // cockpit went on: every record counted, the bad ones by position.
    const c = JSON.parse(cockpit.stdout) as { population: { records: number; valid: number; invalid: number } };
    expect(c.population).toMatchObject({ records: 5, valid: 2, invalid: 3 });
  });

  it('an NDJSON file with invalid records only exits 1, in both commands', async () => {
    const file = write('invalid-only.ndjson', `${JSON.stringify(fixtureRecord('syn-2027-2'))}\n${JSON.stringify({ id: MARK, patient: {} })}\n`);
    const expected =
      'kronikerpakker: INVALID_RECORD at invalid-only.ndjson:2: required, invalid-value (at patient.birthDate, patient.sex, patient.listed)\n' +
      'kronikerpakker: note: invalid-only.ndjson: 1 of 2 records bad (0 unreadable, 1 invalid)\n';
    for (const argv of [['evaluate', file], ['cockpit', file, '--profile', 'LRS']]) {
      const r = await cli([...argv, '--asof', ASOF]);
      expect(r.code).toBe(EXIT.FINDINGS);
      expect(r.stderr).toBe(expected);
    }
  });

  it('lists the first bad lines only, says so, and keeps the exact count', async () => {
    const good = JSON.stringify(fixtureRecord('syn-2027-2'));
    const lines = [good];
    for (let i = 0; i < 150; i++) lines.push(i % 3 === 0 ? `${CPR} ${MARK}` : JSON.stringify({ id: `${MARK}-${String(i)}`, patient: {} }));
    const file = write('many-bad.ndjson', `${lines.join('\n')}\n`);
    for (const argv of [['evaluate', file, '--json'], ['cockpit', file, '--profile', 'KOL']]) {
      const r = await cli([...argv, '--asof', ASOF]);
      expect(r.code).toBe(EXIT.UNREADABLE);
      const listed = badLines(r.stderr);
      expect(listed).toHaveLength(MAX_LISTED_BAD_RECORDS);
      expect(listed[0]).toBe('kronikerpakker: INPUT_UNREADABLE at many-bad.ndjson:2: invalid-json');
      expect(listed[1]).toBe('kronikerpakker: INVALID_RECORD at many-bad.ndjson:3: required, invalid-value (at patient.birthDate, patient.sex, patient.listed)');
      expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
        `kronikerpakker: note: many-bad.ndjson: 150 of 151 records bad (50 unreadable, 100 invalid); only the first ${String(MAX_LISTED_BAD_RECORDS)} are listed`,
      );
      expect(r.stderr).not.toContain(CPR);
      expect(r.stderr).not.toContain(MARK);
    }
  });

  it('a line longer than --max-line-length is line-too-long in both commands, and the next line is still read', async () => {
    const file = write('long.ndjson', `${JSON.stringify(fixtureRecord('syn-2027-2'))}\n{"id":"${MARK}","x":"${'9'.repeat(5000)}"}\n${JSON.stringify(fixtureRecord('syn-2027-3'))}\n`);
    for (const argv of [['evaluate', file, '--json'], ['cockpit', file, '--profile', 'KOL', '--json']]) {
      const r = await cli([...argv, '--asof', ASOF, '--max-line-length', '4096']);
      expect(r.code).toBe(EXIT.UNREADABLE);
      expect(r.stderr).toBe(
        'kronikerpakker: INPUT_UNREADABLE at long.ndjson:2: line-too-long\nkronikerpakker: note: long.ndjson: 1 of 3 records bad (1 unreadable, 0 invalid)\n',
      );
    }
    expect((await cli(['evaluate', file, '--asof', ASOF, '--max-line-length', '0'])).code).toBe(EXIT.USAGE);
    expect((await cli(['cockpit', file, '--profile', 'KOL', '--asof', ASOF, '--max-line-length', 'lots'])).code).toBe(EXIT.USAGE);
  });

  it('a JSON array and content-detected NDJSON report the same way (file[i] for an item); cpd reports its one record so too', async () => {
    const array = await cli(['evaluate', write('array.json', [fixtureRecord('syn-2027-2'), CPR, { id: MARK, patient: {} }]), '--asof', ASOF, '--json']);
    expect(array.code).toBe(EXIT.FINDINGS);
    expect(array.stderr).toBe(
      [
        'kronikerpakker: INVALID_RECORD at array.json[1]: invalid-type (at (root))',
        'kronikerpakker: INVALID_RECORD at array.json[2]: required, invalid-value (at patient.birthDate, patient.sex, patient.listed)',
        'kronikerpakker: note: array.json: 2 of 3 records bad (0 unreadable, 2 invalid)',
        '',
      ].join('\n'),
    );
    const detected = await cli(['evaluate', write('mixed.txt', mixedNdjson()), '--asof', ASOF, '--json']);
    expect(detected.code).toBe(EXIT.UNREADABLE);
    expect(badLines(detected.stderr)).toEqual(MIXED_BAD_LINES.map((l) => l.replace('mixed.ndjson', 'mixed.txt')));
    const notObject = await cli(['cpd', write('cpr.json', `"${CPR}"`), '--package', 'KOL', '--asof', ASOF]);
    expect(notObject.code).toBe(EXIT.FINDINGS);
    expect(notObject.stderr).toBe('kronikerpakker: INVALID_RECORD at cpr.json: invalid-type (at (root))\n');
    const invalid = await cli(['cpd', write('inv.json', { id: MARK, patient: {} }), '--package', 'KOL', '--asof', ASOF]);
    expect(invalid.code).toBe(EXIT.FINDINGS);
    expect(invalid.stderr).toContain('kronikerpakker: INVALID_RECORD at inv.json: required, invalid-value (at patient.birthDate, patient.sex, patient.listed)\n');
    expect(invalid.stderr).not.toContain(MARK);
  });
});

describe('issue 13 finding 7.2: empty input is reported (NO_RECORDS, exit 3), never silent', () => {
  it('an empty or blank .ndjson, .json, [] and stdin: one message naming the input, exit 3, nothing on stdout', async () => {
    const cases: [string[], string, string][] = [
      [['evaluate', write('empty.ndjson', '')], 'empty.ndjson', 'the input is empty or holds only blank lines'],
      [['evaluate', write('blank.ndjson', '\n  \r\n\n')], 'blank.ndjson', 'the input is empty or holds only blank lines'],
      [['evaluate', write('empty.json', '')], 'empty.json', 'the input is empty or holds only blank lines'],
      [['evaluate', write('blank.json', ' \n\n')], 'blank.json', 'the input is empty or holds only blank lines'],
      [['evaluate', write('none.json', '[]')], 'none.json', 'an empty JSON array'],
      [['evaluate', '-'], '(stdin)', 'the input is empty or holds only blank lines'],
      [['evaluate', 'empty.ndjson', '--json', '--compact'], 'empty.ndjson', 'the input is empty or holds only blank lines'],
      [['cockpit', 'empty.ndjson', '--profile', 'KOL'], 'empty.ndjson', 'the input is empty or holds only blank lines'],
      [['cockpit', 'blank.ndjson', '--profile', 'LRS', '--json'], 'blank.ndjson', 'the input is empty or holds only blank lines'],
      [['cpd', 'empty.json', '--package', 'KOL'], 'empty.json', 'the input is empty or holds only blank lines'],
    ];
    for (const [argv, where, why] of cases) {
      const r = await cli([...argv, '--asof', ASOF], { stdin: '' });
      expect(r.code, argv.join(' ')).toBe(EXIT.UNREADABLE);
      expect(r.stderr).toBe(`kronikerpakker: NO_RECORDS at ${where}: no records (${why})\n`);
      expect(r.stdout).toBe('');
    }
  });

  it('a .json file with a byte-order mark is read (it was "not valid JSON")', async () => {
    const r = await cli(['evaluate', write('bom.json', `\uFEFF${JSON.stringify(fixtureRecord('syn-2027-2'))}`), '--asof', ASOF, '--json']);
    expect(r.code).toBe(EXIT.OK);
    expect((JSON.parse(r.stdout) as { recordId: string }).recordId).toBe('syn-2027-2');
  });
});

describe('issue 13 finding 7.3: a date with no valid pack version names the first valid date, once (exit 2)', () => {
  it('evaluate, cockpit and cpd on 2026-06-01: one NO_VALID_PACK line with the first valid date, before any input is read', async () => {
    expect(FIRST_VALID).toBe('2027-01-01');
    const patient = write('p2.json', fixtureRecord('syn-2027-2'));
    for (const argv of [
      ['evaluate', patient],
      ['evaluate', 'no-such-file.ndjson'],
      ['cockpit', FIXTURE, '--profile', 'LRS'],
      ['cpd', patient, '--package', 'KOL'],
    ]) {
      const r = await cli([...argv, '--asof', '2026-06-01']);
      expect(r.code, argv.join(' ')).toBe(EXIT.USAGE);
      expect(r.stderr).toBe(NO_VALID_PACK);
      expect(r.stdout).toBe('');
    }
  });

  it('the dates come from the packs in use: a --packs version valid earlier moves them', async () => {
    const packsDir = join(dir, 'early-packs');
    mkdirSync(packsDir, { recursive: true });
    writeFileSync(join(packsDir, 'kol-inclusion-0.1.9.json'), JSON.stringify({ ...kolInclusionPack, version: '0.1.9', validFrom: '2026-03-01', validTo: '2026-12-31' }));
    const patient = write('p2.json', fixtureRecord('syn-2027-2'));
    const june = await cli(['evaluate', patient, '--package', 'KOL', '--packs', 'early-packs', '--asof', '2026-06-01']);
    expect(june.code).toBe(EXIT.USAGE);
    expect(june.stderr).toBe(
      'kronikerpakker: NO_VALID_PACK: no rule-pack version is valid on 2026-06-01 (--asof); kol-differentiation is valid from 2027-01-01; kol-care is valid from 2027-01-01\n',
    );
    const january = await cli(['evaluate', patient, '--package', 'KOL', '--packs', 'early-packs', '--asof', '2026-01-15']);
    expect(january.stderr).toBe(
      'kronikerpakker: NO_VALID_PACK: no rule-pack version is valid on 2026-01-15 (--asof); kol-inclusion is valid from 2026-03-01; kol-differentiation is valid from 2027-01-01; kol-care is valid from 2027-01-01\n',
    );
  });
});

describe('issue 13 finding 7.4: validate-cpd --schemas without the optional xmllint-wasm is a usage error (exit 2)', () => {
  const schemas = (): string => {
    mkdirSync(join(dir, 'schemas'), { recursive: true });
    writeFileSync(join(dir, 'schemas', 'main.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
    return 'schemas';
  };
  const plan = (): string => write('plan-doc.xml', '<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"/>');

  it('says what to install, through the CLI io (the validator fails as a missing module does)', async () => {
    const r = await cli(['validate-cpd', plan(), '--schemas', schemas(), '--schema-main', 'main.xsd'], {
      xsdValidator: () => Promise.reject(missingXmllint()),
    });
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stderr).toBe(MISSING_XMLLINT);
    expect(r.stdout).toBe('');
  });

  it('any other failure of the validator is still an internal error (exit 4), shown by kind only', async () => {
    const other = Object.assign(new Error(`Cannot find package 'left-pad' imported from ${MARK}`), { code: 'ERR_MODULE_NOT_FOUND' });
    const r = await cli(['validate-cpd', plan(), '--schemas', schemas(), '--schema-main', 'main.xsd'], { xsdValidator: () => Promise.reject(other) });
    expect(r.code).toBe(EXIT.INTERNAL);
    expect(r.stderr).toBe('kronikerpakker: INTERNAL: unexpected Error; please report it\n');
  });
});

describe('issue 13 finding 7.5: packs verify on a file that is not a pack says so (NOT_A_RULE_PACK, exit 3)', () => {
  it('a patient record, a FHIR Bundle, an array and a number: coded, no content; a real pack beside them is still verified', async () => {
    const good = write('good-pack.json', kolInclusionPack);
    const files = [
      write('patient.json', { ...fixtureRecord('syn-2027-2'), id: MARK, patient: { cpr: CPR, birthDate: '1950-01-01', sex: 'female', listed: true } }),
      write('bundle.json', { resourceType: 'Bundle', type: 'collection', id: MARK, entry: [] }),
      write('array-pack.json', [kolInclusionPack]),
      write('number.json', '42'),
    ];
    const r = await cli(['packs', 'verify', good, ...files]);
    expect(r.code).toBe(EXIT.UNREADABLE);
    expect(r.stderr).toBe(
      [
        'kronikerpakker: NOT_A_RULE_PACK at patient.json: not a rule pack (it looks like a patient record: no version, validFrom or rules)',
        'kronikerpakker: NOT_A_RULE_PACK at bundle.json: not a rule pack (it looks like a FHIR resource: no version, validFrom or rules)',
        'kronikerpakker: NOT_A_RULE_PACK at array-pack.json: not a rule pack (not a JSON object)',
        'kronikerpakker: NOT_A_RULE_PACK at number.json: not a rule pack (not a JSON object)',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toMatch(/^OK {7}good-pack\.json: kol-inclusion 0\.2\.0 \(provisional\) [0-9a-f]{64}\n$/);
    expect(r.stdout + r.stderr).not.toContain(MARK);
    expect(r.stdout + r.stderr).not.toContain(CPR);
    const json = await cli(['packs', 'verify', 'patient.json', '--json']);
    expect(json.code).toBe(EXIT.UNREADABLE);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('a --packs folder holding a patient record is refused the same way (exit 3)', async () => {
    mkdirSync(join(dir, 'mixed-packs'), { recursive: true });
    writeFileSync(join(dir, 'mixed-packs', 'patient.json'), JSON.stringify({ id: MARK, patient: { cpr: CPR } }));
    const r = await cli(['packs', 'list', '--packs', 'mixed-packs']);
    expect(r.code).toBe(EXIT.UNREADABLE);
    expect(r.stderr).toBe(
      `kronikerpakker: NOT_A_RULE_PACK: ${join('mixed-packs', 'patient.json')} in --packs is not a rule pack (it looks like a patient record: no version, validFrom or rules)\n`,
    );
  });

  it('an invalid pack whose id is not a pack name is listed without echoing the id', async () => {
    const r = await cli(['packs', 'verify', write('odd-pack.json', { ...kolInclusionPack, id: CPR })]);
    expect(r.code).toBe(EXIT.FINDINGS);
    expect(r.stderr).toMatch(/^kronikerpakker: INVALID_RULE_PACK at odd-pack\.json: pack \(id not shown\) at id: [a-z-]+\n/);
    expect(r.stderr).not.toContain(CPR);
  });
});

describe('issue 13 finding 7.6: evaluate on a large file: progress on a terminal, and --compact', () => {
  const size = 3000;
  const big = (): string => {
    const name = 'big-3000.ndjson';
    if (!existsSync(join(dir, name))) write(name, [...generateClinicNdjson({ seed: 11, size, asOf: ASOF })].join(''));
    return name;
  };

  it('shows the cockpit progress bar on stderr only for a large input on a terminal; bad lines come after it', async () => {
    const file = write('big-with-bad.ndjson', `${readFileSync(join(dir, big()), 'utf8')}not json ${MARK}\n`);
    const tty = await cli(['evaluate', file, '--asof', ASOF, '--compact'], { tty: true, progressThresholdBytes: 100_000 });
    expect(tty.code).toBe(EXIT.UNREADABLE);
    expect(tty.stderr).toContain('evaluate [');
    expect(tty.stderr).toContain('records');
    expect(tty.stdout.trimEnd().split('\n')).toHaveLength(size);
    const bad = `kronikerpakker: INPUT_UNREADABLE at big-with-bad.ndjson:${String(size + 1)}: invalid-json`;
    expect(tty.stderr.indexOf(bad)).toBeGreaterThan(tty.stderr.lastIndexOf('evaluate ['));
    expect(tty.stderr).not.toContain(MARK);
    const pipe = await cli(['evaluate', file, '--asof', ASOF, '--compact'], { tty: false, progressThresholdBytes: 100_000 });
    expect(pipe.stderr).not.toContain('evaluate [');
    expect(pipe.stdout).toBe(tty.stdout);
    const small = await cli(['evaluate', FIXTURE, '--asof', ASOF, '--compact'], { tty: true, progressThresholdBytes: 1_000_000 });
    expect(small.stderr).toBe('');
    // A large array and content-detected NDJSON get the bar too.
    const array = write('big-array.json', `[${readFileSync(join(dir, big()), 'utf8').trimEnd().split('\n').join(',')}]`);
    const arrayRun = await cli(['evaluate', array, '--asof', ASOF, '--compact'], { tty: true, progressThresholdBytes: 100_000 });
    expect(arrayRun.stderr).toContain('evaluate [');
    expect(arrayRun.stdout.trimEnd().split('\n')).toHaveLength(size);
  }, 120_000);

  it('--compact writes one line per patient; --json --compact one small object; both far smaller than --json', async () => {
    const file = big();
    const input = statSync(join(dir, file)).size;
    const full = await cli(['evaluate', file, '--asof', ASOF, '--json']);
    const compact = await cli(['evaluate', file, '--asof', ASOF, '--compact']);
    const compactJson = await cli(['evaluate', file, '--asof', ASOF, '--json', '--compact']);
    for (const r of [full, compact, compactJson]) {
      expect(r.code).toBe(EXIT.OK);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(size);
    }
    const bytes = (s: string): number => Buffer.byteLength(s);
    // The sizes docs/cli.md states: --json about 20-30x the input, --json --compact about 1x, --compact well under it.
    expect(bytes(full.stdout) / input).toBeGreaterThan(15);
    expect(bytes(compactJson.stdout) / input).toBeLessThan(2);
    expect(bytes(compact.stdout) / input).toBeLessThan(0.5);
    // The same patients, in order, with the same standing as the full evaluation.
    const fullLines = full.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { recordId: string; packages: { KOL: { enrolment: { standing: string } } } });
    const compactLines = compact.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    const jsonLines = compactJson.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { position: number; recordId: string; packages: { KOL: { standing: string } } });
    for (let i = 0; i < size; i++) {
      const f = fullLines[i];
      expect(compactLines[i]?.slice(0, 2)).toEqual([String(i + 1), f?.recordId]);
      expect(compactLines[i]?.[2]).toMatch(new RegExp(`^KOL:${f?.packages.KOL.enrolment.standing ?? '?'}/(-|[1-3]\\+?)/\\d+!?$`));
      expect(jsonLines[i]).toMatchObject({ position: i + 1, recordId: f?.recordId, packages: { KOL: { standing: f?.packages.KOL.enrolment.standing } } });
    }
  }, 180_000);

  it('--compact on the fixture: the documented columns for an enrolled patient with a level', async () => {
    const r = await cli(['evaluate', FIXTURE, '--asof', ASOF, '--compact']);
    expect(r.code).toBe(EXIT.OK);
    const line = r.stdout.split('\n').find((l) => l.split('\t')[1] === 'syn-2027-15-edge-ratio-070');
    expect(line).toBe('15\tsyn-2027-15-edge-ratio-070\tKOL:enrolled/2/5\tLRS:candidate/1+/0');
    const one = await cli(['evaluate', write('p15c.json', fixtureRecord('syn-2027-15-edge-ratio-070')), '--asof', ASOF, '--compact', '--json', '--package', 'KOL']);
    expect(JSON.parse(one.stdout)).toMatchObject({
      position: null,
      recordId: 'syn-2027-15-edge-ratio-070',
      valid: true,
      packages: { KOL: { status: 'eligible', standing: 'enrolled', level: { effective: 2 }, ruleSets: ['kol-inclusion@0.2.0', 'kol-differentiation@0.2.0', 'kol-care@0.2.0'] } },
    });
  });
});

// ---------------------------------------------------------------------------
// The real bin, in a child process.

const SOURCE_BIN = join(import.meta.dirname, 'cli.ts');
const DIST_BIN = join(import.meta.dirname, '..', 'dist', 'cli.js');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** A preload that makes `xmllint-wasm` unresolvable in the child, as when the optional peer is not installed. */
function noXmllintPreload(): string {
  const hooks = join(dir, 'no-xmllint-hooks.mjs');
  writeFileSync(
    hooks,
    `export async function resolve(specifier, context, next) {
  if (specifier === 'xmllint-wasm' || specifier.startsWith('xmllint-wasm/')) {
    throw Object.assign(new Error("Cannot find package 'xmllint-wasm' imported from " + context.parentURL), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}
`,
  );
  const register = join(dir, 'no-xmllint.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  return pathToFileURL(register).href;
}

/** The dist bin only when it was built after the CLI sources changed (else it tests old code). */
function distIsFresh(): boolean {
  if (!existsSync(DIST_BIN)) return false;
  const built = statSync(DIST_BIN).mtimeMs;
  return ['cli.ts', 'cli-main.ts', 'cli-io.ts'].every((f) => statSync(join(import.meta.dirname, f)).mtimeMs <= built);
}

interface Bin {
  readonly name: string;
  /** Node options before the script. */
  readonly node: readonly string[];
  readonly script: string;
}
const bins: Bin[] = [{ name: 'src/cli.ts (tsx)', node: ['--conditions=@kronikerpakker/source', '--import', TSX], script: SOURCE_BIN }];
if (distIsFresh()) bins.push({ name: 'dist/cli.js', node: [], script: DIST_BIN });

function run(bin: Bin, argv: readonly string[], preload: readonly string[] = []): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...bin.node, ...preload, bin.script, ...argv], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', fail);
    child.on('close', (status) => {
      done({ status, stdout, stderr });
    });
  });
}

describe.each(bins)('issue 13 finding 7 through the real bin: $name', (bin) => {
  it('7.1 evaluate and cockpit: the same file:line: code lines, exit 3', async () => {
    const file = write('mixed.ndjson', mixedNdjson());
    const evaluated = await run(bin, ['evaluate', file, '--asof', ASOF, '--compact']);
    const cockpit = await run(bin, ['cockpit', file, '--profile', 'KOL', '--asof', ASOF]);
    for (const r of [evaluated, cockpit]) {
      expect(r.status).toBe(EXIT.UNREADABLE);
      expect(r.stderr).toBe(`${[...MIXED_BAD_LINES, MIXED_NOTE].join('\n')}\n`);
      expect(r.stdout + r.stderr).not.toContain(CPR);
    }
    expect(evaluated.stdout.trimEnd().split('\n').map((l) => l.split('\t').slice(0, 2))).toEqual([
      ['1', 'syn-2027-2'],
      ['3', '-'],
      ['5', '-'],
      ['6', 'syn-2027-3'],
    ]);
  }, 60_000);

  it('7.2 an empty .ndjson and an empty .json: NO_RECORDS, exit 3', async () => {
    for (const name of ['empty.ndjson', 'empty.json']) {
      const r = await run(bin, ['evaluate', write(name, ''), '--asof', ASOF]);
      expect(r.status).toBe(EXIT.UNREADABLE);
      expect(r.stderr).toBe(`kronikerpakker: NO_RECORDS at ${name}: no records (the input is empty or holds only blank lines)\n`);
    }
  }, 60_000);

  it('7.3 --asof 2026-06-01: one NO_VALID_PACK line naming 2027-01-01, exit 2', async () => {
    const r = await run(bin, ['evaluate', write('p2.json', fixtureRecord('syn-2027-2')), '--asof', '2026-06-01']);
    expect(r.status).toBe(EXIT.USAGE);
    expect(r.stderr).toBe(NO_VALID_PACK);
  }, 60_000);

  it('7.4 validate-cpd and conformance --schemas with xmllint-wasm not resolvable: what to install, exit 2', async () => {
    mkdirSync(join(dir, 'schemas'), { recursive: true });
    writeFileSync(join(dir, 'schemas', 'main.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
    const xml = write('plan-doc.xml', '<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"/>');
    const preload = ['--import', noXmllintPreload()];
    const r = await run(bin, ['validate-cpd', xml, '--schemas', 'schemas', '--schema-main', 'main.xsd'], preload);
    expect(r.stderr).toBe(MISSING_XMLLINT);
    expect(r.status).toBe(EXIT.USAGE);
    // conformance --schemas validates the vendor's CPD documents the same way: one document where the kit expects one.
    const kit = join(import.meta.dirname, '..', '..', '..', 'test-fixtures', 'conformance');
    const cases = (JSON.parse(readFileSync(join(kit, 'kit.json'), 'utf8')) as { cases: { id: string; expected: Record<string, { cpd: boolean }> }[] }).cases;
    const withCpd = cases.flatMap((c) => Object.entries(c.expected).filter(([, e]) => e.cpd).map(([pkg]) => `${c.id}-${pkg}.xml`))[0];
    if (withCpd === undefined) throw new Error('the kit expects no CPD document');
    mkdirSync(join(dir, 'vendor-outputs'), { recursive: true });
    writeFileSync(join(dir, 'vendor-outputs', withCpd), '<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"/>');
    const conformance = await run(bin, ['conformance', 'vendor-outputs', '--kit', kit, '--schemas', 'schemas', '--schema-main', 'main.xsd'], preload);
    expect(conformance.stderr).toBe(MISSING_XMLLINT);
    expect(conformance.status).toBe(EXIT.USAGE);
  }, 90_000);

  it('7.5 packs verify patient.json: NOT_A_RULE_PACK, exit 3', async () => {
    const r = await run(bin, ['packs', 'verify', write('patient.json', { id: MARK, patient: { cpr: CPR, birthDate: '1950-01-01', sex: 'female', listed: true } })]);
    expect(r.status).toBe(EXIT.UNREADABLE);
    expect(r.stderr).toBe('kronikerpakker: NOT_A_RULE_PACK at patient.json: not a rule pack (it looks like a patient record: no version, validFrom or rules)\n');
    expect(r.stdout).toBe('');
  }, 60_000);

  it('7.6 evaluate --compact: one line per patient of the fixture', async () => {
    const r = await run(bin, ['evaluate', FIXTURE, '--asof', ASOF, '--compact']);
    expect(r.status).toBe(EXIT.OK);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(500);
  }, 60_000);
});

if (!distIsFresh()) {
  describe('issue 13 finding 7 through dist/cli.js', () => {
    it.skip(`skipped: ${DIST_BIN} is absent or older than src/cli*.ts (run pnpm --filter @kronikerpakker/sdk build)`, () => undefined);
  });
}

// ---------------------------------------------------------------------------
// Fuzz: any lines, the same answer from both commands, no content on stderr.

describe('issue 13 finding 7.1 (fuzz): evaluate and cockpit answer any NDJSON the same way, without content', () => {
  const bases: unknown[] = fixtureRecords().slice(0, 30);
  it(
    'the same bad lines and exit code from both commands; every stderr line coded; no marker or CPR on stderr',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(ndjsonLine(bases), { maxLength: 8 }), async (lines) => {
          const file = write('fuzz.ndjson', `${lines.join('\n')}\n`);
          const evaluated = await cli(['evaluate', file, '--asof', ASOF, '--json', '--compact']);
          const cockpit = await cli(['cockpit', file, '--profile', 'KOL', '--asof', ASOF, '--json']);
          for (const r of [evaluated, cockpit]) {
            expect(leakIn(r.stderr)).toBeUndefined();
            expect([EXIT.OK, EXIT.FINDINGS, EXIT.UNREADABLE]).toContain(r.code);
            for (const line of r.stderr.trimEnd().split('\n').filter((l) => l !== '')) {
              expect(line).toMatch(/^kronikerpakker: ((INPUT_UNREADABLE|INVALID_RECORD|NO_RECORDS) at fuzz\.ndjson|note: fuzz\.ndjson: )/);
            }
          }
          // A FHIR Bundle is mapped by evaluate and not by the cockpit: the only input they may judge apart.
          if (!lines.some((l) => l.includes('"resourceType"'))) {
            expect(evaluated.code).toBe(cockpit.code);
            expect(evaluated.stderr).toBe(cockpit.stderr);
          }
        }),
        fuzzParameters(60),
      );
    },
    fuzzTimeout(),
  );
});
