// The shape of a guarantees module (src/domain/guarantees/): the rules the law attaches to a person's
// situation — vulnerability, minors, detention, interview, remedies, withdrawal, the border procedure in a
// crisis, national emergency measures. Each module may refuse a command (guards), say what its own commands
// (or a core command) open and close (handlers), change the case's state (evolvers) and list the
// guarantees the case page shows with their article (done, due, missing). Pure: time and the law come in.
import type { Action, CaseState, Obligation, ObligationKind } from '../case-state.ts';
import type { CaseCommand } from '../commands.ts';
import type { DecideContext } from '../decide.ts';
import type { Choice, Condition } from '../next-actions.ts';
import type { OutgoingMessage } from '../outgoing.ts';
import type { ActionType, CommandType } from '../statuses.ts';

export type CommandOf<T extends CommandType> = Extract<CaseCommand, { type: T }>;

/** What a command does besides the core's effects (decide.ts merges them into the action). */
export interface Effects {
  readonly opens?: readonly Obligation[];
  readonly closes?: readonly ObligationKind[];
  /** fields the action's payload carries besides the command's (an evolver reads them back) */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** what the user should know that is not an error */
  readonly notes?: readonly string[];
  /** issue 20: messages to other installations, sent with the action (src/domain/outgoing.ts) */
  readonly outgoing?: readonly OutgoingMessage[];
}

/** Refuses a command the law forbids for this person (throws CommandRejectedError); returns otherwise. */
export type Guard = (current: CaseState, command: CaseCommand, ctx: DecideContext) => void;

/** The effects of a command (the module's own, or added to a core command's). */
export type Handler = (current: CaseState, command: CaseCommand, ctx: DecideContext) => Effects | undefined;

/**
 * How a logged action changes the case, after the core (evolve.ts) applied it: `s` is the state the core
 * made (version, obligations and status updated), `before` the state before the action. Pure and total
 * over the log, as evolve is.
 */
export type Evolver = (s: CaseState, action: Action, before: CaseState) => CaseState;

export const GUARANTEE_STATUSES = ['done', 'due', 'missing'] as const;
export type GuaranteeStatus = (typeof GUARANTEE_STATUSES)[number];

/** One guarantee of a case as the case page shows it. */
export interface Guarantee {
  /** stable key: the web's catalogue words it as `guarantee.<key>` */
  readonly key: string;
  /** the article that requires it, e.g. "APR Art. 23(2)" */
  readonly article: string;
  /** done: recorded; due: required, its time not passed; missing: required and not recorded in time */
  readonly status: GuaranteeStatus;
  /** when it was done */
  readonly at?: string;
  /** by when it is due */
  readonly dueAt?: string;
  /** values the catalogue's text may use */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** An open obligation of the case with its due time (the store's rows). */
export interface OpenObligation {
  readonly kind: ObligationKind;
  readonly dueAt: string;
}

/** A guarantee of the case, or undefined where it does not apply to this person. */
export type GuaranteeRule = (
  c: CaseState,
  now: Date,
  open: readonly OpenObligation[],
) => Guarantee | undefined;

export interface GuaranteeModule {
  readonly name: string;
  /**
   * Refusals that do not depend on the command's fields (a decision with no interview on record, a removal
   * while the person may remain): the case page does not offer the action (next-actions.ts), and decide
   * refuses it with the condition's reason. A refusal that turns on the fields is a guard.
   */
  readonly conditions?: readonly Condition[];
  /**
   * The values of a command's field that the case as it stands allows (a decision's outcome without an
   * interview on record): the case page offers only these, and decide refuses the others (next-actions.ts).
   */
  readonly choices?: readonly Choice[];
  readonly guards?: readonly Guard[];
  readonly handlers?: Partial<Record<CommandType, Handler>>;
  readonly evolvers?: Partial<Record<ActionType, Evolver>>;
  readonly guarantees?: readonly GuaranteeRule[];
}
