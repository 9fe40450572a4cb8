// AMMR (Regulation (EU) 2024/1351) Art. 67: the relocation transfer notice for the person. Once the Member
// State of relocation has confirmed the relocation (67(9), or by silence), the benefitting state takes the
// transfer decision (67(10): within one week, law/ammr/relocation.ts) and the transfer takes place within four
// weeks of the confirmation (67(11)) — the case's open obligation `relocation-transfer` (system-steps.ts).
//
// What the notice says follows the transfer decision's rules of Arts 42–43, as far as they were read (SEEN):
// 42(2) — notified "in writing, in plain language and without delay": the decision to transfer the person, where
// applicable that this state will not examine the application, the time limits for carrying out the transfer,
// and the obligation to comply with it (Art. 17(5)); 42(3) — it may go to a legal adviser instead; 43(1) — an
// appeal or review, in fact and in law, before a court or tribunal, limited to (a) a real risk of inhuman or
// degrading treatment, (b) decisive circumstances after the decision, (c) Arts 25–28 and 34; 43(2) — lodged
// within at least one week and at most three weeks after the notification (a national value Pact does not
// hold: the notice gives the range); 43(3) — a request to suspend the transfer within that period. Art. 68(2)–
// (3) (SEEN): after the transfer the Member State of relocation takes the application over.
//
// UNCONFIRMED (not read; EUR-Lex 32024R1351 was searched on 2026-12 with the `search` tool and only 67(1)–(3)
// came back): Art. 67(4)–(10) — that 67(10) makes Arts 42(2)–(3) and 43 apply to the relocation transfer
// decision (the notice follows them on that assumption), the person's hearing of 67(4)–(5), and Art. 42(4)
// (legal assistance, place and date of appearance). Where and when to report is printed only where Pact knows
// it (the store's `extra.reportPlace` / `extra.reportAt`; nothing records it yet), otherwise the notice says the
// authority will tell the person in writing.
//
// The facts come from the case's log and obligation rows through the store (src/store/relocation-notice.ts):
// `extra.relocationState`, `extra.relocationConfirmedAt`, `extra.transferDueAt`. Issued by the benefitting
// state's asylum authority (authorities.ts): permission case.asylum — the solidarity coordinators who hold
// relocation.manage read no case.
import { MEMBER_STATE_CODES } from '../../../../law/member-states.ts';
import type { DocumentDefinition } from '../definition.ts';
import { localDate, localDateTime } from '../values.ts';

/** A due time as a person reads it: the end of a day is that day's 24:00, not the next day's 00:00. */
export function localDeadline(at: string | undefined, zone: string): string {
  const shown = localDateTime(at, zone);
  if (!shown.endsWith(' 00:00') || !at) return shown;
  const dayBefore = new Date(Date.parse(at) - 60_000).toISOString();
  return `${localDate(dayBefore, zone)} 24:00`;
}

/** The template's word for a member state's name (keys are lower case: `state.fr`). */
const stateWord = (code: string) => `state.${code.toLowerCase()}`;

const definition: DocumentDefinition = {
  kind: 'relocation-notice',
  info: {
    articles: 'Regulation (EU) 2024/1351 (AMMR) Art. 67, Arts 42(2)–(3), 43',
    permission: 'case.asylum',
    personFacing: true,
  },
  placeholders: [
    'relocationState',
    'relocationStateName',
    'confirmedDate',
    'transferDue',
    'reportPlace',
    'reportTime',
    'reportKnown',
    'reportUnknown',
    'applicant',
    'stateName',
  ],
  words: MEMBER_STATE_CODES.map((s) => stateWord(s)),
  unavailable: (c) =>
    !c.open.includes('relocation-transfer')
      ? 'no relocation is confirmed and awaiting its transfer (AMMR Art. 67(9)–(11): the notice follows the confirmation by the Member State of relocation)'
      : c.status === 'closed' || c.status === 'absconded'
        ? `the case is ${c.status}`
        : undefined,
  values: (c, ctx) => {
    const to = ctx.extra.relocationState ?? '';
    const known = Boolean(ctx.extra.reportPlace || ctx.extra.reportAt);
    return {
      relocationState: to,
      relocationStateName: to ? ctx.word(stateWord(to)) : '',
      confirmedDate: localDate(ctx.extra.relocationConfirmedAt, ctx.zone),
      transferDue: localDeadline(ctx.extra.transferDueAt, ctx.zone),
      reportPlace: ctx.extra.reportPlace ?? '',
      reportTime: localDateTime(ctx.extra.reportAt, ctx.zone),
      reportKnown: known ? 'yes' : '',
      reportUnknown: known ? '' : 'yes',
      applicant: c.asylumWishAt || c.registeredAt ? 'yes' : '',
      stateName: ctx.word(stateWord(c.state)),
    };
  },
  blocks: [
    { type: 'heading', text: 'heading' },
    { type: 'paragraph', text: 'decision' },
    {
      type: 'fields',
      rows: [
        { label: 'label.family-name', value: 'familyName' },
        { label: 'label.given-names', value: 'givenNames' },
        { label: 'label.name-original', value: 'nameOriginalScript' },
        { label: 'label.birth-date', value: 'birthDate' },
        { label: 'label.nationality', value: 'nationality' },
        { label: 'label.relocation-state', value: 'relocationStateName' },
        { label: 'label.confirmed', value: 'confirmedDate' },
        { label: 'label.transfer-by', value: 'transferDue' },
        { label: 'label.authority', value: 'authority' },
        { label: 'label.issued', value: 'issuedDate' },
        { label: 'label.case', value: 'caseId' },
      ],
    },
    { type: 'paragraph', text: 'time-limit' },
    { type: 'notice', text: 'comply' },
    { type: 'paragraph', text: 'application', when: 'applicant' },
    { type: 'heading', text: 'report.heading' },
    {
      type: 'fields',
      when: 'reportKnown',
      rows: [
        { label: 'label.report-place', value: 'reportPlace' },
        { label: 'label.report-time', value: 'reportTime' },
      ],
    },
    { type: 'paragraph', text: 'report.unknown', when: 'reportUnknown' },
    { type: 'heading', text: 'remedy.heading' },
    { type: 'paragraph', text: 'remedy' },
    { type: 'list', items: ['remedy.ground-a', 'remedy.ground-b', 'remedy.ground-c'] },
    { type: 'notice', text: 'remedy.window' },
    { type: 'paragraph', text: 'remedy.suspension' },
    { type: 'paragraph', text: 'adviser' },
    { type: 'signatures', items: ['sign.officer', 'sign.received'] },
  ],
};

export default definition;
