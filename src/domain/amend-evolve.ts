// How a correction (src/domain/amend.ts) changes a case's state: the person with its flags, the encounter's time
// and border section. The obligations it opens and cancels travel in its payload, applied by evolve. Pure.
import type { CaseState } from './case-state.ts';
import type { Person } from './commands.ts';
import type { Flag } from './statuses.ts';

/** How evolve applies a correction to the case's state (the obligations' effects are applied by evolve). */
export function applyAmendment(s: CaseState, type: string, p: Record<string, unknown>): CaseState {
  if (type === 'person.amended') {
    const person = p.person as Person;
    const personal = new Set(['minor', 'unaccompanied', 'vulnerable']);
    const flags = new Set<Flag>(s.flags.filter((f) => !personal.has(f)));
    if (person.minor) flags.add('minor');
    if (person.unaccompanied) flags.add('unaccompanied');
    if (person.vulnerabilities.length > 0) flags.add('vulnerable');
    return { ...s, person, flags: [...flags].sort() };
  }
  if (type === 'encounter.amended') {
    if (p.field === 'occurredAt') return { ...s, occurredAt: String(p.new) };
    if (p.field === 'borderSection') {
      const { borderSection: _old, ...rest } = s;
      return p.new === null ? rest : { ...rest, borderSection: String(p.new) };
    }
  }
  if (type === 'action.amended' && p.field === 'reasons' && typeof p.new === 'string') {
    // issue 18: the reasons of the case's current decision (an earlier, superseded one keeps only its log)
    if (p.actionType === 'decision.issued' && s.decision && s.decision.seq === p.seq)
      return { ...s, decision: { ...s.decision, reasons: p.new } };
    if (p.actionType === 'return.decided' && s.returnDecision && s.returnDecision.seq === p.seq)
      return { ...s, returnDecision: { ...s.returnDecision, reasons: p.new } };
  }
  return s;
}
