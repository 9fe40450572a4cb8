// `pact crisis declare`: records a crisis declaration (CFMR) and whom it covers; its derogations then apply
// to the encounters it covers, and only to them.
import { Command, Option } from 'commander';
import { CRISIS_KINDS } from '../../law/deadlines.ts';
import { LAW } from '../../law/law.ts';
import { CrisisInputError, declareCrisis, extendCrisis } from '../../store/crises.ts';
import { type CliContext, UsageError } from '../context.ts';
import { parseCountry, parseDate } from '../options.ts';
import { withStore } from '../store-session.ts';

export function crisisCommand(ctx: CliContext): Command {
  const cmd = new Command('crisis').description('crisis declarations (Regulation (EU) 2024/1359)');
  cmd
    .command('declare')
    .description('record a crisis declaration: its kind, period, legal act and the border sections it covers')
    .addOption(new Option('--state <code>', 'the member state').argParser(parseCountry).makeOptionMandatory())
    .addOption(new Option('--kind <kind>', 'kind of crisis').choices(CRISIS_KINDS).makeOptionMandatory())
    .addOption(new Option('--from <date>', 'first day').argParser(parseDate).makeOptionMandatory())
    .addOption(
      new Option('--to <date>', "last day of the initial Council decision's period")
        .argParser(parseDate)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--extended-to <date>',
        'last day after its extensions (CFMR Art. 5); the mass-arrivals registration derogation stops at --to (Art. 10(4))',
      ).argParser(parseDate),
    )
    .requiredOption('--act <reference>', 'the Council implementing decision authorising the derogations')
    .option(
      '--border-section <id...>',
      'border sections whose arrivals it covers (default: all arrivals in the state)',
    )
    .action(
      async (opts: {
        state: string;
        kind: string;
        from: string;
        to: string;
        extendedTo?: string;
        act: string;
        borderSection?: string[];
      }) => {
        const id = await withStore(ctx, (_cs, store) =>
          declareCrisis(
            store.db,
            LAW,
            { ...opts, borderSections: opts.borderSection },
            ctx.now(),
            'cli',
          ).catch((e: unknown) => {
            if (e instanceof CrisisInputError)
              throw new UsageError(e.message.replace('the last day', '--to'));
            throw e;
          }),
        );
        ctx.stdout(
          `crisis ${id}: ${opts.kind} in ${opts.state} from ${opts.from} to ${opts.to}${opts.borderSection ? `, covering ${opts.borderSection.join(', ')}` : ''}\n`,
        );
      },
    );
  // issue 17: an extension (CFMR Art. 5(1)–(2)) keeps the initial period apart (Art. 10(4))
  cmd
    .command('extend')
    .description('record the extension of a crisis declaration to a new last day (CFMR Art. 5)')
    .addOption(new Option('--state <code>', 'the member state').argParser(parseCountry).makeOptionMandatory())
    .requiredOption('--id <id>', 'the declaration')
    .addOption(new Option('--to <date>', 'the new last day').argParser(parseDate).makeOptionMandatory())
    .requiredOption('--act <reference>', 'the act extending it')
    .action(async (opts: { state: string; id: string; to: string; act: string }) => {
      await withStore(ctx, (_cs, store) =>
        extendCrisis(store.db, LAW, opts, ctx.now(), 'cli').catch((e: unknown) => {
          if (e instanceof CrisisInputError) throw new UsageError(e.message);
          throw e;
        }),
      );
      ctx.stdout(`crisis ${opts.id}: extended to ${opts.to}\n`);
    });
  return cmd;
}
