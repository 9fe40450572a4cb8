// Sessions, API tokens and device cookies: random secrets of which only the SHA-256 is stored. A credential
// is accepted only where its kind belongs (a session as the session cookie, a token as a Bearer header): a
// secret that leaks from one place cannot be replayed in the other. Device cookies (OWASP "Slow Down Online
// Guessing Attacks with Device Cookies") never authenticate a request; they only mark a browser where the
// account's owner logged in before (see login.ts).
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { ACCOUNT_RULES } from '../domain/account-rules.ts';
import type { Principal, Role } from '../domain/roles.ts';
import { appendAudit, sha256 } from './audit.ts';
import { type CredentialCache, credentialGeneration, credentialsChanged } from './credential-cache.ts';
import type { Db } from './database.ts';
import { credentials, users } from './schema-accounts.ts';

export type CredentialKind = 'session' | 'api-token' | 'device';
/** What an API token may do: read (GET, HEAD), write (other methods), export (routes that produce files). */
export const SCOPES = ['read', 'write', 'export'] as const;
export type Scope = (typeof SCOPES)[number];

const PREFIX: Readonly<Record<CredentialKind, string>> = { session: 'ps', 'api-token': 'pt', device: 'pd' };

export interface CredentialOptions {
  readonly name?: string;
  /** API tokens: default every scope. */
  readonly scopes?: readonly Scope[];
  /** Default: sessions ACCOUNT_RULES.sessionHours, tokens tokenDefaultDays, devices deviceCookieDays. */
  readonly expiresAt?: Date;
}

/** Issues a credential; returns the secret (shown once, stored only as its SHA-256). */
export async function issueCredential(
  db: Db,
  userId: string,
  kind: CredentialKind,
  now: Date,
  opts: CredentialOptions = {},
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = `${PREFIX[kind]}_${randomBytes(32).toString('base64url')}`;
  const hours =
    kind === 'session'
      ? ACCOUNT_RULES.sessionHours
      : 24 * (kind === 'device' ? ACCOUNT_RULES.deviceCookieDays : ACCOUNT_RULES.tokenDefaultDays);
  const expiresAt = opts.expiresAt ?? new Date(now.getTime() + hours * 3_600_000);
  await db.insert(credentials).values({
    tokenHash: sha256(secret),
    userId,
    kind,
    name: opts.name ?? null,
    scopes: kind === 'api-token' ? [...(opts.scopes ?? SCOPES)] : [],
    createdAt: now,
    expiresAt,
    lastUsedAt: now,
  });
  return { secret, expiresAt };
}

export type Authenticated = Principal & {
  kind: 'session' | 'api-token';
  scopes: readonly Scope[];
  mustChangePassword: boolean;
};

/**
 * The user behind a session or token of the kind `expected` (where the secret came from decides which), if it
 * is valid now: not revoked, not expired, a session not idle too long.
 */
export async function authenticate(
  db: Db,
  secret: string,
  now: Date,
  expected: 'session' | 'api-token',
  cache?: CredentialCache,
): Promise<Authenticated | undefined> {
  const hash = sha256(secret);
  const key = `${expected}:${hash}`;
  const t = now.getTime();
  const known = cache?.get(key, t);
  // issue 21 (credential-cache.ts): a successful lookup of the last few seconds, its expiry and idle limit
  // checked again; a failed one is never remembered
  if (known) {
    if (known.expiresAt !== null && known.expiresAt <= t) return undefined;
    if (expected === 'session' && t - known.lastUsedAt > ACCOUNT_RULES.sessionIdleMinutes * 60_000)
      return undefined;
    return known.value;
  }
  const readAt = credentialGeneration();
  const [row] = await db
    .select({ c: credentials, u: users })
    .from(credentials)
    .innerJoin(users, eq(users.id, credentials.userId))
    .where(
      and(eq(credentials.tokenHash, hash), eq(credentials.kind, expected), isNull(credentials.revokedAt)),
    );
  if (!row || row.u.disabled) return undefined;
  const { c, u } = row;
  if (c.expiresAt && c.expiresAt <= now) return undefined;
  if (
    c.kind === 'session' &&
    now.getTime() - c.lastUsedAt.getTime() > ACCOUNT_RULES.sessionIdleMinutes * 60_000
  )
    return undefined;
  // keep the idle clock current without a write per request
  let lastUsedAt = c.lastUsedAt.getTime();
  if (now.getTime() - lastUsedAt > 60_000) {
    await db.update(credentials).set({ lastUsedAt: now }).where(eq(credentials.tokenHash, c.tokenHash));
    lastUsedAt = now.getTime();
  }
  const value: Authenticated = {
    userId: u.id,
    username: u.username,
    role: u.role as Role,
    jurisdiction: u.jurisdiction,
    kind: expected,
    scopes: expected === 'session' ? SCOPES : (c.scopes as Scope[]),
    mustChangePassword: u.mustChangePassword,
  };
  cache?.set(key, t, { value, expiresAt: c.expiresAt?.getTime() ?? null, lastUsedAt }, readAt);
  return value;
}

export async function revokeCredential(db: Db, secret: string, now: Date): Promise<void> {
  await db
    .update(credentials)
    .set({ revokedAt: now })
    .where(eq(credentials.tokenHash, sha256(secret)));
  credentialsChanged();
}

export interface TokenView {
  readonly name: string;
  readonly scopes: Scope[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string;
  readonly revokedAt: string | null;
}

/** A user's API tokens, newest first: what they are, never their secret or its hash. */
export async function listTokens(db: Db, userId: string): Promise<TokenView[]> {
  const rows = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.userId, userId), eq(credentials.kind, 'api-token')))
    .orderBy(desc(credentials.createdAt));
  return rows.map((c) => ({
    name: c.name ?? '',
    scopes: c.scopes as Scope[],
    createdAt: c.createdAt.toISOString(),
    expiresAt: c.expiresAt?.toISOString() ?? null,
    lastUsedAt: c.lastUsedAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
  }));
}

/** Is there an active (not revoked, not expired) token of this name? */
export async function hasActiveToken(db: Db, userId: string, name: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ e: credentials.expiresAt })
    .from(credentials)
    .where(
      and(
        eq(credentials.userId, userId),
        eq(credentials.kind, 'api-token'),
        eq(credentials.name, name),
        isNull(credentials.revokedAt),
      ),
    );
  return rows.some((r) => !r.e || r.e > now);
}

export interface AccountRef {
  readonly userId: string;
  readonly username: string;
  readonly jurisdiction: string;
}

/** Revokes an account's API tokens of this name (audited); true when one was revoked. */
export async function revokeToken(
  db: Db,
  account: AccountRef,
  name: string,
  now: Date,
  actor: string,
): Promise<boolean> {
  const revoked = await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const done = await tx
      .update(credentials)
      .set({ revokedAt: now })
      .where(
        and(
          eq(credentials.userId, account.userId),
          eq(credentials.kind, 'api-token'),
          eq(credentials.name, name),
          isNull(credentials.revokedAt),
        ),
      )
      .returning({ h: credentials.tokenHash });
    if (done.length === 0) return false;
    await appendAudit(tx, [
      {
        at: now,
        actor,
        action: 'token.revoked',
        subject: account.userId,
        data: { username: account.username, jurisdiction: account.jurisdiction, name },
      },
    ]);
    return true;
  });
  credentialsChanged();
  return revoked;
}
