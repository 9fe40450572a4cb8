// The demonstration's synthetic identities (issue #16), on the data and on the plan, without a database: the
// name lists and the variants file (data/names/) are usable, every identified person of the Pact period has a
// name, the re-encounters keep within their bounds and vary names only by spellings the variants file gives,
// and the same seed gives the same persons. The scenario in a database is tested in test/api/demo.test.ts.

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readCalibration } from '../../src/cli/demo/calibration.ts';
import {
  REENCOUNTER_BOUNDS,
  REENCOUNTER_MIN_DAYS,
  REENCOUNTER_SHARE,
  VARIANT_SPELLING_SHARE,
  withIdentities,
} from '../../src/cli/demo/identities.ts';
import { readNameLists } from '../../src/cli/demo/names.ts';
import { pactPlan } from '../../src/cli/demo/pact-plan.ts';
import { Random } from '../../src/cli/demo/random.ts';
import { SCENARIO_END } from '../../src/cli/demo/scenario.ts';
import { Person } from '../../src/domain/commands.ts';
import { birthDateRange } from '../../src/domain/identity.ts';
import { DATA_DIR } from '../../src/store/reference-data.ts';

const dataDir = DATA_DIR.pathname;
const names = readNameLists(dataDir);
const calibration = readCalibration(dataDir);
// Eurodac Regulation (EU) 2024/1358 Art. 22(1): biometrics from the age of 6 (law/eurodac.ts)
const eurodacMinimumAge = () => 6;

/**
 * The Pact plan of a seed, then given identities, as the scenario draws them (without the years before the
 * Pact, which the scenario draws first from the same generator: the Pact plan does not depend on them, and
 * drawing 28,000 counted persons would take seconds).
 */
function plan(seed: number) {
  const rng = new Random(seed);
  const drawn = pactPlan(calibration, rng, {
    state: 'LT',
    stations: ['LT-ST-KENA', 'LT-ST-PUSKOS'],
    until: SCENARIO_END,
    crossingPoint: 'LT-BCP-MEDININKAI',
    lowRecognitionRate: (n) => n === 'PK',
  });
  return { drawn, ...withIdentities(drawn, rng, names, { eurodacMinimumAge }) };
}

/** The planned persons by index, with the encounter that records them. */
function personsOf(p: ReturnType<typeof plan>['plan']) {
  const byIndex = new Map<number, { person: Person; kind: string; at: Date }>();
  for (const e of p.encounters)
    e.persons.forEach((i, k) => {
      const person = e.command.persons[k];
      if (person) byIndex.set(i, { person: person as Person, kind: e.command.kind, at: e.at });
    });
  return byIndex;
}

const bare = (s: string) => s.replace(/\[.*\]$/, '');

describe('data/names: the lists the demonstration draws from', () => {
  const groups = parse(readFileSync(`${dataDir}/names/variants.csv`, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as { group: string; spellings: string }[];

  it('every variant group has at least 2 spellings, and no spelling is in two groups (case and diacritics kept)', () => {
    expect(groups.length).toBeGreaterThan(50);
    const seen = new Map<string, string>();
    for (const g of groups) {
      const spellings = g.spellings.split(';').map(bare);
      expect(new Set(spellings.map((s) => s.toLowerCase())).size, g.group).toBeGreaterThanOrEqual(2);
      expect(new Set(spellings.map((s) => s.toLowerCase())).size, g.group).toBe(spellings.length);
      for (const s of spellings) {
        expect(
          seen.get(s.toLowerCase()) ?? g.group,
          `${s} in ${seen.get(s.toLowerCase())} and ${g.group}`,
        ).toBe(g.group);
        seen.set(s.toLowerCase(), g.group);
      }
    }
    expect(new Set(groups.map((g) => g.group)).size).toBe(groups.length);
  });

  it("the issue's example spellings are one name: Mohammed/Muhammad, Al-Hassan/Alhassan, Aleksandr/Alexander", () => {
    const same = (a: string, b: string) => expect(names.variants.get(a)?.map((s) => s.spelling)).toContain(b);
    same('Mohammed', 'Muhammad');
    same('Mohammed', 'Mohamed');
    same('Mohammed', 'Mohammad');
    same('Al-Hassan', 'Alhassan');
    same('Al-Hassan', 'El-Hassan');
    same('Hussein', 'Husain');
    same('Youssef', 'Yusuf');
    same('Aleksandr', 'Alexander');
  });

  it('every nationality the scenario draws (data/arrivals-lt-2021.csv) has male and female given names, family names and languages', () => {
    const drawn = calibration.nationalities2021.map((n) => n.code).filter((c) => c !== '');
    expect(drawn.length).toBe(22);
    for (const code of drawn) {
      const n = names.byNationality.get(code);
      expect(n, code).toBeDefined();
      expect(n?.given.male.length, code).toBeGreaterThanOrEqual(8);
      expect(n?.given.female.length, code).toBeGreaterThanOrEqual(8);
      expect(n?.family.length, code).toBeGreaterThanOrEqual(10);
    }
  });

  it('original-script forms are in the script of the nationality: Arabic script for IQ, SY, IR, AF, PK; Cyrillic for RU, BY, TJ', () => {
    const scripts: Record<string, RegExp> = {
      IQ: /^[\p{Script=Arabic} ]+$/u,
      SY: /^[\p{Script=Arabic} ]+$/u,
      IR: /^[\p{Script=Arabic}\u200c ]+$/u,
      AF: /^[\p{Script=Arabic}\u200c ]+$/u,
      PK: /^[\p{Script=Arabic} ]+$/u,
      RU: /^[\p{Script=Cyrillic}]+$/u,
      BY: /^[\p{Script=Cyrillic}]+$/u,
      TJ: /^[\p{Script=Cyrillic}]+$/u,
    };
    for (const [code, n] of names.byNationality) {
      const all = [
        ...n.given.male,
        ...n.given.female,
        ...n.family,
        ...n.family.flatMap((f) => (f.female ? [f.female] : [])),
      ];
      const script = scripts[code];
      for (const entry of all) {
        if (script) expect(entry.original ?? '', `${code} ${entry.latin}`).toMatch(script);
        else expect(entry.original, `${code} ${entry.latin}`).toBeUndefined();
        expect(entry.latin).toMatch(/^[\p{Script=Latin}' -]+$/u);
      }
    }
  });
});

describe('the Pact plan with identities', () => {
  const a = plan(7);
  const persons = personsOf(a.plan);

  it('keeps the calibrated plan: the same encounters, persons, groups and steps (a re-encounter is a planned person, not an extra one)', () => {
    expect(a.plan.encounters.length).toBe(a.drawn.encounters.length);
    expect(a.plan.persons).toBe(a.drawn.persons);
    expect(a.plan.steps).toBe(a.drawn.steps);
    a.plan.encounters.forEach((e, i) => {
      const before = a.drawn.encounters[i];
      expect(e.command.persons.length).toBe(before?.command.persons.length);
      expect(e.command.groupSize).toBe(before?.command.groupSize);
      expect(e.command.persons.map((p) => [p.nationality, p.sex, p.minor, p.asylumWish])).toEqual(
        before?.command.persons.map((p) => [p.nationality, p.sex, p.minor, p.asylumWish]),
      );
    });
  });

  it('every identified person of the Pact period has a given and a family name, and a valid identity', () => {
    expect(persons.size).toBe(a.plan.persons);
    expect(persons.size).toBeGreaterThan(100);
    for (const { person } of persons.values()) {
      expect(person.identity?.givenNames).toBeTruthy();
      expect(person.identity?.familyName).toBeTruthy();
      // as the encounter route parses it (src/domain/commands.ts): a refusal here would be a refused encounter
      expect(Person.safeParse(person).success).toBe(true);
    }
  });

  it('dates of birth agree with the birth year; documents are issued by the nationality, after birth, expiring after issue; Eurodac references only for the apprehended of 6 or more', () => {
    const precisions = new Set<string>();
    for (const { person, kind, at } of persons.values()) {
      const id = person.identity;
      const birth = id?.birthDate;
      expect(birth?.value.slice(0, 4)).toBe(String(person.birthYear));
      if (birth) {
        precisions.add(birth.precision);
        expect(birthDateRange(birth).from <= at.toISOString().slice(0, 10)).toBe(true);
      }
      for (const d of id?.documents ?? []) {
        expect(d.issuingCountry).toBe(person.nationality);
        expect(d.issuedOn && d.expiresOn && d.expiresOn > d.issuedOn).toBe(true);
        expect((d.issuedOn ?? '') >= `${person.birthYear}`).toBe(true);
      }
      if (id?.eurodacRef) {
        expect(kind).toBe('apprehended-irregular-crossing');
        expect(id.eurodacRef).toMatch(/^LT2\d{10}$/);
        expect(at.getUTCFullYear() - (person.birthYear ?? 0) - 1).toBeGreaterThanOrEqual(6);
      }
    }
    // the realistic mix: every precision occurs
    expect([...precisions].sort()).toEqual(['about', 'full', 'year', 'year-month']);
  });

  it(`re-encounters: ${Math.round(REENCOUNTER_SHARE * 100)} % of the persons (within ${Math.round(REENCOUNTER_BOUNDS.min * 100)}–${Math.round(REENCOUNTER_BOUNDS.max * 100)} %), each the same nationality, sex and birth year, at least ${REENCOUNTER_MIN_DAYS} days later`, () => {
    const share = a.reencounters.length / persons.size;
    expect(share).toBeGreaterThanOrEqual(REENCOUNTER_BOUNDS.min);
    expect(share).toBeLessThanOrEqual(REENCOUNTER_BOUNDS.max);
    const involved = a.reencounters.flatMap((r) => [r.earlier, r.later]);
    expect(new Set(involved).size).toBe(involved.length); // nobody is met a third time
    for (const r of a.reencounters) {
      const first = persons.get(r.earlier);
      const again = persons.get(r.later);
      expect(again?.person.nationality).toBe(first?.person.nationality);
      expect(again?.person.sex).toBe(first?.person.sex);
      expect(again?.person.birthYear).toBe(first?.person.birthYear);
      const days = ((again?.at.getTime() ?? 0) - (first?.at.getTime() ?? 0)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(REENCOUNTER_MIN_DAYS);
    }
  });

  it(`${Math.round(VARIANT_SPELLING_SHARE * 100)} % of the re-encounters are recorded under another spelling, and every changed name is a spelling of the same group in data/names/variants.csv`, () => {
    const variant = a.reencounters.filter((r) => r.variant);
    expect(variant.length).toBe(Math.round(VARIANT_SPELLING_SHARE * a.reencounters.length));
    const group = (s: string | undefined) => names.variants.get(s ?? '');
    for (const r of a.reencounters) {
      const first = persons.get(r.earlier)?.person.identity;
      const again = persons.get(r.later)?.person.identity;
      const [given, family] = r.swapped
        ? [again?.familyName, again?.givenNames]
        : [again?.givenNames, again?.familyName];
      for (const [before, after] of [
        [first?.givenNames, given],
        [first?.familyName, family],
      ] as const) {
        if (before === after) continue;
        expect(r.variant, `${before} → ${after}`).toBe(true);
        // the same group, and a spelling a person of that nationality may be recorded with
        expect(group(before)).toBe(group(after));
        const spelling = group(after)?.find((s) => s.spelling === after);
        const nationality = persons.get(r.later)?.person.nationality ?? '';
        expect(!spelling?.nationalities || spelling.nationalities.includes(nationality)).toBe(true);
      }
      if (r.variant) expect([first?.givenNames, first?.familyName]).not.toEqual([given, family]);
      if (r.lowerPrecision) expect(again?.birthDate?.precision).not.toBe(first?.birthDate?.precision);
    }
  });

  it('the same seed gives the same persons and names; another seed other names', () => {
    const again = plan(7);
    expect(again.plan).toEqual(a.plan);
    expect(again.reencounters).toEqual(a.reencounters);
    const other = personsOf(plan(8).plan);
    const namesOf = (m: typeof persons) =>
      [...m.values()].map((p) => `${p.person.identity?.givenNames} ${p.person.identity?.familyName}`);
    expect(namesOf(other)).not.toEqual(namesOf(persons));
  });
});
