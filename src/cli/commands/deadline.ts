// `pact deadline KIND --from DATETIME --state XX [--crisis KIND]`: when a period of the Pact ends, counted
// by Regulation 1182/71 in the member state's calendar, with the trace of every rule applied.
import { Command, InvalidArgumentError, Option } from 'commander';
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { STATE_TIME_ZONES } from '../../law/calendar/state-calendar.ts';
import {
  CRISIS_KINDS,
  type CrisisKind,
  computeDeadline,
  DEADLINE_KINDS,
  type Deadline,
  deadlineKind,
} from '../../law/deadlines.ts';
import { LAW } from '../../law/law.ts';
import { formatValue } from '../../law/parameters.ts';
import { type CliContext, UsageError } from '../context.ts';
import { renderTable } from '../format/table.ts';
import { parseCountry } from '../options.ts';

interface Options {
  from?: string;
  state?: MemberStateCode;
  crisis?: CrisisKind;
  list?: boolean;
  format: 'text' | 'json';
}

const FROM_FORMATS = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseFrom(text: string): string {
  if (!FROM_FORMATS.test(text.trim())) {
    throw new InvalidArgumentError(
      'not a date-time (e.g. 2026-12-18T15:00, 2026-12-18T15:00+02:00 or 2026-12-18)',
    );
  }
  return text.trim().replace(' ', 'T');
}

export function deadlineCommand(ctx: CliContext): Command {
  return new Command('deadline')
    .description('when a period of the Pact ends (Regulation 1182/71), with the trace of the rules applied')
    .argument('[kind]', "the deadline's kind (see --list)")
    .option('--list', 'list the kinds with their periods and articles')
    .addOption(
      new Option(
        '--from <datetime>',
        "the event the period runs from; without an offset, in the state's time zone",
      ).argParser(parseFrom),
    )
    .addOption(
      new Option(
        '--state <code>',
        'the member state where the action is taken (its holidays and time zone)',
      ).argParser(parseCountry),
    )
    .addOption(
      new Option('--crisis <kind>', 'the person is covered by a declared crisis of this kind').choices(
        CRISIS_KINDS,
      ),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  pact deadline --list
  pact deadline registration --from 2026-12-18T15:00 --state LT
  pact deadline registration --from 2026-12-07T10:00 --state LT --crisis instrumentalisation
  pact deadline eurodac-irregular-crossing --from 2026-12-18T10:23+02:00 --state LT --format json`,
    )
    .action((kind: string | undefined, opts: Options) => runDeadline(ctx, kind, opts));
}

function runDeadline(ctx: CliContext, kindId: string | undefined, opts: Options): void {
  if (opts.list) {
    ctx.stdout(renderList(opts.format));
    return;
  }
  if (!kindId) throw new UsageError('name a deadline kind (pact deadline --list shows them), or use --list');
  const kind = deadlineKind(kindId);
  if (!opts.from)
    throw new UsageError('--from is required: the date and time of the event the period runs from');
  if (!opts.state)
    throw new UsageError('--state is required: the member state where the action is taken (e.g. LT)');
  const zone = STATE_TIME_ZONES[opts.state];
  const event = DateTime.fromISO(opts.from, { zone });
  if (!event.isValid) throw new UsageError(`--from: ${event.invalidExplanation ?? 'not a valid date-time'}`);
  if (LAW.get(kind.parameter).unit === 'hours' && !opts.from.includes('T')) {
    throw new UsageError(`--from needs a time of day: ${kind.id} is a period in hours`);
  }
  const d = computeDeadline(LAW, kind.id, opts.state, event, opts.crisis);
  ctx.stdout(opts.format === 'json' ? `${JSON.stringify(toJson(d), null, 2)}\n` : renderText(d));
}

const isoOut = (d: DateTime) => d.toISO({ suppressMilliseconds: true }) ?? '';

function toJson(d: Deadline) {
  return {
    kind: d.kind.id,
    title: d.kind.title,
    state: d.state,
    zone: d.event.zone.name,
    event: isoOut(d.event),
    crisis: d.crisis ?? null,
    period: d.period,
    lastDay: d.end.lastDay ?? null,
    /** The first moment after the period: the action is in time strictly before it. */
    endsAt: isoOut(d.end.endsAt),
    basis: d.basis,
    rules: d.end.steps,
    skipped: d.end.skipped,
    parameters: d.parameters,
  };
}

function renderText(d: Deadline): string {
  const zone = STATE_TIME_ZONES[d.state];
  const lastDay = d.end.lastDay ? DateTime.fromISO(d.end.lastDay, { zone }) : undefined;
  const ends = lastDay
    ? `${lastDay.toISODate()}T24:00:00${lastDay.toFormat('ZZ')} (the end of ${lastDay.setLocale('en-GB').toFormat('cccc d LLLL yyyy')}, ${zone})`
    : `${isoOut(d.end.endsAt)} (${d.end.endsAt.setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm')}, ${zone})`;
  const lines = [
    `${d.kind.id}: ${d.basis[0]}`,
    ...d.basis.slice(1).map((b) => `  ${b}`),
    `event:   ${isoOut(d.event.setZone(zone))} (${d.event.setZone(zone).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm')}, ${d.state})`,
    `ends:    ${ends}`,
    'rules (Regulation 1182/71):',
    ...d.end.steps.map((s) => `  ${s}`),
    `skipped: ${d.end.skipped.length === 0 ? 'none' : ''}`,
    ...d.end.skipped.map((s) => `  ${s.date}: ${s.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

function renderList(format: 'text' | 'json'): string {
  const rows = DEADLINE_KINDS.map((k) => {
    const p = LAW.get(k.parameter);
    const v = p.values[p.values.length - 1];
    return { kind: k, parameter: p, value: v };
  });
  if (format === 'json') {
    return `${JSON.stringify(
      rows.map(({ kind, value }) => ({
        ...kind,
        period: value?.value,
        unit: LAW.get(kind.parameter).unit,
        since: value?.since,
      })),
      null,
      2,
    )}\n`;
  }
  const table = renderTable(
    [
      { header: 'Kind' },
      { header: 'Period' },
      { header: 'From' },
      { header: 'Article' },
      { header: 'In crisis' },
    ],
    rows.map(({ kind, parameter, value }) => {
      const crisis = kind.crisis ? LAW.get(kind.crisis.parameter) : undefined;
      const cv = crisis?.values[crisis.values.length - 1];
      return [
        kind.id,
        formatValue(parameter.unit, value?.value ?? null),
        kind.from,
        LAW.usedAt(parameter.name, value?.since ?? '').citation,
        crisis && cv
          ? `${kind.crisis?.mode === 'extend' ? '+' : ''}${formatValue(crisis.unit, cv.value)}`
          : '',
      ];
    }),
  );
  return `${table}\n`;
}
