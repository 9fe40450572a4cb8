// Benchmark of the relocation matching (AMMR Art. 67, src/solidarity/matching.ts). Prints figures; not a test.
//
//   npx tsx bench/matching.ts [--candidates 10000] [--runs 5] [--seed 2026]
//
// Synthetic, deterministic data (a seeded pseudo-random generator): --candidates persons, about 30 % of them
// in families of 2–5, 2 % with a security hit, 10 % beneficiaries; one offer per participating state (26),
// capacities summing to about 60 % of the candidates, criteria varied. The matching runs --runs times; the
// baseline, in the same run, assigns the candidates in input order to the offers ignoring every criterion.
import { parseArgs } from 'node:util';
import { MEMBER_STATE_CODES, type MemberStateCode } from '../law/member-states.ts';
import { matchCandidates } from '../src/solidarity/matching.ts';
import type { Candidate, RelocationCriteria, RelocationOffer } from '../src/solidarity/types.ts';

const { values: args } = parseArgs({
  options: {
    candidates: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '2026' },
  },
});
const N = Number(args.candidates);
const RUNS = Number(args.runs);

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = generator(Number(args.seed));
const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const chance = (p: number) => rnd() < p;

const ACT = '2025-12-08';
const NATIONALITIES = ['SY', 'AF', 'IQ', 'ER', 'SO', 'TR', 'PK', 'BD', 'NG', 'RU'] as const;
const LANGUAGES: Record<string, readonly string[]> = {
  SY: ['ar'],
  AF: ['fa', 'ps'],
  IQ: ['ar', 'ku'],
  ER: ['ti', 'ar'],
  SO: ['so'],
  TR: ['tr', 'ku'],
  PK: ['ur'],
  BD: ['bn'],
  NG: ['en'],
  RU: ['ru'],
};
const VULNERABILITIES = ['pregnant', 'torture-survivor', 'disability', 'serious-illness'] as const;
const BENEFITTING: MemberStateCode[] = ['IT', 'GR', 'ES', 'CY'];
const PARTICIPATING = MEMBER_STATE_CODES.filter((s) => s !== 'DK'); // AMMR binds all but Denmark

function makeCandidates(): Candidate[] {
  const out: Candidate[] = [];
  let family = 0;
  while (out.length < N) {
    // ~30 % of persons in families of 2–5: a family (mean size 3.5) starts with probability p such that
    // 3.5p / (3.5p + (1 − p)) = 0.3, i.e. p ≈ 0.109.
    const size = chance(0.109) ? Math.min(int(2, 5), N - out.length) : 1;
    const familyId = size > 1 ? `F${++family}` : undefined;
    const from = pick(BENEFITTING);
    const nationality = pick(NATIONALITIES);
    for (let i = 0; i < size; i++) {
      const id = `P${String(out.length).padStart(6, '0')}`;
      const minor = size > 1 && i >= 2 ? chance(0.8) : chance(0.03);
      const beneficiary = chance(0.1);
      const langs = LANGUAGES[nationality] ?? [];
      out.push({
        id,
        ...(familyId ? { familyId } : {}),
        from,
        kind: beneficiary ? 'beneficiary' : 'applicant',
        ...(beneficiary
          ? {
              protectionGrantedOn: `${int(2021, 2025)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
              consent: chance(0.8),
            }
          : {}),
        nationality,
        minor,
        vulnerabilities: chance(0.08) ? [pick(VULNERABILITIES)] : [],
        languages: chance(0.3) ? [...langs, 'en'] : chance(0.05) ? [] : [...langs],
        securityHit: chance(0.02),
      });
    }
  }
  return out;
}

function makeOffers(): RelocationOffer[] {
  const weights = PARTICIPATING.map(() => 0.2 + rnd() * 2);
  const total = weights.reduce((a, b) => a + b, 0);
  return PARTICIPATING.map((state, i): RelocationOffer => {
    const criteria: RelocationCriteria = {
      ...(chance(0.4) ? { nationalities: NATIONALITIES.filter(() => chance(0.6)) } : {}),
      ...(chance(0.3) ? { families: pick(['any', 'singles-only', 'families-only'] as const) } : {}),
      ...(chance(0.3) ? { vulnerabilities: VULNERABILITIES.filter(() => chance(0.5)) } : {}),
      ...(chance(0.25)
        ? { languages: ['en', ...(chance(0.5) ? ['ar'] : []), ...(chance(0.3) ? ['ru'] : [])] }
        : {}),
      ...(chance(0.3) ? { maxPerMonth: int(50, 400) } : {}),
    };
    return {
      state,
      remaining: Math.round((((weights[i] as number) / total) * 0.6 * N) | 0),
      matchedThisMonth: chance(0.3) ? int(0, 30) : 0,
      criteria,
    };
  });
}

/** The baseline: candidates in input order to the offers in input order, as long as places last. */
function baseline(candidates: readonly Candidate[], offers: readonly RelocationOffer[]) {
  const out: { candidateId: string; state: MemberStateCode }[] = [];
  let o = 0;
  let used = 0;
  for (const c of candidates) {
    while (o < offers.length && used >= (offers[o] as RelocationOffer).remaining) {
      o++;
      used = 0;
    }
    if (o === offers.length) break;
    out.push({ candidateId: c.id, state: (offers[o] as RelocationOffer).state });
    used++;
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (x: number) => x.toFixed(2);

const candidates = makeCandidates();
const offers = makeOffers();
const capacity = offers.reduce((a, o) => a + o.remaining, 0);
console.log(
  `${candidates.length} candidates (${candidates.filter((c) => c.familyId).length} in families, ` +
    `${candidates.filter((c) => c.securityHit).length} security hits, ` +
    `${candidates.filter((c) => c.kind === 'beneficiary').length} beneficiaries); ` +
    `${offers.length} offers, ${capacity} places (${((capacity / candidates.length) * 100).toFixed(1)} % of candidates)`,
);

// Warm-up, then the timed runs, alternating the matching and the baseline.
matchCandidates({ candidates, offers, councilActOn: ACT, beneficiaryYears: 3 });
for (let i = 0; i < 20; i++) baseline(candidates, offers);
const matchTimes: number[] = [];
const baseTimes: number[] = [];
let result = matchCandidates({ candidates, offers, councilActOn: ACT, beneficiaryYears: 3 });
let baseCount = 0;
for (let r = 0; r < RUNS; r++) {
  let t = performance.now();
  result = matchCandidates({ candidates, offers, councilActOn: ACT, beneficiaryYears: 3 });
  matchTimes.push(performance.now() - t);
  t = performance.now();
  baseCount = baseline(candidates, offers).length;
  baseTimes.push(performance.now() - t);
}

const byReason: Record<string, number> = {};
for (const u of result.unmatched) byReason[u.reason] = (byReason[u.reason] ?? 0) + 1;
console.log(
  `matching, ${RUNS} runs: median ${ms(median(matchTimes))} ms, max ${ms(Math.max(...matchTimes))} ms`,
);
console.log(
  `baseline (in order, no criteria), ${RUNS} runs: median ${ms(median(baseTimes))} ms, max ${ms(Math.max(...baseTimes))} ms; ${baseCount} assigned`,
);
console.log(`ratio matching / baseline (medians): ${(median(matchTimes) / median(baseTimes)).toFixed(1)}×`);
console.log(`matched ${result.assignments.length}, unmatched ${result.unmatched.length}:`);
for (const [reason, n] of Object.entries(byReason).sort((a, b) => b[1] - a[1]))
  console.log(`  ${reason}: ${n}`);
