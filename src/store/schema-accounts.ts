// The accounts of an installation (moved from schema.ts): users with one role in one jurisdiction, their
// sessions, API tokens and device cookies, and the administrators' changes that need a second administrator
// (src/store/accounts.ts, credentials.ts, login.ts, account-requests.ts). Part of the one schema with
// src/store/schema.ts (drizzle.config.ts reads every src/store/schema*.ts).
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns.ts';

/** Accounts: one role bound to one jurisdiction (a member state's code, or EU). Passwords: argon2id. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  jurisdiction: text('jurisdiction').notNull(),
  /** A one-time password was issued: the first login must change it. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  /** Failed logins in a row, and the time before which the account refuses logins (throttling). */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: at('locked_until'),
  createdAt: at('created_at').notNull(),
});

/** Browser sessions and API tokens: only a SHA-256 of the secret is kept; revoking sets revoked_at. */
export const credentials = pgTable(
  'credentials',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(), // session | api-token | device
    name: text('name'),
    /** An API token's scopes (read, write, export); empty for sessions and device cookies. */
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at'),
    /** Sessions also end after this long without use (idle timeout). */
    lastUsedAt: at('last_used_at').notNull(),
    revokedAt: at('revoked_at'),
    /** A device cookie's own login budget (OWASP device cookies): failures in a row and its lock. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: at('locked_until'),
  },
  (t) => [index('credentials_user').on(t.userId)],
);

/**
 * An administrator's change that needs a second administrator (creating an administrator, resetting its
 * password, re-enabling it): pending until another administrator approves or refuses it, or it expires.
 */
export const accountRequests = pgTable(
  'account_requests',
  {
    id: uuid('id').primaryKey(),
    /** add | change */
    kind: text('kind').notNull(),
    username: text('username').notNull(),
    /** The jurisdiction of the account concerned: who may approve. */
    jurisdiction: text('jurisdiction').notNull(),
    /** add: {role}; change: {disabled?, resetPassword?} */
    data: jsonb('data').notNull(),
    requestedBy: text('requested_by').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    /** approved | refused */
    decision: text('decision'),
  },
  (t) => [index('account_requests_pending').on(t.jurisdiction, t.expiresAt)],
);
