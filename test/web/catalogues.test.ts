// The message catalogues of the web application: every language has every key, every text the screens ask
// for exists, every value of the domain's lists has a label in each language, and placeholders agree.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADMISSION_PROCEDURES,
  ADMISSION_TYPES,
  ELIGIBILITY_CATEGORIES,
  FILE_STATUSES,
  FILE_STEPS,
  GRANTED_STATUSES,
  REFUSAL_GROUNDS,
  SPLIT_METHODS,
} from '../../src/domain/admission/vocabulary.ts';
import { OBLIGATION_KINDS } from '../../src/domain/case-state.ts';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES } from '../../src/domain/documents/kinds.ts';
import { NOTIFICATION_MEANS } from '../../src/domain/guarantees/remedies-commands.ts';
import { BIRTH_DATE_PRECISIONS, DOCUMENT_TYPES } from '../../src/domain/identity.ts';
import { ROLES } from '../../src/domain/roles.ts';
import { ACTION_TYPES, FLAGS, STATUSES } from '../../src/domain/statuses.ts';
import {
  BORDER_EXEMPTIONS,
  CRISIS_BORDER_DEROGATIONS,
  DECISION_TYPES,
  DETENTION_GROUNDS,
  ENCOUNTER_KINDS,
  FINDING_CATEGORIES,
  FORCE_KINDS,
  PLACE_KINDS,
  RATE_EXCEPTIONS,
  ROUTING_GROUNDS,
} from '../../src/domain/vocabulary.ts';
import { UNMATCHED_REASONS } from '../../src/solidarity/matching.ts';
import { TRANSFER_STATUSES } from '../../src/solidarity/types.ts';
import { AGGREGATE_METRICS, GRANULARITIES } from '../../src/store/aggregates.ts';
import { en } from '../../web/src/i18n/en.ts';
import { lt } from '../../web/src/i18n/lt.ts';
import { COMMAND_FIELDS } from '../../web/src/screens/command-fields.ts';

const CATALOGUES = { en, lt } as Record<string, Record<string, string>>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('message catalogues (English, Lithuanian)', () => {
  it('Lithuanian has exactly the English keys, none empty', () => {
    expect(Object.keys(lt).sort()).toEqual(Object.keys(en).sort());
    for (const [lang, c] of Object.entries(CATALOGUES))
      for (const [k, v] of Object.entries(c)) expect(v.trim(), `${lang} ${k}`).not.toBe('');
  });

  it('each translation has the same {placeholders} as the English text', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(en)) expect(names(lt[k as keyof typeof lt]), k).toEqual(names(v));
  });

  it("every key a screen names literally (t('…')) is in the catalogue", () => {
    const missing: string[] = [];
    for (const file of sources('web/src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g))
        if (!((m[1] as string) in en)) missing.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/title: '(nav\.[^']+)'/g))
        if (!((m[1] as string) in en)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('every value of the lists the screens label has a label in each language', () => {
    const fields = Object.values(COMMAND_FIELDS).flat();
    const lists: Record<string, readonly string[]> = {
      kind: ENCOUNTER_KINDS,
      forceKind: FORCE_KINDS,
      obligation: OBLIGATION_KINDS,
      obligationStatus: ['open', 'met', 'missed', 'cancelled'],
      status: STATUSES,
      flag: FLAGS,
      action: ACTION_TYPES,
      role: [...ROLES, 'system'],
      sex: ['female', 'male', 'other', 'unknown'],
      decision: DECISION_TYPES,
      ground: ROUTING_GROUNDS,
      exemption: BORDER_EXEMPTIONS,
      // issue 17: border-crisis
      rateException: RATE_EXCEPTIONS,
      crisisDerogation: CRISIS_BORDER_DEROGATIONS,
      detentionGround: DETENTION_GROUNDS,
      'dashboard.metric': AGGREGATE_METRICS,
      'dashboard.per': GRANULARITIES,
      'dashboard.granularity': GRANULARITIES,
      field: fields.map((f) => f.name),
      'queue.horizon': ['72h', '7d', '30d'],
      families: ['any', 'singles-only', 'families-only'],
      deductionStatus: ['requested', 'granted', 'partially-granted', 'refused'],
      transferStatus: TRANSFER_STATUSES,
      placeKind: PLACE_KINDS,
      unmatched: UNMATCHED_REASONS,
      'transfer.step': ['confirm', 'refuse', 'transferred', 'did-not-appear'],
      findingCategory: FINDING_CATEGORIES,
      paymentKind: ['financial', 'alternative'],
      'simulator.warningOn': ['adopted', 'scenario', 'both'],
      // issue 16: identity
      precision: BIRTH_DATE_PRECISIONS,
      docType: DOCUMENT_TYPES,
      // issue 18: papers — the kinds of document and the languages they are offered in
      document: DOCUMENT_KINDS,
      documentLanguage: DOCUMENT_LANGUAGES,
      notificationMeans: NOTIFICATION_MEANS,
      // issue 22: admission — the closed lists of Regulation (EU) 2024/1350 the screens label
      admissionType: ADMISSION_TYPES,
      splitMethod: SPLIT_METHODS,
      admissionProcedure: ADMISSION_PROCEDURES,
      eligibility: ELIGIBILITY_CATEGORIES,
      refusalGround: REFUSAL_GROUNDS,
      grantedStatus: GRANTED_STATUSES,
      fileStatus: FILE_STATUSES,
      fileStep: FILE_STEPS,
      'file.outcome': ['admitted', 'refused'],
      'unionAdmission.type': ADMISSION_TYPES,
    };
    for (const f of fields) if ('list' in f) lists[f.list] = [...(lists[f.list] ?? []), ...f.options];
    const missing: string[] = [];
    for (const [lang, c] of Object.entries(CATALOGUES))
      for (const [list, values] of Object.entries(lists))
        for (const v of values) if (!(`${list}.${v}` in c)) missing.push(`${lang}: ${list}.${v}`);
    expect(missing).toEqual([]);
  });
});
