// The 27 member states of the Union, by ISO 3166-1 alpha-2 code (Greece is GR; Eurostat writes EL).
// Which of them take part in which act is a dated parameter (law/ammr/participation.ts), not this list.

export const MEMBER_STATES = {
  AT: 'Austria',
  BE: 'Belgium',
  BG: 'Bulgaria',
  CY: 'Cyprus',
  CZ: 'Czechia',
  DE: 'Germany',
  DK: 'Denmark',
  EE: 'Estonia',
  ES: 'Spain',
  FI: 'Finland',
  FR: 'France',
  GR: 'Greece',
  HR: 'Croatia',
  HU: 'Hungary',
  IE: 'Ireland',
  IT: 'Italy',
  LT: 'Lithuania',
  LU: 'Luxembourg',
  LV: 'Latvia',
  MT: 'Malta',
  NL: 'Netherlands',
  PL: 'Poland',
  PT: 'Portugal',
  RO: 'Romania',
  SE: 'Sweden',
  SI: 'Slovenia',
  SK: 'Slovakia',
} as const;

export type MemberStateCode = keyof typeof MEMBER_STATES;
export const MEMBER_STATE_CODES = Object.keys(MEMBER_STATES) as [MemberStateCode, ...MemberStateCode[]];

/** Codes other sources use for a member state: Eurostat writes Greece as EL. */
export const MEMBER_STATE_ALIASES: Readonly<Record<string, MemberStateCode>> = { EL: 'GR' };
