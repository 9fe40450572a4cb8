// issue 22: guarantees module "returns" — assisted voluntary return and readmission, in the case of a person
// who must return. The period for voluntary departure (RD Art. 7(1)) opens an obligation due at its end; an
// extension (Art. 7(2)) moves it; counselling and support (travel, reintegration in kind or cash, with a
// partner organisation) are recorded; a departure confirmed at a border crossing point closes the case with
// the outcome "departed" (Art. 3(8)); a period ended without one is the sweep's lapse (period.ts: removal,
// Art. 8(1); entry ban, Art. 11(1)(b)). A readmission request opens the arrangement's reply due date
// (law/readmission/arrangements.ts). Registered in src/domain/guarantees/index.ts. See ../guarantees/types.ts.
import type { Action, CaseState } from '../case-state.ts';
import { CommandRejectedError } from '../errors.ts';
import type { CommandOf, Guarantee, GuaranteeModule, OpenObligation } from '../guarantees/types.ts';
import type { Condition } from '../next-actions.ts';
import type { CommandType } from '../statuses.ts';
import {
  departurePeriodEnd,
  extendedPeriodEnd,
  maximumDays,
  periodObligation,
  readmissionReplyDue,
} from './period.ts';
import type { ReadmissionRequest, VoluntaryReturn } from './types.ts';

const EMPTY: VoluntaryReturn = { counselling: [], support: [], readmission: [] };
const of = (s: CaseState): VoluntaryReturn => s.voluntaryReturn ?? EMPTY;
const set = (s: CaseState, r: Partial<VoluntaryReturn>): CaseState => ({
  ...s,
  voluntaryReturn: { ...of(s), ...r },
});
const p = (a: Action) => a.payload as Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The readmission request awaiting its answer, if any. */
export const pendingReadmission = (c: CaseState): ReadmissionRequest | undefined => {
  const last = of(c).readmission.at(-1);
  return last && !last.answer ? last : undefined;
};

const periodEnded = (c: CaseState, at: string) => {
  const pd = of(c).period;
  return pd !== undefined && (of(c).lapsedAt !== undefined || Date.parse(at) >= Date.parse(pd.endsAt));
};

const noDecision = () => ({ code: 'no-return-decision' as const, params: {} });
const conditions: readonly Condition[] = [
  {
    action: 'return.decided',
    refuses: (c) => c.status === 'in-return' && c.returnDecision !== undefined,
    refusal: (c) => ({
      code: 'return-decision-already-issued',
      params: { decidedAt: c.returnDecision?.at ?? '' },
    }),
    why: 'the case in return has its return decision already (RD Art. 6(1))',
  },
  ...(
    [
      'return.voluntary-departure',
      'return.voluntary-departure-extended',
      'return.departure-confirmed',
    ] as const
  ).map(
    (action): Condition => ({
      action,
      refuses: (c) => c.returnDecision === undefined,
      refusal: noDecision,
      why: 'no return decision is recorded (RD Art. 6)',
    }),
  ),
  {
    action: 'return.voluntary-departure',
    refuses: (c) => c.returnDecision !== undefined && of(c).period !== undefined,
    refusal: (c) => ({
      code: 'voluntary-departure-already-granted',
      params: { endsAt: of(c).period?.endsAt ?? '' },
    }),
    why: 'a period for voluntary departure is granted already; it is extended (RD Art. 7(2))',
  },
  {
    action: 'return.voluntary-departure-extended',
    refuses: (c) => c.returnDecision !== undefined && of(c).period === undefined,
    refusal: () => ({ code: 'no-voluntary-departure-period', params: {} }),
    why: 'no period for voluntary departure is granted (RD Art. 7(1))',
  },
  {
    action: 'return.voluntary-departure-extended',
    refuses: (c, at) => periodEnded(c, at),
    refusal: (c) => ({ code: 'voluntary-departure-ended', params: { endsAt: of(c).period?.endsAt ?? '' } }),
    why: 'the period for voluntary departure has ended (RD Arts 7(2), 8(1))',
  },
  {
    action: 'readmission.requested',
    refuses: (c) => pendingReadmission(c) !== undefined,
    refusal: (c) => ({
      code: 'readmission-request-pending',
      params: { country: pendingReadmission(c)?.country ?? '', at: pendingReadmission(c)?.at ?? '' },
    }),
    why: 'a readmission request awaits its answer',
  },
  {
    action: 'readmission.answered',
    refuses: (c) => pendingReadmission(c) === undefined,
    refusal: () => ({ code: 'no-readmission-request', params: {} }),
    why: 'no readmission request awaits an answer',
  },
];

type Of<T extends CommandType> = CommandOf<T>;

const module: GuaranteeModule = {
  name: 'returns',
  conditions,
  guards: [
    (c, command, ctx) => {
      if (command.type !== 'return.voluntary-departure') return;
      const max = maximumDays(ctx.law, c, command.at);
      if (command.days > max.days)
        throw new CommandRejectedError(
          'days',
          { code: 'voluntary-departure-too-long', params: { maximum: max.days } },
          `at most ${max.days} days (${max.article})`,
        );
    },
  ],
  handlers: {
    'return.voluntary-departure': (c, command, ctx) => {
      const cmd = command as Of<'return.voluntary-departure'>;
      const endsAt = departurePeriodEnd(c.state, cmd.at, cmd.days);
      const min = ctx.law.usedAt('rd.voluntary-departure.minimum', cmd.at.slice(0, 10));
      return {
        opens: [periodObligation(endsAt)],
        extra: { endsAt },
        notes:
          cmd.days < Number(min.value)
            ? [
                `a period shorter than ${min.value} days only on the grounds of RD Art. 7(4) (${min.citation})`,
              ]
            : [],
      };
    },
    'return.voluntary-departure-extended': (c, command) => {
      const cmd = command as Of<'return.voluntary-departure-extended'>;
      const pd = of(c).period;
      if (!pd) return undefined;
      const endsAt = extendedPeriodEnd(c.state, pd.endsAt, cmd.days);
      return { closes: ['voluntary-departure'], opens: [periodObligation(endsAt)], extra: { endsAt } };
    },
    // the obligation to return complied with (RD Art. 3(8)); after a lapse the removal is moot, the entry ban
    // (Art. 11(1)(b): the obligation was not complied with within the period) stays
    'return.departure-confirmed': (c) => ({
      closes: c.open.filter((k) => k !== 'entry-ban'),
      extra: of(c).lapsedAt ? { afterLapse: true } : {},
    }),
    'readmission.requested': (c, command) => {
      const cmd = command as Of<'readmission.requested'>;
      const o = readmissionReplyDue(c.state, cmd.country, cmd.at);
      return o
        ? { opens: [o], extra: { replyDueAt: o.dueAt } }
        : {
            notes: [
              `no readmission arrangement with ${cmd.country} is recorded: no reply due date is tracked`,
            ],
          };
    },
    'readmission.answered': () => ({ closes: ['readmission-reply'] }),
  },
  evolvers: {
    'return.voluntary-departure': (s, a) => {
      const endsAt = str(p(a).endsAt);
      return endsAt ? set(s, { period: { from: a.at, days: Number(p(a).days), endsAt, extensions: [] } }) : s;
    },
    'return.voluntary-departure-extended': (s, a) => {
      const pd = of(s).period;
      const endsAt = str(p(a).endsAt);
      if (!pd || !endsAt) return s;
      const ext = { days: Number(p(a).days), reasons: (p(a).reasons ?? []) as never[], at: a.at };
      return set(s, { period: { ...pd, endsAt, extensions: [...pd.extensions, ext] } });
    },
    'return.counselling': (s, a) =>
      set(s, { counselling: [...of(s).counselling, { partner: String(p(a).partner), at: a.at }] }),
    'return.support-granted': (s, a) =>
      set(s, {
        support: [
          ...of(s).support,
          {
            support: p(a).support as VoluntaryReturn['support'][number]['support'],
            partner: String(p(a).partner),
            ...(typeof p(a).amountEur === 'number' ? { amountEur: p(a).amountEur as number } : {}),
            at: a.at,
          },
        ],
      }),
    'return.departure-confirmed': (s, a) => ({
      ...set(s, {
        departure: {
          at: a.at,
          placeId: String(p(a).placeId),
          ...(str(p(a).to) ? { to: String(p(a).to) } : {}),
        },
        outcome: 'departed',
      }),
      status: 'closed',
    }),
    'return.voluntary-departure-lapsed': (s, a) => set(s, { lapsedAt: a.at, outcome: 'forced-return' }),
    // absconding during the return (not after the departure): the outcome the statistics count
    'person.absconded': (s, _a, before) =>
      before.status === 'in-return' && of(before).outcome === undefined
        ? set(s, { outcome: 'absconded' })
        : s,
    'person.reappeared': (s, _a, before) =>
      of(before).outcome === 'absconded'
        ? set(s, { outcome: of(before).lapsedAt ? 'forced-return' : undefined })
        : s,
    'readmission.requested': (s, a) =>
      set(s, {
        readmission: [
          ...of(s).readmission,
          {
            country: String(p(a).country),
            kind: p(a).kind as ReadmissionRequest['kind'],
            documents: (p(a).documents ?? []) as ReadmissionRequest['documents'],
            at: a.at,
            ...(str(p(a).reference) ? { reference: String(p(a).reference) } : {}),
            ...(str(p(a).replyDueAt) ? { replyDueAt: String(p(a).replyDueAt) } : {}),
          },
        ],
      }),
    'readmission.answered': (s, a) => {
      const rs = of(s).readmission;
      const last = rs.at(-1);
      if (!last || last.answer) return s;
      const answer = { answer: p(a).answer as 'accepted' | 'refused', at: a.at };
      return set(s, { readmission: [...rs.slice(0, -1), { ...last, answer }] });
    },
  },
  guarantees: [periodLine, departureLine, readmissionLine],
};
export default module;

/** RD Art. 7: the period, due at its end, or how it ended. */
function periodLine(c: CaseState, _now: Date, open: readonly OpenObligation[]): Guarantee | undefined {
  const pd = of(c).period;
  if (!pd) return undefined;
  const params = { days: pd.days + pd.extensions.reduce((n, e) => n + e.days, 0) };
  if (of(c).lapsedAt)
    return {
      key: 'voluntary-departure-lapsed',
      article: 'RD Arts 7(1), 8(1), 11(1)(b)',
      status: 'missing',
      at: of(c).lapsedAt,
      params,
    };
  if (of(c).departure)
    return {
      key: 'voluntary-departure-period',
      article: 'RD Art. 7(1)',
      status: 'done',
      at: of(c).departure?.at,
      params,
    };
  const dueAt = open.find((o) => o.kind === 'voluntary-departure')?.dueAt ?? pd.endsAt;
  return { key: 'voluntary-departure-period', article: 'RD Art. 7(1)–(2)', status: 'due', dueAt, params };
}

function departureLine(c: CaseState): Guarantee | undefined {
  const d = of(c).departure;
  if (!d) return undefined;
  return {
    key: 'departure-confirmed',
    article: 'RD Art. 3(8)',
    status: 'done',
    at: d.at,
    params: { place: d.placeId },
  };
}

function readmissionLine(c: CaseState, _now: Date, open: readonly OpenObligation[]): Guarantee | undefined {
  const r = of(c).readmission.at(-1);
  if (!r) return undefined;
  const params = { country: r.country, requestKind: r.kind };
  if (r.answer)
    return {
      key: `readmission-${r.answer.answer}`,
      article: 'readmission arrangement',
      status: 'done',
      at: r.answer.at,
      params,
    };
  const dueAt = open.find((o) => o.kind === 'readmission-reply')?.dueAt;
  return {
    key: 'readmission-requested',
    article: 'readmission arrangement',
    status: 'due',
    ...(dueAt ? { dueAt } : {}),
    params,
  };
}
