// `pact params [NAME]`: the law's parameters, their values at a date and their citations.
import { Command, Option } from 'commander';
import { ParameterNotInForceError, ParameterRepealedError } from '../../law/errors.ts';
import { LAW } from '../../law/law.ts';
import { formatCitation, formatValue, type Parameter } from '../../law/parameters.ts';
import { type CliContext, today } from '../context.ts';
import { renderTable } from '../format/table.ts';
import { parseDate } from '../options.ts';

interface Options {
  asOf?: string;
  format: 'text' | 'json' | 'markdown';
}

export function paramsCommand(ctx: CliContext): Command {
  return new Command('params')
    .description('list the parameters of the law with their values at a date and their citations')
    .argument('[name]', 'a parameter name, or the start of names (e.g. apr.registration)')
    .addOption(
      new Option('--as-of <date>', 'the date at which values are shown (default: today)').argParser(
        parseDate,
      ),
    )
    .addOption(
      new Option('--format <format>', 'output format (markdown: every parameter with its whole history)')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .addHelpText(
      'after',
      `
Statuses: confirmed (read in the Official Journal), reported (read in a rendering or an official
summary), derived (computed from cited values), unconfirmed (reported, not checked against the text).

Examples:
  pact params
  pact params apr.registration.deadline
  pact params ammr.pool --as-of 2025-11-11`,
    )
    .action((name: string | undefined, opts: Options) => runParams(ctx, name, opts));
}

type ValueAt =
  | { state: 'in-force'; value: string; since: string }
  | { state: 'not-yet'; from: string }
  | { state: 'repealed'; on: string };

function valueAt(p: Parameter, date: string): ValueAt {
  try {
    const e = LAW.entryAt(p.name, date);
    return { state: 'in-force', value: formatValue(p.unit, e.value), since: e.since };
  } catch (err) {
    if (err instanceof ParameterNotInForceError) return { state: 'not-yet', from: err.firstDate };
    if (err instanceof ParameterRepealedError) return { state: 'repealed', on: err.repealedOn };
    throw err;
  }
}

function runParams(ctx: CliContext, name: string | undefined, opts: Options): void {
  const date = opts.asOf ?? today(ctx);
  name = name?.trim().toLowerCase();
  const exact = name === undefined ? undefined : LAW.find(name);
  if (exact) {
    if (opts.asOf !== undefined) LAW.entryAt(exact.name, date); // a date before the law is an error, not a guess
    ctx.stdout(
      opts.format === 'json'
        ? `${JSON.stringify({ asOf: date, parameter: exact }, null, 2)}\n`
        : renderOne(exact, date),
    );
    return;
  }
  const list = name === undefined ? LAW.all() : LAW.withPrefix(name);
  if (list.length === 0) LAW.get(name ?? ''); // throws UnknownParameterError with suggestions
  if (opts.format === 'markdown') {
    ctx.stdout(renderMarkdown(list));
    return;
  }
  if (opts.format === 'json') {
    ctx.stdout(
      `${JSON.stringify({ asOf: date, parameters: list.map((p) => ({ ...p, at: valueAt(p, date) })) }, null, 2)}\n`,
    );
    return;
  }
  const rows = list.map((p) => {
    const v = valueAt(p, date);
    const current = v.state === 'in-force' ? LAW.entryAt(p.name, date).source : p.values[0]?.source;
    const shown =
      v.state === 'in-force'
        ? v.value
        : v.state === 'not-yet'
          ? `(not in force; from ${v.from})`
          : `(repealed on ${v.on})`;
    return [
      p.name,
      shown,
      v.state === 'in-force' ? v.since : '',
      current ? `${formatCitation(current)} [${current.status}]` : '',
    ];
  });
  const table = renderTable(
    [{ header: 'Parameter' }, { header: `Value on ${date}` }, { header: 'Since' }, { header: 'Citation' }],
    rows,
  );
  ctx.stdout(
    `${table}\n\n${list.length} parameters. 'pact params NAME' shows one with its description and history.\n`,
  );
}

function renderOne(p: Parameter, date: string): string {
  const v = valueAt(p, date);
  const now =
    v.state === 'in-force'
      ? `${v.value} (since ${v.since})`
      : v.state === 'not-yet'
        ? `not in force yet (first value from ${v.from})`
        : `repealed on ${v.on}`;
  const lines = [
    p.name,
    `  ${p.description}.`,
    `  unit: ${p.unit}; declared in ${p.file}${p.within ? `; must lie within ${p.within}` : ''}`,
    `  value on ${date}: ${now}`,
    '  history:',
  ];
  for (const e of p.values) {
    lines.push(
      `    since ${e.since}: ${formatValue(p.unit, e.value)} — ${formatCitation(e.source)} [${e.source.status}]`,
    );
    if (e.source.note) lines.push(`      ${e.source.note}`);
  }
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** Every parameter with its whole history, grouped by law file: the source of docs/parameters.md. */
function renderMarkdown(list: readonly Parameter[]): string {
  const out = [
    '# The parameters of the law',
    '',
    '<!-- Generated by `npm run docs` (pact params --format markdown); do not edit by hand. -->',
    '',
    'Every number of the law that Pact uses, with the date each value applies from and its citation.',
    'Status: **confirmed** (read in the Official Journal), **reported** (read in a rendering or an official',
    'summary), **derived** (computed from cited values), **unconfirmed** (reported, not checked against the',
    'text). Change a value in its file under `law/`; `npm test` validates every file.',
  ];
  const files = [...new Set(list.map((p) => p.file))].sort();
  for (const file of files) {
    out.push(
      '',
      `## ${file}`,
      '',
      '| Parameter | Since | Value | Citation | Status | Note |',
      '|---|---|---|---|---|---|',
    );
    for (const p of list.filter((x) => x.file === file)) {
      for (const v of p.values) {
        out.push(
          `| \`${p.name}\`<br>${cell(p.description)} | ${v.since} | ${cell(formatValue(p.unit, v.value))} | ${cell(formatCitation(v.source))} | ${v.source.status} | ${cell(v.source.note ?? '')} |`,
        );
      }
    }
  }
  return `${out.join('\n')}\n`;
}
