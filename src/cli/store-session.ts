// Opens the database for one command and closes it afterwards, with the services the case store needs.
import { randomUUID } from 'node:crypto';
import { LAW } from '../law/law.ts';
import { CaseStore } from '../store/case-store.ts';
import type { Store } from '../store/database.ts';
import { openFromEnv } from '../store/open-from-env.ts';
import { loadRecognitionRates } from '../store/reference-data.ts';
import type { CliContext } from './context.ts';

export async function withStore<T>(
  ctx: CliContext,
  work: (cs: CaseStore, store: Store) => Promise<T>,
): Promise<T> {
  const store = await openFromEnv(ctx.env ?? {});
  try {
    const services = { law: LAW, clock: ctx.now, uuid: randomUUID, recognitionRates: loadRecognitionRates() };
    return await work(new CaseStore(store, services), store);
  } finally {
    await store.close();
  }
}

export { parseDuration } from '../store/case-queries.ts';
