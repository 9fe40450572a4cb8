// Person search (issue #16): the ranking rules — a result's score in [0, 1], each reading's score, the
// thresholds of the fuzzy readings — and the types of a search's answer. The readings: person-search-readings.ts;
// the search itself: person-search.ts.
// ---------------------------------------------------------------------------------------------------------
// Ranking rules. A result's score is in [0, 1]; the reasons carry the score of each reading that found it.
// ---------------------------------------------------------------------------------------------------------

/** A case id, a document number and a Eurodac reference identify a person: nothing a name can reach. */
export const SCORE_REFERENCE = 1;
/** A case id from its prefix is as sure as the whole id once it is unique (the answer lists every match). */
export const SCORE_CASE_PREFIX = 1;
/**
 * A name word written the same way (after folding diacritics and case) is certain; one that sounds the same
 * (Double Metaphone: Mohammed, Muhammad, Mohamed) is the usual transliteration of one name, nearly as good;
 * one or two letters apart (Levenshtein) is a typo, likelier to be someone else; trigram-similar words only
 * resemble, and count at most this much times their similarity.
 */
export const NAME_EXACT = 1;
export const NAME_SOUND = 0.9;
export const NAME_TYPO = 0.8;
export const NAME_SIMILAR = 0.6;
/** A word is compared by sound from this length: shorter words sound like too many others (Al, Ali, Ala). */
export const SOUND_MIN_LENGTH = 3;
/** Letters a typo may differ by: one in a word of 4 to 7 letters, two from 8; none below 4 (too many). */
export const typoEdits = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);
/**
 * A name matches when its words cover the query's words this well on average: "Mohammed Al-Hassan" asked of
 * "Mohammed Karimi" is 0.5 (one word of two) and is not shown; "Muhammad Alhasan" of "Mohammed Al-Hassan"
 * is 0.9.
 */
export const NAME_MIN_SCORE = 0.7;
/**
 * Persons whose names are read word by word, of those the indexes find (trigram-similar or sharing a sound):
 * the ones most similar to the query as a whole first. It bounds a common name's cost (thousands of
 * Mohammeds) while the spellings nearest the query are all among them.
 */
export const NAME_CANDIDATES = 200;
/**
 * Trigram similarity (pg_trgm's `%`, its GIN index on the folded names) a person's names must reach to be a
 * candidate for the spelling: 0.5, not pg_trgm's default 0.3, at which "Mohammed Al-Hassan" would bring every
 * "Mohammed X" to be read (0.35); a typo keeps 0.8 ("Mohamed Al-Hasssan"). Other transliterations, whose
 * trigrams differ, are found by their sound instead: persons who have the sound of every word asked.
 */
export const NAME_TRIGRAM_THRESHOLD = 0.5;
/** A date of birth: the same as recorded, recorded within the range asked for, or only overlapping it. */
export const BIRTH_EXACT = 1;
export const BIRTH_WITHIN = 0.9;
export const BIRTH_OVERLAPS = 0.7;
/** An "about" year: its own year scores this, each year away a tenth less. */
export const BIRTH_ABOUT = 0.85;

// ---------------------------------------------------------------------------------------------------------

export type MatchField = 'caseId' | 'name' | 'document' | 'eurodac' | 'birthDate';
export type MatchHow = 'exact' | 'prefix' | 'sound' | 'typo' | 'similar' | 'within' | 'overlaps' | 'about';

export interface NameTerm {
  /** the word asked for and the recorded word it matched, both as compared (folded) */
  readonly asked: string;
  readonly found: string;
  readonly how: MatchHow;
}

export interface SearchMatch {
  readonly field: MatchField;
  readonly how: MatchHow;
  readonly score: number;
  /** names: each word asked for and the recorded word it met */
  readonly terms?: NameTerm[];
  /** a document's type and issuing country */
  readonly document?: { readonly type: string; readonly issuingCountry: string };
}

export interface SearchHit {
  readonly caseId: string;
  readonly shortId: string;
  readonly state: string;
  readonly status: string;
  readonly familyName: string | null;
  readonly givenNames: string | null;
  readonly aliases: string[];
  readonly birth: { readonly from: string; readonly to: string; readonly precision: string } | null;
  readonly nationality: string | null;
  readonly score: number;
  readonly matches: SearchMatch[];
}

export interface SearchAnswer {
  readonly results: SearchHit[];
  /** more persons matched than the limit let through */
  readonly more: boolean;
}

export interface SearchRequest {
  readonly query: string;
  /** the states whose persons may be returned (a user: its own only); undefined: every state (the CLI) */
  readonly state: string | undefined;
  readonly limit: number;
}

export interface Found {
  readonly caseId: string;
  readonly match: SearchMatch;
}
