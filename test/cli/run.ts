// Runs the `pact` command in-process with a fixed clock and captures what it prints.
import { afterAll } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { type StoreSession, storeSession } from '../../src/cli/store-session.ts';

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function pact(args: string, now = new Date('2026-11-23T12:00:00Z')): Promise<Outcome> {
  return pactIn(args, {}, now);
}

/**
 * With an environment (PACT_DATA_DIR …) for the store-backed commands. With a `session` (`fileSession()`),
 * the commands borrow its open store instead of each opening and closing the database (about 1 s of CPU each).
 */
export async function pactIn(
  args: string,
  env: Record<string, string>,
  now = new Date('2026-11-23T12:00:00Z'),
  session?: StoreSession,
): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(args.split(/\s+/).filter(Boolean), {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    now: () => now,
    env,
    ...(session ? { session } : {}),
  });
  return { code, stdout, stderr };
}

/**
 * issue 21: one store for the `pact` commands of a test file (call it at the file's top level): it opens the
 * database a command names at its first use, keeps it open (and its data folder locked) and closes it after the
 * file's tests. Before a test opens that folder itself or starts a process on it: `await session.close()`.
 */
export function fileSession(): StoreSession {
  const session = storeSession();
  afterAll(() => session.close());
  return session;
}
