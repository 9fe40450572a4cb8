// The border desk's optional identity of one person (issue #16), as typed, and the `identity` the API takes from
// it. Pure (no JSX): the desk's person lines (desk-persons.ts) build the encounter's body with it.
import type { EncounterInput } from '../../../src/api/contract.ts';
import type { BIRTH_DATE_PRECISIONS, DOCUMENT_TYPES } from '../../../src/domain/identity.ts';

export interface DeskIdentityInput {
  open: boolean;
  familyName: string;
  givenNames: string;
  birthDate: string;
  birthPrecision: (typeof BIRTH_DATE_PRECISIONS)[number];
  docType: string;
  docNumber: string;
  docCountry: string;
}

export const NO_IDENTITY: DeskIdentityInput = {
  open: false,
  familyName: '',
  givenNames: '',
  birthDate: '',
  birthPrecision: 'full',
  docType: '',
  docNumber: '',
  docCountry: '',
};

type Identity = NonNullable<EncounterInput['persons']>[number]['identity'];

/** The person's `identity` as the API takes it, or undefined when nothing was typed. */
export function identityBody(i: DeskIdentityInput): Identity | undefined {
  const v = (s: string) => s.trim() || undefined;
  const body = {
    ...(v(i.familyName) ? { familyName: v(i.familyName) } : {}),
    ...(v(i.givenNames) ? { givenNames: v(i.givenNames) } : {}),
    ...(v(i.birthDate) ? { birthDate: { value: i.birthDate.trim(), precision: i.birthPrecision } } : {}),
    ...(i.docType
      ? {
          documents: [
            {
              type: i.docType as (typeof DOCUMENT_TYPES)[number],
              number: i.docNumber.trim(),
              issuingCountry: i.docCountry.trim().toUpperCase(),
            },
          ],
        }
      : {}),
  };
  return Object.keys(body).length > 0 ? (body as Identity) : undefined;
}
