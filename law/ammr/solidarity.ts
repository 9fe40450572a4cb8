// AMMR Part II ch. II and Part IV: the Annual Solidarity Pool, the reference key, deductions and offsets.
// Arts 7–15 and 56–57 apply from 11 June 2024 (Art. 85), which is why the 2026 pool was set in 2025.
import { defineParameters } from '../schema.ts';

const EARLY = '2024-06-11'; // AMMR Art. 85, 2nd sentence: Arts 7–15, 56–57 apply from 11 June 2024
const AMMR_APPLIES = '2026-07-01'; // AMMR Art. 85: applies from 1 July 2026

// Art. 66 — reference key: (a) population, 50 %; (b) total GDP, 50 %.
const ART_66 = {
  act: 'AMMR',
  article: '66',
  status: 'reported',
  note: 'Art. 66 and Annex I read in a rendering [S5][S3], confirmed by Commission answer E-000547/2025 [S11]; dated from 11 June 2024 because Art. 12 (applicable then) computes indicative contributions with this key',
} as const;

export default defineParameters([
  {
    name: 'ammr.pool.minimum-relocations',
    description:
      'Minimum Union-level number of relocations in the Commission proposal for the Annual Solidarity Pool',
    unit: 'persons',
    values: [
      {
        since: EARLY,
        value: 30000,
        source: { act: 'AMMR', article: '12', paragraph: '2', point: 'a', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'ammr.pool.minimum-financial-contributions',
    description:
      'Minimum Union-level amount of financial contributions in the Commission proposal for the Pool',
    unit: 'EUR',
    values: [
      {
        since: EARLY,
        value: 600000000,
        source: { act: 'AMMR', article: '12', paragraph: '2', point: 'b', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'ammr.pool.eur-per-relocation',
    description:
      'Financial contribution equivalent to one relocation: the ratio of the two Art. 12(2) minimums, which Art. 12(3) requires to be maintained',
    unit: 'EUR',
    values: [
      {
        since: EARLY,
        value: 20000,
        source: {
          act: 'AMMR',
          article: '12',
          paragraph: '3',
          subparagraph: '2',
          status: 'derived',
          note: 'EUR 600 000 000 / 30 000 = EUR 20 000 (Art. 12(2)(a)–(b)); the figure itself is written nowhere in the AMMR (articles, recitals, Annexes I–II checked); recital 15 and Art. 12(3) require the ratio to be kept',
        },
      },
    ],
  },
  {
    name: 'ammr.reference-key.population-weight',
    description: "Weight of a member state's share of the population in the reference key (fair share)",
    unit: 'percent',
    values: [
      {
        since: EARLY,
        value: 50,
        source: { ...ART_66, point: 'a' },
      },
    ],
  },
  {
    name: 'ammr.reference-key.gdp-weight',
    description: "Weight of a member state's share of total GDP in the reference key (fair share)",
    unit: 'percent',
    values: [
      {
        since: EARLY,
        value: 50,
        source: { ...ART_66, point: 'b' },
      },
    ],
  },
  {
    name: 'ammr.offsets.optional-threshold',
    description:
      'Relocation pledges, as a share of the number in the Commission proposal, from which a benefitting state may request responsibility offsets',
    unit: 'percent',
    values: [
      {
        since: AMMR_APPLIES,
        value: 50,
        source: { act: 'AMMR', article: '63', paragraph: '1', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'ammr.offsets.own-pledge-threshold',
    description:
      'Share of its own mandatory fair share pledged as relocations from which a contributing state may offer offsets',
    unit: 'percent',
    values: [
      {
        since: AMMR_APPLIES,
        value: 50,
        source: { act: 'AMMR', article: '63', paragraph: '2', point: 'b', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'ammr.offsets.mandatory-threshold',
    description:
      'Relocation pledges below this share of the reference number (or below 30 000) make responsibility offsets mandatory',
    unit: 'percent',
    values: [
      {
        since: AMMR_APPLIES,
        value: 60,
        source: { act: 'AMMR', article: '63', paragraph: '3', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'ammr.deduction.assessment-deadline',
    description:
      "Time for the Commission to assess a member state's request for a deduction of its pledged contributions",
    unit: 'weeks',
    values: [
      {
        since: AMMR_APPLIES,
        value: 4,
        source: {
          act: 'AMMR',
          article: '61',
          status: 'reported',
          note: 'Art. 61 read in an article rendering [S2-61]; Art. 62 applies the same logic; whether Arts 61–62 are among the provisions applying from 11 June 2024 was not read (Art. 85 list seen in part)',
        },
      },
    ],
  },
  {
    name: 'ammr.relocation.beneficiary-protection-age',
    description:
      'Beneficiaries of international protection may be relocated (where bilaterally agreed) if protection was granted less than this before the Council act',
    unit: 'years',
    values: [
      {
        since: EARLY,
        value: 3,
        source: {
          act: 'AMMR',
          article: '56',
          paragraph: '2',
          point: 'a(ii)',
          status: 'reported',
          note: 'article rendering [S2-56]',
        },
      },
    ],
  },
  {
    name: 'ammr.forum.convening-deadline',
    description:
      'The Council convenes the High-Level EU Solidarity Forum within this time after the Report, the Art. 11 decision and the Art. 12 proposal',
    unit: 'days',
    values: [
      {
        since: EARLY,
        value: 15,
        source: {
          act: 'AMMR',
          article: '13',
          paragraph: '2',
          status: 'reported',
          note: 'article rendering [S2-13]',
        },
      },
    ],
  },
]);
