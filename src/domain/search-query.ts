// What a person search asks (issue #16): one text typed into one box, read as every kind of reference it can
// be — a case id or its prefix, a document number or Eurodac reference, a date of birth of any precision, and
// names. Pure: the store (src/store/person-search.ts) runs the SQL of each reading and ranks the results.
import { ABOUT_YEARS, type BirthDatePrecision, documentKey } from './identity.ts';

/** Shorter queries are refused (400): two letters find everyone, and say nothing about whom one looks for. */
export const SEARCH_QUERY_MIN = 3;
/** Longer queries are refused (400): the longest name, a document number and a date fit well within it. */
export const SEARCH_QUERY_MAX = 100;
/** Results per answer unless `limit` says otherwise, and the most one answer may hold. */
export const SEARCH_LIMIT = 20;
export const SEARCH_LIMIT_MAX = 100;
/**
 * A case id is found from its first 8 hexadecimal characters (the short id the screens show): 32 bits, so a
 * state with 100,000 cases has about one chance in 40,000 that two share it — and then the answer says so.
 */
export const CASE_PREFIX_MIN = 8;
/** "about 1990" covers 1988–1992, as a recorded "about" year does (identity.ts ABOUT_YEARS). */
export { ABOUT_YEARS };

/** The words that mark an estimated year ("about 1990", "ca. 1990", "apie 1990"). */
const ABOUT_WORDS = new Set([
  'about',
  'approx',
  'approx.',
  'approximately',
  'circa',
  'ca',
  'ca.',
  'c.',
  '~',
  'apie',
]);

export interface BirthQuery {
  /** the first and last day the date asked for may be */
  readonly from: string;
  readonly to: string;
  readonly precision: BirthDatePrecision;
}

export interface SearchTerms {
  /** the range of case ids the prefix covers (a full id: both ends equal) */
  readonly caseIds?: { readonly from: string; readonly to: string };
  /** a document number or Eurodac reference as compared (identity.ts documentKey) */
  readonly referenceKey?: string;
  readonly birth?: BirthQuery;
  /** the text of the names asked for (what is left when the date is taken out) */
  readonly names?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validYear = (y: number) => y >= 1900 && y <= 2100;

/** One whitespace-separated token as a date of birth, if it is one ("1990", "1990-03", "1990-03-15", "15.03.1990"). */
function dateToken(token: string): BirthQuery | undefined {
  let m = /^(\d{4})$/.exec(token);
  if (m) {
    const y = Number(m[1]);
    return validYear(y) ? { from: `${y}-01-01`, to: `${y}-12-31`, precision: 'year' } : undefined;
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(token);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (!validYear(y) || mo < 1 || mo > 12) return undefined;
    return {
      from: `${y}-${pad(mo)}-01`,
      to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`,
      precision: 'year-month',
    };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(token) ?? /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(token);
  if (m) {
    const iso = token.includes('-');
    const [y, mo, d] = iso
      ? [Number(m[1]), Number(m[2]), Number(m[3])]
      : [Number(m[3]), Number(m[2]), Number(m[1])];
    if (!validYear(y) || mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return undefined;
    const day = `${y}-${pad(mo)}-${pad(d)}`;
    return { from: day, to: day, precision: 'full' };
  }
  return undefined;
}

/** The range of case ids whose text starts with `text` (8 to 32 hex digits, hyphens anywhere ignored). */
export function caseIdRange(text: string): { from: string; to: string } | undefined {
  if (!/^[0-9a-f-]+$/i.test(text)) return undefined;
  const hex = text.replace(/-/g, '').toLowerCase();
  if (hex.length < CASE_PREFIX_MIN || hex.length > 32) return undefined;
  const uuid = (h: string) =>
    `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return { from: uuid(hex.padEnd(32, '0')), to: uuid(hex.padEnd(32, 'f')) };
}

/** Every reading of a query (it is trimmed; its length was checked by the caller). */
export function parseSearch(query: string): SearchTerms {
  const text = query.trim().normalize('NFC');
  const tokens = text.split(/\s+/).filter(Boolean);
  const caseIds = tokens.length === 1 ? caseIdRange(text) : undefined;
  // a date of birth is one token, or an "about" word and a year
  let birth: BirthQuery | undefined;
  const rest: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const next = tokens[i + 1];
    if (
      !birth &&
      ABOUT_WORDS.has(t.toLowerCase()) &&
      next &&
      /^\d{4}$/.test(next) &&
      validYear(Number(next))
    ) {
      const y = Number(next);
      birth = { from: `${y - ABOUT_YEARS}-01-01`, to: `${y + ABOUT_YEARS}-12-31`, precision: 'about' };
      i += 1;
      continue;
    }
    if (!birth && /^[~≈]\d{4}$/.test(t) && validYear(Number(t.slice(1)))) {
      const y = Number(t.slice(1));
      birth = { from: `${y - ABOUT_YEARS}-01-01`, to: `${y + ABOUT_YEARS}-12-31`, precision: 'about' };
      continue;
    }
    const date = birth ? undefined : dateToken(t);
    if (date) birth = date;
    else rest.push(t);
  }
  const restText = rest.join(' ');
  // a reference has a digit and is the whole query (a document number may be typed with spaces)
  const key = documentKey(text);
  const referenceKey = !birth && /\d/.test(text) && key.length >= 4 ? key : undefined;
  // names: letters, no digits (a case id or a document number is not a name)
  const names = /\d/.test(restText) || (restText.match(/\p{L}/gu)?.length ?? 0) < 2 ? undefined : restText;
  return {
    ...(caseIds ? { caseIds } : {}),
    ...(referenceKey ? { referenceKey } : {}),
    ...(birth ? { birth } : {}),
    ...(names ? { names } : {}),
  };
}
