// Synthetic persons and encounters for tests: no real person's data.
import { LAW_FILES } from '../../law/index.ts';
import type { ParameterInput } from '../../law/schema.ts';
import type { RecordEncounter } from '../../src/domain/commands.ts';
import { Person, RecordEncounter as RecordEncounterSchema } from '../../src/domain/commands.ts';
import type { DecideContext } from '../../src/domain/decide.ts';
import { LAW } from '../../src/law/law.ts';
import { ParameterRegistry } from '../../src/law/parameters.ts';

export const ctx = (now = '2027-06-30T00:00:00Z', role = 'case-officer'): DecideContext => ({
  law: LAW,
  now: new Date(now),
  actor: 'officer-1',
  role,
});

export const person = (over: Partial<Record<string, unknown>> = {}) =>
  Person.parse({ nationality: 'IQ', sex: 'male', birthYear: 1995, ...over });

export const encounter = (over: Partial<RecordEncounter> = {}): RecordEncounter =>
  RecordEncounterSchema.parse({
    ref: 'LT-VSAT-2026-0001',
    state: 'LT',
    borderSection: 'LT-BY',
    occurredAt: '2026-12-07T04:10:00+02:00',
    kind: 'apprehended-irregular-crossing',
    groupSize: 1,
    persons: [],
    ...over,
  });

/** A personal interview on record (APR Arts 12–14), held in Arabic with an interpreter: before a decision. */
export const interviewRecorded = (at: string) =>
  ({
    type: 'interview.recorded',
    at,
    language: 'ar',
    interpreter: true,
    languageUnderstood: true,
    recordRef: 'INT-TEST-1',
    reportCommentOffered: true,
    interviewer: 'officer-1',
  }) as const;

/** A national appeal window for tests (APR Art. 67(7)): a TEST value inside the EU range, not a state's law. */
const testWindow = (name: string, within: string, value: number): ParameterInput => ({
  name,
  description: 'a national choice for the test (not Lithuanian law)',
  unit: 'days',
  within,
  values: [
    {
      since: '2026-06-12',
      value,
      source: {
        act: 'APR',
        article: '67',
        paragraph: '7',
        status: 'unconfirmed',
        note: 'UNCONFIRMED: test value',
      },
    },
  ],
});

/** The law with Lithuania's appeal windows set to TEST values: 14 days (Art. 67(7)(b)) and 7 days ((a)). */
export const LAW_WITH_TEST_WINDOWS = ParameterRegistry.fromFiles({
  ...LAW_FILES,
  'test/national.ts': [
    testWindow('national.lt.appeal.window-other', 'apr.appeal.window-other', 14),
    testWindow('national.lt.appeal.window-fast-track', 'apr.appeal.window-fast-track', 7),
  ],
});
