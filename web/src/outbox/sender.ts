// The sender (no React: the page and the service worker both use it): sends the waiting items of ONE owner,
// in the order of capture, one at a time, each with its own Idempotency-Key, and marks each sending, then
// recorded or refused. It stops at the first item that cannot get through — no network, the session ended
// (401), the server failed (5xx) — leaving it waiting, so that order is kept; a refused item does not stop
// the others. One sender at a time per owner, across tabs and the service worker (Web Locks).
import { type Answer, answerOf } from './answer.ts';
import { keptResult, type OutboxItem, recorded } from './item.ts';
import * as store from './store.ts';

export interface SendReport {
  readonly recorded: number;
  readonly refused: number;
  /** why sending stopped with items still waiting; undefined when none is left */
  readonly stopped?: 'network' | 'login' | 'server';
  /** items still waiting (or sending in another sender) after the round */
  readonly waiting: number;
}

export interface SenderDeps {
  itemsOf(owner: string): Promise<OutboxItem[]>;
  putItem(item: OutboxItem): Promise<void>;
  fetch: typeof fetch;
  now(): Date;
  /** runs `f` holding the owner's lock (Web Locks where the browser has them) */
  withLock<T>(name: string, f: () => Promise<T>): Promise<T>;
}

const withWebLock = <T>(name: string, f: () => Promise<T>): Promise<T> => {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  return locks ? (locks.request(name, f) as Promise<T>) : f();
};

export const browserDeps: SenderDeps = {
  itemsOf: store.itemsOf,
  putItem: store.putItem,
  fetch: (...args) => globalThis.fetch(...args),
  now: () => new Date(),
  withLock: withWebLock,
};

const unsent = (i: OutboxItem) => i.state === 'waiting' || i.state === 'sending';

/** Sends the owner's waiting items; resolves when it stopped or none is left. */
/** How long one request may take before it counts as no network (a stalled connection holds the lock). */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Sends the owner's waiting items; resolves when it stopped or none is left, or when `halted()` says so between
 * two items (the user logged out meanwhile). Each request names the owner (`x-pact-owner`): the server refuses
 * it with a 401 when the session is another user's, so an item is never recorded under someone else's name.
 */
export function sendOutbox(
  owner: string,
  deps: SenderDeps = browserDeps,
  halted: () => boolean = () => false,
): Promise<SendReport> {
  return deps.withLock(`pact-outbox-${owner}`, async () => {
    let recordedCount = 0;
    let refused = 0;
    // holding the lock, nobody else sends: an item left "sending" (a closed tab) is waiting again
    for (;;) {
      if (halted()) break;
      const next = (await deps.itemsOf(owner)).find(unsent);
      if (!next?.body) break;
      const sending: OutboxItem = { ...next, state: 'sending', attempts: next.attempts + 1 };
      await deps.putItem(sending);
      let answer: Answer | 'network';
      try {
        const res = await deps.fetch('/api/encounters', {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            accept: 'application/json',
            'content-type': 'application/json',
            'idempotency-key': next.idempotencyKey,
            'x-pact-owner': owner,
          },
          body: JSON.stringify(next.body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await res.text();
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        answer = answerOf(res.status, body);
      } catch {
        answer = 'network';
      }
      if (answer === 'network' || answer.kind === 'login' || answer.kind === 'server') {
        const lastError =
          answer === 'network' ? 'network' : answer.kind === 'login' ? 'login' : `server ${answer.status}`;
        await deps.putItem({ ...sending, state: 'waiting', lastError });
        const waiting = (await deps.itemsOf(owner)).filter(unsent).length;
        const stopped = answer === 'network' ? 'network' : answer.kind;
        return { recorded: recordedCount, refused, stopped, waiting };
      }
      if (answer.kind === 'recorded') {
        await deps.putItem(recorded(sending, keptResult(answer.result, answer.replayed, deps.now())));
        recordedCount += 1;
      } else {
        const { lastError: _, ...rest } = sending;
        await deps.putItem({ ...rest, state: 'refused', refusal: answer.refusal });
        refused += 1;
      }
    }
    const waiting = (await deps.itemsOf(owner)).filter(unsent).length;
    return { recorded: recordedCount, refused, waiting };
  });
}
