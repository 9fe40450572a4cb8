// Directive 2008/115/EC (RD) Art. 12: the return decision. 12(1) (SEEN): issued in writing, giving reasons in
// fact and in law and information about the available legal remedies — the reasons are the return decision's
// own (`return.decided`'s `reasons`) or, where it was adopted with the rejection of the application (APR Art.
// 37: the same act or at the same time), the rejection's; without either the document is not issued. 12(2)
// (SEEN): a written or oral translation of the main elements, including the remedies, on request, in a
// language understood (the kind is person-facing; the document says how to ask). Art. 7 (UNCONFIRMED
// wording): the period for voluntary departure, where one is recorded (`return.voluntary-departure`). Art. 11
// (UNCONFIRMED wording): Pact records NO entry ban — the document says none is recorded and that an entry
// ban would be a separate decision. Return Border Procedure Regulation (EU) 2024/1349 where `return.decided`
// says `borderProcedure` (Art. 4: the stay at the border, at most 12 weeks from when the right to remain ends
// — spec §5; Art. 4(3)–(5), voluntary departure of up to 15 days, UNCONFIRMED: not stated). RD Art. 13
// (remedies, UNCONFIRMED wording) and, after a rejection, APR Arts 67–68 (the return decision's effects are
// suspended while the person may remain, 68(1), SEEN).
import type { CaseState } from '../../case-state.ts';
import { mayRemain } from '../../guarantees/remedies.ts';
import type { DocumentDefinition } from '../definition.ts';
import { localDate, localDateTime } from '../values.ts';

const POSITIVE = new Set(['refugee-status', 'subsidiary-protection']);

/** The rejection the return decision was adopted with (APR Art. 37), if the case has one. */
const rejection = (c: CaseState) => (c.decision && !POSITIVE.has(c.decision.type) ? c.decision : undefined);

function unavailable(c: CaseState): string | undefined {
  if (!c.returnDecision) return 'no return decision is recorded (RD Art. 12(1))';
  if (!c.returnDecision.reasons && !rejection(c)?.reasons)
    return "a return decision gives its reasons in fact and in law (RD Art. 12(1)), and none are recorded: correct the return decision's record (its reasons), or the rejection's";
  return undefined;
}

const definition: DocumentDefinition = {
  kind: 'return-decision',
  info: {
    articles: 'Directive 2008/115/EC (RD) Arts 7, 11, 12; Regulation (EU) 2024/1349 (RBPR)',
    permission: 'case.return',
    personFacing: true,
  },
  placeholders: [
    'returnDate',
    'returnReasons',
    'rejectionText',
    'withRejection',
    'ownReasons',
    'voluntaryDeparture',
    'borderProcedure',
    'aprRemedy',
    'rdRemedy',
    'remain',
    'entryBan',
  ],
  words: [
    'rejection.inadmissible',
    'rejection.unfounded',
    'rejection.manifestly-unfounded',
    'rejection.implicitly-withdrawn',
    'vd.none',
    'remain.may',
    'remain.may-until',
    'remain.may-not',
    'entry-ban.none',
  ],
  unavailable,
  values: (c, ctx) => {
    const r = c.returnDecision;
    const rej = rejection(c);
    const vd = r?.voluntaryDeparture;
    const z = (at?: string) => (at ? `${localDateTime(at, ctx.zone)} (${ctx.zone})` : '');
    const remain = rej ? mayRemain(c, ctx.issuedAt) : undefined;
    return {
      returnDate: localDate(r?.at, ctx.zone),
      // Pact records no entry ban (RD Art. 11): the document says so, never implies there is none by law
      entryBan: ctx.word('entry-ban.none'),
      returnReasons: r?.reasons ?? rej?.reasons ?? '',
      rejectionText: rej ? `${ctx.word(`rejection.${rej.type}`)} — ${localDate(rej.at, ctx.zone)}` : '',
      withRejection: rej ? 'yes' : '',
      ownReasons: r?.reasons ? 'yes' : '',
      voluntaryDeparture: vd ? `${vd.days} (${localDate(vd.at, ctx.zone)})` : ctx.word('vd.none'),
      borderProcedure: r?.borderProcedure ? 'yes' : '',
      aprRemedy: rej ? 'yes' : '',
      rdRemedy: rej ? '' : 'yes',
      remain: !remain
        ? ''
        : remain.may
          ? remain.until
            ? `${ctx.word('remain.may-until')} ${z(remain.until)} (${remain.article})`
            : `${ctx.word('remain.may')} (${remain.article})`
          : `${ctx.word('remain.may-not')} (${remain.article})`,
    };
  },
  blocks: [
    { type: 'heading', text: 'heading' },
    { type: 'paragraph', text: 'intro' },
    {
      type: 'fields',
      rows: [
        { label: 'label.family-name', value: 'familyName' },
        { label: 'label.given-names', value: 'givenNames' },
        { label: 'label.name-original', value: 'nameOriginalScript' },
        { label: 'label.birth-date', value: 'birthDate' },
        { label: 'label.nationality', value: 'nationality' },
        { label: 'label.documents', value: 'documentNumbers' },
        { label: 'label.case', value: 'caseId' },
        { label: 'label.authority', value: 'authority' },
        { label: 'label.return-date', value: 'returnDate' },
        { label: 'label.issued', value: 'issuedDate' },
      ],
    },
    { type: 'notice', text: 'obligation' },
    { type: 'paragraph', text: 'with-rejection', when: 'withRejection' },
    { type: 'heading', text: 'heading.reasons' },
    { type: 'paragraph', text: 'reasons-text' },
    { type: 'heading', text: 'heading.departure' },
    {
      type: 'fields',
      rows: [
        { label: 'label.voluntary-departure', value: 'voluntaryDeparture' },
        { label: 'label.entry-ban', value: 'entryBan' },
      ],
    },
    { type: 'paragraph', text: 'border-procedure', when: 'borderProcedure' },
    { type: 'heading', text: 'heading.remedy' },
    { type: 'notice', text: 'remedy.apr', when: 'aprRemedy' },
    { type: 'paragraph', text: 'remain-text', when: 'aprRemedy' },
    { type: 'notice', text: 'remedy.rd', when: 'rdRemedy' },
    { type: 'paragraph', text: 'legal-aid' },
    { type: 'paragraph', text: 'translation' },
    { type: 'signatures', items: ['sign.officer', 'sign.received'] },
  ],
};

export default definition;
