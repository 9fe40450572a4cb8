// issue 20: several installations of Pact on one machine, each a SEPARATE `node bin/pact.js serve` child
// process with its own data folder, port, test clock (PACT_CLOCK_OFFSET_FILE, src/cli/clock.ts), deadline
// sweep every PACT_SWEEP_SECONDS (1 by default here) and — unless `federation: false` — its own Ed25519 key
// and federation.json naming every other installation as a peer (config.ts; PACT_FEDERATION).
//
//   const net = await startInstallations([{ party: 'LT' }, { party: 'PL' }, { party: 'EU' }]);
//   const lt = net.get('LT');
//   const guard = lt.session('border-guard');          // an API token of border-guard.lt
//   await guard.call('POST', '/api/encounters', body, { 'idempotency-key': 'k1' });
//   await lt.setClockOffset(86_400_000);                // the server's clock one day ahead (≤ 250 ms)
//   await lt.kill(); await lt.start();                  // SIGKILL, then again on the same folder and port
//   await net.close();                                  // every process killed, temporary folders removed
//
// Accounts: before the first start, one account per role that fits the installation's party (the state's
// roles at a member state, the Union's at EU; username `<role>.<party>` in lower case, password PASSWORD,
// no change required) with an API token, written in-process into the data folder (the embedded database
// admits one process at a time, so not while it serves). With `accounts: false` nothing is written and the
// server's first start creates "admin" and its one-time password (`oneTimePassword`), as in production.
// Synthetic accounts only; nothing here is for a real deployment.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oneTimePasswordFrom } from '../../src/cli/admin-password.ts';
import { CLOCK_OFFSET_ENV, OFFSET_REREAD_MS } from '../../src/cli/clock.ts';
import { jurisdictionFits, ROLES, type Role } from '../../src/domain/roles.ts';
import {
  addUser,
  ensureAdministrator,
  hashPassword,
  issueCredential,
  SCOPES,
} from '../../src/store/accounts.ts';
import { openStore } from '../../src/store/database.ts';
import { seedDataDir } from '../setup/seeded-data-dir.ts';
import { writeFederationConfigs } from './config.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The password of every seeded account (synthetic; never a real deployment's). */
export const PASSWORD = 'federation-synthetic-password-1';

export interface InstallationSpec {
  /** a member state's code, or 'EU' for the Union's installation */
  readonly party: string;
  /** default: a free port chosen at the start */
  readonly port?: number;
  /** the installation's folder (data in <dir>/data, federation files in <dir>/federation); default: a temporary one, removed by close() */
  readonly dir?: string;
  /** PostgreSQL instead of the embedded database (an empty database the installation owns) */
  readonly databaseUrl?: string;
  /** seed an account per role before the first start (default true); false: serve makes "admin" */
  readonly accounts?: boolean;
  /** with the seeded accounts, also "admin" (EU) with a one-time password, as a first start makes it */
  readonly firstAdmin?: boolean;
  /** more environment for `pact serve` (e.g. PACT_FEDERATION_RETRY_SECONDS) */
  readonly env?: Readonly<Record<string, string>>;
}

export interface StartOptions {
  /** write keys and federation.json files and pass PACT_FEDERATION (default true) */
  readonly federation?: boolean;
  /** PACT_SWEEP_SECONDS of every installation (default 1) */
  readonly sweepSeconds?: number;
  /** PACT_LOG_LEVEL (default warn: no request lines, but every warning and refusal) */
  readonly logLevel?: string;
  /** every chunk an installation writes on stderr (the dev launcher shows them) */
  readonly onLog?: (party: string, chunk: string) => void;
  /** how long a start may take (default 120 s: PGlite's initdb on a loaded machine) */
  readonly startTimeoutMs?: number;
}

export interface CallResult<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A logged-in account of one installation (an API token with every scope). */
export interface Session {
  readonly username: string;
  readonly role: Role;
  readonly jurisdiction: string;
  /** `authorization: Bearer …` */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON in, JSON out (an empty body: {}); never throws on a status */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Readonly<Record<string, string>>,
  ): Promise<CallResult<T>>;
}

export interface Installation {
  readonly party: string;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly dir: string;
  readonly dataDir: string;
  /** its federation.json (undefined with `federation: false`) */
  readonly federationFile: string | undefined;
  /** the one-time password of "admin" made at the first start (`accounts: false`, or `firstAdmin`) */
  readonly oneTimePassword: string | undefined;
  readonly running: boolean;
  /** everything the process wrote on stderr since its last start */
  log(): string;
  /** writes the offset file and waits until the server has read it (OFFSET_REREAD_MS) */
  setClockOffset(ms: number): Promise<void>;
  /** starts the process (again on the same folder and port); resolves once /readyz answers 200 */
  start(): Promise<void>;
  /** SIGTERM; resolves once the process has exited */
  stop(): Promise<void>;
  /** SIGKILL; resolves once the process has exited */
  kill(): Promise<void>;
  /** the seeded account of `role` (jurisdiction: the party, or EU for the Union's roles) */
  session(role: Role, jurisdiction?: string): Session;
}

export interface Installations {
  readonly all: readonly Installation[];
  get(party: string): Installation;
  /** kills every process still running and removes the temporary folders */
  close(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** A port free at this moment (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function call<T>(
  url: string,
  method: string,
  path: string,
  body: unknown,
  headers: Readonly<Record<string, string>>,
): Promise<CallResult<T>> {
  const r = await fetch(url + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { text };
  }
  return { status: r.status, body: parsed as T, headers: r.headers };
}

/** The roles seeded at an installation of `party`, each with its jurisdiction. */
function seededRoles(party: string): { role: Role; jurisdiction: string }[] {
  return ROLES.filter((role) => jurisdictionFits(role, party)).map((role) => ({ role, jurisdiction: party }));
}

/** Writes the accounts and their API tokens into a new data folder (before the first start). */
async function seedAccounts(
  open: () => ReturnType<typeof openStore>,
  party: string,
  firstAdmin: boolean,
): Promise<{ sessions: Map<string, Omit<Session, 'call'>>; adminPassword: string | undefined }> {
  const store = await open();
  const sessions = new Map<string, Omit<Session, 'call'>>();
  let adminPassword: string | undefined;
  try {
    const now = new Date();
    if (firstAdmin) adminPassword = await ensureAdministrator(store.db, now);
    const passwordHash = await hashPassword(PASSWORD);
    for (const { role, jurisdiction } of seededRoles(party)) {
      const username = `${role}.${jurisdiction}`.toLowerCase();
      const p = await addUser(
        store.db,
        { username, password: PASSWORD, passwordHash, role, jurisdiction },
        now,
        'test',
      );
      const { secret } = await issueCredential(store.db, p.userId, 'api-token', now, {
        name: 'federation-test',
        scopes: SCOPES,
        expiresAt: new Date('2099-01-01T00:00:00Z'),
      });
      sessions.set(`${role}@${jurisdiction}`, {
        username,
        role,
        jurisdiction,
        headers: { authorization: `Bearer ${secret}` },
      });
    }
  } finally {
    await store.close();
  }
  return { sessions, adminPassword };
}

export async function startInstallations(
  specs: readonly InstallationSpec[],
  options: StartOptions = {},
): Promise<Installations> {
  const temporary: string[] = [];
  const planned = await Promise.all(
    specs.map(async (spec) => {
      let dir = spec.dir;
      if (!dir) {
        dir = mkdtempSync(join(tmpdir(), `pact-fed-${spec.party.toLowerCase()}-`));
        temporary.push(dir);
      }
      mkdirSync(dir, { recursive: true });
      const port = spec.port ?? (await freePort());
      return { spec, dir, port, url: `http://127.0.0.1:${port}` };
    }),
  );
  const federationFiles =
    options.federation === false
      ? new Map<string, string>()
      : await writeFederationConfigs(
          planned.map((p) => ({ party: p.spec.party, url: p.url, dir: join(p.dir, 'federation') })),
        );
  const all = planned.map((p) =>
    installation(p.spec, p.dir, p.port, federationFiles.get(p.spec.party), options),
  );
  const close = async () => {
    await Promise.all(all.map((i) => i.kill()));
    for (const d of temporary) rmSync(d, { recursive: true, force: true });
  };
  try {
    // one after the other: each first start is CPU-heavy (migrations, argon2), and the machine is small
    for (const i of all) await i.start();
  } catch (e) {
    await close();
    throw e;
  }
  return {
    all,
    get(party) {
      const found = all.find((i) => i.party === party);
      if (!found) throw new Error(`no installation ${party}`);
      return found;
    },
    close,
  };
}

function installation(
  spec: InstallationSpec,
  dir: string,
  port: number,
  federationFile: string | undefined,
  options: StartOptions,
): Installation & { start(): Promise<void> } {
  const url = `http://127.0.0.1:${port}`;
  const dataDir = join(dir, 'data');
  const offsetFile = join(dir, 'clock-offset');
  if (!existsSync(offsetFile)) writeFileSync(offsetFile, '0\n');
  let proc: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let stderr = '';
  let oneTimePassword: string | undefined;
  let sessions: Map<string, Omit<Session, 'call'>> | undefined;
  let firstStart = true;

  const env = (): Record<string, string | undefined> => {
    const e: Record<string, string | undefined> = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PACT_SWEEP_SECONDS: String(options.sweepSeconds ?? 1),
      PACT_LOG_LEVEL: options.logLevel ?? 'warn',
      [CLOCK_OFFSET_ENV]: offsetFile,
      // one account sends bursts in tests and benchmarks; the limit itself is tested elsewhere
      PACT_WRITES_PER_MINUTE: '1000000000',
      PACT_ADMIN_PASSWORD_FILE: join(dir, 'admin-password'),
      ...(federationFile ? { PACT_FEDERATION: federationFile } : {}),
      ...(spec.databaseUrl ? { DATABASE_URL: spec.databaseUrl } : { PACT_DATA_DIR: dataDir }),
      ...spec.env,
    };
    if (!spec.databaseUrl && !spec.env?.DATABASE_URL) delete e.DATABASE_URL;
    if (!federationFile && !spec.env?.PACT_FEDERATION) delete e.PACT_FEDERATION;
    return e;
  };

  const waitReady = async (deadline: number) => {
    for (;;) {
      if (!proc || proc.exitCode !== null || proc.signalCode !== null)
        throw new Error(`${spec.party}: the server exited before it was ready:\n${stderr}`);
      const started = /Pact serves http/.test(stderr);
      // the first start on an empty database prints where the administrator's one-time password is
      const password = oneTimePasswordFrom(stderr);
      if (started && (password || !/First start/.test(stderr))) {
        const r = await fetch(`${url}/readyz`).catch(() => undefined);
        if (r?.status === 200) {
          if (password) oneTimePassword = password;
          return;
        }
      }
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(
          `${spec.party}: not ready within ${options.startTimeoutMs ?? 120_000} ms:\n${stderr}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const signal = async (sig: NodeJS.Signals) => {
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill(sig);
    await exited;
  };

  const self = {
    party: spec.party,
    port,
    url,
    dir,
    dataDir,
    federationFile,
    get oneTimePassword() {
      return oneTimePassword;
    },
    get running() {
      return proc !== undefined && proc.exitCode === null && proc.signalCode === null;
    },
    log: () => stderr,
    async setClockOffset(ms: number) {
      if (!Number.isSafeInteger(ms)) throw new Error('a whole number of milliseconds');
      writeFileSync(offsetFile, `${ms}\n`);
      await new Promise((r) => setTimeout(r, OFFSET_REREAD_MS + 50));
    },
    async start() {
      if (self.running) throw new Error(`${spec.party} runs already`);
      const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
      // a folder that holds data already (the dev launcher's, started again) is used as it is
      const fresh = firstStart && (spec.databaseUrl !== undefined || !existsSync(dataDir));
      if (fresh && !spec.databaseUrl) await seedDataDir(dataDir);
      if (fresh && spec.accounts !== false) {
        const seeded = await seedAccounts(
          () => openStore(spec.databaseUrl ? { databaseUrl: spec.databaseUrl } : { dataDir }),
          spec.party,
          spec.firstAdmin === true,
        );
        sessions = seeded.sessions;
        oneTimePassword = seeded.adminPassword;
      }
      stderr = '';
      const child = spawn(process.execPath, ['bin/pact.js', 'serve'], {
        cwd: ROOT,
        env: env(),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      proc = child;
      children.add(child);
      exited = new Promise((resolve) =>
        child.once('exit', () => {
          children.delete(child);
          resolve();
        }),
      );
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        options.onLog?.(spec.party, chunk);
      });
      await waitReady(deadline);
      firstStart = false;
    },
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    session(role: Role, jurisdiction?: string): Session {
      const j = jurisdiction ?? spec.party;
      const s = sessions?.get(`${role}@${j}`);
      if (!s) throw new Error(`${spec.party}: no seeded account ${role}@${j}`);
      return {
        ...s,
        call: (method, path, body, headers = {}) =>
          call(url, method, path, body, { ...s.headers, ...headers }),
      };
    },
  };
  return self;
}
