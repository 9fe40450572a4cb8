// The legal basis recorded with each action in a case's log.
import type { ActionType } from './statuses.ts';

export const LEGAL_BASIS: Readonly<Record<ActionType, string>> = {
  'encounter.recorded': 'Screening Regulation Arts 5 and 7 (persons to be screened); Schengen Borders Code',
  'screening.check-recorded':
    'Screening Regulation Arts 12, 14 and 15 (health, vulnerability, identity, security checks)',
  'eurodac.transmitted': 'Eurodac Regulation Arts 15 and 22',
  'screening.completed': 'Screening Regulation Art. 18 (outcome of the screening)',
  'asylum-wish.expressed':
    'APR (making an application; the article was not read); CJEU C-72/22 PPU (access to the procedure)',
  'entry.refused': 'Schengen Borders Code Art. 14 (refusal of entry)',
  'application.registered': 'APR Art. 27 (registration)',
  'application.routed': 'APR Arts 42, 45 and 53 (accelerated and border procedures)',
  'application.lodged': 'APR Art. 28 (lodging)',
  'interview.recorded': 'APR Arts 12–14 (personal interview, language, interpreter, report)',
  'decision.issued': 'APR Art. 35 (duration of the examination)',
  'appeal.lodged': 'APR Art. 67 (right to an effective remedy)',
  'appeal.decided': 'APR Arts 67 and 69',
  'detention.ordered':
    'Directive (EU) 2024/1346 (detention); CJEU C-72/22 PPU (not for irregular entry alone)',
  'detention.reviewed': 'Directive (EU) 2024/1346 (review of detention)',
  'detention.ended': 'Directive (EU) 2024/1346',
  'return.decided': 'Directive 2008/115/EC; Return Border Procedure Regulation Art. 4',
  'return.voluntary-departure': 'Directive 2008/115/EC; Return Border Procedure Regulation',
  'return.executed': 'Directive 2008/115/EC',
  'person.absconded': 'APR; AMMR Art. 46(2)',
  'case.closed': 'the case has no further step',
  'obligation.missed':
    'the article of the obligation whose deadline passed (recorded with each, e.g. APR Art. 27(1) for registration)',
  'relocation.confirmed':
    'AMMR Art. 67(9)–(11) (relocation confirmed by the state of relocation; the transfer follows within 4 weeks)',
  'case.relocated': 'AMMR Arts 67(11) and 68 (transferred; the state of relocation takes the case over)',
  'person.amended':
    'GDPR Art. 16 (rectification); the correction of a recorded fact, with its reason (the old value is kept)',
  'encounter.amended':
    'GDPR Art. 16 (rectification); the correction of the encounter, in every case of it (the old value is kept)',
  'action.amended':
    'GDPR Art. 16 (rectification); the correction of a field of an earlier action (the old value is kept)',
  'identity.recorded':
    'Screening Regulation Art. 14 (identification or verification of identity: documents, data given by the person, biometric data)',
  'case.linked':
    'GDPR Art. 5(1)(d) (personal data kept accurate): two files of the same person linked, one the main file',
  'case.unlinked': 'GDPR Art. 5(1)(d): a link of two files undone (they were not the same person)',
  // issue 17: the person's guarantees
  'vulnerability.assessed':
    'Screening Regulation Art. 12 (preliminary vulnerability check); APR Arts 20–21 (special procedural guarantees)',
  'family.recorded': 'APR Art. 53(2) and AMMR (family members kept together); Directive (EU) 2024/1346',
  'representative.appointed':
    'APR Art. 23 (representative of an unaccompanied minor; the interim person who assists)',
  'age.assessed': 'APR Art. 25 (age assessment; benefit of the doubt)',
  'detention.judicial-review': 'Directive (EU) 2024/1346 (judicial review of detention)',
  'interview.omitted': 'APR Art. 13 (personal interview omitted: the closed list of grounds)',
  'counselling.requested': 'APR Arts 15–19 (legal counselling, assistance and representation)',
  'counselling.given': 'APR Arts 15–19 (legal counselling, assistance and representation)',
  'document.issued':
    'the article requiring the document (recorded with each: SBC Annex V Part B, Screening Regulation Art. 17, APR Arts 8, 29, 36, RCD Art. 11, RD Art. 12, AMMR Art. 67)',
  'document.notified':
    'the notification of the document (APR Art. 36(1), 67(8) for a decision; RD Art. 12(1))',
  'decision.notified':
    'APR Arts 36 and 67(8) (notification of the decision; the time to appeal runs from it)',
  'remain.requested': 'APR Art. 68 (request to a court to be allowed to remain pending the appeal)',
  'remain.decided': 'APR Art. 68 (the court decides whether the applicant may remain)',
  'application.withdrawn': 'APR Art. 40 (explicit withdrawal of an application)',
  'person.reappeared': 'APR Art. 41 and AMMR Art. 46(2) (an applicant who absconded is found again)',
  'application.subsequent': 'APR Art. 55 (subsequent applications)',
  'subsequent.examined':
    'APR Arts 55–56 (preliminary examination of a subsequent application; right to remain)',
  'biometrics.taken':
    'Eurodac Regulation (EU) 2024/1358 (biometric data taken; the transmission period runs from it)',
  // issue 20: the member state responsible (src/domain/responsibility/)
  'responsibility.criterion-recorded':
    'AMMR Arts 24–35 (the criteria, applied in their order: Art. 24(1)); Art. 40(3)–(4) (proof and circumstantial evidence)',
  'take-charge.requested': 'AMMR Art. 39 (take-charge request); Art. 45(1) for a detained person',
  'take-back.notified': 'AMMR Art. 41(1)–(2) (take-back notification); Art. 45(1) for a detained person',
  'transfer.decided': 'AMMR Art. 42 (transfer decision, notified to the person)',
  'transfer.appealed': 'AMMR Art. 43(1)–(3) (appeal against a transfer decision; suspension on request)',
  'transfer.appeal-decided':
    'AMMR Art. 43 (the appeal decided); Art. 46(1) (the transfer period runs from a final suspensive decision)',
  'transfer.extended': 'AMMR Art. 46(2) (the transfer period extended: imprisonment, absconding)',
  'transfer.carried-out': 'AMMR Art. 46(1) (the transfer carried out)',
  'responsibility.request-received':
    "AMMR Arts 40(1)–(2), 41(3), 45(2) (the other state's receipt: its reply or confirmation period runs from it); Regulation (EC) No 1560/2003 Art. 15",
  'take-charge.answered': 'AMMR Art. 40 (reply to a take-charge request)',
  'take-charge.accepted-by-silence':
    'AMMR Art. 40 and Art. 45(2) (no reply within the period is tantamount to accepting the request)',
  'take-back.confirmed':
    'AMMR Art. 41(3)–(4) (receipt confirmed; failure to act within two weeks is tantamount to confirming)',
  'responsibility.assumed':
    'AMMR Art. 39(1) third subparagraph (request not made in time); Arts 37(1) and 46 (transfer not carried out in time)',
  // issue 22: assisted voluntary return and readmission (src/domain/returns/)
  'return.counselling':
    'Directive 2008/115/EC Art. 7 (voluntary departure preferred; Recital 10); assisted voluntary return practice (counselling by the authority or a partner organisation)',
  'return.support-granted':
    'Directive 2008/115/EC Art. 7 and Recital 10 (voluntary return supported); assisted voluntary return and reintegration practice (travel, reintegration in kind or in cash)',
  'return.voluntary-departure-extended':
    'Directive 2008/115/EC Art. 7(2) (the period extended by an appropriate period: length of stay, children attending school, family and social links)',
  'return.departure-confirmed':
    'Directive 2008/115/EC Arts 3(8) and 7(1) (the obligation to return complied with within the period: the person left at a border crossing point)',
  'return.voluntary-departure-lapsed':
    'Directive 2008/115/EC Arts 8(1) (removal where no period was complied with) and 11(1)(b) (entry ban where the obligation to return was not complied with)',
  'readmission.requested':
    'the readmission arrangement with the third country (data/readmission/); Directive 2008/115/EC Art. 3(3) (return to the country of origin)',
  'readmission.answered': 'the readmission arrangement with the third country (data/readmission/)',
  // issue 22: admission
  'admission.arrived':
    'Regulation (EU) 2024/1350 Art. 1(1)(a) (admitted with a view to international protection or a national humanitarian status); Arts 9–10 (admission procedures; UNCONFIRMED); APR Art. 35(4) for an application examined after arrival',
};

/**
 * The legal basis to show for a logged action. A missed deadline's is the article of the obligation missed:
 * logs written before the system recorded it there (system-steps.ts) carry a placeholder, and the article in
 * the payload.
 */
export function shownLegalBasis(a: { type: string; legalBasis: string; payload: unknown }): string {
  const article = (a.payload as { article?: unknown } | null)?.article;
  return a.type === 'obligation.missed' && typeof article === 'string' && article ? article : a.legalBasis;
}
