// Background sync (where the browser has it: Chromium-based browsers; not Firefox nor Safari): the page asks
// for a sync tagged 'pact-outbox' while items wait (requestBackgroundSync), and the browser wakes the
// service worker when the network is back, even with the tab closed. The service worker does not know who is
// logged in: it sends for the owner the page last sent for (store.ts `meta`), with the session cookie its
// fetch carries; a 401 leaves the items waiting for that user's next login.
import { sendOutbox } from './sender.ts';
import { currentOwner } from './store.ts';

export const SYNC_TAG = 'pact-outbox';

interface SyncEventLike extends Event {
  readonly tag: string;
  waitUntil(p: Promise<unknown>): void;
}

/** What listenForSync needs of the service worker's global scope (a ServiceWorkerGlobalScope has it). */
export interface SyncScope {
  addEventListener(type: 'sync', listener: (e: SyncEventLike) => void): void;
}

/** In the service worker (sw.ts): `listenForSync(self)`. */
export function listenForSync(sw: SyncScope): void {
  sw.addEventListener('sync', (e) => {
    if (e.tag !== SYNC_TAG) return;
    e.waitUntil(
      (async () => {
        const owner = await currentOwner();
        if (!owner) return;
        const report = await sendOutbox(owner);
        // a rejected promise asks the browser to try the sync again later (with its own backoff)
        if (report.stopped === 'network' || report.stopped === 'server') throw new Error('outbox: try later');
      })(),
    );
  });
}

/** From the page: asks for a background sync, where the browser has it (feature-detected). */
export async function requestBackgroundSync(): Promise<boolean> {
  try {
    if (!('serviceWorker' in navigator)) return false;
    const registration = await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1_000)),
    ]);
    const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)?.sync;
    if (!sync) return false;
    await sync.register(SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}
