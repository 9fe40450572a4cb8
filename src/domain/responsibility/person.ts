// issue 20: the applicant as a take-charge request or take-back notification names them — only what AMMR
// Art. 52 lets the other state receive (messages.ts RequestedPerson): names, birth, sex, documents, the Eurodac
// reference, and whether an unaccompanied minor. Never health, vulnerabilities or the reasons of the application.
import type { z } from 'zod';
import type { CaseState } from '../case-state.ts';
import type { RequestedPerson } from './messages.ts';

export function requestedPerson(c: CaseState, eurodacReference?: string): z.input<typeof RequestedPerson> {
  const p = c.person;
  const id = p.identity;
  const ref = id?.eurodacRef ?? eurodacReference;
  const birthDate = id?.birthDate?.value.length === 10 ? id.birthDate.value : undefined;
  return {
    familyNames: id?.familyName ? [id.familyName] : [],
    givenNames: id?.givenNames ? [id.givenNames] : [],
    ...(birthDate ? { birthDate } : {}),
    ...(p.birthYear !== undefined ? { birthYear: p.birthYear } : {}),
    sex: p.sex,
    ...(p.nationality ? { nationality: p.nationality } : {}),
    documents: (id?.documents ?? []).slice(0, 10).map((d) => ({
      kind: d.type,
      number: d.number,
      issuer: d.issuingCountry,
    })),
    ...(ref ? { eurodacReference: ref } : {}),
    unaccompaniedMinor: p.unaccompanied === true,
  };
}
