// `pact solidarity`: the annual solidarity cycle (AMMR Part IV). The cycle and its fair shares, a state's
// pledge, deduction requests and decisions, relocation candidates, the matching and its transfers, the
// balances, and the scenario simulator.
import { readFileSync } from 'node:fs';
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { LAW } from '../../law/law.ts';
import { parseCandidatesCsv } from '../../solidarity/candidates-csv.ts';
import { assessmentDueOn } from '../../solidarity/deductions.ts';
import { pledgeFromSplit } from '../../solidarity/pledges.ts';
import { TransferStepError } from '../../solidarity/transfers.ts';
import type { RelocationCriteria } from '../../solidarity/types.ts';
import {
  addCandidates,
  confirmSilentTransfers,
  decideDeduction,
  listTransfers,
  loadCycle,
  recordPayment,
  requestDeduction,
  savePledge,
  stepTransfer,
  TransferNotFound,
} from '../../store/solidarity.ts';
import { runMatching, simulateCycle, solidarityReport } from '../../store/solidarity-report.ts';
import { type CliContext, today, UsageError } from '../context.ts';
import {
  localTime,
  renderBalances,
  renderCycle,
  renderMatch,
  renderScenario,
  renderTransfers,
  SOLIDARITY_FORMATS,
  type SolidarityFormat,
} from '../format/solidarity.ts';
import {
  parseCountry,
  parseDate,
  parseEuroCents,
  parsePercent,
  parsePersons,
  parseYear,
} from '../options.ts';
import { withStore } from '../store-session.ts';
import { pledgeSummaryCommand } from './solidarity-pledge-summary.ts';

const TRANSFER_STEPS = ['confirm', 'refuse', 'transferred', 'did-not-appear'] as const;

const percentNumber = (text: string): number => {
  const p = parsePercent(text);
  return (Number(p.numerator) / Number(p.denominator)) * 100;
};
const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
const yearOption = () =>
  new Option('--year <year>', 'the year of the cycle').argParser(parseYear).default(2026);
const formatOption = () =>
  new Option('--format <format>', 'output format').choices(SOLIDARITY_FORMATS).default('table');

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

  const deduction = cmd
    .command('deduction')
    .description('deductions of pledged contributions (AMMR Arts 61–62)');
  deduction
    .command('request')
    .argument('<state>', 'the requesting member state', parseCountry)
    .addOption(yearOption())
    .addOption(
      new Option(
        '--article <article>',
        'Art. 61 (migratory pressure) or 62 (significant migratory situation)',
      )
        .choices(['61', '62'])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--percent <percent>', 'the share of the pledge to deduct')
        .argParser(percentNumber)
        .makeOptionMandatory(),
    )
    .addOption(new Option('--on <date>', 'date of the request (default today)').argParser(parseDate))
    .option(
      '--reasoning <text>',
      'AMMR Art. 62(1): why a state the Commission did not identify considers itself in a significant migratory situation',
    )
    .action(
      async (
        state: string,
        opts: { year: number; article: '61' | '62'; percent: number; on?: string; reasoning?: string },
      ) => {
        const cycle = loadCycle(LAW, opts.year, today(ctx));
        if (
          opts.article === '62' &&
          !cycle.deductionEligible.includes(state as never) &&
          !opts.reasoning?.trim()
        )
          throw new UsageError(
            `${state} is not identified as facing a significant migratory situation in ${opts.year} (identified: ${cycle.deductionEligible.join(', ')}): a state that considers itself in one may request a deduction under Art. 62(1) with --reasoning`,
          );
        const requestedOn = opts.on ?? today(ctx);
        const id = await withStore(ctx, (_cs, store) =>
          requestDeduction(
            store.db,
            {
              state: state as never,
              year: opts.year,
              article: opts.article,
              requestedOn,
              requestedPercent: opts.percent,
              ...(opts.reasoning?.trim() ? { reasoning: opts.reasoning.trim() } : {}),
            },
            'cli',
            ctx.now(),
          ),
        );
        ctx.stdout(
          `deduction ${id}: ${state} asks to deduct ${opts.percent} % of its ${opts.year} pledge (AMMR Art. ${opts.article}); the Commission assesses it by ${requestedOn >= '2026-07-01' ? assessmentDueOn(requestedOn, LAW) : '(the 4-week assessment applies from 1 July 2026)'} (AMMR Art. 61)\n`,
        );
      },
    );
  deduction
    .command('decide')
    .argument('<id>', 'the deduction request')
    .addOption(
      new Option('--granted <percent>', 'the share granted (0: refused)')
        .argParser(percentNumber)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--on <date>', 'date of the Council act').argParser(parseDate).makeOptionMandatory(),
    )
    .requiredOption('--act <reference>', 'the Council implementing act')
    .action(async (id: string, opts: { granted: number; on: string; act: string }) => {
      const ok = await withStore(ctx, (_cs, store) =>
        decideDeduction(
          store.db,
          id,
          {
            status: opts.granted === 0 ? 'refused' : 'granted',
            grantedPercent: opts.granted,
            decidedOn: opts.on,
            act: opts.act,
          },
          'cli',
          ctx.now(),
        ),
      );
      if (!ok) throw new UsageError(`no open deduction request ${id}`);
      ctx.stdout(
        `deduction ${id}: ${opts.granted === 0 ? 'refused' : `${opts.granted} % granted`} (${opts.act}, ${opts.on})\n`,
      );
    });

  cmd
    .command('candidates')
    .description(
      'add relocation candidates of a benefitting state from a CSV file (synthetic persons in demonstrations)',
    )
    .argument(
      '<file>',
      'CSV: id,from,family_id,kind,protection_granted_on,consent,nationality,minor,vulnerabilities,languages,security_hit[,case_id]',
    )
    .addOption(yearOption())
    .action(async (file: string, opts: { year: number }) => {
      // the same reading as the web's upload (POST /api/solidarity/:year/candidates/csv): all errors, no partial add
      const read = parseCandidatesCsv(readFileSync(file, 'utf8'));
      if (!read.ok)
        throw new UsageError(
          `${file}: nothing added, ${read.errors.length} ${read.errors.length === 1 ? 'error' : 'errors'}:\n${read.errors
            .slice(0, 50)
            .map((e) => `  line ${e.line}, ${e.column}: ${e.reason}`)
            .join('\n')}${read.errors.length > 50 ? `\n  and ${read.errors.length - 50} more` : ''}`,
        );
      const candidates = read.lines.map((l) => l.candidate);
      const n = await withStore(ctx, (_cs, store) =>
        addCandidates(store.db, opts.year, candidates, 'cli', ctx.now()),
      );
      ctx.stdout(`${n} candidates added for ${opts.year}\n`);
    });

  cmd
    .command('match')
    .description(
      'match the candidates to the relocation pledges (AMMR Art. 67) and propose each match; --dry-run only shows it',
    )
    .argument('<year>', 'the year of the cycle', parseYear)
    .option('--dry-run', 'show the matching, propose nothing')
    .addOption(
      new Option('--from <state>', 'only the candidates of this benefitting state').argParser(parseCountry),
    )
    .addOption(formatOption())
    .action(async (year: number, opts: { dryRun?: boolean; from?: string; format: SolidarityFormat }) => {
      const run = await withStore(ctx, (_cs, store) =>
        runMatching(store.db, LAW, year, ctx.now(), {
          dryRun: Boolean(opts.dryRun),
          actor: 'cli',
          ...(opts.from ? { from: opts.from as never } : {}),
        }),
      );
      ctx.stdout(renderMatch(run, opts.format));
    });

  cmd
    .command('transfers')
    .description('the relocation transfers of the year, with their deadlines')
    .addOption(yearOption())
    .addOption(new Option('--state <code>', 'from or to this member state').argParser(parseCountry))
    .addOption(formatOption())
    .action(async (opts: { year: number; state?: string; format: SolidarityFormat }) => {
      const list = await withStore(ctx, async (cs, store) => {
        await confirmSilentTransfers(store.db, LAW, ctx.now(), cs);
        return listTransfers(store.db, opts.year, opts.state ? { state: opts.state } : {});
      });
      ctx.stdout(renderTransfers(list, opts.format));
    });

  cmd
    .command('transfer')
    .description('a step of a relocation transfer (AMMR Art. 67(9)–(11), Art. 68)')
    .argument('<id>', 'the transfer')
    .addArgument(new Argument('<step>', 'what happened').choices(TRANSFER_STEPS))
    .addOption(new Option('--at <date>', 'when (default now)').argParser(parseDate))
    .option('--exceptional', 'confirmation in the exceptional 2 weeks (Art. 67(9))')
    .action(async (id: string, step: string, opts: { at?: string; exceptional?: boolean }) => {
      const at = opts.at ? new Date(`${opts.at}T12:00:00Z`) : ctx.now();
      const t = await withStore(ctx, (cs, store) =>
        stepTransfer(store.db, LAW, id, step as never, at, 'cli', ctx.now(), opts.exceptional, cs).catch(
          (e: unknown) => {
            if (e instanceof TransferNotFound) throw new UsageError(`no transfer ${id}`);
            if (e instanceof TransferStepError) throw new UsageError(e.message);
            throw e;
          },
        ),
      );
      ctx.stdout(
        `transfer ${t.id}: ${t.status}${t.status === 'confirmed' && t.transferDueAt ? `; the transfer is due by ${localTime(t.transferDueAt, t.from)} (AMMR Art. 67(11))` : ''}\n`,
      );
    });

  cmd
    .command('payment')
    .description('record money paid or an alternative measure delivered against a pledge')
    .argument('<state>', 'the paying member state', parseCountry)
    .addOption(yearOption())
    .requiredOption('--eur <amount>', 'the amount (or the value of the measure) in euros', parseEuroCents)
    .addOption(
      new Option('--kind <kind>', 'financial or alternative')
        .choices(['financial', 'alternative'])
        .default('financial'),
    )
    .addOption(new Option('--on <date>', 'date paid (default today)').argParser(parseDate))
    .option('--description <text>', 'what was delivered (for an alternative measure)')
    .action(
      async (
        state: string,
        opts: {
          year: number;
          eur: number;
          kind: 'financial' | 'alternative';
          on?: string;
          description?: string;
        },
      ) => {
        const id = await withStore(ctx, (_cs, store) =>
          recordPayment(
            store.db,
            {
              year: opts.year,
              state: state as never,
              kind: opts.kind,
              eurCents: opts.eur,
              paidOn: opts.on ?? today(ctx),
              ...(opts.description ? { description: opts.description } : {}),
            },
            'cli',
            ctx.now(),
          ),
        );
        ctx.stdout(`payment ${id} recorded\n`);
      },
    );

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
