// Optimistic writes: a writer decides against what it read, then writes in one statement (or transaction)
// that fails when what it read has changed meanwhile — another writer took the next audit position
// (audit_log's primary key), the same encounter reference or idempotency key, or the statement's own check
// called pact_conflict() (migration 0002). Such a failure wrote nothing; the writer reads again and retries.

/** The PostgreSQL error behind a driver's or Drizzle's wrapper (both backends put `code` on it). */
export function databaseError(
  e: unknown,
): { code?: string; constraint?: string; message?: string } | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 4; depth++) {
    const c = cur as { code?: unknown; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return c as { code: string };
    cur = c.cause;
  }
  return undefined;
}

/** Did a write fail only because the state it was decided against changed meanwhile? */
export function isStaleWrite(e: unknown): boolean {
  const err = databaseError(e);
  if (!err) return false;
  // 40001 serialization_failure (pact_conflict), 40P01 deadlock, 23505 unique violation (chain position,
  // encounter reference, idempotency key taken by a concurrent writer)
  return err.code === '40001' || err.code === '40P01' || err.code === '23505';
}

export const STALE_WRITE_ATTEMPTS = 8;

/**
 * Runs `attempt` until it does not fail as a stale write (at most STALE_WRITE_ATTEMPTS times); `attempt`
 * receives the attempt number (0 first) so that it can read afresh after a failure.
 */
export async function retryStaleWrites<T>(attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (n + 1 >= STALE_WRITE_ATTEMPTS || !isStaleWrite(e)) throw e;
      // let the other writer commit; back off a little more each time, with jitter
      await new Promise((r) => setTimeout(r, Math.random() * 2 * (n + 1)));
    }
  }
}
