// The 2026 cycle as recorded (Council Implementing Decision (EU) 2025/2642, AMMR Art. 57(1)), pledges
// valued against fair shares (Art. 56(2): the measures are of equal value), transfers' deadlines
// (Art. 67(9)–(11)), balances (Art. 60) and the scenario simulator.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { computeFairShares } from '../../src/law/fair-shares.ts';
import { LAW } from '../../src/law/law.ts';
import { annualPool } from '../../src/law/pool.ts';
import { balances } from '../../src/solidarity/balances.ts';
import { solidarityCycle } from '../../src/solidarity/cycle.ts';
import { pledgeFromSplit, pledgeValue } from '../../src/solidarity/pledges.ts';
import { compareScenario } from '../../src/solidarity/simulate.ts';
import {
  confirmationDeadline,
  nextTransfer,
  type Transfer,
  transferDeadline,
} from '../../src/solidarity/transfers.ts';
import { loadReferenceData } from '../../src/store/reference-data.ts';

const TODAY = '2026-11-25';
const pool = annualPool(LAW, 2026, TODAY);
const cycle = solidarityCycle(
  LAW,
  2026,
  TODAY,
  computeFairShares(LAW, pool.dataDate, loadReferenceData(), pool),
);
const share = (s: string) => {
  const f = cycle.fairShares.find((x) => x.state === s);
  if (!f) throw new Error(`no share of ${s}`);
  return f;
};

describe('the 2026 cycle (AMMR Arts 11, 12, 57; Decisions 2025/2323 and 2025/2642)', () => {
  it("reproduces the Council's reference numbers: the 26 fair shares add up to 21,000 relocations and EUR 420,000,000", () => {
    expect(cycle.councilAct.relocations).toBe(21_000);
    expect(cycle.councilAct.eurCents).toBe(420_000_000_00);
    expect(cycle.fairShares).toHaveLength(26); // every state bound by the AMMR: all but Denmark
    expect(cycle.fairShares.reduce((n, s) => n + s.relocations, 0)).toBe(21_000);
    expect(cycle.fairShares.reduce((n, s) => n + s.eurCents, 0)).toBe(420_000_000_00);
    expect(cycle.warnings.some((w) => w.includes('add up'))).toBe(false);
  });

  it('records the benefitting states, the states that may request deductions and the classification', () => {
    expect([...cycle.benefitting].sort()).toEqual(['CY', 'ES', 'GR', 'IT']);
    expect([...cycle.deductionEligible].sort()).toEqual(['AT', 'BG', 'CZ', 'EE', 'HR', 'PL']);
    expect(cycle.classification.atRisk).toContain('LT');
    expect(cycle.proposal.relocations).toBe(30_000);
    expect(cycle.councilAct.adoptedOn).toBe('2025-12-19');
    expect(cycle.eurPerRelocation).toBe(20_000);
  });

  it('says that the Art. 57(2) search-and-rescue share is not recorded (the annex was not read)', () => {
    expect(cycle.councilAct.sarIndicativePercent).toBeUndefined();
    expect(cycle.warnings.join(' ')).toMatch(/search-and-rescue/);
  });
});

describe("Lithuania's half-and-half pledge", () => {
  it('half of its fair share in persons, rounded down, and every other person paid for at EUR 20,000', () => {
    const lt = share('LT');
    const p = pledgeFromSplit(lt, 2026, 50, cycle.eurPerRelocation);
    // 115 persons (test/cli/fair-shares.test.ts): 57.5 → 57 relocated, 58 paid for × EUR 20,000
    expect(lt.relocations).toBe(115);
    expect(p.relocations).toBe(57);
    expect(p.eurCents).toBe(58 * 20_000 * 100);
    // Art. 56(2): of equal value — the pledge covers the whole share, no shortfall
    const v = pledgeValue(p, lt, cycle.eurPerRelocation);
    expect(v.valueCents).toBe(115 * 20_000 * 100);
    expect(v.shortfallCents).toBe(0);
  });

  it('the prime minister\'s "no more than 40" and no money: a shortfall of 75 persons = EUR 1,500,000', () => {
    const lt = share('LT');
    const v = pledgeValue(
      { state: 'LT', year: 2026, relocations: 40, eurCents: 0, alternatives: [] },
      lt,
      20_000,
    );
    expect(v.shortfallPersons).toBe(115 - 40);
    expect(v.shortfallCents).toBe(75 * 20_000 * 100);
  });

  it('an alternative measure counts at its stated value (Art. 56(2)(c)): Latvia-style expertise worth EUR 500,000', () => {
    const lv = share('LV');
    const v = pledgeValue(
      {
        state: 'LV',
        year: 2026,
        relocations: 0,
        eurCents: 0,
        alternatives: [{ description: 'border-management experts', valueCents: 500_000_00 }],
      },
      lv,
      20_000,
    );
    expect(v.valueCents).toBe(500_000_00);
    expect(v.shortfallCents).toBe(lv.relocations * 20_000_00 - 500_000_00);
  });
});

describe('relocation transfers (AMMR Art. 67(9)–(11))', () => {
  // proposed on Wednesday 2 December 2026 at 10:00 in Paris
  const proposed = DateTime.fromISO('2026-12-02T10:00:00', { zone: 'Europe/Paris' });

  it('Art. 67(9): the state of relocation answers within 1 week — by the end of Wednesday 9 December, in its calendar', () => {
    const d = confirmationDeadline(LAW, 'FR', proposed);
    // Reg. 1182/71 Art. 3(2)(c): a period in weeks ends with the same weekday a week later, at its last hour
    expect(d.dueAt).toBe('2026-12-10T00:00:00.000+01:00');
    expect(d.article).toContain('67(9)');
  });

  it('Art. 67(9): exceptionally 2 weeks — by the end of Wednesday 16 December', () => {
    expect(confirmationDeadline(LAW, 'FR', proposed, true).dueAt).toBe('2026-12-17T00:00:00.000+01:00');
  });

  it('Art. 67(11): the transfer within 4 weeks of the confirmation, in the benefitting state’s calendar', () => {
    // confirmed Thursday 3 December 2026 in Rome → 4 weeks: Thursday 31 December, end of day
    const d = transferDeadline(LAW, 'IT', DateTime.fromISO('2026-12-03T09:00:00', { zone: 'Europe/Rome' }));
    expect(d.dueAt).toBe('2027-01-01T00:00:00.000+01:00');
  });

  it('silence counts as confirmation; a transferred person cannot be confirmed again', () => {
    const t: Transfer = {
      id: 't',
      candidateId: 'c',
      from: 'IT',
      to: 'FR',
      status: 'proposed',
      proposedAt: '2026-12-02T09:00:00Z',
      exceptional: false,
    };
    const silent = nextTransfer(t, 'silence', '2026-12-09T23:00:00Z');
    expect(silent).toMatchObject({ status: 'confirmed', confirmedBySilence: true });
    const done = nextTransfer(silent, 'transferred', '2026-12-20T10:00:00Z');
    expect(done.status).toBe('transferred');
    expect(() => nextTransfer(done, 'confirm', '2026-12-21T10:00:00Z')).toThrow(/cannot be confirm/);
    expect(() => nextTransfer(t, 'transferred', '2026-12-03T10:00:00Z')).toThrow(
      /proposed cannot be transferred/,
    );
  });
});

describe('balances (AMMR Art. 60) and the simulator', () => {
  const lt = share('LT');
  const ltPledge = pledgeFromSplit(lt, 2026, 50, 20_000);

  it('a state: pledged, after a granted deduction, implemented and outstanding', () => {
    const b = balances({
      cycle,
      pledges: [ltPledge],
      deductions: [],
      transferred: { LT: 20 },
      payments: [{ state: 'LT', kind: 'financial', eurCents: 500_000_00 }],
    });
    const s = b.states.find((x) => x.state === 'LT');
    // 57 to relocate, 20 transferred → 37 left; EUR 1,160,000 pledged, EUR 500,000 paid → EUR 660,000 left
    expect(s?.outstanding).toEqual({ relocations: 37, eurCents: 660_000_00, alternativesCents: 0 });
    expect(b.union.pledged.relocations).toBe(57);
    expect(b.union.reference).toEqual({ relocations: 21_000, eurCents: 420_000_000_00 });
  });

  it('a scenario changes only what it names: Lithuania relocating all of its share, the rest as adopted', () => {
    const r = compareScenario(
      LAW,
      TODAY,
      { cycle, pledges: [ltPledge], deductions: [] },
      { pledges: { LT: { relocatePercent: 100 } } },
      cycle.fairShares,
    );
    const row = r.rows.find((x) => x.state === 'LT');
    expect(row?.adopted.relocations).toBe(57);
    expect(row?.scenario.relocations).toBe(115);
    expect(row?.scenario.owesCents).toBe(0);
    // arrivals default to the reference number: 21,000 − 57 and 21,000 − 115 unrelocated
    expect(r.totals.adopted.unrelocated).toBe(21_000 - 57);
    expect(r.totals.scenario.unrelocated).toBe(21_000 - 115);
  });

  it('a granted deduction of 100 % relieves the state: it owes nothing and carries no offsets', () => {
    const r = compareScenario(
      LAW,
      TODAY,
      { cycle, pledges: [], deductions: [] },
      { deductions: { PL: 100 } },
      cycle.fairShares,
    );
    const pl = r.rows.find((x) => x.state === 'PL');
    expect(pl?.adopted.owesCents).toBe(share('PL').relocations * 20_000_00);
    expect(pl?.scenario.owesCents).toBe(0);
    expect(pl?.scenario.offsets).toBe(0);
  });
});
