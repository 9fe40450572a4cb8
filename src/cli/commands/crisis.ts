// `pact crisis declare`: records a crisis declaration (CFMR) and whom it covers; its derogations then apply
// to the encounters it covers, and only to them.
import { Command, Option } from 'commander';
import { CRISIS_KINDS } from '../../law/deadlines.ts';
import { LAW } from '../../law/law.ts';
import { CrisisInputError, declareCrisis } from '../../store/crises.ts';
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
    .addOption(new Option('--to <date>', 'last day').argParser(parseDate).makeOptionMandatory())
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
  return cmd;
}
