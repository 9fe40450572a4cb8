// The detention as the case keeps it (guarantees/detention.ts decides the orders): how an order, a review
// and a court's review change the case (evolvers, pure and total over the log), and the guarantees the case
// page shows while the person is detained (RCD Arts 11 and 13, RD Art. 15).
import type { Action, CaseState, DetentionOrder } from '../case-state.ts';
import type { Flag } from '../statuses.ts';
import type { Guarantee, GuaranteeRule, OpenObligation } from './types.ts';

/** A detention on irregular entry alone (CJEU C-72/22 PPU: never for an applicant). */
export const onlyIrregularEntry = (grounds: readonly string[]) =>
  grounds.length === 1 && grounds[0] === 'irregular-entry';

const withoutFlags = (flags: readonly Flag[], remove: readonly Flag[]): Flag[] =>
  flags.filter((f) => !remove.includes(f));

export function released(s: CaseState): CaseState {
  const { detention: _d, detentionOrder: _o, ...rest } = s;
  return { ...rest, flags: withoutFlags(s.flags, ['detained', 'detention-irregular-entry-only']) };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function evolveOrder(s: CaseState, action: Action): CaseState {
  const p = action.payload;
  const reasons = str(p.reasons);
  // an order logged before issue 17 has no reasons: its guarantee shows as missing
  if (!reasons) return s;
  const bestInterests = str(p.minorBestInterests);
  const noAlternative = str(p.minorNoAlternative);
  const order: DetentionOrder = {
    reasons,
    nextReviewBy: str(p.nextReviewBy) ?? '',
    ...(str(p.judicialReviewDueAt) ? { judicialReviewDueAt: str(p.judicialReviewDueAt) } : {}),
    ...(str(p.maximumAt) ? { maximumAt: str(p.maximumAt), maximumArticle: str(p.maximumArticle) } : {}),
    ...(bestInterests && noAlternative ? { minorException: { bestInterests, noAlternative } } : {}),
  };
  return { ...s, detentionOrder: order };
}

export function evolveReview(s: CaseState, action: Action): CaseState {
  const p = action.payload;
  const grounds = Array.isArray(p.grounds) ? (p.grounds as string[]) : undefined;
  let next = s;
  if (grounds && s.detention) {
    next = {
      ...next,
      detention: { ...s.detention, grounds: [...new Set(grounds)] },
      flags: onlyIrregularEntry(grounds)
        ? next.flags
        : withoutFlags(next.flags, ['detention-irregular-entry-only']),
    };
  }
  if (!next.detentionOrder) return next;
  const { maximumAt: _m, maximumArticle: _a, ...order } = next.detentionOrder;
  const maximum =
    p.maximumAt === null
      ? {}
      : str(p.maximumAt)
        ? { maximumAt: str(p.maximumAt), maximumArticle: str(p.maximumArticle) }
        : { maximumAt: _m, maximumArticle: _a };
  return {
    ...next,
    detentionOrder: {
      ...order,
      ...maximum,
      reasons: str(p.reasons) ?? order.reasons,
      ...(str(p.extension) ? { extension: str(p.extension) } : {}),
      ...(str(p.minorBestInterests) && str(p.minorNoAlternative)
        ? {
            minorException: {
              bestInterests: str(p.minorBestInterests) ?? '',
              noAlternative: str(p.minorNoAlternative) ?? '',
            },
          }
        : {}),
      nextReviewBy: str(p.nextReviewBy) ?? order.nextReviewBy,
    },
  };
}

export function evolveJudicialReview(s: CaseState, action: Action): CaseState {
  const p = action.payload;
  if (p.outcome === 'release-ordered') return released(s);
  if (!s.detentionOrder) return s;
  return {
    ...s,
    detentionOrder: {
      ...s.detentionOrder,
      judicialReview: { at: action.at, outcome: String(p.outcome) },
      nextReviewBy: str(p.nextReviewBy) ?? s.detentionOrder.nextReviewBy,
    },
  };
}

// ---- the case page's guarantees (only while the person is detained) ----

const dueOrMissing = (now: Date, dueAt: string) => (now.getTime() < Date.parse(dueAt) ? 'due' : 'missing');
const openDue = (open: readonly OpenObligation[], kind: OpenObligation['kind']) =>
  open.find((o) => o.kind === kind)?.dueAt;

/** RCD Art. 11(2) (RD Art. 15(2)): the order in writing, with its grounds and reasons. */
export const orderGuarantee: GuaranteeRule = (c) => {
  if (!c.detention) return undefined;
  return {
    key: 'detention-order',
    article: 'RCD Art. 11(2); RD Art. 15(2)',
    status: c.detentionOrder ? 'done' : 'missing',
    at: c.detention.since,
    params: { grounds: c.detention.grounds.join(', ') },
  };
};

/** The review the order (or the last review) set. */
export const reviewGuarantee: GuaranteeRule = (c, now, open) => {
  if (!c.detention) return undefined;
  const dueAt = openDue(open, 'detention-review') ?? c.detentionOrder?.nextReviewBy;
  const g: Guarantee = {
    key: 'detention-review',
    article: 'RCD Art. 11; RD Art. 15(3)',
    status: dueAt ? dueOrMissing(now, dueAt) : 'missing',
  };
  return dueAt ? { ...g, dueAt } : g;
};

/** RCD Art. 11(3): a speedy judicial review (ex officio for an applicant, within 15 days); RD Art. 15(2). */
export const judicialReviewGuarantee: GuaranteeRule = (c, now) => {
  if (!c.detention) return undefined;
  const o = c.detentionOrder;
  const article = o?.judicialReviewDueAt ? 'RCD Art. 11(3)' : 'RCD Art. 11(3); RD Art. 15(2)';
  if (o?.judicialReview)
    return {
      key: 'detention-judicial-review',
      article,
      status: 'done',
      at: o.judicialReview.at,
      params: { outcome: o.judicialReview.outcome },
    };
  if (o?.judicialReviewDueAt)
    return {
      key: 'detention-judicial-review',
      article,
      status: dueOrMissing(now, o.judicialReviewDueAt),
      dueAt: o.judicialReviewDueAt,
    };
  return { key: 'detention-judicial-review', article, status: 'due' };
};

/** The longest the detention may last (RD Art. 15(5); APR Art. 51(2); national maxima). */
export const maximumGuarantee: GuaranteeRule = (c, now, open) => {
  const dueAt = openDue(open, 'detention-maximum') ?? c.detentionOrder?.maximumAt;
  if (!c.detention || !dueAt) return undefined;
  return {
    key: 'detention-maximum',
    article: c.detentionOrder?.maximumArticle ?? 'RD Art. 15(5)',
    status: dueOrMissing(now, dueAt),
    dueAt,
  };
};
