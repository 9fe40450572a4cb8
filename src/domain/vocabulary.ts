// The closed lists the commands draw their values from (no imports: the web application's forms use them
// without bundling the validation library). commands.ts builds its schemas on them.

export const ENCOUNTER_KINDS = [
  'apprehended-irregular-crossing',
  'entry-prevented-refused',
  'application-at-crossing-point',
  'application-at-diplomatic-mission',
  'disembarkation-after-sar',
  'found-inside-territory',
  // issue 22: admission — a person admitted under Regulation (EU) 2024/1350 arriving at the crossing point:
  // recorded so that the case has its arrival, but no screening (they enter lawfully) and no border statistic
  'admission-arrival',
] as const;

export const VULNERABILITIES = [
  'pregnant',
  'disability',
  'serious-illness',
  'torture-survivor',
  'trafficking-victim',
  'elderly',
  'single-parent',
  'other',
] as const;

export const DECISION_TYPES = [
  'refugee-status',
  'subsidiary-protection',
  'inadmissible',
  'unfounded',
  'manifestly-unfounded',
  'implicitly-withdrawn',
] as const;

/** Why the mandatory border procedure does not apply: capacity reached (APR Art. 48), special needs that cannot be met at the border or an unaccompanied minor (APR Art. 53). */
export const BORDER_EXEMPTIONS = ['capacity-reached', 'special-needs', 'unaccompanied-minor'] as const;

export const ROUTING_GROUNDS = [
  'misleading-authorities',
  'security',
  'low-recognition-rate',
  'safe-country-of-origin',
  'other-accelerated',
  'none',
  // issue 17: border-crisis — the inadmissibility grounds of APR Art. 38(1), on which a decision may be taken
  // in the border procedure (APR Art. 44(1)(a))
  'inadmissible-first-country-of-asylum',
  'inadmissible-safe-third-country',
  'inadmissible-international-court',
  'inadmissible-subsequent-no-new-elements',
  'inadmissible-dependant-no-new-facts',
] as const;

// issue 17: border-crisis
/** The exceptions of APR Art. 42(1)(j) that lift the recognition-rate ground for one applicant. */
export const RATE_EXCEPTIONS = ['significant-change', 'category-not-representative'] as const;
/** The CFMR Art. 11 derogations a border procedure in a crisis applied (RBPR Art. 6 extends the return border procedure only after (3), (4) or (6)). */
export const CRISIS_BORDER_DEROGATIONS = ['cfmr-11-3', 'cfmr-11-4', 'cfmr-11-6'] as const;

export const DETENTION_GROUNDS = [
  'irregular-entry',
  'identity',
  'risk-of-absconding',
  'security',
  'border-procedure',
  'return',
] as const;

export type EncounterKind = (typeof ENCOUNTER_KINDS)[number];

/**
 * Which force a border guard used, as a closed list so that the monitoring figures group (issue #14,
 * finding 7). The list follows the means the European Border and Coast Guard Regulation names for the use
 * of force — "the use of hands and body, and of instruments, weapons, including firearms, or equipment"
 * (Regulation (EU) 2019/1896, Annex V, point 1) — and the kinds of non-lethal equipment and service weapons
 * its Annex V deals with (restraints, batons, irritant sprays, service dogs, firearms). A firearm drawn or
 * pointed is kept apart from one fired. Anything else is `other`, with a text (`kindOther`).
 */
export const FORCE_KINDS = [
  'physical',
  'handcuffs',
  'baton',
  'irritant-spray',
  'service-dog',
  'firearm-drawn',
  'firearm-discharged',
  'other',
] as const;
export type ForceKind = (typeof FORCE_KINDS)[number];

/** What the published statistics count (src/store/aggregates.ts says how each is counted). */
export const STATISTICS_METRICS = [
  'encounters',
  'persons',
  'apprehensions',
  'refusals',
  'asylum-wishes',
  'applications-registered',
  'applications-lodged',
  'decisions',
  'detentions',
  'returns-decided',
  'returns-executed',
  'relocations',
  'relocations-received',
] as const;

/** What a place of a state is (src/store/places.ts loads them; an encounter may name one). */
export const PLACE_KINDS = ['border-section', 'crossing-point', 'station', 'site'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
/**
 * What a finding of the monitoring mechanism (Screening Regulation (EU) 2024/1356 Art. 10) is about, and how
 * long its text may be (trimmed): the API's schema and the web form's checks share these.
 */
export const FINDING_CATEGORIES = [
  'access-to-asylum',
  'refusal-of-entry',
  'use-of-force',
  'detention',
  'deadline',
  'vulnerability',
  'other',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];
export const FINDING_TEXT = { min: 3, max: 5000 } as const;

// issue 17: withdrawal
/**
 * The grounds on which an application "shall be declared as implicitly withdrawn" — the closed list of
 * APR (Regulation (EU) 2024/1348) Art. 41(1), points (a) to (f), in their order:
 * (a) not lodged without good cause (Art. 28); (b) refused to cooperate (Art. 27(1)(a)–(b) information, or
 * biometric data); (c) refused to give an address; (d) did not attend the required interview (Art. 13) or
 * refused to answer; (e) repeatedly did not report (Art. 9(4)) or does not remain available — absconding is
 * this ground; (f) lodged in a state other than that of AMMR Art. 17(1)–(2) and did not remain there.
 */
export const IMPLICIT_WITHDRAWAL_GROUNDS = [
  'not-lodged',
  'refused-cooperation',
  'refused-address',
  'interview-not-attended',
  'not-available',
  'left-state-of-application',
] as const;
export type ImplicitWithdrawalGround = (typeof IMPLICIT_WITHDRAWAL_GROUNDS)[number];

/** Who withdraws an application: the applicant personally, in writing, or the legal adviser (APR Art. 40(1)). */
export const WITHDRAWN_BY = ['applicant', 'legal-adviser'] as const;

// issue 22: admission
/** The kinds a border guard records (the admission-arrival is written by the admission file's arrival step). */
export const BORDER_ENCOUNTER_KINDS = ENCOUNTER_KINDS.filter(
  (k): k is Exclude<EncounterKind, 'admission-arrival'> => k !== 'admission-arrival',
);
