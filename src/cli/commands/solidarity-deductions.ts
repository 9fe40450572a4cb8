// `pact solidarity deduction`: a state's request to deduct from its pledged contributions and the decision on
// it (AMMR Arts 61–62). Registered by solidarity.ts.
import { type Command, Option } from 'commander';
import { LAW } from '../../law/law.ts';
import { assessmentDueOn } from '../../solidarity/deductions.ts';
import { decideDeduction, loadCycle, requestDeduction } from '../../store/solidarity.ts';
import { type CliContext, today, UsageError } from '../context.ts';
import { parseCountry, parseDate } from '../options.ts';
import { withStore } from '../store-session.ts';
import { percentNumber, yearOption } from './solidarity-options.ts';

export function addDeductionCommands(cmd: Command, ctx: CliContext): void {
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
}
