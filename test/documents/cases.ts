// Synthetic cases for the documents' tests, built by the domain's own commands (no real person's data): a
// person met at the Lithuanian border, with an identity, walked through the steps a document needs.
import type { CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { decide, startCase } from '../../src/domain/decide.ts';
import { ctx, encounter, person } from '../domain/fixtures.ts';

/** A synthetic identity (names as in no real register), with the names in Arabic script. */
export const IDENTITY = {
  familyName: 'Haddad',
  givenNames: 'Karim Test',
  originalScript: { familyName: 'حداد', givenNames: 'كريم' },
  birthDate: { value: '1994-03-07', precision: 'full' },
  placeOfBirth: 'Mosul',
  languages: ['ar', 'ckb'],
  documents: [{ type: 'passport', number: 'T0000001', issuingCountry: 'IQ' }],
} as const;

/** A case met on 7 December 2026 at 04:10 Vilnius time (02:10 UTC), who asked for asylum at 04:30. */
export function metCase(over: Record<string, unknown> = {}): CaseState {
  const p = person({
    identity: IDENTITY,
    asylumWish: { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'border guard' },
    ...over,
  });
  return startCase(ctx('2026-12-07T04:15:00+02:00'), {
    caseId: '0b7c0a10-0000-4000-8000-000000000001',
    encounterId: '0b7c0a10-0000-4000-8000-0000000000e1',
    encounter: encounter({ groupSize: 1 }),
    person: p,
  }).next;
}

/** Applies commands in order, each decided at its own `at` plus a minute. */
export function walk(c: CaseState, commands: readonly CaseCommand[], role = 'case-officer'): CaseState {
  let s = c;
  for (const command of commands) {
    const at = new Date(Date.parse((command as { at: string }).at) + 60_000).toISOString();
    s = decide(s, command, ctx(at, role)).next;
  }
  return s;
}

/** Screened and registered (APR Art. 27) on 8 December 2026, 10:00 Vilnius time. */
export function registeredCase(): CaseState {
  return walk(metCase(), [
    { type: 'screening.completed', at: '2026-12-08T09:00:00+02:00', outcome: 'asylum' },
    { type: 'application.registered', at: '2026-12-08T10:00:00+02:00', disproportionateNumbers: false },
  ] as CaseCommand[]);
}
