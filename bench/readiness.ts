// Readiness under anonymous load (issue #14, finding 4): while N anonymous clients ask a heavy public query,
// how long does /readyz take? Prints figures; not a test.
//
//   npx tsx bench/readiness.ts --data-dir DIR [--root DIR] [--connections 16] [--duration 10] [--vary]
//
// DIR: a database built by `pact demo --no-serve --data-dir DIR` (copied first: the run does not change it).
// --root: the Pact checkout whose `bin/pact.js serve` is measured (default: this one), to compare versions.
// --vary: each request asks another period (no two alike: the cache cannot answer), else all ask the same.
// The server runs with its default limits, except PACT_PUBLIC_PER_MINUTE (one address here plays all the
// clients; set --public-per-minute to measure the limit itself).
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** What this script uses of autocannon's programmatic API (the package ships no types). */
interface Req {
  method?: string;
  path?: string;
  setupRequest?: (req: Req) => Req;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; requests: Req[] }) => Promise<{
  requests: { total: number };
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number };
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    root: { type: 'string', default: fileURLToPath(new URL('..', import.meta.url)) },
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '10' },
    vary: { type: 'boolean', default: false },
    'public-per-minute': { type: 'string', default: '1000000' },
    path: {
      type: 'string',
      default: '/api/public/aggregates?state=LT&from=2025-01-01&to=2025-12-31&granularity=day&by=place',
    },
  },
});
if (!values['data-dir']) throw new Error('--data-dir: a database built by pact demo --no-serve');

const work = mkdtempSync(join(tmpdir(), 'pact-bench-ready-'));
cpSync(values['data-dir'], join(work, 'db'), { recursive: true });

const server: ChildProcess = spawn(
  process.execPath,
  [join(values.root, 'bin', 'pact.js'), 'serve', '--port', '0', '--quiet'],
  {
    env: {
      ...process.env,
      PACT_DATA_DIR: join(work, 'db'),
      PACT_SWEEP_SECONDS: '0',
      PACT_PUBLIC_PER_MINUTE: values['public-per-minute'],
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
const address = await new Promise<string>((resolve, reject) => {
  let err = '';
  server.stderr?.on('data', (d) => {
    err += d;
    const m = /Pact serves (http:\/\/\S+)/.exec(err);
    if (m) resolve(m[1] as string);
  });
  server.on('exit', () => reject(new Error(`the server stopped: ${err}`)));
});

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

// one query alone first: its size and time
const t0 = performance.now();
const alone = await fetch(`${address}${values.path}`);
const body = await alone.arrayBuffer();
console.log(
  `one query alone: ${alone.status}, ${(body.byteLength / 1024).toFixed(0)} KiB, ${(performance.now() - t0).toFixed(0)} ms`,
);

const ready: number[] = [];
let polling = true;
const poll = (async () => {
  while (polling) {
    const s = performance.now();
    await fetch(`${address}/readyz`).then((r) => r.arrayBuffer());
    ready.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 200));
  }
})();

let n = 0;
const result = await autocannon({
  url: address,
  connections: Number(values.connections),
  duration: Number(values.duration),
  requests: [
    {
      method: 'GET',
      setupRequest: (req: Req) => {
        n += 1;
        // --vary: another last day each time (within the year): the cache never answers
        const day = 1 + (n % 28);
        const path = values.vary
          ? values.path.replace('2025-12-31', `2025-12-${String(day).padStart(2, '0')}`)
          : values.path;
        return { ...req, path };
      },
    },
  ],
});
polling = false;
await poll;

console.log(
  `${values.connections} anonymous clients, ${values.duration} s, ${values.vary ? 'every request another period' : 'the same query'} (${values.root}):`,
);
console.log(
  `  public query: ${result.requests.total} answered, 2xx ${result['2xx']}, non-2xx ${result.non2xx}, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
);
console.log(
  `  /readyz while loaded: ${ready.length} polls, p50 ${pct(ready, 50).toFixed(0)} ms, p99 ${pct(ready, 99).toFixed(0)} ms, max ${Math.max(...ready).toFixed(0)} ms`,
);
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
rmSync(work, { recursive: true, force: true });
