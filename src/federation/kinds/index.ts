// issue 20: every kind of message installations exchange, one file per area (each kind with the article that
// lets the other state receive it). src/federation/contract.ts says what a kind is.
import type { MessageKind } from '../contract.ts';
import { FEDERATION_KINDS } from './ping.ts';
import { RELOCATION_KINDS } from './relocation.ts';
import { RESPONSIBILITY_KINDS } from './responsibility.ts';
import { UNION_KINDS } from './union.ts';

export const MESSAGE_KINDS: readonly MessageKind[] = [
  ...FEDERATION_KINDS,
  ...RESPONSIBILITY_KINDS,
  ...RELOCATION_KINDS,
  ...UNION_KINDS,
];

export function messageKind(name: string): MessageKind | undefined {
  return MESSAGE_KINDS.find((k) => k.name === name);
}
