// issue 20: the test clock of `pact serve`, for tests and drills only (several installations on one machine
// whose days must pass in seconds: a reply deadline of a month, a clock an hour off). With
// PACT_CLOCK_OFFSET_FILE set, the services' clock is the real time plus the whole number of milliseconds
// written in that file (a missing or empty file: 0). The file is read again at most every
// OFFSET_REREAD_MS, so that a test moves the clock of a running server by writing the file. A value that is
// not a whole number keeps the last good offset and is logged once (the server does not stop). Without the
// variable the clock is the real one and nothing is read.
import { readFileSync } from 'node:fs';

/** The environment variable naming the offset file. */
export const CLOCK_OFFSET_ENV = 'PACT_CLOCK_OFFSET_FILE';

/** The file is read again at most this often. */
export const OFFSET_REREAD_MS = 200;

export interface OffsetClockOptions {
  readonly file: string;
  /** the file's text, or undefined when it does not exist (tests pass a fake) */
  readonly read?: (file: string) => string | undefined;
  /** the real time in milliseconds (tests pass a fake) */
  readonly realNow?: () => number;
  /** one line, no personal data: a bad value in the file */
  readonly log: (line: string) => void;
}

export interface OffsetClock {
  /** the real time plus the offset in the file */
  readonly clock: () => Date;
  /** the offset in force now, in milliseconds (reads the file if due) */
  readonly offsetMs: () => number;
}

/** A file's text; undefined when there is no file. Other failures (no permission …) are thrown. */
export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The offset in a file's text: 0 when empty; undefined when it is not a whole number of milliseconds. */
export function parseOffset(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  if (t === '') return 0;
  if (!/^[+-]?\d{1,16}$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function offsetClock(options: OffsetClockOptions): OffsetClock {
  const read = options.read ?? readIfExists;
  const realNow = options.realNow ?? Date.now;
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  let complained = false;
  const offsetMs = () => {
    const now = realNow();
    if (now - readAt < OFFSET_REREAD_MS && now >= readAt) return offset;
    readAt = now;
    let value: number | undefined;
    let why = 'not a whole number of milliseconds';
    try {
      value = parseOffset(read(options.file));
    } catch (e) {
      why = `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
    }
    if (value === undefined) {
      if (!complained)
        options.log(`the clock offset file ${options.file} ${why}: the offset stays ${offset} ms\n`);
      complained = true;
    } else {
      offset = value;
      complained = false;
    }
    return offset;
  };
  return { clock: () => new Date(realNow() + offsetMs()), offsetMs };
}

/**
 * The clock of `pact serve`: the real one, or (PACT_CLOCK_OFFSET_FILE) the offset clock, announced on `log`
 * once at the start so that an operator never mistakes a drill's server for a real one.
 */
export function serverClock(
  env: Readonly<Record<string, string | undefined>>,
  log: (line: string) => void,
): () => Date {
  const file = env[CLOCK_OFFSET_ENV]?.trim();
  if (!file) return () => new Date();
  const c = offsetClock({ file, log });
  log(
    `the clock is offset by the milliseconds in ${file} (${CLOCK_OFFSET_ENV}; for tests and drills only): now ${c.offsetMs()} ms\n`,
  );
  return c.clock;
}
