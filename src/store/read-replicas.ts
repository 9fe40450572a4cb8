// Reads that can lag (statistics, monitoring, person search) on PostgreSQL streaming replicas
// (DATABASE_READ_URL, issue 21), with a bound on how stale they may be and read-your-writes.
//
// How the lag is measured (at most once per CHECK_EVERY_MS, when a read asks for a replica): the primary's
// pg_current_wal_lsn() is sampled first, at time t, and each replica's pg_last_wal_replay_lsn() after it. A
// replica that has replayed up to a sample's LSN holds every transaction committed before that sample's time
// (a commit is acknowledged only once its WAL is written, with the default synchronous_commit). So each
// replica is "visible as of" the time of the latest primary sample it has reached, and its lag at any moment
// is now − that time — an upper bound that grows between checks and stays 0 on an idle primary (the replica
// reaches the current LSN), which pg_last_xact_replay_timestamp() does not. A replica is used while
// its lag is within maxLagMs; one that lags more, does not answer, is not a standby or whose check fails is
// left out until a later check finds it well; with none usable the read goes to the primary.
//
// Read-your-writes: wrote(who) records when a user's write was answered; a read for that user uses a replica
// only if the replica is visible as of a time after that write. The record is kept in this process's memory:
// with several Pact processes behind one address, route a user to one process (sticky sessions).
import type { Db } from './database.ts';

/** Default bound on replica lag (PACT_READ_MAX_LAG_MS). */
export const DEFAULT_MAX_LAG_MS = 5_000;
/** The replicas' lag is checked at most this often. */
export const CHECK_EVERY_MS = 1_000;
/** A check that takes longer than this finds the replica down. */
export const CHECK_TIMEOUT_MS = 1_000;
/** Primary samples kept: enough to date a replica up to this far behind (beyond: "too far"). */
const HISTORY_MS = 120_000;

export interface ReadReplica {
  /** host:port/database, for messages (never the password) */
  readonly label: string;
  readonly db: Db;
  /** pg_last_wal_replay_lsn() as text; null when the server is not a standby */
  replayLsn(): Promise<string | null>;
  close(): Promise<void>;
}

export interface ReplicaState {
  readonly label: string;
  /** the replica holds every transaction committed before this time (ms since the epoch); null: unknown */
  readonly visibleAsOf: number | null;
  /** why it is not used, when its check failed */
  readonly problem?: string;
}

export interface ReadRouterOptions {
  readonly primary: Db;
  /** pg_current_wal_lsn() of the primary, as text */
  readonly primaryLsn: () => Promise<string>;
  readonly replicas: readonly ReadReplica[];
  readonly maxLagMs?: number;
  /** milliseconds since the epoch; tests move it */
  readonly now?: () => number;
}

/** 'X/Y' (hexadecimal) → a comparable number of bytes. */
export function lsnBytes(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  if (hi === undefined || lo === undefined) throw new Error(`not an LSN: ${lsn}`);
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export class ReadRouter {
  readonly maxLagMs: number;
  private readonly now: () => number;
  private readonly history: { at: number; lsn: bigint }[] = [];
  private states: ReplicaState[];
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | undefined;
  private readonly lastWrite = new Map<string, number>();
  private next = 0;

  constructor(private readonly o: ReadRouterOptions) {
    this.maxLagMs = o.maxLagMs ?? DEFAULT_MAX_LAG_MS;
    this.now = o.now ?? Date.now;
    this.states = o.replicas.map((r) => ({ label: r.label, visibleAsOf: null }));
  }

  /** A user's write was answered: their reads go to the primary until a replica has it. */
  wrote(who: string): void {
    this.lastWrite.set(who, this.now());
    // forget writes every replica can no longer be behind (the map stays small)
    if (this.lastWrite.size > 10_000) {
      const old = this.now() - this.maxLagMs;
      for (const [k, at] of this.lastWrite) if (at < old) this.lastWrite.delete(k);
    }
  }

  /** The database a read that can lag uses: a replica within the bound (and after `who`'s last write), or the primary. */
  async forRead(who?: string): Promise<Db> {
    return (await this.choose(who)).db;
  }

  /**
   * Runs a read that can lag on forRead's choice; when a replica fails it (down since the last check, a query
   * cancelled by a conflict with recovery), the replica is left out until the next check and the read runs
   * again on the primary: the caller sees the primary's answer, not the replica's error.
   */
  async read<T>(who: string | undefined, run: (db: Db) => Promise<T>): Promise<T> {
    const chosen = await this.choose(who);
    if (chosen.index === undefined) return run(chosen.db);
    try {
      return await run(chosen.db);
    } catch (e) {
      const label = this.o.replicas[chosen.index]?.label ?? '';
      this.states[chosen.index] = { label, visibleAsOf: null, problem: (e as Error).message };
      return run(this.o.primary);
    }
  }

  private async choose(who?: string): Promise<{ db: Db; index?: number }> {
    if (this.o.replicas.length === 0) return { db: this.o.primary };
    if (this.now() - this.checkedAt >= CHECK_EVERY_MS) await this.check();
    const now = this.now();
    const since = who === undefined ? undefined : this.lastWrite.get(who);
    const usable = this.o.replicas.flatMap((_, i) => {
      const asOf = this.states[i]?.visibleAsOf;
      if (asOf === null || asOf === undefined) return [];
      if (now - asOf > this.maxLagMs) return [];
      return since === undefined || asOf > since ? [i] : [];
    });
    if (usable.length === 0) return { db: this.o.primary };
    this.next = (this.next + 1) % usable.length;
    const index = usable[this.next] as number;
    return { db: (this.o.replicas[index] as ReadReplica).db, index };
  }

  /** Each replica's last measured state (for /readyz-like reports, tests and the benchmark). */
  async status(): Promise<readonly ReplicaState[]> {
    if (this.now() - this.checkedAt >= CHECK_EVERY_MS) await this.check();
    return this.states;
  }

  /** Measures every replica now (one check at a time; callers during a check wait for it). */
  check(): Promise<void> {
    this.checking ??= this.measure().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async measure(): Promise<void> {
    const at = this.now();
    let sample: bigint | undefined;
    try {
      sample = lsnBytes(await withTimeout(this.o.primaryLsn(), CHECK_TIMEOUT_MS));
      this.history.push({ at, lsn: sample });
      while ((this.history[0]?.at ?? at) < at - HISTORY_MS) this.history.shift();
    } catch {
      // the primary did not answer: the replicas cannot be dated; keep none (reads fail on the primary as
      // writes do, with the primary's error)
    }
    this.states = await Promise.all(
      this.o.replicas.map(async (r): Promise<ReplicaState> => {
        if (sample === undefined) return { label: r.label, visibleAsOf: null, problem: 'primary unknown' };
        try {
          const text = await withTimeout(r.replayLsn(), CHECK_TIMEOUT_MS);
          if (text === null) return { label: r.label, visibleAsOf: null, problem: 'not a standby' };
          const replayed = lsnBytes(text);
          // the latest primary sample this replica has reached
          for (let i = this.history.length - 1; i >= 0; i--) {
            const h = this.history[i] as { at: number; lsn: bigint };
            if (h.lsn <= replayed) return { label: r.label, visibleAsOf: h.at };
          }
          return { label: r.label, visibleAsOf: null, problem: 'too far behind' };
        } catch (e) {
          return { label: r.label, visibleAsOf: null, problem: (e as Error).message };
        }
      }),
    );
    this.checkedAt = at;
  }

  close(): Promise<void> {
    return Promise.all(this.o.replicas.map((r) => r.close().catch(() => {}))).then(() => {});
  }
}
