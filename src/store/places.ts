// Places of a member state: border sections, crossing points, frontier stations, sites. Loaded from a CSV
// (data/places-lt.csv is the demonstration set for Lithuania); an encounter may name one.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { asc, eq, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../law/member-states.ts';
import { appendAudit, sha256 } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import type { Db } from './database.ts';
import { ReferenceDataFileError } from './reference-data.ts';
import { places } from './schema.ts';

const PlaceRow = z.object({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,63}$/, 'upper-case letters, digits and hyphens'),
  state: z.enum(MEMBER_STATE_CODES),
  kind: z.enum(['border-section', 'crossing-point', 'station', 'site']),
  name: z.string().min(1).max(200),
  border_section: z.string().optional(),
  open: z.enum(['true', 'false']).default('true'),
});

/** Reads and validates a places file; returns the rows or throws with every bad line. */
export function readPlaces(file: string): (typeof places.$inferInsert)[] {
  let records: Record<string, string>[];
  try {
    records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new ReferenceDataFileError(file, [(e as Error).message]);
  }
  const problems: string[] = [];
  const rows: (typeof places.$inferInsert)[] = [];
  records.forEach((rec, i) => {
    const r = PlaceRow.safeParse(rec);
    if (!r.success) {
      for (const issue of r.error.issues)
        problems.push(`line ${i + 2}, column ${issue.path.join('.')}: ${issue.message}`);
      return;
    }
    rows.push({
      id: r.data.id,
      state: r.data.state,
      kind: r.data.kind,
      name: r.data.name,
      borderSection: r.data.border_section || null,
      open: r.data.open === 'true',
    });
  });
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows)
    if (r.borderSection && !ids.has(r.borderSection))
      problems.push(`${r.id}: border section ${r.borderSection} is not in the file`);
  if (problems.length > 0) throw new ReferenceDataFileError(file, problems);
  return rows;
}

/** Inserts or updates the places (by id). */
export async function upsertPlaces(
  db: Db,
  rows: readonly (typeof places.$inferInsert)[],
  actor = 'cli',
): Promise<number> {
  if (rows.length === 0) return 0;
  await retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await tx
        .insert(places)
        .values([...rows])
        .onConflictDoUpdate({
          target: places.id,
          set: {
            state: sql`excluded.state`,
            kind: sql`excluded.kind`,
            name: sql`excluded.name`,
            borderSection: sql`excluded.border_section`,
            open: sql`excluded.open`,
          },
        });
      const digest = sha256(stringify(rows) ?? '');
      await appendAudit(tx, [
        {
          at: new Date(),
          actor,
          action: 'places.loaded',
          subject: null,
          data: { count: rows.length, rowsSha256: digest },
        },
      ]);
    }),
  );
  return rows.length;
}

export function listPlaces(db: Db, state?: string) {
  return db
    .select()
    .from(places)
    .where(state ? eq(places.state, state) : undefined)
    .orderBy(asc(places.kind), asc(places.id));
}
