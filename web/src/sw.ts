// The service worker (issue 19): the application opens with no network. Built by vite-plugin-pwa
// (vite.config.ts, strategy injectManifest) into web/dist/sw.js, type-checked by web/tsconfig.sw.json.
//
// What it keeps on the device (Cache Storage), and nothing else:
// - the build (index.html, scripts, styles, icons, manifest): precached at install, so that a reload
//   offline opens the application;
// - the reference data the desk reads, which names nobody: GET /api/places (REFERENCE below), network
//   first, the kept copy only when the network fails.
// No other answer of the API is ever kept: cases, persons, the logged-in user. A page (a navigation
// outside /api/) is answered with the precached index.html; the application routes on the client.
//
// A new version installs and then waits: it takes over only when the page asks (SKIP_WAITING, sent when
// the user presses Reload in the banner, web/src/UpdateBanner.tsx), so a half-typed form is never lost.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { listenForSync, type SyncScope } from './outbox/background-sync.ts';

declare const self: ServiceWorkerGlobalScope;

/** The name of the one runtime cache (the reference data). */
const REFERENCE_CACHE = 'pact-reference';

/** The API's reference routes the desk reads offline: exact paths, no query, none of them personal. */
const REFERENCE = new Set(['/api/places']);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// the first version takes the open page at once (its desk is kept from then on); a later version waits
// for SKIP_WAITING below, and the pages it then takes reload only if their user asked (UpdateBanner.tsx)
clientsClaim();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    // the API and the documentation are never the application
    denylist: [/^\/api\//],
  }),
);

const reference = new NetworkFirst({ cacheName: REFERENCE_CACHE, networkTimeoutSeconds: 10 });
registerRoute(
  ({ url, request, sameOrigin }) =>
    sameOrigin && request.method === 'GET' && url.search === '' && REFERENCE.has(url.pathname),
  reference,
);

// at activation, the reference data of the user logged in now (if any: a 401 is not kept), so that the
// desk opened before this worker took the page still finds its places offline
self.addEventListener('activate', (event) => {
  event.waitUntil(
    Promise.all(
      [...REFERENCE].map((path) =>
        reference
          .handle({ event, request: new Request(path, { credentials: 'same-origin' }) })
          .catch(() => undefined),
      ),
    ),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// issue 19: the outbox's background sync (web/src/outbox/background-sync.ts): where the browser has it, the
// encounters waiting on this device are sent when the network comes back even with no page open
listenForSync(self as unknown as SyncScope);
