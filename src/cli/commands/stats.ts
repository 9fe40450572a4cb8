// `pact stats`: statistics from the records. `pact stats eurostat`: monthly first-time asylum applicants in
// Eurostat's migr_asyappctzm columns, as CSV (with --public, cells below 5 hidden as in the public API).

import { Command, InvalidArgumentError, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { STATE_TIME_ZONES } from '../../law/calendar/time-zones.ts';
import {
  EUROSTAT_COLUMNS,
  firstTimeApplicants,
  MONTH_PATTERN,
  SUPPRESS_BELOW,
} from '../../store/eurostat.ts';
import { type CliContext, UsageError } from '../context.ts';
import { parseCountry } from '../options.ts';
import { withStore } from '../store-session.ts';

function parseMonth(text: string): string {
  const t = text.trim();
  if (!MONTH_PATTERN.test(t)) throw new InvalidArgumentError('not a month (YYYY-MM)');
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
    .option('--public', `hide cells below ${SUPPRESS_BELOW} (as the public API does)`)
    .action(async (opts: { state: string; from: string; to: string; public?: boolean }) => {
      if (opts.from > opts.to) throw new UsageError('--from is after --to');
      const rows = await withStore(ctx, (_cs, store) =>
        firstTimeApplicants(store.db, {
          state: opts.state,
          from: opts.from,
          to: opts.to,
          timeZone: STATE_TIME_ZONES[opts.state as keyof typeof STATE_TIME_ZONES],
          suppress: Boolean(opts.public),
        }),
      );
      ctx.stdout(stringify(rows, { header: true, columns: [...EUROSTAT_COLUMNS] }));
    });
  return cmd;
}
