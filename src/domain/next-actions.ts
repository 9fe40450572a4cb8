// What a user may do next to a case as it stands: the status → allowed-actions table (statuses.ts), narrowed
// by the conditions on the case that refuse a command whatever its fields say (a second asylum wish), and by
// the time window a command's `at` must fall in. decide() checks the same conditions, from this file: what
// the case page offers and what the server accepts cannot drift apart (issue #15). Pure.
import type { CaseState } from './case-state.ts';
import type { CaseCommand } from './commands.ts';
import { ENTRY_RULES } from './entry-rules.ts';
import { CommandRejectedError, type Refusal } from './errors.ts';
import { MODULES } from './guarantees/index.ts';
import { COMMAND_PERMISSION, can, type Role } from './roles.ts';
import { allowedActions, type CommandType } from './statuses.ts';

/** A condition on the case that refuses an action of the table, whatever the command's fields. */
export interface Condition {
  readonly action: CommandType;
  /** `at`: the command's stated time (the page asks with its clock's time) */
  readonly refuses: (c: CaseState, at: string) => boolean;
  /**
   * the refusal's code and parameters (errors.ts), and the reason in English (field `type`); `at`: the
   * command's stated time, where the refusal's parameters depend on it (issue 17: until when a person may remain)
   */
  readonly refusal: (c: CaseState, at?: string) => Exclude<Refusal, { code: 'action-not-allowed' }>;
  readonly why: string;
}

const CORE_CONDITIONS: readonly Condition[] = [
  {
    // after a return decision a new wish is a new application (a subsequent one): it may be expressed again
    action: 'asylum-wish.expressed',
    refuses: (c) => c.asylumWishAt !== undefined && c.status !== 'in-return',
    refusal: (c) => ({
      code: 'asylum-wish-already-recorded',
      params: { asylumWishAt: c.asylumWishAt ?? '' },
    }),
    why: 'an asylum wish is already recorded (a new one may be expressed only once the case is in return)',
  },
];

/** The core's conditions and the guarantees modules' (src/domain/guarantees/). */
export const CONDITIONS: readonly Condition[] = [
  ...CORE_CONDITIONS,
  ...MODULES.flatMap((m) => m.conditions ?? []),
];

/** The values of a command's field that the case as it stands allows (the others are refused). */
export interface Choice {
  readonly action: CommandType;
  readonly field: string;
  readonly values: (c: CaseState) => readonly string[];
  /** why a value outside `values` is refused: the code and parameters (errors.ts), and in English */
  readonly refusal: (c: CaseState) => Exclude<Refusal, { code: 'action-not-allowed' }>;
  readonly why: (c: CaseState) => string;
  /** `values` in words, for docs/ACTIONS.md */
  readonly doc: string;
}

const CORE_CHOICES: readonly Choice[] = [
  {
    // Screening Regulation Art. 18: a person who asked for asylum is referred to the asylum procedure (or
    // relocation); one who did not, to return
    action: 'screening.completed',
    field: 'outcome',
    values: (c) => (c.asylumWishAt ? ['asylum', 'relocation'] : ['return']),
    refusal: (c) => ({ code: c.asylumWishAt ? 'return-after-asylum-wish' : 'no-asylum-wish', params: {} }),
    why: (c) =>
      c.asylumWishAt
        ? 'this person asked for asylum: the screening refers them to the asylum procedure (Screening Regulation Art. 18), not to return'
        : 'no asylum wish is recorded for this person: record asylum-wish.expressed first',
    doc: '`asylum` or `relocation` when an asylum wish is recorded (Screening Regulation Art. 18); `return` otherwise',
  },
];

/** The core's choices and the guarantees modules' (src/domain/guarantees/). */
export const CHOICES: readonly Choice[] = [...CORE_CHOICES, ...MODULES.flatMap((m) => m.choices ?? [])];

/** A command may be dated up to this long after the server's clock (clocks of devices differ a little). */
export const FUTURE_TOLERANCE_MS = ENTRY_RULES.futureToleranceMinutes * 60_000;

/**
 * The conditions and choices of CONDITIONS and CHOICES, checked for a command the table allows; throws
 * CommandRejectedError with the field at fault.
 */
export function checkConditions(current: CaseState, command: CaseCommand): void {
  for (const k of CONDITIONS)
    if (k.action === command.type && k.refuses(current, command.at))
      throw new CommandRejectedError('type', k.refusal(current, command.at), k.why);
  for (const ch of CHOICES) {
    if (ch.action !== command.type) continue;
    const value = (command as Record<string, unknown>)[ch.field];
    if (typeof value === 'string' && !ch.values(current).includes(value))
      throw new CommandRejectedError(ch.field, ch.refusal(current), ch.why(current));
  }
}

/** What the case allows next: the actions (in table order) and, per action, the values a field may take. */
export interface NextActions {
  readonly actions: CommandType[];
  readonly choices: Partial<Record<CommandType, Record<string, string[]>>>;
}

/**
 * The actions a user of `role` may give next on the case at `now`: those of the table the flags leave, that
 * no condition refuses, that the role may give, and only if a time can still be stated for them (the case's
 * last action is not after `now` and its tolerance).
 */
export function nextActions(current: CaseState, now: Date, role?: Role): NextActions {
  const last = Date.parse(current.lastActionAt ?? current.occurredAt);
  const earliest = Math.max(last, Date.parse(current.occurredAt));
  if (earliest > now.getTime() + FUTURE_TOLERANCE_MS) return { actions: [], choices: {} };
  const actions = allowedActions(current.status, current.flags).filter(
    (a) =>
      (role === undefined || can(role, COMMAND_PERMISSION[a])) &&
      !CONDITIONS.some((k) => k.action === a && k.refuses(current, now.toISOString())),
  );
  const choices: NextActions['choices'] = {};
  for (const ch of CHOICES)
    if (actions.includes(ch.action))
      choices[ch.action] = { ...choices[ch.action], [ch.field]: [...ch.values(current)] };
  return { actions, choices };
}
