// What each case command asks for, beyond its time: the fields of the form that gives it. The values of
// each list come from the domain (src/domain/vocabulary.ts), their labels from the message catalogues.

import {
  COUNSELLING_PROVIDERS,
  OMISSION_GROUNDS,
} from '../../../src/domain/guarantees/interview-commands.ts';
import type { CommandType } from '../../../src/domain/statuses.ts';
import {
  BORDER_EXEMPTIONS,
  DECISION_TYPES,
  DETENTION_GROUNDS,
  ROUTING_GROUNDS,
} from '../../../src/domain/vocabulary.ts';

export type FieldSpec =
  | {
      readonly name: string;
      readonly kind: 'select';
      readonly list: string;
      readonly options: readonly string[];
      readonly optional?: boolean;
      /**
       * A decisive choice (a decision's outcome): the select starts empty — nothing is preselected, the user
       * must choose — and the form asks to confirm the choice, named, before it sends the command.
       */
      readonly confirm?: boolean;
    }
  | {
      readonly name: string;
      readonly kind: 'multi';
      readonly list: string;
      readonly options: readonly string[];
    }
  | { readonly name: string; readonly kind: 'text' | 'code' | 'datetime'; readonly optional?: boolean }
  | { readonly name: string; readonly kind: 'number'; readonly min: number; readonly max: number }
  | { readonly name: string; readonly kind: 'checkbox' };

export const SCREENING_CHECKS = ['identity', 'health', 'vulnerability', 'security'] as const;

export const COMMAND_FIELDS: Readonly<Record<CommandType, readonly FieldSpec[]>> = {
  // its own form, in the person panel (IdentityForm.tsx)
  'identity.recorded': [],
  'screening.check-recorded': [
    { name: 'check', kind: 'select', list: 'check', options: SCREENING_CHECKS },
    { name: 'result', kind: 'text' },
  ],
  'eurodac.transmitted': [],
  'screening.completed': [
    { name: 'outcome', kind: 'select', list: 'outcome', options: ['asylum', 'return', 'relocation'] },
  ],
  'asylum-wish.expressed': [
    { name: 'where', kind: 'text' },
    { name: 'to', kind: 'text' },
  ],
  'entry.refused': [{ name: 'directedTo', kind: 'text', optional: true }],
  'application.registered': [{ name: 'disproportionateNumbers', kind: 'checkbox' }],
  'application.routed': [
    { name: 'procedure', kind: 'select', list: 'procedure', options: ['border', 'accelerated', 'regular'] },
    { name: 'grounds', kind: 'multi', list: 'ground', options: ROUTING_GROUNDS },
    { name: 'exemption', kind: 'select', list: 'exemption', options: BORDER_EXEMPTIONS, optional: true },
  ],
  'application.lodged': [],
  // APR Arts 12–14: the interview's language and interpreter, its record, the report given for comment
  'interview.recorded': [
    { name: 'language', kind: 'text' },
    { name: 'interpreter', kind: 'checkbox' },
    { name: 'languageUnderstood', kind: 'checkbox' },
    { name: 'recordRef', kind: 'text' },
    { name: 'reportCommentOffered', kind: 'checkbox' },
    { name: 'interviewer', kind: 'text' },
  ],
  // no outcome preselected, and the one chosen confirmed before it is sent (issue 17)
  'decision.issued': [
    { name: 'decision', kind: 'select', list: 'decision', options: DECISION_TYPES, confirm: true },
  ],
  'appeal.lodged': [],
  'appeal.decided': [
    { name: 'outcome', kind: 'select', list: 'appealOutcome', options: ['protection-granted', 'dismissed'] },
  ],
  'detention.ordered': [
    { name: 'grounds', kind: 'multi', list: 'detentionGround', options: DETENTION_GROUNDS },
    { name: 'nextReviewBy', kind: 'datetime', optional: true },
  ],
  'detention.reviewed': [{ name: 'nextReviewBy', kind: 'datetime', optional: true }],
  'detention.ended': [],
  'return.decided': [{ name: 'borderProcedure', kind: 'checkbox' }],
  'return.voluntary-departure': [{ name: 'days', kind: 'number', min: 1, max: 30 }],
  'return.executed': [{ name: 'to', kind: 'code' }],
  'person.absconded': [],
  'case.closed': [{ name: 'reason', kind: 'text' }],
  // issue 17: the person's guarantees (each module's commands, src/domain/guarantees/)
  'vulnerability.assessed': [],
  'family.recorded': [],
  'representative.appointed': [],
  'age.assessed': [],
  'detention.judicial-review': [],
  'interview.omitted': [
    { name: 'ground', kind: 'select', list: 'omissionGround', options: OMISSION_GROUNDS, confirm: true },
    { name: 'reasons', kind: 'text' },
  ],
  'counselling.requested': [],
  'counselling.given': [
    { name: 'provider', kind: 'select', list: 'counsellingProvider', options: COUNSELLING_PROVIDERS },
  ],
  'decision.notified': [],
  'remain.requested': [],
  'remain.decided': [],
  'application.withdrawn': [],
  'person.reappeared': [],
  'application.subsequent': [],
  'subsequent.examined': [],
  'biometrics.taken': [],
};
