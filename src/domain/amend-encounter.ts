import { z } from 'zod';
import {
  type AmendContext,
  amendmentDecision,
  type EncounterAmendment,
  refuse,
  same,
  schemaRefusal,
} from './amend.ts';
import type { CaseState, Decision, Obligation, ObligationKind } from './case-state.ts';
import { Force, Instant } from './commands.ts';
import { FUTURE_TOLERANCE_MS } from './next-actions.ts';
import { obligation } from './obligations.ts';

/** The encounter's values a correction reads and checks against. */
export interface EncounterFacts {
  readonly occurredAt: string;
  readonly placeId: string | null;
  readonly groupSize: number;
  /** persons identified (one case each) */
  readonly persons: number;
  readonly force: z.infer<typeof Force> | null;
  /** the earliest stated time of any later action of the encounter's cases (the encounter may not follow it) */
  readonly earliestActionAt?: string;
}

/** Checks a correction of the encounter and returns its old and new value (the same for each of its cases). */
export function checkEncounterAmendment(
  facts: EncounterFacts,
  current: CaseState,
  a: EncounterAmendment,
  now: Date,
): { old: unknown; new: unknown } {
  const parse = <T>(schema: z.ZodType<T>): T => {
    const r = schema.safeParse(a.value);
    if (!r.success) schemaRefusal(r.error, a.field);
    return r.data;
  };
  let old: unknown;
  let value: unknown;
  switch (a.field) {
    case 'occurredAt': {
      old = facts.occurredAt;
      value = new Date(parse(Instant)).toISOString();
      if (Date.parse(value as string) > now.getTime() + FUTURE_TOLERANCE_MS)
        refuse('in-future', {}, 'is in the future');
      if (facts.earliestActionAt && Date.parse(value as string) > Date.parse(facts.earliestActionAt))
        refuse(
          'amend-encounter-after-action',
          { at: facts.earliestActionAt },
          'the encounter cannot follow an action of its cases',
        );
      break;
    }
    case 'borderSection':
      old = current.borderSection ?? null;
      value = a.value === null ? null : parse(z.string().min(1).max(100));
      break;
    case 'placeId':
      old = facts.placeId;
      value = a.value === null ? null : parse(z.string().min(1).max(100));
      break;
    case 'groupSize':
      old = facts.groupSize;
      value = parse(z.number().int().min(1).max(10_000));
      if ((value as number) < facts.persons)
        refuse('more-persons-than-group', {}, `fewer than the ${facts.persons} persons identified`);
      break;
    case 'force':
      old = facts.force;
      value = parse(Force);
      break;
  }
  if (same(old, value)) refuse('amend-unchanged', { field: a.field }, 'is the value already recorded');
  return { old: old ?? null, new: value ?? null };
}

/** The deadline kinds counted from the encounter (src/domain/decide.ts startCase). */
function countedFromEncounter(c: CaseState): { kind: ObligationKind; deadline: string }[] {
  const screening: Partial<Record<string, string>> = {
    'apprehended-irregular-crossing': 'screening',
    'application-at-crossing-point': 'screening',
    'disembarkation-after-sar': 'screening',
    'found-inside-territory': 'screening-territory',
  };
  const out: { kind: ObligationKind; deadline: string }[] = [];
  const s = screening[c.encounterKind];
  if (s) out.push({ kind: 'screening', deadline: s });
  if (c.encounterKind === 'apprehended-irregular-crossing')
    out.push({ kind: 'eurodac', deadline: 'eurodac-irregular-crossing' });
  return out;
}

/** One case's side of an encounter correction: a new time moves the open deadlines counted from it. */
export function amendEncounterCase(
  current: CaseState,
  a: EncounterAmendment,
  change: { old: unknown; new: unknown },
  ctx: AmendContext,
): Decision {
  const opens: Obligation[] = [];
  const cancels: ObligationKind[] = [];
  const moved: { kind: ObligationKind; oldDueAt: string; newDueAt: string; article: string }[] = [];
  const notes: string[] = [];
  if (a.field === 'occurredAt') {
    const crisis = current.crisis;
    for (const { kind, deadline } of countedFromEncounter(current)) {
      const was = ctx.openObligations.find((o) => o.kind === kind);
      if (!was) {
        if (ctx.everOpened.includes(kind))
          notes.push(`the ${kind} deadline was already closed: it is not judged again`);
        continue;
      }
      const o = obligation(
        ctx,
        { state: current.state, crisis },
        kind,
        deadline,
        String(change.new),
        kind === 'screening',
      );
      if (o.dueAt === was.dueAt) continue;
      cancels.push(kind);
      opens.push(o);
      moved.push({ kind, oldDueAt: was.dueAt, newDueAt: o.dueAt, article: o.article });
    }
  }
  if ((a.field === 'occurredAt' || a.field === 'borderSection') && current.crisis)
    notes.push(
      'the crisis declaration that covered the arrival is kept: whether it still covers the corrected time or section is not judged again',
    );
  return amendmentDecision(
    current,
    ctx,
    'encounter.amended',
    {
      encounterId: current.encounterId,
      field: a.field,
      old: change.old,
      new: change.new,
      reason: a.reason,
      moved,
    },
    opens,
    cancels,
    notes,
  );
}
