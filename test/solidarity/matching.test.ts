// Relocation matching (AMMR Art. 67): families are never split, a security hit is never relocated
// (Art. 67(2)), beneficiaries only with consent and protection < 3 years before the Council act
// (Art. 56(2)(a)(ii)), offers never exceed their pledge or monthly cap, and the result does not depend on the
// order of the inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBER_STATE_CODES, type MemberStateCode } from '../../law/member-states.ts';
import { type MatchInput, matchCandidates, yearsBefore } from '../../src/solidarity/matching.ts';
import type { Candidate, RelocationOffer } from '../../src/solidarity/types.ts';

const ACT = '2025-12-08';

const person = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  from: 'IT',
  kind: 'applicant',
  nationality: 'SY',
  minor: false,
  vulnerabilities: [],
  languages: ['ar'],
  securityHit: false,
  ...over,
});

const offer = (state: MemberStateCode, remaining: number, criteria: RelocationOffer['criteria'] = {}) => ({
  state,
  remaining,
  matchedThisMonth: 0,
  criteria,
});

const match = (candidates: Candidate[], offers: RelocationOffer[], over: Partial<MatchInput> = {}) =>
  matchCandidates({ candidates, offers, councilActOn: ACT, beneficiaryYears: 3, ...over });

const stateOf = (r: ReturnType<typeof match>, id: string) =>
  r.assignments.find((a) => a.candidateId === id)?.state;
const reasonOf = (r: ReturnType<typeof match>, id: string) => r.unmatched.find((u) => u.candidateId === id);

describe('AMMR Art. 67 relocation matching: examples', () => {
  it('Art. 67(2): a person with a security hit is never relocated and their family stays together', () => {
    const r = match(
      [
        person('a1', { familyId: 'F' }),
        person('a2', { familyId: 'F', securityHit: true }),
        person('a3', { familyId: 'F', minor: true }),
        person('b1'),
      ],
      [offer('LT', 10)],
    );
    expect(r.assignments.map((a) => a.candidateId)).toEqual(['b1']);
    expect(reasonOf(r, 'a2')).toMatchObject({ reason: 'security-hit', article: 'AMMR Art. 67(2)' });
    expect(reasonOf(r, 'a1')?.reason).toBe('family-member-security-hit');
    expect(reasonOf(r, 'a3')?.reason).toBe('family-member-security-hit');
    expect(r.perState).toEqual({ LT: 1 });
  });

  it('a family moves together or not at all: 3 places cannot take a family of 4, but take a single', () => {
    const family = ['f1', 'f2', 'f3', 'f4'].map((id) => person(id, { familyId: 'F' }));
    const r = match([...family, person('s1')], [offer('LT', 3)]);
    expect(r.assignments).toEqual([expect.objectContaining({ candidateId: 's1', state: 'LT' })]);
    for (const id of ['f1', 'f2', 'f3', 'f4']) {
      expect(reasonOf(r, id)?.reason).toBe('no-capacity-left');
      expect(reasonOf(r, id)?.why).toContain('LT (3 left)');
    }
  });

  it('a family goes whole to one state, and its members carry the family id', () => {
    const family = ['f1', 'f2', 'f3'].map((id) => person(id, { familyId: 'F' }));
    const r = match(family, [offer('LT', 3), offer('PL', 2)]);
    expect(r.assignments.map((a) => [a.candidateId, a.state, a.familyId])).toEqual([
      ['f1', 'LT', 'F'],
      ['f2', 'LT', 'F'],
      ['f3', 'LT', 'F'],
    ]);
    expect(r.perState).toEqual({ LT: 3, PL: 0 });
  });

  describe('Art. 56(2)(a)(ii): beneficiaries granted protection less than 3 years before the Council act', () => {
    // Act of 8 December 2025 minus 3 calendar years = 8 December 2022. Protection granted on 2022-12-08 is
    // exactly 3 years before the act — not "less than 3 years" — so not eligible; granted 2022-12-09, one day
    // later, it is 3 years minus one day before the act: eligible.
    it('granted exactly 3 years before the act (2022-12-08): not eligible; one day later (2022-12-09): eligible', () => {
      expect(yearsBefore(ACT, 3)).toBe('2022-12-08');
      const r = match(
        [
          person('exact', { kind: 'beneficiary', consent: true, protectionGrantedOn: '2022-12-08' }),
          person('dayafter', { kind: 'beneficiary', consent: true, protectionGrantedOn: '2022-12-09' }),
        ],
        [offer('LT', 10)],
      );
      expect(reasonOf(r, 'exact')).toMatchObject({
        reason: 'beneficiary-protection-too-old',
        article: 'AMMR Art. 56(2)(a)(ii)',
      });
      expect(stateOf(r, 'dayafter')).toBe('LT');
    });

    // 29 February 2028 minus 3 years: 2025 has no 29 February, so the cutoff is 28 February 2025.
    // Granted 2025-02-28: not eligible; granted 2025-03-01: eligible.
    it('an act on 29 February: the cutoff is 28 February of a non-leap year', () => {
      expect(yearsBefore('2028-02-29', 3)).toBe('2025-02-28');
      expect(yearsBefore('2028-02-29', 4)).toBe('2024-02-29');
      const r = match(
        [
          person('feb28', { kind: 'beneficiary', consent: true, protectionGrantedOn: '2025-02-28' }),
          person('mar1', { kind: 'beneficiary', consent: true, protectionGrantedOn: '2025-03-01' }),
        ],
        [offer('LT', 10)],
        { councilActOn: '2028-02-29' },
      );
      expect(reasonOf(r, 'feb28')?.reason).toBe('beneficiary-protection-too-old');
      expect(stateOf(r, 'mar1')).toBe('LT');
    });

    it('a beneficiary without consent is not relocated, and nor is their family', () => {
      const r = match(
        [
          person('b1', { familyId: 'F', kind: 'beneficiary', protectionGrantedOn: '2025-01-01' }),
          person('b2', {
            familyId: 'F',
            kind: 'beneficiary',
            consent: false,
            protectionGrantedOn: '2025-01-01',
          }),
          person('a1', { familyId: 'F' }),
        ],
        [offer('LT', 10)],
      );
      expect(r.assignments).toEqual([]);
      expect(reasonOf(r, 'b1')?.why).toContain('not recorded');
      expect(reasonOf(r, 'b2')).toMatchObject({
        reason: 'beneficiary-without-consent',
        article: 'AMMR Art. 56(2)(a)(ii)',
      });
      expect(reasonOf(r, 'a1')?.reason).toBe('family-member-not-eligible');
    });

    it('a security hit comes before a family member’s own ineligibility only for the person with the hit', () => {
      const r = match(
        [
          person('h', { familyId: 'F', securityHit: true }),
          person('b', { familyId: 'F', kind: 'beneficiary', consent: false }),
          person('c', { familyId: 'F' }),
        ],
        [offer('LT', 10)],
      );
      expect(r.unmatched.map((u) => [u.candidateId, u.reason])).toEqual([
        ['b', 'beneficiary-without-consent'],
        ['c', 'family-member-security-hit'],
        ['h', 'security-hit'],
      ]);
    });
  });

  describe('Art. 67(4)–(5): the pledging states’ criteria', () => {
    it('no offer accepts: the first failing criterion per state, at most 5 states, then "and N more"', () => {
      const states: MemberStateCode[] = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'EE'];
      const r = match(
        [person('x', { nationality: 'AF' })],
        states.map((s) => offer(s, 10, { nationalities: ['SY'], families: 'families-only' })),
      );
      expect(reasonOf(r, 'x')).toMatchObject({ reason: 'no-pledge-accepts' });
      expect(reasonOf(r, 'x')?.why).toBe(
        'no offer accepts: AT: nationality AF not accepted; BE: nationality AF not accepted; BG: nationality AF not accepted; CY: nationality AF not accepted; CZ: nationality AF not accepted; and 2 more',
      );
    });

    it('singles-only, families-only, vulnerabilities, and never the benefitting state itself', () => {
      const r = match(
        [
          person('single'),
          person('f1', { familyId: 'F' }),
          person('f2', { familyId: 'F' }),
          person('v', { vulnerabilities: ['torture-survivor'] }),
        ],
        [
          offer('IT', 100),
          offer('LT', 5, { families: 'singles-only', vulnerabilities: [] }),
          offer('PL', 5, { families: 'families-only' }),
          offer('SE', 1, { vulnerabilities: ['torture-survivor'], families: 'singles-only' }),
        ],
      );
      expect(stateOf(r, 'single')).toBe('LT');
      expect(stateOf(r, 'f1')).toBe('PL');
      expect(stateOf(r, 'f2')).toBe('PL');
      expect(stateOf(r, 'v')).toBe('SE');
      expect(r.assignments.find((a) => a.candidateId === 'v')?.why).toContain(
        'SE: accepts single; vulnerability torture-survivor',
      );
    });

    it('languages: every member speaks one, or a minor has an adult of the family who does', () => {
      const r = match(
        [
          person('p', { familyId: 'P', languages: ['fa'] }),
          person('k', { familyId: 'P', minor: true, languages: [] }),
          person('u', { minor: true, languages: [] }),
          person('q', { familyId: 'Q', languages: ['fa'] }),
          person('w', { familyId: 'Q', languages: ['ps'] }),
        ],
        [offer('LT', 10, { languages: ['fa', 'en'] })],
      );
      expect(stateOf(r, 'p')).toBe('LT');
      expect(stateOf(r, 'k')).toBe('LT');
      expect(reasonOf(r, 'u')?.why).toBe('no offer accepts: LT: u speaks none of en, fa');
      expect(reasonOf(r, 'w')?.reason).toBe('no-pledge-accepts');
      expect(reasonOf(r, 'q')?.reason).toBe('no-pledge-accepts');
    });

    it('the monthly cap: matchedThisMonth + assigned + size ≤ maxPerMonth', () => {
      const r = match(
        ['a', 'b', 'c'].map((id) => person(id)),
        [{ state: 'LT', remaining: 80, matchedThisMonth: 18, criteria: { maxPerMonth: 20 } }],
      );
      expect(r.perState).toEqual({ LT: 2 });
      expect(stateOf(r, 'a')).toBe('LT');
      expect(r.assignments[0]?.why).toBe(
        'LT: accepts anyone; most places of 1 accepting; 79 of 80 places left after, 1 of 20 this month',
      );
      expect(reasonOf(r, 'c')?.reason).toBe('no-capacity-left');
    });
  });

  describe('the order: vulnerable or minor first, then larger families, then smallest id; most places left', () => {
    it('a vulnerable single goes before a larger family; a larger family before a smaller one', () => {
      const r = match(
        [
          person('a', { familyId: 'two' }),
          person('b', { familyId: 'two' }),
          person('z', { vulnerabilities: ['pregnant'] }),
          person('c', { familyId: 'three' }),
          person('d', { familyId: 'three' }),
          person('e', { familyId: 'three' }),
        ],
        [offer('LT', 4)],
      );
      expect(r.assignments.map((a) => a.candidateId)).toEqual(['c', 'd', 'e', 'z']);
      expect(reasonOf(r, 'a')?.reason).toBe('no-capacity-left');
    });

    it('the offer with most places left takes the family, ties by state code', () => {
      const r = match(
        [person('a'), person('b'), person('c')],
        [offer('PL', 2), offer('LV', 2), offer('LT', 1)],
      );
      expect(r.assignments.map((a) => [a.candidateId, a.state])).toEqual([
        ['a', 'LV'],
        ['b', 'PL'],
        ['c', 'LT'],
      ]);
    });
  });

  it('refuses bad input: an invalid act date, duplicate candidate ids, two offers of one state', () => {
    expect(() => match([], [], { councilActOn: '2025-02-29' })).toThrow(RangeError);
    expect(() => match([person('a'), person('a')], [])).toThrow(RangeError);
    expect(() => match([], [offer('LT', 1), offer('LT', 2)])).toThrow(RangeError);
    expect(() => match([], [offer('LT', -1)])).toThrow(RangeError);
  });

  it('no offers at all: everyone eligible is "no-pledge-accepts"', () => {
    expect(match([person('a')], []).unmatched).toEqual([
      { candidateId: 'a', reason: 'no-pledge-accepts', why: 'no relocation offers' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property-based: random candidates and offers.

const NATIONALITIES = ['SY', 'AF', 'IQ', 'ER'] as const;
const LANGUAGES = ['ar', 'fa', 'en', 'ti'] as const;
const VULNERABILITIES = ['pregnant', 'torture-survivor', 'disability'] as const;
// The 26 states the AMMR binds (all but Denmark).
const STATES = MEMBER_STATE_CODES.filter((s) => s !== 'DK');

const personArb = fc.record({
  familyIndex: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
  from: fc.constantFrom<MemberStateCode>('IT', 'GR', 'LT'),
  beneficiary: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  protectionGrantedOn: fc.constantFrom('2022-12-07', '2022-12-08', '2022-12-09', '2024-05-01', 'bad'),
  consent: fc.option(fc.boolean(), { nil: undefined }),
  nationality: fc.constantFrom(...NATIONALITIES),
  minor: fc.boolean(),
  vulnerabilities: fc.subarray([...VULNERABILITIES], { maxLength: 2 }),
  languages: fc.subarray([...LANGUAGES], { maxLength: 2 }),
  securityHit: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
});

const candidatesArb = fc.array(personArb, { maxLength: 60 }).map((ps) =>
  ps.map(
    (p, i): Candidate => ({
      id: `c${String(i).padStart(3, '0')}`,
      ...(p.familyIndex === undefined ? {} : { familyId: `F${p.familyIndex}` }),
      from: p.from,
      kind: p.beneficiary ? 'beneficiary' : 'applicant',
      ...(p.beneficiary ? { protectionGrantedOn: p.protectionGrantedOn, consent: p.consent } : {}),
      nationality: p.nationality,
      minor: p.minor,
      vulnerabilities: p.vulnerabilities,
      languages: p.languages,
      securityHit: p.securityHit,
    }),
  ),
);

const criteriaArb = fc.record(
  {
    nationalities: fc.subarray([...NATIONALITIES], { minLength: 1 }),
    families: fc.constantFrom('any', 'singles-only', 'families-only' as const),
    vulnerabilities: fc.subarray([...VULNERABILITIES]),
    languages: fc.subarray([...LANGUAGES], { minLength: 1 }),
    maxPerMonth: fc.integer({ min: 0, max: 12 }),
  },
  { requiredKeys: [] },
);

const offersArb = fc.shuffledSubarray(STATES, { minLength: 1, maxLength: 26 }).chain((states) =>
  fc.tuple(
    ...states.map((state) =>
      fc.record({
        state: fc.constant(state),
        remaining: fc.integer({ min: 0, max: 15 }),
        matchedThisMonth: fc.integer({ min: 0, max: 6 }),
        criteria: criteriaArb,
      }),
    ),
  ),
);

/** A deterministic shuffle (Fisher–Yates on a small linear congruential generator). */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('AMMR Art. 67 relocation matching: properties over random candidates and 1–26 offers', () => {
  it('no offer over its pledge or monthly cap, no family split, no security hit relocated, everyone once, order-independent', () => {
    fc.assert(
      fc.property(candidatesArb, offersArb, fc.integer(), (candidates, offers, seed) => {
        const input: MatchInput = { candidates, offers, councilActOn: ACT, beneficiaryYears: 3 };
        const r = matchCandidates(input);

        // every candidate exactly once; every unmatched has a reason
        const ids = [...r.assignments, ...r.unmatched].map((x) => x.candidateId).sort();
        expect(ids).toEqual(candidates.map((c) => c.id).sort());
        for (const u of r.unmatched) expect(u.reason).toBeTruthy();
        for (const u of r.unmatched) expect(u.why).toBeTruthy();

        // no offer over `remaining` or its monthly cap; perState counts the assignments
        for (const o of offers) {
          const n = r.assignments.filter((a) => a.state === o.state).length;
          expect(r.perState[o.state]).toBe(n);
          expect(n).toBeLessThanOrEqual(o.remaining);
          // (a state already over its cap this month gets no one more)
          if (o.criteria.maxPerMonth !== undefined)
            expect(n).toBeLessThanOrEqual(Math.max(0, o.criteria.maxPerMonth - o.matchedThisMonth));
        }

        const byId = new Map(candidates.map((c) => [c.id, c]));
        const assigned = new Map(r.assignments.map((a) => [a.candidateId, a.state]));
        // no family split: all members to one state, or all unmatched
        const families = new Map<string, Candidate[]>();
        for (const c of candidates) {
          const key = c.familyId ?? `single:${c.id}`;
          families.set(key, [...(families.get(key) ?? []), c]);
        }
        for (const members of families.values()) {
          const states = new Set(members.map((m) => assigned.get(m.id)));
          expect(states.size).toBe(1);
        }
        for (const a of r.assignments) {
          const c = byId.get(a.candidateId) as Candidate;
          const o = offers.find((x) => x.state === a.state) as RelocationOffer;
          // no person with a security hit, no ineligible beneficiary, never to the benefitting state
          expect(c.securityHit).toBe(false);
          if (c.kind === 'beneficiary') {
            expect(c.consent).toBe(true);
            expect((c.protectionGrantedOn ?? '') > '2022-12-08').toBe(true);
          }
          expect(a.state).not.toBe(c.from);
          // the offer's criteria hold for the person
          if (o.criteria.nationalities) expect(o.criteria.nationalities).toContain(c.nationality);
          if (o.criteria.vulnerabilities)
            for (const v of c.vulnerabilities) expect(o.criteria.vulnerabilities).toContain(v);
          const size = families.get(c.familyId ?? `single:${c.id}`)?.length;
          if (o.criteria.families === 'singles-only') expect(size).toBe(1);
          if (o.criteria.families === 'families-only') expect(size).toBeGreaterThanOrEqual(2);
        }

        // shuffling the inputs gives the same result
        const shuffled = matchCandidates({
          ...input,
          candidates: shuffle(candidates, seed),
          offers: shuffle(offers, seed ^ 0x5bd1e995),
        });
        expect(shuffled).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
});
