// `pact demo` (and `npm run demo`): a fresh embedded database filled with the demonstration scenario of the
// Lithuania–Belarus border, 2020 to November 2026 (src/cli/demo), then served like `pact serve`. Same seed,
// same data. It prints where the figures came from, what the scenario assumes, and the accounts to log in
// with.

import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { LAW } from '../../law/law.ts';
import { CaseStore } from '../../store/case-store.ts';
import { openStore } from '../../store/database.ts';
import { loadRecognitionRates } from '../../store/reference-data.ts';
import { type CliContext, UsageError } from '../context.ts';
import { DEMO_PROGRAMME } from '../demo/admission.ts';
import { ASSUMPTIONS } from '../demo/history-plan.ts';
import { PACT_IDENTITY_ASSUMPTIONS } from '../demo/identities.ts';
import { PACT_ASSUMPTIONS } from '../demo/pact-plan.ts';
import { Random } from '../demo/random.ts';
import { RETURN_ASSUMPTIONS, RETURNS_FILE } from '../demo/returns-plan.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, runScenario, SCENARIO_END } from '../demo/scenario.ts';
import { letGo } from '../store-session.ts';
import { portArg, requestLimitsOf, type ServeOptions, serveStore, sweepSecondsOf } from './serve.ts';

function seedArg(v: string): number {
  if (!/^\d{1,9}$/.test(v)) throw new InvalidArgumentError('a whole number from 0 to 999999999');
  return Number(v);
}

/** The folder for the demo's database: new or empty (a demonstration never writes into existing data). */
function freshDir(dir: string | undefined): string {
  if (!dir) return mkdtempSync(join(tmpdir(), 'pact-demo-'));
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--data-dir ${dir}: not a folder`);
    if (readdirSync(dir).length > 0)
      throw new UsageError(
        `--data-dir ${dir}: the folder is not empty; the demo builds a fresh database (choose a new folder or delete this one)`,
      );
  }
  return dir;
}

/** How many persons were met again, and one pair of cases to try search and the duplicate review on. */
function reencounterLine(r: Awaited<ReturnType<typeof runScenario>>['reencounters']): string {
  const variant = r.filter((x) => x.variant);
  const example = variant[0] ?? r[0];
  return `  met again: ${r.length} persons (a later encounter, a new case), ${variant.length} of them under another spelling of the name${example ? `; for example cases ${example.earlierCaseId.slice(0, 8)} and ${example.laterCaseId.slice(0, 8)}` : ''}`;
}

export function demoCommand(ctx: CliContext): Command {
  return new Command('demo')
    .description(
      'build a fresh embedded database with a synthetic, reproducible scenario of the Lithuania–Belarus border (2020 – November 2026, calibrated on published figures) and serve it',
    )
    .addOption(
      new Option('--seed <n>', "the scenario's seed: the same seed gives the same data")
        .default(2021)
        .argParser(seedArg),
    )
    .option(
      '--data-dir <dir>',
      'where to build the database (new or empty folder; default: a new temporary folder)',
    )
    .addOption(
      new Option('--port <n>', 'TCP port (0: any free port)').default(8080).env('PORT').argParser(portArg),
    )
    .addOption(new Option('--host <address>', 'address to bind').default('127.0.0.1').env('HOST'))
    .option('--no-serve', 'build the database and stop (serve it later with PACT_DATA_DIR=<dir> pact serve)')
    .option('--quiet', 'no request log')
    .addHelpText(
      'after',
      `\nThe persons are synthetic (names drawn at random from lists of common names, data/names/); the accounts below log in with the password "${DEMO_PASSWORD}":\n${DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(15)} ${a.role} (${a.jurisdiction})`).join('\n')}\n`,
    )
    .action(async (opts: ServeOptions & { seed: number; dataDir?: string; serve: boolean }) => {
      const started = performance.now();
      const env = ctx.env ?? {};
      const sweepSeconds = sweepSecondsOf(env);
      const dir = freshDir(opts.dataDir);
      await letGo(ctx);
      const store = await openStore({ dataDir: dir, holder: 'pact demo' });
      ctx.stderr(`  ${((performance.now() - started) / 1000).toFixed(1)} s: database created\n`);
      const rng = new Random(opts.seed);
      // the scenario's clock while it is built (moved step by step), then the real one
      let at: Date | undefined = new Date();
      const services = {
        law: LAW,
        clock: () => at ?? new Date(),
        uuid: () => rng.uuid(),
        recognitionRates: loadRecognitionRates(),
      };
      const cases = new CaseStore(store, services);
      ctx.stderr(`Building the demonstration (seed ${opts.seed}) in ${dir} …\n`);
      let result: Awaited<ReturnType<typeof runScenario>>;
      try {
        const lap = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
        result = await runScenario(cases, { set: (d) => (at = d) }, rng, (phase) =>
          ctx.stderr(`  ${lap()}: ${phase}\n`),
        );
      } catch (e) {
        await store.close();
        throw e;
      }
      const built = (performance.now() - started) / 1000;
      const refused = [...result.pact.refused.values()].reduce((s, n) => s + n, 0);
      const lines = [
        `Demonstration built in ${built.toFixed(1)} s: the Lithuania–Belarus border, 1 January 2020 – ${SCENARIO_END}`,
        `  before the Pact (to 11 June 2026): ${result.historical.encounters.toLocaleString('en')} encounters, ${result.historical.persons.toLocaleString('en')} persons (counted, not identified)`,
        `  under the Pact: ${result.pact.encounters} encounters, ${result.pact.persons} persons, ${result.pact.cases} cases, ${result.pact.steps} case actions decided by the law${refused ? `, ${refused} planned steps refused by it` : ''}; ${result.pact.overdue} deadlines passed`,
        `  returns before the Pact (2021–2022, data/${RETURNS_FILE}): ${result.returnHistory.toLocaleString('en')} persons (counted, not identified)`,
        reencounterLine(result.reencounters),
        `  Lithuania pledged for 2026: relocate 50 % of its fair share, pay EUR 20,000 for each of the rest; ${result.relocation.proposed} of ${result.relocation.candidates} candidates in Cyprus, Greece, Italy and Spain were proposed to it in September, ${result.relocation.transferred} transferred; EUR 580,000 paid in October`,
        // issue 22: admission
        `  "${DEMO_PROGRAMME}": 2,000 persons, humanitarian admission (Regulation (EU) 2024/1350), split by pledges among Lithuania (400), Poland (350) and Latvia (250); ${result.admission.files} referrals in Lithuania, ${result.admission.arrived} arrived`,
        'Calibrated on (data/border_stats.csv, data/arrivals-lt-2021.csv):',
        ...result.sources.map((s) => `  - ${s}`),
        'Where nothing was published, the scenario assumes:',
        ...[...ASSUMPTIONS, ...PACT_ASSUMPTIONS, ...PACT_IDENTITY_ASSUMPTIONS, ...RETURN_ASSUMPTIONS].map(
          (s) => `  - ${s}`,
        ),
        `Accounts (password "${DEMO_PASSWORD}"; synthetic data only — never enter real persons here):`,
        ...DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(15)} ${a.role} (${a.jurisdiction})`),
        '',
      ];
      ctx.stdout(lines.join('\n'));
      if (!opts.serve) {
        await store.close();
        ctx.stderr(`Serve it with: PACT_DATA_DIR=${dir} npx pact serve\n`);
        return;
      }
      at = undefined;
      await serveStore(ctx, cases, opts, {
        label: `demonstration database in ${dir}`,
        sweepSeconds,
        requestLimits: requestLimitsOf(ctx.env ?? {}),
        onListening: () => ctx.stderr(`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`),
      });
    });
}
