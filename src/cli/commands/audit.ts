// `pact audit verify`: walks the hash-chained audit log and names the first entry altered, removed or reordered.
import { Command } from 'commander';
import { verifyAudit, verifyRecords } from '../../store/audit.ts';
import type { CliContext } from '../context.ts';
import { withStore } from '../store-session.ts';

export function auditCommand(ctx: CliContext): Command {
  const cmd = new Command('audit').description('the insert-only, hash-chained audit log');
  cmd
    .command('verify')
    .description(
      'check the whole chain; exit code 1 and the first bad entry if anything was altered, removed or reordered',
    )
    .action(async () => {
      const { v, records } = await withStore(ctx, async (_cs, store) => {
        const chain = await verifyAudit(store.db);
        return { v: chain, records: chain.ok ? await verifyRecords(store.db) : undefined };
      });
      if (v.ok && records) {
        ctx.stdout(
          `audit log intact (${v.entries} entries), but ${records.seq > 0 ? `entry ${records.seq}: ` : ''}${records.reason}\n`,
        );
        ctx.setExitCode?.(1);
        return;
      }
      if (v.ok) {
        ctx.stdout(
          `audit log intact: ${v.entries} entries; head ${v.head}\n(compare the head with a copy kept elsewhere to detect removal of the newest entries)\n`,
        );
        return;
      }
      ctx.stdout(
        `audit log BROKEN at entry ${v.problem?.seq}: ${v.problem?.reason}; ${v.entries} entries before it verify\n`,
      );
      ctx.setExitCode?.(1);
    });
  return cmd;
}
