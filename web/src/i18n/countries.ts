// Nationalities by name in the chosen language: the codes are the project's list (src/domain/countries.ts),
// the names Unicode CLDR's, through the browser's Intl.DisplayNames (complete for English and Lithuanian);
// "unknown" (XX) and "stateless" (XS) have no country name and come from the catalogue.
import { NATIONALITY_CODES, STATELESS, UNKNOWN_NATIONALITY } from '../../../src/domain/countries.ts';

export interface Nationality {
  readonly code: string;
  readonly name: string;
}

/**
 * The name of nationality `code` in `locale`; `unknown` names XX, `stateless` XS (the catalogue's words); a
 * code without a name is itself.
 */
export function nationalityName(
  locale: string,
  code: string,
  unknown: string,
  stateless = STATELESS,
): string {
  if (code === UNKNOWN_NATIONALITY) return unknown;
  if (code === STATELESS) return stateless;
  try {
    return regionNames(locale).of(code) ?? code;
  } catch {
    return code;
  }
}

const namesByLocale = new Map<string, Intl.DisplayNames>();
function regionNames(locale: string): Intl.DisplayNames {
  let names = namesByLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
    namesByLocale.set(locale, names);
  }
  return names;
}

/** Every nationality of the list, by name in `locale`'s alphabetical order, XX (unknown) and XS (stateless) last. */
export function nationalities(locale: string, unknown: string, stateless = STATELESS): Nationality[] {
  const order = new Intl.Collator(locale);
  const named = NATIONALITY_CODES.filter((c) => c !== UNKNOWN_NATIONALITY && c !== STATELESS)
    .map((code) => ({ code, name: nationalityName(locale, code, unknown) }))
    .sort((a, b) => order.compare(a.name, b.name));
  return [...named, { code: UNKNOWN_NATIONALITY, name: unknown }, { code: STATELESS, name: stateless }];
}
