// The retention sweep (issue #16, docs/retention.md): on the day a period of the law ends (Eurodac Regulation
// Art. 29: 5 years for persons apprehended crossing (29(6)) or disembarked (29(8)), 10 years for applicants
// (29(1)), counted from the transmission to Eurodac), who the person was is gone from every table — checked by
// SQL over every text and jsonb column of the schema — while the statistics count exactly as before and the
// audit still verifies. Erasing by hand, or altering what a sweep erased, breaks the verification (the
// attacks). Synthetic persons with names made up to be found: nobody real.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { aggregates, GROUPINGS } from '../../src/store/aggregates.ts';
import { addAttachment } from '../../src/store/attachments.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { firstTimeApplicants } from '../../src/store/eurostat.ts';
import { decisionOutcomes } from '../../src/store/outcomes.ts';
import { sweepRetention } from '../../src/store/retention.ts';
import { dailyStatistics } from '../../src/store/statistics.ts';
import { rolledUpAggregates } from '../../src/store/statistics-rollup.ts';
import { BACKENDS, testClock } from './backends.ts';

const actor = { actor: 'border-guard.lt', role: 'border-guard' as const };
const TZ = 'Europe/Vilnius';
/** Met 2026-12-08T02:10Z (04:10 in Vilnius). */
const MET = '2026-12-08T04:10:00+02:00';

/** The person of each case: made-up strings that occur nowhere else, to be searched for after the sweep. */
const person = (tag: string, wish = false) => ({
  nationality: 'IQ',
  sex: 'male',
  birthYear: 1990,
  ...(wish ? { asylumWish: { at: '2026-12-08T04:30:00+02:00', where: 'station', to: 'border guard' } } : {}),
  identity: {
    familyName: `Qx${tag}family`,
    givenNames: `Qx${tag}given`,
    aliases: [`Qx${tag}alias`],
    originalScript: { familyName: `Ωx${tag}orig` },
    birthDate: { value: '1990-03-04', precision: 'full' },
    placeOfBirth: `Qx${tag}place`,
    eurodacRef: `EDC-QX${tag}`,
    documents: [{ type: 'passport', number: `QXDOC${tag}`, issuingCountry: 'IQ', issuedOn: '2020-01-01' }],
  },
});

const encounter = (ref: string, kind: string, persons: object[]) =>
  ({
    ref,
    state: 'LT',
    occurredAt: MET,
    kind,
    groupSize: persons.length,
    persons,
  }) as unknown as RecordEncounter;

/** Every text, char, jsonb and array column of every table in the schema, with how many rows hold `needle`. */
async function holders(store: Store, needle: string): Promise<string[]> {
  const cols = await store.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character', 'character varying', 'jsonb', 'json', 'ARRAY')
      order by table_name, column_name`,
  );
  expect(cols.length).toBeGreaterThan(40);
  const found: string[] = [];
  for (const c of cols) {
    const [r] = await store.query<{ n: number }>(
      `select count(*)::int as n from "${c.table_name}" where "${c.column_name}"::text ilike $1`,
      [`%${needle}%`],
    );
    if ((r?.n ?? 0) > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

describe.each(BACKENDS)('the retention sweep on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-09T08:00:00Z');
  const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
  let attachmentA = '';

  /** Everything the statistics show for LT in 2026, as the API's queries compute it. */
  const statistics = async () => {
    const window = { state: 'LT', from: '2026-01-01', to: '2026-12-31', timeZone: TZ };
    return JSON.stringify({
      daily: await dailyStatistics(store.db, { ...window, now: clock.now() }),
      aggregates: await Promise.all(
        GROUPINGS.map((by) => aggregates(store.db, { ...window, granularity: 'month', by })),
      ),
      // the public figures' daily rollup, refreshed after the sweep too
      rolledUp: await Promise.all(
        GROUPINGS.map((by) => rolledUpAggregates(store.db, { ...window, granularity: 'day', by })),
      ),
      decisions: await decisionOutcomes(store.db, { ...window, granularity: 'month' }),
      eurostat: await firstTimeApplicants(store.db, {
        state: 'LT',
        from: '2026-12',
        to: '2026-12',
        timeZone: TZ,
      }),
      rows: await store.query(
        `select status, nationality, sex, birth_year, minor, unaccompanied, flags from cases order by id`,
      ),
    });
  };

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    // A: apprehended crossing, no wish (Art. 29(6)); B: in the same group, asked for asylum (Art. 29(1))
    const ab = await cs.recordEncounter(
      encounter('RET-1', 'apprehended-irregular-crossing', [person('AAA'), person('BBB', true)]),
      actor,
      'ret-0001',
    );
    [ids.A = '', ids.B = ''] = ab.result.caseIds;
    // C: disembarked after search and rescue (Art. 29(8)); D: refused entry, turned back (national setting)
    ids.C = (
      await cs.recordEncounter(
        encounter('RET-2', 'disembarkation-after-sar', [person('CCC')]),
        actor,
        'ret-0002',
      )
    ).result.caseIds[0] as string;
    ids.D = (
      await cs.recordEncounter(
        encounter('RET-3', 'entry-prevented-refused', [person('DDD')]),
        actor,
        'ret-0003',
      )
    ).result.caseIds[0] as string;
    // A's data reached Eurodac a day later: A's period runs from then (Art. 29(6): "from the date on which the
    // biometric data were transmitted")
    await cs.apply(ids.A, 1, { type: 'eurodac.transmitted', at: '2026-12-09T07:00:00Z' }, actor, 'ret-0004');
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    for (const [k, c] of [
      ['AAA', ids.A],
      ['CCC', ids.C],
    ] as const) {
      const a = await addAttachment(
        store.db,
        {
          id: randomUUID(),
          caseId: c,
          state: 'LT',
          kind: 'photo',
          fileName: `Qx${k}photo.png`,
          contentType: 'image/png',
          sha256: 'x',
          bytes: png,
          thumbnail: png,
        },
        actor,
        clock.now(),
      );
      if (k === 'AAA') attachmentA = a.id;
    }
    // two searches: one of 2026, one of 2031
    for (const [at, q] of [
      ['2026-12-09T08:00:00Z', 'QxSEARCHold'],
      ['2031-06-01T08:00:00Z', 'QxSEARCHnew'],
    ])
      await store.query(
        `insert into person_searches (id, at, actor, role, state, query, results, salt) values ($1, $2, 'case-officer.lt', 'case-officer', 'LT', $3, 1, $4)`,
        // the salt goes with the query: with it, the audit entry's hash of the row could be tried against names
        [randomUUID(), at, q, `${q}-salt`],
      );
  }, 60_000);
  afterAll(async () => store?.close());

  it('before the sweep the made-up strings are where the check looks (the check can fail)', async () => {
    for (const n of ['QxAAAfamily', 'QXDOCCCC', 'EDC-QXDDD', 'QxSEARCHold', 'QxSEARCHold-salt', 'QxCCCphoto'])
      expect(await holders(store, n), n).not.toEqual([]);
    // cases.data, the log's payload, the projection: the name is in all three
    expect(await holders(store, 'QxAAAgiven')).toEqual(
      expect.arrayContaining(['case_actions.payload', 'cases.data', 'person_identities.given_names']),
    );
  });

  it('the statistics compared count these persons (a comparison of empty figures would prove nothing)', async () => {
    const s = JSON.parse(await statistics());
    // four identified persons met on 8 December, one of whom asked for asylum
    expect(JSON.stringify(s.aggregates)).toMatch(/"value":4/);
    expect(s.rows).toHaveLength(4);
    expect(JSON.stringify(s.rolledUp)).not.toBe(JSON.stringify(GROUPINGS.map(() => [])));
  });

  it('one millisecond before 5 years from the encounter, nothing is due (dry run)', async () => {
    const r = await sweepRetention(store.db, LAW, {
      at: new Date('2031-12-08T02:09:59.999Z'),
      now: clock.now(),
      dryRun: true,
    });
    expect(r.kinds.find((k) => k.kind === 'identity')?.records).toEqual({
      cases: 0,
      caseActions: 0,
      personIdentities: 0,
      personDocuments: 0,
    });
  });

  it('at 5 years from the encounter, C (disembarked, Art. 29(8)) and D (refused, national setting) are erased; A and B are not', async () => {
    const before = await statistics();
    const dry = await sweepRetention(store.db, LAW, {
      at: new Date('2031-12-08T02:10:00Z'),
      now: clock.now(),
      dryRun: true,
    });
    // a dry run writes nothing
    expect(await holders(store, 'QxCCCfamily')).not.toEqual([]);
    clock.set('2031-12-08T03:00:00Z');
    const r = await sweepRetention(store.db, LAW, {
      at: new Date('2031-12-08T02:10:00Z'),
      now: clock.now(),
      actor: 'dpo',
    });
    expect(r.kinds).toEqual(dry.kinds);
    const identity = r.kinds.find((k) => k.kind === 'identity');
    // two cases, each with its projection row, one document and its first action (the encounter) rewritten
    expect(identity?.records).toEqual({ cases: 2, caseActions: 2, personIdentities: 2, personDocuments: 2 });
    expect(identity?.reasons).toEqual([
      {
        category: 'disembarked',
        count: 1,
        reason: expect.stringMatching(
          /^eurodac\.retention\.disembarked = 5 years \(Eurodac Regulation Art\. 29\(8\)/,
        ),
      },
      {
        category: 'refused-entry',
        count: 1,
        reason: expect.stringMatching(/national setting refusedEntry = 5 years/),
      },
    ]);
    expect(r.kinds.find((k) => k.kind === 'attachments')?.records).toEqual({ attachments: 1 });
    // the search of 2026-12-09 is 1 year old by 2027-12-09 (national setting): erased; the one of 2031 is not
    expect(r.kinds.find((k) => k.kind === 'searches')?.records).toEqual({ personSearches: 1 });
    for (const n of [
      'QxCCC',
      'QXDOCCCC',
      'EDC-QXCCC',
      'ΩxCCC',
      'QxDDD',
      'QXDOCDDD',
      'QxSEARCHold',
      'QxSEARCHold-salt',
    ])
      expect(await holders(store, n), n).toEqual([]);
    for (const n of ['QxAAAfamily', 'QxBBBfamily', 'QxSEARCHnew'])
      expect(await holders(store, n), n).not.toEqual([]);
    expect(await statistics()).toBe(before);
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toBeUndefined();
    // the audit says what, how many and why; not who
    const [entry] = await store.query<{ actor: string; data: Record<string, unknown> }>(
      `select actor, data from audit_log where action = 'retention.erased' and data->>'kind' = 'identity' order by seq desc limit 1`,
    );
    expect(entry?.actor).toBe('dpo');
    expect(entry?.data).toMatchObject({ kind: 'identity', records: identity?.records });
    // a second sweep at the same time finds nothing more
    const again = await sweepRetention(store.db, LAW, {
      at: new Date('2031-12-08T02:10:00Z'),
      now: clock.now(),
    });
    expect(again.kinds.map((k) => Object.values(k.records).reduce((a, b) => a + b, 0))).toEqual([0, 0, 0]);
  }, 60_000);

  it("A's 5 years run from its transmission to Eurodac: erased at 2031-12-09T07:00Z, not a second before", async () => {
    const early = await sweepRetention(store.db, LAW, {
      at: new Date('2031-12-09T06:59:59.999Z'),
      now: clock.now(),
      dryRun: true,
    });
    expect(early.kinds[0]?.records.cases).toBe(0);
    clock.set('2031-12-09T08:00:00Z');
    const r = await sweepRetention(store.db, LAW, { at: new Date('2031-12-09T07:00:00Z'), now: clock.now() });
    expect(r.kinds[0]?.reasons).toEqual([
      { category: 'irregular-crosser', count: 1, reason: expect.stringMatching(/Art\. 29\(6\)/) },
    ]);
    expect(await holders(store, 'QxAAA')).toEqual([]);
    // the photo's bytes, thumbnail and name are gone; its type, size and digest stay
    const [a] = await store.query<Record<string, unknown>>(
      `select file_name, content_type, bytes, thumbnail, erased_at from attachments where id = $1`,
      [attachmentA],
    );
    expect(a).toMatchObject({
      file_name: 'erased.png',
      content_type: 'image/png',
      bytes: null,
      thumbnail: null,
    });
    expect(a?.erased_at).not.toBeNull();
    expect(await holders(store, 'QxBBBfamily')).not.toEqual([]);
  }, 60_000);

  it('B, an applicant, is kept 10 years (Art. 29(1)); after them every made-up string is gone from every table', async () => {
    const before = await statistics();
    clock.set('2036-12-08T08:00:00Z');
    const nine = await sweepRetention(store.db, LAW, {
      at: new Date('2035-12-08T02:10:00Z'),
      now: clock.now(),
      dryRun: true,
    });
    expect(nine.kinds[0]?.records.cases).toBe(0);
    const r = await sweepRetention(store.db, LAW, { at: new Date('2036-12-08T02:10:00Z'), now: clock.now() });
    expect(r.kinds[0]?.reasons).toEqual([
      {
        category: 'applicant',
        count: 1,
        reason: expect.stringMatching(/eurodac\.retention\.applicants = 10 years .*Art\. 29\(1\)/),
      },
    ]);
    for (const n of ['Qx', 'Ωx', 'QXDOC', 'EDC-QX', '1990-03-04'])
      expect(await holders(store, n), n).toEqual([]);
    expect(await statistics()).toBe(before);
    expect(await store.query(`select count(*)::int as n from person_identities`)).toEqual([{ n: 0 }]);
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toBeUndefined();
  }, 60_000);

  describe('ATTACKS on the erasure', () => {
    const restore: { sql: string; params: unknown[] }[] = [];
    const row = async (where: string) =>
      (
        await store.query<{ case_id: string; seq: number; payload: unknown; erased_at: unknown }>(
          `select case_id, seq, payload, erased_at from case_actions where ${where} order by case_id, seq limit 1`,
        )
      )[0];
    const put = async (r: { case_id: string; seq: number }, payload: unknown, erasedAt: string | null) =>
      store.query(
        `update case_actions set payload = $3::jsonb, erased_at = $4 where case_id = $1 and seq = $2`,
        [r.case_id, r.seq, JSON.stringify(payload), erasedAt],
      );
    afterAll(async () => {
      for (const r of restore) await store.query(r.sql, r.params);
    });

    it('a log entry erased by hand (marked erased, no sweep covers it) fails the verification', async () => {
      const r = await row(`erased_at is null and type = 'eurodac.transmitted'`);
      if (!r) throw new Error('no row');
      await put(r, { ...(r.payload as object), at: 'changed' }, '2036-12-08T09:00:00Z');
      expect(await verifyRecords(store.db)).toMatchObject({
        reason: 'the case-log entry it records was altered',
      });
      await put(r, r.payload, null);
      expect(await verifyRecords(store.db)).toBeUndefined();
    });

    it("a log entry altered after a sweep erased it fails, naming the row's own audit entry (only the identity may have gone)", async () => {
      const r = await row(`erased_at is not null`);
      if (!r) throw new Error('no row');
      await put(
        r,
        { ...(r.payload as object), status: 'forged' },
        String(new Date(r.erased_at as string).toISOString()),
      );
      const bad = await verifyRecords(store.db);
      expect(bad?.reason).toBe('the case-log entry it records was altered');
      const [entry] = await store.query<{ seq: number }>(
        // issue 21: the entry listing the row (format 2), or the row's own entry (format 1)
        `select a.seq from audit_log a cross join lateral jsonb_array_elements(case when a.data @> '{"v": 2}' then a.data->'actions' else '[]' end) e(x)
          where e.x->>'caseId' = $1 and (e.x->>'seq')::int = $2
        union all select seq from audit_log where subject = $1 and data ? 'payloadSha256' and (data->>'seq')::int = $2`,
        [r.case_id, r.seq],
      );
      expect(bad?.seq).toBe(entry?.seq);
      await put(r, r.payload, new Date(r.erased_at as string).toISOString());
      expect(await verifyRecords(store.db)).toBeUndefined();
    });

    it('a log entry slipped into a sweep (altered and marked with its instant) fails', async () => {
      const erased = await row(`erased_at is not null`);
      const r = await row(`erased_at is null and type = 'eurodac.transmitted'`);
      if (!r || !erased) throw new Error('no row');
      await put(
        r,
        { ...(r.payload as object), at: 'changed' },
        new Date(erased.erased_at as string).toISOString(),
      );
      expect((await verifyRecords(store.db))?.reason).toBe('the case-log entry it records was altered');
      await put(r, r.payload, null);
      expect(await verifyRecords(store.db)).toBeUndefined();
    });

    it("a log entry with no identity marked with a sweep's instant, its salt nulled (it then fits its own entry), fails on the sweep's digest", async () => {
      const erased = await row(`erased_at is not null`);
      const r = await row(`erased_at is null and type = 'eurodac.transmitted'`);
      if (!r || !erased) throw new Error('no row');
      const [{ salt } = { salt: '' }] = await store.query<{ salt: string }>(
        `select salt from case_actions where case_id = $1 and seq = $2`,
        [r.case_id, r.seq],
      );
      expect(salt).toMatch(/^[0-9a-f]{32}$/);
      await store.query(
        `update case_actions set salt = null, erased_at = $3 where case_id = $1 and seq = $2`,
        [r.case_id, r.seq, new Date(erased.erased_at as string).toISOString()],
      );
      expect((await verifyRecords(store.db))?.reason).toMatch(/retention sweep erased were altered/);
      await store.query(
        `update case_actions set salt = $3, erased_at = null where case_id = $1 and seq = $2`,
        [r.case_id, r.seq, salt],
      );
      expect(await verifyRecords(store.db)).toBeUndefined();
    });
  });
});
