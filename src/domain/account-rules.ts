// How logins, sessions and passwords behave: one set of numbers, used by the store and documented in
// docs/permissions.md (generated); and who may administer which account.
import { can, type Permission, type Role } from './roles.ts';

export const ACCOUNT_RULES = {
  /** Failed logins in a row after which the account refuses logins for `lockMinutes`. */
  maxFailedLogins: 5,
  lockMinutes: 15,
  /** Login attempts from one address per minute (then 429). */
  loginsPerAddressPerMinute: 20,
  /** A browser session ends this long after login, or after this long without a request. */
  sessionHours: 8,
  sessionIdleMinutes: 30,
  minPasswordLength: 12,
  /** zxcvbn score (0–4) a chosen password needs (src/domain/password-strength.ts). */
  minPasswordScore: 3,
  /** A device cookie (a browser where the owner logged in) has its own budget: failures, then its lock. */
  deviceMaxFailedLogins: 5,
  deviceLockMinutes: 15,
  deviceCookieDays: 180,
  /** API tokens: lifetime when none is asked for, and the longest one may ask for. */
  tokenDefaultDays: 90,
  tokenMaxDays: 365,
  /** A request that needs a second administrator expires after this long. */
  accountRequestHours: 24,
} as const;

/** Permissions that read personal data of asylum seekers: a role holding one is a state's sensitive role. */
export const PERSONAL_DATA_PERMISSIONS: readonly Permission[] = [
  'case.read',
  'queue.read',
  'encounter.record',
  'findings.read',
];

/** Creating, resetting or re-enabling an administrator needs a second administrator's approval. */
export const needsSecondAdministrator = (role: Role): boolean => role === 'administrator';

export const readsPersonalData = (role: Role): boolean => PERSONAL_DATA_PERMISSIONS.some((p) => can(role, p));

/**
 * Why a Union administrator may not create, reset or re-enable this account (a sockpuppet in a state would
 * let it read that state's cases), or undefined. Disabling stays allowed, to stop a compromised account. A
 * state's administrator is not covered here although it reads findings: creating, resetting or re-enabling
 * any administrator needs a second administrator's approval instead (needsSecondAdministrator), so that the
 * Union can still help a state whose administrators are locked out, never alone.
 */
export function unionAdministratorLimit(
  actorJurisdiction: string,
  target: { readonly role: Role; readonly jurisdiction: string },
): string | undefined {
  if (
    actorJurisdiction !== 'EU' ||
    target.jurisdiction === 'EU' ||
    needsSecondAdministrator(target.role) ||
    !readsPersonalData(target.role)
  )
    return undefined;
  return `a Union administrator does not create, reset or re-enable accounts of ${target.jurisdiction} that read personal data (a ${target.role}); that state's administrators do`;
}

export const ACCOUNT_RULES_DOC: readonly string[] = [
  '## Logins, sessions and tokens',
  '',
  `- Passwords: at least ${ACCOUNT_RULES.minPasswordLength} characters, stored as argon2id hashes (m = 19 MiB, t = 2, p = 1).`,
  `- Throttling: after ${ACCOUNT_RULES.maxFailedLogins} failed logins in a row an account refuses every login for ${ACCOUNT_RULES.lockMinutes} minutes, even with the right password, answering exactly as to a wrong password (a lock does not reveal that the name exists); guesses of the current password in a password change count the same way; one address gets at most ${ACCOUNT_RULES.loginsPerAddressPerMinute} login attempts a minute (429 after). A wrong password and an unknown user get the same answer.`,
  `- Browser sessions: an HTTP-only, SameSite=Strict cookie (\`pact_session\`, Secure when \`PACT_SECURE_COOKIES=1\`, i.e. behind TLS); a session ends ${ACCOUNT_RULES.sessionHours} hours after login, after ${ACCOUNT_RULES.sessionIdleMinutes} minutes without a request, at logout, or when the password is changed (which also revokes every API token of the account).`,
  '- API tokens (`POST /api/auth/tokens`, sent as `Authorization: Bearer …`): for integrations; shown once, stored as a SHA-256 only; valid until revoked (`DELETE /api/auth/tokens/NAME`).',
  '- First start: on an empty database `npm start` creates the administrator `admin` (jurisdiction EU) and prints a one-time password once; like every one-time password (`pact user add`, `POST /api/users`), it must be changed before anything else is allowed.',
];
