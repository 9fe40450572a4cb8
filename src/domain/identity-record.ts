// identity.recorded (Screening Regulation Art. 14, identification or verification of identity): what the
// screening learns of who the person is, added to what the case records. It completes, it never corrects: a
// value already recorded may be given again (nothing changes) or made more precise (a date of birth "about
// 1990" becomes 1990-03-04; a year becomes a month or a day inside it), but a different value is refused
// with `identity-already-recorded` — a correction is an amendment, with its reason, which the audit keeps.
// Pure.
import type { CaseCommand, Person } from './commands.ts';
import { CommandRejectedError } from './errors.ts';
import {
  type BirthDate,
  birthDateRange,
  documentKey,
  type Identity,
  type IdentityDocument,
} from './identity.ts';
import { knownBirthDate } from './identity-rules.ts';

type IdentityRecorded = Extract<CaseCommand, { type: 'identity.recorded' }>;

const alreadyRecorded = (field: string) =>
  new CommandRejectedError(
    field,
    { code: 'identity-already-recorded', params: { field } },
    'is already recorded with a different value: recording identity completes what is not known; a correction is an amendment (amend), with its reason',
  );

/** A value recorded once: given again the same (nothing changes), given first (recorded), or refused. */
function once<T>(field: string, had: T | undefined, given: T | undefined, same = (a: T, b: T) => a === b) {
  if (given === undefined) return had;
  if (had === undefined) return given;
  if (!same(had, given)) throw alreadyRecorded(field);
  return had;
}

const sameText = (a: string, b: string) => a.normalize('NFC') === b.normalize('NFC');

/**
 * The date of birth after recording `given`: the first one; a more precise one inside the known range; a
 * documented one in place of an estimate ("about"); the known one when `given` is less precise and agrees.
 */
function birthDate(had: BirthDate | undefined, given: BirthDate | undefined): BirthDate | undefined {
  if (!given) return had;
  if (!had) return given;
  if (had.precision === 'about' && given.precision !== 'about') return given;
  const h = birthDateRange(had);
  const g = birthDateRange(given);
  if (g.from >= h.from && g.to <= h.to)
    return given.precision === 'about' && had.precision !== 'about' ? had : given;
  if (h.from >= g.from && h.to <= g.to && given.precision !== 'about') return had;
  throw alreadyRecorded('identity/birthDate');
}

const docKey = (d: IdentityDocument) => `${d.type}|${d.issuingCountry}|${documentKey(d.number)}`;

/**
 * The documents after recording `given`: a new document is added; one already recorded (same type, issuing
 * country and number) gains the checks now done (seen as original, verified, found false) and the dates not
 * yet known; a date that differs is refused.
 */
function documents(had: readonly IdentityDocument[], given: readonly IdentityDocument[]): IdentityDocument[] {
  const out = [...had];
  given.forEach((d, i) => {
    const at = out.findIndex((o) => docKey(o) === docKey(d));
    const known = out[at];
    if (!known) {
      out.push(d);
      return;
    }
    const merged: IdentityDocument = {
      ...known,
      seenOriginal: known.seenOriginal || d.seenOriginal,
      verified: known.verified || d.verified,
      falseDocument: known.falseDocument || d.falseDocument,
    };
    const issuedOn = once(`identity/documents/${i}/issuedOn`, known.issuedOn, d.issuedOn);
    const expiresOn = once(`identity/documents/${i}/expiresOn`, known.expiresOn, d.expiresOn);
    if (merged.verified && merged.falseDocument)
      throw new CommandRejectedError(
        `identity/documents/${i}/falseDocument`,
        { code: 'document-verified-and-false', params: {} },
        'the document is recorded as verified: a document cannot be both verified and false (an amendment corrects a check)',
      );
    out[at] = {
      ...merged,
      ...(issuedOn ? { issuedOn } : {}),
      ...(expiresOn ? { expiresOn } : {}),
    };
  });
  return out;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The person after the command, or CommandRejectedError naming the field that would be overwritten. */
export function recordIdentity(person: Person, command: IdentityRecorded): Person {
  const had: Identity = person.identity ?? { aliases: [], languages: [], documents: [] };
  const recorded = command.identity;
  // a birth year alone counts as a date of birth of precision `year`
  const date = birthDate(knownBirthDate(person), recorded.birthDate);
  const originalScript = {
    familyName: once(
      'identity/originalScript/familyName',
      had.originalScript?.familyName,
      recorded.originalScript?.familyName,
      sameText,
    ),
    givenNames: once(
      'identity/originalScript/givenNames',
      had.originalScript?.givenNames,
      recorded.originalScript?.givenNames,
      sameText,
    ),
  };
  const identity: Identity = {
    ...had,
    familyName: once('identity/familyName', had.familyName, recorded.familyName, sameText),
    givenNames: once('identity/givenNames', had.givenNames, recorded.givenNames, sameText),
    aliases: union(had.aliases, recorded.aliases).slice(0, 10),
    ...(originalScript.familyName || originalScript.givenNames
      ? {
          originalScript: {
            ...(originalScript.familyName ? { familyName: originalScript.familyName } : {}),
            ...(originalScript.givenNames ? { givenNames: originalScript.givenNames } : {}),
          },
        }
      : {}),
    ...(date && (person.identity?.birthDate || recorded.birthDate) ? { birthDate: date } : {}),
    statedNationality: once('identity/statedNationality', had.statedNationality, recorded.statedNationality),
    languages: union(had.languages, recorded.languages).slice(0, 10),
    placeOfBirth: once('identity/placeOfBirth', had.placeOfBirth, recorded.placeOfBirth, sameText),
    eurodacRef: once('identity/eurodacRef', had.eurodacRef, recorded.eurodacRef),
    documents: documents(had.documents, recorded.documents),
  };
  // "unknown" (XX, or not recorded) and sex "unknown" are not facts to keep: a known value completes them
  const nationality =
    command.nationality === undefined
      ? person.nationality
      : person.nationality === undefined || person.nationality === 'XX'
        ? command.nationality
        : once('nationality', person.nationality, command.nationality);
  const given = command.sex === undefined || command.sex === 'unknown' ? undefined : command.sex;
  const sex =
    !given || person.sex === 'unknown' ? (given ?? person.sex) : (once('sex', person.sex, given) ?? given);
  return {
    ...person,
    // the birth year is the year of the date of birth (identity-rules.ts)
    ...(date ? { birthYear: Number(date.value.slice(0, 4)) } : {}),
    ...(nationality ? { nationality } : {}),
    sex,
    identity: dropUndefined(identity),
  };
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
