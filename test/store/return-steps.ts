// issue 22: a step of assisted voluntary return written into a case's log for the statistics tests, through
// the store's own path for system steps (an action, its audit entry, the case's version; evolve applies it).
// The steps' rules are src/domain/returns/ (the avr branch) and have their own tests; the figures only read the
// log, so these tests write the actions as they are logged (type, stated time, payload) at the times the test
// needs — a lapse on a chosen day rather than by the sweep at the period's end, a departure without a border
// crossing point in the places table — without deciding them.
import type { Action, CaseState } from '../../src/domain/case-state.ts';
import { evolve } from '../../src/domain/evolve.ts';
import type { CaseStore } from '../../src/store/case-store.ts';

export function returnStep(
  cs: CaseStore,
  caseId: string,
  s: { type: string; at: string; payload?: Record<string, unknown> },
): Promise<CaseState> {
  return cs.recordSystemStep(caseId, (current) => {
    const action: Action = {
      type: s.type,
      at: new Date(s.at).toISOString(),
      actor: 'system',
      role: 'system',
      state: current.state,
      legalBasis: 'Directive 2008/115/EC Arts 7–8 (test step)',
      payload: s.payload ?? {},
    };
    return { actions: [action], next: evolve(current, action), open: [], close: [] };
  });
}
