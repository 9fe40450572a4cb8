import { PactError } from '../law/errors.ts';
import type { CommandType, Status } from './statuses.ts';

/** The action is not in the status → allowed-actions table for this case (docs/ACTIONS.md). */
export class ActionNotAllowedError extends PactError {
  constructor(
    readonly action: string,
    readonly status: Status,
    readonly allowed: readonly CommandType[],
    readonly reason?: string,
  ) {
    super(
      'action-not-allowed',
      `${action} is not allowed in status ${status}${reason ? ` (${reason})` : ''}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`,
    );
  }
}

/** The command is allowed, but its content breaks a rule of the law; `field` names the part at fault. */
export class CommandRejectedError extends PactError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('command-rejected', `${field}: ${message}`);
  }
}
