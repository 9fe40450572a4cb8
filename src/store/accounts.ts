// Accounts, sessions and API tokens. Passwords are hashed with argon2id (OWASP's minimum: m = 19 MiB, t = 2,
// p = 1); a session or token is a random secret of which only the SHA-256 is stored. Throttling and expiry
// are documented in docs/permissions.md and tested in test/api/auth.test.ts.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { MEMBER_STATE_CODES } from '../../law/member-states.ts';
import { ACCOUNT_RULES } from '../domain/account-rules.ts';
import { type Jurisdiction, jurisdictionFits, type Principal, ROLES, type Role } from '../domain/roles.ts';
import { PactError } from '../law/errors.ts';
import { appendAudit, sha256 } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import type { Db } from './database.ts';
import { credentials, users } from './schema.ts';

/** argon2id parameters (OWASP Password Storage Cheat Sheet minimum). */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { ACCOUNT_RULES };

export class AuthError extends PactError {
  constructor(message = 'wrong username or password') {
    super('unauthorized', message);
  }
}

export class AccountInputError extends PactError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid-account', message);
  }
}

export const hashPassword = (password: string) => hash(password, ARGON2);

export function checkPassword(password: string): void {
  if (password.length < ACCOUNT_RULES.minPasswordLength)
    throw new AccountInputError('password', `at least ${ACCOUNT_RULES.minPasswordLength} characters`);
  if (password.length > 256) throw new AccountInputError('password', 'at most 256 characters');
}

export function checkRoleAndJurisdiction(role: string, jurisdiction: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role))
    throw new AccountInputError('role', `unknown role ${role} (one of ${ROLES.join(', ')})`);
  if (jurisdiction !== 'EU' && !(MEMBER_STATE_CODES as readonly string[]).includes(jurisdiction))
    throw new AccountInputError('jurisdiction', `${jurisdiction} is neither a member state's code nor EU`);
  if (!jurisdictionFits(role as Role, jurisdiction))
    throw new AccountInputError(
      'jurisdiction',
      jurisdiction === 'EU'
        ? `a ${role} works for one member state, not the Union`
        : `a ${role} works for the Union: its jurisdiction is EU`,
    );
}

/** A random one-time password: 18 bytes, base64url (24 characters). */
export const oneTimePassword = () => randomBytes(18).toString('base64url');

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly jurisdiction: Jurisdiction;
  readonly mustChangePassword?: boolean;
}

export async function addUser(db: Db, u: NewUser, now: Date, actor: string): Promise<Principal> {
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(u.username))
    throw new AccountInputError(
      'username',
      '3 to 64 characters: lower-case letters, digits, dot, hyphen, underscore',
    );
  checkRoleAndJurisdiction(u.role, u.jurisdiction);
  checkPassword(u.password);
  const id = crypto.randomUUID();
  const passwordHash = await hashPassword(u.password);
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const inserted = await tx
      .insert(users)
      .values({
        id,
        username: u.username,
        passwordHash,
        role: u.role,
        jurisdiction: u.jurisdiction,
        mustChangePassword: u.mustChangePassword ?? false,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (inserted.length === 0) throw new AccountInputError('username', `${u.username} is taken`);
    await appendAudit(tx, [
      {
        at: now,
        actor,
        action: 'user.added',
        subject: id,
        data: { username: u.username, role: u.role, jurisdiction: u.jurisdiction },
      },
    ]);
  });
  return { userId: id, username: u.username, role: u.role as Role, jurisdiction: u.jurisdiction };
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0);
}

/**
 * The first start on an empty database: an EU administrator `admin` with a one-time password, returned once
 * (the caller prints it; it is never stored in clear or logged). Undefined when accounts exist.
 */
export async function ensureAdministrator(db: Db, now: Date): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const password = oneTimePassword();
  try {
    await addUser(
      db,
      { username: 'admin', password, role: 'administrator', jurisdiction: 'EU', mustChangePassword: true },
      now,
      'system',
    );
  } catch (e) {
    // another process created it at the same moment
    if (e instanceof AccountInputError && e.field === 'username') return undefined;
    throw e;
  }
  return password;
}

const principalOf = (u: typeof users.$inferSelect): Principal => ({
  userId: u.id,
  username: u.username,
  role: u.role as Role,
  jurisdiction: u.jurisdiction,
});

/** Checks a login; counts failures and locks the account after too many (ACCOUNT_RULES). */
export async function login(
  db: Db,
  username: string,
  password: string,
  now: Date,
): Promise<Principal & { mustChangePassword: boolean }> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u || u.disabled) {
    // the same work as for a real account, so that timing does not reveal which names exist
    await verify(DUMMY_HASH, password).catch(() => false);
    throw new AuthError();
  }
  // a locked account answers exactly like a wrong password (and costs the same hashing): a lock must not
  // reveal that the name exists
  if (u.lockedUntil && u.lockedUntil > now) {
    await verify(DUMMY_HASH, password).catch(() => false);
    throw new AuthError();
  }
  const ok = await verify(u.passwordHash, password).catch(() => false);
  if (!ok) {
    await countFailure(db, u.id, now);
    throw new AuthError();
  }
  if (u.failedLogins > 0 || u.lockedUntil)
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id));
  return { ...principalOf(u), mustChangePassword: u.mustChangePassword };
}

const DUMMY_HASH = await hashPassword('not a password of anyone');

/**
 * One more failed password for an account, counted atomically (concurrent guesses each count); at the limit
 * the account is locked for ACCOUNT_RULES.lockMinutes and the count starts again.
 */
async function countFailure(db: Db, userId: string, now: Date): Promise<void> {
  const max = ACCOUNT_RULES.maxFailedLogins;
  const until = new Date(now.getTime() + ACCOUNT_RULES.lockMinutes * 60_000).toISOString();
  await db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.failedLogins} + 1 >= ${max} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${max} then ${until}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}

export type CredentialKind = 'session' | 'api-token';

/** Issues a session or an API token; returns the secret (shown once, stored only as its SHA-256). */
export async function issueCredential(
  db: Db,
  userId: string,
  kind: CredentialKind,
  now: Date,
  name?: string,
): Promise<{ secret: string; expiresAt: Date | null }> {
  const secret = `${kind === 'session' ? 'ps' : 'pt'}_${randomBytes(32).toString('base64url')}`;
  const expiresAt =
    kind === 'session' ? new Date(now.getTime() + ACCOUNT_RULES.sessionHours * 3_600_000) : null;
  await db.insert(credentials).values({
    tokenHash: sha256(secret),
    userId,
    kind,
    name: name ?? null,
    createdAt: now,
    expiresAt,
    lastUsedAt: now,
  });
  return { secret, expiresAt };
}

/** The user behind a session or token, if it is valid now (not revoked, not expired, not idle too long). */
export async function authenticate(
  db: Db,
  secret: string,
  now: Date,
): Promise<(Principal & { kind: CredentialKind; mustChangePassword: boolean }) | undefined> {
  const [row] = await db
    .select({ c: credentials, u: users })
    .from(credentials)
    .innerJoin(users, eq(users.id, credentials.userId))
    .where(and(eq(credentials.tokenHash, sha256(secret)), isNull(credentials.revokedAt)));
  if (!row || row.u.disabled) return undefined;
  const { c, u } = row;
  if (c.expiresAt && c.expiresAt <= now) return undefined;
  if (
    c.kind === 'session' &&
    now.getTime() - c.lastUsedAt.getTime() > ACCOUNT_RULES.sessionIdleMinutes * 60_000
  )
    return undefined;
  // keep the idle clock current without a write per request
  if (now.getTime() - c.lastUsedAt.getTime() > 60_000)
    await db.update(credentials).set({ lastUsedAt: now }).where(eq(credentials.tokenHash, c.tokenHash));
  return { ...principalOf(u), kind: c.kind as CredentialKind, mustChangePassword: u.mustChangePassword };
}

export async function revokeCredential(db: Db, secret: string, now: Date): Promise<void> {
  await db
    .update(credentials)
    .set({ revokedAt: now })
    .where(eq(credentials.tokenHash, sha256(secret)));
}

/** Revokes one of a user's API tokens by its name; true when one was revoked. */
export async function revokeToken(db: Db, userId: string, name: string, now: Date): Promise<boolean> {
  const done = await db
    .update(credentials)
    .set({ revokedAt: now })
    .where(
      and(
        eq(credentials.userId, userId),
        eq(credentials.kind, 'api-token'),
        eq(credentials.name, name),
        isNull(credentials.revokedAt),
      ),
    )
    .returning({ h: credentials.tokenHash });
  return done.length > 0;
}

/** Changes a password (the old one must be right) and ends every other session and every API token of the user. */
export async function changePassword(
  db: Db,
  userId: string,
  oldPassword: string,
  newPassword: string,
  now: Date,
  keepSecret?: string,
): Promise<void> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw new AuthError();
  // guessing the current password counts against the account like failed logins, and a lock stops it too
  if (
    (u.lockedUntil && u.lockedUntil > now) ||
    !(await verify(u.passwordHash, oldPassword).catch(() => false))
  ) {
    if (!(u.lockedUntil && u.lockedUntil > now)) await countFailure(db, u.id, now);
    throw new AccountInputError('oldPassword', 'the current password is wrong');
  }
  try {
    checkPassword(newPassword);
  } catch (e) {
    throw e instanceof AccountInputError ? new AccountInputError('newPassword', e.message) : e;
  }
  if (newPassword === oldPassword)
    throw new AccountInputError('newPassword', 'the new password must differ from the current one');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
    await tx
      .update(credentials)
      .set({ revokedAt: now })
      .where(
        and(
          eq(credentials.userId, userId),
          isNull(credentials.revokedAt),
          keepSecret ? sql`${credentials.tokenHash} <> ${sha256(keepSecret)}` : undefined,
        ),
      );
    await appendAudit(tx, [
      { at: now, actor: u.username, action: 'user.password-changed', subject: userId, data: {} },
    ]);
  });
}

export async function listUsers(db: Db, jurisdiction?: string) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      jurisdiction: users.jurisdiction,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(jurisdiction ? eq(users.jurisdiction, jurisdiction) : undefined)
    .orderBy(users.username);
  return rows;
}

export interface AccountChange {
  readonly disabled?: boolean;
  /** Issue a new one-time password (returned once); the account must change it at its next login. */
  readonly resetPassword?: boolean;
}

/**
 * An administrator's change to an account of its jurisdiction (an EU administrator: any account). Disabling
 * or resetting ends every session and token of the account. Returns the new one-time password, if any;
 * undefined when the account does not exist in the jurisdiction.
 */
export async function changeAccount(
  db: Db,
  username: string,
  jurisdiction: string,
  change: AccountChange,
  now: Date,
  actor: string,
): Promise<{ oneTimePassword?: string } | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.username, username),
        jurisdiction === 'EU' ? undefined : eq(users.jurisdiction, jurisdiction),
      ),
    );
  if (!u) return undefined;
  const password = change.resetPassword ? oneTimePassword() : undefined;
  const passwordHash = password ? await hashPassword(password) : undefined;
  await retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await tx
        .update(users)
        .set({
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
          ...(passwordHash
            ? { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null }
            : {}),
        })
        .where(eq(users.id, u.id));
      if (change.disabled || passwordHash)
        await tx
          .update(credentials)
          .set({ revokedAt: now })
          .where(and(eq(credentials.userId, u.id), isNull(credentials.revokedAt)));
      await appendAudit(tx, [
        {
          at: now,
          actor,
          action: 'user.changed',
          subject: u.id,
          data: { disabled: change.disabled ?? null, passwordReset: Boolean(passwordHash) },
        },
      ]);
    }),
  );
  return password ? { oneTimePassword: password } : {};
}
