// Accounts: adding, listing, changing. Passwords are hashed with argon2id (OWASP's minimum: m = 19 MiB,
// t = 2, p = 1); logins and throttling are in login.ts, sessions, tokens and device cookies in credentials.ts.
// Documented in docs/permissions.md and tested in test/api/auth*.test.ts.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { MEMBER_STATE_CODES } from '../../law/member-states.ts';
import { ACCOUNT_RULES } from '../domain/account-rules.ts';
import { type Jurisdiction, jurisdictionFits, type Principal, ROLES, type Role } from '../domain/roles.ts';
import { appendAudit } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import { credentialsChanged } from './credential-cache.ts';
import type { Db } from './database.ts';
import { AccountInputError, checkPassword, hashPassword } from './login.ts';
import { credentials, users } from './schema-accounts.ts';

export {
  type Authenticated,
  authenticate,
  type CredentialKind,
  issueCredential,
  listTokens,
  revokeCredential,
  revokeToken,
  SCOPES,
  type Scope,
} from './credentials.ts';
export {
  AccountInputError,
  AuthError,
  changePassword,
  checkPassword,
  hashPassword,
  login,
  type PasswordVerifier,
} from './login.ts';
export { ACCOUNT_RULES };

export function checkRoleAndJurisdiction(role: string, jurisdiction: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role))
    throw new AccountInputError('role', `unknown role ${role} (one of ${ROLES.join(', ')})`, 'unknown-role', {
      role,
    });
  if (jurisdiction !== 'EU' && !(MEMBER_STATE_CODES as readonly string[]).includes(jurisdiction))
    throw new AccountInputError(
      'jurisdiction',
      `${jurisdiction} is neither a member state's code nor EU`,
      'unknown-jurisdiction',
      { jurisdiction },
    );
  if (!jurisdictionFits(role as Role, jurisdiction))
    throw new AccountInputError(
      'jurisdiction',
      jurisdiction === 'EU'
        ? `a ${role} works for one member state, not the Union`
        : `a ${role} works for the Union: its jurisdiction is EU`,
      jurisdiction === 'EU' ? 'role-needs-member-state' : 'role-needs-union',
      { role },
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
  /**
   * The argon2id hash of `password` made once by `hashPassword`, for in-process loads of accounts that share a
   * password (the demo's, the tests'): hashing costs about 50 ms of CPU by design, each time.
   */
  readonly passwordHash?: string;
}

/** The checks of a new account's name, role and jurisdiction (also before a request for approval is filed). */
export function checkNewAccount(username: string, role: string, jurisdiction: string): asserts role is Role {
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username))
    throw new AccountInputError(
      'username',
      '3 to 64 characters: lower-case letters, digits, dot, hyphen, underscore',
      'username-format',
      { minLength: 3, maxLength: 64 },
    );
  checkRoleAndJurisdiction(role, jurisdiction);
}

export async function addUser(db: Db, u: NewUser, now: Date, actor: string): Promise<Principal> {
  checkNewAccount(u.username, u.role, u.jurisdiction);
  checkPassword(u.password);
  const id = crypto.randomUUID();
  const passwordHash = u.passwordHash ?? (await hashPassword(u.password));
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
    if (inserted.length === 0)
      throw new AccountInputError('username', `${u.username} is taken`, 'username-taken', {
        username: u.username,
      });
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
export interface Account {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly jurisdiction: string;
  readonly disabled: boolean;
}

/** An account an administrator of `jurisdiction` administers (EU: any), or undefined. */
export async function findAccount(
  db: Db,
  username: string,
  jurisdiction: string,
): Promise<Account | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.username, username),
        jurisdiction === 'EU' ? undefined : eq(users.jurisdiction, jurisdiction),
      ),
    );
  return u
    ? {
        userId: u.id,
        username: u.username,
        role: u.role as Role,
        jurisdiction: u.jurisdiction,
        disabled: u.disabled,
      }
    : undefined;
}

/**
 * An administrator's change to an account of its jurisdiction (an EU administrator: any account; the rules of
 * who may change what are the API's, src/domain/account-rules.ts). Disabling or resetting ends every session,
 * token and device cookie of the account. Returns the new one-time password, if any; undefined when the
 * account does not exist in the jurisdiction.
 */
export async function changeAccount(
  db: Db,
  username: string,
  jurisdiction: string,
  change: AccountChange,
  now: Date,
  actor: string,
): Promise<{ oneTimePassword?: string } | undefined> {
  const u = await findAccount(db, username, jurisdiction);
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
        .where(eq(users.id, u.userId));
      if (change.disabled || passwordHash)
        await tx
          .update(credentials)
          .set({ revokedAt: now })
          .where(and(eq(credentials.userId, u.userId), isNull(credentials.revokedAt)));
      await appendAudit(tx, [
        {
          at: now,
          actor,
          action: 'user.changed',
          subject: u.userId,
          data: {
            username: u.username,
            jurisdiction: u.jurisdiction,
            disabled: change.disabled ?? null,
            passwordReset: Boolean(passwordHash),
          },
        },
      ]);
    }),
  );
  credentialsChanged();
  return password ? { oneTimePassword: password } : {};
}
