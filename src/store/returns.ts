// issue 22: what the store checks of a voluntary return that the pure domain cannot: the departure is
// confirmed at a border crossing point of the case's state (a place of kind `crossing-point` in the places
// reference, src/store/places.ts) — RD Art. 3(8), the person leaves through the external border.
import { and, eq } from 'drizzle-orm';
import type { CaseState } from '../domain/case-state.ts';
import type { CaseCommand } from '../domain/commands.ts';
import type { Db } from './database.ts';
import { FieldRefusalError, UnknownPlaceError } from './errors.ts';
import { places } from './schema.ts';

/** The place named is loaded but is not a border crossing point (a section, station or site). */
export class PlaceNotCrossingPointError extends FieldRefusalError {
  constructor(id: string, kind: string) {
    super(
      'place-not-crossing-point',
      `place ${id} is a ${kind}, not a border crossing point: a departure is confirmed at a crossing point`,
      'placeId',
      { placeId: id, kind },
    );
  }
}

/** Refuses a departure confirmed at a place that is not a crossing point of the case's state. */
export async function checkDeparturePlace(db: Db, current: CaseState, command: CaseCommand): Promise<void> {
  if (command.type !== 'return.departure-confirmed') return;
  const rows = await db
    .select({ kind: places.kind })
    .from(places)
    .where(and(eq(places.id, command.placeId), eq(places.state, current.state)))
    .limit(1);
  const kind = rows[0]?.kind;
  if (kind === undefined) throw new UnknownPlaceError(command.placeId);
  if (kind !== 'crossing-point') throw new PlaceNotCrossingPointError(command.placeId, kind);
}
