// issue 20: what the Union's installation does with a state's monthly figures (kind union.figures): checks that
// no field of a person is in the body (src/federation/personal-fields.ts), that the body is the kind's strict
// aggregate schema and that the sender is the state it speaks for, and stores it — one row per (state, month),
// a later message for the same month replacing the earlier. Read back across states by `unionFigures`.
import { asc, desc, eq, like } from 'drizzle-orm';
import { type Envelope, type KindHandlers, UNION } from '../federation/contract.ts';
import { UNION_FIGURES, UnionFiguresBody } from '../federation/kinds/union.ts';
import { assertNoPersonalFields } from '../federation/personal-fields.ts';
import { PactError } from '../law/errors.ts';
import type { Db } from './database.ts';
import { unionFigures } from './schema-federation.ts';

/** Figures for the Union sent to another party, or not aggregate figures: refused with a code. */
export class RefusedUnionFigures extends PactError {
  constructor(message: string) {
    super('union-figures-refused', message);
  }
}

export async function storeUnionFigures(
  tx: Db,
  message: Envelope,
  receivedAt: Date,
  self: string,
): Promise<void> {
  if (self !== UNION)
    throw new RefusedUnionFigures(`${UNION_FIGURES} is for the Union's installation, not ${self}`);
  assertNoPersonalFields(message.body);
  const parsed = UnionFiguresBody.safeParse(message.body);
  if (!parsed.success) throw new RefusedUnionFigures(`${UNION_FIGURES}: the body is not aggregate figures`);
  const body = parsed.data;
  if (body.state !== message.from)
    throw new RefusedUnionFigures(
      `${UNION_FIGURES}: ${message.from} may not send the figures of ${body.state}`,
    );
  const row = { state: body.state, month: body.month, body, messageId: message.id, receivedAt };
  await tx
    .insert(unionFigures)
    .values(row)
    .onConflictDoUpdate({
      target: [unionFigures.state, unionFigures.month],
      set: { body, messageId: message.id, receivedAt },
    });
}

export const UNION_HANDLERS: Readonly<Record<string, KindHandlers>> = {
  [UNION_FIGURES]: {
    onReceive: (message, receivedAt, ctx) => storeUnionFigures(ctx.tx, message, receivedAt, ctx.self),
  },
};

export interface StoredUnionFigures {
  readonly state: string;
  readonly month: string;
  readonly receivedAt: string;
  readonly body: UnionFiguresBody;
}

/** The figures received for `month`, by state. */
export async function listUnionFigures(db: Db, month: string): Promise<StoredUnionFigures[]> {
  const rows = await db
    .select()
    .from(unionFigures)
    .where(eq(unionFigures.month, month))
    .orderBy(asc(unionFigures.state));
  return rows.map((r) => ({
    state: r.state,
    month: r.month,
    receivedAt: r.receivedAt.toISOString(),
    body: r.body as UnionFiguresBody,
  }));
}

/** At the Union: each state's latest solidarity balance of `year` among the figures received (the last month sent). */
export async function latestUnionBalances(
  db: Db,
  year: number,
): Promise<Map<string, NonNullable<UnionFiguresBody['solidarity']>>> {
  const rows = await db
    .select()
    .from(unionFigures)
    .where(like(unionFigures.month, `${year}-%`))
    .orderBy(asc(unionFigures.state), desc(unionFigures.month));
  const out = new Map<string, NonNullable<UnionFiguresBody['solidarity']>>();
  for (const r of rows) {
    const s = (r.body as UnionFiguresBody).solidarity;
    if (s && s.year === year && !out.has(r.state)) out.set(r.state, s);
  }
  return out;
}
