// The demonstration's years before the Pact (1 January 2020 – 11 June 2026) at the Lithuania–Belarus
// border: how many persons were apprehended and turned back on each day, split into groups, calibrated on
// the published figures (calibration.ts). Where a figure was not published the plan says what it assumes,
// and `ASSUMPTIONS` lists it for `pact demo` to print. Only the totals below are calibration points; how a
// month's total falls on its days is chance (seeded), shaped by a ramp where the reports describe one.
import { DateTime } from 'luxon';
import type { HistoricalEncounter } from '../../store/history.ts';
import type { Calibration } from './calibration.ts';
import { apportion, type Random } from './random.ts';

export const ZONE = 'Europe/Vilnius';

/** What the plan assumes where nothing was published (printed by `pact demo`). */
export const ASSUMPTIONS = [
  'January–February 2021: 33 detained, 17 and 16 — the 3,027 detained by 28 July minus March–June (628) and 1–27 July (2,366)',
  '1 August 2021: 150 detained, and 3–6 August 132, so that 6 August reaches the published 4,112 (the record 287 falls on 2 August, the day it was reported)',
  '7 August – 31 December 2021: the rest of the year\'s "almost 4.2 thousand" (88), most of it in August',
  'turned back 7 August – 31 December 2021: the 7,406 after the first 700 shared by month (Aug 2,400, Sep 1,200, Oct 1,300, Nov 1,900 — the November peak of the crisis — Dec 606)',
  'no apprehension figures were published for 2022 – 11 June 2026: none are recorded in those years',
  '2022, 2023: the yearly totals turned back spread evenly over the months; 2026 before the Pact: 16 by 16 February, then the same daily rate to 11 June',
  'persons turned back were not identified: their nationality is unknown; the apprehended of 2020–2021 have the nationalities of the 12 August 2021 breakdown',
];

interface Span {
  /** first and last day, both included (YYYY-MM-DD) */
  readonly from: string;
  readonly to: string;
  readonly persons: number;
  /** how the days' weights grow from the first to the last day (1 = flat) */
  readonly ramp?: number;
  /** at most this many persons on one day of the span (re-drawn otherwise) */
  readonly dayMax?: number;
}

const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = DateTime.fromISO(from); d <= DateTime.fromISO(to); d = d.plus({ days: 1 }))
    out.push(d.toISODate() ?? '');
  return out;
};

/** Persons per day of a span: its total exactly, spread with noise and an optional ramp. */
function spread(rng: Random, span: Span): Map<string, number> {
  const list = days(span.from, span.to);
  for (let attempt = 0; ; attempt++) {
    const weights = list.map(
      (_, i) => (1 + ((span.ramp ?? 1) - 1) * (i / Math.max(1, list.length - 1))) * (0.4 + rng.float()),
    );
    const parts = apportion(span.persons, weights);
    if (!span.dayMax || parts.every((p) => p <= (span.dayMax ?? 0)) || attempt > 50)
      return new Map(list.map((d, i) => [d, parts[i] ?? 0]));
  }
}

const monthSpan = (year: number, month: number, persons: number, extra: Partial<Span> = {}): Span => {
  const first = DateTime.fromObject({ year, month, day: 1 });
  return { from: first.toISODate() ?? '', to: first.endOf('month').toISODate() ?? '', persons, ...extra };
};

/** Daily persons apprehended (detained) after crossing irregularly, 2020–2021. */
export function apprehensionSpans(c: Calibration): Span[] {
  const m = (n: number) => c.detained2021ByMonth.get(n)?.value ?? 0;
  const julyRest = m(7) - c.detainedJuly1To27.value;
  const janFeb = 33;
  const aug1 = 150;
  const aug3to6 =
    c.detainedTo6Aug.value - (janFeb + m(3) + m(4) + m(5) + m(6) + m(7) + aug1 + c.record24h.value);
  const after = c.detained2021.value - c.detainedTo6Aug.value;
  const afterAug = Math.round(after * 0.57);
  const tail = after - afterAug;
  const [sep = 0, oct = 0, nov = 0, dec = 0] = apportion(tail, [15, 10, 8, 5]);
  return [
    { from: '2020-01-01', to: '2020-12-31', persons: c.detained2020.value },
    monthSpan(2021, 1, 17),
    monthSpan(2021, 2, 16),
    monthSpan(2021, 3, m(3)),
    monthSpan(2021, 4, m(4)),
    monthSpan(2021, 5, m(5), { ramp: 2 }),
    monthSpan(2021, 6, m(6), { ramp: 4 }),
    // 1–26 July rising to the then-record of 27 July (171), then the four last days of the month
    {
      from: '2021-07-01',
      to: '2021-07-26',
      persons: c.detainedJuly1To27.value - c.detainedJuly27.value,
      ramp: 5,
      dayMax: c.detainedJuly27.value - 1,
    },
    { from: '2021-07-27', to: '2021-07-27', persons: c.detainedJuly27.value },
    { from: '2021-07-28', to: '2021-07-31', persons: julyRest, dayMax: c.detainedJuly27.value - 1 },
    { from: '2021-08-01', to: '2021-08-01', persons: aug1 },
    { from: '2021-08-02', to: '2021-08-02', persons: c.record24h.value },
    { from: '2021-08-03', to: '2021-08-06', persons: aug3to6, ramp: 0.3 },
    { from: '2021-08-07', to: '2021-08-31', persons: afterAug, ramp: 0.2 },
    monthSpan(2021, 9, sep),
    monthSpan(2021, 10, oct),
    monthSpan(2021, 11, nov),
    monthSpan(2021, 12, dec),
  ];
}

/** Daily persons turned back (entry prevented), from 3 August 2021 to 11 June 2026. */
export function refusalSpans(c: Calibration): Span[] {
  const year = (y: number) => c.turnedBackByYear.get(y)?.value ?? 0;
  const first = c.turnedBackFirstDays.value;
  const [aug = 0, sep = 0, oct = 0, nov = 0, dec = 0] = apportion(
    c.turnedBack2021.value - first,
    [2400, 1200, 1300, 1900, 606],
  );
  const early2026 = c.turnedBack2026To16Feb.value;
  // 17 February – 11 June 2026 (115 days) at the daily rate of 1 January – 16 February (47 days)
  const rest2026 = Math.round((early2026 * 115) / 47);
  const monthsOf = (y: number, total: number): Span[] =>
    apportion(total, Array(12).fill(1)).map((n, i) => monthSpan(y, i + 1, n));
  return [
    { from: '2021-08-03', to: '2021-08-06', persons: first },
    { from: '2021-08-07', to: '2021-08-31', persons: aug, ramp: 0.6 },
    monthSpan(2021, 9, sep),
    monthSpan(2021, 10, oct),
    monthSpan(2021, 11, nov, { ramp: 1.5 }),
    monthSpan(2021, 12, dec, { ramp: 0.4 }),
    ...monthsOf(2022, year(2022)),
    ...monthsOf(2023, year(2023)),
    { from: '2024-01-01', to: '2024-06-30', persons: c.turnedBack2024H1.value },
    { from: '2024-07-01', to: '2024-12-31', persons: year(2024) - c.turnedBack2024H1.value },
    { from: '2025-01-01', to: '2025-08-27', persons: c.turnedBack2025To27Aug.value },
    {
      from: '2025-08-28',
      to: '2025-10-07',
      persons: c.turnedBack2025To7Oct.value - c.turnedBack2025To27Aug.value,
    },
    { from: '2025-10-08', to: '2025-12-31', persons: year(2025) - c.turnedBack2025To7Oct.value },
    { from: '2026-01-01', to: '2026-02-16', persons: early2026 },
    { from: '2026-02-17', to: '2026-06-11', persons: rest2026 },
  ];
}

export interface PlanOptions {
  readonly state: string;
  /** frontier stations where the groups are met */
  readonly stations: readonly string[];
  readonly uuid: () => string;
}

/** The pre-Pact encounters: each day's persons in groups, at a station, at a time of day. */
export function historyPlan(c: Calibration, rng: Random, o: PlanOptions): HistoricalEncounter[] {
  const mix = c.nationalities2021.map((n) => ({ item: n.code, weight: n.persons }));
  const out: HistoricalEncounter[] = [];
  const emit = (kind: HistoricalEncounter['kind'], spans: Span[], maxGroup: (perDay: number) => number) => {
    for (const span of spans) {
      for (const [day, persons] of spread(rng, span)) {
        // the day's midnight in Vilnius, once a day (luxon's zone arithmetic is the costly part of the plan);
        // a minute later is 60,000 ms later, as luxon's plus({ minutes }) counts it
        const midnight = DateTime.fromISO(day, { zone: ZONE }).toMillis();
        let left = persons;
        while (left > 0) {
          const size = Math.min(left, rng.int(1, Math.max(1, maxGroup(persons))));
          left -= size;
          const at = new Date(midnight + rng.int(0, 24 * 60 - 1) * 60_000);
          const nationalities: Record<string, number> = {};
          if (kind === 'apprehended-irregular-crossing') {
            // a group mostly of one nationality, sometimes with others travelling with it
            for (let k = 0; k < size; k++) {
              const code =
                k === 0 || rng.chance(0.3)
                  ? rng.weighted(mix)
                  : (Object.keys(nationalities)[0] ?? rng.weighted(mix));
              if (code) nationalities[code] = (nationalities[code] ?? 0) + 1;
            }
          }
          const n = out.length + 1;
          out.push({
            id: o.uuid(),
            state: o.state,
            ref: `${o.state}-H-${day.slice(0, 4)}-${String(n).padStart(6, '0')}`,
            placeId: rng.pick(o.stations),
            occurredAt: at.toISOString(),
            kind,
            groupSize: size,
            nationalities,
          });
        }
      }
    }
  };
  emit('apprehended-irregular-crossing', apprehensionSpans(c), (perDay) =>
    perDay > 100 ? 40 : perDay > 20 ? 15 : 6,
  );
  emit('entry-prevented-refused', refusalSpans(c), (perDay) => (perDay > 100 ? 30 : perDay > 20 ? 12 : 5));
  return out;
}
