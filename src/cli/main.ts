// The `pact` command: parses arguments, runs one command, and turns every expected failure into one
// line on stderr with exit code 2 (bad usage, a date before the law, an unknown country …).
import { Command, CommanderError } from 'commander';
import { PactError } from '../law/errors.ts';
import { admissionCommand } from './commands/admission.ts';
import { auditCommand } from './commands/audit.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { caseCommand, queueCommand, sweepCommand } from './commands/cases.ts';
import { crisisCommand } from './commands/crisis.ts';
import { deadlineCommand } from './commands/deadline.ts';
import { demoCommand } from './commands/demo.ts';
import { documentCommand } from './commands/document.ts';
import { fairSharesCommand } from './commands/fair-shares.ts';
import { federationCommand } from './commands/federation.ts';
import { importCommand } from './commands/import.ts';
import { measureCommand } from './commands/measure.ts';
import { paramsCommand } from './commands/params.ts';
import { personCommand } from './commands/person.ts';
import { placesCommand } from './commands/places.ts';
import { retentionCommand } from './commands/retention.ts';
import { searchCommand } from './commands/search.ts';
import { serveCommand } from './commands/serve.ts';
import { solidarityCommand } from './commands/solidarity.ts';
import { statsCommand } from './commands/stats.ts';
import { userCommand } from './commands/user.ts';
import type { CliContext } from './context.ts';

export const EXIT_USAGE = 2;

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('pact')
    .description(
      'Pact: the EU Pact on Migration and Asylum at an external border — law, deadlines and solidarity',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .showSuggestionAfterError(true);
  for (const cmd of [
    fairSharesCommand(ctx),
    paramsCommand(ctx),
    deadlineCommand(ctx),
    importCommand(ctx),
    queueCommand(ctx),
    caseCommand(ctx),
    searchCommand(ctx),
    sweepCommand(ctx),
    auditCommand(ctx),
    crisisCommand(ctx),
    measureCommand(ctx),
    documentCommand(ctx),
    placesCommand(ctx),
    serveCommand(ctx),
    demoCommand(ctx),
    userCommand(ctx),
    solidarityCommand(ctx),
    personCommand(ctx),
    retentionCommand(ctx),
    statsCommand(ctx),
    federationCommand(ctx),
    backupCommand(ctx),
    restoreCommand(ctx),
    // issue 22: admission (Regulation (EU) 2024/1350)
    admissionCommand(ctx),
  ]) {
    program.addCommand(cmd);
  }
  // every command and subcommand (pact solidarity deduction request …): errors return, output goes to ctx
  const settle = (c: Command) => {
    c.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
    for (const sub of c.commands) settle(sub);
  };
  for (const c of program.commands) {
    settle(c);
  }
  return program;
}

/** Runs `pact` with `args` (without node and script). Returns the exit code; never throws. */
export async function run(args: readonly string[], outer: CliContext): Promise<number> {
  let exitCode = 0;
  const ctx: CliContext = { ...outer, setExitCode: (code) => (exitCode = code) };
  const program = buildProgram(ctx);
  if (args.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander has already printed its one-line message (or the help/version, with exit code 0)
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (e instanceof PactError) {
      ctx.stderr(`error: ${e.message}\n`);
      return EXIT_USAGE;
    }
    ctx.stderr(`internal error: ${(e as Error).message ?? String(e)} (set PACT_DEBUG=1 for details)\n`);
    if (process.env.PACT_DEBUG) ctx.stderr(`${(e as Error).stack}\n`);
    return 1;
  }
}
