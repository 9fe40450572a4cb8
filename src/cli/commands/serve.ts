// `pact serve` (and `npm start`): one process serving the API on the embedded database (PACT_DATA_DIR) or
// a PostgreSQL server (DATABASE_URL). Migrations run on start; the first start on an empty database creates
// the administrator and shows its one-time password once (the terminal, or an owner-only file when stderr is a
// log). The embedded folder is locked while it serves (data-folder-lock.ts). SIGTERM/SIGINT: finish the
// requests in flight, close the database (releasing the lock), exit — within STOP_TIMEOUT_MS even if the
// database never answers. A database that fails for good (disk full, out of memory, PGlite aborted) stops the
// server the same way with exit code FATAL_EXIT_CODE, so that a supervisor (systemd, Kubernetes) starts it again.

import { randomUUID } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_LIMITS, type RequestLimits } from '../../api/limits.ts';
import { buildServer } from '../../api/server.ts';
import { parseTrustProxy, TRUST_PROXY_USAGE } from '../../api/trust-proxy.ts';
import { type Federation, FederationConfigError, loadFederation } from '../../federation/peers.ts';
import { type Sender, senderOptionsOf, startSender } from '../../federation/sender.ts';
import { LAW } from '../../law/law.ts';
import { ACCOUNT_RULES } from '../../store/accounts.ts';
import { CaseStore } from '../../store/case-store.ts';
import { DEFAULT_AUTH_CACHE_SECONDS } from '../../store/credential-cache.ts';
import { openStore } from '../../store/database.ts';
import { fatalDatabaseError } from '../../store/database-errors.ts';
import { openInbox } from '../../store/federation-inbox.ts';
import { outboxService } from '../../store/federation-outbox.ts';
import { storeOptions } from '../../store/open-from-env.ts';
import { loadRecognitionRates } from '../../store/reference-data.ts';
import { acceptSilentRequests } from '../../store/responsibility-requests.ts';
import { warmRollups } from '../../store/rollup-warmup.ts';
import { confirmSilentTransfers } from '../../store/solidarity.ts';
import { sweepUnionFigures } from '../../store/union-figures.ts';
import { adminPasswordPath, firstAdministrator, type OneTime } from '../admin-password.ts';
import { serverClock } from '../clock.ts';
import { type CliContext, UsageError } from '../context.ts';
import { letGo } from '../store-session.ts';

/** The longest a stop waits for the requests in flight, and then for the database to close. */
export const STOP_TIMEOUT_MS = 5_000;

/** Exit code after a database failure that does not heal (EX_TEMPFAIL: restart me). */
export const FATAL_EXIT_CODE = 75;

/** `promise`, or nothing after `ms` (a database that never answers must not hold a stop). */
const within = (promise: Promise<unknown> | undefined, ms: number): Promise<unknown> =>
  Promise.race([promise?.catch(() => {}), new Promise((resolve) => setTimeout(resolve, ms).unref())]);

/** --port: 0 to 65535 (0: any free port). */
export function portArg(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
}

export function serveCommand(ctx: CliContext): Command {
  return new Command('serve')
    .description('serve the Pact API (and its documentation at /api/docs)')
    .addOption(
      new Option('--port <n>', 'TCP port (0: any free port)').default(8080).env('PORT').argParser(portArg),
    )
    .addOption(
      new Option('--host <address>', 'address to bind; 0.0.0.0 to serve the network')
        .default('127.0.0.1')
        .env('HOST'),
    )
    .option('--quiet', 'no request log')
    .action(async (opts: ServeOptions) => {
      const env = ctx.env ?? {};
      const sweepSeconds = sweepSecondsOf(env);
      trustProxyOf(env); // a wrong setting stops before the database is opened
      authCacheSecondsOf(env);
      const requestLimits = requestLimitsOf(env);
      // issue 20: the exchange with other installations (a wrong file stops before the database is opened)
      const federation = await federationOf(env);
      const options = storeOptions(env);
      // issue 20: the real clock, or the test clock of PACT_CLOCK_OFFSET_FILE (src/cli/clock.ts)
      const clock = serverClock(env, ctx.stderr);
      await letGo(ctx);
      const store = await openStore({ ...options, holder: 'pact serve' });
      const services = {
        law: LAW,
        clock,
        uuid: randomUUID,
        recognitionRates: loadRecognitionRates(),
        ...(federation ? { outbox: outboxService(federation.self, randomUUID) } : {}),
      };
      try {
        const oneTime = await firstAdministrator(ctx, store.db, services.clock(), () =>
          adminPasswordPath(env, options),
        );
        await serveStore(ctx, new CaseStore(store, services), opts, {
          label: options.label,
          sweepSeconds,
          requestLimits,
          ...(oneTime ? { oneTime } : {}),
          ...(federation ? { federation } : {}),
        });
      } catch (e) {
        await store.close();
        throw e;
      }
    });
}

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly quiet?: boolean;
}

/**
 * The request limits (src/api/limits.ts), each changeable: PACT_WRITES_PER_MINUTE (per account),
 * PACT_PUBLIC_PER_MINUTE (per address, no-login routes), PACT_PUBLIC_CACHE_SECONDS (0: no cache).
 */
export function requestLimitsOf(env: Readonly<Record<string, string | undefined>>): RequestLimits {
  const n = (name: string, fallback: number, min: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${name}: a whole number from ${min}`);
    return Number(v);
  };
  const cache = n('PACT_PUBLIC_CACHE_SECONDS', Number(DEFAULT_LIMITS.publicCacheSeconds), 0);
  return {
    writesPerAccountPerMinute: n('PACT_WRITES_PER_MINUTE', DEFAULT_LIMITS.writesPerAccountPerMinute, 1),
    publicPerAddressPerMinute: n('PACT_PUBLIC_PER_MINUTE', DEFAULT_LIMITS.publicPerAddressPerMinute, 1),
    publicCacheSeconds: cache === 0 ? false : cache,
  };
}

/** PACT_FEDERATION: the exchange's configuration (src/federation/peers.ts), with the sender's settings checked. */
export async function federationOf(
  env: Readonly<Record<string, string | undefined>>,
): Promise<Federation | undefined> {
  if (!env.PACT_FEDERATION) return undefined;
  try {
    senderOptionsOf(env);
    return await loadFederation(env.PACT_FEDERATION);
  } catch (e) {
    if (e instanceof FederationConfigError || e instanceof Error) throw new UsageError(e.message);
    throw e;
  }
}

/** PACT_SWEEP_SECONDS: seconds between deadline sweeps (default 60; 0: never). */
export function sweepSecondsOf(env: Readonly<Record<string, string | undefined>>): number {
  const sweepSeconds = Number(env.PACT_SWEEP_SECONDS ?? 60);
  if (!Number.isFinite(sweepSeconds) || sweepSeconds < 0)
    throw new UsageError('PACT_SWEEP_SECONDS: a number of seconds between deadline sweeps (0: never)');
  return sweepSeconds;
}

/**
 * issue 21: PACT_AUTH_CACHE_SECONDS, the seconds a successful credential lookup is remembered (default 5, at
 * most 60; 0: none). A credential revoked or an account disabled by another process stops working within it.
 */
export function authCacheSecondsOf(env: Readonly<Record<string, string | undefined>>): number {
  const v = env.PACT_AUTH_CACHE_SECONDS;
  if (v === undefined || v === '') return DEFAULT_AUTH_CACHE_SECONDS;
  if (!/^\d+$/.test(v) || Number(v) > 60)
    throw new UsageError('PACT_AUTH_CACHE_SECONDS: a whole number of seconds from 0 to 60');
  return Number(v);
}

/** PACT_TRUST_PROXY (src/api/trust-proxy.ts); a wrong value is a usage error (exit 2, one line). */
export function trustProxyOf(
  env: Readonly<Record<string, string | undefined>>,
): number | string[] | undefined {
  try {
    return parseTrustProxy(env.PACT_TRUST_PROXY);
  } catch {
    throw new UsageError(TRUST_PROXY_USAGE);
  }
}

/**
 * Serves an open store until SIGTERM or SIGINT, then finishes the requests in flight and closes the store
 * (`pact serve` and `pact demo` share it). `onListening` runs once the server answers.
 */
export async function serveStore(
  ctx: CliContext,
  cases: CaseStore,
  opts: ServeOptions,
  how: {
    label: string;
    sweepSeconds: number;
    requestLimits: RequestLimits;
    oneTime?: OneTime;
    onListening?: (address: string) => void;
    /** issue 20: PACT_FEDERATION's peers: the inbox's route and the sender loop */
    federation?: Federation;
  },
): Promise<void> {
  const env = ctx.env ?? {};
  const { store, services } = cases;
  const trustProxy = trustProxyOf(env);
  const authCacheSeconds = authCacheSecondsOf(env);
  let stop: (() => Promise<void>) | undefined;
  let failed: string | undefined;
  const onFatal = (reason: string) => {
    if (failed) return;
    failed = reason;
    // one line, no statement, no parameters: what failed, and what happens now
    app.log.fatal(
      { reason },
      `the database cannot be used (${reason}): stopping with exit code ${FATAL_EXIT_CODE}`,
    );
    ctx.stderr(`the database cannot be used (${reason}): stopping with exit code ${FATAL_EXIT_CODE}\n`);
    ctx.setExitCode?.(FATAL_EXIT_CODE);
    void stop?.();
  };
  const logFederation = (what: string) => (e: unknown) =>
    app.log.error({ err: { type: (e as Error)?.constructor?.name } }, `federation: ${what} failed`);
  const inbox =
    how.federation &&
    openInbox(cases, how.federation, logFederation('applying a message'), {
      // refused posts that named no configured peer: one line a minute, no audit entry each
      notice: (line) => app.log.warn(line),
    });
  const app = await buildServer(
    {
      ...(how.federation && inbox ? { federation: { config: how.federation, inbox } } : {}),
      store,
      cases,
      services,
      secureCookies: env.PACT_SECURE_COOKIES === '1',
      ...(trustProxy !== undefined ? { trustProxy } : {}),
      loginRateLimit: { max: ACCOUNT_RULES.loginsPerAddressPerMinute, timeWindow: '1 minute' },
      requestLimits: how.requestLimits,
      onFatal,
      authCacheSeconds,
    },
    opts.quiet ? false : { level: env.PACT_LOG_LEVEL ?? 'info' },
  );
  const address = await app.listen({ port: opts.port, host: opts.host });
  ctx.stderr(
    `Pact serves ${address} (the web application; API: ${address}/api, documentation: ${address}/api/docs) on the ${how.label}\n`,
  );
  if (how.oneTime && 'password' in how.oneTime)
    ctx.stderr(
      `First start: administrator account "admin" (jurisdiction EU) with the one-time password\n\n    ${how.oneTime.password}\n\nIt is shown only now; change it at the first login (POST /api/auth/password).\nCreating or resetting an administrator needs a second administrator's approval: add the second one on this machine with \`pact user add NAME --role administrator --state EU\` (on the embedded database, while the server is stopped).\n`,
    );
  else if (how.oneTime)
    ctx.stderr(
      `First start: administrator account "admin" (jurisdiction EU); its one-time password is in ${how.oneTime.file} (readable by this system account only) — read it, delete the file, and change the password at the first login (POST /api/auth/password).\nCreating or resetting an administrator needs a second administrator's approval: add the second one on this machine with \`pact user add NAME --role administrator --state EU\` (on the embedded database, while the server is stopped).\n`,
    );
  how.onListening?.(address);
  // issue 20: messages received before a stop are applied now; the sender delivers the outbox until SIGTERM
  inbox?.kick();
  const sender: Sender | undefined =
    how.federation &&
    startSender(cases, how.federation, { ...senderOptionsOf(env), onError: logFederation('sending') });
  // every minute, each deadline that passed is written into its case (flags such as registration-overdue,
  // which the queue, the monitors and the statistics show), and relocation proposals left unanswered are
  // confirmed (AMMR Art. 67(9))
  const sweepMs = how.sweepSeconds * 1000;
  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    // issue 20: a message whose application failed for a passing reason (the database) is tried again
    inbox?.kick();
    sweeping ??= Promise.all([
      cases.sweepOverdue(),
      confirmSilentTransfers(store.db, LAW, services.clock(), cases),
      // issue 20: requests of other states left unanswered are accepted (confirmed) by silence (AMMR Arts 40, 41(3), 45)
      acceptSilentRequests(store.db, services.clock()),
      // issue 20: once per closed month, a member state's figures to the Union (idempotent by month)
      // (only where the Union's installation is a configured peer: otherwise the message could never be delivered)
      sweepUnionFigures(
        store.db,
        services.outbox,
        how.federation?.peers.has('EU') ? how.federation.self : undefined,
        services.clock(),
      ),
    ])
      .then(
        ([n, silent, requests]) =>
          void (
            n + silent + requests > 0 &&
            app.log.info(
              { recorded: n, confirmedBySilence: silent, requestsAcceptedBySilence: requests },
              'deadlines passed recorded',
            )
          ),
        (e) => {
          const fatal = fatalDatabaseError(e);
          if (fatal) onFatal(fatal);
          else app.log.error({ err: { type: (e as Error)?.constructor?.name } }, 'deadline sweep failed');
        },
      )
      .finally(() => {
        sweeping = undefined;
      });
  };
  // issue 21: the statistics roll-ups refreshed in the background at start and after each sweep, so that a read
  // finds little left to count (store/rollup-warmup.ts); at stop, awaited as the sweep is (bounded)
  let warming: Promise<void> | undefined;
  const warm = () => {
    warming ??= warmRollups(store.db, services.clock())
      .then(
        (w) =>
          void (
            (w.statistics !== 0 || w.subjects !== 0) &&
            app.log.info({ statistics: w.statistics, subjects: w.subjects, ms: w.ms }, 'statistics rolled up')
          ),
        (e) => {
          const fatal = fatalDatabaseError(e);
          if (fatal) onFatal(fatal);
          else app.log.warn({ err: { type: (e as Error)?.constructor?.name } }, 'statistics roll-up failed');
        },
      )
      .finally(() => {
        warming = undefined;
      });
  };
  const tick = () => {
    sweep();
    void sweeping?.then(() => (stopped ? undefined : warm()));
  };
  let stopped = false;
  const timer = sweepMs > 0 ? setInterval(tick, sweepMs) : undefined;
  timer?.unref();
  tick();
  await new Promise<void>((resolve) => {
    let stopping: Promise<void> | undefined;
    stop = () => {
      stopping ??= (async () => {
        clearInterval(timer);
        stopped = true;
        process.off('SIGTERM', signal);
        process.off('SIGINT', signal);
        if (!failed) ctx.stderr('stopping: finishing the requests in flight\n');
        await within(sweeping, STOP_TIMEOUT_MS);
        await within(warming, STOP_TIMEOUT_MS);
        await within(sender?.stop(), STOP_TIMEOUT_MS);
        await within(inbox?.idle(), STOP_TIMEOUT_MS);
        // stops listening at once; waits for the requests in flight (bounded)
        await within(app.close(), STOP_TIMEOUT_MS);
        await within(store.close(), STOP_TIMEOUT_MS);
        resolve();
      })();
      return stopping;
    };
    const signal = () => void stop?.();
    process.on('SIGTERM', signal);
    process.on('SIGINT', signal);
    if (failed) void stop();
  });
}
