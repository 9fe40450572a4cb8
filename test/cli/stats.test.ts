// `pact stats eurostat`: the CSV's columns on an empty database, and one line with exit 2 for a bad month.
// (The counts themselves are tested through the store and the public API: test/api/eurostat.test.ts.)
// `pact stats monitoring-report`: below.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LEGAL_BASIS } from '../../src/store/monitoring.ts';
import { seededDataDir } from '../setup/seeded-data-dir.ts';
import { fileSession, pactIn } from './run.ts';

/** issue 21: every command of this file borrows one open store (test/cli/run.ts). */
const session = fileSession();

/**
 * One empty data folder for every command of this file (they only read), started from the migrated snapshot:
 * no initdb.
 */
let folder: Promise<string> | undefined;
const env = async () => {
  folder ??= seededDataDir('pact-stats-');
  return { PACT_DATA_DIR: await folder };
};

describe('pact stats eurostat', () => {
  it("prints Eurostat's migr_asyappctzm columns", async () => {
    const r = await pactIn(
      'stats eurostat --state LT --from 2026-06 --to 2026-12',
      await env(),
      undefined,
      session,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('freq,unit,citizen,sex,age,asyl_app,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n');
  }, 30_000);

  it('--public: months that have ended only (the clock of the run: 23 November 2026)', async () => {
    const running = await pactIn(
      'stats eurostat --state LT --from 2026-06 --to 2026-11 --public',
      await env(),
      undefined,
      session,
    );
    expect(running.code).toBe(2);
    expect(running.stderr).toMatch(/a month that has ended for --public: at the latest 2026-10/);
    const ended = await pactIn(
      'stats eurostat --state LT --from 2026-06 --to 2026-10 --public',
      await env(),
      undefined,
      session,
    );
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toBe('freq,unit,citizen,sex,age,asyl_app,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n');
  }, 30_000);

  it('a month that does not exist, or --from after --to: exit 2 with one line', async () => {
    const bad = await pactIn(
      'stats eurostat --state LT --from 2026-13 --to 2026-12',
      await env(),
      undefined,
      session,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a month/);
    const order = await pactIn(
      'stats eurostat --state LT --from 2026-12 --to 2026-06',
      await env(),
      undefined,
      session,
    );
    expect(order.code).toBe(2);
    expect(order.stderr).toMatch(/--from is after --to/);
  }, 30_000);
});

// `pact stats monitoring-report`: on an empty database every count is 0 (the figures of a data set are tested
// through the API, which writes the same report: test/api/monitoring-report.test.ts); help; bad input exit 2.
describe('pact stats monitoring-report', () => {
  const args = 'stats monitoring-report --state LT --from 2026-11-01 --to 2026-11-30';

  it('CSV (the default): one row per figure, each 0 on an empty database, with its legal basis', async () => {
    const r = await pactIn(args, await env(), undefined, session);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'state,from,to,as_of,indicator,measure,group,value,share,suppressed,legal_basis',
    );
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    // no obligation kinds and no kinds of force: registration 6 + refusals 3 + detentions 2 + force 3 = 14;
    // the guarantees (issue 17): representatives 6 + minors detained 3 + decisions without interview 3 +
    // removals inside an appeal window 2 + national measures 2 = 16; returns 6 (issue 22)
    expect(rows.map((x) => `${x.indicator}.${x.measure}`)).toEqual([
      'registrationWithinDeadline.asylumWishes',
      'registrationWithinDeadline.known',
      'registrationWithinDeadline.withinDeadline',
      'registrationWithinDeadline.late',
      'registrationWithinDeadline.notRegisteredOverdue',
      'registrationWithinDeadline.notRegisteredNotYetDue',
      'refusalsAfterWish.refused',
      'refusalsAfterWish.afterWish',
      'refusalsAfterWish.laterRegistered',
      'detentionsIrregularEntryOnly.detentions',
      'detentionsIrregularEntryOnly.irregularEntryOnly',
      'useOfForce.encounters',
      'useOfForce.withForce',
      'useOfForce.persons',
      'representativesLate.obligations',
      'representativesLate.inTime',
      'representativesLate.late',
      'representativesLate.notAppointedOverdue',
      'representativesLate.pending',
      'representativesLate.cancelled',
      'minorsDetained.detentions',
      'minorsDetained.minors',
      'minorsDetained.unaccompanied',
      'decisionsWithoutInterview.decisions',
      'decisionsWithoutInterview.withoutInterview',
      'decisionsWithoutInterview.interviewOmitted',
      'removalsInsideAppealWindow.removals',
      'removalsInsideAppealWindow.insideWindow',
      'nationalMeasures.refusals',
      'nationalMeasures.asylumWishesMet',
      // issue 22: returns
      'returns.voluntaryDeparted',
      'returns.assisted',
      'returns.forced',
      'returns.lapsedTurnedForced',
      'returns.lapsed',
      'returns.absconded',
    ]);
    for (const x of rows) {
      // the clock of the run (test/cli/run.ts): 23 Nov 2026 12:00 UTC; nothing to divide: no share
      expect(x).toMatchObject({
        state: 'LT',
        from: '2026-11-01',
        to: '2026-11-30',
        as_of: '2026-11-23T12:00:00.000Z',
        group: '',
        value: '0',
        share: '',
        suppressed: 'false',
      });
      expect(x.legal_basis).toBe(LEGAL_BASIS[x.indicator as keyof typeof LEGAL_BASIS]);
    }
    // --public hides nothing here: 0 stays 0
    const pub = await pactIn(`${args} --public`, await env(), undefined, session);
    expect(pub.code, pub.stderr).toBe(0);
    expect(pub.stdout).toBe(r.stdout);
  }, 30_000);

  it('--format html: the printable page, with the state, the period and every legal basis', async () => {
    const r = await pactIn(`${args} --format html --public`, await env(), undefined, session);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout).toContain('Lithuania (LT)');
    expect(r.stdout).toContain('2026-11-01 to 2026-11-30');
    expect(r.stdout).toContain('<time datetime="2026-11-23T12:00:00.000Z">');
    expect(r.stdout).toContain('No deadlines of persons met in the period.');
    expect(r.stdout).toContain('counts from 1 to 4 are hidden');
    // the five indicators of before, the five of the guarantees (issue 17), and returns (issue 22)
    expect(r.stdout.match(/Legal basis:/g)).toHaveLength(11);
    expect(r.stdout).not.toContain('<script');
  }, 30_000);

  it('help names every option', async () => {
    const r = await pactIn('stats monitoring-report --help', await env(), undefined, session);
    expect(r.code).toBe(0);
    for (const o of ['--state', '--from', '--to', '--format', '--public']) expect(r.stdout).toContain(o);
  });

  it('a bad date, state or format, --to before --from or more than 366 days: exit 2 with one line', async () => {
    const cases: [string, RegExp][] = [
      ['--state LT --from 2026-02-30 --to 2026-03-01', /not a calendar date/],
      ['--state LT --from 0000-01-01 --to 0000-01-02', /not a calendar date/],
      ['--state XX --from 2026-11-01 --to 2026-11-30', /not the code of an EU member state/],
      ['--state LT --from 2026-11-01 --to 2026-11-30 --format pdf', /--format/],
      ['--state LT --from 2026-11-30 --to 2026-11-01', /--to: is before from/],
      // 1 Jan 2026 to 2 Jan 2027: 367 days
      ['--state LT --from 2026-01-01 --to 2027-01-02', /at most 366 days/],
      ['--from 2026-11-01 --to 2026-11-30', /--state/],
    ];
    for (const [a, message] of cases) {
      const r = await pactIn(`stats monitoring-report ${a}`, await env(), undefined, session);
      expect(r.code, a).toBe(2);
      expect(r.stderr, a).toMatch(message);
      expect(r.stderr.trim().split('\n'), a).toHaveLength(1);
      expect(r.stdout, a).toBe('');
    }
  }, 30_000);
});
