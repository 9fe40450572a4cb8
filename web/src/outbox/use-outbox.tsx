// The outbox for the screens: the logged-in user's items (re-read whenever they change, here, in another
// tab or in the service worker), recording a new encounter, correcting or discarding a refused one, and
// whether the session ended with items waiting. Another user of the same browser sees none of them.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { EncounterInput } from '../../../src/api/contract.ts';
import { useAuth } from '../auth.tsx';
import { randomId } from '../ids.ts';
import { type OutboxItem, ownerKey, summarize } from './item.ts';
import { type Scheduler, startScheduler } from './scheduler.ts';
import * as store from './store.ts';

interface Outbox {
  /** the user's items in the order of capture; undefined while reading */
  readonly items: readonly OutboxItem[] | undefined;
  /** items not yet recorded nor refused */
  readonly waiting: number;
  /** the session ended while items wait: they are sent when this user logs in again */
  readonly needsLogin: boolean;
  /** Keeps a new encounter and sends it at once if it can; resolves with its client id. */
  record(body: EncounterInput, draft: unknown): Promise<string>;
  /** A refused item corrected: the same id and capture time, the new body with a new key. */
  replace(id: string, body: EncounterInput, draft: unknown): Promise<string>;
  /** A refused item removed (the guard confirmed it). */
  discard(item: OutboxItem): Promise<void>;
}

/** How long a recorded item's summary stays on the device. */
const KEEP_RECORDED_MS = 7 * 24 * 3600_000;

const OutboxContext = createContext<Outbox | undefined>(undefined);

export function OutboxProvider({ children }: { children: ReactNode }) {
  const { me, refresh } = useAuth();
  const owner = me ? ownerKey(me) : undefined;
  const [items, setItems] = useState<OutboxItem[]>();
  const [needsLogin, setNeedsLogin] = useState(false);
  const scheduler = useRef<Scheduler>(undefined);

  const reload = useCallback(async () => {
    if (!owner) return setItems(undefined);
    try {
      const all = await store.itemsOf(owner);
      // what was recorded more than a week ago leaves the device (its answer is on the server; nothing personal
      // is in it any more, but the list is of today's work)
      const old = Date.now() - KEEP_RECORDED_MS;
      const gone = all.filter((i) => i.state === 'recorded' && Date.parse(i.capturedAt) < old);
      for (const i of gone) await store.deleteItem(i);
      setItems(gone.length ? all.filter((i) => !gone.includes(i)) : all);
    } catch {
      setItems([]);
    }
  }, [owner]);

  useEffect(() => {
    setItems(undefined);
    setNeedsLogin(false);
    if (!owner) return;
    void reload();
    const off = store.onChange((o) => {
      if (o === owner) void reload();
    });
    // the page loaded or the user logged in (after a session expiry too): send what waits
    scheduler.current = startScheduler(owner, (r) => {
      setNeedsLogin(r.stopped === 'login');
      // the server said the session is no longer this user's to record with: ask it who is logged in (a 401
      // there shows the login; a password to change shows that form)
      if (r.stopped === 'login') void refresh().catch(() => undefined);
    });
    return () => {
      off();
      scheduler.current?.stop();
      scheduler.current = undefined;
    };
  }, [owner, reload, refresh]);

  const record = useCallback(
    async (body: EncounterInput, draft: unknown): Promise<string> => {
      if (!owner) throw new Error('not logged in');
      const id = crypto.randomUUID?.() ?? randomId();
      await store.addItem({
        id,
        owner,
        capturedAt: new Date().toISOString(),
        idempotencyKey: randomId(),
        state: 'waiting',
        attempts: 0,
        body,
        draft,
        summary: summarize(body),
      });
      scheduler.current?.sendNow();
      return id;
    },
    [owner],
  );

  const value = useMemo<Outbox>(
    () => ({
      items,
      waiting: (items ?? []).filter((i) => i.state === 'waiting' || i.state === 'sending').length,
      needsLogin,
      record,
      async replace(id, body, draft) {
        if (!owner) throw new Error('not logged in');
        // a changed body is a new command: a new key (the server refuses a key reused with another body)
        const replaced = await store.replaceRefused(id, owner, (old) => {
          const { refusal: _r, lastError: _e, ...rest } = old;
          return {
            ...rest,
            body,
            draft,
            summary: summarize(body),
            idempotencyKey: randomId(),
            state: 'waiting',
            attempts: 0,
          };
        });
        // corrected or discarded meanwhile in another tab: what the form holds is recorded as a new item
        if (!replaced) return record(body, draft);
        scheduler.current?.sendNow();
        return id;
      },
      async discard(item) {
        if (item.owner !== owner || item.state !== 'refused') throw new Error('only a refused item');
        await store.deleteItem(item);
      },
    }),
    [items, needsLogin, owner, record],
  );
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): Outbox {
  const o = useContext(OutboxContext);
  if (!o) throw new Error('useOutbox outside OutboxProvider');
  return o;
}
