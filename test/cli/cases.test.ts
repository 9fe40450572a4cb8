// The store-backed commands on the embedded database: import, queue, case show, audit verify, crisis.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { fileSession, type Outcome, pactIn } from './run.ts';

/** issue 21: every command of this file borrows one open store (test/cli/run.ts). */
const session = fileSession();

const dir = mkdtempSync(join(tmpdir(), 'pact-cli-'));
/** The data folder, started from the migrated snapshot in beforeAll (no initdb). */
const env: Record<string, string> = {};
const at = new Date('2026-12-09T10:00:00Z');
const pact = (args: string): Promise<Outcome> => pactIn(args, env, at, session);

const HEADER =
  'encounter_ref,state,occurred_at,kind,group_size,border_section,force_used,force_kind,force_reason,nationality,sex,birth_year,minor,unaccompanied,vulnerabilities,asylum_wish_at,asylum_wish_where,asylum_wish_to';
const CSV = [
  HEADER,
  'VSAT-1,LT,2026-12-07T04:10:00+02:00,apprehended-irregular-crossing,5,LT-BY,,,,IQ,male,1990,,,,2026-12-07T04:30:00+02:00,Medininkai,border guard',
  'VSAT-1,LT,2026-12-07T04:10:00+02:00,apprehended-irregular-crossing,5,LT-BY,,,,IQ,female,1993,,,pregnant,2026-12-07T04:30:00+02:00,Medininkai,border guard',
  'VSAT-2,LT,2026-12-07T23:40:00+02:00,entry-prevented-refused,12,LT-BY,true,physical,resisted being turned back,,,,,,,,,',
  'VSAT-3,LT,2026-12-08T02:00:00+02:00,apprehended-irregular-crossing,2,LT-BY,,,,SY,unknown,1889,,,,,,',
  'VSAT-3,LT,2026-12-08T02:00:00+02:00,apprehended-irregular-crossing,2,LT-BY,,,,SY,female,2012,true,true,,,,',
  'VSAT-4,LT,2026-12-08T03:00:00+02:00,apprehended-irregular-crossing,1,LT-BY,,,,XXX,male,1999,,,,,,',
  'VSAT-5,LT,2026-12-08T03:00:00+02:00,apprehended-irregular-crossing,1,LT-BY,,,,AF,male,1999,,,,,,',
  'VSAT-1,LT,2026-12-07T04:10:00+02:00,apprehended-irregular-crossing,5,LT-BY,,,,CM,male,2001,,,,,,',
].join('\n');
const file = join(dir, 'encounters.csv');

describe('pact import encounters', () => {
  let first: Outcome;
  beforeAll(async () => {
    env.PACT_DATA_DIR = await seededDataDir('pact-cli-data-');
    writeFileSync(file, `${CSV}\n`);
    first = await pact(`import encounters ${file}`);
  }, 60_000);

  it('records the good encounters and reports every bad row with line, column and reason (exit 1)', () => {
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(
      /8 rows read: 3 encounters with 3 identified persons recorded; 0 encounters already imported before; 4 bad rows, not written/,
    );
    expect(first.stderr).toMatch(/^line 5, column birth_year: .*>=1900/m);
    expect(first.stderr).toMatch(/^line 6, column row: not imported: another row of its encounter is bad/m);
    expect(first.stderr).toMatch(/^line 7, column nationality: an ISO 3166-1 alpha-2 code/m);
    expect(first.stderr).toMatch(
      /^line 9, column encounter_ref: the rows of this encounter are not together/m,
    );
  });

  it('importing the same file again creates nothing new', async () => {
    const again = await pact(`import encounters ${file}`);
    expect(again.stdout).toMatch(
      /0 encounters with 0 identified persons recorded; 3 encounters already imported before/,
    );
  });

  it('a file with a missing required column is refused with exit 2', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'encounter_ref,state\nX,LT\n');
    const r = await pact(`import encounters ${bad}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 1: missing columns occurred_at, kind, group_size/);
  });

  it('pact queue shows the screening deadlines (Screening Regulation Art. 8(3)) of the imported persons', async () => {
    const r = await pact('queue --state LT --due 10d');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/screening/g)?.length).toBeGreaterThanOrEqual(3);
    expect(r.stdout).toMatch(/2026-12-14 24:00\s+LT\s+screening/);
  });

  it('pact queue pages: --limit gives a page and a cursor, --after the rest, in due order, nothing twice', async () => {
    const all = JSON.parse((await pact('queue --format json --due 10d')).stdout).items as {
      obligationId: number;
      dueAt: string;
    }[];
    // 3 identified persons: screening (Art. 8(3)) and Eurodac (Art. 22(2)) each = 6 open obligations
    expect(all).toHaveLength(6);
    const first = await pact('queue --due 10d --limit 4');
    const cursor = /--after (\S+)/.exec(first.stdout)?.[1] ?? '';
    expect(first.stdout).toMatch(/The first 4 open obligations due within 240 h or overdue; the next page/);
    const rest = JSON.parse((await pact(`queue --format json --due 10d --limit 4 --after ${cursor}`)).stdout);
    expect(rest.next).toBeUndefined();
    const page1 = JSON.parse((await pact('queue --format json --due 10d --limit 4')).stdout).items;
    expect([...page1, ...rest.items].map((i: { obligationId: number }) => i.obligationId)).toEqual(
      all.map((i) => i.obligationId),
    );
  });

  it('pact queue refuses --overdue with --due, an unknown kind, a bad limit or cursor (exit 2)', async () => {
    for (const [args, why] of [
      ['queue --overdue --due 3d', /cannot be used with option '--overdue'/],
      ['queue --kind sleeping', /Allowed choices are screening, eurodac/],
      ['queue --limit 0', /a whole number from 1 to 1000/],
      ['queue --limit 1001', /a whole number from 1 to 1000/],
      ['queue --after yesterday', /the cursor printed under the previous page/],
      ['queue --nationality Ira', /not a nationality: an ISO 3166-1 alpha-2 code such as IQ/],
      ['queue --nationality ZZ', /not a nationality: an ISO 3166-1 alpha-2 code such as IQ/],
    ] as const) {
      const r = await pact(args);
      expect(r.code, args).toBe(2);
      expect(r.stderr, args).toMatch(why);
    }
  });

  it('pact queue --nationality takes the code or the English name: Iraq is IQ, its 2 persons × 2 obligations', async () => {
    for (const v of ['IQ', 'iq', 'Iraq']) {
      const items = JSON.parse((await pact(`queue --format json --due 10d --nationality ${v}`)).stdout).items;
      expect(
        items.map((i: { nationality: string }) => i.nationality),
        v,
      ).toEqual(['IQ', 'IQ', 'IQ', 'IQ']);
    }
  });

  it('pact queue shows the days overdue: 2 on 16 December for a screening due by 14 December, 24:00', async () => {
    // Wednesday 16 December 2026, 12:00 in Vilnius: the 15th is day 1, the 16th day 2 (Reg. 1182/71 Art. 3(1))
    const r = await pactIn(
      'queue --state LT --kind screening',
      env,
      new Date('2026-12-16T10:00:00Z'),
      session,
    );
    expect(r.stdout).toMatch(/Days overdue/);
    expect(r.stdout).toMatch(/OVERDUE\s+2026-12-14 24:00\s+2\s+LT\s+screening/);
  });

  it('a data folder that cannot be used is one line and exit 2, never a hang or an internal error', async () => {
    for (const [folder, why] of [
      ['/proc/pact-data', /cannot create \/proc\/pact-data/],
      ['/etc/hostname', /is not a folder/],
      ['/etc/hostname/data', /a part of the path is a file/],
    ] as const) {
      const r = await pactIn('queue', { PACT_DATA_DIR: folder }, at);
      expect(r.code, folder).toBe(2);
      expect(r.stderr, folder).toMatch(why);
    }
  });

  it('pact case show prints the timeline with the legal basis and the deadlines', async () => {
    const q = JSON.parse((await pact('queue --format json --due 10d')).stdout).items as { caseId: string }[];
    const id = q[0]?.caseId ?? '';
    const r = await pact(`case show ${id.slice(0, 8)}`);
    expect(r.stdout).toMatch(/encounter\.recorded .* Screening Regulation Arts 5 and 7/);
    expect(r.stdout).toMatch(
      /screening\s+due by 2026-12-14 24:00\s+open\s+Screening Regulation Art\. 8\(3\)/,
    );
    // issue 17: the person's guarantees follow the deadlines (none applies to this adult in my branch's rules)
    expect(r.stdout).toMatch(/\nguarantees:\n {2}\S/);
  });

  it('an unknown case: one line, exit 2', async () => {
    const r = await pact('case show 00000000');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: case 00000000 not found\n');
  });

  it('pact audit verify: intact', async () => {
    const r = await pact('audit verify');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/audit log intact: \d+ entries/);
  });

  it('pact case apply: screening completed opens registration (APR Art. 27(1)); a stale version is refused with exit 2', async () => {
    const q = JSON.parse((await pact('queue --format json --due 10d --kind screening')).stdout).items as {
      caseId: string;
    }[];
    const id = q.find((i) => i.caseId)?.caseId ?? '';
    const json = JSON.stringify({
      type: 'screening.completed',
      at: '2026-12-08T12:00:00+02:00',
      outcome: 'asylum',
      // entered the next day (the clock: 9 December): a late entry gives its reason
      lateEntryReason: 'screening-sheet', // (the test's argument split knows no quotes)
    });
    const ok = await pact(`case apply ${id} --expected-version 1 --json ${json} --key k-apply-1`);
    expect(ok.code).toBe(0);
    // 8 Dec + 5 days = Sunday 13 December; Art. 3(4): Monday 14 December
    expect(JSON.parse(ok.stdout).result.opened).toEqual([
      { kind: 'registration', dueAt: '2026-12-15T00:00:00+02:00', article: 'APR Art. 27(1)' },
    ]);
    // the timeline shows the late entry: when it was entered (the clock: 9 Dec 10:00Z = 12:00 in Vilnius), and why
    const shown = await pact(`case show ${id}`);
    expect(shown.stdout).toMatch(
      /screening\.completed[^\n]*\n\s+late entry, entered 2026-12-09 12:00: screening-sheet\n/,
    );
    const stale = await pact(
      `case apply ${id} --expected-version 1 --json ${JSON.stringify({ type: 'eurodac.transmitted', at: '2026-12-08T13:00:00+02:00' })}`,
    );
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/is at version 2, not 1/);
    const prefix = await pact(`case apply ${id.slice(0, 8)} --expected-version 2 --json {}`);
    expect(prefix.stderr).toMatch(/give the full case id/);
  });

  it('pact sweep records passed deadlines once, however often it runs', async () => {
    const later = (args: string) => pactIn(args, env, new Date('2026-12-20T00:00:00Z'), session);
    const first = await later('sweep');
    const n = Number(first.stdout.split(' ')[0]);
    expect(n).toBeGreaterThan(0);
    expect((await later('sweep')).stdout).toBe('0 passed deadlines recorded\n');
    expect((await later('queue --overdue --format json')).stdout).toMatch(
      /asylum-wish-not-registered|screening-overdue/,
    );
  });

  it('pact crisis declare: checked against CFMR Art. 5 and the known border sections', async () => {
    await pact('places import data/places-lt.csv');
    expect(
      (
        await pact(
          'crisis declare --state LT --kind instrumentalisation --from 2026-12-01 --to 2028-01-01 --act X',
        )
      ).stderr,
    ).toMatch(/at most 12 months/);
    expect(
      (
        await pact(
          'crisis declare --state LT --kind instrumentalisation --from 2026-12-01 --to 2027-02-28 --act X --border-section NOPE',
        )
      ).stderr,
    ).toMatch(/unknown border section NOPE/);
    const ok = await pact(
      'crisis declare --state LT --kind instrumentalisation --from 2026-12-01 --to 2027-02-28 --act X --border-section LT-BY',
    );
    expect(ok.code).toBe(0);
    expect((await pact('audit verify')).code).toBe(0);
  });
});
