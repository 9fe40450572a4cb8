// `pact queue`, `pact case show`, `pact case apply`, `pact sweep`: the deadline queue and one case's timeline.
import { Command, InvalidArgumentError, Option } from 'commander';
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { CaseCommand } from '../../domain/commands.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/state-calendar.ts';
import { findCase, queue } from '../../store/case-queries.ts';
import { NotFoundError } from '../../store/errors.ts';
import { type CliContext, UsageError } from '../context.ts';
import { renderTable } from '../format/table.ts';
import { parseCountry } from '../options.ts';
import { parseDuration, withStore } from '../store-session.ts';

const local = (d: Date, state: string) =>
  DateTime.fromJSDate(d)
    .setZone(STATE_TIME_ZONES[state as MemberStateCode] ?? 'UTC')
    .toFormat('yyyy-MM-dd HH:mm');

/** A due time shown as people read deadlines: the first moment after the period, midnight, is "24:00" of the day before. */
const due = (d: Date, state: string) => {
  const t = DateTime.fromJSDate(d).setZone(STATE_TIME_ZONES[state as MemberStateCode] ?? 'UTC');
  return t.hour === 0 && t.minute === 0
    ? `${t.minus({ days: 1 }).toFormat('yyyy-MM-dd')} 24:00`
    : t.toFormat('yyyy-MM-dd HH:mm');
};

function durationArg(v: string): number {
  const ms = parseDuration(v);
  if (ms === undefined || ms > 3650 * 86_400_000)
    throw new InvalidArgumentError('a duration such as 48h, 3d or 90m (at most 3650d)');
  return ms;
}

export function queueCommand(ctx: CliContext): Command {
  return new Command('queue')
    .description('open obligations by due time: what falls due, and what is overdue')
    .addOption(new Option('--state <code>', "a member state's obligations only").argParser(parseCountry))
    .addOption(
      new Option('--due <duration>', 'falling due within this time (overdue ones included)')
        .default(48 * 3_600_000, '48h')
        .argParser(durationArg),
    )
    .option('--overdue', 'only obligations already overdue')
    .option('--kind <kind>', 'one kind of obligation (screening, registration, lodging, decision, …)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(
      async (opts: { state?: string; due: number; overdue?: boolean; kind?: string; format: string }) => {
        const now = ctx.now();
        const items = await withStore(ctx, (_cs, store) =>
          queue(store.db, now, {
            state: opts.state,
            withinMs: opts.due,
            overdueOnly: opts.overdue,
            kind: opts.kind,
            limit: 1000,
          }),
        );
        if (opts.format === 'json') {
          ctx.stdout(`${JSON.stringify(items, null, 2)}\n`);
          return;
        }
        const rows = items.map((i) => [
          i.overdue ? 'OVERDUE' : '',
          due(i.dueAt, i.state),
          i.state,
          i.kind,
          i.caseId.slice(0, 8),
          i.status,
          i.nationality ?? '',
          i.article,
          i.flags.join(' '),
        ]);
        ctx.stdout(
          `${renderTable(
            [
              { header: '' },
              { header: 'Due by (local)' },
              { header: 'State' },
              { header: 'Obligation' },
              { header: 'Case' },
              { header: 'Status' },
              { header: 'Nat.' },
              { header: 'Article' },
              { header: 'Flags' },
            ],
            rows,
          )}\n\n${items.length === 1000 ? 'the first 1000 (narrow with --state, --kind or --due) of the ' : ''}${items.length} open obligations${opts.overdue ? ' overdue' : ` due within ${Math.round(opts.due / 3_600_000)} h or overdue`}${opts.state ? ` in ${opts.state}` : ''}.\n`,
        );
      },
    );
}

export function caseCommand(ctx: CliContext): Command {
  const cmd = new Command('case').description(
    'one case: its timeline, deadlines and flags; or apply an action to it',
  );
  cmd
    .command('show')
    .description("a case's person, timeline with legal basis, deadlines and flags")
    .argument('<id>', 'the case id, or its first 8 characters or more')
    .addOption(
      new Option('--state <code>', "look only among this member state's cases").argParser(parseCountry),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string, opts: { state?: string; format: string }) => {
      const view = await withStore(ctx, (_cs, store) => findCase(store.db, id, opts.state));
      if (!view) throw new NotFoundError(`case ${id}`);
      if (opts.format === 'json') {
        ctx.stdout(`${JSON.stringify(view, null, 2)}\n`);
        return;
      }
      const c = view.case;
      const p = c.person;
      const lines = [
        `case ${c.id} (${c.state}) — status ${c.status}, version ${c.version}`,
        `person: ${p.nationality ?? 'nationality unknown'}, ${p.sex}${p.birthYear ? `, born ${p.birthYear}` : ''}${p.minor ? ', minor' : ''}${p.unaccompanied ? ', unaccompanied' : ''}${p.vulnerabilities.length ? `, ${p.vulnerabilities.join(', ')}` : ''}`,
        `flags: ${c.flags.length > 0 ? c.flags.join(', ') : 'none'}`,
        '',
        'timeline:',
        ...view.actions.map(
          (a) =>
            `  ${String(a.seq).padStart(3)}  ${local(a.at, c.state)}  ${a.type.padEnd(26)} ${a.actor} (${a.role}) — ${a.legalBasis}`,
        ),
        '',
        'deadlines:',
        ...view.obligations.map(
          (o) =>
            `  ${o.kind.padEnd(28)} due by ${due(o.dueAt, c.state)}  ${o.status.padEnd(9)} ${o.article}${o.closedAt ? ` (closed ${local(o.closedAt, c.state)})` : ''}`,
        ),
      ];
      ctx.stdout(`${lines.join('\n')}\n`);
    });
  cmd
    .command('apply')
    .description('apply an action to a case (the JSON of a command; see docs/ACTIONS.md)')
    .argument('<id>', 'the full case id')
    .requiredOption(
      '--expected-version <n>',
      'the version of the case you read (a stale version is refused)',
      (v) => {
        if (!/^\d+$/.test(v)) throw new InvalidArgumentError('a whole number');
        return Number(v);
      },
    )
    .requiredOption(
      '--json <command>',
      'the command, e.g. {"type":"screening.completed","at":"2026-12-10T12:00:00+02:00","outcome":"asylum"}',
    )
    .option('--key <key>', 'idempotency key (default: a new one); repeat it to retry safely')
    .option('--actor <name>', 'who acts', 'cli')
    .option('--role <role>', 'in which role', 'case-officer')
    .action(
      async (
        id: string,
        opts: { expectedVersion: number; json: string; key?: string; actor: string; role: string },
      ) => {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
          throw new UsageError('give the full case id (pact case show PREFIX prints it)');
        }
        let raw: unknown;
        try {
          raw = JSON.parse(opts.json);
        } catch {
          throw new UsageError('--json: not valid JSON');
        }
        const parsed = CaseCommand.safeParse(raw);
        if (!parsed.success) {
          const i = parsed.error.issues[0];
          throw new UsageError(`--json: ${i?.path.join('.') || 'command'}: ${i?.message}`);
        }
        const out = await withStore(ctx, (cs) =>
          cs.apply(
            id,
            opts.expectedVersion,
            parsed.data,
            { actor: opts.actor, role: opts.role },
            opts.key ?? `cli:${crypto.randomUUID()}`,
          ),
        );
        ctx.stdout(`${JSON.stringify(out, null, 2)}\n`);
      },
    );
  return cmd;
}

export function sweepCommand(ctx: CliContext): Command {
  return new Command('sweep')
    .description(
      'record in each case that its open deadlines have passed (sets the overdue flags); the server runs it periodically',
    )
    .action(async () => {
      const n = await withStore(ctx, (cs) => cs.sweepOverdue());
      ctx.stdout(`${n} passed deadlines recorded\n`);
    });
}
