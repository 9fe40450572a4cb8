// The guarantees modules, in one list: decide.ts runs their guards and handlers, evolve.ts their evolvers,
// and the case page shows their guarantees. A module is a file of this folder named after its concept.

import { borderRecordModule } from '../border-record.ts';
import type { Action, CaseState, Obligation, ObligationKind } from '../case-state.ts';
import type { CaseCommand } from '../commands.ts';
import type { DecideContext } from '../decide.ts';
import { documentsModule } from '../documents/module.ts';
import type { OutgoingMessage } from '../outgoing.ts';
import responsibilityModule from '../responsibility/module.ts';
import returnsModule from '../returns/module.ts';
import borderCrisis from './border-crisis.ts';
import detention from './detention.ts';
import interview from './interview.ts';
import minors from './minors.ts';
import nationalMeasures from './national-measures.ts';
import remedies from './remedies.ts';
import type { Effects, Guarantee, GuaranteeModule, OpenObligation } from './types.ts';
import vulnerability from './vulnerability.ts';
import withdrawal from './withdrawal.ts';

export const MODULES: readonly GuaranteeModule[] = [
  vulnerability,
  minors,
  detention,
  interview,
  remedies,
  withdrawal,
  borderCrisis,
  nationalMeasures,
  // issue 18: the papers issued on the case (src/domain/documents/module.ts)
  documentsModule,
  // issue 18: the refusal's reasons and the screening's record, for the border's papers (src/domain/border-record.ts)
  borderRecordModule,
  // issue 20: the member state responsible, AMMR Part III (src/domain/responsibility/module.ts)
  responsibilityModule,
  // issue 22: assisted voluntary return and readmission (src/domain/returns/module.ts)
  returnsModule,
];

/** Every module's guards, for a command the table and the conditions allow (throws CommandRejectedError). */
export function checkGuards(current: CaseState, command: CaseCommand, ctx: DecideContext): void {
  for (const m of MODULES) for (const g of m.guards ?? []) g(current, command, ctx);
}

/** The modules' effects of a command, merged in module order. */
export function moduleEffects(current: CaseState, command: CaseCommand, ctx: DecideContext) {
  const opens: Obligation[] = [];
  const closes: ObligationKind[] = [];
  const notes: string[] = [];
  const outgoing: OutgoingMessage[] = [];
  let extra: Record<string, unknown> = {};
  for (const m of MODULES) {
    const e: Effects | undefined = m.handlers?.[command.type]?.(current, command, ctx);
    if (!e) continue;
    opens.push(...(e.opens ?? []));
    closes.push(...(e.closes ?? []));
    notes.push(...(e.notes ?? []));
    outgoing.push(...(e.outgoing ?? []));
    extra = { ...extra, ...e.extra };
  }
  return { opens, closes, notes, extra, outgoing };
}

/** The modules' changes of a logged action, after the core's. */
export function evolveModules(s: CaseState, action: Action, before: CaseState): CaseState {
  let next = s;
  for (const m of MODULES) {
    const ev = m.evolvers?.[action.type as keyof NonNullable<GuaranteeModule['evolvers']>];
    if (ev) next = ev(next, action, before);
  }
  return next;
}

/** The guarantees of a case at `now`, as the case page shows them (each with its article). */
export function guaranteesOf(c: CaseState, now: Date, open: readonly OpenObligation[]): Guarantee[] {
  const out: Guarantee[] = [];
  for (const m of MODULES)
    for (const rule of m.guarantees ?? []) {
      const g = rule(c, now, open);
      if (g) out.push(g);
    }
  return out;
}
