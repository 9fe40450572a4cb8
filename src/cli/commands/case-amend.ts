// `pact case amend ID --field F --value JSON --reason TEXT`: corrects a recorded fact of a case (issue #16) as
// the API does (src/store/amendments.ts) — with a reason, at the version read, checked against the role's
// permissions (src/domain/amend.ts amendPermissions) — and prints what was recomputed.
import { Command, InvalidArgumentError, Option } from 'commander';
import { Amendment } from '../../domain/amend.ts';
import { can, ROLES, type Role } from '../../domain/roles.ts';
import { amendCase } from '../../store/amendments.ts';
import { type CliContext, UsageError } from '../context.ts';
import { withStore } from '../store-session.ts';

export function caseAmendCommand(ctx: CliContext): Command {
  return new Command('amend')
    .description(
      "correct a recorded fact (the person's, the encounter's or an earlier action's field) with a reason; the old value is kept",
    )
    .argument('<id>', 'the full case id')
    .addOption(
      new Option('--kind <kind>', 'what is corrected')
        .choices(['person', 'encounter', 'action'])
        .default('person'),
    )
    .requiredOption('--field <field>', 'the field, e.g. birthYear, identity.birthDate, occurredAt, result')
    .requiredOption(
      '--value <json>',
      'the new value as JSON, e.g. 2010, "SY", {"value":"2010-05","precision":"year-month"}, null to remove',
    )
    .requiredOption('--reason <text>', 'why the fact is corrected (kept in the case and the audit)')
    .option('--seq <n>', 'the number of the action corrected (with --kind action)', (v) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('a whole number');
      return Number(v);
    })
    .requiredOption(
      '--expected-version <n>',
      'the version of the case you read (a stale version is refused)',
      (v) => {
        if (!/^\d+$/.test(v)) throw new InvalidArgumentError('a whole number');
        return Number(v);
      },
    )
    .option('--key <key>', 'idempotency key (default: a new one); repeat it to retry safely')
    .option('--actor <name>', 'who corrects', 'cli')
    .addOption(new Option('--role <role>', 'in which role').choices(ROLES).default('case-officer'))
    .action(
      async (
        id: string,
        opts: {
          kind: string;
          field: string;
          value: string;
          reason: string;
          seq?: number;
          expectedVersion: number;
          key?: string;
          actor: string;
          role: Role;
        },
      ) => {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
          throw new UsageError('give the full case id (pact case show PREFIX prints it)');
        let value: unknown;
        try {
          value = JSON.parse(opts.value);
        } catch {
          throw new UsageError('--value: not valid JSON (a text is quoted: "SY")');
        }
        const parsed = Amendment.safeParse({
          kind: opts.kind,
          field: opts.field,
          value,
          reason: opts.reason,
          ...(opts.seq !== undefined ? { seq: opts.seq } : {}),
        });
        if (!parsed.success) {
          const i = parsed.error.issues[0];
          throw new UsageError(`${i?.path.join('.') || 'amendment'}: ${i?.message}`);
        }
        const out = await withStore(ctx, (cs) =>
          amendCase(
            cs,
            id,
            opts.expectedVersion,
            parsed.data,
            { actor: opts.actor, role: opts.role },
            opts.key ?? `cli:${crypto.randomUUID()}`,
            (needed) => {
              const missing = needed.find((p) => !can(opts.role, p));
              if (missing)
                throw new UsageError(`a ${opts.role} may not make this correction (needs ${missing})`);
            },
          ),
        );
        ctx.stdout(`${JSON.stringify(out, null, 2)}\n`);
      },
    );
}
