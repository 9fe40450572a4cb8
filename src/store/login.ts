// Logins and password changes, throttled so that parallel guesses cannot outrun the budget and an outsider
// cannot lock the owner out:
// - each attempt is reserved before the password is verified, in one atomic UPDATE that counts it and refuses
//   when the budget is spent; a success resets the count. So however many guesses arrive at once, at most
//   `max` passwords are verified before the lock.
// - OWASP's device cookies: a browser where the owner logged in before carries a device cookie bound to the
//   account; its logins spend the cookie's own budget, not the account's. Logins without one share the
//   account's budget (ACCOUNT_RULES.maxFailedLogins, then lockMinutes). An outsider can lock the untrusted
//   logins of `admin`, never the owner's known browser.
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull, notInArray, or, sql } from 'drizzle-orm';
import { ACCOUNT_RULES } from '../domain/account-rules.ts';
import type { AccountRefusalCode } from '../domain/errors.ts';
import { weakPassword } from '../domain/password-strength.ts';
import type { Principal, Role } from '../domain/roles.ts';
import { type ErrorParams, PactError } from '../law/errors.ts';
import { appendAudit, sha256 } from './audit.ts';
import { credentialsChanged } from './credential-cache.ts';
import { issueCredential } from './credentials.ts';
import type { Db } from './database.ts';
import { credentials, users } from './schema-accounts.ts';

/** argon2id parameters (OWASP Password Storage Cheat Sheet minimum). */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class AuthError extends PactError {
  constructor(message = 'wrong username or password') {
    super('unauthorized', message);
  }
}

export class AccountInputError extends PactError {
  constructor(
    readonly field: string,
    message: string,
    /** the stable code of the reason (docs/errors.md) */
    readonly reasonCode: AccountRefusalCode,
    params: ErrorParams = {},
  ) {
    super('invalid-account', message, params);
  }
}

export const hashPassword = (password: string) => hash(password, ARGON2);

/** Verifies a password against its hash (replaceable in tests, to count verifications). */
export type PasswordVerifier = (hash: string, password: string) => Promise<boolean>;
export const verifyPassword: PasswordVerifier = (h, password) => verify(h, password).catch(() => false);

export function checkPassword(password: string): void {
  if (password.length < ACCOUNT_RULES.minPasswordLength)
    throw new AccountInputError(
      'password',
      `at least ${ACCOUNT_RULES.minPasswordLength} characters`,
      'password-too-short',
      { minimum: ACCOUNT_RULES.minPasswordLength },
    );
  if (password.length > 256)
    throw new AccountInputError('password', 'at most 256 characters', 'password-too-long', { maximum: 256 });
}

const DUMMY_HASH = await hashPassword('not a password of anyone');
/** The same work as a real verification, so that timing does not reveal which names exist or are locked. */
const dummyVerify = (password: string) => verify(DUMMY_HASH, password).catch(() => false);

/**
 * Reserves one attempt of a budget (the account's, or a device cookie's): counts it and, at `max`, locks until
 * now + `minutes`; refused (false) while locked. An expired lock starts the count again.
 */
async function reserve(
  db: Db,
  table: typeof users | typeof credentials,
  where: ReturnType<typeof eq>,
  now: Date,
  max: number,
  minutes: number,
): Promise<boolean> {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + minutes * 60_000).toISOString();
  const next = sql`(case when ${table.lockedUntil} <= ${nowIso}::timestamptz then 1 else ${table.failedLogins} + 1 end)`;
  const rows = await db
    .update(table)
    .set({
      failedLogins: next,
      lockedUntil: sql`case when ${next} >= ${max} then ${until}::timestamptz else null end`,
    })
    .where(and(where, or(isNull(table.lockedUntil), sql`${table.lockedUntil} <= ${nowIso}::timestamptz`)))
    .returning({ n: table.failedLogins });
  return rows.length > 0;
}

/** A valid device cookie of this account: its row's key (the secret's hash), or undefined. */
async function deviceOf(db: Db, userId: string, deviceSecret: string | undefined, now: Date) {
  if (!deviceSecret || deviceSecret.length > 200) return undefined;
  const [d] = await db
    .select({ tokenHash: credentials.tokenHash })
    .from(credentials)
    .where(
      and(
        eq(credentials.tokenHash, sha256(deviceSecret)),
        eq(credentials.kind, 'device'),
        eq(credentials.userId, userId),
        isNull(credentials.revokedAt),
        gt(credentials.expiresAt, now),
      ),
    );
  return d?.tokenHash;
}

/** Reserves an attempt of the device's budget when the cookie is a valid one of the account, else the account's. */
async function reserveAttempt(db: Db, userId: string, device: string | undefined, now: Date) {
  return device
    ? reserve(
        db,
        credentials,
        eq(credentials.tokenHash, device),
        now,
        ACCOUNT_RULES.deviceMaxFailedLogins,
        ACCOUNT_RULES.deviceLockMinutes,
      )
    : reserve(db, users, eq(users.id, userId), now, ACCOUNT_RULES.maxFailedLogins, ACCOUNT_RULES.lockMinutes);
}

async function resetBudget(db: Db, userId: string, device: string | undefined) {
  if (device)
    await db
      .update(credentials)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(credentials.tokenHash, device));
  else await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export interface LoginOptions {
  /** The device cookie the browser sent, if any. */
  readonly deviceSecret?: string | undefined;
  readonly verify?: PasswordVerifier;
}

export type LoggedIn = Principal & {
  mustChangePassword: boolean;
  /** A new device cookie's secret, when the browser had no valid one of this account. */
  newDeviceSecret?: string;
};

/** Checks a login against the budget of the device cookie or of the account (see the top of this file). */
export async function login(
  db: Db,
  username: string,
  password: string,
  now: Date,
  opts: LoginOptions = {},
): Promise<LoggedIn> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u || u.disabled) {
    await dummyVerify(password);
    throw new AuthError();
  }
  const device = await deviceOf(db, u.id, opts.deviceSecret, now);
  // a lock answers exactly like a wrong password (and costs the same hashing): it must not reveal the name
  if (!(await reserveAttempt(db, u.id, device, now))) {
    await dummyVerify(password);
    throw new AuthError();
  }
  if (!(await (opts.verify ?? verifyPassword)(u.passwordHash, password))) throw new AuthError();
  await resetBudget(db, u.id, device);
  const principal = {
    userId: u.id,
    username: u.username,
    role: u.role as Role,
    jurisdiction: u.jurisdiction,
    mustChangePassword: u.mustChangePassword,
  };
  if (device) return principal;
  const { secret } = await issueCredential(db, u.id, 'device', now);
  return { ...principal, newDeviceSecret: secret };
}

export interface PasswordChange {
  readonly oldPassword: string;
  readonly newPassword: string;
  /** The session making the change: it stays valid. */
  readonly keepSecret?: string | undefined;
  /** The device cookie of the browser making the change: its budget is spent, and it stays valid. */
  readonly deviceSecret?: string | undefined;
  readonly verify?: PasswordVerifier;
}

/**
 * Changes a password chosen by its owner (the old one must be right, the new one strong enough) and ends every
 * other session, API token and device cookie of the user. Guesses of the current password spend the same
 * budget as logins.
 */
export async function changePassword(db: Db, userId: string, c: PasswordChange, now: Date): Promise<void> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw new AuthError();
  const device = await deviceOf(db, u.id, c.deviceSecret, now);
  const reserved = await reserveAttempt(db, u.id, device, now);
  if (!reserved) await dummyVerify(c.oldPassword);
  if (!reserved || !(await (c.verify ?? verifyPassword)(u.passwordHash, c.oldPassword)))
    throw new AccountInputError('oldPassword', 'the current password is wrong', 'wrong-password');
  await resetBudget(db, u.id, device);
  try {
    checkPassword(c.newPassword);
  } catch (e) {
    throw e instanceof AccountInputError
      ? new AccountInputError('newPassword', e.message, e.reasonCode, e.params)
      : e;
  }
  if (c.newPassword === c.oldPassword)
    throw new AccountInputError(
      'newPassword',
      'the new password must differ from the current one',
      'password-unchanged',
    );
  const weak = weakPassword(c.newPassword, u.username);
  if (weak) throw new AccountInputError('newPassword', weak.reason, weak.code, weak.params);
  const passwordHash = await hashPassword(c.newPassword);
  const keep = [c.keepSecret ? sha256(c.keepSecret) : undefined, device].filter(
    (h): h is string => h !== undefined,
  );
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
          keep.length > 0 ? notInArray(credentials.tokenHash, keep) : undefined,
        ),
      );
    await appendAudit(tx, [
      {
        at: now,
        actor: u.username,
        action: 'user.password-changed',
        subject: userId,
        data: { username: u.username, jurisdiction: u.jurisdiction },
      },
    ]);
  });
  credentialsChanged();
}
