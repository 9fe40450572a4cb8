// issue 21: the credential lookup of each request, remembered for a few seconds (PACT_AUTH_CACHE_SECONDS,
// default 5; 0: off). What holds:
// - only a SUCCESSFUL lookup is remembered: an unknown, revoked or expired secret is looked up in the database
//   every time (no negative cache: a guess costs what it cost before, and the login and write limits see it);
// - a remembered lookup is used at most `seconds` after it was made, by the server's clock (a clock set back
//   makes it stale too): a credential revoked, an account disabled or changed by ANOTHER process (the CLI,
//   a second server) stops working within that bound;
// - a change made by THIS process (logout, token revoked, password changed, account disabled or changed)
//   forgets every remembered lookup once it committed (`credentialsChanged`, called by the store functions that
//   write credentials or users; a lookup that read during the change is not remembered past it): in-process
//   revocation is immediate;
// - the expiry and the session's idle limit are checked again at each use.
// The key is the secret's SHA-256 (never the secret itself) and the kind it came as.
import type { Authenticated } from './credentials.ts';

export const DEFAULT_AUTH_CACHE_SECONDS = 5;
/** Bounded memory: beyond this many remembered lookups, the oldest is forgotten. */
const MAX_ENTRIES = 10_000;

/** Bumped by every in-process write to credentials or users; an entry of an older generation is stale. */
let generation = 0;

/** Forgets every remembered lookup of every cache of this process (a credential or an account changed). */
export function credentialsChanged(): void {
  generation += 1;
}

/** Taken before a lookup reads the database: a change committed during the lookup makes its entry stale. */
export const credentialGeneration = (): number => generation;

export interface CachedCredential {
  readonly value: Authenticated;
  /** ms since the epoch, or null when the credential does not expire */
  readonly expiresAt: number | null;
  /** ms since the epoch: the lastUsedAt the database holds after the lookup (sessions' idle limit) */
  readonly lastUsedAt: number;
}

interface Entry extends CachedCredential {
  readonly at: number;
  readonly generation: number;
}

export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  constructor(readonly seconds: number) {}

  /** A remembered lookup still usable at `now` (else undefined, and it is forgotten). */
  get(key: string, now: number): CachedCredential | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const age = now - e.at;
    if (e.generation !== generation || age < 0 || age >= this.seconds * 1000) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  set(key: string, now: number, credential: CachedCredential, readAt: number): void {
    if (this.seconds <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { ...credential, at: now, generation: readAt });
  }

  get size(): number {
    return this.entries.size;
  }
}
