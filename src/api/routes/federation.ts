// issue 20: the exchange between installations over HTTP (docs/federation.md).
// - POST /federation/v1/messages: a peer's signed message (a flattened JWS). No session: the signature with the
//   peer's configured key is the authentication. Answers 200 with the signed receipt (a flattened JWS), or a
//   problem: 400 not a signed envelope, 401 a signature no configured peer made, 403 addressed to another
//   installation, 409 a seq of the stream another message holds.
// - the administrator's view: GET /api/federation/messages, POST /api/federation/messages/:id/retry (a dead
//   message), POST /api/federation/peers/:party/retry (every dead message to a peer), GET /api/federation/peers,
//   POST /api/federation/ping (a test message; permission federation.manage).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Party } from '../../federation/contract.ts';
import { PING } from '../../federation/kinds/ping.ts';
import type { Federation } from '../../federation/peers.ts';
import { MESSAGES_PATH } from '../../federation/sender.ts';
import {
  FlattenedJws,
  type RefusalReason,
  SIGNED_MESSAGE_LIMIT,
  SignatureRefusedError,
} from '../../federation/signing.ts';
import type { Db } from '../../store/database.ts';
import { listMessages, retryMessage, retryPeer } from '../../store/federation-delivery.ts';
import { type Inbox, SeqTakenError } from '../../store/federation-inbox.ts';
import { enqueue } from '../../store/federation-outbox.ts';
import { principal, requires } from '../auth.ts';
import { HttpProblem, notFound, Problem } from '../problem.ts';
import type { ApiDeps } from '../server.ts';

/**
 * The largest signed message taken, 4 MiB (a message carries a request's or a relocated case's data, never
 * files); the outbox refuses to write a larger one (src/store/federation-outbox.ts, the same constant).
 */
export const FEDERATION_BODY_LIMIT = SIGNED_MESSAGE_LIMIT;
/** Messages a peer's address may post per minute, where the request limits are on. */
export const FEDERATION_PER_MINUTE = 6_000;

/** What `pact serve` hands the routes when PACT_FEDERATION is set. */
export interface FederationDeps {
  readonly config: Federation;
  readonly inbox: Inbox;
}

const STATUS: Readonly<Record<RefusalReason, [number, string, string]>> = {
  malformed: [400, 'federation-bad-envelope', 'Not a signed envelope'],
  'bad-envelope': [400, 'federation-bad-envelope', 'Not a signed envelope'],
  'unknown-peer': [401, 'federation-bad-signature', 'Bad signature'],
  'bad-signature': [401, 'federation-bad-signature', 'Bad signature'],
  'wrong-kid': [401, 'federation-bad-signature', 'Bad signature'],
  'not-for-us': [403, 'federation-not-for-us', 'Not for this installation'],
};

const notConfigured = () =>
  new HttpProblem(
    409,
    'federation-not-configured',
    'No federation',
    'this installation exchanges no messages with other states (PACT_FEDERATION is not set)',
  );

const MessageView = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  party: z.string(),
  kind: z.string(),
  stream: z.string(),
  seq: z.number(),
  status: z.string(),
  createdAt: z.string(),
  receivedAt: z.string().nullable(),
  attempts: z.number().optional(),
  nextAttemptAt: z.string().optional(),
  lastError: z.string().nullable().optional(),
  appliedAt: z.string().nullable().optional(),
  refusal: z.string().nullable().optional(),
});

export function federationRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const fed = deps.federation;
  const limits = deps.requestLimits;
  r.post(
    MESSAGES_PATH,
    {
      bodyLimit: FEDERATION_BODY_LIMIT,
      ...(limits ? { config: { rateLimit: { max: FEDERATION_PER_MINUTE, timeWindow: '1 minute' } } } : {}),
      schema: {
        tags: ['federation'],
        summary: "a peer installation's signed message (flattened JWS); the answer is the signed receipt",
        body: FlattenedJws,
        response: { 200: FlattenedJws, 400: Problem, 401: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request) => {
      if (!fed) throw notConfigured();
      try {
        const { jws } = await fed.inbox.receive(request.body);
        fed.inbox.kick();
        return jws;
      } catch (e) {
        if (e instanceof SignatureRefusedError) {
          const [status, code, title] = STATUS[e.reason];
          throw new HttpProblem(status, code, title, e.message, undefined, { params: { reason: e.reason } });
        }
        if (e instanceof SeqTakenError)
          throw new HttpProblem(409, e.code, 'Seq taken', e.message, undefined, { params: e.params });
        throw e;
      }
    },
  );
  r.get(
    '/api/federation/messages',
    {
      schema: {
        tags: ['federation'],
        summary: 'messages to and from other installations (no bodies), newest first',
        querystring: z
          .object({
            direction: z.enum(['in', 'out']).default('out'),
            status: z.enum(['pending', 'sent', 'dead', 'received', 'applied', 'refused']).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          })
          .strict(),
        response: { 200: z.array(MessageView), 401: Problem, 403: Problem, 409: Problem },
      },
      preHandler: requires(deps, 'federation.manage'),
    },
    async (request) => {
      if (!fed) throw notConfigured();
      const q = request.query;
      return listMessages(deps.store.db, q.direction, q.status, q.limit);
    },
  );
  r.post(
    '/api/federation/messages/:id/retry',
    {
      schema: {
        tags: ['federation'],
        summary: 'send a dead message again (its attempts start over)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({ id: z.string(), status: z.literal('pending') }),
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
        },
      },
      preHandler: requires(deps, 'federation.manage'),
    },
    async (request) => {
      if (!fed) throw notConfigured();
      const p = principal(request);
      const ok = await retryMessage(deps.store.db, request.params.id, deps.services.clock(), p.username);
      if (!ok) throw notFound(`a dead message ${request.params.id}`);
      return { id: request.params.id, status: 'pending' as const };
    },
  );
  r.post(
    '/api/federation/peers/:party/retry',
    {
      schema: {
        tags: ['federation'],
        summary: 'send every dead message to a peer again (their attempts start over)',
        params: z.object({ party: Party }),
        response: {
          200: z.object({ party: z.string(), revived: z.number() }),
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
        },
      },
      preHandler: requires(deps, 'federation.manage'),
    },
    async (request) => {
      if (!fed) throw notConfigured();
      const { party } = request.params;
      if (!fed.config.peers.has(party)) throw notFound(`a peer ${party}`);
      const p = principal(request);
      const revived = await retryPeer(deps.store.db, party, deps.services.clock(), p.username);
      return { party, revived };
    },
  );
  r.post(
    '/api/federation/ping',
    {
      schema: {
        tags: ['federation'],
        summary:
          'send a ping (federation.ping, no person) to a peer: to test the exchange, and for the benchmark',
        body: z
          .object({
            to: Party,
            n: z.number().int().min(0).max(2_147_483_647),
            stream: z.string().min(1).max(200).default('ping'),
          })
          .strict(),
        response: {
          202: z.object({ id: z.string(), seq: z.number() }),
          401: Problem,
          403: Problem,
          409: Problem,
          422: Problem,
        },
      },
      preHandler: requires(deps, 'federation.manage'),
    },
    async (request, reply) => {
      if (!fed) throw notConfigured();
      if (!fed.config.peers.has(request.body.to))
        throw new HttpProblem(
          422,
          'federation-unknown-peer',
          'Unknown peer',
          `${request.body.to} is no peer`,
          [{ field: 'body/to', reason: 'not a configured peer' }],
        );
      const { to, n, stream } = request.body;
      const sent = await deps.store.db.transaction((tx) =>
        enqueue(
          tx as unknown as Db,
          fed.config.self,
          deps.services.uuid,
          { to, kind: PING, stream, body: { n } },
          deps.services.clock(),
        ),
      );
      return reply.code(202).send(sent);
    },
  );
  r.get(
    '/api/federation/peers',
    {
      schema: {
        tags: ['federation'],
        summary: 'this installation and its peers (party, address, key thumbprint)',
        response: {
          200: z.object({
            self: z.object({ party: z.string(), url: z.string() }),
            peers: z.array(z.object({ party: z.string(), url: z.string(), thumbprint: z.string() })),
          }),
          401: Problem,
          403: Problem,
          409: Problem,
        },
      },
      preHandler: requires(deps, 'federation.manage'),
    },
    async () => {
      if (!fed) throw notConfigured();
      return {
        self: { party: fed.config.self, url: fed.config.url },
        peers: [...fed.config.peers.values()].map((p) => ({
          party: p.party,
          url: p.url,
          thumbprint: p.thumbprint,
        })),
      };
    },
  );
}
