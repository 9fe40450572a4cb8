// The closed lists the commands draw their values from (no imports: the web application's forms use them
// without bundling the validation library). commands.ts builds its schemas on them.

export const ENCOUNTER_KINDS = [
  'apprehended-irregular-crossing',
  'entry-prevented-refused',
  'application-at-crossing-point',
  'application-at-diplomatic-mission',
  'disembarkation-after-sar',
  'found-inside-territory',
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
] as const;

export const DETENTION_GROUNDS = [
  'irregular-entry',
  'identity',
  'risk-of-absconding',
  'security',
  'border-procedure',
  'return',
] as const;

export type EncounterKind = (typeof ENCOUNTER_KINDS)[number];

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
