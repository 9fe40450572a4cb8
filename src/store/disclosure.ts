// Disclosure control of every public statistic (issue #14, finding 3): one rule for the public aggregates,
// decisions, detentions, the Eurostat CSV and the public monitoring report (API and CLI). Staff of the state
// get exact figures and never pass through here.
//
// 1. Small cells: a count from 1 to SUPPRESS_BELOW − 1 (1–4) is hidden (null, suppressed: true, "< 5");
//    0 stays 0 (it singles out nobody).
// 2. Consistent random rounding to base 5 of every other count: v ≥ 5 is published as 5·⌊v/5⌋ or 5·⌊v/5⌋ + 5,
//    up with probability (v mod 5)/5, so the published value is unbiased (its expectation is v). The draw is
//    not Math.random: it is HMAC-SHA256(installation secret, cell identity | v), so the same cell always reads
//    the same (repeating a query and averaging learns nothing) and a changed count gets a fresh draw. The
//    identity names what is counted, not the route (state | metric | first day | last day | grouping | group),
//    so one count reached through two routes or two requests reads the same.
//    Every published count is then 0 or a multiple of 5; any sum or difference of published counts is a
//    multiple of 5 too, and can never equal a hidden count (1–4): "total minus the shown cells" gives an
//    attacker a multiple of 5, never the hidden value.
//    Eurostat publishes its asylum statistics rounded to the nearest 5 (ESMS metadata of migr_asyapp, 3.1:
//    "Data has been rounded to the nearest 5"; of migr_asydec, 3.1: "Data are rounded to the nearest 5").
//    Pact follows the base but uses *random* rounding (as the UK ONS and Statistics New Zealand do for
//    census tables) rather than rounding to the nearest: nearest rounding is biased on sums of many small
//    cells and lets an attacker bound a hidden cell to ±2, random rounding is unbiased and, keyed, consistent.
// 3. Derived figures are computed from published counts (a rate from the rounded counts), totals are rounded
//    on their own (they may differ from the sum of the rounded parts).
//
// The secret: 32 random bytes made in Node on first need, stored in installation_secrets (insert … on
// conflict do nothing, then read back, so every process of a PostgreSQL deployment uses the same one),
// cached per database handle. Never logged, never in an answer.
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AggregateQuery, AggregateRow, Granularity } from './aggregates.ts';
import type { Db } from './database.ts';
import { rowsOf } from './database.ts';

/** Counts from 1 to ROUNDING_BASE − 1 are hidden; every other count is rounded to a multiple of this. */
export const ROUNDING_BASE = 5;

/** The name of the rounding key in installation_secrets. */
const SECRET_NAME = 'statistics-rounding-key';

const secrets = new WeakMap<object, Promise<Buffer>>();

/** The stored key, made first when there is none (the first writer wins; uncached: `roundingKey` caches). */
export async function storedRoundingKey(db: Db): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64');
  await db.execute(
    sql`insert into installation_secrets (name, value) values (${SECRET_NAME}, ${fresh}) on conflict (name) do nothing`,
  );
  const [row] = await rowsOf<{ value: string }>(
    db,
    sql`select value from installation_secrets where name = ${SECRET_NAME}`,
  );
  if (!row) throw new Error('the statistics rounding key could not be stored');
  return Buffer.from(row.value, 'base64');
}

/** The installation's rounding key (made and stored on first need; one read per process and database). */
export function roundingKey(db: Db): Promise<Buffer> {
  let p = secrets.get(db);
  if (!p) {
    p = storedRoundingKey(db);
    // a failed read is not cached: the next request tries again
    p.catch(() => secrets.delete(db));
    secrets.set(db, p);
  }
  return p;
}

/** What a count counts: the same identity gives the same published value whichever route reads it. */
export interface CellIdentity {
  readonly state: string;
  /** what is counted: an aggregate metric, 'decisions:refugee-status', 'eurostat:first-time-applicants' … */
  readonly metric: string;
  /** first and last day (YYYY-MM-DD) of the cell's period, both counted */
  readonly first: string;
  readonly last: string;
  /** the grouping ('none' for a total) and the group ('' for a total) */
  readonly grouping: string;
  readonly group: string | null;
}

/** The canonical text of an identity (fields joined by '|'; none of them may hold '|'). */
export const identityText = (c: CellIdentity): string =>
  [c.state, c.metric, c.first, c.last, c.grouping, c.group ?? ''].join('|');

/** A published count: a number (0 or a multiple of 5), or null when hidden. */
export type PublishedCount = number | null;

/** Is `v` hidden outright (1 to ROUNDING_BASE − 1)? */
export const isHiddenCount = (v: number): boolean => v > 0 && v < ROUNDING_BASE;

/**
 * The uniform draw in [0, 1) of a cell and its true value: the first 48 bits of
 * HMAC-SHA256(key, identity | value), divided by 2^48.
 */
export function drawOf(key: Buffer, identity: string, value: number): number {
  const mac = createHmac('sha256', key).update(`${identity}|${value}`).digest();
  return mac.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * The published value of a true count: 0 → 0; 1–4 → null (hidden); v ≥ 5 → 5·⌊v/5⌋, or 5·⌊v/5⌋ + 5 when the
 * keyed draw is below (v mod 5)/5. Pure: the key comes in as an argument.
 */
export function roundCount(key: Buffer, identity: CellIdentity | string, value: number): PublishedCount {
  if (value === 0) return 0;
  if (isHiddenCount(value)) return null;
  const base = ROUNDING_BASE * Math.floor(value / ROUNDING_BASE);
  const rest = value - base;
  if (rest === 0) return value;
  const id = typeof identity === 'string' ? identity : identityText(identity);
  return drawOf(key, id, value) < rest / ROUNDING_BASE ? base + ROUNDING_BASE : base;
}

/** A rounder bound to a key: what the routes pass to the pure suppression functions. */
export type Rounder = (identity: CellIdentity, value: number) => PublishedCount;

export const rounderOf =
  (key: Buffer): Rounder =>
  (identity, value) =>
    roundCount(key, identity, value);

// ——— periods: the first and last day of a period as the outputs write it ———

const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * The first and last day of a period written as the outputs write it (YYYY-MM-DD: a day, or the Monday of an
 * ISO week when `granularity` is week; YYYY-MM; YYYY), clipped to `from`–`to` (the public asks whole periods
 * only, so clipping changes nothing there; it keeps identities honest for staff-shaped windows).
 */
export function periodDays(
  period: string,
  granularity: Granularity,
  from: string,
  to: string,
): { first: string; last: string } {
  let first: string;
  let last: string;
  if (granularity === 'year') {
    first = `${period}-01-01`;
    last = `${period}-12-31`;
  } else if (granularity === 'month') {
    const [y, m] = period.split('-').map(Number) as [number, number];
    first = `${period}-01`;
    last = dayText(new Date(Date.UTC(y, m, 0)));
  } else if (granularity === 'week') {
    first = period;
    last = dayText(new Date(Date.parse(`${period}T00:00:00Z`) + 6 * 86_400_000));
  } else {
    first = period;
    last = period;
  }
  return { first: first < from ? from : first, last: last > to ? to : last };
}

// ——— the aggregates (GET /api/public/aggregates) ———

/** A day moved by whole years (29 February → 28 February) or weeks: the period a comparison reads. */
function earlierPeriod(period: string, granularity: Granularity): string {
  if (granularity === 'week')
    return new Date(Date.parse(`${period}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const y = String(Number(period.slice(0, 4)) - 1).padStart(4, '0');
  const rest = period.slice(4);
  return rest === '-02-29' ? `${y}-02-28` : `${y}${rest}`;
}

/**
 * The rounder of one aggregates answer: a row's identity is its state, metric, period days, grouping (none
 * when the row is a metric's total, group null) and group; `previous` is the same group's count of the period
 * a year earlier (`earlier`: the days that comparison read).
 */
export function aggregateRounder(
  key: Buffer,
  q: Pick<AggregateQuery, 'state' | 'from' | 'to' | 'granularity' | 'by'>,
  earlier?: { from: string; to: string },
): (r: AggregateRow, which: 'value' | 'previous', value: number) => PublishedCount {
  return (r, which, value) => {
    const days =
      which === 'value'
        ? periodDays(r.period, q.granularity, q.from, q.to)
        : periodDays(
            earlierPeriod(r.period, q.granularity),
            q.granularity,
            earlier?.from ?? q.from,
            earlier?.to ?? q.to,
          );
    return roundCount(
      key,
      {
        state: q.state,
        metric: r.metric,
        ...days,
        grouping: r.group === null ? 'none' : q.by,
        group: r.group,
      },
      value,
    );
  };
}
