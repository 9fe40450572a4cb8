// The HTTP server: Fastify with Zod schemas in and out (one schema per route, also the OpenAPI 3.1 document
// at /api/openapi.json), problem+json errors, health and readiness, and structured logs without personal
// data. Routes are thin: they check who asks and call the same services as the CLI.
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PasswordVerifier } from '../store/accounts.ts';
import type { CaseStore, Services } from '../store/case-store.ts';
import { databaseError } from '../store/chain-retry.ts';
import type { Store } from '../store/database.ts';
import { fatalDatabaseError } from '../store/database-errors.ts';
import { cookieNames } from './auth.ts';
import { DEFAULT_LIMITS, installLimits, type RequestLimits } from './limits.ts';
import { HttpProblem, PROBLEM_TYPE, Problem, sendProblem, toProblem, unstorableText } from './problem.ts';
import { recordWrites } from './read-your-writes.ts';
import { accountRoutes } from './routes/accounts.ts';
import { admissionRoutes } from './routes/admission.ts';
import { admissionFileRoutes } from './routes/admission-files.ts';
import { amendmentRoutes } from './routes/amendments.ts';
import { assignmentRoutes } from './routes/assignment.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { authRoutes } from './routes/auth.ts';
import { backupRoutes } from './routes/backup.ts';
import { caseRoutes } from './routes/cases.ts';
import { crisisRoutes } from './routes/crises.ts';
import { documentGroupRoutes } from './routes/document-groups.ts';
import { documentRoutes } from './routes/documents.ts';
import { duplicateRoutes } from './routes/duplicates.ts';
import { encounterRoutes } from './routes/encounters.ts';
import { exportRoutes } from './routes/exports.ts';
import { type FederationDeps, federationRoutes } from './routes/federation.ts';
import { findingRoutes } from './routes/findings.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { nationalMeasureRoutes } from './routes/national-measures.ts';
import { publicRoutes } from './routes/public.ts';
import { publicAggregatesRoutes } from './routes/public-aggregates.ts';
import { queueRoutes } from './routes/queue.ts';
import { readmissionRoutes } from './routes/readmission.ts';
import { referenceRoutes } from './routes/reference.ts';
import { responsibilityRoutes } from './routes/responsibility.ts';
import { searchRoutes } from './routes/search.ts';
import { settingsRoutes } from './routes/settings.ts';
import { setupRoutes } from './routes/setup.ts';
import { solidarityRoutes } from './routes/solidarity.ts';
import { statisticsRoutes } from './routes/statistics.ts';
import { unionRoutes } from './routes/union.ts';
import { userRoutes } from './routes/users.ts';
import { isPageRequest, sendIndex, WEB_ROOT, webRoutes } from './web.ts';

export interface ApiDeps {
  readonly store: Store;
  readonly cases: CaseStore;
  readonly services: Services;
  /** Secure cookies: on behind TLS (PACT_SECURE_COOKIES=1). */
  readonly secureCookies: boolean;
  /**
   * Behind reverse proxies (PACT_TRUST_PROXY): the number of proxy hops to trust, or the proxies' addresses
   * and CIDRs. The client's address is then the one the outermost trusted proxy saw, so that the per-address
   * login limit counts each client, not the proxy, and an X-Forwarded-For entry the client wrote itself is
   * ignored. Off by default: the header is then ignored.
   */
  readonly trustProxy?: number | readonly string[];
  /** Tests only: the password verifier (to count verifications); default argon2id's. */
  readonly verifyPassword?: PasswordVerifier;
  /** The built web application (default web/dist); without one, / explains how to build it. */
  readonly webRoot?: string;
  /** Login attempts per address per minute (@fastify/rate-limit); false in tests that need many logins. */
  readonly loginRateLimit: { max: number; timeWindow: string } | false;
  /** Per-account writes, per-address public requests, the public cache (limits.ts); false: none (tests). */
  readonly requestLimits?: RequestLimits | false;
  /**
   * Called once when the database fails in a way that does not heal (disk full, out of memory, I/O error,
   * PGlite aborted): the server already answers 503 to everything and /readyz fails; `pact serve` exits.
   */
  readonly onFatal?: (reason: string) => void;
  /** issue 20: the exchange with other installations, when PACT_FEDERATION is set (routes/federation.ts) */
  readonly federation?: FederationDeps;
  /**
   * issue 21: seconds a successful credential lookup is remembered (PACT_AUTH_CACHE_SECONDS, default 5 in
   * `pact serve`; absent or 0: every request looks its credential up). See src/store/credential-cache.ts.
   */
  readonly authCacheSeconds?: number;
  /** issue 21: tests only, a shorter wait for `select 1` on /readyz than READY_TIMEOUT_MS (the same behaviour). */
  readonly readyTimeoutMs?: number;
}

/**
 * Largest request body (413 beyond): a batch of 500 encounters of 4 persons each (PERSONS_PER_REQUEST in
 * limits.ts, 2,000 persons) fits comfortably.
 */
export const BODY_LIMIT = 2 * 1024 * 1024;

/**
 * Slow or idle clients cannot hold the server's sockets: the whole request (headers and body) must arrive
 * within REQUEST_TIMEOUT_MS, its headers within HEADERS_TIMEOUT_MS (a slowloris attack sends them a byte at a
 * time), an idle keep-alive connection closes after KEEP_ALIVE_TIMEOUT_MS and any socket idle for
 * CONNECTION_TIMEOUT_MS is closed. At most MAX_CONNECTIONS sockets are open at once; more are refused by the
 * operating system's accept, not queued in the process.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
export const HEADERS_TIMEOUT_MS = 10_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
export const CONNECTION_TIMEOUT_MS = 60_000;
export const MAX_CONNECTIONS = 1_000;

/** /readyz fails when the database has not answered `select 1` within this time (a hung database too). */
export const READY_TIMEOUT_MS = 5_000;

/** Log fields that could carry personal data or secrets are removed from every log line (tested). */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'body',
  'req.body',
  'persons',
  'person',
];

/** The Content-Security-Policy of the API documentation (/api/docs), checked to render in Chromium. */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

/** The route's pattern of a request, for the log; the path itself may name a case or a user. */
function routeOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? '(no route)';
}

export async function buildServer(
  deps: ApiDeps,
  logger: FastifyServerOptions['logger'] = false,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            ...(typeof logger === 'object' ? logger : {}),
            redact: REDACT,
            // the route's pattern (/api/cases/:id), never the path (a case id, a username) nor the query
            serializers: {
              req: (request: FastifyRequest) => ({ method: request.method, url: routeOf(request) }),
            },
          },
    bodyLimit: BODY_LIMIT,
    requestTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    // a hop count as proxy-addr (Express) counts hops: the socket's peer and the n - 1 entries before it are
    // proxies; this Fastify release ignores a numeric trustProxy altogether (it fails closed)
    trustProxy:
      typeof deps.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(deps.trustProxy)
        : deps.trustProxy
          ? [...deps.trustProxy]
          : false,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    // a path that cannot be decoded, or a path parameter over 100 characters: problem+json too
    frameworkErrors: (error, request, reply) => sendProblem(reply, toProblem(error, request)),
  });
  app.server.headersTimeout = HEADERS_TIMEOUT_MS;
  app.server.maxConnections = MAX_CONNECTIONS;
  // set once the database failed for good (fatalDatabaseError): every answer is 503 from then on
  let fatal: string | undefined;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    const lost = fatalDatabaseError(error);
    if (lost && !fatal) {
      fatal = lost;
      deps.onFatal?.(lost);
    }
    if (problem.status >= 500 && problem.status !== 503)
      // never the message: a database error's message holds the statement and its parameters (personal data)
      request.log.error(
        { err: { type: (error as Error)?.constructor?.name, code: databaseError(error)?.code } },
        'internal error',
      );
    if (problem.status === 503) reply.header('retry-after', '1');
    return sendProblem(reply, problem);
  });
  // after validation: text the database cannot store is bad input too, never a 500 (the parts a route reads)
  app.addHook('preHandler', async (request) => {
    const schema = request.routeOptions.schema ?? {};
    const bad = unstorableText({
      ...(schema.body ? { body: request.body } : {}),
      ...(schema.querystring ? { querystring: request.query } : {}),
      ...(schema.params ? { params: request.params } : {}),
    });
    if (bad)
      throw new HttpProblem(400, 'invalid-input', 'Invalid input', `${bad.field}: ${bad.reason}`, [bad]);
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (fatal)
      return sendProblem(reply.header('retry-after', '10').header('connection', 'close'), {
        type: 'urn:pact:problem:not-ready',
        title: 'Not ready',
        status: 503,
        detail: 'the database cannot be used; the server is stopping',
      });
  });
  // no answer of the API is kept by a browser or a proxy, except the anonymous public ones (limits.ts)
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      // issue 19: the server's clock (the one deadlines count by), to the millisecond: a tablet compares its
      // own with it and warns its guard when they differ by more than the tolerance (web/src/clock-check.ts)
      reply.header('x-pact-server-time', deps.services.clock().toISOString());
    }
    return payload;
  });
  let web = false;
  app.setNotFoundHandler((request, reply) =>
    web && isPageRequest(request)
      ? sendIndex(reply)
      : sendProblem(reply, {
          type: 'urn:pact:problem:not-found',
          title: 'Not found',
          status: 404,
          detail: `no route ${request.method} ${request.url.split('?')[0]}`,
        }),
  );
  await app.register(helmet, {
    // the API's answers are data, never pages: nothing may be loaded or framed from them; the web
    // application's pages (web.ts) and /api/docs set their own policies
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    },
    // only behind TLS (PACT_SECURE_COOKIES=1): over plain HTTP a browser ignores it anyway
    strictTransportSecurity: deps.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  installLimits(app, deps, deps.requestLimits ?? DEFAULT_LIMITS);
  // issue 21: a user's reads that can lag go to the primary until a replica has their last write
  recordWrites(app, deps.store);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pact API',
        version: '0.1.0',
        description:
          'The EU Pact on Migration and Asylum at an external border: encounters, cases and their legal deadlines, the deadline queue, crisis declarations, and (without login) fair shares of the solidarity pool and the legal parameters. Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: cookieNames(deps.secureCookies).session },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI 5 runs from its own files (no inline script): only this server's files, no framing
    staticCSP: DOCS_CSP,
    uiConfig: { validatorUrl: null },
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      schema: {
        hide: true,
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: Problem },
      },
    },
    async (_request, reply) => {
      try {
        if (fatal) throw new Error(fatal);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          deps.store.query('select 1'),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('no answer')), deps.readyTimeoutMs ?? READY_TIMEOUT_MS);
          }),
        ]).finally(() => clearTimeout(timer));
      } catch {
        return reply
          .code(503)
          .type(PROBLEM_TYPE)
          .send({
            type: 'urn:pact:problem:not-ready',
            title: 'Not ready',
            status: 503,
            detail: `the database cannot be reached, or did not answer within ${(deps.readyTimeoutMs ?? READY_TIMEOUT_MS) / 1000} s`,
          });
      }
      return { status: 'ready' as const, database: deps.store.backend };
    },
  );
  r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, deps);
  publicRoutes(app, deps);
  encounterRoutes(app, deps);
  caseRoutes(app, deps);
  queueRoutes(app, deps);
  crisisRoutes(app, deps);
  amendmentRoutes(app, deps);
  userRoutes(app, deps);
  accountRoutes(app, deps);
  findingRoutes(app, deps);
  referenceRoutes(app, deps);
  settingsRoutes(app, deps);
  setupRoutes(app, deps);
  statisticsRoutes(app, deps);
  monitoringRoutes(app, deps);
  publicAggregatesRoutes(app, deps);
  solidarityRoutes(app, deps);
  exportRoutes(app, deps);
  attachmentRoutes(app, deps);
  searchRoutes(app, deps);
  duplicateRoutes(app, deps);
  assignmentRoutes(app, deps);
  nationalMeasureRoutes(app, deps);
  documentRoutes(app, deps);
  // issue 18: the desk's group print (the refusal forms of an encounter in one PDF)
  documentGroupRoutes(app, deps);
  // issue 20: the requests of other member states received by this state (AMMR Part III)
  responsibilityRoutes(app, deps);
  unionRoutes(app, deps);
  // issue 20: the exchange between installations (a peer's signed messages; the administrator's view)
  federationRoutes(app, deps);
  // issue 21: a backup of the embedded database while the server runs (administrators)
  backupRoutes(app, deps);
  // issue 22: the readmission arrangements with third countries (return officers; read-only)
  readmissionRoutes(app, deps);
  // issue 22: admission — programmes, admission files, the Union's view and the public arrivals
  admissionRoutes(app, deps);
  admissionFileRoutes(app, deps);
  web = await webRoutes(app, deps.webRoot ?? WEB_ROOT);
  if (!web)
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The web application is not built: run `npm run build` (npm start does it), then reload.\nThe API is at /api (documentation: /api/docs).\n',
        ),
    );
  return app;
}
