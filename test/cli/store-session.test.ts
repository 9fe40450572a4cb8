// issue 21 (tests stay fast): a StoreSession in the context (src/cli/store-session.ts) lets the commands run in
// one process borrow one open store instead of each opening the database (about 1 s of CPU each). It must
// behave as commands that open their own: the data folder's lock held while it is open and released when it
// closes or moves to another database, the same errors (nothing kept after a failed open), the same answers,
// and a command that opens a store of its own (backup) finding the folder free as after a real command.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSession } from '../../src/cli/store-session.ts';
import { LOCK_FILE } from '../../src/store/data-folder-lock.ts';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { pactIn } from './run.ts';

const at = new Date('2026-12-09T10:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'pact-session-'));
const csv = join(dir, 'encounters.csv');
// one encounter of two synthetic persons (as in cases.test.ts) and one bad row (line 4)
writeFileSync(
  csv,
  [
    'encounter_ref,state,occurred_at,kind,group_size,border_section,force_used,force_kind,force_reason,nationality,sex,birth_year,minor,unaccompanied,vulnerabilities,asylum_wish_at,asylum_wish_where,asylum_wish_to',
    'SES-1,LT,2026-12-07T04:10:00+02:00,apprehended-irregular-crossing,2,LT-BY,,,,IQ,male,1990,,,,,,',
    'SES-1,LT,2026-12-07T04:10:00+02:00,apprehended-irregular-crossing,2,LT-BY,,,,IQ,female,1993,,,,,,',
    'SES-2,LT,2026-12-08T03:00:00+02:00,apprehended-irregular-crossing,1,LT-BY,,,,XXX,male,1999,,,,,,',
    '',
  ].join('\n'),
);

// each test opens one or two embedded databases: 60 s, as the CLI tests' set-up, for a loaded machine
describe('a StoreSession shared by the commands of one process', { timeout: 60_000 }, () => {
  const session = storeSession();
  let a: Record<string, string>;
  let b: Record<string, string>;
  beforeAll(async () => {
    a = { PACT_DATA_DIR: await seededDataDir('pact-session-a-') };
    b = { PACT_DATA_DIR: await seededDataDir('pact-session-b-') };
  }, 60_000);
  afterAll(() => session.close());
  const locked = (env: Record<string, string>) => existsSync(join(env.PACT_DATA_DIR as string, LOCK_FILE));

  it('the same answers as commands that each open the folder: import (exit 1, the bad line), a second import, audit verify', async () => {
    const commands = [`import encounters ${csv}`, `import encounters ${csv}`];
    const own = [];
    for (const args of commands) own.push(await pactIn(args, b, at));
    expect(locked(b)).toBe(false);
    const shared = [];
    for (const args of commands) shared.push(await pactIn(args, a, at, session));
    expect(own[0]?.code).toBe(1);
    expect(own[0]?.stderr).toMatch(/^line 4, column nationality/m);
    expect(own[1]?.stdout).toMatch(/0 encounters with 0 identified persons recorded; 1 encounters? already/);
    expect(shared).toEqual(own);
    expect((await pactIn('audit verify', a, at, session)).stdout).toMatch(/^audit log intact: \d+ entries/);
  });

  it('holds the folder while open: a command opening it on its own is refused, as beside a running server', async () => {
    await pactIn('queue --state LT', a, at, session);
    expect(locked(a)).toBe(true);
    const other = await pactIn('queue --state LT', a, at);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/in use by process \d+/);
  });

  it('closing lets go of the folder: the lock file is gone and another opener gets it', async () => {
    await session.close();
    expect(locked(a)).toBe(false);
    expect((await pactIn('queue --state LT', a, at)).code).toBe(0);
    expect((await pactIn('queue --state LT', a, at, session)).code).toBe(0);
    expect(locked(a)).toBe(true);
  });

  it('a command on another folder: the first is let go, as a separate command would have left it', async () => {
    expect(locked(a)).toBe(true);
    expect((await pactIn('audit verify', b, at, session)).code).toBe(0);
    expect(locked(a)).toBe(false);
    expect(locked(b)).toBe(true);
  });

  it('a folder that cannot be used: the same one line and exit 2 as without the session, and nothing is kept', async () => {
    for (const folder of ['/etc/hostname', '/proc/pact-data']) {
      const own = await pactIn('queue', { PACT_DATA_DIR: folder }, at);
      const shared = await pactIn('queue', { PACT_DATA_DIR: folder }, at, session);
      expect(own.code, folder).toBe(2);
      expect(shared, folder).toEqual(own);
    }
    // the failed open let go of b (the command named another database) and kept nothing: b opens again
    expect(locked(b)).toBe(false);
    expect((await pactIn('audit verify', b, at, session)).code).toBe(0);
  });

  it('pact backup of the folder the session holds: the session lets go first, so the backup is taken', async () => {
    expect(locked(b)).toBe(true);
    const file = join(dir, 'b.backup');
    const r = await pactIn(`backup ${file}`, b, at, session);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/backup written/);
  });
});
