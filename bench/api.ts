// Benchmark of the HTTP API (POST /api/encounters) against a bare route. Prints figures; not a test.
//
//   npm run bench:api -- [--connections 10] [--duration 10] [--warmup 2]
//
// In one run, one after the other, each server in its own process and the load from another process (autocannon
// through its programmatic API, in a child process of this script):
// 1. the bare route: bench/bare-server.ts, one INSERT of an encounter-like row with pg (the baseline);
// 2. POST /api/encounters of `pact serve` on the same PostgreSQL;
// 3. POST /api/encounters of `pact serve` on the embedded PGlite database (a temporary PACT_DATA_DIR).
// Every request has its own Idempotency-Key and its own encounter reference (a counter in setupRequest). Before
// each measured run, a short warm-up run (not counted). Figures: answered requests per second (2xx), p50 and p99
// latency, non-2xx answers and errors, and the ratios against the bare route (target: ≥ 0.5 × its requests per
// second on PostgreSQL, ≥ 0.25 × on PGlite).
// BENCH_NODE_ARGS: node flags for the two Pact servers (e.g. `--cpu-prof --cpu-prof-dir=DIR`: a CPU profile each).
// PostgreSQL: DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres); a scratch database is created and
// dropped at the end.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addUserWithCli } from '../test/cli/user-add.ts';
import { sampleEncounter } from './sample-encounter.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------------------------------------------------
// the load generator (child process): `bench/api.ts --load '<LoadSpec as JSON>'`

interface LoadSpec {
  readonly url: string;
  readonly token?: string;
  readonly connections: number;
  readonly duration: number;
  readonly warmup: number;
  /** Makes keys and references unique across runs on the same database. */
  readonly prefix: string;
}

interface LoadFigures {
  readonly duration: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statuses: Record<string, number>;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
}

/** What this script uses of autocannon's programmatic API (the package ships no types). */
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p99: number; mean: number };
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

async function load(spec: LoadSpec): Promise<LoadFigures> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const run = async (duration: number, prefix: string) => {
    let n = 0;
    const request: AutocannonRequest = {
      method: 'POST',
      path: '/api/encounters',
      headers: {
        'content-type': 'application/json',
        ...(spec.token ? { authorization: `Bearer ${spec.token}` } : {}),
      },
      setupRequest: (req) => {
        n += 1;
        const id = `${prefix}-${n}`;
        return {
          ...req,
          headers: { ...req.headers, 'idempotency-key': `bench-${id}` },
          body: JSON.stringify(sampleEncounter(`BENCH-${id}`)),
        };
      },
    };
    return autocannon({
      url: spec.url,
      connections: spec.connections,
      duration,
      requests: [request],
    });
  };
  if (spec.warmup > 0) await run(spec.warmup, `${spec.prefix}w`);
  const r = await run(spec.duration, `${spec.prefix}m`);
  return {
    duration: r.duration,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statuses: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.mean,
  };
}

// ---------------------------------------------------------------------------------------------------------
// the orchestrator

const children = new Set<ChildProcess>();

/** Spawns a server; resolves with its stderr once `ready` matches it. */
function startProcess(
  args: string[],
  env: Record<string, string | undefined>,
  ready: (stderr: string) => boolean,
): Promise<{ proc: ChildProcess; stderr: () => string }> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${err}`)), 120_000);
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      err += chunk;
      if (ready(err)) {
        clearTimeout(timer);
        resolve({ proc, stderr: () => err });
      }
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code ?? signal}):\n${err}`));
    });
  });
}

async function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function call(
  base: string,
  path: string,
  payload: unknown,
  cookie?: string,
): Promise<{ status: number; json: Record<string, string>; cookie: string }> {
  const r = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(payload),
  });
  const text = await r.text();
  return {
    status: r.status,
    json: text ? JSON.parse(text) : {},
    cookie: r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

/** Through the API: the border guard's first login and password change, then its API token (write scope). */
async function borderGuardToken(base: string, oneTimePassword: string): Promise<string> {
  const must = <R extends { status: number; json: unknown }>(r: R, status: number, what: string): R => {
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
    return r;
  };
  const guard = must(
    await call(base, '/api/auth/login', { username: 'guard.bench', password: oneTimePassword }),
    200,
    'guard login',
  );
  must(
    await call(
      base,
      '/api/auth/password',
      { oldPassword: oneTimePassword, newPassword: 'quartz-meadow-lantern-4417-bench' },
      guard.cookie,
    ),
    204,
    'guard password',
  );
  const token = must(
    await call(base, '/api/auth/tokens', { name: 'bench', scopes: ['write'] }, guard.cookie),
    201,
    'token',
  );
  return token.json.token ?? '';
}

/**
 * Starts `pact serve` on `env` (after adding the border guard) and gets the guard's token. The load is one
 * account's: the per-account write limit is lifted, as the bare route has none.
 */
async function startPact(serverEnv: Record<string, string | undefined>) {
  const env = { ...serverEnv, PACT_WRITES_PER_MINUTE: '1000000000' };
  // added with the CLI before the server starts: a Union administrator does not create a state's guards
  const guardPassword = await addUserWithCli(env, 'guard.bench', 'border-guard', 'LT');
  // BENCH_NODE_ARGS: node flags for the Pact servers, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (a profile)
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const s = await startProcess([...nodeArgs, 'bin/pact.js', 'serve', '--port', '0', '--quiet'], env, (e) =>
    /Pact serves http/.test(e),
  );
  const url = /Pact serves (http:\/\/\S+)/.exec(s.stderr())?.[1] ?? '';
  return { proc: s.proc, url, token: await borderGuardToken(url, guardPassword) };
}

/** Runs the load in a child process; its last line of stdout is the figures, as JSON. */
function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  const proc = spawn(process.execPath, ['--import', 'tsx', SELF, '--load', JSON.stringify(spec)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(proc);
  let out = '';
  proc.stdout?.setEncoding('utf8');
  proc.stdout?.on('data', (c: string) => {
    out += c;
  });
  return new Promise((resolve, reject) =>
    proc.once('exit', (code) => {
      children.delete(proc);
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last) resolve(JSON.parse(last) as LoadFigures);
      else reject(new Error(`the load process exited with ${code}:\n${out}`));
    }),
  );
}

async function adminQuery(url: string, text: string): Promise<unknown[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      connections: { type: 'string', default: '10' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
    },
  });
  const connections = Number(args.connections);
  const duration = Number(args.duration);
  const warmup = Number(args.warmup);
  const base = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
  const dbName = `pact_bench_api_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'pact-bench-api-'));
  const { DATABASE_URL: _ignored, ...envWithoutDb } = process.env;
  const pgEnv = { ...envWithoutDb, DATABASE_URL: dbUrl.toString() };
  const spec = (url: string, token?: string): LoadSpec => ({
    url,
    ...(token ? { token } : {}),
    connections,
    duration,
    warmup,
    prefix: randomUUID().slice(0, 8),
  });
  const results: { name: string; figures: LoadFigures; rows?: number }[] = [];
  /** Rows the measured run (not the warm-up) wrote, to compare with its 2xx answers. */
  const rowsOf = async (table: string, of: LoadSpec) => {
    const [row] = (await adminQuery(
      dbUrl.toString(),
      `select count(*)::int as n from ${table} where ref like 'BENCH-${of.prefix}m-%'`,
    )) as { n: number }[];
    return row?.n ?? 0;
  };

  process.stderr.write(
    `bench:api — ${connections} connections, ${duration} s each (after ${warmup} s of warm-up), PostgreSQL ${dbUrl.host}/${dbName}\n`,
  );
  await adminQuery(base, `create database ${dbName}`);
  try {
    // 1. the bare route
    const bare = await startProcess(
      ['--import', 'tsx', 'bench/bare-server.ts'],
      { ...pgEnv, PORT: '0' },
      (e) => /bare serves http:\/\/\S+/.test(e),
    );
    const bareUrl = /bare serves (http:\/\/\S+)/.exec(bare.stderr())?.[1] ?? '';
    process.stderr.write(`bare route (pg) at ${bareUrl}: load…\n`);
    const bareSpec = spec(bareUrl);
    const bareFigures = await runLoad(bareSpec);
    await stopProcess(bare.proc);
    results.push({
      name: 'bare route, PostgreSQL',
      figures: bareFigures,
      rows: await rowsOf('bare_encounters', bareSpec),
    });

    // 2. Pact on PostgreSQL
    const onPg = await startPact(pgEnv);
    process.stderr.write(`pact serve (PostgreSQL) at ${onPg.url}: load…\n`);
    const pgSpec = spec(onPg.url, onPg.token);
    const pgFigures = await runLoad(pgSpec);
    await stopProcess(onPg.proc);
    results.push({
      name: 'Pact, PostgreSQL',
      figures: pgFigures,
      rows: await rowsOf('encounters', pgSpec),
    });

    // 3. Pact on PGlite
    const onPglite = await startPact({ ...envWithoutDb, PACT_DATA_DIR: join(dataDir, 'data') });
    process.stderr.write(`pact serve (PGlite) at ${onPglite.url}: load…\n`);
    results.push({ name: 'Pact, PGlite', figures: await runLoad(spec(onPglite.url, onPglite.token)) });
    await stopProcess(onPglite.proc);
  } finally {
    for (const c of children) c.kill('SIGKILL');
    await adminQuery(base, `drop database if exists ${dbName} with (force)`).catch((e) =>
      process.stderr.write(`could not drop ${dbName}: ${e}\n`),
    );
    rmSync(dataDir, { recursive: true, force: true });
  }

  const baseline = results[0]?.figures;
  const rps = (f: LoadFigures) => f.ok / f.duration;
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const lines = [
    '',
    `POST /api/encounters, ${connections} connections, ${duration} s (answered requests per second: 2xx only)`,
    '',
    `${'target'.padEnd(24)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('2xx', 8)}${pad('non-2xx', 9)}${pad('errors', 8)}${pad('rows', 8)}${pad('× bare req/s', 14)}${pad('× bare p99', 12)}`,
  ];
  for (const { name, figures: f, rows } of results) {
    lines.push(
      `${name.padEnd(24)}${pad(rps(f).toFixed(0), 9)}${pad(f.p50, 9)}${pad(f.p99, 9)}${pad(f.ok, 8)}${pad(f.non2xx, 9)}${pad(f.errors + f.timeouts, 8)}${pad(rows ?? '–', 8)}${pad(baseline ? (rps(f) / rps(baseline)).toFixed(2) : '–', 14)}${pad(baseline ? (f.p99 / baseline.p99).toFixed(1) : '–', 12)}`,
    );
  }
  lines.push('');
  for (const { name, figures: f } of results.slice(1)) {
    const ratio = baseline ? rps(f) / rps(baseline) : 0;
    // issue 21's targets: ≥ 0.5 × the bare route on PostgreSQL, ≥ 0.25 × on PGlite
    const target = name.includes('PGlite') ? 0.25 : 0.5;
    lines.push(
      `${name}: ${ratio.toFixed(2)} × the bare route's requests per second — ${ratio >= target ? 'meets' : 'BELOW'} the target of ${target}; status codes ${JSON.stringify(f.statuses)}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

const loadArg = process.argv.indexOf('--load');
if (loadArg >= 0) {
  const figures = await load(JSON.parse(process.argv[loadArg + 1] ?? '{}') as LoadSpec);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const stop = () => {
    for (const c of children) c.kill('SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await main();
  } catch (e) {
    for (const c of children) c.kill('SIGKILL');
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  }
}
