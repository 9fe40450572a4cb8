// The nationalities a person can have, as the codes the API and the CLI take: the 249 officially assigned
// codes of ISO 3166-1 alpha-2 (as of 2025), Kosovo as XK (user-assigned; the Union and Eurostat use it), XX for
// a person whose nationality is unknown and XS for a stateless person (issue #16: before, XX meant either).
// XX and XS are of ISO 3166-1's user-assigned range (AA, QM–QZ, XA–XZ, ZZ), which no country will ever have;
// XS is Pact's choice (ICAO Doc 9303 writes a stateless person XXA in three letters and has no two-letter
// code). Eurostat's citizenship list has UNK (unknown) and STLS (stateless): src/store/eurostat.ts maps them.
// Names are not kept here: screens show each code by its name in the chosen language (Unicode CLDR, through
// Intl.DisplayNames), and the CLI reads an English name back into its code.

/** ISO 3166-1 alpha-2, the officially assigned codes, a line per first letter. */
export const ISO_COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ ' +
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
  'DE DJ DK DM DO DZ ' +
  'EC EE EG EH ER ES ET ' +
  'FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY ' +
  'HK HM HN HR HT HU ' +
  'ID IE IL IM IN IO IQ IR IS IT ' +
  'JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ ' +
  'LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
  'NA NC NE NF NG NI NL NO NP NR NU NZ ' +
  'OM ' +
  'PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
  'QA ' +
  'RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
  'UA UG UM US UY UZ ' +
  'VA VC VE VG VI VN VU ' +
  'WF WS ' +
  'YE YT ' +
  'ZA ZM ZW'
).split(' ');

/** Unknown nationality: an explicit value ("we do not know"), unlike an absent one ("not recorded"). */
export const UNKNOWN_NATIONALITY = 'XX';
/** Stateless (1954 Convention relating to the Status of Stateless Persons, Art. 1): no state's national. */
export const STATELESS = 'XS';

/** Every value a nationality takes (and a nationality filter accepts). */
export const NATIONALITY_CODES: readonly string[] = [
  ...ISO_COUNTRY_CODES,
  'XK',
  UNKNOWN_NATIONALITY,
  STATELESS,
];

const KNOWN = new Set(NATIONALITY_CODES);

export const isNationalityCode = (code: string): boolean => KNOWN.has(code);
