// Which database failures are worth retrying and which mean the database is gone for good. A transient one
// (the server restarting, a dropped connection) is answered 503 with Retry-After: nothing was written and
// the pool reconnects on the next query. A fatal one (disk full, out of memory, an I/O error, PGlite's WASM
// aborted) does not heal while the process runs: the server reports itself not ready and exits, so that a
// supervisor restarts it (src/cli/commands/serve.ts).
import { databaseError } from './chain-retry.ts';

/** The chain of causes of an error (Drizzle wraps the driver's error; at most a few levels). */
function* causes(e: unknown): Generator<unknown> {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    yield cur;
    cur = (cur as { cause?: unknown }).cause;
  }
}

/** Node's code of a system error (ECONNREFUSED, ENOSPC …) anywhere in the chain. */
function systemCode(e: unknown): string | undefined {
  for (const c of causes(e)) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  }
  return undefined;
}

/**
 * A failure that will not heal while this process runs: SQLSTATE class 53 (insufficient resources: 53100
 * disk full, 53200 out of memory, 53300 too many connections is excluded — that one passes), 58030
 * io_error, Node's ENOSPC, or PGlite's WebAssembly runtime aborting (`RuntimeError`, `Aborted()`), after
 * which its single in-process database never answers again. Returns a short label for the log, or undefined.
 */
export function fatalDatabaseError(e: unknown): string | undefined {
  const code = databaseError(e)?.code;
  if (code === '53100' || code === '53200' || code === '58030') return `sqlstate-${code}`;
  if (systemCode(e) === 'ENOSPC') return 'ENOSPC';
  for (const c of causes(e)) {
    // WebAssembly.RuntimeError (unreachable, out of bounds) of PGlite's module
    if (c instanceof Error && c.name === 'RuntimeError') return 'wasm-runtime-error';
    const message = (c as { message?: unknown }).message;
    if (typeof message === 'string' && /^Aborted\(/.test(message)) return 'wasm-aborted';
  }
  return undefined;
}

/** Connection-level failures of a PostgreSQL server: worth a retry in a moment (503 with Retry-After). */
const TRANSIENT_SYSTEM = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * The server is restarting or the connection broke: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now, class 08 (connection exceptions), 53300 too many connections, a refused or reset TCP
 * connection, or pg's own "Connection terminated" (a connection the server closed mid-query).
 */
export function isTransientDatabaseError(e: unknown): boolean {
  const code = databaseError(e)?.code;
  if (code && (/^57P0[123]$/.test(code) || code.startsWith('08') || code === '53300')) return true;
  const sys = systemCode(e);
  if (sys && TRANSIENT_SYSTEM.has(sys)) return true;
  for (const c of causes(e)) {
    const message = (c as { message?: unknown }).message;
    if (
      typeof message === 'string' &&
      /^Connection terminated|^timeout exceeded when trying to connect/.test(message)
    )
      return true;
  }
  return false;
}
