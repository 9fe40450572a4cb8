// The name lists the demonstration draws its synthetic persons from (data/names/, described in data/README.md):
// common given names by sex and common family names per nationality, in Latin script and, for Arabic-script
// and Cyrillic nationalities, in the original script; the languages spoken per nationality; and the groups
// of spellings of one name (Mohammed/Muhammad/Mohamed…) that a re-encounter may be recorded with. Read and
// checked here: a row the demonstration cannot use is an error, never a silent fallback.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CalibrationError } from './calibration.ts';

export interface NameEntry {
  readonly latin: string;
  /** the same name in the original script (Arabic, Persian, Urdu, Cyrillic), when the list gives it */
  readonly original?: string;
}

export interface FamilyNameEntry extends NameEntry {
  /** the form a woman bears (Ivanova for Ivanov), where the language inflects family names by sex */
  readonly female?: NameEntry;
}

/** A spelling of a name; one used only for persons of some nationalities names them (Ahmet: TR). */
export interface Spelling {
  readonly spelling: string;
  readonly nationalities?: readonly string[];
}

export interface NationalityNames {
  readonly given: { readonly male: readonly NameEntry[]; readonly female: readonly NameEntry[] };
  readonly family: readonly FamilyNameEntry[];
  readonly languages: readonly { readonly item: string; readonly weight: number }[];
}

export interface NameLists {
  readonly byNationality: ReadonlyMap<string, NationalityNames>;
  /** every spelling of a name → all the spellings of its group (itself included), in the file's order */
  readonly variants: ReadonlyMap<string, readonly Spelling[]>;
  /** the groups as in the file */
  readonly variantGroups: readonly { readonly group: string; readonly spellings: readonly string[] }[];
}

const read = <T>(dataDir: string, file: string): T[] =>
  parse(readFileSync(`${dataDir}/names/${file}`, 'utf8'), { columns: true, skip_empty_lines: true }) as T[];

const NAME = /^[\p{L}][\p{L}\p{M}' -]{0,98}[\p{L}]$|^[\p{L}]$/u;

function bad(file: string, row: unknown, why: string): never {
  throw new CalibrationError(`data/names/${file}: ${why}: ${JSON.stringify(row)}`);
}

function entry(file: string, row: unknown, latin: string, original: string): NameEntry {
  if (!NAME.test(latin)) bad(file, row, 'not a name in Latin script');
  if (original && !NAME.test(original.replace(/\u200c/g, ''))) bad(file, row, 'not a name in its script');
  return original ? { latin, original } : { latin };
}

export function readNameLists(dataDir: string): NameLists {
  const byNationality = new Map<
    string,
    {
      given: { male: NameEntry[]; female: NameEntry[] };
      family: FamilyNameEntry[];
      languages: { item: string; weight: number }[];
    }
  >();
  const of = (file: string, row: unknown, nationality: string) => {
    if (!/^[A-Z]{2}$/.test(nationality)) bad(file, row, 'not an ISO 3166-1 alpha-2 code');
    let n = byNationality.get(nationality);
    if (!n) {
      n = { given: { male: [], female: [] }, family: [], languages: [] };
      byNationality.set(nationality, n);
    }
    return n;
  };
  for (const r of read<{ nationality: string; sex: string; name: string; original: string }>(
    dataDir,
    'given-names.csv',
  )) {
    if (r.sex !== 'male' && r.sex !== 'female') bad('given-names.csv', r, 'sex is male or female');
    of('given-names.csv', r, r.nationality).given[r.sex].push(
      entry('given-names.csv', r, r.name, r.original),
    );
  }
  for (const r of read<{
    nationality: string;
    name: string;
    original: string;
    female: string;
    female_original: string;
  }>(dataDir, 'family-names.csv'))
    of('family-names.csv', r, r.nationality).family.push({
      ...entry('family-names.csv', r, r.name, r.original),
      ...(r.female ? { female: entry('family-names.csv', r, r.female, r.female_original) } : {}),
    });
  for (const r of read<{ nationality: string; language: string; weight: string }>(dataDir, 'languages.csv')) {
    const weight = Number(r.weight);
    if (!/^[a-z]{2,3}$/.test(r.language) || !(weight > 0))
      bad('languages.csv', r, 'an ISO 639 code and a weight > 0');
    of('languages.csv', r, r.nationality).languages.push({ item: r.language, weight });
  }
  for (const [code, n] of byNationality)
    if (
      n.given.male.length === 0 ||
      n.given.female.length === 0 ||
      n.family.length === 0 ||
      n.languages.length === 0
    )
      throw new CalibrationError(
        `data/names: ${code} needs male and female given names, family names and languages`,
      );
  const variants = new Map<string, readonly Spelling[]>();
  const variantGroups = read<{ group: string; spellings: string }>(dataDir, 'variants.csv').map((r) => {
    const spellings = r.spellings.split(';').map((text): Spelling => {
      const m = /^([^[\]]+?)\s*(?:\[([A-Z]{2}(?: [A-Z]{2})*)\])?$/.exec(text.trim());
      if (!m?.[1] || !NAME.test(m[1])) bad('variants.csv', r, `"${text}" is not a name with [nationalities]`);
      return m[2] ? { spelling: m[1], nationalities: m[2].split(' ') } : { spelling: m[1] };
    });
    for (const s of spellings) variants.set(s.spelling, spellings);
    return { group: r.group, spellings: spellings.map((s) => s.spelling) };
  });
  return { byNationality, variants, variantGroups };
}
