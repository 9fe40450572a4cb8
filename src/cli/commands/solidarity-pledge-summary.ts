// `pact solidarity pledge-summary --state LT --year 2026 [--lang lt] [--out FILE] [--actor NAME]`: a member
// state's pledge summary for the solidarity coordinator as PDF (AMMR Arts 56–64: fair share, pledge,
// deductions, offsets, implementation; src/store/pledge-summary.ts), the print entered in the audit log
// (`document.printed`). The CLI runs on the server machine as its operator, as the other solidarity commands.
import { Command, Option } from 'commander';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { AUTHORITY_LANGUAGES } from '../../domain/documents/kinds.ts';
import { LAW } from '../../law/law.ts';
import { UnknownPoolError } from '../../law/pool.ts';
import { NoFairShare, printPledgeSummary, type SummaryLanguage } from '../../store/pledge-summary.ts';
import { type CliContext, UsageError } from '../context.ts';
import { parseCountry, parseYear } from '../options.ts';
import { writePrivateFile } from '../private-file.ts';
import { withStore } from '../store-session.ts';

export function pledgeSummaryCommand(ctx: CliContext): Command {
  return new Command('pledge-summary')
    .description(
      "a state's pledge summary as PDF: fair share, pledge, deductions, offsets, implementation (AMMR Arts 56–64); the print is logged",
    )
    .requiredOption('--state <state>', 'the member state', parseCountry)
    .addOption(new Option('--year <year>', 'the year of the cycle').argParser(parseYear).default(2026))
    .addOption(new Option('--lang <language>', 'the language').choices(AUTHORITY_LANGUAGES).default('en'))
    .option('--out <file>', 'where to write the PDF (default: pledge-summary-YEAR-STATE-LANG.pdf)')
    .option('--actor <name>', 'who prints it (the audit log names it)', 'cli')
    .action(
      async (opts: {
        state: MemberStateCode;
        year: number;
        lang: SummaryLanguage;
        out?: string;
        actor: string;
      }) => {
        const printed = await withStore(ctx, (_cs, store) =>
          printPledgeSummary(
            store.db,
            LAW,
            { year: opts.year, state: opts.state, language: opts.lang },
            { actor: opts.actor, role: 'solidarity-coordinator' },
            ctx.now(),
          ),
        ).catch((e: unknown) => {
          if (e instanceof NoFairShare) throw new UsageError(e.message);
          if (e instanceof UnknownPoolError) throw new UsageError(`no solidarity cycle ${opts.year}`);
          throw e;
        });
        const path = opts.out ?? printed.fileName;
        writePrivateFile(path, printed.bytes);
        ctx.stdout(
          `pledge summary of ${opts.state} for ${opts.year} (${opts.lang}), sha256 ${printed.sha256}\nwritten to ${path} (${printed.bytes.length} bytes)\n`,
        );
      },
    );
}
