// Guarantees module: detention (see types.ts for what a module may hold).
//
// Every detention order states its grounds and written reasons and sets its first review (RCD Art. 11(2));
// the ground must be one the law allows for that person: an applicant only on the grounds of RCD Art. 10(4),
// never on irregular entry alone (CJEU C-72/22 PPU), a person in return only to prepare the return or carry
// out the removal (RD Art. 15(1)), the border-procedure ground only in the border procedure. A minor only in
// exceptional circumstances, as a last resort, with the best-interests assessment and the reasons why less
// coercive measures cannot apply recorded (RCD Art. 13(2)); an unaccompanied minor never on irregular entry
// alone. The longest detention the law allows is a deadline in the queue (`detention-maximum`), and a
// detention past it may not be continued by a review: it must end (RD Art. 15(4)–(6)).
//
// For the monitoring mechanism (issue 17, "minors detained"): every `detention.ordered` action carries in its
// payload `minor` and `unaccompanied` (booleans, the person's facts when the order was made) and `detainedAs`
// ('applicant' | 'in-return' | 'not-applicant'); count in SQL on case_actions with
// `type = 'detention.ordered' and (payload->>'minor')::boolean` (isMinorDetention below says the same).
import { DateTime } from 'luxon';
import { stateCalendar } from '../../law/calendar/state-calendar.ts';
import { periodEnd } from '../../law/periods.ts';
import type { Action, CaseState, Obligation } from '../case-state.ts';
import type { DecideContext } from '../decide.ts';
import { CommandRejectedError } from '../errors.ts';
import type { Condition } from '../next-actions.ts';
import { obligation } from '../obligations.ts';
import type { DETENTION_GROUNDS } from '../vocabulary.ts';
import {
  evolveJudicialReview,
  evolveOrder,
  evolveReview,
  judicialReviewGuarantee,
  maximumGuarantee,
  onlyIrregularEntry,
  orderGuarantee,
  reviewGuarantee,
} from './detention-record.ts';
import type { CommandOf, Effects, GuaranteeModule } from './types.ts';

export type DetentionGround = (typeof DETENTION_GROUNDS)[number];

/** Whom the detention law treats the person as, when the order is made. */
export type DetainedAs = 'applicant' | 'in-return' | 'not-applicant';

/**
 * An applicant is a person who made an application (the wish recorded, at or before `at`) and is not in
 * return; a person in return (after a return decision) falls under the Return Directive.
 */
export function detainedAs(c: CaseState, at?: string): DetainedAs {
  if (c.status === 'in-return') return 'in-return';
  const applied =
    c.asylumWishAt !== undefined && (at === undefined || Date.parse(c.asylumWishAt) <= Date.parse(at));
  return applied ? 'applicant' : 'not-applicant';
}

/**
 * The grounds the law allows for each kind of person, with the article.
 * - applicant — RCD Art. 10(4): (a) identity or nationality; (b) the elements of the application, in particular
 *   where there is a risk of absconding; the applicant's right to enter the territory (the border procedure);
 *   national security or public order. Irregular entry is not among them (C-72/22 PPU; Art. 10(1)).
 * - in return — RD Art. 15(1) (read in CJEU C-241/21 I.L. as reported by ELENA, and the EU's summary): only
 *   to prepare the return or carry out the removal, in particular where there is a
 *   risk of absconding or the person avoids or hampers it (identity).
 * - neither — national law (during screening, before any application or return decision): irregular entry is a
 *   ground there; the return and border-procedure grounds presuppose a return decision or the procedure.
 */
export const ALLOWED_GROUNDS: Readonly<
  Record<DetainedAs, { readonly grounds: readonly DetentionGround[]; readonly article: string }>
> = {
  applicant: {
    grounds: ['identity', 'risk-of-absconding', 'security', 'border-procedure'],
    article: 'RCD Art. 10(4)',
  },
  'in-return': { grounds: ['return', 'risk-of-absconding', 'identity'], article: 'RD Art. 15(1)' },
  'not-applicant': {
    grounds: ['irregular-entry', 'identity', 'risk-of-absconding', 'security'],
    article: 'national law; RD Art. 15(1) and APR Art. 43 for the return and border-procedure grounds',
  },
};

/** Refuses a ground the law forbids for this person (throws CommandRejectedError). */
export function checkGrounds(c: CaseState, grounds: readonly DetentionGround[], at: string): void {
  const as = detainedAs(c, at);
  // RCD Art. 13(2): an unaccompanied minor only in exceptional circumstances — never for crossing irregularly
  if (c.person.unaccompanied && onlyIrregularEntry(grounds))
    throw new CommandRejectedError(
      'grounds',
      { code: 'detention-unaccompanied-minor-irregular-entry', params: {} },
      'an unaccompanied minor may not be detained on irregular entry alone (RCD Art. 13(2); CJEU C-72/22 PPU)',
    );
  // CJEU C-72/22 PPU: an applicant may not be detained solely because of irregular entry or stay
  if (as === 'applicant' && onlyIrregularEntry(grounds))
    throw new CommandRejectedError(
      'grounds',
      { code: 'detention-irregular-entry-alone', params: {} },
      'an applicant may not be detained on irregular entry alone (CJEU C-72/22 PPU; RCD Art. 10(1), (4))',
    );
  const allowed = ALLOWED_GROUNDS[as];
  for (const ground of grounds) {
    const inProcedure = ground !== 'border-procedure' || c.procedure === 'border';
    if (!allowed.grounds.includes(ground) || !inProcedure) {
      const article =
        ground === 'border-procedure' && allowed.grounds.includes(ground)
          ? 'APR Art. 43; RCD Art. 10(4): only in the border procedure'
          : allowed.article;
      throw new CommandRejectedError(
        'grounds',
        { code: 'detention-ground-not-allowed', params: { ground, person: as, article } },
        `the ground ${ground} is not one the law allows for this person (${as}; ${article})`,
      );
    }
  }
}

/** A parameter's period counted from `from` by Regulation 1182/71, or undefined where it is not in force. */
function periodFrom(
  ctx: DecideContext,
  c: CaseState,
  name: string,
  from: string,
): { dueAt: string; article: string } | undefined {
  const date = DateTime.fromISO(from, { setZone: true }).setZone(stateCalendar(c.state).zone).toISODate();
  const p = ctx.law.find(name);
  if (!date || !p?.values.some((v) => v.since <= date)) return undefined;
  const used = ctx.law.usedAt(name, date);
  const end = periodEnd(DateTime.fromISO(from), ctx.law.periodAt(name, date), stateCalendar(c.state));
  return { dueAt: end.endsAt.toISO({ suppressMilliseconds: true }) ?? '', article: used.citation };
}

/**
 * The longest the detention may last from `since`, on these grounds: the earliest of the maxima that apply.
 * - the return ground: RD Art. 15(5), six months; 18 in all once extended under 15(6) (detention.reviewed);
 * - the border-procedure ground: the border procedure's own end, 12 weeks from registration (APR Art. 51(2));
 * - an applicant: the state's national maximum where one is recorded (law/detention.ts, e.g. Lithuania).
 */
export function detentionMaximum(
  c: CaseState,
  grounds: readonly string[],
  since: string,
  ctx: DecideContext,
  asAt = since,
  extended = false,
): { dueAt: string; article: string } | undefined {
  const found: { dueAt: string; article: string }[] = [];
  if (grounds.includes('return')) {
    // RD Art. 15(6): extended on one of its two grounds, 18 months in all
    const m = periodFrom(ctx, c, extended ? 'rd.detention.maximum-extended' : 'rd.detention.maximum', since);
    if (m) found.push(m);
  }
  if (grounds.includes('border-procedure') && c.registeredAt) {
    const o = obligation(ctx, c, 'detention-maximum', 'border-procedure', c.registeredAt);
    found.push({ dueAt: o.dueAt, article: `${o.article} (the border procedure bounds detention in it)` });
  }
  if (detainedAs(c, asAt) === 'applicant') {
    const m = periodFrom(ctx, c, `national.${c.state.toLowerCase()}.detention.applicant-maximum`, since);
    if (m) found.push({ ...m, article: `${m.article} (national maximum)` });
  }
  return found.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
}

/** RCD Art. 11(3): the ex officio judicial review of an applicant's detention, at the latest. */
function judicialReviewDue(c: CaseState, since: string, ctx: DecideContext) {
  return detainedAs(c, since) === 'applicant'
    ? periodFrom(ctx, c, 'rcd.detention.judicial-review', since)
    : undefined;
}

/** The review date must come after the order and no later than the first limit the law sets. */
function checkReviewDate(
  at: string,
  nextReviewBy: string,
  limits: readonly ({ dueAt: string; article: string } | undefined)[],
): void {
  const latest = limits
    .filter((l): l is { dueAt: string; article: string } => l !== undefined)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
  const review = Date.parse(nextReviewBy);
  if (review > Date.parse(at) && (!latest || review <= Date.parse(latest.dueAt))) return;
  throw new CommandRejectedError(
    'nextReviewBy',
    {
      code: 'detention-review-date-out-of-range',
      params: { nextReviewBy, latest: latest?.dueAt ?? '', article: latest?.article ?? '' },
    },
    latest
      ? `the review must fall after the order and no later than ${latest.dueAt} (${latest.article})`
      : 'the review must fall after the order',
  );
}

/** The facts an order computes from the law (shared by the guard and the handler). */
function orderFacts(c: CaseState, command: CommandOf<'detention.ordered'>, ctx: DecideContext) {
  return {
    maximum: detentionMaximum(c, command.grounds, command.at, ctx),
    judicialReview: judicialReviewDue(c, command.at, ctx),
  };
}

function guardOrder(c: CaseState, command: CommandOf<'detention.ordered'>, ctx: DecideContext): void {
  checkGrounds(c, command.grounds, command.at);
  // RCD Art. 13(2): a minor only as a last resort, with both findings recorded
  if (c.person.minor && !(command.minorBestInterests && command.minorNoAlternative))
    throw new CommandRejectedError(
      'minorBestInterests',
      { code: 'detention-minor-exception-required', params: {} },
      'a minor may be detained only in exceptional circumstances, as a last resort: record why detention is in the minor’s best interests and why less coercive measures cannot be applied effectively (RCD Art. 13(2))',
    );
  const f = orderFacts(c, command, ctx);
  checkReviewDate(command.at, command.nextReviewBy, [f.judicialReview, f.maximum]);
}

function guardReview(c: CaseState, command: CommandOf<'detention.reviewed'>, ctx: DecideContext): void {
  // a detention on irregular entry alone that the person's application made unlawful is not continued on
  // that ground (C-72/22 PPU): the review states the new grounds and reasons, or the detention ends
  if (c.flags.includes('detention-irregular-entry-only') && !command.grounds)
    throw new CommandRejectedError(
      'grounds',
      { code: 'detention-irregular-entry-alone', params: {} },
      'the person applied for protection: detention on irregular entry alone cannot continue (CJEU C-72/22 PPU); state the grounds of RCD Art. 10(4) with their reasons, or end the detention',
    );
  // every review checks the grounds against the person as the case now knows them (a correction, an age
  // assessment or the identity may have made them a minor, or unaccompanied, since the order)
  checkGrounds(c, command.grounds ?? ((c.detention?.grounds ?? []) as DetentionGround[]), command.at);
  // RCD Art. 13(2): a minor only with the exceptional ground recorded — in the order, or at this review
  if (
    c.person.minor &&
    !c.detentionOrder?.minorException &&
    !(command.minorBestInterests && command.minorNoAlternative)
  )
    throw new CommandRejectedError(
      'minorBestInterests',
      { code: 'detention-minor-exception-required', params: {} },
      'the person is a minor: detention continues only as a last resort in the best interests of the minor, with both recorded (RCD Art. 13(2)); record them, or end the detention',
    );
  // RD Art. 15(6): only detention for removal is extended beyond six months
  const grounds = command.grounds ?? c.detention?.grounds ?? [];
  if (command.extension && !grounds.includes('return'))
    throw new CommandRejectedError(
      'extension',
      { code: 'detention-extension-not-allowed', params: {} },
      'only detention for removal (the return ground) may be extended beyond six months (RD Art. 15(6))',
    );
  checkReviewDate(command.at, command.nextReviewBy, [reviewedMaximum(c, command, ctx)]);
}

/** The maximum after a review: counted again where the grounds change or the detention is extended. */
function reviewedMaximum(c: CaseState, command: CommandOf<'detention.reviewed'>, ctx: DecideContext) {
  if (!c.detention || !(command.grounds || command.extension)) return maximumOf(c);
  const extended = command.extension !== undefined || c.detentionOrder?.extension !== undefined;
  return detentionMaximum(
    c,
    command.grounds ?? c.detention.grounds,
    c.detention.since,
    ctx,
    command.at,
    extended,
  );
}

const maximumOf = (c: CaseState) =>
  c.detentionOrder?.maximumAt
    ? { dueAt: c.detentionOrder.maximumAt, article: c.detentionOrder.maximumArticle ?? '' }
    : undefined;

/** RD Art. 15(4)–(6) and the national maxima: past the maximum the detention ends; a review cannot continue it. */
const pastMaximum: Condition = {
  action: 'detention.reviewed',
  refuses: (c, at) => {
    const m = c.detentionOrder?.maximumAt;
    return m !== undefined && Date.parse(at) >= Date.parse(m);
  },
  refusal: (c) => ({
    code: 'detention-maximum-passed',
    params: {
      maximumAt: c.detentionOrder?.maximumAt ?? '',
      article: c.detentionOrder?.maximumArticle ?? '',
    },
  }),
  why: 'the detention has reached the longest the law allows: it must end',
};

function onOrder(c: CaseState, command: CommandOf<'detention.ordered'>, ctx: DecideContext): Effects {
  const f = orderFacts(c, command, ctx);
  const opens: Obligation[] = f.maximum
    ? [{ kind: 'detention-maximum', dueAt: f.maximum.dueAt, article: f.maximum.article }]
    : [];
  const notes: string[] = [];
  if (!f.maximum)
    notes.push(
      `no maximum duration is recorded for this detention in ${c.state} (RCD Art. 11(1): as short as possible); it is not tracked in the queue`,
    );
  // RCD Arts 10(3), 13(1): special reception needs are assessed and taken into account; no detention that
  // would put the person's physical and mental health at serious risk
  if (c.person.vulnerabilities.length > 0 || c.flags.includes('vulnerable'))
    notes.push(
      'the person has recorded vulnerabilities: the assessment of special reception needs must be completed and taken into account, and a person whose health detention would seriously endanger is not detained (RCD Arts 10(3), 13(1))',
    );
  return {
    opens,
    notes,
    extra: {
      detainedAs: detainedAs(c, command.at),
      minor: c.person.minor === true,
      unaccompanied: c.person.unaccompanied === true,
      ...(f.judicialReview ? { judicialReviewDueAt: f.judicialReview.dueAt } : {}),
      ...(f.maximum ? { maximumAt: f.maximum.dueAt, maximumArticle: f.maximum.article } : {}),
    },
  };
}

function onReview(c: CaseState, command: CommandOf<'detention.reviewed'>, ctx: DecideContext): Effects {
  if (!(command.grounds || command.extension) || !c.detention) return {};
  // new grounds or an extension: the maximum is counted again from the detention's start
  const m = reviewedMaximum(c, command, ctx);
  return {
    closes: ['detention-maximum'],
    opens: m ? [{ kind: 'detention-maximum', dueAt: m.dueAt, article: m.article }] : [],
    extra: m ? { maximumAt: m.dueAt, maximumArticle: m.article } : { maximumAt: null },
  };
}

function onJudicialReview(c: CaseState, command: CommandOf<'detention.judicial-review'>): Effects {
  if (command.outcome === 'release-ordered')
    // RCD Art. 11(3): detention held unlawful — the person is released immediately
    return { closes: ['detention-review', 'detention-maximum'] };
  const notes: string[] = [];
  const m = c.detentionOrder?.maximumAt;
  if (m && Date.parse(command.at) >= Date.parse(m))
    notes.push(
      `the detention is past its maximum (${m}): it must end (${c.detentionOrder?.maximumArticle ?? ''})`,
    );
  return {
    closes: ['detention-review'],
    opens: command.nextReviewBy
      ? [
          {
            kind: 'detention-review',
            dueAt: command.nextReviewBy,
            article: 'RCD Art. 11; RD Art. 15(3) (the next review, set by the court)',
          },
        ]
      : [],
    notes,
  };
}

/** Whether a logged action detained a minor (the monitoring indicator "minors detained"). */
export function isMinorDetention(action: Pick<Action, 'type' | 'payload'>): boolean {
  return action.type === 'detention.ordered' && action.payload.minor === true;
}

const module: GuaranteeModule = {
  name: 'detention',
  conditions: [pastMaximum],
  guards: [
    (c, command, ctx) => {
      if (command.type === 'detention.ordered') guardOrder(c, command, ctx);
      else if (command.type === 'detention.reviewed') guardReview(c, command, ctx);
    },
  ],
  handlers: {
    'detention.ordered': (c, command, ctx) =>
      command.type === 'detention.ordered' ? onOrder(c, command, ctx) : undefined,
    'detention.reviewed': (c, command, ctx) =>
      command.type === 'detention.reviewed' ? onReview(c, command, ctx) : undefined,
    'detention.judicial-review': (c, command) =>
      command.type === 'detention.judicial-review' ? onJudicialReview(c, command) : undefined,
    'detention.ended': () => ({ closes: ['detention-maximum'] }),
  },
  evolvers: {
    'detention.ordered': evolveOrder,
    'detention.reviewed': evolveReview,
    'detention.judicial-review': evolveJudicialReview,
    'detention.ended': (s) => {
      const { detentionOrder: _o, ...rest } = s;
      return rest;
    },
  },
  guarantees: [orderGuarantee, reviewGuarantee, judicialReviewGuarantee, maximumGuarantee],
};

export default module;
