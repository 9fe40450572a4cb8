// The values every document may use (names, dates, the document's own id): filled from the case in the
// state's time zone. Dates are written YYYY-MM-DD and times HH:mm with the zone's name, the same in every
// language (no month names to translate, no day/month order to mistake).
import { DateTime } from 'luxon';
import type { CaseState } from '../case-state.ts';
import type { FillContext } from './definition.ts';

export const COMMON_VALUES = [
  'documentId',
  'caseId',
  'state',
  'authority',
  'issuedDate',
  'issuedTime',
  'zone',
  'issuer',
  'familyName',
  'givenNames',
  'fullName',
  'nameOriginalScript',
  'birthDate',
  'placeOfBirth',
  'sex',
  'nationality',
  'languages',
  'documentNumbers',
] as const;

/** The template words the common values need, in every language. */
export const COMMON_WORDS = ['sex.female', 'sex.male', 'sex.other', 'sex.unknown'] as const;

/** The local date (YYYY-MM-DD) of an instant in `zone`. */
export function localDate(at: string | undefined, zone: string): string {
  if (!at) return '';
  return DateTime.fromISO(at, { setZone: true }).setZone(zone).toISODate() ?? '';
}

/** The local date and time (YYYY-MM-DD HH:mm) of an instant in `zone`. */
export function localDateTime(at: string | undefined, zone: string): string {
  if (!at) return '';
  return DateTime.fromISO(at, { setZone: true }).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
}

/** The local time (HH:mm) of an instant in `zone`. */
export function localTime(at: string | undefined, zone: string): string {
  if (!at) return '';
  return DateTime.fromISO(at, { setZone: true }).setZone(zone).toFormat('HH:mm');
}

export function commonValues(c: CaseState, ctx: FillContext): Record<(typeof COMMON_VALUES)[number], string> {
  const id = c.person.identity;
  const family = id?.familyName ?? '';
  const given = id?.givenNames ?? '';
  const original = [id?.originalScript?.givenNames, id?.originalScript?.familyName].filter(Boolean).join(' ');
  const birth = id?.birthDate
    ? id.birthDate.precision === 'about'
      ? `~${id.birthDate.value}`
      : id.birthDate.value
    : c.person.birthYear
      ? `~${c.person.birthYear}`
      : '';
  return {
    documentId: ctx.documentId,
    caseId: c.id,
    state: c.state,
    authority: ctx.extra.authority ?? c.state,
    issuedDate: localDate(ctx.issuedAt, ctx.zone),
    issuedTime: localTime(ctx.issuedAt, ctx.zone),
    zone: ctx.zone,
    issuer: ctx.issuer.actor,
    familyName: family.toUpperCase(),
    givenNames: given,
    fullName: [given, family.toUpperCase()].filter(Boolean).join(' '),
    nameOriginalScript: original,
    birthDate: birth,
    placeOfBirth: id?.placeOfBirth ?? '',
    sex: ctx.word(`sex.${c.person.sex ?? 'unknown'}`),
    nationality: c.person.nationality ?? '',
    languages: (id?.languages ?? []).join(', '),
    documentNumbers: (id?.documents ?? [])
      .map((d) => `${d.type} ${d.number} (${d.issuingCountry})`)
      .join('; '),
  };
}
