// `npm run federation:dev`: two member states and the Union on this machine, each its own `pact serve`
// process (test/federation/processes.ts) — the Union EU on port 3100, Lithuania on 3101, Poland on 3102 — with
// its data, keys, federation.json (PACT_FEDERATION) and test-clock file in ./scratch/federation/<party>/.
// The first run makes, in each, the administrator "admin" (its one-time password printed once) and one
// synthetic account per role of that party, `<role>.<party>` (e.g. case-officer.lt, administrator.pl,
// eu-solidarity-coordinator.eu) with the password PASSWORD of processes.ts, so that a walk-through needs no
// account set-up; later runs keep the data, the accounts, the keys and the clock offsets. For development and drills only: synthetic data, plain HTTP on 127.0.0.1.
//
//   npm run build              # once: the web application the three servers serve
//   npm run federation:dev     # Ctrl-C stops all three
//
// Move one installation's clock (tests and drills only): write milliseconds into
// scratch/federation/<party>/clock-offset (e.g. `echo 2678400000 > scratch/federation/pl/clock-offset`
// puts PL 31 days ahead); each server reads its file again within 200 ms.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PASSWORD, startInstallations } from '../test/federation/processes.ts';

const PARTIES = [
  { party: 'EU', port: 3100 },
  { party: 'LT', port: 3101 },
  { party: 'PL', port: 3102 },
] as const;

const root = resolve('scratch/federation');
const verbose = process.argv.includes('--verbose');
console.log(`Starting ${PARTIES.map((p) => p.party).join(', ')} in ${root} (the first start takes a while)…`);
const net = await startInstallations(
  PARTIES.map((p) => ({
    party: p.party,
    port: p.port,
    dir: resolve(root, p.party.toLowerCase()),
    firstAdmin: true,
  })),
  {
    sweepSeconds: 5,
    logLevel: verbose ? 'info' : 'warn',
    onLog: (party, chunk) => {
      for (const line of chunk.split('\n')) if (line.trim()) process.stderr.write(`[${party}] ${line}\n`);
    },
  },
);

console.log('');
for (const i of net.all) {
  const password = i.oneTimePassword
    ? `administrator "admin", one-time password ${i.oneTimePassword} (change it at the first login)`
    : existsSync(resolve(i.dir, 'admin-password'))
      ? `administrator "admin": its one-time password is in ${resolve(i.dir, 'admin-password')}`
      : 'administrator "admin": its password was set at the first start';
  console.log(`${i.party.padEnd(2)}  ${i.url}  ${password}`);
  console.log(`    data ${i.dataDir}; federation ${i.federationFile}`);
}
console.log(
  `\nIn each, one account per role of its party, <role>.<party> (case-officer.lt, case-officer.pl, administrator.lt,\n` +
    `eu-solidarity-coordinator.eu …), password ${PASSWORD} (synthetic, for this machine only).\nCtrl-C stops all three.`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping EU, LT and PL…');
  await Promise.all(net.all.map((i) => i.stop()));
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
