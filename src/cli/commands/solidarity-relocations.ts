// `pact solidarity` relocations: candidates of a benefitting state, the matching, the transfers and their steps,
// and payments against a pledge (AMMR Arts 67–68). Registered by solidarity.ts.
import { readFileSync } from 'node:fs';
import { Argument, type Command, Option } from 'commander';
import { LAW } from '../../law/law.ts';
import { parseCandidatesCsv } from '../../solidarity/candidates-csv.ts';
import { TransferStepError } from '../../solidarity/transfers.ts';
import {
  addCandidates,
  confirmSilentTransfers,
  listTransfers,
  recordPayment,
  stepTransfer,
  TransferNotFound,
} from '../../store/solidarity.ts';
import { runMatching } from '../../store/solidarity-report.ts';
import { type CliContext, today, UsageError } from '../context.ts';
import { localTime, renderMatch, renderTransfers, type SolidarityFormat } from '../format/solidarity.ts';
import { parseCountry, parseDate, parseEuroCents, parseYear } from '../options.ts';
import { withStore } from '../store-session.ts';
import { formatOption, yearOption } from './solidarity-options.ts';

const TRANSFER_STEPS = ['confirm', 'refuse', 'transferred', 'did-not-appear'] as const;

export function addRelocationCommands(cmd: Command, ctx: CliContext): void {
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
}
