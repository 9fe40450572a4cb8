// English messages: refusal (see ../en.ts).
export const refusal = {
  'refusal.action-not-allowed': '“{action}” cannot be recorded while the case is “{status}”.',
  'refusal.before-encounter': 'is before the encounter ({encounteredAt})',
  'refusal.in-future': 'is in the future',
  'refusal.before-last-action':
    'is before the last action of the case ({lastActionAt}): an action may not be dated before what the case already holds',
  'refusal.late-entry-reason-required':
    'the action is entered more than {toleranceMinutes} minutes after its time ({at}): say why it is entered late',
  'refusal.asylum-wish-already-recorded': 'an asylum wish is already recorded ({asylumWishAt})',
  'refusal.return-after-asylum-wish':
    'this person asked for asylum: the screening refers them to the asylum procedure, not to return (Screening Regulation Art. 18)',
  'refusal.no-asylum-wish':
    'no asylum wish is recorded for this person: record “Asylum wish expressed” first',
  'refusal.recognition-rate-above-threshold':
    'the Union-wide recognition rate for {nationality} is {ratePct} % ({period}), above {threshold} % (APR Art. 42(1)(j))',
  'refusal.recognition-rate-unavailable':
    'no annual Union-wide recognition rate for {nationality} is known on {date}: this ground cannot be applied (APR Art. 42(1)(j))',
  'refusal.border-procedure-not-eligible':
    'the border procedure follows screening at the border only (APR Art. 43(1)); this case began as “{encounterKind}”',
  'refusal.unaccompanied-minor-security-only':
    'an unaccompanied minor may be put in the border procedure only on security grounds (APR Art. 53)',
  'refusal.not-unaccompanied-minor': 'the person is not an unaccompanied minor',
  'refusal.capacity-lifts-rate-ground-only':
    'reaching capacity (APR Art. 48) lifts only the recognition-rate ground; misleading the authorities and security remain mandatory grounds',
  'refusal.border-procedure-mandatory':
    'the border procedure is mandatory (APR Art. 45(1)) on these grounds: {grounds}. Route the application to the border procedure, or state the exemption.',
  'refusal.unaccompanied-not-minor': 'only a minor can be unaccompanied',
  'refusal.birth-date-precision-mismatch': 'the date does not have the precision it states',
  'refusal.birth-date-invalid': 'not a date of the calendar',
  'refusal.document-expires-before-issue': 'expires before it was issued',
  'refusal.document-verified-and-false': 'a document cannot be both verified and false',
  'refusal.force-kind-and-reason-required': 'when force was used, say which and why',
  'refusal.force-kind-other-mismatch': 'say what the force was when the kind is “other”, and only then',
  'refusal.force-kind-other-in-list': 'is a kind of the list: choose that kind',
  'refusal.more-persons-than-group': 'more persons than the group size',
  'refusal.username-taken': 'the username {username} is taken',
  'refusal.username-format':
    '{minLength} to {maxLength} characters: lower-case letters, digits, dot, hyphen, underscore',
  'refusal.unknown-role': 'no such role',
  'refusal.unknown-jurisdiction': '{jurisdiction} is neither a member state nor the Union (EU)',
  'refusal.role-needs-member-state': 'a {role} works for one member state, not for the Union',
  'refusal.role-needs-union': 'a {role} works for the Union: choose EU',
  'refusal.password-too-short': 'at least {minimum} characters',
  'refusal.password-too-long': 'at most {maximum} characters',
  'refusal.wrong-password': 'the current password is wrong',
  'refusal.password-unchanged': 'the new password must differ from the current one',
  'refusal.password-contains-username': 'must not contain the username',
  'refusal.password-too-weak':
    'too easy to guess (strength {score} of 4, at least {minimum} needed): make it longer, with words that do not belong together',
  // issue 16: attachments
  'refusal.attachment-type-not-allowed': 'not a JPEG, PNG or PDF file (whatever its name says)',
  'refusal.attachment-empty': 'the file is empty',
  'refusal.attachment-unreadable': 'the image cannot be read: the file is damaged or incomplete',
  'refusal.amend-value-invalid': 'not a valid value for {field}',
  'refusal.amend-unchanged': 'this is the value already recorded',
  'refusal.amend-minor-follows-birth-date':
    'the date of birth makes the person possibly a minor (APR Art. 25): correct the date of birth instead',
  'refusal.amend-encounter-after-action': 'the encounter cannot be later than an action of its cases ({at})',
  'refusal.amend-action-not-found': 'the case has no action #{seq}',
  'refusal.amend-field-not-amendable':
    'this field of {action} cannot be corrected: it changes the status, a flag or a deadline; record the action the law provides instead (an appeal, a new routing, a new check)',
  'refusal.born-after-encounter': 'is after the day the person was met ({day})',
  'refusal.older-than-maximum-age': 'makes the person older than {maximumAgeYears} on {day}: check the year',
  'refusal.birth-year-disagrees-with-birth-date': 'is not the year of the date of birth ({birthDateYear})',
  'refusal.nationality-not-in-list':
    'is not a nationality of the list: a country’s code, XX if unknown or XS if stateless',
  'refusal.identity-already-recorded':
    'is already recorded with another value: a correction is an amendment of the case, with its reason',
  'refusal.assigned-to-other': 'the case is assigned to {assignee}',
  'refusal.assignee-not-eligible': '{assignee} is not an officer of this state who can take cases',
  'refusal.assign-others-not-allowed':
    'only a supervisor assigns a case to someone else or takes it from them',
  'refusal.duplicate-not-open': 'the pair is no longer open for review',
  'refusal.duplicate-not-decided': 'the pair has no decision to undo',
  'refusal.duplicate-main-not-in-pair': 'the main file must be one of the two',
  'refusal.duplicate-has-linked-files': 'this file has files linked under it: choose it as the main file',
  'refusal.border-procedure-ground-required':
    'the border procedure needs a ground the law allows for it (APR Art. 44(1): inadmissibility under Art. 38, or Art. 42(1)(a)–(g), (j), 42(3)(b)); “none” is not one',
  'refusal.border-support-impossible':
    'the support this applicant with special procedural needs requires cannot be given at the border: the border procedure is not applied (APR Art. 53(2)(b))',
  'refusal.recognition-rate-excepted':
    'the recognition-rate ground cannot be used together with its exception “{exception}” (APR Art. 42(1)(j))',
  'refusal.crisis-derogation-not-covered':
    '{derogation}: the application was not made during a crisis that allows it (CFMR Arts 1(4), 11); crisis: {crisisKind}',
  'refusal.crisis-derogation-border-only':
    'the derogations of CFMR Art. 11 apply to the border procedure only',
  'refusal.family-must-include-case': 'the members of the family must include this case',
  'refusal.family-member-twice': "a case is named twice among the family's members",
  'refusal.family-member-not-found': 'a family member is not a case here',
  'refusal.family-member-other-state': 'a family member is a case of another member state',
  'refusal.family-procedure-split':
    'a child and a parent of one family are routed to different procedures ({procedure} for the other member)',
  'refusal.representative-limit-reached':
    'this representative is already in charge of {maximum} unaccompanied minors',
  'refusal.age-medical-before-multidisciplinary':
    'a medical examination is the last resort: record an inconclusive multidisciplinary assessment first',
  'refusal.age-medical-consent-required': 'a medical examination of age needs consent',
  'refusal.age-medical-least-invasive-required':
    'a medical examination of age must use the least invasive method',
  'refusal.age-adult-contradicts-birth-date':
    'the recorded date of birth makes the person possibly a minor: correct it first',
  'refusal.family-child-detained-without-parent':
    'an accompanied child may be detained only where a parent of the family is detained',
  'refusal.detention-extension-not-allowed':
    'only detention for removal may be extended beyond six months (Return Directive Art. 15(6))',
  'refusal.detention-irregular-entry-alone':
    'an applicant may not be detained on irregular entry alone (CJEU C-72/22 PPU)',
  'refusal.detention-unaccompanied-minor-irregular-entry':
    'an unaccompanied minor may not be detained on irregular entry alone',
  'refusal.detention-ground-not-allowed': 'the ground {ground} is not allowed for this person ({article})',
  'refusal.detention-minor-exception-required':
    'a minor may be detained only as a last resort: record the best-interests assessment and why less coercive measures cannot apply',
  'refusal.detention-review-date-out-of-range':
    'the review must come after the order and no later than {latest} ({article})',
  'refusal.detention-maximum-passed':
    'the detention reached its maximum on {maximumAt} ({article}): it must end',
  'refusal.may-remain':
    'the person may remain on the territory ({article}: {reason}); the return cannot be carried out before {until}',
  'refusal.decision-already-notified': 'the decision was already notified on {notifiedAt}',
  'refusal.remain-request-pending': 'a request to remain made on {requestedAt} is still pending',
  'refusal.remain-not-requested': 'no request to remain is pending',
  'refusal.withdrawal-not-appealable':
    'the decision declaring the application explicitly withdrawn is final: no appeal lies (APR Art. 40(3))',
  'refusal.implicit-withdrawal-ground-required':
    'state the ground of the implicit withdrawal (APR Art. 41(1), points (a) to (f))',
  'refusal.implicit-withdrawal-ground-not-allowed':
    'a ground of implicit withdrawal belongs only to that decision, not to {decision}',
  'refusal.implicit-withdrawal-application-lodged':
    'the application was lodged ({lodgedAt}): "not lodged" cannot be the ground',
  'refusal.subsequent-no-previous-decision':
    'no decision on a previous application is recorded: record an asylum wish instead',
  'refusal.subsequent-already-pending':
    'the subsequent application made on {madeAt} awaits its preliminary examination',
  'refusal.subsequent-not-pending': 'no subsequent application awaits a preliminary examination',
  'refusal.subsequent-delay-not-applicable':
    'APR Art. 56(a) applies only to a first subsequent application without new elements, made against an imminent removal',
  'refusal.national-measure-excepted-person':
    'the national measure {measure} ({act}) never applies to this person: {group}',
  'refusal.national-measure-not-active':
    'the national measure {measure} is not in force in this state on {day}',
  'refusal.national-measure-other-state': 'the national measure {measure} is a measure of {measureState}',
  'refusal.national-measure-period-too-long':
    'the measure {measure} may be switched on for at most {maximumDays} days at once ({days} asked)',
  'refusal.national-measure-period-invalid':
    'the period must end on or after its first day, and not start before the act applies',
  'refusal.national-measure-extension-invalid':
    'an extension names the recorded activation it extends and, where the act requires it, the consent it rests on',
  'refusal.national-measure-activation-other-state': 'the measure {measure} is a measure of {measureState}',
  'refusal.decision-needs-interview':
    'no personal interview is on record, or the omission ground does not cover this decision: record the interview first (allowed now: {allowed})',
  'refusal.omission-ground-minor-only': 'this ground applies to a minor only',
  'refusal.document-not-available': 'this document cannot be issued for this case now: {reason}',
  'refusal.document-language-unavailable': 'this document is not offered in {language}',
  'refusal.document-not-issued': 'no such document was issued on this case',
  'refusal.document-already-notified': 'the notification of this document is already recorded ({notifiedAt})',
  'refusal.document-notified-before-issue':
    'the notification cannot be before the document was issued ({issuedAt})',
  'refusal.notification-not-at-issue':
    'a document sent by {means} is notified when it reaches the person: record the notification then',
  // issue 18: the border's papers
  'refusal.refusal-needs-refused-kind':
    'the reasons for refusal are recorded only for an encounter of the kind "entry prevented / refused"',
  'refusal.documents-unavailable-in-group':
    'nothing was issued: some persons of the group cannot have this document yet (cases {cases})',
  // issue 19: the offline desk — refusals of an encounter sent late (the server's words per field)
  'refusal.place-closed': 'this place is withdrawn (closed): choose an open place',
  'refusal.person-already-recorded':
    'a person with this document is already in the open case {caseId}: correct the document, or confirm that it is the same person',
  // issue 19: an outbox item sent with the session of another user than the one who captured it (x-pact-owner)
  'refusal.session-of-another-user':
    'this encounter was captured by {owner}: it is sent when {owner} is logged in on this device',
  'refusal.responsibility-to-self': 'a request goes to another member state, not {state}',
  'refusal.responsibility-no-criterion': 'no recorded criterion points to {to}',
  'refusal.responsibility-no-other-state': 'no recorded criterion points to another member state',
  'refusal.take-charge-request-late':
    'the time limit for the request ended at {dueAt} ({article}): this state is responsible',
  'refusal.responsibility-request-pending': 'the request to {to} of {at} awaits its answer or was accepted',
  'refusal.responsibility-assumed': 'this state became responsible on {at} ({reason})',
  'refusal.transfer-not-accepted': 'no request was accepted or confirmed',
  'refusal.transfer-already-decided': 'the transfer decision was taken on {decidedAt}',
  'refusal.transfer-not-decided': 'no transfer decision yet',
  'refusal.transfer-appeal-state': 'an appeal is already recorded, or none is pending ({lodgedAt})',
  'refusal.transfer-not-running': 'the transfer is suspended, annulled or carried out',
  'refusal.transfer-extension-not-later': 'the extension would not move the time limit ({dueAt}) later',
  'refusal.responsibility-hit-after-request': 'the hit of {hitAt} is dated after the request of {at}',
} as const;
