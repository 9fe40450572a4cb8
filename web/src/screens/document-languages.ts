// The language chooser of the case page's Print menu (issue 18), pure: the languages a document is offered
// in, the person's own (identity.languages, in the order recorded) first, each marked when its text is
// English with a notice in that language (no translation reviewed by a speaker: never a silent machine
// translation), and which one is chosen first.

export interface LanguageChoice {
  readonly code: string;
  /** the text is English, with a notice in this language (the API's `withNotice`) */
  readonly withNotice: boolean;
  /** a language the person speaks (identity.languages) */
  readonly person: boolean;
}

/** The offered languages, the person's first (in the order recorded), then the others in the API's order. */
export function languageChoices(
  offered: readonly string[],
  withNotice: readonly string[],
  personLanguages: readonly string[],
): LanguageChoice[] {
  const spoken = personLanguages.filter((l, i) => offered.includes(l) && personLanguages.indexOf(l) === i);
  const rest = offered.filter((l) => !spoken.includes(l));
  return [...spoken, ...rest].map((code) => ({
    code,
    withNotice: withNotice.includes(code),
    person: personLanguages.includes(code),
  }));
}

/**
 * The language chosen first: for a document the person must understand, the first of their languages it is
 * offered in; otherwise (or when none is) the user's own language where offered, else the first offered.
 */
export function firstChoice(
  choices: readonly LanguageChoice[],
  personFacing: boolean,
  userLanguage: string,
): string {
  const spoken = personFacing ? choices.find((c) => c.person) : undefined;
  return (spoken ?? choices.find((c) => c.code === userLanguage) ?? choices[0])?.code ?? 'en';
}

/**
 * The languages a notification may be said to have been given in: the document's, the person's, then the
 * others offered (unique, in that order).
 */
export function notificationLanguages(
  documentLanguage: string,
  personLanguages: readonly string[],
  offered: readonly string[],
): string[] {
  return [...new Set([documentLanguage, ...personLanguages, ...offered])];
}
