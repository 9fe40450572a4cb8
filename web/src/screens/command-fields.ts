// What each case command asks for, beyond its time: the fields of the form that gives it. The values of
// each list come from the domain (src/domain/vocabulary.ts), their labels from the message catalogues.

import { DECISION_REASONS_MAX } from '../../../src/domain/commands.ts';
import {
  DETENTION_END_REASONS,
  DETENTION_EXTENSION_GROUNDS,
  JUDICIAL_REVIEW_OUTCOMES,
} from '../../../src/domain/guarantees/detention-vocabulary.ts';
import {
  COUNSELLING_PROVIDERS,
  OMISSION_GROUNDS,
} from '../../../src/domain/guarantees/interview-commands.ts';
import {
  AGE_OUTCOMES,
  AGE_STEPS,
  NEEDS,
  NEEDS_STAGES,
  REPRESENTATIVE_ROLES,
} from '../../../src/domain/guarantees/needs.ts';
import { NOTIFICATION_MEANS } from '../../../src/domain/guarantees/remedies-commands.ts';
import { REFUSAL_REASONS } from '../../../src/domain/refusal.ts';
import { TRANSFER_EXTENSION_GROUNDS } from '../../../src/domain/responsibility/commands.ts';
import { CRITERION_IDS, EVIDENCE_KINDS } from '../../../src/domain/responsibility/criteria.ts';
import {
  EXTENSION_REASONS,
  READMISSION_ANSWERS,
  READMISSION_DOCUMENTS,
  READMISSION_REQUEST_KINDS,
  RETURN_SUPPORT_KINDS,
} from '../../../src/domain/returns/commands.ts';
import type { CommandType } from '../../../src/domain/statuses.ts';
import {
  BORDER_EXEMPTIONS,
  CRISIS_BORDER_DEROGATIONS,
  DECISION_TYPES,
  DETENTION_GROUNDS,
  IMPLICIT_WITHDRAWAL_GROUNDS,
  RATE_EXCEPTIONS,
  ROUTING_GROUNDS,
  WITHDRAWN_BY,
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
  | { readonly name: string; readonly kind: 'checkbox' }
  /** issue 18: a long text (a decision's reasons), its label the catalogue's `label` key when given */
  | {
      readonly name: string;
      readonly kind: 'textarea';
      readonly maxLength: number;
      readonly optional?: boolean;
      readonly label?: string;
    };

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
  'entry.refused': [
    { name: 'directedTo', kind: 'text', optional: true },
    // issue 18: the standard form's reasons and comments (SBC Annex V Part B; src/domain/refusal.ts)
    { name: 'reasons', kind: 'multi', list: 'refusalReason', options: REFUSAL_REASONS },
    { name: 'comments', kind: 'text', optional: true },
  ],
  'application.registered': [{ name: 'disproportionateNumbers', kind: 'checkbox' }],
  'application.routed': [
    { name: 'procedure', kind: 'select', list: 'procedure', options: ['border', 'accelerated', 'regular'] },
    { name: 'grounds', kind: 'multi', list: 'ground', options: ROUTING_GROUNDS },
    { name: 'exemption', kind: 'select', list: 'exemption', options: BORDER_EXEMPTIONS, optional: true },
    {
      name: 'rateException',
      kind: 'select',
      list: 'rateException',
      options: RATE_EXCEPTIONS,
      optional: true,
    },
    { name: 'rateExceptionReason', kind: 'text', optional: true },
    {
      name: 'crisisDerogations',
      kind: 'multi',
      list: 'crisisDerogation',
      options: CRISIS_BORDER_DEROGATIONS,
    },
  ],
  // issue 17: border-crisis — APR Art. 42(1)(j) exceptions; CFMR Art. 11 derogations
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
  // no outcome preselected, and the one chosen confirmed before it is sent (issue 17); the ground of an
  // implicit withdrawal (APR Art. 41(1)), for that decision only
  'decision.issued': [
    { name: 'decision', kind: 'select', list: 'decision', options: DECISION_TYPES, confirm: true },
    {
      name: 'implicitWithdrawalGround',
      kind: 'select',
      list: 'implicitWithdrawalGround',
      options: IMPLICIT_WITHDRAWAL_GROUNDS,
      optional: true,
    },
    // issue 18: APR Art. 36(2): a rejection's reasons in fact and in law (the decision document needs them)
    {
      name: 'reasons',
      kind: 'textarea',
      maxLength: DECISION_REASONS_MAX,
      optional: true,
      label: 'field.decisionReasons',
    },
  ],
  'appeal.lodged': [],
  'appeal.decided': [
    {
      name: 'outcome',
      kind: 'select',
      list: 'appealOutcome',
      options: ['protection-granted', 'dismissed', 'remitted'],
    },
  ],
  // RCD Arts 10(4), 11(2), 13(2): the grounds, the written reasons, the first review (required) and, for a
  // minor, the exceptional ground (src/domain/guarantees/detention.ts)
  'detention.ordered': [
    { name: 'grounds', kind: 'multi', list: 'detentionGround', options: DETENTION_GROUNDS },
    { name: 'reasons', kind: 'text' },
    { name: 'nextReviewBy', kind: 'datetime' },
    { name: 'minorBestInterests', kind: 'text', optional: true },
    { name: 'minorNoAlternative', kind: 'text', optional: true },
  ],
  'detention.reviewed': [
    { name: 'nextReviewBy', kind: 'datetime' },
    {
      name: 'extension',
      kind: 'select',
      list: 'detentionExtension',
      options: DETENTION_EXTENSION_GROUNDS,
      optional: true,
    },
  ],
  'detention.ended': [
    { name: 'reason', kind: 'select', list: 'detentionEndReason', options: DETENTION_END_REASONS },
    { name: 'note', kind: 'text', optional: true },
  ],
  'return.decided': [
    { name: 'borderProcedure', kind: 'checkbox' },
    // issue 18: RD Art. 12(1): the return decision's reasons in fact and in law (else the rejection's)
    {
      name: 'reasons',
      kind: 'textarea',
      maxLength: DECISION_REASONS_MAX,
      optional: true,
      label: 'field.returnReasons',
    },
  ],
  'return.voluntary-departure': [{ name: 'days', kind: 'number', min: 1, max: 30 }],
  'return.executed': [{ name: 'to', kind: 'code' }],
  'person.absconded': [],
  'case.closed': [{ name: 'reason', kind: 'text' }],
  // issue 17: the person's guarantees (each module's commands, src/domain/guarantees/)
  'vulnerability.assessed': [
    { name: 'stage', kind: 'select', list: 'needsStage', options: NEEDS_STAGES },
    { name: 'needs', kind: 'multi', list: 'need', options: NEEDS },
    { name: 'specialProceduralNeeds', kind: 'checkbox' },
    { name: 'borderSupportPossible', kind: 'checkbox' },
  ],
  // the members are cases: the family is recorded through the API (a list of case ids with their roles)
  'family.recorded': [{ name: 'familyId', kind: 'code' }],
  'representative.appointed': [
    { name: 'role', kind: 'select', list: 'representativeRole', options: REPRESENTATIVE_ROLES },
    { name: 'representativeRef', kind: 'code' },
  ],
  'age.assessed': [
    { name: 'step', kind: 'select', list: 'ageStep', options: AGE_STEPS },
    { name: 'outcome', kind: 'select', list: 'ageOutcome', options: AGE_OUTCOMES },
    { name: 'unaccompanied', kind: 'checkbox' },
    { name: 'consent', kind: 'checkbox' },
    { name: 'leastInvasive', kind: 'checkbox' },
  ],
  'detention.judicial-review': [
    { name: 'outcome', kind: 'select', list: 'judicialOutcome', options: JUDICIAL_REVIEW_OUTCOMES },
    { name: 'nextReviewBy', kind: 'datetime', optional: true },
    { name: 'court', kind: 'text', optional: true },
  ],
  'interview.omitted': [
    { name: 'ground', kind: 'select', list: 'omissionGround', options: OMISSION_GROUNDS, confirm: true },
    { name: 'reasons', kind: 'text' },
  ],
  'counselling.requested': [],
  'counselling.given': [
    { name: 'provider', kind: 'select', list: 'counsellingProvider', options: COUNSELLING_PROVIDERS },
  ],
  'decision.notified': [
    { name: 'means', kind: 'select', list: 'notificationMeans', options: NOTIFICATION_MEANS },
    { name: 'language', kind: 'text' },
  ],
  'remain.requested': [],
  'remain.decided': [{ name: 'allowed', kind: 'checkbox' }],
  'application.withdrawn': [
    { name: 'by', kind: 'select', list: 'withdrawnBy', options: WITHDRAWN_BY },
    { name: 'consequencesExplainedIn', kind: 'text', optional: true },
  ],
  'person.reappeared': [],
  'application.subsequent': [],
  'subsequent.examined': [
    { name: 'newElements', kind: 'checkbox' },
    { name: 'merelyToDelay', kind: 'checkbox' },
  ],
  'biometrics.taken': [],
  // issue 20: the member state responsible (AMMR Part III); COMMAND_SHAPES below gathers the flat fields
  'responsibility.criterion-recorded': [
    { name: 'criterion', kind: 'select', list: 'criterion', options: CRITERION_IDS },
    { name: 'state', kind: 'code' },
    { name: 'evidenceKind', kind: 'select', list: 'evidenceKind', options: EVIDENCE_KINDS },
    { name: 'evidence', kind: 'textarea', maxLength: 2000 },
  ],
  'take-charge.requested': [
    { name: 'to', kind: 'code' },
    { name: 'criterion', kind: 'select', list: 'criterion', options: CRITERION_IDS },
    { name: 'hitSystem', kind: 'select', list: 'hitSystem', options: ['eurodac', 'vis'], optional: true },
    { name: 'hitAt', kind: 'datetime', optional: true },
    { name: 'hitReference', kind: 'text', optional: true },
  ],
  'take-back.notified': [
    { name: 'to', kind: 'code' },
    { name: 'hitSystem', kind: 'select', list: 'hitSystem', options: ['eurodac', 'vis'] },
    { name: 'hitAt', kind: 'datetime' },
    { name: 'hitReference', kind: 'text', optional: true },
  ],
  'transfer.decided': [],
  'transfer.appealed': [{ name: 'suspensionRequested', kind: 'checkbox' }],
  'transfer.appeal-decided': [{ name: 'upheld', kind: 'checkbox' }],
  'transfer.extended': [
    { name: 'ground', kind: 'select', list: 'transferExtension', options: TRANSFER_EXTENSION_GROUNDS },
  ],
  'transfer.carried-out': [],
  // issue 22: assisted voluntary return and readmission (src/domain/returns/commands.ts)
  'return.counselling': [
    { name: 'partner', kind: 'text' },
    { name: 'note', kind: 'text', optional: true },
  ],
  'return.support-granted': [
    { name: 'support', kind: 'select', list: 'returnSupport', options: RETURN_SUPPORT_KINDS },
    { name: 'partner', kind: 'text' },
    { name: 'amountEur', kind: 'text', optional: true },
    { name: 'note', kind: 'text', optional: true },
  ],
  'return.voluntary-departure-extended': [
    { name: 'days', kind: 'number', min: 1, max: 365 },
    { name: 'reasons', kind: 'multi', list: 'extensionReason', options: EXTENSION_REASONS },
    { name: 'note', kind: 'text', optional: true },
  ],
  'return.departure-confirmed': [
    { name: 'placeId', kind: 'text' },
    { name: 'to', kind: 'code', optional: true },
  ],
  'readmission.requested': [
    { name: 'country', kind: 'code' },
    { name: 'kind', kind: 'select', list: 'readmissionKind', options: READMISSION_REQUEST_KINDS },
    { name: 'documents', kind: 'multi', list: 'readmissionDocument', options: READMISSION_DOCUMENTS },
    { name: 'reference', kind: 'text', optional: true },
  ],
  'readmission.answered': [
    {
      name: 'answer',
      kind: 'select',
      list: 'readmissionAnswer',
      options: READMISSION_ANSWERS,
      confirm: true,
    },
    { name: 'note', kind: 'text', optional: true },
  ],
};

/**
 * issue 20: commands whose fields are not flat (an evidence item, a hit): the form's flat values made into the
 * command's shape before it is sent (ActionForm).
 */
export const COMMAND_SHAPES: Partial<
  Record<CommandType, (c: Record<string, unknown>) => Record<string, unknown>>
> = {
  'responsibility.criterion-recorded': ({ evidenceKind, evidence, ...c }) => ({
    ...c,
    evidence: [{ kind: evidenceKind, description: evidence }],
  }),
  'take-charge.requested': hitShape,
  'take-back.notified': hitShape,
  // issue 22: the amount in euro is typed as text (a decimal), sent as a number
  'return.support-granted': ({ amountEur, ...c }) =>
    amountEur === undefined || amountEur === '' ? c : { ...c, amountEur: Number(amountEur) },
};

function hitShape({
  hitSystem,
  hitAt,
  hitReference,
  ...c
}: Record<string, unknown>): Record<string, unknown> {
  if (!hitSystem && !hitAt) return c;
  return {
    ...c,
    hit: { system: hitSystem, at: hitAt, ...(hitReference ? { reference: hitReference } : {}) },
  };
}
