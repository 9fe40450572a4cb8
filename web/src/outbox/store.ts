// The outbox in IndexedDB (database `pact-outbox`, through idb): the items, keyed by their client id and
// indexed by owner and order of capture, and `meta`, where the page leaves the owner it last sent for (the
// service worker's background sync does not know who is logged in). Every change is announced to the other
// tabs and the service worker on a BroadcastChannel, and to this page's listeners.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { OutboxItem } from './item.ts';

export const OUTBOX_DB = 'pact-outbox';
const CHANNEL = 'pact-outbox';

interface OutboxSchema extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { 'by-owner': [string, number] } };
  meta: { key: string; value: { key: string; owner: string } };
}

let opened: Promise<IDBPDatabase<OutboxSchema>> | undefined;
function db(): Promise<IDBPDatabase<OutboxSchema>> {
  opened ??= openDB<OutboxSchema>(OUTBOX_DB, 1, {
    upgrade(d) {
      const items = d.createObjectStore('items', { keyPath: 'id' });
      items.createIndex('by-owner', ['owner', 'seq']);
      d.createObjectStore('meta', { keyPath: 'key' });
    },
  });
  return opened;
}

const ofOwner = (owner: string) => IDBKeyRange.bound([owner, -Infinity], [owner, Infinity]);

/** The owner's items in the order of capture. */
export async function itemsOf(owner: string): Promise<OutboxItem[]> {
  return (await db()).getAllFromIndex('items', 'by-owner', ofOwner(owner));
}

/** Adds a new item after the owner's last one (its seq is given here, in one transaction). */
export async function addItem(item: Omit<OutboxItem, 'seq'>): Promise<OutboxItem> {
  const tx = (await db()).transaction('items', 'readwrite');
  const last = await tx.store.index('by-owner').openCursor(ofOwner(item.owner), 'prev');
  const stored: OutboxItem = { ...item, seq: (last?.value.seq ?? 0) + 1 };
  await tx.store.add(stored);
  await tx.done;
  announce(item.owner);
  return stored;
}

/** Writes an item as it now is. */
export async function putItem(item: OutboxItem): Promise<void> {
  await (await db()).put('items', item);
  announce(item.owner);
}

/**
 * A refused item of `owner` corrected: `change` makes the new item from the stored one, in ONE transaction
 * that finds it still refused (two tabs correcting the same item: the second finds it waiting and gets
 * false, and records its form as a new item instead).
 */
export async function replaceRefused(
  id: string,
  owner: string,
  change: (old: OutboxItem) => OutboxItem,
): Promise<boolean> {
  const tx = (await db()).transaction('items', 'readwrite');
  const old = await tx.store.get(id);
  if (!old || old.owner !== owner || old.state !== 'refused') {
    await tx.done;
    return false;
  }
  await tx.store.put(change(old));
  await tx.done;
  announce(owner);
  return true;
}

/** Removes an item: only a refused one, after the guard confirmed (DeskOutbox.tsx). */
export async function deleteItem(item: OutboxItem): Promise<void> {
  await (await db()).delete('items', item.id);
  announce(item.owner);
}

/** The owner the page last sent for (the service worker sends for this one). */
export async function currentOwner(): Promise<string | undefined> {
  return (await (await db()).get('meta', 'owner'))?.owner;
}

export async function setCurrentOwner(owner: string): Promise<void> {
  await (await db()).put('meta', { key: 'owner', owner });
}

const local = new Set<(owner: string) => void>();
let channel: BroadcastChannel | undefined;
function channelOf(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  if (!channel) {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<{ owner?: string }>) => {
      if (typeof e.data?.owner === 'string') for (const f of local) f(e.data.owner);
    };
  }
  return channel;
}

function announce(owner: string): void {
  for (const f of local) f(owner);
  channelOf()?.postMessage({ owner });
}

/** Calls `f` with the owner whose items changed (here, in another tab or in the service worker). */
export function onChange(f: (owner: string) => void): () => void {
  channelOf();
  local.add(f);
  return () => local.delete(f);
}

/**
 * The item once it is recorded or refused, or back to waiting after a try that did not get through; undefined
 * when a try of an earlier item did not get through (the item then waits behind it: order of capture is
 * kept), or when none of that happens within `ms`.
 */
export function settled(id: string, owner: string, ms: number): Promise<OutboxItem | undefined> {
  return new Promise((resolve) => {
    let done = false;
    let before: Map<string, number> | undefined;
    const finish = (item: OutboxItem | undefined) => {
      if (done) return;
      done = true;
      off();
      clearTimeout(timer);
      resolve(item);
    };
    const check = async () => {
      const items = await itemsOf(owner);
      const tried = new Map(items.map((i) => [i.id, i.attempts]));
      before ??= tried;
      const item = items.find((i) => i.id === id);
      if (item && (item.state === 'recorded' || item.state === 'refused')) return finish(item);
      if (item?.state === 'waiting' && item.attempts > 0) return finish(item);
      const failed = items.some(
        (i) => i.state === 'waiting' && i.attempts > (before?.get(i.id) ?? 0) && i.lastError !== undefined,
      );
      if (failed) finish(undefined);
    };
    const off = onChange(() => void check());
    const timer = setTimeout(() => finish(undefined), ms);
    void check();
  });
}
