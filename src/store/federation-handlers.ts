// issue 20: what this installation does with each kind of message it receives, and with each receipt a peer
// signs for a message it sent (src/federation/contract.ts). One entry per area, each in its own file.
import type { KindHandlers } from '../federation/contract.ts';
import { PING_HANDLERS } from './federation-ping.ts';
import { RELOCATION_HANDLERS } from './federation-relocation.ts';
import { RESPONSIBILITY_HANDLERS } from './federation-responsibility.ts';
import { UNION_HANDLERS } from './federation-union.ts';

export const HANDLERS: Readonly<Record<string, KindHandlers>> = {
  ...PING_HANDLERS,
  ...RESPONSIBILITY_HANDLERS,
  ...RELOCATION_HANDLERS,
  ...UNION_HANDLERS,
};
