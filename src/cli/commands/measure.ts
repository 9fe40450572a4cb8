// `pact measure list | activate`: national emergency measures beside the Crisis Regulation (issue 17;
// law/national/emergency-measures.ts) and their activations — Poland's restriction at most 60 days at once,
// an extension only with the Sejm's consent (checked: src/domain/guarantees/national-measures.ts).
import { Command, Option } from 'commander';
import { NATIONAL_MEASURE_IDS, NATIONAL_MEASURES } from '../../../law/national/emergency-measures.ts';
import { CommandRejectedError } from '../../domain/errors.ts';
import { listActivations, recordActivation } from '../../store/national-measures.ts';
import { type CliContext, UsageError } from '../context.ts';
import { parseCountry, parseDate } from '../options.ts';
import { withStore } from '../store-session.ts';

export function measureCommand(ctx: CliContext): Command {
  const cmd = new Command('measure').description(
    'national emergency measures beside the Crisis Regulation (Lithuania 2023, Poland 2025; REPORTED)',
  );
  cmd
    .command('list')
    .description('the measures, and the activations recorded (of one state with --state)')
    .addOption(new Option('--state <code>', 'the member state').argParser(parseCountry))
    .action(async (opts: { state?: string }) => {
      const activations = await withStore(ctx, (_cs, store) => listActivations(store.db, opts.state));
      for (const m of NATIONAL_MEASURES.filter((x) => !opts.state || x.state === opts.state)) {
        ctx.stdout(
          `${m.id} (${m.state}) ${m.article}\n  at most: ${m.maximumDays ? `${m.maximumDays} days at once` : 'as long as the declared situation'}; never for: ${m.exceptedGroups.join(', ')}\n`,
        );
        for (const a of activations.filter((x) => x.measure === m.id))
          ctx.stdout(
            `  ${a.startsOn} – ${a.endsOn}  ${a.area}  ${a.act}${a.extendsId ? ` (extends ${a.extendsId.slice(0, 8)}${a.consent ? `; consent: ${a.consent}` : ''})` : ''}\n`,
          );
      }
    });
  cmd
    .command('activate')
    .description('record an activation or extension of a measure: its area, first and last day, and act')
    .addOption(new Option('--state <code>', 'the member state').argParser(parseCountry).makeOptionMandatory())
    .addOption(
      new Option('--measure <id>', 'the measure').choices(NATIONAL_MEASURE_IDS).makeOptionMandatory(),
    )
    .requiredOption('--area <section>', 'the border section or area')
    .addOption(new Option('--from <date>', 'first day').argParser(parseDate).makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last day').argParser(parseDate).makeOptionMandatory())
    .requiredOption('--act <reference>', 'the act that switches it on, e.g. "Dz.U. 2025 poz. 390"')
    .option('--extends <id>', 'for an extension: the activation it extends')
    .option('--consent <reference>', "for a Polish extension: the Sejm's consent")
    .action(
      async (opts: {
        state: string;
        measure: (typeof NATIONAL_MEASURE_IDS)[number];
        area: string;
        from: string;
        to: string;
        act: string;
        extends?: string;
        consent?: string;
      }) => {
        const id = await withStore(ctx, (_cs, store) =>
          recordActivation(
            store.db,
            {
              measure: opts.measure,
              state: opts.state,
              area: opts.area,
              startsOn: opts.from,
              endsOn: opts.to,
              act: opts.act,
              ...(opts.extends ? { extendsId: opts.extends } : {}),
              ...(opts.consent ? { consent: opts.consent } : {}),
            },
            ctx.now(),
            'cli',
          ).catch((e: unknown) => {
            if (e instanceof CommandRejectedError) throw new UsageError(e.reason);
            throw e;
          }),
        );
        ctx.stdout(`activation ${id}: ${opts.measure} in ${opts.state} from ${opts.from} to ${opts.to}\n`);
      },
    );
  return cmd;
}
