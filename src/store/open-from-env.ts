// Where the data lives: a PostgreSQL server when DATABASE_URL is set, otherwise the embedded PGlite
// database in PACT_DATA_DIR (default ./pact-data). Issue 21: DATABASE_READ_URL (one URL or several, separated
// by commas) names streaming replicas of DATABASE_URL for the reads that can lag, PACT_READ_MAX_LAG_MS the
// lag beyond which they go to the primary (read-replicas.ts).
import { PactError } from '../law/errors.ts';
import { type OpenOptions, openStore, type Store } from './database.ts';
import { DEFAULT_MAX_LAG_MS } from './read-replicas.ts';

export const DEFAULT_DATA_DIR = './pact-data';

export function storeOptions(
  env: Readonly<Record<string, string | undefined>>,
): OpenOptions & { label: string } {
  const url = env.DATABASE_URL?.trim();
  const readUrls = readUrlsOf(env);
  if (url) {
    const where = (u: string) => `${new URL(u).host}${new URL(u).pathname}`;
    const replicas = readUrls.length ? `, reads that can lag on ${readUrls.map(where).join(', ')}` : '';
    return {
      databaseUrl: url,
      ...(readUrls.length ? { readUrls, maxReadLagMs: maxReadLagOf(env) } : {}),
      label: `PostgreSQL (${where(url)}${replicas})`,
    };
  }
  if (readUrls.length)
    throw new PactError(
      'database-unavailable',
      'DATABASE_READ_URL names replicas of a PostgreSQL primary, but DATABASE_URL is not set: the embedded database (PGlite) has no replicas',
    );
  const dir = env.PACT_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  return { dataDir: dir, label: `embedded database in ${dir}` };
}

function readUrlsOf(env: Readonly<Record<string, string | undefined>>): string[] {
  const urls = (env.DATABASE_READ_URL ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  for (const u of urls) {
    let ok = false;
    try {
      ok = /^postgres(ql)?:$/.test(new URL(u).protocol);
    } catch {}
    if (!ok)
      throw new PactError(
        'database-unavailable',
        'DATABASE_READ_URL: each replica is a postgres://… URL, several separated by commas',
      );
  }
  return urls;
}

function maxReadLagOf(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.PACT_READ_MAX_LAG_MS?.trim();
  if (!raw) return DEFAULT_MAX_LAG_MS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new PactError(
      'database-unavailable',
      `PACT_READ_MAX_LAG_MS: a whole number of milliseconds, not ${raw}`,
    );
  return n;
}

export function openFromEnv(env: Readonly<Record<string, string | undefined>>): Promise<Store> {
  return openStore(storeOptions(env));
}
