// `pact audit verify`: walks the hash-chained audit log and names the first entry altered, removed or reordered.
import { Command } from 'commander';
import { verifyAudit } from '../../store/audit.ts';
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
      const v = await withStore(ctx, (_cs, store) => verifyAudit(store.db));
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
