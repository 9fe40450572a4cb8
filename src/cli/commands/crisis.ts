// `pact crisis declare`: records a crisis declaration (CFMR) and whom it covers; its derogations then apply
// to the encounters it covers, and only to them.
import { Command, Option } from 'commander';
import { DateTime } from 'luxon';
import { CRISIS_KINDS } from '../../law/deadlines.ts';
import { LAW } from '../../law/law.ts';
import { appendAudit } from '../../store/audit.ts';
import { retryStaleWrites } from '../../store/chain-retry.ts';
import { listPlaces } from '../../store/places.ts';
import { crisisDeclarations } from '../../store/schema.ts';
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
        if (opts.to < opts.from) throw new UsageError('--to is before --from');
        // CFMR Art. 5: the law must be in force on the first day, and all periods together last at most 12 months
        const max = LAW.periodAt('crisis.maximum-total', opts.from);
        const limit =
          DateTime.fromISO(opts.from, { zone: 'UTC' })
            .plus({ [max.unit]: max.amount })
            .toISODate() ?? '';
        if (opts.to >= limit)
          throw new UsageError(
            `a crisis lasts at most ${max.amount} ${max.unit} (Crisis Regulation Art. 5(3)): --to must be before ${limit}`,
          );
        const id = crypto.randomUUID();
        await withStore(ctx, async (_cs, store) => {
          const sections = (await listPlaces(store.db, opts.state))
            .filter((p) => p.kind === 'border-section')
            .map((p) => p.id);
          const unknown = (opts.borderSection ?? []).filter((b) => !sections.includes(b));
          if (unknown.length > 0) {
            throw new UsageError(
              `unknown border section ${unknown.join(', ')} in ${opts.state} (known: ${sections.join(', ') || 'none; pact places import first'})`,
            );
          }
          await retryStaleWrites(() =>
            store.db.transaction(async (tx) => {
              await tx.insert(crisisDeclarations).values({
                id,
                state: opts.state,
                kind: opts.kind,
                startsOn: opts.from,
                endsOn: opts.to,
                legalAct: opts.act,
                borderSections: opts.borderSection ?? [],
                createdAt: ctx.now(),
              });
              const data = {
                state: opts.state,
                kind: opts.kind,
                from: opts.from,
                to: opts.to,
                act: opts.act,
                sections: opts.borderSection ?? [],
              };
              await appendAudit(tx as never, [
                { at: ctx.now(), actor: 'cli', action: 'crisis.declared', subject: id, data },
              ]);
            }),
          );
        });
        ctx.stdout(
          `crisis ${id}: ${opts.kind} in ${opts.state} from ${opts.from} to ${opts.to}${opts.borderSection ? `, covering ${opts.borderSection.join(', ')}` : ''}\n`,
        );
      },
    );
  return cmd;
}
