// The activations of national emergency measures (issue 17; law/national/emergency-measures.ts): recorded with
// their audit entry in one transaction, checked against the measure first (at most 60 days at once in Poland;
// an extension names the activation it extends and, in Poland, the Sejm's consent). The API
// (POST /api/national-measures) and the CLI (`pact measure activate`) call `recordActivation`; the case service
// reads a state's activations when a refusal of entry names a measure (case-store.ts).
import { type SQL, sql } from 'drizzle-orm';
import type { NationalMeasureId } from '../../law/national/emergency-measures.ts';
import {
  checkActivation,
  type MeasureActivation,
  type NewActivation,
} from '../domain/guarantees/national-measures.ts';
import { appendAudit } from './audit.ts';
import { retryStaleWrites } from './chain-retry.ts';
import { type Db, rowsOf } from './database.ts';

const SELECT: SQL = sql`select id::text as "id", measure, state, area, starts_on::text as "startsOn",
    ends_on::text as "endsOn", act, extends_id::text as "extendsId", consent
  from national_measure_activations`;

interface Row {
  id: string;
  measure: string;
  state: string;
  area: string;
  startsOn: string;
  endsOn: string;
  act: string;
  extendsId: string | null;
  consent: string | null;
}

const toActivation = (r: Row): MeasureActivation => ({
  id: r.id,
  measure: r.measure as NationalMeasureId,
  state: r.state,
  area: r.area,
  startsOn: r.startsOn.slice(0, 10),
  endsOn: r.endsOn.slice(0, 10),
  act: r.act,
  ...(r.extendsId ? { extendsId: r.extendsId } : {}),
  ...(r.consent ? { consent: r.consent } : {}),
});

/** The activations of a state (every state's without one), by first day. */
export async function listActivations(db: Db, state?: string): Promise<MeasureActivation[]> {
  const rows = await rowsOf<Row>(
    db,
    sql`${SELECT} ${state ? sql`where state = ${state}` : sql``} order by starts_on, id`,
  );
  return rows.map(toActivation);
}

/** Checks an activation against its measure (throws CommandRejectedError), then records it. Returns its id. */
export async function recordActivation(
  db: Db,
  a: NewActivation,
  now: Date,
  actor: string,
  uuid: () => string = () => crypto.randomUUID(),
): Promise<string> {
  const id = uuid();
  await retryStaleWrites(() =>
    db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const previous = a.extendsId
        ? (await rowsOf<Row>(tx, sql`${SELECT} where id::text = ${a.extendsId}`)).map(toActivation)[0]
        : undefined;
      checkActivation(a, previous);
      await tx.execute(sql`insert into national_measure_activations
          (id, measure, state, area, starts_on, ends_on, act, extends_id, consent, recorded_by, recorded_at)
        values (${id}, ${a.measure}, ${a.state}, ${a.area}, ${a.startsOn}::date, ${a.endsOn}::date, ${a.act},
          ${previous?.id ?? null}, ${a.consent ?? null}, ${actor}, ${now.toISOString()}::timestamptz)`);
      await appendAudit(tx, [
        { at: now, actor, action: 'national-measure.activated', subject: id, data: { ...a } },
      ]);
    }),
  );
  return id;
}
