// Who the demonstration's persons of the Pact period are (issue #16): each identified person gets a synthetic
// identity drawn from the name lists of their nationality (data/names/, src/cli/demo/names.ts) — names, in the
// original script for a share, a date of birth with a realistic mix of precision, languages, for some a
// document, and a Eurodac reference when apprehended. A share of the persons are met again: a later planned
// person of the same nationality, sex and age group becomes the same individual (pushed back and crossing
// again, or found inside the territory), so the plan's counts of encounters and persons — what the
// calibration targets — do not change. Part of those re-encounters are recorded under another spelling of the
// name (data/names/variants.csv), with the names in the wrong order, or with a less precise birth date, as
// happens at a desk; search and the duplicate review have them to find. Pure: draws from the seeded
// generator only. Every combination is synthetic: no real person.
import { DateTime } from 'luxon';
import type { Person, RecordEncounter } from '../../domain/commands.ts';
import type { BirthDate, Identity, IdentityDocument } from '../../domain/identity.ts';
import { CalibrationError } from './calibration.ts';
import type { NameEntry, NameLists, NationalityNames } from './names.ts';
import type { PactPlan, PlannedEncounter } from './pact-plan.ts';
import type { Random } from './random.ts';

/** The share of the identified persons of the Pact period who are a re-encounter of an earlier person. */
export const REENCOUNTER_SHARE = 0.07;
/** The bounds the re-encounters keep within (a test holds the demonstration to them). */
export const REENCOUNTER_BOUNDS = { min: 0.05, max: 0.1 } as const;
/** The share of re-encounters recorded under another spelling of the name (Mohammed → Muhammad). */
export const VARIANT_SPELLING_SHARE = 0.6;
/** The share of re-encounters recorded with the given and family names swapped. */
export const SWAPPED_ORDER_SHARE = 0.2;
/** The share of re-encounters recorded with a less precise birth date (a full date → the year alone). */
export const LOWER_PRECISION_SHARE = 0.3;
/** A re-encounter comes at least this many days after the first encounter. */
export const REENCOUNTER_MIN_DAYS = 14;
/** The share of persons of Arabic-script or Cyrillic nationalities whose names are also recorded in that script. */
export const ORIGINAL_SCRIPT_SHARE = 0.6;
/** The share of persons who hold or show an identity or travel document. */
export const DOCUMENT_SHARE = 0.3;

const pct = (share: number) => Math.round(share * 100);

export const PACT_IDENTITY_ASSUMPTIONS = [
  `identities: synthetic names drawn from lists of common names per nationality (data/names/); ${pct(DOCUMENT_SHARE)} % show a document; dates of birth from a document in full, otherwise as stated or estimated (year, "about")`,
  `re-encounters: ${pct(REENCOUNTER_SHARE)} % of the identified persons are met again (a later planned encounter, not an extra one), ${pct(VARIANT_SPELLING_SHARE)} % of those under another spelling of the name, ${pct(SWAPPED_ORDER_SHARE)} % with the names swapped, ${pct(LOWER_PRECISION_SHARE)} % with a less precise birth date`,
];

/** A planned person met again: `later` is the same individual as `earlier` (indices of the plan's persons). */
export interface ReEncounter {
  readonly earlier: number;
  readonly later: number;
  /** recorded under another spelling of the given or family name */
  readonly variant: boolean;
  readonly swapped: boolean;
  readonly lowerPrecision: boolean;
}

export interface IdentityOptions {
  /** the Eurodac minimum age on a day (the law's `eurodac.minimum-age`) */
  readonly eurodacMinimumAge: (date: string) => number;
}

interface Slot {
  readonly index: number;
  readonly at: DateTime;
  readonly kind: RecordEncounter['kind'];
  readonly state: string;
  readonly person: RecordEncounter['persons'][number];
}

/** The plan with an identity for every person, and the re-encounters among them. */
export function withIdentities(
  plan: PactPlan,
  rng: Random,
  names: NameLists,
  o: IdentityOptions,
): { plan: PactPlan; reencounters: readonly ReEncounter[] } {
  const slots: Slot[] = [];
  for (const e of plan.encounters)
    e.persons.forEach((index, k) => {
      const person = e.command.persons[k];
      if (person)
        slots.push({
          index,
          at: DateTime.fromJSDate(e.at, { zone: 'UTC' }),
          kind: e.command.kind,
          state: e.command.state,
          person,
        });
    });
  slots.sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.index - b.index);
  const pairs = choosePairs(slots, rng);
  const earlierOf = new Map(pairs.map((p) => [p.later.index, p.earlier] as const));
  const identities = new Map<number, Identity>();
  const persons = new Map<number, Person>();
  // first everyone met for the first time, then the re-encounters (which copy and vary a first identity)
  for (const s of slots) {
    if (earlierOf.has(s.index)) continue;
    const identity = drawIdentity(rng, s, listsOf(names, s.person.nationality), o);
    identities.set(s.index, identity);
    persons.set(s.index, { ...s.person, identity } as Person);
  }
  const variantable = pairs
    .filter((p) => {
      const first = identities.get(p.earlier.index);
      const n = p.earlier.person.nationality;
      return hasVariant(names, first?.givenNames, n) || hasVariant(names, first?.familyName, n);
    })
    .map((p) => p.later.index);
  const variants = new Set<number>();
  const variantCount = Math.min(Math.round(VARIANT_SPELLING_SHARE * pairs.length), variantable.length);
  while (variants.size < variantCount) variants.add(rng.pick(variantable));
  const reencounters: ReEncounter[] = [];
  for (const { earlier, later: s } of pairs) {
    const first = identities.get(earlier.index);
    if (!first) throw new Error('re-encounter of a person never met');
    const again = recordAgain(rng, s, earlier, first, names, variants.has(s.index), o);
    persons.set(s.index, {
      ...s.person,
      ...(earlier.person.birthYear !== undefined ? { birthYear: earlier.person.birthYear } : {}),
      identity: again.identity,
    } as Person);
    reencounters.push({ earlier: earlier.index, later: s.index, ...again.how });
  }
  const encounters: PlannedEncounter[] = plan.encounters.map((e) => ({
    ...e,
    command: { ...e.command, persons: e.persons.map((i, k) => persons.get(i) ?? e.command.persons[k]) },
  })) as PlannedEncounter[];
  reencounters.sort((a, b) => a.later - b.later);
  return { plan: { ...plan, encounters }, reencounters };
}

function listsOf(names: NameLists, nationality: string | undefined): NationalityNames {
  const lists = names.byNationality.get(nationality ?? '');
  if (!lists)
    throw new CalibrationError(
      `data/names: no names for nationality ${nationality ?? '(none)'} (the demonstration draws from data/arrivals-lt-2021.csv's nationalities)`,
    );
  return lists;
}

/** Later persons paired with an earlier one of the same nationality, sex and age group. */
function choosePairs(slots: readonly Slot[], rng: Random): { earlier: Slot; later: Slot }[] {
  const wanted = Math.round(REENCOUNTER_SHARE * slots.length);
  const used = new Set<number>();
  const pairs: { earlier: Slot; later: Slot }[] = [];
  const candidates = [...slots];
  while (pairs.length < wanted && candidates.length > 0) {
    const later = candidates.splice(rng.int(0, candidates.length - 1), 1)[0];
    if (!later || used.has(later.index)) continue;
    const before = later.at.minus({ days: REENCOUNTER_MIN_DAYS });
    const earlier = slots.filter(
      (e) =>
        e.at <= before &&
        !used.has(e.index) &&
        e.person.nationality === later.person.nationality &&
        e.person.sex === later.person.sex &&
        e.person.minor === later.person.minor,
    );
    if (earlier.length === 0) continue;
    // most often someone pushed back at the border who crosses again
    const e = rng.weighted(
      earlier.map((x) => ({ item: x, weight: x.kind === 'entry-prevented-refused' ? 3 : 1 })),
    );
    used.add(e.index);
    used.add(later.index);
    pairs.push({ earlier: e, later });
  }
  return pairs;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const digits = (rng: Random, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
const letters = (rng: Random, n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(65 + rng.int(0, 25))).join('');

function drawIdentity(rng: Random, s: Slot, lists: NationalityNames, o: IdentityOptions): Identity {
  const female = s.person.sex === 'female';
  const given = rng.pick(female ? lists.given.female : lists.given.male);
  const familyEntry = rng.pick(lists.family);
  const family: NameEntry = female && familyEntry.female ? familyEntry.female : familyEntry;
  const nationality = s.person.nationality ?? 'XX';
  const birthYear = s.person.birthYear ?? s.at.year - 30;
  const document = rng.chance(DOCUMENT_SHARE) ? drawDocument(rng, s, nationality, birthYear) : undefined;
  const birthDate = drawBirthDate(rng, s, birthYear, document !== undefined);
  const languages = [rng.weighted(lists.languages)];
  const others = lists.languages.filter((l) => l.item !== languages[0]);
  if (others.length > 0 && rng.chance(0.3)) languages.push(rng.weighted(others));
  if (!languages.includes('en') && rng.chance(0.15)) languages.push('en');
  const original =
    given.original && family.original && rng.chance(ORIGINAL_SCRIPT_SHARE)
      ? { originalScript: { givenNames: given.original, familyName: family.original } }
      : {};
  return {
    familyName: family.latin,
    givenNames: given.latin,
    aliases: [],
    ...original,
    birthDate,
    languages,
    ...eurodac(rng, s, birthYear, o),
    documents: document ? [document] : [],
  };
}

/** A Eurodac reference for a person apprehended in an irregular crossing, from the minimum age (synthetic). */
function eurodac(rng: Random, s: Slot, birthYear: number, o: IdentityOptions): { eurodacRef?: string } {
  const day = s.at.toISODate() ?? '';
  // the youngest the person can be with a birth year alone (as src/domain/decide.ts counts it)
  const age = s.at.year - birthYear - 1;
  if (s.kind !== 'apprehended-irregular-crossing' || age < o.eurodacMinimumAge(day)) return {};
  // the transmitting state's code, the category ("2": apprehended in connection with an irregular crossing),
  // then synthetic digits (data/README.md)
  return { eurodacRef: `${s.state}2${digits(rng, 10)}` };
}

function drawBirthDate(rng: Random, s: Slot, year: number, fromDocument: boolean): BirthDate {
  const precision = fromDocument
    ? 'full'
    : rng.weighted([
        { item: 'full' as const, weight: 15 },
        { item: 'year-month' as const, weight: 5 },
        { item: 'year' as const, weight: 45 },
        { item: 'about' as const, weight: 35 },
      ]);
  if (precision === 'year' || precision === 'about') return { value: String(year), precision };
  // a day of the year, never after the encounter
  const first = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: 'UTC' });
  const last = DateTime.min(first.endOf('year'), s.at.minus({ days: 1 }));
  const day = first.plus({ days: rng.int(0, Math.max(0, Math.floor(last.diff(first, 'days').days))) });
  return precision === 'full'
    ? { value: day.toISODate() ?? '', precision }
    : { value: `${year}-${pad(day.month)}`, precision };
}

function drawDocument(rng: Random, s: Slot, nationality: string, birthYear: number): IdentityDocument {
  // issued 1 month to 9 years before the encounter, never before the person's first year
  const earliest = DateTime.fromObject({ year: birthYear + 1, month: 1, day: 1 }, { zone: 'UTC' });
  const issued = DateTime.max(earliest, s.at.minus({ days: rng.int(30, 9 * 365) })).startOf('day');
  // valid 5 years when issued to a minor, 10 years otherwise (the common rule; a few have expired since)
  const years = issued.year - birthYear < 18 ? 5 : 10;
  const verified = rng.chance(0.3);
  return {
    type: rng.weighted([
      { item: 'passport' as const, weight: 3 },
      { item: 'national-id' as const, weight: 1 },
    ]),
    number: `${letters(rng, 2)}${digits(rng, 7)}`,
    issuingCountry: nationality,
    issuedOn: issued.toISODate() ?? '',
    expiresOn: issued.plus({ years }).minus({ days: 1 }).toISODate() ?? '',
    seenOriginal: rng.chance(0.85),
    verified,
    falseDocument: !verified && rng.chance(0.03),
  };
}

/** The spellings of the same name other than `name` that a person of `nationality` may be recorded with. */
function otherSpellings(
  names: NameLists,
  name: string | undefined,
  nationality: string | undefined,
): string[] {
  const group = name ? names.variants.get(name) : undefined;
  return (group ?? [])
    .filter((s) => s.spelling !== name && (!s.nationalities || s.nationalities.includes(nationality ?? '')))
    .map((s) => s.spelling);
}

const hasVariant = (names: NameLists, name: string | undefined, nationality: string | undefined) =>
  otherSpellings(names, name, nationality).length > 0;

const LOWER: Readonly<Record<BirthDate['precision'], BirthDate['precision'] | undefined>> = {
  full: 'year',
  'year-month': 'year',
  year: 'about',
  about: undefined,
};

/** The identity recorded at a re-encounter of the person first recorded as `first`. */
function recordAgain(
  rng: Random,
  s: Slot,
  earlier: Slot,
  first: Identity,
  names: NameLists,
  variant: boolean,
  o: IdentityOptions,
): { identity: Identity; how: Omit<ReEncounter, 'earlier' | 'later'> } {
  let givenNames = first.givenNames;
  let familyName = first.familyName;
  if (variant) {
    const n = s.person.nationality;
    const given = otherSpellings(names, givenNames, n);
    const family = otherSpellings(names, familyName, n);
    const both = given.length > 0 && family.length > 0;
    const changeGiven = given.length > 0 && (!both || rng.chance(0.7));
    const changeFamily = family.length > 0 && (!changeGiven || rng.chance(0.4));
    if (changeGiven) givenNames = rng.pick(given);
    if (changeFamily) familyName = rng.pick(family);
  }
  const swapped = rng.chance(SWAPPED_ORDER_SHARE);
  if (swapped) [givenNames, familyName] = [familyName, givenNames];
  const lower =
    first.birthDate && rng.chance(LOWER_PRECISION_SHARE) ? LOWER[first.birthDate.precision] : undefined;
  const birthDate: BirthDate | undefined =
    first.birthDate && lower
      ? { value: first.birthDate.value.slice(0, 4), precision: lower }
      : first.birthDate;
  // the same document shown again by half of those who had one
  const documents = first.documents.length > 0 && rng.chance(0.5) ? first.documents : [];
  const birthYear = earlier.person.birthYear ?? s.at.year - 30;
  const { eurodacRef: _first, originalScript, ...rest } = first;
  return {
    identity: {
      ...rest,
      ...(familyName ? { familyName } : {}),
      ...(givenNames ? { givenNames } : {}),
      // the original script recorded again by half (it is not always asked twice)
      ...(originalScript && !swapped && rng.chance(0.5) ? { originalScript } : {}),
      ...(birthDate ? { birthDate } : {}),
      ...eurodac(rng, s, birthYear, o),
      documents,
    },
    how: { variant, swapped, lowerPrecision: lower !== undefined },
  };
}
