// What the desk's confirmation names for a person beyond the deadlines the server computed (issue 19): the
// obligations the law attaches to an application for international protection and to an unaccompanied minor
// that the server does not count from the encounter — named with their article, without a time. Pure.
import type { EncounterResultBody } from '../../../src/api/contract.ts';
import type { MessageKey } from '../i18n/en.ts';

type Obligation = Pick<EncounterResultBody['obligations'][number], 'kind'>;

/**
 * The message keys of the obligations that follow for a person and have no deadline among `obligations`
 * (those the server returned for the person's case):
 * - asked for protection, registration not yet counted: APR Art. 27(1) — after the screening when the person is
 *   screened (Art. 27(7): the registration rules apply only once the screening has ended);
 * - an unaccompanied minor in screening: a representative or a person trained to safeguard the minor's best
 *   interests "as soon as possible" (Screening Regulation Art. 13(3): no period);
 * - an unaccompanied minor who asked for protection, the representative's deadline not counted: APR Art. 23(2).
 */
export function followsFor(
  person: { asked: boolean; unaccompanied: boolean },
  obligations: readonly Obligation[],
): MessageKey[] {
  const has = (kind: string) => obligations.some((o) => o.kind === kind);
  const screened = has('screening');
  const keys: MessageKey[] = [];
  if (person.asked && !has('registration'))
    keys.push(screened ? 'desk.followsRegistrationAfterScreening' : 'desk.followsRegistration');
  if (person.unaccompanied && screened) keys.push('desk.followsScreeningRepresentative');
  if (person.unaccompanied && person.asked && !has('representative')) keys.push('desk.followsRepresentative');
  return keys;
}
