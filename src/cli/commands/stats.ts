// `pact stats`: statistics from the records. `pact stats eurostat`: monthly first-time asylum applicants in
// Eurostat's migr_asyappctzm columns, as CSV (with --public, as the public API: ended months, cells below 5
// hidden, the others rounded to multiples of 5).
// `pact stats monitoring-report`: the monitoring mechanism's report of a state and period (CSV or a printable
// HTML page, as GET /api/monitoring/report; with --public, counts from 1 to 4 hidden, the others rounded).

import { Command, InvalidArgumentError, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { SAFE_CSV } from '../../api/csv.ts';
import { REPORT_COLUMNS, REPORT_FORMATS, type ReportFormat, reportCsv } from '../../api/monitoring-report.ts';
import { reportHtml } from '../../api/monitoring-report-html.ts';
import { HttpProblem } from '../../api/problem.ts';
import { checkPeriod, MAX_DAYS, ReportDay } from '../../api/report-period.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/time-zones.ts';
import { rounderOf, roundingKey } from '../../store/disclosure.ts';
import { EUROSTAT_COLUMNS, lastEndedMonth, MONTH_PATTERN, SUPPRESS_BELOW } from '../../store/eurostat.ts';
import { rolledUpFirstTimeApplicants, rolledUpMonitoring } from '../../store/monitoring-rolled-up.ts';
import { type CliContext, UsageError } from '../context.ts';
import { parseCountry } from '../options.ts';
import { withStore } from '../store-session.ts';

function parseMonth(text: string): string {
  const t = text.trim();
  if (!MONTH_PATTERN.test(t)) throw new InvalidArgumentError('not a month (YYYY-MM)');
  return t;
}

/** A day of a report period, as the API accepts it (YYYY-MM-DD, from 1900). */
function parseReportDay(text: string): string {
  const t = text.trim();
  const r = ReportDay.safeParse(t);
  if (!r.success)
    throw new InvalidArgumentError('not a calendar date from 1900-01-01 in the form YYYY-MM-DD');
  return t;
}

export function statsCommand(ctx: CliContext): Command {
  const cmd = new Command('stats').description('statistics computed from the records (SQL aggregates)');
  cmd
    .command('eurostat')
    .description(
      "monthly first-time asylum applicants by citizenship, sex and age class, in Eurostat's migr_asyappctzm columns (CSV)",
    )
    .addOption(new Option('--state <code>', 'the member state').argParser(parseCountry).makeOptionMandatory())
    .addOption(
      new Option('--from <month>', 'first month (YYYY-MM)').argParser(parseMonth).makeOptionMandatory(),
    )
    .addOption(new Option('--to <month>', 'last month (YYYY-MM)').argParser(parseMonth).makeOptionMandatory())
    .option(
      '--public',
      `as the public API: months that have ended, cells below ${SUPPRESS_BELOW} hidden, the others randomly rounded to a multiple of ${SUPPRESS_BELOW}`,
    )
    .action(async (opts: { state: string; from: string; to: string; public?: boolean }) => {
      if (opts.from > opts.to) throw new UsageError('--from is after --to');
      const timeZone = STATE_TIME_ZONES[opts.state as keyof typeof STATE_TIME_ZONES];
      // for publication, as the public API: months that have ended only (a running month changes daily)
      const ended = lastEndedMonth(ctx.now(), timeZone);
      if (opts.public && opts.to > ended)
        throw new UsageError(`--to: a month that has ended for --public: at the latest ${ended}`);
      const rows = await withStore(ctx, async (_cs, store) => {
        const rounding = opts.public ? { round: rounderOf(await roundingKey(store.db)) } : {};
        // issue 21: from the monthly roll-up, as the API (the same rows as the live count,
        // test/api/monitoring-rollup.test.ts), on the primary (its refresh writes), waiting for a refresh under way
        return rolledUpFirstTimeApplicants(
          store.db,
          { state: opts.state, from: opts.from, to: opts.to, timeZone, ...rounding },
          { wait: true },
        );
      });
      ctx.stdout(stringify(rows, { ...SAFE_CSV, header: true, columns: [...EUROSTAT_COLUMNS] }));
    });
  cmd
    .command('monitoring-report')
    .description(
      "the monitoring mechanism's report (Screening Regulation Art. 10) of a state for a period: every indicator with its legal basis, counts only, as CSV or a printable HTML page",
    )
    .addOption(new Option('--state <code>', 'the member state').argParser(parseCountry).makeOptionMandatory())
    .addOption(
      new Option('--from <date>', "first day (YYYY-MM-DD, in the state's time zone)")
        .argParser(parseReportDay)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--to <date>', `last day (YYYY-MM-DD); at most ${MAX_DAYS} days in all`)
        .argParser(parseReportDay)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--format <format>', `csv (columns ${REPORT_COLUMNS.join(', ')}) or html`)
        .choices(REPORT_FORMATS)
        .default('csv'),
    )
    .option(
      '--public',
      `for publication: counts from 1 to ${SUPPRESS_BELOW - 1} hidden, the others rounded to multiples of ${SUPPRESS_BELOW} (without it every count is exact, for the monitoring body)`,
    )
    .action(
      async (opts: { state: string; from: string; to: string; format: ReportFormat; public?: boolean }) => {
        try {
          checkPeriod(opts.from, opts.to);
        } catch (e) {
          if (e instanceof HttpProblem) throw new UsageError(`--to: ${e.errors?.[0]?.reason ?? e.detail}`);
          throw e;
        }
        const now = ctx.now();
        const { m, key } = await withStore(ctx, async (_cs, store) => ({
          // issue 21: from the roll-ups, as GET /api/monitoring/report, waiting for a refresh under way
          m: await rolledUpMonitoring(
            store.db,
            {
              state: opts.state,
              from: opts.from,
              to: opts.to,
              timeZone: STATE_TIME_ZONES[opts.state as keyof typeof STATE_TIME_ZONES],
              now,
            },
            { wait: true },
          ),
          key: opts.public ? await roundingKey(store.db) : undefined,
        }));
        const options = key ? { public: true, key } : { public: false };
        ctx.stdout(
          opts.format === 'html' ? reportHtml(m, { ...options, generatedAt: now }) : reportCsv(m, options),
        );
      },
    );
  return cmd;
}
