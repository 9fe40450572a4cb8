// issue 20: what the commands of the member state responsible do (AMMR Arts 39–46): the refusals that turn
// on a command's fields (guards) and each command's effects — the obligations it opens and closes, and the
// messages it sends to the other state. Pure.
import type { CaseState, ObligationKind } from '../case-state.ts';
import type { CaseCommand } from '../commands.ts';
import type { DecideContext } from '../decide.ts';
import { CommandRejectedError } from '../errors.ts';
import type { Effects, Guard, Handler } from '../guarantees/types.ts';
import type { OutgoingMessage } from '../outgoing.ts';
import { dueIn, obligationDue, requestDeadline } from './deadlines.ts';
import { RESPONSIBILITY_KIND_NAMES as KINDS } from './messages.ts';
import { requestedPerson } from './person.ts';

type Of<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

const stream = (c: CaseState) => `case:${c.id}`;

/** Art. 39(1) fourth subparagraph: an unaccompanied minor's request may follow the time limits' expiry, before a first decision on the substance. */
export const minorException = (c: CaseState) => c.person.unaccompanied === true && !c.decision;

/** When a request or notification is made: when it is recorded and sent, never earlier than its stated time. */
const madeAt = (stated: string, now: Date) => Math.max(Date.parse(stated), now.getTime());

const guards: Guard[] = [
  (c, command, ctx) => {
    if (command.type !== 'take-charge.requested' && command.type !== 'take-back.notified') return;
    if (command.to === c.state)
      throw new CommandRejectedError(
        'to',
        { code: 'responsibility-to-self', params: { state: c.state } },
        'a request goes to another member state',
      );
    // a hit is received before the request or notification made on it (Art. 39(1) second subparagraph, 41(1))
    if (command.hit && Date.parse(command.hit.at) > Date.parse(command.at))
      throw new CommandRejectedError(
        'hit',
        { code: 'responsibility-hit-after-request', params: { hitAt: command.hit.at, at: command.at } },
        'the hit is dated after the request: a request is made on a hit already received',
      );
    if (command.type !== 'take-charge.requested') return;
    const criteria = c.responsibility?.criteria ?? [];
    if (!criteria.some((k) => k.state === command.to))
      throw new CommandRejectedError(
        'to',
        { code: 'responsibility-no-criterion', params: { to: command.to } },
        `no recorded criterion points to ${command.to} (AMMR Arts 24, 39)`,
      );
    const due = requestDeadline(ctx.law, c, command.hit);
    // the request is made when Pact records and sends it (ctx.now), whatever time the officer states: a
    // backdated request entered after the time limit is late (Art. 39(1) third subparagraph)
    if (due && madeAt(command.at, ctx.now) >= Date.parse(due.dueAt) && !minorException(c))
      throw new CommandRejectedError(
        'at',
        { code: 'take-charge-request-late', params: { dueAt: due.dueAt, article: due.article } },
        `the time limit for the request ended at ${due.dueAt}: ${c.state} is responsible (AMMR Art. 39(1) third subparagraph)`,
      );
  },
];

function criterionRecorded(c: CaseState, command: CaseCommand, ctx: DecideContext): Effects | undefined {
  const cmd = command as Of<'responsibility.criterion-recorded'>;
  const r = c.responsibility;
  // Art. 39(1): a state that considers another responsible requests it within the period from registration;
  // the obligation opens with the first criterion pointing elsewhere (the queue shows it)
  if (cmd.state === c.state || c.open.includes('take-charge-request')) return undefined;
  if ((r?.requests.length ?? 0) > 0 || r?.assumed) return undefined;
  const due = requestDeadline(ctx.law, c);
  return due ? { opens: [obligationDue('take-charge-request', due)] } : undefined;
}

function takeChargeRequested(c: CaseState, command: CaseCommand): Effects {
  const cmd = command as Of<'take-charge.requested'>;
  const evidence = (c.responsibility?.criteria ?? [])
    .filter((k) => k.state === cmd.to && k.criterion === cmd.criterion)
    .flatMap((k) => k.evidence);
  const fallback = (c.responsibility?.criteria ?? [])
    .filter((k) => k.state === cmd.to)
    .flatMap((k) => k.evidence);
  const detained = c.detention !== undefined;
  const body = {
    caseRef: c.id,
    registeredAt: c.registeredAt ?? cmd.at,
    criterion: cmd.criterion,
    evidence: (evidence.length > 0 ? evidence : fallback).slice(0, 20),
    ...(cmd.hit ? { hit: cmd.hit } : {}),
    detained,
    person: requestedPerson(c, cmd.hit?.reference),
  };
  const message: OutgoingMessage = { to: cmd.to, kind: KINDS.takeChargeRequest, stream: stream(c), body };
  // the reply period runs from the receipt (Art. 40(1)): requestReceived opens it (steps.ts)
  return { closes: ['take-charge-request'], extra: { detained }, outgoing: [message] };
}

function takeBackNotified(c: CaseState, command: CaseCommand, ctx: DecideContext): Effects {
  const cmd = command as Of<'take-back.notified'>;
  const detained = c.detention !== undefined;
  // Art. 41(1): within two weeks of the hit (Art. 45(1): the same two weeks for a detained person); a late
  // notification does not affect the obligation of the state responsible to take back — recorded, not refused
  const due = dueIn(ctx.law, 'take-back-notification', c.state, cmd.hit.at);
  const late = madeAt(cmd.at, ctx.now) >= Date.parse(due.dueAt);
  const body = {
    caseRef: c.id,
    hit: cmd.hit,
    detained,
    person: requestedPerson(c, cmd.hit.reference),
  };
  return {
    extra: { detained, ...(late ? { late: true, dueAt: due.dueAt } : {}) },
    ...(late
      ? {
          notes: [
            `notified after the two weeks from the hit (${due.dueAt}); the state responsible must still take the person back (AMMR Art. 41(1))`,
          ],
        }
      : {}),
    outgoing: [{ to: cmd.to, kind: KINDS.takeBackNotification, stream: stream(c), body }],
  };
}

function transferNotice(c: CaseState, event: string, at: string): OutgoingMessage[] {
  const to = c.responsibility?.transfer?.to;
  if (!to) return [];
  return [
    {
      to: to as OutgoingMessage['to'],
      kind: KINDS.transferNotice,
      stream: stream(c),
      body: { caseRef: c.id, event, at: new Date(at).toISOString() },
    },
  ];
}

const handlers: Partial<Record<CaseCommand['type'], Handler>> = {
  'responsibility.criterion-recorded': criterionRecorded,
  'take-charge.requested': takeChargeRequested,
  'take-back.notified': takeBackNotified,
  'transfer.decided': () => ({ closes: ['transfer-decision'] }),
  'transfer.appealed': (_c, command) => {
    const cmd = command as Of<'transfer.appealed'>;
    // Art. 43(3): on the person's request the transfer is not carried out pending the outcome — Pact holds the
    // transfer period until the appeal is decided; it restarts from the final decision (Art. 46(1))
    return cmd.suspensionRequested ? { closes: ['transfer'], extra: { suspended: true } } : undefined;
  },
  'transfer.appeal-decided': (c, command, ctx) => {
    const cmd = command as Of<'transfer.appeal-decided'>;
    const t = c.responsibility?.transfer;
    if (cmd.upheld) return { closes: ['transfer'] };
    if (!t?.suspended) return undefined;
    const d = obligationDue('transfer', dueIn(ctx.law, 'transfer', c.state, cmd.at));
    return { opens: [d], extra: { runsFrom: cmd.at } };
  },
  'transfer.extended': (c, command, ctx) => {
    const cmd = command as Of<'transfer.extended'>;
    const t = c.responsibility?.transfer;
    if (!t) return undefined;
    const kind =
      cmd.ground === 'imprisonment' ? 'transfer-extended-imprisonment' : 'transfer-extended-absconding';
    const d = dueIn(ctx.law, kind, c.state, t.runsFrom);
    if (Date.parse(d.dueAt) <= Date.parse(t.dueAt))
      throw new CommandRejectedError(
        'ground',
        { code: 'transfer-extension-not-later', params: { dueAt: t.dueAt } },
        'the extension would not move the time limit later (AMMR Art. 46(2))',
      );
    return {
      closes: ['transfer'],
      opens: [obligationDue('transfer', d)],
      outgoing: transferNotice(c, `extended-${cmd.ground}`, cmd.at),
    };
  },
  'transfer.carried-out': (c, command) => ({
    // the person is in the state responsible: the case ends in this state (Art. 46(1))
    closes: [...c.open] as ObligationKind[],
    outgoing: transferNotice(c, 'carried-out', command.at),
  }),
};

export { guards, handlers };
