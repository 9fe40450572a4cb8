// issue 20: a registered application in Lithuania for the tests of the member state responsible (AMMR Part III).
// Synthetic person only.
import type { CaseState, Decision, ObligationKind } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { obligationMissed } from '../../src/domain/system-steps.ts';
import { LAW } from '../../src/law/law.ts';
import { ctx, encounter, person } from './fixtures.ts';

export const NOW = '2030-01-01T00:00:00Z';

/** A case with its open obligations' due times, as the store keeps them. */
export interface Tracked {
  readonly c: CaseState;
  readonly due: Readonly<Partial<Record<ObligationKind, string>>>;
  readonly last: Decision;
}

export function track(t: Tracked | undefined, d: Decision): Tracked {
  const due: Partial<Record<ObligationKind, string>> = { ...(t?.due ?? {}) };
  for (const k of d.close) delete due[k];
  for (const o of d.open) due[o.kind] = o.dueAt;
  return { c: d.next, due, last: d };
}

/** Decides `command` as recorded at `now`: by default when it says it happened (a request is made when recorded). */
export const run = (
  t: Tracked,
  command: CaseCommand,
  now = (command as { at?: string }).at ?? NOW,
): Tracked => track(t, decide(t.c, command, ctx(now)));

/** The sweep finds `kind` past its due time (src/store/case-store.ts sweepOverdue → obligationMissed). */
export function sweep(t: Tracked, kind: ObligationKind, now = NOW): Tracked {
  const dueAt = t.due[kind];
  if (!dueAt) throw new Error(`no open ${kind}`);
  return track(t, obligationMissed(t.c, kind, dueAt, 'test', new Date(now), LAW));
}

/** Registered in Lithuania on `registeredAt` (met the day before, screened, asked for asylum). */
export function registered(
  registeredAt = '2026-07-15T10:00:00+03:00',
  over: Record<string, unknown> = {},
): Tracked {
  const met = new Date(Date.parse(registeredAt) - 24 * 3600_000).toISOString();
  const start = startCase(ctx(NOW), {
    caseId: '5d7c2a7e-4b1e-4a57-9b0e-6f6d3c1a2b10',
    encounterId: 'e1',
    encounter: encounter({ occurredAt: met, kind: 'found-inside-territory' }),
    person: person({ asylumWish: { at: met, where: 'station', to: 'police' }, ...over }),
  });
  let t = track(undefined, start);
  t = run(t, {
    type: 'screening.completed',
    at: new Date(Date.parse(met) + 3600_000).toISOString(),
    outcome: 'asylum',
  } as CaseCommand);
  return run(t, {
    type: 'application.registered',
    at: registeredAt,
    disproportionateNumbers: false,
  } as CaseCommand);
}

export const criterion = (at: string, state = 'PL') =>
  ({
    type: 'responsibility.criterion-recorded',
    at,
    criterion: 'irregular-entry',
    state,
    evidence: [{ kind: 'proof', description: 'Eurodac category 2 hit (synthetic)' }],
  }) as CaseCommand;
