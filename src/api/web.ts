// The web application: the files `npm run build` writes to web/dist, served at / (the API stays under /api).
// Client-side routes (/queue, /cases/…) answer with index.html, so a reload or a bookmark works. Built files
// under /assets carry a content hash and are cached for a year; index.html is never cached.
// Issue 19: the service worker (/sw.js) and the manifest (/manifest.webmanifest) are asked again each time
// (no-cache), so that a new version is found at the next visit; the service worker gets a policy of its own.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build` puts the application (vite.config.ts). */
export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/** What the pages may load: only this server's own files (charts style their SVG inline). */
const CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; worker-src 'self'; manifest-src 'self'";

/**
 * The service worker's own policy (a worker obeys the policy its script is served with; the API's
 * `default-src 'none'` would forbid its fetches): it may fetch this server only.
 */
const WORKER_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'";

export async function webRoutes(app: FastifyInstance, root: string = WEB_ROOT): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader(
        'cache-control',
        path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      // /index.html asked for by name is a page too
      if (path.endsWith('.html')) for (const [k, v] of Object.entries(PAGE_HEADERS)) res.setHeader(k, v);
      if (path === join(root, 'sw.js')) res.setHeader('content-security-policy', WORKER_CSP);
      if (path.endsWith('.webmanifest')) res.setHeader('content-type', 'application/manifest+json');
    },
  });
  // the assets are registered one route per file (wildcard: false); everything else that asks for a page
  // gets the application, which routes on the client
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  return true;
}

const PAGE_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
} as const;

/** index.html, with the headers of a page. */
export function sendIndex(reply: FastifyReply) {
  return reply
    .header('cache-control', 'no-cache')
    .headers(PAGE_HEADERS)
    .sendFile('index.html', { cacheControl: false });
}

/** A GET of a page (not of the API, not of a file): the application's client-side routes. */
export const isPageRequest = (request: FastifyRequest): boolean =>
  request.method === 'GET' &&
  !request.url.startsWith('/api/') &&
  !/\.[a-z0-9]+(\?|$)/i.test(request.url) &&
  (request.headers.accept ?? '').includes('text/html');
