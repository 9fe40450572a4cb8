// Person search (src/store/person-search.ts, issue #16) on both backends: a person recorded as "Mohammed
// Al-Hassan" is found by other transliterations, another order of the names and a typo; by document number,
// Eurodac reference, date of birth of each precision and a case id's prefix; never in another state; and
// each search leaves a row with the query and an audit entry with its hash, not the query. Synthetic persons.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit } from '../../src/store/audit.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { recordSearch, searchPersons, searchRowHash } from '../../src/store/person-search.ts';
import { BACKENDS } from './backends.ts';

const actor = { actor: 'guard.lt', role: 'border-guard' as const };

type Identity = Record<string, unknown>;

describe.each(BACKENDS)('person search on $name', (backend) => {
  let store: Store;
  let cases: CaseStore;
  const ids = new Map<string, string>();
  let n = 0;
  async function person(label: string, state: string, identity: Identity, nationality = 'IQ') {
    n += 1;
    const { result } = await cases.recordEncounter(
      RecordEncounter.parse({
        ref: `S-${n}`,
        state,
        occurredAt: '2026-12-08T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [{ nationality, sex: 'male', identity }],
      }),
      actor,
      `search-${n}`,
    );
    ids.set(label, result.caseIds[0] as string);
  }
  // null: every state (as the CLI without --state)
  const search = (query: string, state: string | null = 'LT', limit = 20) =>
    searchPersons(store.db, { query, state: state ?? undefined, limit });
  const found = async (query: string, state: string | null = 'LT') =>
    (await search(query, state)).results.map((r) => r.caseId);

  beforeAll(async () => {
    store = await backend.open();
    cases = new CaseStore(store, {
      law: LAW,
      clock: () => new Date('2026-12-08T06:00:00Z'),
      uuid: randomUUID,
    });
    await person('hassan', 'LT', {
      familyName: 'Al-Hassan',
      givenNames: 'Mohammed',
      birthDate: { value: '1990-03-15', precision: 'full' },
      eurodacRef: 'LT-2026-000123',
      documents: [{ type: 'passport', number: 'A 1234-567', issuingCountry: 'IQ' }],
    });
    await person('karimi', 'LT', {
      familyName: 'Karimi',
      givenNames: 'Mohammed',
      birthDate: { value: '1990', precision: 'year' },
    });
    await person('hussein', 'LT', {
      familyName: 'Hussein',
      givenNames: 'Ali',
      birthDate: { value: '1988', precision: 'about' },
    });
    await person(
      'nowak',
      'LT',
      { familyName: 'Nowak', givenNames: 'Zoë', birthDate: { value: '1990-03', precision: 'year-month' } },
      'BY',
    );
    // the same name in another state: never found from LT
    await person('hassan-pl', 'PL', {
      familyName: 'Al-Hassan',
      givenNames: 'Mohammed',
      birthDate: { value: '1990-03-15', precision: 'full' },
      eurodacRef: 'PL-2026-000999',
      documents: [{ type: 'passport', number: 'A1234567', issuingCountry: 'IQ' }],
    });
  }, 60_000);
  afterAll(() => store?.close());

  it.each([
    ['Mohammed Al-Hassan', 'as recorded'],
    ['Muhammad Alhasan', 'another transliteration, the article joined'],
    ['al hassan mohamed', 'the names in another order, lower case, the article apart'],
    ['Mohamed Al-Hasssan', 'a typo'],
    ['MOHAMMAD AL HASAN', 'capitals, yet another spelling'],
  ])('finds "Mohammed Al-Hassan" by "%s" (%s), first', async (query) => {
    const r = await search(query);
    expect(r.results[0]?.caseId).toBe(ids.get('hassan'));
    expect(r.results[0]?.matches.some((m) => m.field === 'name')).toBe(true);
    expect(r.results.map((x) => x.caseId)).not.toContain(ids.get('hassan-pl'));
  });

  it('says why a name matched: each word asked for, the word it met, and how', async () => {
    const [hit] = (await search('Muhammad Alhasan')).results;
    const name = hit?.matches.find((m) => m.field === 'name');
    expect(name?.terms).toEqual([
      { asked: 'alhasan', found: 'alhassan', how: 'sound' },
      { asked: 'muhammad', found: 'mohammed', how: 'sound' },
    ]);
    // two words, each worth NAME_SOUND (0.9): their average
    expect(name?.score).toBe(0.9);
  });

  it('does not offer a person who shares only one of two names', async () => {
    expect(await found('Mohammed Al-Hassan')).not.toContain(ids.get('karimi'));
    // one name asked for: every person who has it, the exact spelling first
    expect(await found('Mohammed')).toEqual(expect.arrayContaining([ids.get('hassan'), ids.get('karimi')]));
  });

  it('folds diacritics: Zoe finds Zoë', async () => {
    expect(await found('zoe nowak')).toEqual([ids.get('nowak')]);
  });

  it('finds by document number however it is typed, and by Eurodac reference', async () => {
    const r = await search('a1234567');
    expect(r.results.map((x) => x.caseId)).toEqual([ids.get('hassan')]);
    expect(r.results[0]?.matches).toEqual([
      { field: 'document', how: 'exact', score: 1, document: { type: 'passport', issuingCountry: 'IQ' } },
    ]);
    expect(await found('lt2026000123')).toEqual([ids.get('hassan')]);
    expect(await found('PL-2026-000999')).toEqual([]); // another state's reference
    expect(await found('PL-2026-000999', 'PL')).toEqual([ids.get('hassan-pl')]);
  });

  it('finds by date of birth with its precision', async () => {
    // a day: the person recorded with that day, exactly; the month and the year recorded only overlap it, and
    // so does the estimate "about 1988" (widened by ABOUT_YEARS = 2 years: 1986–1990)
    const day = (await search('1990-03-15')).results;
    expect(day[0]).toMatchObject({
      caseId: ids.get('hassan'),
      matches: [{ field: 'birthDate', how: 'exact', score: 1 }],
    });
    expect(day.slice(1).map((r) => r.matches[0]?.how)).toEqual(['overlaps', 'overlaps', 'overlaps']);
    expect(new Set(day.slice(1).map((r) => r.caseId))).toEqual(
      new Set([ids.get('nowak'), ids.get('karimi'), ids.get('hussein')]),
    );
    expect(await found('15.03.1990')).toEqual(day.map((r) => r.caseId));
    // a year: the year recorded exactly, the month and the day within it; "about 1988" (1986–1990 recorded as
    // an estimate, widened by ABOUT_YEARS = 2 years) overlaps 1990
    const year = (await search('1990')).results;
    expect(year[0]).toMatchObject({ caseId: ids.get('karimi'), matches: [{ how: 'exact', score: 1 }] });
    expect(year.map((r) => r.caseId).sort()).toEqual(
      [ids.get('hassan'), ids.get('karimi'), ids.get('nowak'), ids.get('hussein')].sort(),
    );
    // 1993 is more than 2 years from the estimate 1988 … and from 1990, 1990-03 and 1990-03-15
    expect(await found('1993')).toEqual([]);
    // about 1992: 1990–1994; an estimate of 1988 (1986–1990) still meets it
    expect((await found('about 1992')).sort()).toEqual(
      [ids.get('hassan'), ids.get('karimi'), ids.get('nowak'), ids.get('hussein')].sort(),
    );
    expect(await found('about 1996')).toEqual([]);
  });

  it('narrows a name by the date of birth given with it', async () => {
    expect(await found('Mohammed 1990-03-15')).toEqual([ids.get('hassan'), ids.get('karimi')]);
    expect(await found('Mohammed 1991')).toEqual([]);
  });

  it('finds a case from the first 8 characters of its id, and only in the state', async () => {
    const id = ids.get('hassan') as string;
    expect(await found(id.slice(0, 8))).toEqual([id]);
    expect(await found(id)).toEqual([id]);
    expect(await found(id.slice(0, 13).toUpperCase())).toEqual([id]);
    expect(await found(id.slice(0, 8), 'PL')).toEqual([]);
    const pl = ids.get('hassan-pl') as string;
    expect(await found(pl.slice(0, 8))).toEqual([]);
  });

  it('searches every state when none is given (the CLI), and no other state when one is', async () => {
    expect((await found('Mohammed Al-Hassan', null)).sort()).toEqual(
      [ids.get('hassan'), ids.get('hassan-pl')].sort(),
    );
    expect(await found('Mohammed Al-Hassan', 'PL')).toEqual([ids.get('hassan-pl')]);
  });

  it('limits the answer and says there is more', async () => {
    const r = await search('Mohammed', 'LT', 1);
    expect(r.results).toHaveLength(1);
    expect(r.more).toBe(true);
  });

  it('records a search: the query in its row, its hash (never the query) in the audit chain', async () => {
    const at = new Date('2026-12-08T07:00:00Z');
    const id = await recordSearch(store.db, {
      at,
      actor: 'officer.lt',
      role: 'case-officer',
      state: 'LT',
      query: 'Muhammad Alhasan',
      results: 1,
    });
    const [row] = await store.query<Record<string, unknown>>(`select * from person_searches where id = $1`, [
      id,
    ]);
    expect(row).toMatchObject({
      actor: 'officer.lt',
      role: 'case-officer',
      state: 'LT',
      query: 'Muhammad Alhasan',
      results: 1,
    });
    const [entry] = await store.query<{
      action: string;
      actor: string;
      subject: string;
      data: Record<string, unknown>;
    }>(
      `select action, actor, subject, data from audit_log where action = 'person.searched' order by seq desc limit 1`,
    );
    expect(entry).toMatchObject({ action: 'person.searched', actor: 'officer.lt', subject: id });
    expect(entry?.data).toEqual({
      role: 'case-officer',
      state: 'LT',
      results: 1,
      rowSha256: searchRowHash({
        id,
        at,
        actor: 'officer.lt',
        role: 'case-officer',
        state: 'LT',
        query: 'Muhammad Alhasan',
        results: 1,
        salt: String(row?.salt),
      }),
    });
    expect(JSON.stringify(entry)).not.toMatch(/muhammad|alhasan/i);
    expect((await verifyAudit(store.db)).ok).toBe(true);
  });
});
