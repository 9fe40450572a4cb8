// `pact retention sweep [--dry-run] [--at DATE]`: erases the personal data whose retention period is over
// (docs/retention.md), leaving what statistics count, with one audit entry per kind saying what, how many
// and why. --dry-run says what would be erased and writes nothing.
import { Command, Option } from 'commander';
import { LAW } from '../../law/law.ts';
import { sweepRetention } from '../../store/retention.ts';
import { type CliContext, UsageError } from '../context.ts';
import { parseDate } from '../options.ts';
import { withStore } from '../store-session.ts';

export function retentionCommand(ctx: CliContext): Command {
  const cmd = new Command('retention').description('retention periods of personal data (docs/retention.md)');
  cmd
    .command('sweep')
    .description('erase the personal data past its retention period; statistics keep their counts')
    .option('--dry-run', 'say what would be erased; write nothing')
    .addOption(
      new Option(
        '--at <date>',
        'measure the periods to the end of this day (UTC, today or earlier), not to now',
      ).argParser(parseDate),
    )
    .option('--actor <name>', 'who runs the sweep (recorded in the audit log)', 'cli')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { dryRun?: boolean; at?: string; actor: string; format: string }) => {
      const now = ctx.now();
      const at = opts.at ? new Date(`${opts.at}T23:59:59.999Z`) : now;
      // a later day would erase data before its period ends
      if (opts.at && opts.at > now.toISOString().slice(0, 10))
        throw new UsageError(`--at ${opts.at} is after today (UTC): a sweep cannot erase ahead of time`);
      const report = await withStore(ctx, (_cs, store) =>
        sweepRetention(store.db, LAW, { at, now, dryRun: opts.dryRun === true, actor: opts.actor }),
      );
      if (opts.format === 'json') {
        ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const lines = [
        `${report.dryRun ? 'would erase (dry run, nothing written)' : 'erased'}: personal data past its period at ${report.at}`,
      ];
      for (const k of report.kinds) {
        const counts = Object.entries(k.records)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ');
        lines.push(`  ${k.kind}: ${counts}`);
        for (const r of k.reasons)
          lines.push(`    ${r.count}${r.category ? ` ${r.category}` : ''}: ${r.reason}`);
        // rows that no longer match their audit entry are left as they are (erasing would launder the change)
        for (const t of k.tampered ?? [])
          lines.push(
            `    NOT ERASED, does not match its audit entry (altered, or written before salts; run pact audit verify): case ${t.caseId} seq ${t.seq}`,
          );
      }
      ctx.stdout(`${lines.join('\n')}\n`);
    });
  return cmd;
}
