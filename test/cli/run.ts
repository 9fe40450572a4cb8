// Runs the `pact` command in-process with a fixed clock and captures what it prints.
import { run } from '../../src/cli/main.ts';

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function pact(args: string, now = new Date('2026-11-23T12:00:00Z')): Promise<Outcome> {
  return pactIn(args, {}, now);
}

/** With an environment (PACT_DATA_DIR …) for the store-backed commands. */
export async function pactIn(
  args: string,
  env: Record<string, string>,
  now = new Date('2026-11-23T12:00:00Z'),
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
  });
  return { code, stdout, stderr };
}
