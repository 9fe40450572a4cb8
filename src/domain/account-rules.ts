// How logins, sessions and passwords behave: one set of numbers, used by the store and documented in
// docs/permissions.md (generated).
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
} as const;

export const ACCOUNT_RULES_DOC: readonly string[] = [
  '## Logins, sessions and tokens',
  '',
  `- Passwords: at least ${ACCOUNT_RULES.minPasswordLength} characters, stored as argon2id hashes (m = 19 MiB, t = 2, p = 1).`,
  `- Throttling: after ${ACCOUNT_RULES.maxFailedLogins} failed logins in a row an account refuses every login for ${ACCOUNT_RULES.lockMinutes} minutes, even with the right password, answering exactly as to a wrong password (a lock does not reveal that the name exists); guesses of the current password in a password change count the same way; one address gets at most ${ACCOUNT_RULES.loginsPerAddressPerMinute} login attempts a minute (429 after). A wrong password and an unknown user get the same answer.`,
  `- Browser sessions: an HTTP-only, SameSite=Strict cookie (\`pact_session\`, Secure when \`PACT_SECURE_COOKIES=1\`, i.e. behind TLS); a session ends ${ACCOUNT_RULES.sessionHours} hours after login, after ${ACCOUNT_RULES.sessionIdleMinutes} minutes without a request, at logout, or when the password is changed (which also revokes every API token of the account).`,
  '- API tokens (`POST /api/auth/tokens`, sent as `Authorization: Bearer …`): for integrations; shown once, stored as a SHA-256 only; valid until revoked (`DELETE /api/auth/tokens/NAME`).',
  '- First start: on an empty database `npm start` creates the administrator `admin` (jurisdiction EU) with a one-time password, shown once — on the terminal when the server runs in one; otherwise (stderr is a log stream) in a new file only its owner can read (`admin-password` in the data folder, `pact-admin-password` in the working directory with `DATABASE_URL`, or `PACT_ADMIN_PASSWORD_FILE`), the log showing only its path. Like every one-time password (`pact user add`, `POST /api/users`), it must be changed before anything else is allowed.',
];
