// Places of a member state: border sections, crossing points, frontier stations, sites. Loaded from a CSV
// (data/places-lt.csv is the demonstration set for Lithuania); an encounter may name one.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { z } from 'zod';
import { MEMBER_STATE_CODES, type MemberStateCode } from '../../law/member-states.ts';
import { PLACE_KINDS } from '../domain/vocabulary.ts';
import { appendAudit, sha256 } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import type { Db } from './database.ts';
import { DATA_DIR, ReferenceDataFileError } from './reference-data.ts';
import { places } from './schema.ts';

const PlaceRow = z.object({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,63}$/, 'upper-case letters, digits and hyphens'),
  state: z.enum(MEMBER_STATE_CODES),
  kind: z.enum(PLACE_KINDS),
  name: z.string().min(1).max(200),
  border_section: z.string().optional(),
  open: z.enum(['true', 'false']).default('true'),
});

/** The places each member state's installation may load as shipped (data/SOURCES.md says where they come from). */
export const SHIPPED_PLACES: Readonly<Partial<Record<MemberStateCode, string>>> = { LT: 'places-lt.csv' };

/** The shipped places file of `state`, if the project ships one. */
export const shippedPlacesFile = (state: string): URL | undefined => {
  const file = SHIPPED_PLACES[state as MemberStateCode];
  return file ? new URL(file, DATA_DIR) : undefined;
};

export type PlaceInsert = typeof places.$inferInsert;

/** The most places one file may hold (one INSERT: 6 parameters a row, PostgreSQL takes 65,535). */
export const MAX_PLACES_PER_FILE = 5000;

/**
 * Parses and validates the text of a places CSV: every row, or every problem with its line (the header is
 * line 1). A border section must be a place of the same text, so that a file stands on its own. With
 * `state`, every place must be of that state.
 */
export function parsePlaces(text: string, state?: string): { rows: PlaceInsert[]; problems: string[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    return { rows: [], problems: [(e as Error).message] };
  }
  if (records.length > MAX_PLACES_PER_FILE)
    return { rows: [], problems: [`${records.length} places: at most ${MAX_PLACES_PER_FILE} in one file`] };
  const problems: string[] = [];
  const rows: PlaceInsert[] = [];
  const lineOf = new Map<string, number>();
  records.forEach((rec, i) => {
    const r = PlaceRow.safeParse(rec);
    if (!r.success) {
      for (const issue of r.error.issues)
        problems.push(`line ${i + 2}, column ${issue.path.join('.')}: ${issue.message}`);
      return;
    }
    if (lineOf.has(r.data.id))
      problems.push(`line ${i + 2}: ${r.data.id} is already on line ${lineOf.get(r.data.id)}`);
    if (state && r.data.state !== state)
      problems.push(`line ${i + 2}, column state: a place of ${r.data.state}; this set-up is ${state}'s`);
    lineOf.set(r.data.id, i + 2);
    rows.push({
      id: r.data.id,
      state: r.data.state,
      kind: r.data.kind,
      name: r.data.name,
      borderSection: r.data.border_section || null,
      open: r.data.open === 'true',
    });
  });
  for (const r of rows)
    if (r.borderSection && !lineOf.has(r.borderSection))
      problems.push(`line ${lineOf.get(r.id)}: border section ${r.borderSection} is not in the file`);
  if (records.length === 0 && problems.length === 0) problems.push('the file has no places');
  return { rows, problems };
}

/** Reads and validates a places file; returns the rows or throws with every bad line. */
export function readPlaces(file: string | URL): PlaceInsert[] {
  const name = typeof file === 'string' ? file : file.pathname;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ReferenceDataFileError(name, [(e as Error).message]);
  }
  const { rows, problems } = parsePlaces(text);
  if (problems.length > 0) throw new ReferenceDataFileError(name, problems);
  return rows;
}

/** Of `ids`, those that are places of another state than `state` (an id names one place of one state). */
export async function idsOfOtherStates(db: Db, ids: readonly string[], state: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: places.id })
    .from(places)
    .where(and(inArray(places.id, [...ids]), ne(places.state, state)));
  return rows.map((r) => r.id);
}

/** A load that names places of another state (by id): nothing of it is written. */
export class PlacesOfAnotherState extends Error {
  constructor(readonly ids: readonly string[]) {
    super(`places of another state: ${ids.join(', ')}`);
  }
}

/** Inserts or updates the places (by id); a place never changes state (PlacesOfAnotherState). */
export async function upsertPlaces(
  db: Db,
  rows: readonly PlaceInsert[],
  actor = 'cli',
  /** When (the server's clock), and what the audit entry adds (where the rows came from). */
  options: { at?: Date; data?: Readonly<Record<string, string>> } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  await retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      // a place stays its state's: a row whose id is another state's place updates nothing, and the whole
      // load is refused (checked in the same statement, so two loads at once cannot move a place either)
      const written = await tx
        .insert(places)
        .values([...rows])
        .onConflictDoUpdate({
          target: places.id,
          set: {
            kind: sql`excluded.kind`,
            name: sql`excluded.name`,
            borderSection: sql`excluded.border_section`,
            open: sql`excluded.open`,
          },
          setWhere: sql`${places.state} = excluded.state`,
        })
        .returning({ id: places.id });
      if (written.length !== rows.length) {
        const done = new Set(written.map((w) => w.id));
        throw new PlacesOfAnotherState(rows.filter((r) => !done.has(r.id)).map((r) => r.id));
      }
      const digest = sha256(stringify(rows) ?? '');
      await appendAudit(tx, [
        {
          at: options.at ?? new Date(),
          actor,
          action: 'places.loaded',
          subject: null,
          data: { ...options.data, count: rows.length, rowsSha256: digest },
        },
      ]);
    }),
  );
  return rows.length;
}

/** Whether `id` is a place (of `state`, when given): one row read. */
export async function isPlace(db: Db, id: string, state?: string): Promise<boolean> {
  const rows = await db
    .select({ id: places.id })
    .from(places)
    .where(state ? and(eq(places.id, id), eq(places.state, state)) : eq(places.id, id))
    .limit(1);
  return rows.length > 0;
}

export function listPlaces(db: Db, state?: string) {
  return db
    .select()
    .from(places)
    .where(state ? eq(places.state, state) : undefined)
    .orderBy(asc(places.kind), asc(places.id));
}
