// `pact solidarity`: the annual solidarity cycle (AMMR Part IV). The cycle and its fair shares, a state's
// pledge, deduction requests and decisions, relocation candidates, the matching and its transfers, the
// balances, and the scenario simulator.
import { Command, InvalidArgumentError, Option } from 'commander';
import { LAW } from '../../law/law.ts';
import { pledgeFromSplit } from '../../solidarity/pledges.ts';
import type { RelocationCriteria } from '../../solidarity/types.ts';
import { loadCycle, savePledge } from '../../store/solidarity.ts';
import { simulateCycle, solidarityReport } from '../../store/solidarity-report.ts';
import { type CliContext, today, UsageError } from '../context.ts';
import { renderBalances, renderCycle, renderScenario, type SolidarityFormat } from '../format/solidarity.ts';
import { parseCountry, parseEuroCents, parsePersons, parseYear } from '../options.ts';
import { withStore } from '../store-session.ts';
import { addDeductionCommands } from './solidarity-deductions.ts';
import { formatOption, list, percentNumber, yearOption } from './solidarity-options.ts';
import { pledgeSummaryCommand } from './solidarity-pledge-summary.ts';
import { addRelocationCommands } from './solidarity-relocations.ts';

const _TRANSFER_STEPS = ['confirm', 'refuse', 'transferred', 'did-not-appear'] as const;

/** "STATE=VALUE" pairs of the simulator (LT=50% or PL=100). */
function pairs(what: string) {
  return (text: string, previous: Record<string, string> = {}): Record<string, string> => {
    const m = /^([A-Za-z]{2})=(.+)$/.exec(text.trim());
    if (!m?.[1] || !m[2]) throw new InvalidArgumentError(`expected STATE=${what} (e.g. LT=50%)`);
    return { ...previous, [parseCountry(m[1])]: m[2] };
  };
}

export function solidarityCommand(ctx: CliContext): Command {
  const cmd = new Command('solidarity').description(
    'the annual solidarity cycle: pledges, deductions, offsets, relocations, balances (AMMR Part IV)',
  );

  cmd
    .command('cycle')
    .description(
      'the cycle of a year: proposal, classification, Council act, benefitting states, fair shares, pledges and offsets',
    )
    .argument('<year>', 'the year (e.g. 2026)', parseYear)
    .addOption(formatOption())
    .action(async (year: number, opts: { format: SolidarityFormat }) => {
      const report = await withStore(ctx, (_cs, store) => solidarityReport(store.db, LAW, year, today(ctx)));
      ctx.stdout(renderCycle(report, opts.format));
    });

  cmd
    .command('pledge')
    .description(
      "record a state's pledge for the year: a split of its fair share (--relocate 50%) or fixed numbers",
    )
    .argument('<state>', 'the pledging member state', parseCountry)
    .addOption(yearOption())
    .addOption(
      new Option('--relocate <percent>', 'relocate this share of the fair share, pay for the rest')
        .argParser(percentNumber)
        .conflicts(['relocations', 'eur']),
    )
    .addOption(new Option('--relocations <n>', 'persons to relocate').argParser(parsePersons))
    .addOption(new Option('--eur <amount>', 'financial contribution in euros').argParser(parseEuroCents))
    .option(
      '--alternative <description=EUR...>',
      'an alternative solidarity measure and its value in euros (repeatable)',
    )
    .option('--nationalities <codes>', 'relocation criteria: nationalities accepted (IQ,SY)')
    .addOption(
      new Option('--families <which>', 'relocation criteria: families').choices([
        'any',
        'singles-only',
        'families-only',
      ]),
    )
    .option('--languages <codes>', 'relocation criteria: at least one of these languages (AR,EN)')
    .addOption(
      new Option('--max-per-month <n>', 'relocation criteria: at most this many persons a month').argParser(
        parsePersons,
      ),
    )
    .action(
      async (
        state: string,
        opts: {
          year: number;
          relocate?: number;
          relocations?: number;
          eur?: number;
          alternative?: string[];
          nationalities?: string;
          families?: RelocationCriteria['families'];
          languages?: string;
          maxPerMonth?: number;
        },
      ) => {
        if (
          opts.relocate === undefined &&
          opts.relocations === undefined &&
          opts.eur === undefined &&
          !opts.alternative
        )
          throw new UsageError('give --relocate PERCENT, or --relocations, --eur and/or --alternative');
        const alternatives = (opts.alternative ?? []).map((a) => {
          const m = /^(.+)=(.+)$/.exec(a);
          if (!m?.[1] || !m[2]) throw new UsageError(`--alternative ${a}: expected DESCRIPTION=EUR`);
          return { description: m[1].trim(), valueCents: parseEuroCents(m[2]) };
        });
        const criteria: RelocationCriteria = {
          ...(opts.nationalities ? { nationalities: list(opts.nationalities) } : {}),
          ...(opts.families ? { families: opts.families } : {}),
          ...(opts.languages ? { languages: list(opts.languages).map((l) => l.toLowerCase()) } : {}),
          ...(opts.maxPerMonth ? { maxPerMonth: opts.maxPerMonth } : {}),
        };
        const cycle = loadCycle(LAW, opts.year, today(ctx));
        const share = cycle.fairShares.find((s) => s.state === state);
        if (!share)
          throw new UsageError(`${state} has no fair share of the ${opts.year} pool (not bound by the AMMR)`);
        const pledge =
          opts.relocate !== undefined
            ? pledgeFromSplit(share, opts.year, opts.relocate, cycle.eurPerRelocation, alternatives)
            : {
                state: share.state,
                year: opts.year,
                relocations: opts.relocations ?? 0,
                eurCents: opts.eur ?? 0,
                alternatives,
              };
        await withStore(ctx, (_cs, store) => savePledge(store.db, { ...pledge, criteria }, 'cli', ctx.now()));
        const report = await withStore(ctx, (_cs, store) =>
          solidarityReport(store.db, LAW, opts.year, today(ctx)),
        );
        ctx.stdout(renderBalances(report, 'table', state));
      },
    );

  addDeductionCommands(cmd, ctx);
  addRelocationCommands(cmd, ctx);

  cmd
    .command('balance')
    .description(
      'per state: pledged, after deductions, implemented, outstanding; and the Union total against the reference numbers',
    )
    .addOption(yearOption())
    .addOption(new Option('--state <code>', 'one member state').argParser(parseCountry))
    .addOption(formatOption())
    .action(async (opts: { year: number; state?: string; format: SolidarityFormat }) => {
      const report = await withStore(ctx, (_cs, store) =>
        solidarityReport(store.db, LAW, opts.year, today(ctx)),
      );
      ctx.stdout(renderBalances(report, opts.format, opts.state));
    });

  cmd
    .command('simulate')
    .description(
      'the adopted cycle side by side with a scenario: another pool, other pledges, deductions or arrivals',
    )
    .addOption(yearOption())
    .addOption(new Option('--relocations <n>', 'another pool size (relocations)').argParser(parsePersons))
    .addOption(
      new Option(
        '--pledge <STATE=PERCENT>',
        'a pledge as a split: relocate this share (repeatable, e.g. LT=50%)',
      ).argParser(pairs('PERCENT')),
    )
    .addOption(
      new Option('--deduct <STATE=PERCENT>', 'a granted deduction (repeatable, e.g. PL=100%)').argParser(
        pairs('PERCENT'),
      ),
    )
    .addOption(
      new Option(
        '--arrivals <n>',
        'persons expected to need relocation from the benefitting states',
      ).argParser(parsePersons),
    )
    .addOption(formatOption())
    .addHelpText(
      'after',
      '\nExample:\n  pact solidarity simulate --relocations 30000 --pledge LT=50% --deduct PL=100% --arrivals 40000',
    )
    .action(
      async (opts: {
        year: number;
        relocations?: number;
        pledge?: Record<string, string>;
        deduct?: Record<string, string>;
        arrivals?: number;
        format: SolidarityFormat;
      }) => {
        const scenario = {
          ...(opts.relocations ? { relocations: opts.relocations } : {}),
          ...(opts.pledge
            ? {
                pledges: Object.fromEntries(
                  Object.entries(opts.pledge).map(([s, p]) => [s, { relocatePercent: percentNumber(p) }]),
                ),
              }
            : {}),
          ...(opts.deduct
            ? {
                deductions: Object.fromEntries(
                  Object.entries(opts.deduct).map(([s, p]) => [s, percentNumber(p)]),
                ),
              }
            : {}),
          ...(opts.arrivals ? { arrivals: opts.arrivals } : {}),
        };
        const result = await withStore(ctx, (_cs, store) =>
          simulateCycle(store.db, LAW, opts.year, today(ctx), scenario),
        );
        ctx.stdout(renderScenario(result, opts.format));
      },
    );
  // issue 18: the pledge summary as PDF (its own file)
  cmd.addCommand(pledgeSummaryCommand(ctx));
  return cmd;
}
