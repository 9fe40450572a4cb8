// issue 20: what this installation does with each kind of message it receives, and with each receipt a peer
// signs for a message it sent (src/federation/contract.ts). One entry per area, each in its own file.
import type { KindHandlers } from '../federation/contract.ts';
import { PING_HANDLERS } from './federation-ping.ts';

export const HANDLERS: Readonly<Record<string, KindHandlers>> = {
  // each area spreads its handlers here, e.g. ...RESPONSIBILITY_HANDLERS
  ...PING_HANDLERS,
};
