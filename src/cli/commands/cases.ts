// `pact queue`, `pact case show`, `pact case apply`, `pact sweep`: the deadline queue and one case's timeline.
import { Command, InvalidArgumentError, Option } from 'commander';
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { OBLIGATION_KINDS, type ObligationKind } from '../../domain/case-state.ts';
import { CaseCommand } from '../../domain/commands.ts';
import {
  isNationalityCode,
  NATIONALITY_CODES,
  STATELESS,
  UNKNOWN_NATIONALITY,
} from '../../domain/countries.ts';
import { guaranteesOf } from '../../domain/guarantees/index.ts';
import { shownLegalBasis } from '../../domain/legal-basis.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/state-calendar.ts';
import { findCase, QUEUE_MAX_PAGE, QUEUE_PAGE, type QueueItem, queue } from '../../store/case-queries.ts';
import { NotFoundError } from '../../store/errors.ts';
import { type CliContext, UsageError } from '../context.ts';
import { renderTable } from '../format/table.ts';
import { parseCountry } from '../options.ts';
import { parseDuration, withStore } from '../store-session.ts';
import { caseAmendCommand } from './case-amend.ts';

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
    .description('open obligations by due time: what falls due, and what is overdue (a page at a time)')
    .addOption(new Option('--state <code>', "a member state's obligations only").argParser(parseCountry))
    .addOption(
      new Option('--due <duration>', 'falling due within this time (overdue ones included)')
        .default(48 * 3_600_000, '48h')
        .argParser(durationArg)
        .conflicts('overdue'),
    )
    .option('--overdue', 'only obligations already overdue')
    .addOption(new Option('--kind <kind>', 'one kind of obligation').choices(OBLIGATION_KINDS))
    .addOption(
      new Option(
        '--nationality <code>',
        'persons of one nationality: its ISO 3166-1 alpha-2 code (IQ) or English name (Iraq)',
      ).argParser(nationalityArg),
    )
    .addOption(
      new Option('--limit <n>', `obligations per page, 1 to ${QUEUE_MAX_PAGE}`)
        .default(QUEUE_PAGE)
        .argParser(limitArg),
    )
    .addOption(
      new Option('--after <cursor>', 'the next page: the cursor printed under the previous one').argParser(
        cursorArg,
      ),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: QueueOptions) => {
      const now = ctx.now();
      const items = await withStore(ctx, (_cs, store) =>
        queue(store.db, now, {
          state: opts.state,
          withinMs: opts.due,
          overdueOnly: opts.overdue,
          kind: opts.kind,
          nationality: opts.nationality,
          limit: opts.limit,
          after: opts.after,
        }),
      );
      const last = items[items.length - 1];
      const next = items.length === opts.limit && last ? cursorOf(last) : undefined;
      if (opts.format === 'json') {
        ctx.stdout(`${JSON.stringify({ items, ...(next ? { next } : {}) }, null, 2)}\n`);
        return;
      }
      const rows = items.map((i) => [
        i.overdue ? 'OVERDUE' : '',
        due(i.dueAt, i.state),
        i.overdue ? String(i.daysOverdue) : '',
        i.state,
        i.kind,
        i.caseId.slice(0, 8),
        i.status,
        i.nationality ?? '',
        i.article,
        i.flags.join(' '),
      ]);
      const what = `open obligations${opts.overdue ? ' overdue' : ` due within ${Math.round(opts.due / 3_600_000)} h or overdue`}${opts.state ? ` in ${opts.state}` : ''}`;
      ctx.stdout(
        `${renderTable(
          [
            { header: '' },
            { header: 'Due by (local)' },
            { header: 'Days overdue' },
            { header: 'State' },
            { header: 'Obligation' },
            { header: 'Case' },
            { header: 'Status' },
            { header: 'Nat.' },
            { header: 'Article' },
            { header: 'Flags' },
          ],
          rows,
        )}\n\n${
          next
            ? `The first ${items.length} ${what}${opts.after ? ' after the cursor' : ''}; the next page: --after ${next}\n`
            : `${items.length} ${what}${opts.after ? ' after the cursor' : ''}.\n`
        }`,
      );
    });
}

interface QueueOptions {
  state?: string;
  due: number;
  overdue?: boolean;
  kind?: string;
  nationality?: string;
  limit: number;
  after?: { dueAt: Date; obligationId: number };
  format: string;
}

function limitArg(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > QUEUE_MAX_PAGE)
    throw new InvalidArgumentError(`a whole number from 1 to ${QUEUE_MAX_PAGE}`);
  return n;
}

/** A nationality's code (IQ) or its English name (Iraq), as the code; anything else is refused. */
export function nationalityArg(v: string): string {
  const code = v.trim().toUpperCase();
  if (isNationalityCode(code)) return code;
  const byName = nationalityByEnglishName().get(v.trim().toLowerCase());
  if (byName) return byName;
  throw new InvalidArgumentError(
    'not a nationality: an ISO 3166-1 alpha-2 code such as IQ, or an English name such as Iraq (XX: unknown, XS: stateless)',
  );
}

let englishNames: Map<string, string> | undefined;
function nationalityByEnglishName(): Map<string, string> {
  if (!englishNames) {
    const names = new Intl.DisplayNames('en', { type: 'region' });
    englishNames = new Map(
      NATIONALITY_CODES.filter((c) => c !== UNKNOWN_NATIONALITY && c !== STATELESS)
        .map((c): [string, string] => [(names.of(c) ?? c).toLowerCase(), c])
        .concat([
          ['unknown', UNKNOWN_NATIONALITY],
          ['stateless', STATELESS],
        ]),
    );
  }
  return englishNames;
}

/** A page cursor: the due time and id of the last item shown, "2026-12-09T08:00:00.000Z~1234". */
const cursorOf = (i: QueueItem) => `${i.dueAt.toISOString()}~${i.obligationId}`;

function cursorArg(v: string): { dueAt: Date; obligationId: number } {
  const m = /^([1-9]\d{3}-\d{2}-\d{2}T[\d:.]+Z)~(\d{1,15})$/.exec(v.trim());
  const dueAt = m ? new Date(m[1] as string) : undefined;
  if (!m || !dueAt || Number.isNaN(dueAt.getTime()))
    throw new InvalidArgumentError(
      'the cursor printed under the previous page, such as 2026-12-09T08:00:00.000Z~1234',
    );
  return { dueAt, obligationId: Number(m[2]) };
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
        ...view.actions.flatMap((a) => {
          const late = a.payload as { lateEntry?: boolean; lateEntryReason?: string };
          return [
            `  ${String(a.seq).padStart(3)}  ${local(a.at, c.state)}  ${a.type.padEnd(26)} ${a.actor} (${a.role}) — ${shownLegalBasis(a)}`,
            // both times of a late entry, and why (src/domain/entry-rules.ts)
            ...(late?.lateEntry
              ? [`       late entry, entered ${local(a.recordedAt, c.state)}: ${late.lateEntryReason ?? ''}`]
              : []),
          ];
        }),
        '',
        'deadlines:',
        ...view.obligations.map(
          (o) =>
            `  ${o.kind.padEnd(28)} due by ${due(o.dueAt, c.state)}  ${o.status.padEnd(9)} ${o.article}${o.closedAt ? ` (closed ${local(o.closedAt, c.state)}${o.closedRecordedAt ? `, entered ${local(o.closedRecordedAt, c.state)}` : ''})` : ''}`,
        ),
        // issue 17: the person's guarantees, as the case page shows them (done, due, missing; each with its article)
        '',
        'guarantees:',
        ...guaranteeLines(view, ctx.now()),
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
      'the command, e.g. {"type":"screening.completed","at":"2026-12-10T12:00:00+02:00","outcome":"asylum"}; entered more than 60 minutes after its "at", it needs "lateEntryReason" (docs/ACTIONS.md)',
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
  cmd.addCommand(caseAmendCommand(ctx));
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

/** The person's guarantees of a case (src/domain/guarantees/ guaranteesOf), one line each. */
function guaranteeLines(view: NonNullable<Awaited<ReturnType<typeof findCase>>>, now: Date): string[] {
  const c = view.case;
  const open = view.obligations
    .filter((o) => o.status === 'open')
    .map((o) => ({ kind: o.kind as ObligationKind, dueAt: o.dueAt.toISOString() }));
  const list = guaranteesOf(c, now, open);
  if (list.length === 0) return ['  none on record'];
  return list.map((g) => {
    const params = g.params
      ? ` (${Object.entries(g.params)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')})`
      : '';
    const when = g.dueAt
      ? ` by ${due(new Date(g.dueAt), c.state)}`
      : g.at
        ? ` ${local(new Date(g.at), c.state)}`
        : '';
    return `  ${g.status.padEnd(8)} ${g.key}${params}${when} — ${g.article}`;
  });
}
