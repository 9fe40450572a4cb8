// `pact fair-shares`: every participating state's key and fair share of a pool (AMMR Art. 66, Annex I),
// or one state's share and the split between relocating and paying.
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { MEMBER_STATES, type MemberStateCode } from '../../../law/member-states.ts';
import { SAFE_CSV } from '../../api/csv.ts';
import { PactError } from '../../law/errors.ts';
import { computeFairShares, type FairShareResult, type FairShareRow } from '../../law/fair-shares.ts';
import { LAW } from '../../law/law.ts';
import { formatValue, type UsedParameter } from '../../law/parameters.ts';
import { annualPool, customPool, type Pool, statutoryMinimumPool } from '../../law/pool.ts';
import { type PledgeSplit, splitPledge } from '../../solidarity/pledge-split.ts';
import { loadReferenceData } from '../../store/reference-data.ts';
import { type CliContext, FORMATS, type Format, today, UsageError } from '../context.ts';
import { formatCents, formatDecimalString, formatInt, formatShare, renderTable } from '../format/table.ts';
import {
  parseCountry,
  parseDate,
  parseEuroCents,
  parsePercent,
  parsePersons,
  parseYear,
} from '../options.ts';

interface Options {
  pool?: number;
  relocations?: number;
  eur?: number;
  asOf?: string;
  country?: MemberStateCode;
  relocate?: ReturnType<typeof parsePercent>;
  format: Format;
}

export function fairSharesCommand(ctx: CliContext): Command {
  return new Command('fair-shares')
    .description("each participating member state's fair share of a solidarity pool (AMMR Art. 66, Annex I)")
    .addOption(
      new Option('--pool <year>', 'the annual pool the Council set for that year (e.g. 2026)')
        .argParser(parseYear)
        .conflicts(['relocations', 'eur']),
    )
    .addOption(new Option('--relocations <n>', 'a pool of this many relocations').argParser(parsePersons))
    .addOption(
      new Option('--eur <amount>', 'a pool of this many euros of financial contributions').argParser(
        parseEuroCents,
      ),
    )
    .addOption(
      new Option(
        '--as-of <date>',
        "date of the reference data and of the law of the key (default: today; with --pool: the pool's proposal date, and the pool as the Council set it)",
      ).argParser(parseDate),
    )
    .addOption(
      new Option('--country <code>', 'show one member state (ISO code, e.g. LT)').argParser(parseCountry),
    )
    .addOption(
      new Option(
        '--relocate <percent>',
        'with --country: relocate this share of the fair share, pay for the rest',
      ).argParser(parsePercent),
    )
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .addHelpText(
      'after',
      `
Without --pool, --relocations or --eur the pool is the statutory minimum of a Commission proposal
(AMMR Art. 12(2): 30,000 relocations / EUR 600 million). One relocation stands for EUR 20,000
(derived from Art. 12(3)). Reference data: population on 1 January and GDP, the latest published at
the date (data/SOURCES.md).

Examples:
  pact fair-shares --pool 2026
  pact fair-shares --country LT --relocate 50%
  pact fair-shares --relocations 30000 --eur 600000000 --format csv`,
    )
    .action((opts: Options) => runFairShares(ctx, opts));
}

function resolvePool(ctx: CliContext, opts: Options): { pool: Pool; asOf: string } {
  const now = today(ctx);
  if (opts.pool !== undefined) {
    const pool = annualPool(LAW, opts.pool, now);
    return { pool, asOf: opts.asOf ?? pool.dataDate };
  }
  const asOf = opts.asOf ?? now;
  if (opts.relocations !== undefined || opts.eur !== undefined) {
    return { pool: customPool(LAW, asOf, { relocations: opts.relocations, eurCents: opts.eur }), asOf };
  }
  return { pool: statutoryMinimumPool(LAW, asOf), asOf };
}

function runFairShares(ctx: CliContext, opts: Options): void {
  if (opts.relocate && !opts.country)
    throw new UsageError('--relocate needs --country (the state whose share is split)');
  const { pool, asOf } = resolvePool(ctx, opts);
  const result = computeFairShares(LAW, asOf, loadReferenceData(), pool);
  if (opts.country) {
    const row = result.rows.find((r) => r.country === opts.country);
    if (!row) {
      throw new PactError(
        'not-participating',
        `${MEMBER_STATES[opts.country]} (${opts.country}) is not among the ${result.totals.states} member states bound by the AMMR on ${asOf}, so it has no fair share (see 'pact params ammr.participating-states')`,
      );
    }
    const split = opts.relocate
      ? splitPledge({
          fairShare: row.relocations,
          relocateFraction: opts.relocate,
          eurPerRelocation: pool.eurPerRelocation,
        })
      : undefined;
    ctx.stdout(renderCountry(result, row, split, opts));
  } else {
    ctx.stdout(renderAll(result, opts.format));
  }
  // CSV has no room for them, and JSON readers may not look: warnings also go to stderr.
  if (opts.format !== 'table') for (const w of result.warnings) ctx.stderr(`warning: ${w}\n`);
}

const POOL_LINE = (p: Pool) =>
  `${p.label}: ${formatInt(p.relocations)} relocations or EUR ${formatCents(p.eurCents)} of financial contributions`;

const DATA_LINE = (r: FairShareResult) =>
  `Reference data as of ${r.asOf}: population on 1 January ${r.populationYear} (${r.trace.data.population.file}), GDP ${r.gdpYear} (${r.trace.data.gdp.file})`;

function renderParameters(params: readonly UsedParameter[]): string[] {
  const seen = new Set<string>();
  const lines = ['Parameters:'];
  for (const p of params) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    const value =
      p.unit === 'states' ? `${(p.value as readonly string[]).length} states` : formatValue(p.unit, p.value);
    lines.push(`  ${p.name} = ${value} — ${p.citation} [${p.status}], since ${p.since}`);
  }
  return lines;
}

function renderNotes(r: FairShareResult): string[] {
  const lines = [
    '',
    `Rule: ${r.trace.rule}.`,
    `Rounding: ${r.trace.rounding}.`,
    ...r.trace.notes.map((n) => `Note: ${n}.`),
    ...renderParameters(r.trace.parameters),
  ];
  if (r.warnings.length > 0) lines.push('Warnings:', ...r.warnings.map((w) => `  ! ${w}`));
  return lines;
}

const csvRow = (r: FairShareRow) => ({
  country_code: r.country,
  country: r.name,
  population: r.population,
  population_share: r.populationShare,
  gdp_meur: r.gdpMeur,
  gdp_share: r.gdpShare,
  key: r.key,
  relocations: r.relocations,
  eur: (r.eurCents / 100).toFixed(2),
});

function renderAll(r: FairShareResult, format: Format): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  if (format === 'csv') return stringify(r.rows.map(csvRow), { ...SAFE_CSV, header: true });
  const participating = new Set(r.rows.map((x) => x.country));
  const absent = Object.keys(MEMBER_STATES).filter((c) => !participating.has(c as MemberStateCode));
  const table = renderTable(
    [
      { header: 'State' },
      { header: 'Population', align: 'right' },
      { header: 'Pop. share', align: 'right' },
      { header: 'GDP (EUR m)', align: 'right' },
      { header: 'GDP share', align: 'right' },
      { header: 'Key', align: 'right' },
      { header: 'Relocations', align: 'right' },
      { header: 'EUR', align: 'right' },
    ],
    r.rows.map((x) => [
      `${x.country} ${x.name}`,
      formatInt(x.population),
      formatShare(x.populationShare),
      formatDecimalString(x.gdpMeur),
      formatShare(x.gdpShare),
      formatShare(x.key),
      formatInt(x.relocations),
      formatCents(x.eurCents),
    ]),
    [
      `Total (${r.totals.states} states)`,
      formatInt(r.totals.population),
      formatShare(1),
      formatDecimalString(r.totals.gdpMeur),
      formatShare(1),
      formatShare(1),
      formatInt(r.totals.relocations),
      formatCents(r.totals.eurCents),
    ],
  );
  const head = [
    `Fair shares of the ${POOL_LINE(r.pool)}`,
    DATA_LINE(r),
    `${r.totals.states} participating member states${absent.length > 0 ? `; not taking part: ${absent.map((c) => `${MEMBER_STATES[c as MemberStateCode]} (${c})`).join(', ')}` : ''}`,
    '',
  ];
  return `${[...head, table, ...renderNotes(r)].join('\n')}\n`;
}

function renderCountry(
  r: FairShareResult,
  row: FairShareRow,
  split: PledgeSplit | undefined,
  opts: Options,
): string {
  const percent = opts.relocate?.text;
  if (opts.format === 'json') {
    return `${JSON.stringify({ asOf: r.asOf, pool: r.pool, populationYear: r.populationYear, gdpYear: r.gdpYear, state: row, relocate: percent, split, warnings: r.warnings, trace: r.trace }, null, 2)}\n`;
  }
  if (opts.format === 'csv') {
    const extra = split
      ? {
          relocate_percent: percent?.replace(' %', ''),
          relocated: split.relocated,
          paid_for: split.paidFor,
          payment_eur: (split.paymentCents / 100).toFixed(2),
        }
      : {};
    return stringify([{ ...csvRow(row), ...extra }], { ...SAFE_CSV, header: true });
  }
  const lines = [
    `${row.name} (${row.country}): fair share of the ${POOL_LINE(r.pool)}`,
    DATA_LINE(r),
    '',
    `  population         ${formatInt(row.population)} = ${formatShare(row.populationShare)} of the ${r.totals.states} participating states`,
    `  GDP (EUR million)  ${formatDecimalString(row.gdpMeur)} = ${formatShare(row.gdpShare)}`,
    `  key                ${formatShare(row.key)} = ${r.weights.population} % × ${formatShare(row.populationShare)} + ${r.weights.gdp} % × ${formatShare(row.gdpShare)}`,
    `  fair share         ${formatInt(row.relocations)} relocations (exactly ${row.exactRelocations.toFixed(2)}), or EUR ${formatCents(row.eurCents)}`,
  ];
  if (split) {
    lines.push(
      '',
      `Pledge: relocate ${percent} of the fair share, pay for the rest`,
      `  relocates          ${formatInt(split.relocated)} persons`,
      `  pays for           ${formatInt(split.paidFor)} persons × EUR ${formatInt(r.pool.eurPerRelocation)} = EUR ${formatCents(split.paymentCents)}`,
      `  Rule: ${split.rule}.`,
    );
  }
  return `${[...lines, ...renderNotes(r)].join('\n')}\n`;
}
