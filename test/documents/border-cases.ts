// Synthetic cases for the border's papers (issue 18): a person refused entry at the Lithuanian border (with
// the standard form's reasons), and a person screened to the end. No real person's data.
import type { CaseState } from '../../src/domain/case-state.ts';
import type { CaseCommand } from '../../src/domain/commands.ts';
import { startCase } from '../../src/domain/decide.ts';
import { ctx, encounter, person } from '../domain/fixtures.ts';
import { IDENTITY, walk } from './cases.ts';

/** The identity of cases.ts with its passport's date of issue (the refusal form asks for it). */
export const REFUSED_IDENTITY = {
  ...IDENTITY,
  documents: [{ type: 'passport', number: 'T0000001', issuingCountry: 'IQ', issuedOn: '2019-05-02' }],
};

/**
 * A person refused entry at the border (encounter of kind entry-prevented-refused) at 01:30 on 8 December
 * 2026 in Vilnius (UTC+2) — 23:30 on the 7th in UTC — with reasons A and C, a comment, and the crossing point
 * the group was directed to.
 */
export function refusedAtEncounter(over: { refusal?: unknown; caseId?: string } = {}): CaseState {
  return startCase(ctx('2026-12-08T02:00:00+02:00', 'border-guard'), {
    caseId: over.caseId ?? '0b7c0a10-0000-4000-8000-000000000018',
    encounterId: '0b7c0a10-0000-4000-8000-0000000000e8',
    encounter: encounter({
      kind: 'entry-prevented-refused',
      occurredAt: '2026-12-08T01:30:00+02:00',
      groupSize: 1,
      ...(over.refusal === null
        ? {}
        : {
            refusal: (over.refusal ?? {
              reasons: ['C', 'A'],
              comments: 'The person refused to sign.',
              directedTo: 'Medininkai BCP',
            }) as never,
          }),
    }),
    person: person({ identity: REFUSED_IDENTITY }),
  }).next;
}

/**
 * A person met at 04:10 on 7 December 2026 (Vilnius), who asked for asylum at 04:30, screened: every check
 * recorded, Eurodac, and the screening completed at 00:20 on 8 December Vilnius time (22:20 UTC on the 7th).
 */
export function screenedCase(
  outcome: 'asylum' | 'return' | 'relocation' = 'asylum',
  { complete = true } = {},
): CaseState {
  // a person who asked for asylum is referred to the asylum procedure (Art. 18): the return case asked nothing
  const start = startCase(ctx('2026-12-07T04:15:00+02:00'), {
    caseId: '0b7c0a10-0000-4000-8000-000000000017',
    encounterId: '0b7c0a10-0000-4000-8000-0000000000e7',
    encounter: encounter({ groupSize: 1 }),
    person: person({
      identity: IDENTITY,
      ...(outcome === 'return'
        ? {}
        : { asylumWish: { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'border guard' } }),
    }),
  }).next;
  return walk(
    start,
    [
      {
        type: 'screening.check-recorded',
        at: '2026-12-07T09:00:00+02:00',
        check: 'identity',
        result: 'passport seen; identity established',
      },
      {
        type: 'screening.check-recorded',
        at: '2026-12-07T09:10:00+02:00',
        check: 'health',
        result: 'no further health check needed',
      },
      {
        type: 'screening.check-recorded',
        at: '2026-12-07T09:20:00+02:00',
        check: 'vulnerability',
        result: 'no vulnerability identified',
      },
      {
        type: 'screening.check-recorded',
        at: '2026-12-07T09:30:00+02:00',
        check: 'security',
        result: 'no hit (SIS, Europol, Interpol)',
      },
      { type: 'eurodac.transmitted', at: '2026-12-07T10:00:00+02:00' },
      ...(complete ? [{ type: 'screening.completed', at: '2026-12-08T00:20:00+02:00', outcome }] : []),
    ] as CaseCommand[],
    'screening-officer',
  );
}
