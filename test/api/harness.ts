// A server on a fresh database (PGlite, or PostgreSQL when PACT_TEST_DATABASE_URL is set), with accounts of
// every role in two member states (LT, PL) and the Union, each with an API token. Requests go through
// Fastify's inject (no sockets). Synthetic persons only.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RequestLimits } from '../../src/api/limits.ts';
import { buildServer } from '../../src/api/server.ts';
import { ROLES, type Role, UNION_ROLES } from '../../src/domain/roles.ts';
import { LAW } from '../../src/law/law.ts';
import {
  ACCOUNT_RULES,
  addUser,
  hashPassword,
  issueCredential,
  type PasswordVerifier,
  SCOPES,
} from '../../src/store/accounts.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import type { Backend } from '../store/backends.ts';
import { testClock } from '../store/backends.ts';

export const STATES = ['LT', 'PL'] as const;

export interface Account {
  readonly username: string;
  readonly role: Role;
  readonly jurisdiction: string;
  readonly token: string;
  readonly headers: Record<string, string>;
}

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly clock: TestClock;
  readonly cases: CaseStore;
  /** `${role}@${jurisdiction}` → account (Union roles at EU, the others at LT and PL, administrators at all three). */
  readonly accounts: ReadonlyMap<string, Account>;
  account(role: Role, jurisdiction: string): Account;
  inject(o: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const PASSWORD = 'synthetic-password-1';

/** The server's clock in a test: `now()` and `set(iso)`. */
export interface TestClock {
  now(): Date;
  set(iso: string): void;
}

let passwordHashOnce: Promise<string> | undefined;
/** The argon2id hash of PASSWORD, made once per worker (its test files share modules: isolate is false). */
const sharedPasswordHash = () => {
  passwordHashOnce ??= hashPassword(PASSWORD);
  return passwordHashOnce;
};

export async function startHarness(
  backend: Backend,
  options: {
    loginRateLimit?: boolean;
    clock?: TestClock;
    webRoot?: string;
    trustProxy?: number | string[];
    secureCookies?: boolean;
    verifyPassword?: PasswordVerifier;
    /** the request limits and the public cache (limits.ts); off unless a test asks for them */
    requestLimits?: RequestLimits;
    /** issue 21: seconds a credential lookup is remembered (src/store/credential-cache.ts); off unless asked */
    authCacheSeconds?: number;
  } = {},
): Promise<Harness> {
  const store = await backend.open();
  const clock = options.clock ?? testClock('2026-12-09T08:00:00Z');
  const services = { law: LAW, clock: clock.now, uuid: randomUUID };
  const cases = new CaseStore(store, services);
  const app = await buildServer({
    store,
    cases,
    services,
    secureCookies: options.secureCookies ?? false,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.verifyPassword ? { verifyPassword: options.verifyPassword } : {}),
    requestLimits: options.requestLimits ?? false,
    ...(options.authCacheSeconds !== undefined ? { authCacheSeconds: options.authCacheSeconds } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    loginRateLimit: options.loginRateLimit
      ? { max: ACCOUNT_RULES.loginsPerAddressPerMinute, timeWindow: '1 minute' }
      : false,
  });
  const accounts = new Map<string, Account>();
  // one argon2id hash for the shared password (about 50 ms of CPU each), not one per account nor per harness
  const passwordHash = sharedPasswordHash();
  for (const role of ROLES) {
    const places = UNION_ROLES.includes(role)
      ? ['EU']
      : role === 'administrator'
        ? [...STATES, 'EU']
        : [...STATES];
    for (const jurisdiction of places) {
      const username = `${role}.${jurisdiction}`.toLowerCase();
      const p = await addUser(
        store.db,
        { username, password: PASSWORD, passwordHash: await passwordHash, role, jurisdiction },
        clock.now(),
        'test',
      );
      // every scope, and a lifetime past any test's clock: most API tests send these tokens to every route
      const { secret } = await issueCredential(store.db, p.userId, 'api-token', clock.now(), {
        name: 'test',
        scopes: SCOPES,
        expiresAt: new Date('2099-01-01T00:00:00Z'),
      });
      accounts.set(`${role}@${jurisdiction}`, {
        username,
        role,
        jurisdiction,
        token: secret,
        headers: { authorization: `Bearer ${secret}` },
      });
    }
  }
  return {
    app,
    store,
    clock,
    cases,
    accounts,
    account(role, jurisdiction) {
      const a = accounts.get(`${role}@${jurisdiction}`);
      if (!a) throw new Error(`no account ${role}@${jurisdiction}`);
      return a;
    },
    inject: (o) => app.inject(o),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** A synthetic encounter of `n` identified persons in `state`, the first asking for asylum. */
export function encounterBody(state: string, ref: string, n = 2) {
  return {
    ref,
    state,
    occurredAt: '2026-12-08T04:10:00+02:00',
    kind: 'apprehended-irregular-crossing',
    groupSize: n + 1,
    persons: Array.from({ length: n }, (_, i) => ({
      nationality: 'IQ',
      sex: i % 2 ? 'female' : 'male',
      birthYear: 1990 + i,
      ...(i === 0
        ? { asylumWish: { at: '2026-12-08T04:30:00+02:00', where: 'station', to: 'border guard' } }
        : {}),
    })),
  };
}
