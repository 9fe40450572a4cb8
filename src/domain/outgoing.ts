// issue 20: a message a case's decision asks to send to another installation (a member state's, or the
// Union's). The domain only says what to send; the store writes it into the outbox in the same transaction
// as the case's actions (src/store/case-store.ts persist → services.outbox), and the federation delivers it.
import type { MemberStateCode } from '../../law/member-states.ts';

export interface OutgoingMessage {
  /** a member state's code, or 'EU' for the Union's installation */
  readonly to: MemberStateCode | 'EU';
  /** a kind of src/federation/kinds/ (e.g. 'responsibility.take-charge-request') */
  readonly kind: string;
  /** the order scope (e.g. `case:<uuid>`): messages of one stream are applied in the order sent */
  readonly stream: string;
  readonly body: Readonly<Record<string, unknown>>;
}
