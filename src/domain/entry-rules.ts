// When an action may be dated, and when it must say why it is entered late (security issue #14, finding 2:
// backdated actions rewrote compliance). An action has two times: the time it states (`at`, when it
// happened) and the time it was recorded (the server's clock). The order of a case's log and the judgement
// of its deadlines rest on both. Pure: the recording time comes in as an argument.
import type { CaseState } from './case-state.ts';
import { CommandRejectedError } from './errors.ts';

export const ENTRY_RULES = {
  /**
   * An action entered more than this long after its stated time is a late entry: it must carry a reason,
   * and it closes a deadline in time only if recorded within this long after the due time. An operational
   * rule (the time an officer needs to type what was done at the desk), not a number of the law.
   */
  lateEntryToleranceMinutes: 60,
  lateEntryReasonMaxLength: 500,
  /** A command may state a time up to this long after the server's clock (device clocks differ a little). */
  futureToleranceMinutes: 5,
} as const;

export const LATE_ENTRY_TOLERANCE_MS = ENTRY_RULES.lateEntryToleranceMinutes * 60_000;

/** Entered more than the tolerance after its stated time (exactly the tolerance is still in time). */
export function isLateEntry(at: string, recordedAt: Date): boolean {
  return recordedAt.getTime() - Date.parse(at) > LATE_ENTRY_TOLERANCE_MS;
}

/**
 * A command may not be dated before the case's last action (any action, the system's `obligation.missed`
 * included): otherwise an action dated before a deadline could be slipped in after the deadline was recorded
 * as missed, and read as in time.
 */
export function checkNotBeforeLastAction(current: CaseState, at: string): void {
  const last = current.lastActionAt ?? current.occurredAt;
  if (Date.parse(at) < Date.parse(last))
    throw new CommandRejectedError(
      'at',
      { code: 'before-last-action', params: { lastActionAt: new Date(last).toISOString() } },
      `is before the case's last action (${new Date(last).toISOString()}): an action may not be dated before what the log already holds`,
    );
}

/**
 * A command entered more than the tolerance after its stated time must say why (`lateEntryReason`). Called by
 * the case store for every user command (API, CLI, bulk load) with the server's clock as `recordedAt`.
 */
export function checkLateEntry(command: { at: string; lateEntryReason?: string }, recordedAt: Date): void {
  if (isLateEntry(command.at, recordedAt) && !command.lateEntryReason?.trim())
    throw new CommandRejectedError(
      'lateEntryReason',
      {
        code: 'late-entry-reason-required',
        params: {
          toleranceMinutes: ENTRY_RULES.lateEntryToleranceMinutes,
          at: new Date(command.at).toISOString(),
        },
      },
      `the action is entered more than ${ENTRY_RULES.lateEntryToleranceMinutes} minutes after its stated time (${new Date(command.at).toISOString()}): a late entry must give its reason`,
    );
}

export const ENTRY_RULES_DOC: readonly string[] = [
  '## When an action may be dated',
  '',
  '- Every action has two times: `at`, the time it states (when it happened), and `recordedAt`, when the server recorded it. The case view shows both.',
  `- A command may not be dated more than ${ENTRY_RULES.futureToleranceMinutes} minutes after the server's clock (device clocks differ a little), nor before the encounter.`,
  "- A command may not be dated before the case's last action (any action, the system's `obligation.missed` included: it is dated at the due time it records, or at the last action if that is later).",
  `- A command recorded more than ${ENTRY_RULES.lateEntryToleranceMinutes} minutes after its stated time is a late entry: it must carry \`lateEntryReason\` (at most ${ENTRY_RULES.lateEntryReasonMaxLength} characters), kept in the action with \`lateEntry: true\`. Exactly ${ENTRY_RULES.lateEntryToleranceMinutes} minutes is still in time. Encounters are not case commands and are not concerned.`,
  `- A deadline closed by an action is met only if the action's stated time is before the due time, it was recorded no later than ${ENTRY_RULES.lateEntryToleranceMinutes} minutes after the due time, and the deadline's passing had not been recorded (\`obligation.missed\`); otherwise it is missed. A deadline recorded as missed never turns into met. The obligation keeps the closing action's stated time (\`closedAt\`) and its recording time (\`closedRecordedAt\`).`,
];
