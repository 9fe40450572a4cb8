// `pact places import FILE`, `pact places list`: border sections, crossing points and stations.
import { Command, Option } from 'commander';
import { listPlaces, readPlaces, upsertPlaces } from '../../store/places.ts';
import type { CliContext } from '../context.ts';
import { renderTable } from '../format/table.ts';
import { parseCountry } from '../options.ts';
import { withStore } from '../store-session.ts';

export function placesCommand(ctx: CliContext): Command {
  const cmd = new Command('places').description(
    'border sections, crossing points, frontier stations and sites',
  );
  cmd
    .command('import')
    .description(
      'load places from a CSV (id, state, kind, name, border_section, open); e.g. data/places-lt.csv',
    )
    .argument('<file>', 'the CSV file')
    .action(async (file: string) => {
      const rows = readPlaces(file);
      const n = await withStore(ctx, (_cs, store) => upsertPlaces(store.db, rows));
      ctx.stdout(`${n} places loaded\n`);
    });
  cmd
    .command('list')
    .description('the places known')
    .addOption(new Option('--state <code>', "one member state's places").argParser(parseCountry))
    .action(async (opts: { state?: string }) => {
      const rows = await withStore(ctx, (_cs, store) => listPlaces(store.db, opts.state));
      ctx.stdout(
        `${renderTable(
          [
            { header: 'Id' },
            { header: 'Kind' },
            { header: 'Name' },
            { header: 'Section' },
            { header: 'Open' },
          ],
          rows.map((r) => [r.id, r.kind, r.name, r.borderSection ?? '', r.open ? 'yes' : 'no']),
        )}\n`,
      );
    });
  return cmd;
}
