// Opens the database for one command and closes it afterwards, with the services the case store needs.
// issue 21 (tests stay fast): a caller that runs many commands in one process (the CLI tests: about 1 s of CPU
// per embedded database opened) passes a StoreSession in the context instead; every command then borrows the
// one store the session keeps open for that database, and the session is closed once at the end.
import { randomUUID } from 'node:crypto';
import { LAW } from '../law/law.ts';
import { CaseStore } from '../store/case-store.ts';
import { openStore, type Store } from '../store/database.ts';
import { openFromEnv, storeOptions } from '../store/open-from-env.ts';
import { loadRecognitionRates } from '../store/reference-data.ts';
import type { CliContext } from './context.ts';

export async function withStore<T>(
  ctx: CliContext,
  work: (cs: CaseStore, store: Store) => Promise<T>,
): Promise<T> {
  const env = ctx.env ?? {};
  const services = () => ({
    law: LAW,
    clock: ctx.now,
    uuid: randomUUID,
    recognitionRates: loadRecognitionRates(),
  });
  if (ctx.session) {
    const store = await ctx.session.store(env);
    return await work(new CaseStore(store, services()), store);
  }
  const store = await openFromEnv(env);
  try {
    return await work(new CaseStore(store, services()), store);
  } finally {
    await store.close();
  }
}

/**
 * One open store shared by the commands run in one process. It opens the database a command's environment
 * names as that command would (the same options, the data folder's lock, the same errors; a failed open is not
 * kept) and keeps it open. A command on another database closes the one held first, as a command of its own
 * would have. Commands that open their own store (serve, demo, backup, restore) close it first too
 * (`letGo`), so that they find the folder unlocked as after a real command.
 */
export interface StoreSession {
  /** The open store of the database that `env` names (DATABASE_URL or PACT_DATA_DIR), opened at first use. */
  store(env: Readonly<Record<string, string | undefined>>): Promise<Store>;
  /** Closes the store held, if any (and releases its data folder's lock); the next command opens it again. */
  close(): Promise<void>;
}

export function storeSession(): StoreSession {
  let held: { key: string; store: Store } | undefined;
  const close = async () => {
    const h = held;
    held = undefined;
    await h?.store.close();
  };
  return {
    async store(env) {
      const options = storeOptions(env);
      const key = JSON.stringify(options);
      if (held?.key === key) return held.store;
      await close();
      const store = await openStore(options);
      held = { key, store };
      return store;
    },
    close,
  };
}

/** Before a command opens a store of its own: the session's store is closed (no-op without a session). */
export async function letGo(ctx: CliContext): Promise<void> {
  await ctx.session?.close();
}

export { parseDuration } from '../store/case-queries.ts';
