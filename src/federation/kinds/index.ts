// issue 20: every kind of message installations exchange, one file per area (each kind with the article that
// lets the other state receive it). src/federation/contract.ts says what a kind is.
import type { MessageKind } from '../contract.ts';
import { FEDERATION_KINDS } from './ping.ts';

export const MESSAGE_KINDS: readonly MessageKind[] = [
  // each area adds its kinds here, e.g. ...RESPONSIBILITY_KINDS
  ...FEDERATION_KINDS,
];

export function messageKind(name: string): MessageKind | undefined {
  return MESSAGE_KINDS.find((k) => k.name === name);
}
