// The border's facts the papers need (issue 18), kept on the case by evolvers after the core applied the
// action: the refusal of entry with its form's reasons (SBC Art. 14(2), Annex V Part B) and the screening's
// record (Screening Regulation Arts 17–18). The encounter's refusal is set by evolve.ts (the first action runs
// no module); `entry.refused` and a correction of its crossing point are kept here.
import type { CaseState } from './case-state.ts';
import type { GuaranteeModule } from './guarantees/types.ts';
import { inFormOrder } from './refusal.ts';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const OUTCOMES = ['asylum', 'return', 'relocation'] as const;

type Refusal = NonNullable<CaseState['refusal']>;

/** The refusal as the case keeps it (absent fields left out). */
export function refusalOf(at: string, seq: number, p: Readonly<Record<string, unknown>>): Refusal {
  const comments = str(p.comments);
  const directedTo = str(p.directedTo);
  return {
    at,
    seq,
    reasons: inFormOrder(Array.isArray(p.reasons) ? (p.reasons as string[]) : []),
    ...(comments ? { comments } : {}),
    ...(directedTo ? { directedTo } : {}),
  };
}

export const borderRecordModule: GuaranteeModule = {
  name: 'border-record',
  evolvers: {
    // s.version is the new action's seq (the core counted it)
    'entry.refused': (s, action) => ({ ...s, refusal: refusalOf(action.at, s.version, action.payload) }),
    'action.amended': (s, action) => {
      const p = action.payload;
      const r = s.refusal;
      if (!r || p.actionType !== 'entry.refused' || p.field !== 'directedTo' || r.seq !== p.seq) return s;
      return { ...s, refusal: { ...r, directedTo: String(p.new) } };
    },
    'screening.check-recorded': (s, action) => {
      const check = String(action.payload.check);
      const record = s.screeningRecord ?? { checks: {} };
      return {
        ...s,
        screeningRecord: {
          ...record,
          checks: { ...record.checks, [check]: { result: String(action.payload.result), at: action.at } },
        },
      };
    },
    'eurodac.transmitted': (s, action) => ({
      ...s,
      screeningRecord: { ...(s.screeningRecord ?? { checks: {} }), eurodacAt: action.at },
    }),
    'screening.completed': (s, action) => {
      const outcome = OUTCOMES.find((o) => o === action.payload.outcome);
      return {
        ...s,
        screeningRecord: {
          ...(s.screeningRecord ?? { checks: {} }),
          ...(outcome ? { outcome } : {}),
          completedAt: action.at,
        },
      };
    },
  },
};
