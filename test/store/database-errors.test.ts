// Which database failures heal (503 with Retry-After, the pool reconnects) and which stop the server (exit,
// a supervisor restarts it): SQLSTATEs from PostgreSQL's errcodes (Appendix A), Node's system error codes,
// PGlite's WebAssembly aborts, each also wrapped as Drizzle wraps the driver's error (`cause`).
import { describe, expect, it } from 'vitest';
import { fatalDatabaseError, isTransientDatabaseError } from '../../src/store/database-errors.ts';

/** A real WebAssembly.RuntimeError (the type is missing from Node 20's typings here). */
const wasmTrap = () =>
  new (
    globalThis as unknown as { WebAssembly: { RuntimeError: new (m: string) => Error } }
  ).WebAssembly.RuntimeError('unreachable');
const pgError = (code: string) => Object.assign(new Error('synthetic'), { code });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert …'), { cause });

describe('database errors', () => {
  it.each([
    ['53100 disk_full', pgError('53100'), 'sqlstate-53100'],
    ['53200 out_of_memory', pgError('53200'), 'sqlstate-53200'],
    ['58030 io_error', pgError('58030'), 'sqlstate-58030'],
    ['ENOSPC', Object.assign(new Error('write'), { code: 'ENOSPC' }), 'ENOSPC'],
    ['a WebAssembly RuntimeError', wasmTrap(), 'wasm-runtime-error'],
    ['Emscripten abort', new Error('Aborted(). Build with -sASSERTIONS for more info.'), 'wasm-aborted'],
  ])('%s is fatal, bare or wrapped', (_name, error, label) => {
    expect(fatalDatabaseError(error)).toBe(label);
    expect(fatalDatabaseError(wrapped(error))).toBe(label);
    expect(isTransientDatabaseError(error)).toBe(false);
  });

  it.each([
    ['57P01 admin_shutdown', pgError('57P01')],
    ['57P03 cannot_connect_now', pgError('57P03')],
    ['08006 connection_failure', pgError('08006')],
    ['53300 too_many_connections', pgError('53300')],
    ['ECONNREFUSED', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })],
    ['ECONNRESET', Object.assign(new Error('read'), { code: 'ECONNRESET' })],
    ["pg's Connection terminated", new Error('Connection terminated unexpectedly')],
  ])('%s is transient, bare or wrapped', (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(isTransientDatabaseError(wrapped(error))).toBe(true);
    expect(fatalDatabaseError(error)).toBeUndefined();
  });

  it.each([
    ['23505 unique_violation', pgError('23505')],
    ['22P02 invalid_text_representation', pgError('22P02')],
    ['a plain error', new Error('something else')],
  ])('%s is neither', (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
    expect(fatalDatabaseError(error)).toBeUndefined();
  });
});
