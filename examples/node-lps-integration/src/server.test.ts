import { evaluatePatient } from '@kronikerpakker/sdk';
import { generateClinic, toFhirBundle } from '@kronikerpakker/test-fixtures';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import type { LpsService } from './server';
import { SYNTHETIC_PLAN_PARTIES, SYNTHETIC_XML_COMMENT } from './synthetic';

const asOf = '2027-01-15';
const records = generateClinic({ seed: 2027, size: 200, asOf });
const withCpr = (r: (typeof records)[number]): boolean => r.patient.cpr !== undefined;
const eligibleKol = records.find((r) => withCpr(r) && evaluatePatient(r, { asOf, packages: ['KOL'] }).packages.KOL?.inclusion.status === 'eligible')!;
const notEligibleKol = records.find((r) => withCpr(r) && evaluatePatient(r, { asOf, packages: ['KOL'] }).packages.KOL?.inclusion.status === 'not-eligible')!;

describe('the loopback HTTP service', () => {
  let service: LpsService;
  let url = '';
  const post = (path: string, body: unknown): Promise<Response> =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    service = buildServer({ port: 0 });
    url = await service.start();
  });
  afterAll(async () => {
    await service.close();
  });

  it('listens on 127.0.0.1', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
  });

  it('answers GET /health with the shipped packs', async () => {
    const res = await fetch(`${url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; packs: { id: string; version: string }[] };
    expect(body.status).toBe('ok');
    expect(body.packs.map((p) => p.id)).toEqual(expect.arrayContaining(['kol-inclusion', 'lrs-inclusion', 'kol-care', 'lrs-care']));
  });

  it('evaluates a record: the same result as evaluatePatient', async () => {
    const res = await post('/evaluate', { asOf, record: eligibleKol });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { recordId: string; valid: boolean; packages: Record<string, { inclusion: { status: string }; level: { suggestedLevel: number } | null; care: { items: { code: string }[] } }> };
    const direct = evaluatePatient(eligibleKol, { asOf });
    expect(body).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(body.valid).toBe(true);
    expect(body.recordId).toBe(eligibleKol.id);
    expect(body.packages['KOL']?.inclusion.status).toBe('eligible');
    expect(body.packages['KOL']?.level?.suggestedLevel).toBe(direct.packages.KOL?.level?.suggestedLevel);
    expect(Object.keys(body.packages).sort()).toEqual(['KOL', 'LRS']);
  });

  it('evaluates only the packages asked for', async () => {
    const res = await post('/evaluate', { asOf, packages: ['LRS'], record: eligibleKol });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { packages: Record<string, unknown> };
    expect(Object.keys(body.packages)).toEqual(['LRS']);
  });

  it('evaluates a FHIR Bundle like the record it was made from', async () => {
    const res = await post('/evaluate', { asOf, bundle: toFhirBundle(eligibleKol) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { recordId: string; mapping: { counts: { used: number; rejected: number } }; packages: Record<string, { inclusion: { status: string }; level: { suggestedLevel: number } | null; care: { items: { code: string }[] } }> };
    const direct = evaluatePatient(eligibleKol, { asOf });
    expect(body.recordId).toBe(eligibleKol.id);
    expect(body.mapping.counts.used).toBeGreaterThan(1);
    expect(body.mapping.counts.rejected).toBe(0);
    for (const pkg of ['KOL', 'LRS'] as const) {
      expect(body.packages[pkg]?.inclusion.status).toBe(direct.packages[pkg]?.inclusion.status);
      expect(body.packages[pkg]?.level?.suggestedLevel ?? null).toBe(direct.packages[pkg]?.level?.suggestedLevel ?? null);
      expect(body.packages[pkg]?.care.items.map((i) => i.code)).toEqual(direct.packages[pkg]?.care.items.map((i) => i.code));
    }
  });

  it('writes the CPD document of an eligible patient as XML', async () => {
    const res = await post('/cpd', { asOf, package: 'KOL', record: eligibleKol, ...SYNTHETIC_PLAN_PARTIES });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await res.text();
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain(SYNTHETIC_XML_COMMENT);
    expect(xml).toContain('<ClinicalDocument');
    expect(xml).toContain(eligibleKol.patient.cpr!);
    // The same request gives the same document but for the random ids: the time comes from asOf.
    const again = await (await post('/cpd', { asOf, package: 'KOL', record: eligibleKol, ...SYNTHETIC_PLAN_PARTIES })).text();
    const stripIds = (s: string): string => s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');
    expect(stripIds(again)).toBe(stripIds(xml));
  });

  it('refuses a CPD document for a patient who is not included, or has no CPR, with a coded error', async () => {
    const res = await post('/cpd', { asOf, package: 'KOL', record: notEligibleKol, ...SYNTHETIC_PLAN_PARTIES });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'NOT_INCLUDED', path: ['record'] } });
    const { cpr: _cpr, ...patient } = eligibleKol.patient;
    const noCpr = await post('/cpd', { asOf, package: 'KOL', record: { ...eligibleKol, patient }, ...SYNTHETIC_PLAN_PARTIES });
    expect(noCpr.status).toBe(400);
    expect(await noCpr.json()).toEqual({ error: { code: 'NO_CPR', path: ['record', 'patient', 'cpr'] } });
  });

  it('answers 400 with the path when asOf is missing or malformed', async () => {
    const res = await post('/evaluate', { record: eligibleKol });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'INVALID_REQUEST', path: ['asOf'] } });
    const bad = await post('/evaluate', { asOf: '15-01-2027', record: eligibleKol });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'INVALID_REQUEST', path: ['asOf'] } });
    // Well-formed but not a day: the SDK's own check, still a coded 400.
    const notADay = await post('/evaluate', { asOf: '2027-02-30', record: eligibleKol });
    expect(notADay.status).toBe(400);
    expect(((await notADay.json()) as { error: { code: string } }).error.code).toBe('INVALID_ARGUMENT');
  });

  it('answers 400 for a body with neither record nor bundle, an unknown package or an extra field', async () => {
    for (const body of [{ asOf }, { asOf, packages: ['DIABETES'], record: eligibleKol }, { asOf, record: eligibleKol, note: 'x' }]) {
      const res = await post('/evaluate', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_REQUEST');
    }
  });

  it('answers 400 for an invalid record with the path and code, and no content of the request', async () => {
    const badValue = 987654.321;
    const name = 'Ingeborg Zyxwvutsdottir';
    const spirometry = [{ ...eligibleKol.spirometry![0]!, fev1L: badValue }];
    const record = { ...eligibleKol, spirometry, patient: { ...eligibleKol.patient, name } };
    const res = await post('/evaluate', { asOf, record });
    expect(res.status).toBe(400);
    const text = await res.text();
    const body = JSON.parse(text) as { error: { code: string; path: unknown[]; issues: { path: unknown[]; code: string }[] } };
    expect(body.error.code).toBe('INVALID_RECORD');
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        { path: ['record', 'patient'], code: 'unknown-field' },
        expect.objectContaining({ path: ['record', 'spirometry', 0, 'fev1L'] }),
      ]),
    );
    expect(body.error.path[0]).toBe('record');
    expect(text).not.toContain(name);
    expect(text).not.toContain('Ingeborg');
    expect(text).not.toContain(String(badValue));
    expect(text).not.toContain(eligibleKol.patient.cpr!);
    expect(text).not.toContain(eligibleKol.id);
  });

  it('answers 400 INVALID_JSON for a body that is not JSON, without quoting it', async () => {
    const res = await fetch(`${url}/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"asOf": Ingeborg' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INVALID_JSON' } });
    expect(text).not.toContain('Ingeborg');
  });

  // Issue 13 finding 8: any content type other than JSON is 415 with the documented shape (fastify parses text/plain itself).
  it.each([
    ['text/plain', '{"asOf":"2027-01-15"}'],
    ['text/plain; charset=utf-8', 'Ingeborg 0101904321'],
    ['application/x-www-form-urlencoded', 'asOf=2027-01-15'],
    ['application/xml', '<x>Ingeborg</x>'],
    ['application/octet-stream', 'Ingeborg'],
  ])('answers 415 UNSUPPORTED_MEDIA_TYPE for a %s body, without quoting it', async (type, body) => {
    const res = await fetch(`${url}/evaluate`, { method: 'POST', headers: { 'content-type': type }, body });
    expect(res.status).toBe(415);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(text).not.toContain('Ingeborg');
    expect(text).not.toContain('0101904321');
  });

  it('refuses a JSON body with a __proto__ key as INVALID_JSON (prototype poisoning), without quoting it', async () => {
    const res = await fetch(`${url}/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"asOf":"${asOf}","record":{"__proto__":{"Ingeborg":1}}}`,
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INVALID_JSON' } });
    expect(text).not.toContain('Ingeborg');
  });

  it('accepts application/json with a charset', async () => {
    const res = await fetch(`${url}/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ asOf, record: eligibleKol }),
    });
    expect(res.status).toBe(200);
  });

  // Issue 13 finding 8: a Content-Length shorter than the body leaves bytes that node's HTTP parser rejects;
  // the answer must still be the documented {error:{code}} shape, not fastify's own.
  it('answers a malformed request (a too-short Content-Length) with the documented error shape', async () => {
    const port = Number(new URL(url).port);
    const body = JSON.stringify({ asOf, record: { id: 'Ingeborg' } });
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n${body}`);
      });
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        data += chunk;
      });
      socket.on('end', () => {
        resolve(data);
      });
      socket.on('error', reject);
      setTimeout(() => socket.end(), 2000).unref();
    });
    const responses = raw.split(/(?=HTTP\/1\.1 )/u).filter((r) => r.length > 0);
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses) {
      const [head = '', text = ''] = r.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 4\d\d /u);
      expect(head.toLowerCase()).toContain('content-type: application/json');
      const parsed = JSON.parse(text) as { error?: { code?: unknown } };
      expect(typeof parsed.error?.code).toBe('string');
      expect(Object.keys(parsed)).toEqual(['error']);
      expect(r).not.toContain('Ingeborg');
    }
  });

  it('answers 413 for a body over the limit', async () => {
    const big = { asOf, record: { ...eligibleKol, padding: 'x'.repeat(1024 * 1024 + 10) } };
    const res = await post('/evaluate', big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'BODY_TOO_LARGE' } });
  });

  it('answers 404 for an unknown route, without echoing it', async () => {
    const res = await fetch(`${url}/patients/Ingeborg`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'NOT_FOUND' } });
    expect(text).not.toContain('Ingeborg');
  });

  it('answers 500 INTERNAL for an unexpected fault, without its message', async () => {
    const local = buildServer();
    local.app.get('/boom', () => {
      throw new Error('secret Ingeborg');
    });
    const res = await local.app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL' } });
    await local.close();
  });
});

describe('the loopback-only rule', () => {
  it('refuses to listen on a host that is not loopback', async () => {
    for (const host of ['0.0.0.0', '::', 'localhost', '192.168.1.10']) {
      const service = buildServer({ host, port: 0 });
      await expect(service.start()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', path: ['host'] });
      expect(service.app.server.listening).toBe(false);
      await service.close();
    }
  });
});
