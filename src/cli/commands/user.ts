// `pact user add`: an account with a role bound to a jurisdiction; its one-time password is printed once.
import { Command, Option } from 'commander';
import { ROLES } from '../../domain/roles.ts';
import { AccountInputError, addUser, listUsers, oneTimePassword } from '../../store/accounts.ts';
import { type CliContext, UsageError } from '../context.ts';
import { withStore } from '../store-session.ts';

export function userCommand(ctx: CliContext): Command {
  const cmd = new Command('user').description('accounts of the API and the web application');
  cmd
    .command('add')
    .description('add an account; prints its one-time password once (to change at the first login)')
    .argument('<username>', '3 to 64 characters: lower-case letters, digits, . _ -')
    .addOption(new Option('--role <role>', 'the role').choices(ROLES).makeOptionMandatory())
    .addOption(
      new Option(
        '--state <code>',
        "its jurisdiction: a member state's ISO code, or EU for Union-level roles",
      ).makeOptionMandatory(),
    )
    .action(async (username: string, opts: { role: string; state: string }) => {
      const password = oneTimePassword();
      await withStore(ctx, (_cs, store) =>
        addUser(
          store.db,
          {
            username,
            password,
            role: opts.role,
            jurisdiction: opts.state.toUpperCase(),
            mustChangePassword: true,
          },
          ctx.now(),
          'cli',
        ).catch((e: unknown) => {
          if (e instanceof AccountInputError) throw new UsageError(`${e.field}: ${e.message}`);
          throw e;
        }),
      );
      ctx.stdout(
        `account ${username} (${opts.role}, ${opts.state.toUpperCase()}) added; one-time password:\n${password}\n`,
      );
    });
  cmd
    .command('list')
    .description('the accounts')
    .action(async () => {
      const rows = await withStore(ctx, (_cs, store) => listUsers(store.db));
      for (const u of rows)
        ctx.stdout(
          `${u.username}\t${u.role}\t${u.jurisdiction}${u.disabled ? '\tdisabled' : ''}${u.mustChangePassword ? '\tmust change password' : ''}\n`,
        );
    });
  return cmd;
}
