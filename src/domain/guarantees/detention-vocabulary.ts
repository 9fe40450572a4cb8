// The closed lists of the detention commands (guarantees/detention-commands.ts), apart so that the web's forms
// (web/src/screens/command-fields.ts) read them without the schemas.

/** Why a detention ended (detention.ended). A court's release is its own action (detention.judicial-review). */
export const DETENTION_END_REASONS = [
  /** the grounds no longer apply (RCD Art. 11(1); RD Art. 15(4)) */
  'grounds-ceased',
  /** a less coercive measure replaces it (RCD Art. 10(2), Art. 9) */
  'alternative-measure',
  /** the longest detention the law allows was reached (RD Art. 15(5)–(6); national maxima) */
  'maximum-reached',
  /** no reasonable prospect of removal (RD Art. 15(4)) */
  'no-prospect-of-removal',
  /** the person was removed or left */
  'removed',
  /** released on another reason, stated in `note` */
  'other',
] as const;

/** Why a detention for removal is extended beyond six months (RD Art. 15(6)(a) and (b)). */
export const DETENTION_EXTENSION_GROUNDS = ['lack-of-cooperation', 'delay-in-documents'] as const;

/** What a court decided on the lawfulness of detention (RCD Art. 11(3); RD Art. 15(2)). */
export const JUDICIAL_REVIEW_OUTCOMES = ['lawful', 'release-ordered'] as const;
