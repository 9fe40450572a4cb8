// What one client may ask of the server, so that one request, one account or one address cannot stop it
// for everyone else (issue #14, finding 4): how many persons one request may write, how many writes an
// account may make, how often an address may ask the no-login statistics, and a short cache of those
// anonymous answers. Hooks and route options only: the routes themselves do not change.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { LRUCache } from 'lru-cache';
import { principalOf } from './auth.ts';
import { HttpProblem } from './problem.ts';
import type { ApiDeps } from './server.ts';

/**
 * Persons one request may carry (one encounter, or a batch summed): each identified person opens a case with
 * its actions and deadlines, about 2–3 ms of writing each on PGlite, so 2,000 persons is a few seconds of one
 * request. A group larger than that is recorded in several requests. Checked before validation and before
 * any database work: 422 naming the field.
 */
export const PERSONS_PER_REQUEST = 2_000;

/** Writes (POST, PUT, PATCH, DELETE under /api except the login) per account per minute: 429 beyond. */
export const WRITES_PER_ACCOUNT_PER_MINUTE = 300;

/**
 * Person searches per account per minute (issue #16): 429 beyond. Each search reads personal data and is
 * written to the audit chain, so it counts as a write would; an officer types a few a minute, a script that
 * walks through names to harvest a state's persons is stopped.
 */
export const SEARCHES_PER_ACCOUNT_PER_MINUTE = 60;

/** The routes that search persons. */
const SEARCH_ROUTES: ReadonlySet<string> = new Set(['/api/search']);

/** Requests per address per minute to the no-login routes (a logged-in account: per account, as writes). */
export const PUBLIC_PER_ADDRESS_PER_MINUTE = 60;

/** Anonymous public answers are cached this long (and say so: Cache-Control public, max-age). */
export const PUBLIC_CACHE_SECONDS = 60;
/** At most this many cached answers and bytes (a 5-year, weekly, by-place answer is about 1 MB). */
export const PUBLIC_CACHE_ENTRIES = 500;
export const PUBLIC_CACHE_BYTES = 64 * 1024 * 1024;

/** The longest period a day-by-day public answer may cover without a login (a year and a leap day). */
export const PUBLIC_DAY_ROWS_MAX = 366;

/**
 * Public queries computed at once (the others wait their turn in this process, then find the answer in the
 * cache if an identical one was computed meanwhile). PGlite runs one query at a time: without this gate,
 * 16 clients asking a 0.6 s query queue 16 of them inside the database, and /readyz waits behind all of
 * them (8 s measured); with it, /readyz waits behind at most this many.
 */
export const PUBLIC_CONCURRENCY = 2;

/** The routes answered without login: rate-limited per address, anonymous answers cached. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  '/api/public/aggregates',
  '/api/public/decisions',
  '/api/public/detentions',
  '/api/public/eurostat/first-time-applicants.csv',
  '/api/fair-shares',
  '/api/params',
  '/api/params/:name',
]);

/** The routes whose body carries persons, and where. */
const PERSON_ROUTES: ReadonlySet<string> = new Set(['/api/encounters', '/api/encounters/batch']);

export interface RequestLimits {
  readonly writesPerAccountPerMinute: number;
  readonly publicPerAddressPerMinute: number;
  /** person searches per account per minute (default SEARCHES_PER_ACCOUNT_PER_MINUTE) */
  readonly searchesPerAccountPerMinute?: number;
  /** false: no cache (tests that write and read back at once) */
  readonly publicCacheSeconds: number | false;
}

export const DEFAULT_LIMITS: RequestLimits = {
  writesPerAccountPerMinute: WRITES_PER_ACCOUNT_PER_MINUTE,
  publicPerAddressPerMinute: PUBLIC_PER_ADDRESS_PER_MINUTE,
  publicCacheSeconds: PUBLIC_CACHE_SECONDS,
  searchesPerAccountPerMinute: SEARCHES_PER_ACCOUNT_PER_MINUTE,
};

const WRITING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CACHED_HEADERS = ['content-type', 'content-disposition', 'content-language', 'cache-control', 'vary'];

/** Persons in a body not yet validated: `persons` of one encounter, or summed over `encounters`. */
export function personsIn(body: unknown): number {
  const count = (e: unknown) => {
    const persons = (e as { persons?: unknown } | null)?.persons;
    return Array.isArray(persons) ? persons.length : 0;
  };
  const encounters = (body as { encounters?: unknown } | null)?.encounters;
  return Array.isArray(encounters) ? encounters.reduce<number>((n, e) => n + count(e), 0) : count(body);
}

/** preValidation of the routes that write persons: too many → 422 before any work. */
async function capPersons(request: FastifyRequest): Promise<void> {
  const n = personsIn(request.body);
  if (n > PERSONS_PER_REQUEST) {
    const field = Array.isArray((request.body as { encounters?: unknown }).encounters)
      ? 'body/encounters'
      : 'body/persons';
    const reason = `${n} persons; at most ${PERSONS_PER_REQUEST} in one request (send the rest in another)`;
    throw new HttpProblem(422, 'too-many-persons', 'Unprocessable input', `${field}: ${reason}`, [
      { field, reason },
    ]);
  }
}

const tooMany = (what: string) => (_request: FastifyRequest, context: { max: number; after: string }) =>
  new HttpProblem(
    429,
    'too-many-requests',
    'Too many requests',
    `at most ${context.max} ${what} a minute; try again in ${context.after}`,
  );

/** A counting semaphore: at most `size` holders, the others wait in order. */
class Gate {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

function addHook(
  route: RouteOptions,
  name: 'onRequest' | 'preValidation' | 'preHandler' | 'onSend' | 'onResponse' | 'onRequestAbort',
  hook: unknown,
) {
  const current = route[name] as unknown;
  route[name] = (Array.isArray(current) ? [...current, hook] : current ? [current, hook] : [hook]) as never;
}

/**
 * Installs the limits on the routes registered after it (call it after @fastify/rate-limit, before the
 * routes). `limits` false: none of the rate limits nor the cache (the API tests), the persons cap stays.
 */
export function installLimits(app: FastifyInstance, deps: ApiDeps, limits: RequestLimits | false): void {
  const signedIn = async (request: FastifyRequest) => Boolean(await principalOf(deps, request));
  const accountOrAddress = async (request: FastifyRequest) => {
    const p = await principalOf(deps, request);
    return p ? `account:${p.userId}` : `address:${request.ip}`;
  };
  const writeLimit =
    limits &&
    app.rateLimit({
      max: limits.writesPerAccountPerMinute,
      timeWindow: '1 minute',
      keyGenerator: accountOrAddress,
      errorResponseBuilder: tooMany('writes per account'),
    });
  const searchLimit =
    limits &&
    app.rateLimit({
      max: limits.searchesPerAccountPerMinute ?? SEARCHES_PER_ACCOUNT_PER_MINUTE,
      timeWindow: '1 minute',
      keyGenerator: accountOrAddress,
      errorResponseBuilder: tooMany('person searches per account'),
    });
  const publicLimit =
    limits &&
    app.rateLimit({
      max: async (request) =>
        (await signedIn(request)) ? limits.writesPerAccountPerMinute : limits.publicPerAddressPerMinute,
      timeWindow: '1 minute',
      keyGenerator: accountOrAddress,
      errorResponseBuilder: tooMany('requests to the public statistics per address'),
    });
  const cache =
    limits && limits.publicCacheSeconds !== false
      ? new LRUCache<string, { body: string | Buffer; headers: Record<string, string> }>({
          max: PUBLIC_CACHE_ENTRIES,
          maxSize: PUBLIC_CACHE_BYTES,
          sizeCalculation: (v) => Math.max(1, v.body.length),
          ttl: limits.publicCacheSeconds * 1000,
        })
      : undefined;
  // browsers and shared caches may keep an anonymous answer as long as this process does
  const maxAge =
    limits && limits.publicCacheSeconds !== false ? limits.publicCacheSeconds : PUBLIC_CACHE_SECONDS;
  const publicCacheControl = `public, max-age=${maxAge}`;
  const gate = new Gate(PUBLIC_CONCURRENCY);
  const holding = new WeakSet<FastifyRequest>();
  const release = async (request: FastifyRequest) => {
    if (holding.delete(request)) gate.release();
  };
  // requests without a valid credential, and those of them whose answer goes into the cache
  const anonymous = new WeakSet<FastifyRequest>();
  const toCache = new WeakSet<FastifyRequest>();

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (PERSON_ROUTES.has(route.url) && methods.includes('POST')) addHook(route, 'preValidation', capPersons);
    if (
      writeLimit &&
      route.url.startsWith('/api/') &&
      route.url !== '/api/auth/login' &&
      methods.some((m) => WRITING.has(m))
    )
      addHook(route, 'onRequest', writeLimit);
    if (searchLimit && SEARCH_ROUTES.has(route.url)) addHook(route, 'onRequest', searchLimit);
    if (!PUBLIC_ROUTES.has(route.url) || !methods.includes('GET')) return;
    if (publicLimit) addHook(route, 'onRequest', publicLimit);
    addHook(route, 'onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      // the cache only for a request without a valid credential: the staff's answers are exact, the
      // public's suppressed
      const open = !(await signedIn(request));
      const cached = () => {
        const hit = open && cache?.get(request.url);
        return hit && reply.headers(hit.headers).header('x-cache', 'hit').send(hit.body);
      };
      if (open) anonymous.add(request);
      if (cached()) return reply;
      // wait for a turn (staff too); an identical request may have filled the cache meanwhile
      await gate.acquire();
      if (request.raw.destroyed) {
        gate.release(); // the client left while waiting
        return reply;
      }
      holding.add(request);
      if (cached()) return reply;
      if (open && cache) toCache.add(request);
    });
    addHook(route, 'onResponse', release);
    addHook(route, 'onRequestAbort', release);
    addHook(route, 'preHandler', async (request: FastifyRequest) => {
      const q = request.query as { granularity?: string; from?: string; to?: string };
      if (q.granularity !== 'day' || !q.from || !q.to || (await signedIn(request))) return;
      const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
      if (days > PUBLIC_DAY_ROWS_MAX) {
        const reason = `day by day, at most ${PUBLIC_DAY_ROWS_MAX} days without login (or ask by week or month)`;
        throw new HttpProblem(400, 'invalid-input', 'Invalid input', `querystring/to: ${reason}`, [
          { field: 'querystring/to', reason },
        ]);
      }
    });
    addHook(route, 'onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (!anonymous.has(request) || reply.statusCode !== 200) return payload;
      // issue 21: an answer read while a roll-up was being brought up to date: kept by no cache
      if (reply.hasHeader('x-pact-stale')) return payload;
      // the same for everyone without a login: a shared cache may keep it too, apart from signed-in answers
      reply.header('cache-control', publicCacheControl).header('vary', 'authorization, cookie');
      if (cache && toCache.has(request) && (typeof payload === 'string' || Buffer.isBuffer(payload)))
        cache.set(request.url, {
          body: payload,
          // the headers that describe the answer (a CSV's file name too)
          headers: Object.fromEntries(
            CACHED_HEADERS.flatMap((h) => (reply.hasHeader(h) ? [[h, String(reply.getHeader(h))]] : [])),
          ),
        });
      return payload;
    });
  });
}
