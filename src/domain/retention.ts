// How long each kind of personal data is kept (issue #16; docs/retention.md). Where the law sets a period it
// is a dated parameter of law/ with its citation (the Eurodac Regulation's Art. 29 periods, applied to the
// same person's identity in the case file); where it sets none, a national setting with a default, named as
// such. Pure: the sweep (src/store/retention.ts) asks these rules and erases in SQL.
import type { Period } from '../../law/schema.ts';
import type { ParameterRegistry, UsedParameter } from '../law/parameters.ts';
import type { EncounterKind } from './vocabulary.ts';

/** The kinds of personal data the sweep erases, each with its own audit entry. */
export const RETENTION_KINDS = ['identity', 'attachments', 'searches'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/**
 * Whose identity a case holds, for its retention: an applicant (a wish to apply was made: Eurodac Art. 15),
 * else by how the person was met — apprehended crossing irregularly (Art. 22), found staying illegally
 * (Art. 23), disembarked after search and rescue (Art. 24), or refused entry and turned back (Eurodac records
 * none of them: Art. 22(1) excludes persons turned back).
 */
export type IdentityCategory =
  | 'applicant'
  | 'irregular-crosser'
  | 'illegal-stayer'
  | 'disembarked'
  | 'refused-entry';

export function identityCategory(kind: EncounterKind, asylumWish: boolean): IdentityCategory {
  if (asylumWish) return 'applicant';
  switch (kind) {
    case 'apprehended-irregular-crossing':
      return 'irregular-crosser';
    case 'found-inside-territory':
      return 'illegal-stayer';
    case 'disembarkation-after-sar':
      return 'disembarked';
    case 'entry-prevented-refused':
      return 'refused-entry';
    // an application made at a crossing point or a mission is an application (Art. 15)
    case 'application-at-crossing-point':
    case 'application-at-diplomatic-mission':
      return 'applicant';
    // issue 22: admission — a person admitted holds or applies for international protection (Regulation (EU)
    // 2024/1350 Art. 1(1)(a)): kept as an applicant's. UNCONFIRMED: the Eurodac period for persons registered
    // for an admission procedure was not read; the applicant's is the longer one the law sets here
    case 'admission-arrival':
      return 'applicant';
  }
}

/** The law's parameter of each category; null where the law sets none (a national setting applies). */
export const IDENTITY_PARAMETER: Readonly<Record<IdentityCategory, string | null>> = {
  applicant: 'eurodac.retention.applicants',
  'irregular-crosser': 'eurodac.retention.irregular-crossers',
  'illegal-stayer': 'eurodac.retention.illegal-stayers',
  disembarked: 'eurodac.retention.disembarked',
  'refused-entry': null,
};

/**
 * National settings where the law sets no period: NOT law, a choice of the state running Pact, with these
 * defaults (change them here, reviewed like code; docs/retention.md).
 * - refusedEntry: the identity of a person refused entry and turned back without asking for asylum
 *   (default 5 years, as Eurodac keeps a person apprehended crossing: Art. 29(6));
 * - attachments: photos and scans of a case, 'with-identity' (default: erased with the identity of their
 *   case, the same day) or a period from their upload;
 * - searches: the text of a person search (person_searches.query), from the search (default 1 year: long
 *   enough to answer a complaint about a search, no longer).
 */
export interface RetentionSettings {
  readonly refusedEntry: Period;
  readonly attachments: 'with-identity' | Period;
  readonly searches: Period;
}

export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = {
  refusedEntry: { amount: 5, unit: 'years' },
  attachments: 'with-identity',
  searches: { amount: 1, unit: 'years' },
};

/** A retention period and why: the law's parameter with its citation, or a national setting. */
export interface RetentionRule {
  readonly period: Period;
  /** the parameter (with citation) or the setting's name */
  readonly source:
    | { readonly kind: 'law'; readonly parameter: UsedParameter }
    | { readonly kind: 'national-setting'; readonly setting: string };
}

/** The rule of a category of identity on a day (the law in force on that day). */
export function identityRule(
  law: ParameterRegistry,
  category: IdentityCategory,
  day: string,
  settings: RetentionSettings = DEFAULT_RETENTION_SETTINGS,
): RetentionRule {
  const name = IDENTITY_PARAMETER[category];
  if (name === null)
    return { period: settings.refusedEntry, source: { kind: 'national-setting', setting: 'refusedEntry' } };
  const parameter = law.usedAt(name, day);
  return { period: law.periodAt(name, day), source: { kind: 'law', parameter } };
}

/** "5 years", for SQL intervals and messages (whole units only: the law's periods are years here). */
export const intervalOf = (p: Period): string => `${p.amount} ${p.unit === 'working-days' ? 'days' : p.unit}`;

/** Why, in words, for the audit entry: the parameter and its citation, or the setting. */
export const reasonOf = (r: RetentionRule): string =>
  r.source.kind === 'law'
    ? `${r.source.parameter.name} = ${intervalOf(r.period)} (${r.source.parameter.citation}, ${r.source.parameter.status})`
    : `national setting ${r.source.setting} = ${intervalOf(r.period)} (the law sets no period)`;

/** Keys of a case log's payloads that hold who the person is. */
const IDENTITY_KEYS = new Set(['identity']);
/** Keys of an amendment of an identity field that hold who the person is (its values, and its reason). */
const IDENTITY_FIELD_KEYS = new Set(['from', 'to', 'old', 'new', 'value', 'previous', 'reason']);

/**
 * A payload with who the person is taken out: every `identity` object, at any depth (the person of an
 * encounter, a relocation, an amendment's old and new person), and the values and the free-text reason of an
 * amendment of an identity field (`{ field: 'identity.…', old, new, reason }`: officers write what the
 * passport reads in the reason). What statistics read stays: nationality, sex, birth year, minor,
 * vulnerabilities, the asylum wish, decisions, grounds. The one definition of what the sweep removes: the
 * store hashes it when an action is written (its audit entry's keptSha256, docs/audit.md) and writes exactly
 * it when the sweep erases, so that an erased row can differ from what was recorded by the identity only.
 */
export function withoutIdentity(payload: unknown): unknown {
  if (Array.isArray(payload)) return payload.map(withoutIdentity);
  if (payload === null || typeof payload !== 'object') return payload;
  const o = payload as Record<string, unknown>;
  const identityField = typeof o.field === 'string' && /(^|\.)identity(\.|$)/.test(o.field);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (IDENTITY_KEYS.has(k)) continue;
    if (identityField && IDENTITY_FIELD_KEYS.has(k)) continue;
    out[k] = withoutIdentity(v);
  }
  return out;
}
