// The shares of the monitoring report (issue #15): a share of deadlines is over the cases whose outcome is
// known, the pending ones (deadline not passed) a figure of their own; and, for publication, the families of
// figures that add up to a total (the known ones a part of all, and a sum of parts) hide a second cell with a
// hidden one in each of them. Pure: the report from indicators written here, every value counted by hand.
import { describe, expect, it } from 'vitest';
import { reportFigures } from '../../src/api/monitoring-report.ts';
import { reportHtml } from '../../src/api/monitoring-report-html.ts';
import type { MonitoringIndicators } from '../../src/store/monitoring.ts';
import { NO_GUARANTEE_INDICATORS, NO_RETURN_INDICATORS } from '../../src/store/monitoring-indicators.ts';

type Kind = MonitoringIndicators['deadlines']['byKind'][number];

/** Indicators with the registration's figures and one obligation kind's, the rest empty. */
function indicators(
  reg: { within: number; late: number; overdue: number; pending: number },
  kind?: Omit<Kind, 'known' | 'share'>,
): MonitoringIndicators {
  // what the store computes (src/store/monitoring.ts), written out: the known outcomes, and the share of them
  const known = reg.within + reg.late + reg.overdue;
  const kindKnown = kind ? kind.met + kind.missed + kind.openOverdue : 0;
  return {
    state: 'LT',
    from: '2026-11-01',
    to: '2026-11-30',
    timeZone: 'Europe/Vilnius',
    asOf: '2026-11-20T10:00:00.000Z',
    registrationWithinDeadline: {
      legalBasis: 'APR Art. 27(1)',
      asylumWishes: known + reg.pending,
      withinDeadline: reg.within,
      late: reg.late,
      notRegisteredOverdue: reg.overdue,
      notRegisteredNotYetDue: reg.pending,
      known,
      share: known > 0 ? reg.within / known : null,
    },
    refusalsAfterWish: { legalBasis: 'SBC Art. 14', refused: 0, afterWish: 0, laterRegistered: 0 },
    deadlines: {
      legalBasis: 'the obligations',
      byKind: kind ? [{ ...kind, known: kindKnown, share: kindKnown > 0 ? kind.met / kindKnown : null }] : [],
    },
    detentionsIrregularEntryOnly: {
      legalBasis: 'C-72/22',
      detentions: 0,
      irregularEntryOnly: 0,
      share: null,
    },
    useOfForce: { legalBasis: 'Art. 10', encounters: 0, withForce: 0, persons: 0, byKind: [] },
    ...NO_GUARANTEE_INDICATORS,
    ...NO_RETURN_INDICATORS,
  };
}

const KEY = Buffer.alloc(32, 7);

const figure = (figures: ReturnType<typeof reportFigures>, measure: string) =>
  figures.find((f) => f.measure === measure);

describe('the shares of the monitoring report', () => {
  it('3 registered in time, 1 late, 4 pending: 75 % of the 4 known, the 4 pending apart (not 3 / 8)', () => {
    const m = indicators({ within: 3, late: 1, overdue: 0, pending: 4 });
    const f = reportFigures(m, { public: false });
    expect(figure(f, 'asylumWishes')?.value).toBe(8);
    expect(figure(f, 'known')?.value).toBe(4);
    expect(figure(f, 'withinDeadline')).toMatchObject({ value: 3, share: 0.75 });
    expect(figure(f, 'notRegisteredNotYetDue')).toMatchObject({ value: 4, share: null });
    const html = reportHtml(m, { public: false, generatedAt: new Date('2026-11-20T10:00:00Z') });
    expect(html).toContain(
      '<th scope="row">Registered within the deadline</th><td class="num">3</td><td class="num">75.0 %</td>',
    );
    expect(html).not.toContain('37.5 %');
  });

  it('nothing known yet (every wish pending): no share, rather than 0 %', () => {
    const f = reportFigures(indicators({ within: 0, late: 0, overdue: 0, pending: 6 }), { public: false });
    expect(figure(f, 'withinDeadline')).toMatchObject({ value: 0, share: null });
  });

  it('an obligation kind: met over met + missed + overdue; pending and cancelled apart', () => {
    // 6 met, 1 missed, 1 open overdue = 8 known, 6 / 8 = 0.75; 5 pending and 2 cancelled in no share
    const m = indicators(
      { within: 0, late: 0, overdue: 0, pending: 0 },
      { kind: 'lodging', met: 6, missed: 1, openOverdue: 1, openNotYetDue: 5, cancelled: 2 },
    );
    const f = reportFigures(m, { public: false }).filter((x) => x.indicator === 'deadlines');
    expect(f.map((x) => [x.measure, x.value, x.share])).toEqual([
      ['byKind.known', 8, null],
      ['byKind.met', 6, 0.75],
      ['byKind.missed', 1, null],
      ['byKind.openOverdue', 1, null],
      ['byKind.openNotYetDue', 5, null],
      ['byKind.cancelled', 2, null],
    ]);
  });

  it('for publication: a share is the published in-time count over the published known ones', () => {
    // 30 in time, 10 late, 5 overdue (45 known), 20 pending: every count a multiple of 5, so kept as it is
    const f = reportFigures(indicators({ within: 30, late: 10, overdue: 5, pending: 20 }), {
      public: true,
      key: KEY,
    });
    expect(f.every((x) => !x.suppressed)).toBe(true);
    expect(figure(f, 'known')?.value).toBe(45);
    expect(figure(f, 'withinDeadline')).toMatchObject({ value: 30, share: 30 / 45 });
  });

  it('for publication: one hidden cell in any family hides a second, until no family has a lone one', () => {
    // one kind: 20 met, 2 missed, 10 overdue (32 known), 6 pending, 0 cancelled. The 2 missed is small: hidden.
    // The five states (all): one hidden → the smallest shown non-zero, the 6 pending. Met, missed, overdue
    // (sum: the known): one hidden → the 10 overdue. Known, pending, cancelled (sum: all): the 6 pending now
    // hidden alone → the known (32). Met (20) and cancelled (0) stay shown; the share goes with its whole.
    const m = indicators(
      { within: 0, late: 0, overdue: 0, pending: 0 },
      { kind: 'eurodac', met: 20, missed: 2, openOverdue: 10, openNotYetDue: 6, cancelled: 0 },
    );
    const f = reportFigures(m, { public: true, key: KEY }).filter((x) => x.indicator === 'deadlines');
    expect(f.filter((x) => x.suppressed).map((x) => x.measure)).toEqual([
      'byKind.known',
      'byKind.missed',
      'byKind.openOverdue',
      'byKind.openNotYetDue',
    ]);
    expect(f.find((x) => x.measure === 'byKind.met')).toMatchObject({ value: 20, share: null });
    expect(f.find((x) => x.measure === 'byKind.cancelled')).toMatchObject({ value: 0, suppressed: false });
  });
});
