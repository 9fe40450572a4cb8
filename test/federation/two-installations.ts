// Two installations in one process for the exchange's tests: each its own embedded database, clock, signing
// key and Fastify app on an ephemeral port (real HTTP between them), peers of each other. The sender is
// driven by hand (tick). Synthetic data only.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type CryptoKey, importJWK, type JWK } from 'jose';
import { buildServer } from '../../src/api/server.ts';
import type { OutgoingMessage } from '../../src/domain/outgoing.ts';
import type { KindHandlers, Party } from '../../src/federation/contract.ts';
import { type Federation, newKeyPair, type Peer } from '../../src/federation/peers.ts';
import { DEFAULT_MAX_ATTEMPTS, type Sender, startSender } from '../../src/federation/sender.ts';
import { LAW } from '../../src/law/law.ts';
import { addUser, hashPassword, issueCredential, SCOPES } from '../../src/store/accounts.ts';
import { CaseStore, type Services } from '../../src/store/case-store.ts';
import type { Db, Store } from '../../src/store/database.ts';
import { type Inbox, openInbox } from '../../src/store/federation-inbox.ts';
import { type KindLookup, outboxService } from '../../src/store/federation-outbox.ts';
import { BACKENDS, testClock } from '../store/backends.ts';

export interface Installation {
  readonly party: Party;
  readonly store: Store;
  readonly db: Db;
  readonly clock: ReturnType<typeof testClock>;
  readonly cases: CaseStore;
  readonly federation: Federation;
  readonly peers: Map<Party, Peer>;
  readonly inbox: Inbox;
  /** what the background application of the inbox failed with (a test expects none) */
  readonly errors: unknown[];
  readonly sender: Sender;
  readonly publicJwk: JWK;
  /** the administrator's API token headers */
  readonly admin: Record<string, string>;
  /** a case officer's (no federation.manage) */
  readonly officer: Record<string, string>;
  app: FastifyInstance;
  url: string;
  port: number;
  /** stops serving (the peer is down) */
  down(): Promise<void>;
  /** serves again on the same port */
  up(): Promise<void>;
  /** writes messages into the outbox as a case's decision would (services.outbox in a transaction) */
  send(...messages: OutgoingMessage[]): Promise<void>;
}

export interface Options {
  readonly maxAttempts?: number;
  readonly kinds?: KindLookup;
  /** the receiver's handlers (default HANDLERS) */
  readonly handlers?: Readonly<Record<string, KindHandlers>>;
  /** the inbox's one-line notices (refused posts naming no configured peer) */
  readonly notices?: string[];
}

const PASSWORD = 'synthetic-password-1';
/** one argon2id hash for every test account (about 50 ms of CPU each) */
let hashed: Promise<string> | undefined;
const passwordHash = () => {
  hashed ??= hashPassword(PASSWORD);
  return hashed;
};

async function open(party: Party, start: string, options: Options): Promise<Installation> {
  const backend = BACKENDS[0];
  if (!backend) throw new Error('no backend');
  const store = await backend.open();
  const clock = testClock(start);
  const { privateJwk, publicJwk } = await newKeyPair(party);
  const peers = new Map<Party, Peer>();
  const federation: Federation = {
    self: party,
    url: '',
    privateKey: (await importJWK(privateJwk, 'EdDSA')) as CryptoKey,
    peers,
    keys: (p) => peers.get(p)?.publicKey,
  };
  const services: Services = {
    law: LAW,
    clock: clock.now,
    uuid: randomUUID,
    outbox: outboxService(party, randomUUID, options.kinds),
  };
  const cases = new CaseStore(store, services);
  const errors: unknown[] = [];
  const inbox = openInbox(cases, federation, (e) => errors.push(e), {
    ...(options.handlers ? { handlers: options.handlers } : {}),
    ...(options.kinds ? { kinds: options.kinds } : {}),
    notice: (line) => options.notices?.push(line),
  });
  const sender = startSender(cases, federation, {
    retrySeconds: 1,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    random: () => 0.5,
    manual: true,
  });
  const token = async (role: 'administrator' | 'case-officer') => {
    const u = await addUser(
      store.db,
      {
        username: `${role}.${party}`.toLowerCase(),
        password: PASSWORD,
        passwordHash: await passwordHash(),
        role,
        jurisdiction: party,
      },
      clock.now(),
      'test',
    );
    const { secret } = await issueCredential(store.db, u.userId, 'api-token', clock.now(), {
      name: 'test',
      scopes: SCOPES,
      expiresAt: new Date('2099-01-01T00:00:00Z'),
    });
    return { authorization: `Bearer ${secret}` };
  };
  const build = () =>
    buildServer({
      store,
      cases,
      services,
      secureCookies: false,
      loginRateLimit: false,
      requestLimits: false,
      federation: { config: federation, inbox },
    });
  const inst: Installation = {
    party,
    store,
    db: store.db,
    clock,
    cases,
    federation,
    peers,
    inbox,
    errors,
    sender,
    publicJwk,
    admin: await token('administrator'),
    officer: await token('case-officer'),
    app: await build(),
    url: '',
    port: 0,
    async down() {
      await inst.app.close();
    },
    async up() {
      inst.app = await build();
      await inst.app.listen({ port: inst.port, host: '127.0.0.1' });
    },
    async send(...messages) {
      await store.db.transaction(async (tx) => {
        await services.outbox?.(tx as unknown as Db, messages, clock.now());
      });
    },
  };
  inst.url = await inst.app.listen({ port: 0, host: '127.0.0.1' });
  inst.port = Number(new URL(inst.url).port);
  return inst;
}

/** LT and PL, each the other's peer. */
export async function twoInstallations(
  options: Options = {},
): Promise<{ lt: Installation; pl: Installation; close(): Promise<void> }> {
  const lt = await open('LT', '2026-12-09T08:00:00Z', options);
  const pl = await open('PL', '2026-12-09T08:00:00Z', options);
  for (const [a, b] of [
    [lt, pl],
    [pl, lt],
  ] as const) {
    a.peers.set(b.party, {
      party: b.party,
      url: b.url,
      publicKey: (await importJWK(b.publicJwk, 'EdDSA')) as CryptoKey,
      thumbprint: 'test',
    });
  }
  return {
    lt,
    pl,
    async close() {
      for (const i of [lt, pl]) {
        await i.sender.stop();
        await i.inbox.idle();
        await i.app.close().catch(() => {});
        await i.store.close();
      }
    },
  };
}

/** Waits until `check` holds (the receiver applies in the background after answering). */
export async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
