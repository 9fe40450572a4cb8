// APR Arts 36, 67–68: the decision on the application, with its reasons and the remedy. Art. 36(1) (SEEN): in
// writing, notified to the applicant. 36(2) (SEEN): a rejection as inadmissible, unfounded or manifestly
// unfounded, or as explicitly or implicitly withdrawn, states the reasons in fact and in law — so the document
// is not issued for a rejection whose reasons are not recorded (`decision.issued`'s `reasons`, or a
// correction of that action's `reasons`: src/domain/amend.ts). 36(3) (SEEN): the applicant is informed in
// writing of the result and of how to challenge a rejection, in a language understood where no legal adviser
// assists (the kind is person-facing). 67(8): the time limit runs from the NOTIFICATION: the document states
// the period ("14 days from the day you receive this decision") and, where the notification was recorded at
// issue, the moment it ends (src/domain/documents/kinds/decision-remedy.ts computes both from the law).
// 68(2)–(3): whether the appeal suspends removal by law or the person must ask the court to remain
// (src/domain/guarantees/remedies.ts `suspensiveByLaw`, as issue 17 built it).
// UNCONFIRMED: 67(7)(a)'s condition (remedies.ts applies it only in the accelerated and border procedures);
// 68(4)–(5) (the request to remain: Pact reads its time limit as the appeal's, and that the person remains
// while it is pending); the competent court (Pact does not record it: "the competent court or tribunal");
// the free legal assistance for the appeal (cited as APR Arts 15–19, the articles Pact's counselling cites);
// 36(5) (minors and dependent adults).
import { DateTime } from 'luxon';
import type { CaseState } from '../../case-state.ts';
import { suspensiveByLaw } from '../../guarantees/remedies.ts';
import type { DocumentDefinition } from '../definition.ts';
import { PERSON_ROWS } from '../person-rows.ts';
import { localDate, localDateTime } from '../values.ts';

const POSITIVE = new Set(['refugee-status', 'subsidiary-protection']);
export const DECISION_RESULTS = [
  'refugee-status',
  'subsidiary-protection',
  'inadmissible',
  'unfounded',
  'manifestly-unfounded',
  'implicitly-withdrawn',
] as const;

/**
 * The window's end as a person reads it: a window ending at local midnight (a period in days, Regulation
 * 1182/71 Art. 3) is "the last day, 24:00"; any other end is its local date and time.
 */
export function lastMoment(endsAt: string, zone: string): string {
  const end = DateTime.fromISO(endsAt, { setZone: true }).setZone(zone);
  if (end.hour === 0 && end.minute === 0) return `${end.minus({ days: 1 }).toISODate()} 24:00 (${zone})`;
  return `${end.toFormat('yyyy-MM-dd HH:mm')} (${zone})`;
}

/** Why this case cannot have the decision document now (English), or undefined. */
function unavailable(c: CaseState): string | undefined {
  const d = c.decision;
  if (!d) return 'no decision on the application is recorded (APR Art. 36)';
  if (!POSITIVE.has(d.type) && !d.reasons)
    return "a rejection states its reasons in fact and in law (APR Art. 36(2)), and none are recorded: correct the decision's record (its reasons) and issue it again";
  return undefined;
}

const definition: DocumentDefinition = {
  kind: 'decision',
  info: {
    articles: 'Regulation (EU) 2024/1348 (APR) Arts 36, 67, 68',
    permission: 'case.asylum',
    personFacing: true,
  },
  placeholders: [
    'result',
    'decisionDate',
    'lodgedDate',
    'procedure',
    'reasons',
    'rejection',
    'positive',
    'suspensive',
    'notSuspensive',
    'court',
    'appealPeriod',
    'appealArticle',
    'appealEnds',
    'notifiedAt',
  ],
  words: [
    ...DECISION_RESULTS.map((r) => `result.${r}`),
    'procedure.border',
    'procedure.accelerated',
    'procedure.regular',
    'unit.hours',
    'unit.days',
    'unit.working-days',
    'unit.weeks',
    'unit.months',
    'unit.years',
    'period.not-confirmed',
    'ends.from-notification',
    'court.competent',
    'article.fast-track',
    'article.other',
  ],
  unavailable,
  values: (c, ctx) => {
    const d = c.decision;
    const type = d?.type ?? '';
    const positive = POSITIVE.has(type);
    const suspensive = positive || suspensiveByLaw(c);
    const e = ctx.extra;
    const period =
      e.appealAmount && e.appealUnit
        ? `${e.appealAmount} ${ctx.word(`unit.${e.appealUnit}`)}`
        : ctx.word('period.not-confirmed');
    const ends = e.appealEndsAt ? lastMoment(e.appealEndsAt, ctx.zone) : ctx.word('ends.from-notification');
    const notifiedAt = e.notifiedAt ?? d?.notifiedAt;
    return {
      result: type ? ctx.word(`result.${type}`) : '',
      decisionDate: localDate(d?.at, ctx.zone),
      lodgedDate: localDate(c.lodgedAt, ctx.zone),
      procedure: c.procedure ? ctx.word(`procedure.${c.procedure}`) : '',
      reasons: d?.reasons ?? '',
      rejection: positive ? '' : 'yes',
      positive: positive ? 'yes' : '',
      suspensive: !positive && suspensive ? 'yes' : '',
      notSuspensive: suspensive ? '' : 'yes',
      court: e.court ?? ctx.word('court.competent'),
      appealPeriod: period,
      appealArticle: ctx.word(
        e.appealWindow === 'window-fast-track' ? 'article.fast-track' : 'article.other',
      ),
      appealEnds: ends,
      notifiedAt: notifiedAt ? `${localDateTime(notifiedAt, ctx.zone)} (${ctx.zone})` : '',
    };
  },
  blocks: [
    { type: 'heading', text: 'heading' },
    { type: 'paragraph', text: 'intro' },
    {
      type: 'fields',
      rows: [
        ...PERSON_ROWS,
        { label: 'label.lodged', value: 'lodgedDate' },
        { label: 'label.procedure', value: 'procedure' },
        { label: 'label.authority', value: 'authority' },
        { label: 'label.decision-date', value: 'decisionDate' },
        { label: 'label.issued', value: 'issuedDate' },
      ],
    },
    { type: 'heading', text: 'heading.result' },
    { type: 'notice', text: 'result-text' },
    { type: 'paragraph', text: 'granted', when: 'positive' },
    { type: 'heading', text: 'heading.reasons', when: 'reasons' },
    { type: 'paragraph', text: 'reasons-text', when: 'reasons' },
    { type: 'heading', text: 'heading.remedy', when: 'rejection' },
    { type: 'paragraph', text: 'remedy-intro', when: 'rejection' },
    {
      type: 'fields',
      when: 'rejection',
      rows: [
        { label: 'label.court', value: 'court' },
        { label: 'label.time-limit', value: 'appealPeriod' },
        { label: 'label.counted-from', value: 'notifiedAt' },
        { label: 'label.ends', value: 'appealEnds' },
      ],
    },
    { type: 'paragraph', text: 'time-limit-text', when: 'rejection' },
    { type: 'notice', text: 'remain-suspensive', when: 'suspensive' },
    { type: 'notice', text: 'remain-request', when: 'notSuspensive' },
    { type: 'paragraph', text: 'legal-aid', when: 'rejection' },
    { type: 'paragraph', text: 'language' },
    { type: 'signatures', items: ['sign.officer', 'sign.received'] },
  ],
};

export default definition;
