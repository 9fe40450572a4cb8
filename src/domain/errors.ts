// The domain's refusals. Each carries a stable code and its parameters (what a client words in its own
// language: web/src/i18n has a message per code) next to the English message (what an integrator reads).
// docs/errors.md lists them.
import { type ErrorParams, PactError } from '../law/errors.ts';
import type { CommandType, Status } from './statuses.ts';

/** A parameter of a refusal: a time (ISO 8601), a value of a domain list, a number, or a list of values. */
export type RefusalParam = ErrorParams[string];

/**
 * Every reason the decider refuses a command for, with the names of its parameters. A code is stable: an
 * integrator or a translation may rely on it; a new reason gets a new code.
 */
export const REFUSALS = {
  /** the command is not in the status → allowed-actions table for the case (docs/ACTIONS.md) */
  'action-not-allowed': ['action', 'status', 'allowed', 'narrowedByFlags'],
  /** `at` is before the person was met */
  'before-encounter': ['encounteredAt'],
  /** a time more than five minutes after the server's clock */
  'in-future': [],
  /** `at` is before the case's last action (entry-rules.ts) */
  'before-last-action': ['lastActionAt'],
  /** entered more than the tolerance after its stated time, without a reason (entry-rules.ts) */
  'late-entry-reason-required': ['toleranceMinutes', 'at'],
  /** a second asylum wish */
  'asylum-wish-already-recorded': ['asylumWishAt'],
  /** screening outcome "return" for a person who asked for asylum (Screening Regulation Art. 18) */
  'return-after-asylum-wish': [],
  /** screening outcome towards asylum or relocation without an asylum wish */
  'no-asylum-wish': [],
  /** the low-recognition-rate ground where the rate is above the threshold (APR Art. 42(1)(j)) */
  'recognition-rate-above-threshold': ['nationality', 'ratePct', 'period', 'threshold'],
  /** the low-recognition-rate ground where no annual rate is known (APR Art. 42(1)(j)) */
  'recognition-rate-unavailable': ['nationality', 'date'],
  /** the border procedure for a case that did not begin with screening at the border (APR Art. 43(1)) */
  'border-procedure-not-eligible': ['encounterKind'],
  /** an unaccompanied minor in the border procedure other than on security grounds (APR Art. 53) */
  'unaccompanied-minor-security-only': [],
  /** the exemption for unaccompanied minors for a person who is not one */
  'not-unaccompanied-minor': [],
  /** the capacity exemption (APR Art. 48) against a ground it does not lift */
  'capacity-lifts-rate-ground-only': [],
  /** a case that must go to the border procedure routed elsewhere without an exemption (APR Art. 45(1)) */
  'border-procedure-mandatory': ['grounds'],
  // the rules of the commands' schemas beyond a field's type and size (commands.ts): Zod's "custom" issues
  /** `unaccompanied` without `minor` */
  'unaccompanied-not-minor': [],
  /** a date of birth whose value has not the length its precision states (src/domain/identity.ts) */
  'birth-date-precision-mismatch': [],
  /** a date of birth that is not a date of the calendar */
  'birth-date-invalid': [],
  /** a document whose expiry is before its issue */
  'document-expires-before-issue': [],
  /** a document recorded both as verified and as false */
  'document-verified-and-false': [],
  /** force used, without its kind or its reason */
  'force-kind-and-reason-required': [],
  /** `kindOther` without the kind "other", or the kind "other" without `kindOther` */
  'force-kind-other-mismatch': [],
  /** `kindOther` names a kind of the list */
  'force-kind-other-in-list': [],
  /** more persons than the group size */
  'more-persons-than-group': [],
  // issue 16: attachments
  /** an uploaded file whose bytes are not a JPEG, PNG or PDF, whatever its name or Content-Type (415) */
  'attachment-type-not-allowed': ['detected'],
  /** an uploaded file with no bytes (400) */
  'attachment-empty': [],
  /** an image whose bytes start as a JPEG or PNG but cannot be decoded (422) */
  'attachment-unreadable': [],
  // issue 16: amend — corrections of a recorded fact (src/domain/amend.ts)
  /** the new value is not valid for the field (the schema of entry) */
  'amend-value-invalid': ['field'],
  /** the new value is the one already recorded */
  'amend-unchanged': ['field'],
  /** `minor: false` while the date of birth makes the person possibly a minor (APR Art. 25): correct the date */
  'amend-minor-follows-birth-date': [],
  /** an encounter time after an action of its cases */
  'amend-encounter-after-action': ['at'],
  /** no action of that number in the case */
  'amend-action-not-found': ['seq'],
  /** a field of an action whose correction would change the status, a flag or a deadline */
  'amend-field-not-amendable': ['action', 'field', 'amendable'],
  // issue 16: identity — values that cannot be true (src/domain/identity-rules.ts) and identity.recorded
  /** a date of birth or birth year after the day the person was met */
  'born-after-encounter': ['day'],
  /** a person certainly older than IDENTITY_RULES.maximumAgeYears on the day they were met */
  'older-than-maximum-age': ['maximumAgeYears', 'day'],
  /** `birthYear` that is not the year of `identity.birthDate` */
  'birth-year-disagrees-with-birth-date': ['birthDateYear'],
  /** a nationality that is not a code of the list (src/domain/countries.ts) */
  'nationality-not-in-list': [],
  /** identity.recorded would overwrite a recorded value with another: a correction is an amendment */
  'identity-already-recorded': ['field'],
  // issue 16: duplicates and assignment
  /** a command on a case assigned to another user, not acknowledged (`acknowledgeAssignment: true`) */
  'assigned-to-other': ['assignee'],
  /** an assignee who is not an enabled account of the case's state that may take cases (case.assign) */
  'assignee-not-eligible': ['assignee'],
  /** assigning a case to someone else, or releasing or taking one assigned to someone else, without case.assign-others */
  'assign-others-not-allowed': ['assignee'],
  /** a decision on a pair of files that is not open for review (decided already, or never proposed) */
  'duplicate-not-open': ['status'],
  /** an undo of a pair that has no decision to undo */
  'duplicate-not-decided': [],
  /** the main file named is neither file of the pair */
  'duplicate-main-not-in-pair': [],
  /** the file to be linked under another is itself the main file of linked files: choose it as the main */
  'duplicate-has-linked-files': ['caseId'],
  // issue 17: border-crisis — the border procedure's grounds, the crisis derogations (src/domain/guarantees/border-crisis.ts)
  /** the border procedure without a ground the law allows for it (APR Art. 44(1): Art. 38, Art. 42(1)(a)–(g), (j), 42(3)(b)) */
  'border-procedure-ground-required': ['allowed'],
  /** the border procedure for a person whose special procedural needs cannot be supported at the border (APR Art. 53(2)(b)) */
  'border-support-impossible': [],
  /** the recognition-rate ground together with an Art. 42(1)(j) exception that lifts it */
  'recognition-rate-excepted': ['exception'],
  /** a CFMR Art. 11 derogation for an application not made during a crisis that allows it */
  'crisis-derogation-not-covered': ['derogation', 'crisisKind'],
  /** a CFMR Art. 11 derogation recorded outside the border procedure */
  'crisis-derogation-border-only': [],
  // issue 17: vulnerability, minors and families (src/domain/guarantees/vulnerability.ts, minors.ts)
  /** a family whose members do not include the case the command is given on */
  'family-must-include-case': [],
  /** a case named twice among a family's members */
  'family-member-twice': ['caseId'],
  /** a family member that is not a case of this installation */
  'family-member-not-found': ['caseId'],
  /** a family member that is a case of another member state */
  'family-member-other-state': ['caseId'],
  /** a child routed to another procedure than a parent of the family (APR Art. 45(2)–(3), families kept together) */
  'family-procedure-split': ['caseId', 'procedure'],
  /** a representative already in charge of the most unaccompanied minors at the same time (APR Art. 23) */
  'representative-limit-reached': ['maximum'],
  /** a medical age examination without a multidisciplinary assessment first (APR Art. 25(2): last resort) */
  'age-medical-before-multidisciplinary': [],
  /** a medical age examination without consent (APR Art. 25(4)) */
  'age-medical-consent-required': [],
  /** a medical age examination by a method not the least invasive (APR Art. 25(3)) */
  'age-medical-least-invasive-required': [],
  /** an assessment as adult while the recorded date of birth makes the person possibly a minor (APR Art. 25(2)) */
  'age-adult-contradicts-birth-date': [],
  /** an accompanied minor child detained while no parent of the family is (Directive (EU) 2024/1346 Art. 13(2)(a)) */
  'family-child-detained-without-parent': [],
  // issue 17: detention (src/domain/guarantees/detention.ts)
  /** an applicant detained on irregular entry alone (CJEU C-72/22 PPU; RCD Art. 10(1), (4)) */
  'detention-irregular-entry-alone': [],
  /** an unaccompanied minor detained on irregular entry alone (RCD Art. 13(2)) */
  'detention-unaccompanied-minor-irregular-entry': [],
  /** a ground the law does not allow for this person (applicant: RCD Art. 10(4); in return: RD Art. 15(1)) */
  'detention-ground-not-allowed': ['ground', 'person', 'article'],
  /** a minor detained without the exceptional ground recorded (RCD Art. 13(2)) */
  'detention-minor-exception-required': [],
  /** a review date not after the order, or after the limit the law sets for the first review */
  'detention-review-date-out-of-range': ['nextReviewBy', 'latest', 'article'],
  /** a detention kept beyond its maximum: it must end (RD Art. 15(4)–(6); national maxima) */
  'detention-maximum-passed': ['maximumAt', 'article'],
  /** an extension beyond six months for a detention that is not for removal (RD Art. 15(6)) */
  'detention-extension-not-allowed': [],
  // issue 17: remedies — notification, appeal, the right to remain (src/domain/guarantees/remedies.ts)
  /** a return carried out while the person may remain (APR Art. 68): until when (empty if not known), why, the article */
  'may-remain': ['until', 'reason', 'article'],
  /** the decision was notified already (APR Art. 67(8)); a second notice only where the window was unknown */
  'decision-already-notified': ['notifiedAt'],
  /** a request to remain is pending already (APR Art. 68(5)) */
  'remain-request-pending': ['requestedAt'],
  /** a court's answer on a request to remain that was not made, or was answered already (APR Art. 68(4)) */
  'remain-not-requested': [],
  // issue 17: withdrawal — implicit withdrawal and subsequent applications (src/domain/guarantees/withdrawal.ts)
  /** an appeal against the decision declaring an application explicitly withdrawn (APR Art. 40(3)) */
  'withdrawal-not-appealable': [],
  /** an implicit withdrawal without its ground from the closed list of APR Art. 41(1) */
  'implicit-withdrawal-ground-required': [],
  /** a ground of implicit withdrawal given with another decision */
  'implicit-withdrawal-ground-not-allowed': ['decision'],
  /** the ground "not lodged" (APR Art. 41(1)(a)) for an application that was lodged */
  'implicit-withdrawal-application-lodged': ['lodgedAt'],
  /** a subsequent application in a case with no decision on an application */
  'subsequent-no-previous-decision': [],
  /** a subsequent application while the previous one awaits its preliminary examination */
  'subsequent-already-pending': ['madeAt'],
  /** a preliminary examination with no subsequent application awaiting it */
  'subsequent-not-pending': [],
  /** "merely to delay" where APR Art. 56(a) cannot apply (new elements, a further application, no imminent removal) */
  'subsequent-delay-not-applicable': [],
  // issue 17: national emergency measures (src/domain/guarantees/national-measures.ts)
  /** a refusal under a national measure of a person the measure never applies to (the group and the act) */
  'national-measure-excepted-person': ['measure', 'act', 'group'],
  /** a refusal under a national measure on a day no activation of it covers in the case's state */
  'national-measure-not-active': ['measure', 'day'],
  /** a refusal under another member state's national measure */
  'national-measure-other-state': ['measure', 'measureState'],
  /** an activation (or extension) longer than the measure allows at once (Poland: 60 days) */
  'national-measure-period-too-long': ['measure', 'maximumDays', 'days'],
  /** an activation that ends before it starts, or starts before the measure's act applies */
  'national-measure-period-invalid': ['measure'],
  /** an extension without the consent the act requires (Poland: the Sejm's), or of an activation not recorded */
  'national-measure-extension-invalid': ['measure'],
  /** an activation recorded for a state other than the measure's */
  'national-measure-activation-other-state': ['measure', 'measureState'],
  // issue 17: interview, interpretation, counselling (src/domain/guarantees/interview.ts)
  /** a decision without a personal interview on record (in a language understood) or an omission ground that covers it (APR Arts 11–13) */
  'decision-needs-interview': ['allowed'],
  /** the interview omitted in a minor's best interests for a person who is not a minor (APR Art. 13) */
  'omission-ground-minor-only': [],
  // issue 18: papers (src/domain/documents/)
  /** the case cannot have this document now (the reason says why: e.g. no decision yet) */
  'document-not-available': ['kind', 'reason'],
  /** the document is not offered in that language (an authority's form in a person's language) */
  'document-language-unavailable': ['kind', 'language'],
  /** no document of that id was issued on this case */
  'document-not-issued': ['document'],
  /** the document's notification is recorded already */
  'document-already-notified': ['notifiedAt'],
  /** a notification dated before the document was issued */
  'document-notified-before-issue': ['issuedAt'],
  /** a notification by post or electronically given with the issue: it is recorded when it reaches the person */
  'notification-not-at-issue': ['means'],
  // issue 18: the border's papers (refusal of entry, screening form, the group's print)
  /** the refusal's reasons given with an encounter of another kind than entry-prevented-refused */
  'refusal-needs-refused-kind': [],
  /** a group's print where some cases cannot have the document: nothing is issued (the case ids listed) */
  'documents-unavailable-in-group': ['kind', 'cases'],
  // issue 19: the offline desk — what an encounter sent late can no longer have (src/store/encounter-conflicts.ts)
  /** an encounter at a place withdrawn (`open` false): choose an open place (422) */
  'place-closed': ['placeId'],
  /** a person carrying the identity document of a person of an open case of the state, not acknowledged (409) */
  'person-already-recorded': ['caseId'],
  // issue 20: the member state responsible (src/domain/responsibility/; AMMR Part III)
  /** a take-charge request or take-back notification addressed to the case's own state */
  'responsibility-to-self': ['state'],
  /** a take-charge request to a state no recorded criterion points to (AMMR Arts 24, 39(2)) */
  'responsibility-no-criterion': ['to'],
  /** no recorded criterion points to another state: there is no one to request (AMMR Art. 39(1)) */
  'responsibility-no-other-state': [],
  /** the request's time limit has passed: this state is responsible (AMMR Art. 39(1) third subparagraph) */
  'take-charge-request-late': ['dueAt', 'article'],
  /** a request or notification is awaiting its answer, or was accepted (one at a time) */
  'responsibility-request-pending': ['to', 'at'],
  /** this state became responsible by the lapse of a time limit (AMMR Arts 37(1), 39(1), 46) */
  'responsibility-assumed': ['at', 'reason'],
  /** a request or notification made on a hit dated after it (AMMR Arts 39(1), 41(1)) */
  'responsibility-hit-after-request': ['hitAt', 'at'],
  /** a transfer step with no acceptance or confirmation (AMMR Arts 42, 46) */
  'transfer-not-accepted': [],
  /** the transfer decision was taken already (AMMR Art. 42) */
  'transfer-already-decided': ['decidedAt'],
  /** an appeal or a transfer before the transfer decision (AMMR Arts 42–43) */
  'transfer-not-decided': [],
  /** an appeal already lodged, or none pending to decide (AMMR Art. 43) */
  'transfer-appeal-state': ['lodgedAt'],
  /** the transfer is suspended pending the appeal, carried out, or annulled (AMMR Arts 43(3), 46) */
  'transfer-not-running': [],
  /** an extension that would not move the transfer's time limit later (AMMR Art. 46(2)) */
  'transfer-extension-not-later': ['dueAt'],
  // issue 22: assisted voluntary return and readmission (src/domain/returns/module.ts)
  /** the case has no return decision (RD Art. 6): no voluntary departure to grant, extend or confirm */
  'no-return-decision': [],
  /** a period for voluntary departure is granted already: it is extended, not granted again (RD Art. 7(2)) */
  'voluntary-departure-already-granted': ['endsAt'],
  /** more days than the law allows: RD Art. 7(1) 30, RBPR 15 in the return border procedure */
  'voluntary-departure-too-long': ['maximum'],
  /** no period for voluntary departure is granted (RD Art. 7) */
  'no-voluntary-departure-period': [],
  /** the period for voluntary departure ended: it can no longer be extended (RD Arts 7(2), 8(1)) */
  'voluntary-departure-ended': ['endsAt'],
  /** a readmission request to the country awaits its answer */
  'readmission-request-pending': ['country', 'at'],
  /** no readmission request awaits an answer */
  'no-readmission-request': [],
  /** the case in return has its return decision already (RD Art. 6(1)) */
  'return-decision-already-issued': ['decidedAt'],
  // issue 22: admission
  /** an encounter of the kind admission-arrival sent by a guard: the arrival is recorded by the admission file */
  'admission-arrival-by-file': [],
} as const satisfies Record<string, readonly string[]>;

/** Why an account's input is refused (src/store/accounts.ts, login.ts): the same kind of stable codes. */
export const ACCOUNT_REFUSALS = {
  /** the username is another account's */
  'username-taken': ['username'],
  /** a username not of 3 to 64 lower-case letters, digits, dot, hyphen, underscore */
  'username-format': ['minLength', 'maxLength'],
  /** a role that does not exist */
  'unknown-role': ['role'],
  /** neither a member state's code nor EU */
  'unknown-jurisdiction': ['jurisdiction'],
  /** a member state's role with the jurisdiction EU */
  'role-needs-member-state': ['role'],
  /** a Union role with a member state's jurisdiction */
  'role-needs-union': ['role'],
  /** shorter than ACCOUNT_RULES.minPasswordLength */
  'password-too-short': ['minimum'],
  'password-too-long': ['maximum'],
  /** the current password given to change it is wrong */
  'wrong-password': [],
  /** the new password is the current one */
  'password-unchanged': [],
  /** the new password contains the username */
  'password-contains-username': [],
  /** zxcvbn-ts scores the new password below ACCOUNT_RULES.minPasswordScore */
  'password-too-weak': ['score', 'minimum'],
} as const satisfies Record<string, readonly string[]>;
export type AccountRefusalCode = keyof typeof ACCOUNT_REFUSALS;

export type RefusalCode = keyof typeof REFUSALS;

/** How a schema's rule names its refusal (Zod's `params` of a custom issue; src/api/problem.ts reads it). */
export const refusalOf = (code: RefusalCode) => ({ code });

/** A refusal's code with exactly the parameters REFUSALS names for it. */
export type Refusal = {
  [C in RefusalCode]: {
    readonly code: C;
    readonly params: { readonly [P in (typeof REFUSALS)[C][number]]: RefusalParam };
  };
}[RefusalCode];

/** The action is not in the status → allowed-actions table for this case (docs/ACTIONS.md). */
export class ActionNotAllowedError extends PactError {
  constructor(
    readonly action: string,
    readonly status: Status,
    readonly allowed: readonly CommandType[],
    readonly reason?: string,
  ) {
    super(
      'action-not-allowed',
      `${action} is not allowed in status ${status}${reason ? ` (${reason})` : ''}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`,
      {
        action,
        status,
        allowed: [...allowed],
        narrowedByFlags: reason !== undefined,
      } satisfies Extract<Refusal, { code: 'action-not-allowed' }>['params'],
    );
  }
}

/** The command is allowed, but its content breaks a rule of the law; `field` names the part at fault. */
export class CommandRejectedError extends PactError {
  constructor(
    readonly field: string,
    readonly refusal: Exclude<Refusal, { code: 'action-not-allowed' }>,
    /** the reason in English, without the field */
    readonly reason: string,
  ) {
    super('command-rejected', `${field}: ${reason}`, refusal.params);
  }

  /** The same refusal of a field inside `prefix` ("command" in the API's body). */
  within(prefix: string): CommandRejectedError {
    return new CommandRejectedError(`${prefix}/${this.field}`, this.refusal, this.reason);
  }
}
