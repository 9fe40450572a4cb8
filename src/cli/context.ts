// What a command needs from the outside world, passed in so that commands are testable in-process.
import { PactError } from '../law/errors.ts';
import { unionDate } from '../law/union-date.ts';
import type { StoreSession } from './store-session.ts';

export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  /** DATABASE_URL, PACT_DATA_DIR … (process.env in the real command). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly interactive?: boolean;
  /** A command that finished with a partial result sets a non-zero exit code here. */
  readonly setExitCode?: (code: number) => void;
  /**
   * issue 21: a store kept open across commands (store-session.ts; the CLI tests, one per test file); without
   * it each command opens the database and closes it.
   */
  readonly session?: StoreSession;
}

/** A combination of options that cannot work; reported as one line with exit code 2. */
export class UsageError extends PactError {
  constructor(message: string) {
    super('usage', message);
  }
}

/** Today's calendar date in Brussels, where the Union's acts are dated. */
export function today(ctx: CliContext): string {
  return unionDate(ctx.now());
}

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];
