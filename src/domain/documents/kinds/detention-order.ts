// RCD (EU) 2024/1346 Arts 10–11 and, for detention to prepare a return or carry out a removal, Directive
// 2008/115/EC Art. 15: the detention order given to the person. RCD 11(2) (SEEN): ordered in writing, stating
// the reasons in fact and in law and why less coercive alternative measures cannot be applied effectively
// (Pact records them as one text with the order: CaseState.detentionOrder.reasons). 10(4) (SEEN for (a)–(b)):
// the ground used. 11(3) (SEEN, first part): an administrative order is reviewed speedily by a court, ex
// officio (no later than 15 days, 21 in exceptional situations, from the beginning of detention) and/or on the
// applicant's request; the ex officio review's latest time is the case's `judicialReviewDueAt`. RD 15(2)
// (SEEN): in writing with reasons in fact and in law; a speedy judicial review, or the right to take
// proceedings of which the person is immediately informed. The maximum (RD 15(5)–(6), the border procedure's
// end, a national maximum) where the case knows it. UNCONFIRMED: the letters of RCD 10(4)(c)–(g) (the
// border-procedure and security grounds are cited as "Art. 10(4)" without a letter); RCD 11(4) 2024 wording
// (written information, in a language understood, on the reasons, how to challenge the order and free legal
// assistance — the 2013 text's 9(4), which the document follows); RD 15(3)–(6) (read by issue 17's law/).
import type { CaseState } from '../../case-state.ts';
import { detainedAs } from '../../guarantees/detention.ts';
import type { DocumentDefinition } from '../definition.ts';
import { PERSON_ROWS } from '../person-rows.ts';
import { localDateTime } from '../values.ts';
import { lastMoment } from './decision.ts';

const GROUNDS = [
  'irregular-entry',
  'identity',
  'risk-of-absconding',
  'security',
  'border-procedure',
  'return',
] as const;

function unavailable(c: CaseState): string | undefined {
  if (!c.detention) return 'the person is not detained (RCD Art. 11(2); RD Art. 15(2))';
  if (!c.detentionOrder)
    return 'the detention order recorded no reasons (RCD Art. 11(2)): record the order again with them';
  return undefined;
}

const definition: DocumentDefinition = {
  kind: 'detention-order',
  info: {
    articles: 'Directive (EU) 2024/1346 (RCD) Arts 10–11; Directive 2008/115/EC Art. 15',
    permission: 'case.detention',
    personFacing: true,
  },
  placeholders: [
    'detainedAs',
    'grounds',
    'since',
    'detentionReasons',
    'nextReview',
    'judicialReviewBy',
    'maximum',
    'applicant',
    'inReturn',
    'national',
    'minor',
    'minorBestInterests',
    'minorNoAlternative',
    'extension',
  ],
  words: [
    ...GROUNDS.map((g) => `ground.applicant.${g}`),
    ...GROUNDS.map((g) => `ground.in-return.${g}`),
    ...GROUNDS.map((g) => `ground.not-applicant.${g}`),
    'as.applicant',
    'as.in-return',
    'as.not-applicant',
    'review.not-applicable',
    'maximum.not-recorded',
    'extension.lack-of-cooperation',
    'extension.delay-in-documents',
  ],
  unavailable,
  values: (c, ctx) => {
    const o = c.detentionOrder;
    const as = detainedAs(c, c.detention?.since);
    const z = (at?: string) => (at ? `${localDateTime(at, ctx.zone)} (${ctx.zone})` : '');
    return {
      detainedAs: ctx.word(`as.${as}`),
      grounds: (c.detention?.grounds ?? []).map((g) => ctx.word(`ground.${as}.${g}`)).join('; '),
      since: z(c.detention?.since),
      detentionReasons: o?.reasons ?? '',
      nextReview: z(o?.nextReviewBy),
      // the law's limits are the first moment after a period: shown as its last day's 24:00 (decision.ts)
      judicialReviewBy:
        as !== 'applicant'
          ? ctx.word('review.not-applicable')
          : o?.judicialReviewDueAt
            ? lastMoment(o.judicialReviewDueAt, ctx.zone)
            : '',
      maximum: o?.maximumAt
        ? `${lastMoment(o.maximumAt, ctx.zone)} — ${o.maximumArticle ?? ''}`
        : ctx.word('maximum.not-recorded'),
      applicant: as === 'applicant' ? 'yes' : '',
      inReturn: as === 'in-return' ? 'yes' : '',
      national: as === 'not-applicant' ? 'yes' : '',
      minor: o?.minorException ? 'yes' : '',
      minorBestInterests: o?.minorException?.bestInterests ?? '',
      minorNoAlternative: o?.minorException?.noAlternative ?? '',
      extension: o?.extension ? ctx.word(`extension.${o.extension}`) : '',
    };
  },
  blocks: [
    { type: 'heading', text: 'heading' },
    { type: 'paragraph', text: 'intro' },
    {
      type: 'fields',
      rows: [
        ...PERSON_ROWS,
        { label: 'label.authority', value: 'authority' },
        { label: 'label.detained-as', value: 'detainedAs' },
        { label: 'label.grounds', value: 'grounds' },
        { label: 'label.since', value: 'since' },
        { label: 'label.next-review', value: 'nextReview' },
        { label: 'label.judicial-review', value: 'judicialReviewBy' },
        { label: 'label.maximum', value: 'maximum' },
        { label: 'label.issued', value: 'issuedDate' },
      ],
    },
    { type: 'paragraph', text: 'extended', when: 'extension' },
    { type: 'heading', text: 'heading.reasons' },
    { type: 'paragraph', text: 'reasons-text' },
    { type: 'heading', text: 'heading.minor', when: 'minor' },
    {
      type: 'fields',
      when: 'minor',
      rows: [
        { label: 'label.minor-best-interests', value: 'minorBestInterests' },
        { label: 'label.minor-no-alternative', value: 'minorNoAlternative' },
      ],
    },
    { type: 'heading', text: 'heading.challenge' },
    { type: 'notice', text: 'challenge.applicant', when: 'applicant' },
    { type: 'notice', text: 'challenge.in-return', when: 'inReturn' },
    { type: 'notice', text: 'challenge.national', when: 'national' },
    { type: 'paragraph', text: 'not-punitive' },
    { type: 'paragraph', text: 'legal-aid' },
    { type: 'paragraph', text: 'language' },
    { type: 'signatures', items: ['sign.officer', 'sign.received'] },
  ],
};

export default definition;
