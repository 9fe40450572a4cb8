// The case view (GET /api/cases/:id) as the case page reads it (issue #15): the next actions are exactly
// those the server accepts from the user's role on the case as it stands, with the values a field may take;
// a missed deadline names its obligation's article as its legal basis; an open obligation past due is
// overdue. Synthetic persons only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { encounterBody, type Harness, startHarness } from './harness.ts';

interface View {
  asOf: string;
  allowedActions: string[];
  allowedChoices: Record<string, Record<string, string[]>>;
  actions: { type: string; legalBasis: string; payload: Record<string, unknown> }[];
  obligations: { kind: string; dueAt: string; status: string; overdue: boolean; article: string }[];
  case: { version: number };
}

describe.each(BACKENDS)('the case view on $name', (backend) => {
  let h: Harness;
  // person 1 asked for asylum at the border (encounterBody), person 2 did not
  let withWish = '';
  let withoutWish = '';
  beforeAll(async () => {
    h = await startHarness(backend);
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'case-view-0001' },
      payload: encounterBody('LT', 'CASE-VIEW-1', 2),
    });
    expect(r.statusCode).toBe(201);
    [withWish = '', withoutWish = ''] = r.json().caseIds;
  }, 60_000);
  afterAll(async () => h?.close());

  const view = async (caseId: string, role: Parameters<Harness['account']>[0] = 'screening-officer') => {
    const r = await h.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: h.account(role, 'LT').headers,
    });
    expect(r.statusCode).toBe(200);
    return r.json() as View;
  };

  it('a case where the wish was expressed offers no second wish, and the server refuses one', async () => {
    const v = await view(withWish);
    expect(v.allowedActions).not.toContain('asylum-wish.expressed');
    expect(v.allowedActions).toEqual(expect.arrayContaining(['screening.completed', 'entry.refused']));
    // Screening Regulation Art. 18: with a wish, the screening refers to the asylum procedure or relocation
    expect(v.allowedChoices['screening.completed']).toEqual({ outcome: ['asylum', 'relocation'] });
    const second = await h.inject({
      method: 'POST',
      url: `/api/cases/${withWish}/actions`,
      headers: { ...h.account('screening-officer', 'LT').headers, 'idempotency-key': 'case-view-0002' },
      payload: {
        expectedVersion: v.case.version,
        command: { type: 'asylum-wish.expressed', at: '2026-12-09T09:00:00+02:00', where: 'x', to: 'y' },
      },
    });
    expect(second.statusCode).toBe(422);
  });

  it('a case without a wish offers one, and a screening outcome of return only', async () => {
    const v = await view(withoutWish);
    expect(v.allowedActions).toContain('asylum-wish.expressed');
    expect(v.allowedChoices['screening.completed']).toEqual({ outcome: ['return'] });
  });

  it("each role is offered only what it may do: a case officer none of the screening's steps", async () => {
    const officer = await view(withoutWish, 'case-officer');
    // in screening the table allows the screening's steps (a screening officer's or a guard's), detention
    // and absconding (docs/ACTIONS.md); a case officer holds case.detention and case.return, not case.screening
    expect(officer.allowedActions).toEqual([
      'detention.ordered',
      'vulnerability.assessed',
      'family.recorded',
      // an adult: no representative (APR Art. 23(2); src/domain/guarantees/minors.ts)
      'age.assessed',
      'person.absconded',
    ]);
    expect((await view(withoutWish, 'monitor')).allowedActions).toEqual([]);
  });

  it("past the screening deadline: the missed deadline's legal basis is its article, and the open obligation is overdue", async () => {
    // apprehended Tuesday 8 Dec 2026 + 7 days: due by Tuesday 15 December, 24:00 (Screening Regulation Art. 8(3))
    const before = await view(withoutWish);
    const screening = before.obligations.find((o) => o.kind === 'screening');
    expect(Date.parse(screening?.dueAt ?? '')).toBe(Date.parse('2026-12-16T00:00:00+02:00'));
    expect(screening).toMatchObject({ status: 'open', overdue: false });
    h.clock.set('2026-12-17T10:00:00Z');
    expect(await h.cases.sweepOverdue()).toBeGreaterThanOrEqual(1);
    const v = await view(withoutWish);
    expect(v.asOf).toBe('2026-12-17T10:00:00.000Z');
    expect(v.obligations.find((o) => o.kind === 'screening')).toMatchObject({
      status: 'open',
      overdue: true,
    });
    const missed = v.actions.find((a) => a.type === 'obligation.missed' && a.payload.kind === 'screening');
    expect(missed).toMatchObject({
      legalBasis: 'Screening Regulation Art. 8(3)',
      payload: { kind: 'screening', article: 'Screening Regulation Art. 8(3)' },
    });
  });

  it('a missed deadline logged before the article was recorded as its legal basis reads the article too', async () => {
    await h.store.query(
      `update case_actions set legal_basis = 'the deadline of the open obligation passed (its article is in the payload)'
       where case_id = $1 and type = 'obligation.missed'`,
      [withoutWish],
    );
    const missed = (await view(withoutWish)).actions.filter((a) => a.type === 'obligation.missed');
    // the Eurodac transmission (72 hours, Eurodac Art. 22(2)) and the screening (Art. 8(3)) were missed
    expect(missed.map((a) => a.legalBasis).sort()).toEqual([
      'Eurodac Regulation Art. 22(2)',
      'Screening Regulation Art. 8(3)',
    ]);
  });
});
