// National emergency measures through the API (issue 17): a supervisor of Poland records an activation of the
// restriction of the Act of 21 February 2025 (Dz.U. 2025 poz. 389) — synthetic dates and act, in the Pact's
// time; border guards refuse entry under it; Pact refuses the refusal of an unaccompanied minor and one outside
// the period; the monitoring mechanism counts the refusal under the measure and the asylum wish it met.
// Synthetic persons only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const PL = 'pl-application-restriction-2025';
const wish = (at: string) => ({ at, where: 'border', to: 'border guard' });

describe.each(BACKENDS)('national emergency measures on $name', (backend) => {
  let h: Harness;
  let n = 0;
  const encounter = async (person: object, occurredAt: string) => {
    h.clock.set(occurredAt);
    const r = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'PL').headers, 'idempotency-key': `nm-enc-${++n}` },
      payload: {
        ref: `NM-${n}`,
        state: 'PL',
        occurredAt,
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [{ nationality: 'IQ', ...person }],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { caseIds: string[] }).caseIds[0] as string;
  };
  const refuse = async (caseId: string, at: string, more: object = {}) => {
    h.clock.set(at);
    return h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: { ...h.account('border-guard', 'PL').headers, 'idempotency-key': `nm-ref-${++n}` },
      payload: { expectedVersion: 1, command: { type: 'entry.refused', at, measure: PL, ...more } },
    });
  };
  const activate = (body: object, who = h.account('supervisor', 'PL')) =>
    h.inject({
      method: 'POST',
      url: '/api/national-measures',
      headers: { ...who.headers, 'idempotency-key': `nm-act-${++n}` },
      payload: body,
    });

  beforeAll(async () => {
    h = await startHarness(backend);
    h.clock.set('2026-11-19T12:00:00+01:00');
  }, 120_000);
  afterAll(() => h?.close());

  it('Art. 33a (reported): a supervisor of Poland records a 60-day activation; 61 days are refused; a border guard may not record one', async () => {
    // 20 Nov 2026 – 18 Jan 2027: 11 + 31 + 18 = 60 days
    const body = {
      measure: PL,
      area: 'PL-BY',
      startsOn: '2026-11-20',
      endsOn: '2027-01-18',
      act: 'Dz.U. 2026 poz. 9999 (synthetic)',
    };
    const ok = await activate(body);
    expect(ok.statusCode, ok.body).toBe(201);
    const long = await activate({ ...body, endsOn: '2027-01-19' });
    expect(long.statusCode).toBe(422);
    expect(long.json().errors[0]).toMatchObject({
      code: 'national-measure-period-too-long',
      params: { maximumDays: 60, days: 61 },
    });
    expect((await activate(body, h.account('border-guard', 'PL'))).statusCode).toBe(403);
    const lt = await activate(
      { ...body, measure: 'pl-application-restriction-2025' },
      h.account('administrator', 'LT'),
    );
    expect(lt.statusCode).toBe(422);
    const list = await h.inject({
      method: 'GET',
      url: '/api/national-measures',
      headers: h.account('monitor', 'PL').headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().activations).toHaveLength(1);
    expect(list.json().measures.map((m: { id: string }) => m.id)).toContain(PL);
  });

  it('Art. 33b (reported): the refusal under the measure of an unaccompanied minor is refused (422), naming the exception and the act', async () => {
    const c = await encounter(
      { minor: true, unaccompanied: true, birthYear: 2011, sex: 'male' },
      '2026-12-07T04:10:00+01:00',
    );
    const r = await refuse(c, '2026-12-07T05:00:00+01:00');
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0]).toMatchObject({
      field: 'body/command/measure',
      code: 'national-measure-excepted-person',
      params: { measure: PL, act: 'PL-ACT-2025-389', group: 'unaccompanied-minor' },
    });
  });

  it('Art. 33a (reported): an adult man with no claim who asked for asylum, refused inside the period — accepted', async () => {
    const c = await encounter(
      { sex: 'male', birthYear: 1990, asylumWish: wish('2026-12-08T04:15:00+01:00') },
      '2026-12-08T04:10:00+01:00',
    );
    const r = await refuse(c, '2026-12-08T05:00:00+01:00');
    expect(r.statusCode, r.body).toBe(201);
    // the case page lists the guarantee with the measure's act: its exceptions were checked
    const view = await h.inject({
      method: 'GET',
      url: `/api/cases/${c}`,
      headers: h.account('border-guard', 'PL').headers,
    });
    expect(view.statusCode).toBe(200);
    expect(view.json().guarantees).toContainEqual(
      expect.objectContaining({
        key: 'national-measure-exceptions-checked',
        status: 'done',
        article: expect.stringContaining('Dz.U. 2025 poz. 389'),
      }),
    );
  });

  it('Art. 33a (reported): a refusal on 19 January 2027, the day after the activation’s last day, is refused', async () => {
    const c = await encounter({ sex: 'male', birthYear: 1990 }, '2027-01-19T00:00:00+01:00');
    const r = await refuse(c, '2027-01-19T00:30:00+01:00');
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0]).toMatchObject({
      code: 'national-measure-not-active',
      params: { day: '2027-01-19' },
    });
  });

  it('the monitoring mechanism counts one refusal under the measure and one asylum wish met by it (December 2026)', async () => {
    h.clock.set('2027-02-01T12:00:00+01:00');
    const r = await h.inject({
      method: 'GET',
      url: '/api/monitoring/indicators?from=2026-11-01&to=2027-01-31',
      headers: h.account('monitor', 'PL').headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().nationalMeasures).toMatchObject({
      refusals: 1,
      asylumWishesMet: 1,
      byMeasureMonth: [{ measure: PL, month: '2026-12', refusals: 1, asylumWishesMet: 1 }],
    });
    // the report carries them too, for publication with small counts hidden (1 is below 5)
    const report = await h.inject({
      method: 'GET',
      url: '/api/monitoring/report?from=2026-11-01&to=2027-01-31&format=csv&public=true',
      headers: h.account('monitor', 'PL').headers,
    });
    expect(report.statusCode).toBe(200);
    const line = report.body
      .split('\n')
      .find((l) => l.includes('nationalMeasures') && l.includes(',refusals,'));
    expect(line).toBeDefined();
    expect(line).toContain('true'); // suppressed
  });
});
