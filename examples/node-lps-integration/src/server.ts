/**
 * A small loopback HTTP service over the kronikerpakker SDK, for an LPS on a
 * non-JavaScript stack to run beside its own system:
 *
 * - `POST /evaluate` `{ asOf, packages?, record }` or `{ asOf, packages?, bundle }` (FHIR R4)
 *   -> the evaluation of `evaluatePatient`, as JSON;
 * - `POST /cpd` `{ asOf, package, record, clinic, author, patientName }` -> the CPD-DK document (`application/xml`);
 * - `GET /health` -> `{ status: 'ok', packs: [...] }`.
 *
 * Privacy: bodies are never logged (`logger: false`), and an error response
 * is `{ error: { code, path?, issues? } }` with codes and paths only: never
 * a value from the request. It listens on 127.0.0.1 (or ::1) only.
 *
 * @module
 */
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { KronikerpakkerError } from '@kronikerpakker/core';
import type { ErrorPath, IsoDate, PackageId, RecordIssue } from '@kronikerpakker/core';
import { evaluatePatient, shippedRulePacks } from '@kronikerpakker/sdk';
import type { FhirBundleInput, PatientEvaluation, PatientInput, RulePacks } from '@kronikerpakker/sdk';
import { clockOf, markSynthetic } from './synthetic';

/** The default body limit: 1 MiB (a patient's record is a few kilobytes; a large FHIR Bundle well under this). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The hosts the service may listen on: the loopback interface only. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', '::1'];

/** Options of {@link buildServer}. */
export interface ServerOptions {
  /** The host to listen on: `127.0.0.1` (default) or `::1`; any other is refused by `start`. */
  readonly host?: string;
  /** The port (default 8787; 0 for any free port). */
  readonly port?: number;
  /** The largest request body in bytes (default {@link DEFAULT_BODY_LIMIT}); larger gives 413. */
  readonly bodyLimit?: number;
  /** Replacement rule packs (from `loadRulePacks`); default the shipped ones. */
  readonly packs?: RulePacks;
}

/** The service: the fastify instance, and start/close. */
export interface LpsService {
  /** The fastify instance (for `inject` in tests, or more routes). */
  readonly app: FastifyInstance;
  /**
   * Listens on the configured host and port.
   *
   * @returns the base URL, e.g. `http://127.0.0.1:8787`
   * @throws `KronikerpakkerError` `INVALID_ARGUMENT` (path `host`) for a host that is not loopback
   */
  start(): Promise<string>;
  /** Stops listening. */
  close(): Promise<void>;
}

/** The body of `POST /evaluate`. */
export interface EvaluateBody {
  /** The evaluation date, `YYYY-MM-DD`. */
  readonly asOf: IsoDate;
  /** The packages (default both). */
  readonly packages?: readonly PackageId[];
  /** A `PatientRecordInput`. */
  readonly record?: Record<string, unknown>;
  /** A FHIR R4 Bundle of the patient's data (instead of `record`). */
  readonly bundle?: FhirBundleInput;
}

/** The body of `POST /cpd`. */
export interface CpdBody {
  /** The evaluation date, `YYYY-MM-DD`: the plan's date. */
  readonly asOf: IsoDate;
  /** `KOL` or `LRS`. */
  readonly package: PackageId;
  /** A `PatientRecordInput` (with the patient's CPR). */
  readonly record: Record<string, unknown>;
  /** The clinic: SOR id and name. */
  readonly clinic: { readonly sorId: string; readonly name: string };
  /** The author: SOR id and name. */
  readonly author: { readonly sorId: string; readonly name: PersonName };
  /** The patient's name (the record holds none). */
  readonly patientName: PersonName;
}

/** A person's name in a request. */
export interface PersonName {
  /** A prefix such as "Læge". */
  readonly prefix?: string;
  /** Given names. */
  readonly given: readonly string[];
  /** The family name. */
  readonly family: string;
}

/** An error response: codes and paths only. */
export interface ErrorBody {
  /** The error. */
  readonly error: {
    /** A code from a closed list (`INVALID_REQUEST`, `INVALID_JSON`, `INVALID_RECORD`, `NOT_INCLUDED`, `NO_CPR`, `BODY_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE`, `BAD_REQUEST`, `NOT_FOUND`, `INTERNAL`, or an SDK error code such as `INVALID_ARGUMENT`). */
    readonly code: string;
    /** Where in the request. */
    readonly path?: ErrorPath;
    /** For `INVALID_RECORD`: every issue, path and code. */
    readonly issues?: readonly RecordIssue[];
  };
}

// JSON schemas of the requests. Shapes only: the record's own validation is the SDK's.
const asOfSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;
const packageSchema = { type: 'string', enum: ['KOL', 'LRS'] } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const nameSchema = {
  type: 'object',
  required: ['given', 'family'],
  additionalProperties: false,
  properties: {
    prefix: text(100),
    given: { type: 'array', minItems: 1, maxItems: 10, items: text(100) },
    family: text(100),
  },
} as const;
const sorSchema = { type: 'string', pattern: '^[0-9]{6,20}$' } as const;

const evaluateSchema = {
  type: 'object',
  required: ['asOf'],
  additionalProperties: false,
  properties: {
    asOf: asOfSchema,
    packages: { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true, items: packageSchema },
    record: { type: 'object' },
    bundle: { type: 'object', required: ['resourceType'], properties: { resourceType: { const: 'Bundle' } } },
  },
  oneOf: [{ required: ['record'] }, { required: ['bundle'] }],
} as const;

const cpdSchema = {
  type: 'object',
  required: ['asOf', 'package', 'record', 'clinic', 'author', 'patientName'],
  additionalProperties: false,
  properties: {
    asOf: asOfSchema,
    package: packageSchema,
    record: { type: 'object' },
    clinic: { type: 'object', required: ['sorId', 'name'], additionalProperties: false, properties: { sorId: sorSchema, name: text(200) } },
    author: { type: 'object', required: ['sorId', 'name'], additionalProperties: false, properties: { sorId: sorSchema, name: nameSchema } },
    patientName: nameSchema,
  },
} as const;

/** `/a/0/b` -> `['a', 0, 'b']` (a validation error's instance path; keys of the schema above, and indices). */
function pathOf(instancePath: string, missing: unknown): ErrorPath {
  const segments: (string | number)[] = instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  // A missing required property is named by the schema, not by the request.
  if (typeof missing === 'string') segments.push(missing);
  return segments;
}

function sendError(reply: FastifyReply, status: number, error: ErrorBody['error']): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error } satisfies ErrorBody);
}

/** An invalid record: its issues under `record`; for a Bundle, the paths of the record mapped from it. */
function invalidRecord(reply: FastifyReply, evaluation: PatientEvaluation, root: 'record' | null): FastifyReply {
  const issues = evaluation.issues.map((i) => ({ path: root === null ? i.path : [root, ...i.path], code: i.code }));
  const first = issues[0];
  return sendError(reply, 400, first === undefined ? { code: 'INVALID_RECORD', issues } : { code: 'INVALID_RECORD', path: first.path, issues });
}

/** Fastify's own client errors, by code: the status and our code. Messages are never passed on. */
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_CONTENT_LENGTH'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON'],
};

/**
 * The answer to a request node's HTTP parser rejects before fastify sees it
 * (a Content-Length shorter than the body leaves bytes that are no request):
 * the documented `{ error: { code } }` shape, then the connection closes.
 */
const MALFORMED_RESPONSE = (() => {
  const body = JSON.stringify({ error: { code: 'BAD_REQUEST' } } satisfies ErrorBody);
  return `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n${body}`;
})();

/**
 * Builds the service (not yet listening: call `start`).
 *
 * @param options - host, port, body limit, rule packs
 * @returns the service
 * @example
 * ```ts
 * const service = buildServer({ port: 0 });
 * const url = await service.start(); // http://127.0.0.1:<port>
 * await fetch(`${url}/health`);
 * await service.close();
 * ```
 */
export function buildServer(options: ServerOptions = {}): LpsService {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8787;
  const packs = options.packs;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Reject what the schema does not allow (fastify's default would strip extra properties and coerce types).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false } },
    // Requests node's HTTP parser rejects (fastify would answer in its own shape).
    clientErrorHandler: (_error, socket) => {
      if (socket.writable) socket.end(MALFORMED_RESPONSE);
      else socket.destroy();
    },
  });

  // JSON only: fastify parses text/plain itself, which would turn a 415 into a schema 400.
  app.removeAllContentTypeParsers();
  // Fastify's own JSON parser, with prototype-poisoning protection ('error': a __proto__ or constructor.prototype key is refused).
  app.addContentTypeParser('application/json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.validation !== undefined) {
      const first = error.validation[0];
      const missing = first?.keyword === 'required' ? (first.params as { missingProperty?: unknown }).missingProperty : undefined;
      const path = pathOf(first?.instancePath ?? '', missing);
      return sendError(reply, 400, { code: 'INVALID_REQUEST', path });
    }
    if (KronikerpakkerError.is(error)) {
      const status = error.code === 'INTERNAL' ? 500 : 400;
      return sendError(reply, status, error.path.length > 0 ? { code: error.code, path: error.path } : { code: error.code });
    }
    const known = typeof error.code === 'string' ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known !== undefined) return sendError(reply, known[0], { code: known[1] });
    // A body that is not JSON (a SyntaxError from the parser, whose message may quote the body).
    if (error instanceof SyntaxError) return sendError(reply, 400, { code: 'INVALID_JSON' });
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) return sendError(reply, status, { code: 'BAD_REQUEST' });
    return sendError(reply, 500, { code: 'INTERNAL' });
  });

  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, { code: 'NOT_FOUND' }));

  const packList = shippedRulePacks().map((p) => ({
    kind: p.kind,
    id: p.ref.id,
    version: p.ref.version,
    status: p.ref.status,
    digest: p.ref.digest,
    validFrom: p.validFrom,
    validTo: p.validTo,
  }));
  app.get('/health', () => ({ status: 'ok', packs: packList }));

  app.post<{ Body: EvaluateBody }>('/evaluate', { schema: { body: evaluateSchema } }, (request, reply) => {
    const { asOf, packages, record, bundle } = request.body;
    const input = (bundle ?? record) as PatientInput;
    const evaluation = evaluatePatient(input, {
      asOf,
      ...(packages === undefined ? {} : { packages }),
      ...(packs === undefined ? {} : { packs }),
    });
    if (!evaluation.valid) return invalidRecord(reply, evaluation, bundle === undefined ? 'record' : null);
    return reply.code(200).send(evaluation);
  });

  app.post<{ Body: CpdBody }>('/cpd', { schema: { body: cpdSchema } }, (request, reply) => {
    const body = request.body;
    const evaluation = evaluatePatient(body.record as PatientInput, {
      asOf: body.asOf,
      packages: [body.package],
      ...(packs === undefined ? {} : { packs }),
      plan: { clinic: body.clinic, author: body.author, patientName: body.patientName, cpd: true, clock: clockOf(body.asOf) },
    });
    if (!evaluation.valid) return invalidRecord(reply, evaluation, 'record');
    const result = evaluation.packages[body.package];
    if (result?.planStatus === 'not-included') return sendError(reply, 400, { code: 'NOT_INCLUDED', path: ['record'] });
    if (result?.planStatus === 'no-cpr') return sendError(reply, 400, { code: 'NO_CPR', path: ['record', 'patient', 'cpr'] });
    if (result?.cpd === undefined) return sendError(reply, 500, { code: 'INTERNAL' });
    return reply
      .code(200)
      .type('application/xml; charset=utf-8')
      .send(markSynthetic(result.cpd, body.record['synthetic'] === true));
  });

  return {
    app,
    async start() {
      if (!LOOPBACK_HOSTS.includes(host)) {
        throw new KronikerpakkerError('INVALID_ARGUMENT', 'The service listens on the loopback interface only (127.0.0.1 or ::1)', {
          path: ['host'],
        });
      }
      return app.listen({ host, port });
    },
    async close() {
      await app.close();
    },
  };
}
