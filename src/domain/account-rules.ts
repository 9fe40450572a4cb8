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
  `- Passwords: at least ${ACCOUNT_RULES.minPasswordLength} characters, stored as argon2id hashes (m = 19 MiB, t = 2, p = 1). A password a person chooses (\`POST /api/auth/password\`) must reach strength ${ACCOUNT_RULES.minPasswordScore} of 4 in zxcvbn-ts (its lists of common passwords, names, words and keyboard patterns, plus this deployment's words) and must not contain the username; the answer gives the library's advice. Generated one-time passwords are random (18 bytes).`,
  `- Throttling: each attempt is counted before the password is checked (one atomic update that refuses when the budget is spent), so parallel guesses cannot outrun it. A login without a device cookie spends the account's budget: after ${ACCOUNT_RULES.maxFailedLogins} failures in a row such logins are refused for ${ACCOUNT_RULES.lockMinutes} minutes, even with the right password, answering exactly as to a wrong password (a lock does not reveal that the name exists). Guesses of the current password in a password change count the same way. One address gets at most ${ACCOUNT_RULES.loginsPerAddressPerMinute} login attempts a minute (429 after); behind reverse proxies set \`PACT_TRUST_PROXY\` (a hop count, or the proxies' addresses) so that a client cannot choose its address with X-Forwarded-For. A wrong password and an unknown user get the same answer.`,
  `- Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a successful login sets a device cookie (\`pact_device\`, HTTP-only, SameSite=Strict, random, stored as a SHA-256, bound to the account, ${ACCOUNT_RULES.deviceCookieDays} days). A login presenting a valid device cookie of that account does not spend the account's budget and is not stopped by its lock; it has its own (${ACCOUNT_RULES.deviceMaxFailedLogins} failures, then ${ACCOUNT_RULES.deviceLockMinutes} minutes). So an outsider can lock the untrusted logins of \`admin\`, never the owner's known browser. A device cookie never authenticates a request; it survives logout, and a password change ends every other one.`,
  `- Browser sessions: an HTTP-only, SameSite=Strict cookie (\`pact_session\`; with \`PACT_SECURE_COOKIES=1\`, i.e. behind TLS, \`__Host-pact_session\` and \`__Host-pact_device\`: Secure, Path=/, no Domain, so no other host of the domain can set or shadow them); a session ends ${ACCOUNT_RULES.sessionHours} hours after login, after ${ACCOUNT_RULES.sessionIdleMinutes} minutes without a request, at logout, or when the password is changed (which also revokes every API token of the account).`,
  `- API tokens (\`POST /api/auth/tokens\` from a browser session only — a token cannot issue tokens; sent as \`Authorization: Bearer …\`): for integrations; shown once, stored as a SHA-256 only; scopes \`read\` (GET, HEAD), \`write\` (other methods), \`export\` (routes that produce files: the monitoring report); expire after \`expiresInDays\` (default ${ACCOUNT_RULES.tokenDefaultDays}, at most ${ACCOUNT_RULES.tokenMaxDays}); listed without their secret by their owner (\`GET /api/auth/tokens\`) and the administrators of the account (\`GET /api/users/NAME/tokens\`); revoked with \`DELETE /api/auth/tokens/NAME\` or \`DELETE /api/users/NAME/tokens/TOKEN\`. A token cannot change the password. A session secret sent as a Bearer token, or a token sent as the session cookie, is refused: each kind counts only where it belongs.`,
  '- First start: on an empty database `npm start` creates the administrator `admin` (jurisdiction EU) with a one-time password, shown once — on the terminal when the server runs in one; otherwise (stderr is a log stream) in a new file only its owner can read (`admin-password` in the data folder, `pact-admin-password` in the working directory with `DATABASE_URL`, or `PACT_ADMIN_PASSWORD_FILE`), the log showing only its path. Like every one-time password (`pact user add`, `POST /api/users`), it must be changed before anything else is allowed.',
  '',
  '## Administrators',
  '',
  `- A Union (EU) administrator does not create, reset the password of, or re-enable an account of a member state whose role reads personal data (holds ${PERSONAL_DATA_PERMISSIONS.map((p) => `\`${p}\``).join(', ')}): 403 with the reason. It may disable one (to stop a compromised account) and manages Union roles.`,
  `- Creating an administrator, resetting an administrator's password and re-enabling an administrator need a second administrator: the request answers 202 with a pending request, which another administrator — not the requester; of the account's jurisdiction or of the EU — approves (\`POST /api/users/requests/ID/approve\`: the change is made and the one-time password, if any, is in that answer, once) or refuses (\`…/refuse\`) within ${ACCOUNT_RULES.accountRequestHours} hours. \`GET /api/users/requests\` lists the requests an administrator may decide.`,
  '- `pact user add` (the command line on the server machine, whose operator can read the database anyway) needs no approval; on a new installation, add the second administrator with it.',
  "- Every account event — added, changed, password reset or changed, enabled or disabled, token issued or revoked, approval requested, approved or refused — is in the audit log, and the monitors of the account's jurisdiction and administrators read them at `GET /api/account-events?from=&to=` (who did what to which staff account; never a secret).",
];
