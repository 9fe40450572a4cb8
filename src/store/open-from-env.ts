// Where the data lives: a PostgreSQL server when DATABASE_URL is set, otherwise the embedded PGlite
// database in PACT_DATA_DIR (default ./pact-data).
import { type OpenOptions, openStore, type Store } from './database.ts';

export const DEFAULT_DATA_DIR = './pact-data';

export function storeOptions(
  env: Readonly<Record<string, string | undefined>>,
): OpenOptions & { label: string } {
  const url = env.DATABASE_URL?.trim();
  if (url) return { databaseUrl: url, label: `PostgreSQL (${new URL(url).host}${new URL(url).pathname})` };
  const dir = env.PACT_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  return { dataDir: dir, label: `embedded database in ${dir}` };
}

export function openFromEnv(env: Readonly<Record<string, string | undefined>>): Promise<Store> {
  return openStore(storeOptions(env));
}
