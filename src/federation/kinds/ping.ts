// issue 20: the ping — a message with no meaning in law, for the exchange's tests and its benchmark
// (bench/federation.ts). It carries a number only, so it may go to any installation, the Union's too.
import { z } from 'zod';
import type { MessageKind } from '../contract.ts';

export const PING = 'federation.ping';

export const PingBody = z.object({ n: z.number().int() }).strict();

export const PING_KIND: MessageKind<typeof PingBody> = {
  name: PING,
  basis: 'issue 20: test and benchmark',
  body: PingBody,
  personal: false,
  to: 'any',
};

export const FEDERATION_KINDS: readonly MessageKind[] = [PING_KIND];
