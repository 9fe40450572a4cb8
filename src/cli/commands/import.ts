// `pact import encounters FILE.csv`: streams the file, groups rows by encounter, records good encounters in
// batches and reports every bad row (line, column, reason). Bad rows are written nowhere; importing the same
// file again creates nothing new (each encounter's idempotency key is its state and reference).
// issue 21 (copy): the rows are validated here (parseRow, buildEncounter) and each batch is written by COPY
// in one transaction with one audit entry (src/store/bulk-import.ts).
import { createReadStream, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { parse } from 'csv-parse';
import type { RecordEncounter } from '../../domain/commands.ts';
import {
  buildEncounter,
  CSV_COLUMNS,
  isRowErrors,
  type ParsedRow,
  parseRow,
  REQUIRED_COLUMNS,
  type RowError,
} from '../../domain/encounter-csv.ts';
import { PactError } from '../../law/errors.ts';
import { importBatch } from '../../store/bulk-import.ts';
import type { CaseStore } from '../../store/case-store.ts';
import type { Store } from '../../store/database.ts';
import type { CliContext } from '../context.ts';
import { withStore } from '../store-session.ts';

interface Options {
  actor: string;
  batch: number;
}

export const EXIT_PARTIAL = 1;

export function importCommand(ctx: CliContext): Command {
  const cmd = new Command('import').description('import records from files');
  cmd
    .command('encounters')
    .description(
      'import encounters from a CSV file: one row per person, grouped by encounter reference (docs/import.md)',
    )
    .argument('<file>', 'the CSV file')
    .option('--actor <name>', 'who is recorded as the author of the imported actions', 'csv-import')
    .addOption(
      new Option('--batch <n>', 'encounters per transaction').default(5000).argParser((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 10_000)
          throw new InvalidArgumentError('a whole number from 1 to 10,000');
        return n;
      }),
    )
    .addHelpText(
      'after',
      `\nColumns: ${CSV_COLUMNS.join(', ')}\nRequired: ${REQUIRED_COLUMNS.join(', ')}\nExit code: 0 when every row was imported (or had been before), 1 when some rows were bad, 2 when the file cannot be read.`,
    )
    .action(async (file: string, opts: Options) => {
      ctx.setExitCode?.(await runImport(ctx, file, opts));
    });
  return cmd;
}

interface Tally {
  rows: number;
  encounters: number;
  persons: number;
  replayed: number;
  bad: RowError[];
}

async function runImport(ctx: CliContext, file: string, opts: Options): Promise<number> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new PactError('file', `cannot read ${file}: not a readable file`);
  }
  const tally: Tally = { rows: 0, encounters: 0, persons: 0, replayed: 0, bad: [] };
  const bar = ctx.interactive
    ? new SingleBar({ format: 'importing [{bar}] {percentage}% | {rows} rows', hideCursor: true })
    : undefined;
  bar?.start(size, 0, { rows: 0 });
  let headerSeen = false;
  await withStore(ctx, async (cs, store) => {
    const parser = createReadStream(file).pipe(
      parse({
        columns: (h: string[]) => {
          headerSeen = true;
          return checkHeader(h);
        },
        info: true,
        skip_empty_lines: true,

        trim: true,
      }),
    );
    const done = new Set<string>();
    let group: ParsedRow[] = [];
    let groupBad = false;
    let batch: { command: RecordEncounter; key: string; lines: number[] }[] = [];
    const flushGroup = () => {
      if (group.length > 0 && !groupBad) {
        const built = buildEncounter(group);
        if (isRowErrors(built)) tally.bad.push(...built);
        else
          batch.push({
            command: built.encounter,
            key: `import:${built.encounter.state}:${built.encounter.ref}`,
            lines: built.lines,
          });
      } else if (groupBad) {
        for (const r of group)
          tally.bad.push({
            line: r.line,
            column: 'row',
            reason: 'not imported: another row of its encounter is bad',
          });
      }
      if (group[0]) done.add(group[0].groupKey);
      group = [];
      groupBad = false;
    };
    // issue 21 (copy): one batch is written while the next is read and validated; batches still commit in order
    let inFlight: Promise<void> = Promise.resolve();
    const flushBatch = async () => {
      if (batch.length === 0) return;
      const items = batch;
      batch = [];
      await inFlight;
      inFlight = record(cs, store, items, opts.actor, tally);
      inFlight.catch(() => {}); // awaited before the next batch and at the end
    };
    try {
      for await (const { record: row, info } of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number; bytes: number };
      }>) {
        tally.rows += 1;
        const parsed = parseRow(row, info.lines);
        const key = isRowErrors(parsed)
          ? `${row.state?.toUpperCase()}:${row.encounter_ref}`
          : parsed.groupKey;
        if (group[0] && group[0].groupKey !== key) flushGroup();
        if (done.has(key)) {
          tally.bad.push({
            line: info.lines,
            column: 'encounter_ref',
            reason: 'the rows of this encounter are not together in the file; keep them together',
          });
          continue;
        }
        if (isRowErrors(parsed)) {
          tally.bad.push(...parsed);
          groupBad = true;
          if (group.length === 0) group.push({ line: info.lines, groupKey: key, encounter: {} });
          continue;
        }
        group.push(parsed);
        if (batch.length >= opts.batch) await flushBatch();
        if (tally.rows % 1000 === 0) bar?.update(info.bytes, { rows: tally.rows });
      }
      flushGroup();
      await flushBatch();
      await inFlight;
    } catch (e) {
      // a batch still being written ends (commits or fails) before the count is reported and the store closed
      // (the count is of the batches that committed)
      await inFlight.catch(() => {});
      if (e instanceof PactError) throw e;
      const where = (e as { lines?: number }).lines;
      throw new PactError(
        'csv',
        `${where ? `line ${where}: ` : ''}${(e as Error).message}; ${tally.encounters} encounters were committed before it (importing the corrected file again skips them)`,
      );
    }
    if (!headerSeen) throw new PactError('csv-header', `${file} is empty: it has no header line`);
  });
  bar?.update(size, { rows: tally.rows });
  bar?.stop();
  // the placeholder row of a bad group is reported by its own errors, not again
  const bad = dedupe(tally.bad).sort((a, b) => a.line - b.line);
  for (const b of bad) ctx.stderr(`line ${b.line}, column ${b.column}: ${b.reason}\n`);
  ctx.stdout(
    `${tally.rows} rows read: ${tally.encounters} encounters with ${tally.persons} identified persons recorded; ${tally.replayed} encounters already imported before; ${new Set(bad.map((b) => b.line)).size} bad rows, not written\n`,
  );
  return bad.length > 0 ? EXIT_PARTIAL : 0;
}

async function record(
  cs: CaseStore,
  store: Store,
  batch: readonly { command: RecordEncounter; key: string; lines: number[] }[],
  actor: string,
  tally: Tally,
) {
  const outcomes = await importBatch(store, cs.services, batch, { actor, role: 'import' });
  outcomes.forEach((o, i) => {
    const item = batch[i];
    if (!item) return;
    if (o.status === 'recorded') {
      tally.encounters += 1;
      tally.persons += o.result.caseIds.length;
    } else if (o.status === 'replayed') {
      tally.replayed += 1;
    } else if (o.status === 'rejected') {
      const column =
        o.error.code === 'duplicate-reference' || o.error.code === 'idempotency-key-reused'
          ? 'encounter_ref'
          : o.error.message.startsWith('occurredAt')
            ? 'occurred_at'
            : o.error.code === 'unknown-place' || o.error.code === 'place-closed'
              ? 'place_id'
              : o.error.code === 'person-already-recorded'
                ? 'document_number'
                : 'row';
      for (const line of item.lines) tally.bad.push({ line, column, reason: o.error.message });
    }
  });
}

function checkHeader(header: string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0)
    throw new PactError(
      'csv-header',
      `line 1: column ${[...new Set(twice)].join(', ')} appears more than once`,
    );
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0)
    throw new PactError(
      'csv-header',
      `line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw new PactError(
      'csv-header',
      `line 1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (see docs/import.md)`,
    );
  return names;
}

function dedupe(errors: readonly RowError[]): RowError[] {
  const byLine = new Map<number, RowError[]>();
  for (const e of errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  const out: RowError[] = [];
  for (const list of byLine.values()) {
    const specific = list.filter((e) => !e.reason.startsWith('not imported:'));
    const seen = new Set<string>();
    for (const e of specific.length > 0 ? specific : list.slice(0, 1)) {
      const k = `${e.column}|${e.reason}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(e);
      }
    }
  }
  return out;
}
