// `pact backup` / `pact restore` (issue 21): a backup of a data folder WHILE `pact serve` runs on it (a real
// child process holding the folder's lock), through the server's POST /api/backup; restored into an empty
// folder, its audit chain verifies and its counts equal the backup's. The attacks: a case officer's token asks
// the server for the whole database (403, no file); a restore over a folder that holds data (refused, the
// folder untouched); the backup file readable by others (it is 0600).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.ts';
import { type Installation, type Installations, startInstallations } from '../federation/processes.ts';
import { pactIn } from './run.ts';

/** The lines a drill compares: counts and the audit chain's state (the same from backup and restore). */
const factsOf = (out: string) =>
  out
    .split('\n')
    .filter((l) => /^(cases|actions|audit entries): \d+$|^audit log /.test(l))
    .join('\n');

describe('pact backup while pact serve runs, pact restore into an empty folder', () => {
  let net: Installations;
  let lt: Installation;
  const work = mkdtempSync(join(tmpdir(), 'pact-backup-'));
  const file = join(work, 'backup.tar.gz');
  let backupOut = '';

  beforeAll(async () => {
    net = await startInstallations([{ party: 'LT' }], { federation: false });
    lt = net.get('LT');
    for (const ref of ['BK-1', 'BK-2', 'BK-3']) {
      const r = await record(ref);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  }, 120_000);

  /** An encounter of two synthetic persons, an hour ago by the server's clock: two cases in one transaction. */
  const record = (ref: string) =>
    lt.session('border-guard').call(
      'POST',
      '/api/encounters',
      {
        ref,
        state: 'LT',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        kind: 'apprehended-irregular-crossing',
        groupSize: 2,
        persons: [
          { nationality: 'IQ', sex: 'male', birthYear: 1990 },
          { nationality: 'SY', sex: 'female', birthYear: 1993 },
        ],
      },
      { 'idempotency-key': `backup-test-${ref}` },
    );
  afterAll(async () => {
    await net?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const admin = () => lt.session('administrator').headers.authorization?.replace(/^Bearer /, '') ?? '';
  const co = () => lt.session('case-officer').headers.authorization?.replace(/^Bearer /, '') ?? '';

  it('without --url the folder is refused as in use, and the message says how to go through the server', async () => {
    const r = await pactIn(`backup ${file}`, { PACT_DATA_DIR: lt.dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/in use by process \d+ \(pact serve/);
    expect(r.stderr).toContain('--url');
    expect(() => statSync(file)).toThrow();
  });

  it("the attack: a case officer's token gets 403 from the route, and pact backup writes nothing", async () => {
    const r = await lt.session('case-officer').call('POST', '/api/backup');
    expect(r.status).toBe(403);
    const cli = await pactIn(`backup ${file} --url ${lt.url}`, { PACT_TOKEN: co() });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('refused the backup (403)');
    expect(readdirSync(work)).toEqual([]);
  });

  it("an administrator's token, while guards record: the file is owner-only (0600), whole encounters only", async () => {
    // encounters recorded while the backup is taken: each is in it whole or not at all
    const [r, ...written] = await Promise.all([
      pactIn(`backup ${file} --url ${lt.url}`, { PACT_TOKEN: admin() }),
      ...['BK-4', 'BK-5', 'BK-6'].map(record),
    ]);
    for (const w of written) expect(w.status).toBe(201);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    backupOut = r.stdout;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // from three to six encounters of two persons: an even number of cases from 6 to 12
    const cases = Number(/^cases: (\d+)$/m.exec(r.stdout)?.[1]);
    expect(cases).toBeGreaterThanOrEqual(6);
    expect(cases).toBeLessThanOrEqual(12);
    expect(cases % 2).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^actions: ${cases}$`, 'm'));
    expect(r.stdout).toMatch(/^audit log intact: \d+ entries; head [0-9a-f]{64}$/m);
    // never over an existing file without --force
    const again = await pactIn(`backup ${file} --url ${lt.url}`, { PACT_TOKEN: admin() });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  }, 60_000);

  it('restore into an empty folder: the same counts and chain head, and pact audit verify passes', async () => {
    const target = join(work, 'restored');
    mkdirSync(target);
    const r = await pactIn(`restore ${file}`, { PACT_DATA_DIR: target });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(factsOf(r.stdout)).toBe(factsOf(backupOut));
    expect(factsOf(r.stdout).split('\n')).toHaveLength(4);
    // the backup carried no lock of the serving process: the restored folder opens
    const verify = await pactIn('audit verify', { PACT_DATA_DIR: target });
    expect(verify.code).toBe(0);
    const head = /head ([0-9a-f]{64})/.exec(backupOut)?.[1];
    expect(verify.stdout).toContain(`head ${head}`);
    // the backup's own audit entry is in it: who took it
    const store = await openStore({ dataDir: target });
    try {
      const rows = await store.query<{ actor: string }>(
        "select actor from audit_log where action = 'backup.taken'",
      );
      expect(rows.map((r) => r.actor)).toEqual(['administrator.lt']);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('restore into a folder that is not empty is refused and the folder left as it was', async () => {
    const busy = join(work, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'keep.txt'), 'something of value\n');
    const r = await pactIn(`restore ${file}`, { PACT_DATA_DIR: busy });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty .*never overwrites/);
    expect(readdirSync(busy)).toEqual(['keep.txt']);
  });

  it('on PostgreSQL both refuse and point to pg_dump and WAL archiving', async () => {
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    for (const args of [`backup ${join(work, 'pg.tar.gz')}`, `restore ${file}`]) {
      const r = await pactIn(args, env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/pg_dump.*WAL archiving/);
    }
  });

  it('a file that is not a backup is refused before the folder is touched', async () => {
    const junk = join(work, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    const target = join(work, 'never-made');
    const r = await pactIn(`restore ${junk}`, { PACT_DATA_DIR: target });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a Pact backup');
    expect(() => statSync(target)).toThrow();
  });
});
