// `pact demo` from the command to a usable dashboard (issue #7: target < 10 s). Three figures, each the
// median of RUNS runs, in one run of this script:
//   baseline   `pact serve` on a new empty embedded database: process start until it answers (what any start
//              costs: Node, the modules, PGlite's initdb, the migrations)
//   ready      `pact demo --port 0 --data-dir <new folder>` until it prints "Ready" (the scenario built, served)
//   dashboard  ready, then a browser logs in as the analyst and the dashboard has drawn its charts
// and the ratio of each to the baseline. Needs the production build (npm run build) and Debian's Chromium.
// Run: npm run bench:demo [-- --runs 3]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/e2e/browser.ts';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3);
const PASSWORD = 'pact-demo-password';

/** Starts `pact …`, resolves with the address once stderr shows `marker`; the process keeps running. */
function start(
  args: string[],
  env: Record<string, string>,
  marker: RegExp,
): Promise<{ child: ChildProcess; address: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/pact.js', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    let address = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      address ||= /serves (http:\/\/[^\s]+)/.exec(err)?.[1] ?? '';
      if (address && marker.test(err)) resolve({ child, address });
    });
    child.on('exit', (code) => reject(new Error(`pact ${args[0]} exited ${code}: ${err}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
const baseline: number[] = [];
const ready: number[] = [];
const dashboard: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const root = mkdtempSync(join(tmpdir(), 'pact-bench-demo-'));
  try {
    let t = performance.now();
    const serve = await start(
      ['serve', '--port', '0', '--quiet'],
      { PACT_DATA_DIR: join(root, 'empty'), PACT_SWEEP_SECONDS: '0' },
      /serves/,
    );
    baseline.push(performance.now() - t);
    serve.child.stderr?.removeAllListeners('data');
    await stop(serve.child);

    t = performance.now();
    const demo = await start(
      ['demo', '--port', '0', '--quiet', '--data-dir', join(root, 'demo')],
      {},
      /Ready in/,
    );
    ready.push(performance.now() - t);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(demo.address);
    await page.getByLabel('Username').fill('analyst');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.locator('.chart svg').nth(3).waitFor({ timeout: 60_000 });
    dashboard.push(performance.now() - t);
    await page.context().close();
    await stop(demo.child);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
await browser.close();

const b = median(baseline);
const row = (name: string, xs: number[]) =>
  `${name.padEnd(46)} ${(median(xs) / 1000).toFixed(2).padStart(7)} s  (${(median(xs) / b).toFixed(1)}× baseline; runs: ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')})`;
console.log(`pact demo, median of ${RUNS} runs (2 shared cores: compare with the baseline of the same run)`);
console.log(row('baseline: pact serve on an empty database', baseline));
console.log(row('pact demo: command → serving ("Ready")', ready));
console.log(row('pact demo: command → dashboard drawn (analyst)', dashboard));
console.log(`target: a usable dashboard in < 10 s — ${median(dashboard) < 10_000 ? 'met' : 'missed'}`);
