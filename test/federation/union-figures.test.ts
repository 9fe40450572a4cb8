// issue 20: a member state's monthly figures for the Union (kind union.figures) and the Union's store of them.
// Built from a store with synthetic persons: the body holds the public outputs' figures (the same query, the
// same suppression and rounding as GET /api/public/aggregates), no field of a person and no value equal to a
// synthetic person's name or document; the Union stores one row per (state, month), a later message replaces
// the earlier, and a body with a person's field is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/domain/outgoing.ts';
import type { Envelope, FederationContext } from '../../src/federation/contract.ts';
import { messageKind } from '../../src/federation/kinds/index.ts';
import { UnionFiguresBody } from '../../src/federation/kinds/union.ts';
import {
  assertNoPersonalFields,
  assertNoPersonalFieldsToUnion,
  PersonalFieldError,
  personalFieldPaths,
} from '../../src/federation/personal-fields.ts';
import { HANDLERS } from '../../src/store/federation-handlers.ts';
import { listUnionFigures, RefusedUnionFigures } from '../../src/store/federation-union.ts';
import { buildUnionFigures, sendUnionFigures, sweepUnionFigures } from '../../src/store/union-figures.ts';
import { type Harness, startHarness } from '../api/harness.ts';
import { BACKENDS } from '../store/backends.ts';

const guard = { actor: 'guard', role: 'border-guard' };
/** Synthetic persons: no real person bears these names, documents or references. */
const SYNTHETIC = [
  { familyName: 'Zyxwoodtest', givenNames: 'Qorlanda', doc: 'ZQ9900011', eurodac: 'LT2-9900000011' },
  { familyName: 'Vexbarrowtest', givenNames: 'Ulmarine', doc: 'ZQ9900022', eurodac: 'LT2-9900000022' },
];

describe('union.figures: built from a store of synthetic persons, received by the Union', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(BACKENDS[0] as (typeof BACKENDS)[number]);
    h.clock.set('2026-12-09T08:00:00Z');
    const person = (nationality: string, i: number) => {
      const s = SYNTHETIC[i % SYNTHETIC.length] as (typeof SYNTHETIC)[number];
      return {
        nationality,
        identity: {
          familyName: `${s.familyName}${i}`,
          givenNames: s.givenNames,
          birthDate: { value: '1991-03-04', precision: 'full' },
          eurodacRef: `${s.eurodac}${i}`,
          documents: [{ type: 'passport', number: `${s.doc}${i}`, issuingCountry: nationality }],
        },
      };
    };
    const encounter = (ref: string, occurredAt: string, kind: string, persons: object[]) =>
      h.cases.recordEncounter(
        {
          ref,
          state: 'LT',
          placeId: undefined,
          occurredAt,
          kind,
          groupSize: persons.length,
          persons,
        } as never,
        guard,
        `union-${ref}`,
      );
    // November 2026 in Vilnius: 6 Iraqis and 2 Syrians apprehended, 1 Afghan refused entry
    await encounter(
      'U1',
      '2026-11-10T10:00:00Z',
      'apprehended-irregular-crossing',
      [0, 1, 2, 3, 4, 5].map((i) => person('IQ', i)),
    );
    await encounter(
      'U2',
      '2026-11-20T10:00:00Z',
      'apprehended-irregular-crossing',
      [6, 7].map((i) => person('SY', i)),
    );
    await encounter('U3', '2026-11-25T10:00:00Z', 'entry-prevented-refused', [person('AF', 8)]);
  }, 60_000);
  afterAll(async () => h?.close(), 60_000);

  let body: UnionFiguresBody;
  it('the body: the public outputs of the month, small cells null, the same figures as GET /api/public/aggregates', async () => {
    body = await buildUnionFigures(h.store, 'LT', '2026-11');
    expect(UnionFiguresBody.parse(body)).toEqual(body);
    const total = (m: string) => body.totals.find((t) => t.metric === m)?.value;
    // 3 encounters: 1–4 is suppressed
    expect(total('encounters')).toBeNull();
    // 9 persons, 8 apprehensions: published rounded to a multiple of 5, up or down
    expect([5, 10]).toContain(total('persons'));
    expect([5, 10]).toContain(total('apprehensions'));
    // by nationality: IQ 6 shown (rounded), SY 2 and AF 1 suppressed
    const nat = (g: string, m = 'persons') =>
      body.byNationality.find((r) => r.group === g && r.metric === m)?.value;
    expect([5, 10]).toContain(nat('IQ'));
    expect(nat('SY')).toBeNull();
    expect(nat('AF')).toBeNull();
    // by kind: the one refusal is suppressed
    expect(
      body.byKind.find((r) => r.group === 'entry-prevented-refused' && r.metric === 'persons')?.value,
    ).toBeNull();
    for (const [by, rows] of [
      ['none', body.totals],
      ['nationality', body.byNationality],
    ] as const) {
      const res = await h.inject({
        method: 'GET',
        url: `/api/public/aggregates?state=LT&from=2026-11-01&to=2026-11-30&granularity=month&by=${by}`,
      });
      expect(res.statusCode).toBe(200);
      const published = (
        res.json() as { rows: { group: string | null; metric: string; value: number | null }[] }
      ).rows;
      for (const r of rows) {
        const group = 'group' in r ? r.group : null;
        expect(
          published.find((p) => p.metric === r.metric && p.group === group)?.value,
          `${by} ${r.metric} ${group}`,
        ).toBe(r.value);
      }
    }
  });

  it('no field of a person and no value equal to a synthetic name, document or reference, in any body built', async () => {
    for (const month of ['2026-10', '2026-11', '2026-12']) {
      const b = await buildUnionFigures(h.store, 'LT', month);
      expect(personalFieldPaths(b)).toEqual([]);
      const text = JSON.stringify(b);
      for (const s of SYNTHETIC)
        for (const v of [s.familyName, s.givenNames, s.doc, s.eurodac, '1991-03-04'])
          expect(text).not.toContain(v);
    }
  });

  it('the guard finds a personal field at any depth, and the strict schema refuses one too', () => {
    expect(() => assertNoPersonalFields({ a: [{ b: { familyName: 'X' } }] })).toThrow(PersonalFieldError);
    // any kind to the Union is checked; between member states a person may travel (for its legal basis)
    expect(() =>
      assertNoPersonalFieldsToUnion([{ to: 'EU', body: { note: 'x', persons: [{ givenNames: 'Q' }] } }]),
    ).toThrow(PersonalFieldError);
    expect(() => assertNoPersonalFieldsToUnion([{ to: 'PL', body: { familyName: 'Q' } }])).not.toThrow();
    expect(personalFieldPaths({ totals: [{ caseId: 'c' }], x: { person_ref: 1, DateOfBirth: 2 } })).toEqual([
      'body.totals[0].caseId',
      'body.x.person_ref',
      'body.x.DateOfBirth',
    ]);
    expect(() => assertNoPersonalFields(body)).not.toThrow();
    expect(UnionFiguresBody.safeParse({ ...body, persons: [] }).success).toBe(false);
    expect(
      UnionFiguresBody.safeParse({
        ...body,
        byNationality: [{ metric: 'persons', group: 'Zyxwoodtest0', value: 5 }],
      }).success,
    ).toBe(false);
    expect(messageKind('union.figures')).toMatchObject({ personal: false, to: 'union' });
  });

  const handler = HANDLERS['union.figures']?.onReceive;
  const ctx = (self: string) =>
    ({ tx: h.store.db, self, now: h.clock.now() }) as unknown as FederationContext;
  const envelope = (b: object, from = 'LT'): Envelope => ({
    id: randomUUID(),
    from: from as Envelope['from'],
    to: 'EU',
    kind: 'union.figures',
    stream: 'union:2026-11',
    seq: 1,
    createdAt: '2026-12-09T08:00:00Z',
    body: b as Record<string, unknown>,
  });

  it('the Union stores the figures; a later message for the same month replaces the earlier', async () => {
    expect(handler).toBeDefined();
    await handler?.(envelope(body), new Date('2026-12-09T08:01:00Z'), ctx('EU'));
    const changed = {
      ...body,
      totals: body.totals.map((t) => (t.metric === 'decisions' ? { ...t, value: 20 } : t)),
    };
    if (!changed.totals.some((t) => t.metric === 'decisions'))
      changed.totals.push({ metric: 'decisions', value: 20 });
    await handler?.(envelope(changed), new Date('2026-12-09T09:00:00Z'), ctx('EU'));
    const stored = await listUnionFigures(h.store.db, '2026-11');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.receivedAt).toBe('2026-12-09T09:00:00.000Z');
    expect(stored[0]?.body.totals.find((t) => t.metric === 'decisions')?.value).toBe(20);
  });

  it('refuses a personal field, a state speaking for another, and figures sent to a member state', async () => {
    const personal = {
      ...body,
      totals: [...body.totals, { metric: 'persons', value: 5, familyName: 'Zyxwoodtest0' }],
    };
    await expect(handler?.(envelope(personal), new Date(), ctx('EU'))).rejects.toThrow(PersonalFieldError);
    await expect(handler?.(envelope(body, 'PL'), new Date(), ctx('EU'))).rejects.toThrow(RefusedUnionFigures);
    await expect(handler?.(envelope(body), new Date(), ctx('PL'))).rejects.toThrow(RefusedUnionFigures);
    const stored = await listUnionFigures(h.store.db, '2026-11');
    expect(JSON.stringify(stored)).not.toContain('Zyxwoodtest');
  });

  it('the monthly send: once per closed month, an administrator may send again; never from the Union', async () => {
    const sent: OutgoingMessage[] = [];
    const enqueue = async (_tx: unknown, m: readonly OutgoingMessage[]) => void sent.push(...m);
    const now = h.clock.now();
    expect(await sweepUnionFigures(h.store.db, enqueue, 'LT', now)).toBe(true);
    expect(await sweepUnionFigures(h.store.db, enqueue, 'LT', now)).toBe(false);
    expect(await sweepUnionFigures(h.store.db, enqueue, 'EU', now)).toBe(false);
    expect(await sweepUnionFigures(h.store.db, undefined, 'LT', now)).toBe(false);
    expect(sent.map((m) => [m.to, m.kind, m.stream])).toEqual([['EU', 'union.figures', 'union:2026-11']]);
    expect(
      await sendUnionFigures(h.store.db, enqueue, { state: 'LT', month: '2026-11', now, by: 'admin' }),
    ).toBe(false);
    expect(
      await sendUnionFigures(h.store.db, enqueue, {
        state: 'LT',
        month: '2026-11',
        now,
        by: 'admin',
        force: true,
      }),
    ).toBe(true);
    expect(sent).toHaveLength(2);
    for (const m of sent) expect(personalFieldPaths(m.body)).toEqual([]);
  });
});
