// Detention: the Reception Conditions Directive (EU) 2024/1346 Arts 10–13 for applicants, the Return Directive
// 2008/115/EC Art. 15 for pre-removal detention, and the national maxima the brief reports (pact-rules.md §9).
// Read in this session (search, corpus pages): RCD Arts 10(1)–(4) (first three points), 11(1)–(3) and 13(1)–(2)
// in the rendering of fantasticsearch.net (CELEX 32024L1346), not in the Official Journal: `reported`.
// The Return Directive's Art. 15(5)–(6) was read only in paraphrases: `reported`, with the note.
import { defineParameters } from './schema.ts';

const RCD_FROM = '2026-06-12'; // UNCONFIRMED: the RCD's transposition date was not read (law/acts.ts)
const RCD_READ =
  'read in the rendering of fantasticsearch.net (CELEX 32024L1346, Art. 11(3)), not in the Official Journal';

export default defineParameters([
  {
    name: 'rcd.detention.judicial-review',
    description:
      'Where an administrative authority ordered the detention of an applicant, the ex officio judicial review of its lawfulness is concluded no later than this from the beginning of detention',
    unit: 'days',
    values: [
      {
        since: RCD_FROM,
        value: 15,
        source: { act: 'RCD', article: '11', paragraph: '3', status: 'reported', note: RCD_READ },
      },
    ],
  },
  {
    name: 'rcd.detention.judicial-review-exceptional',
    description:
      'In exceptional situations the ex officio judicial review of an applicant’s detention is concluded no later than this from the beginning of detention',
    unit: 'days',
    values: [
      {
        since: RCD_FROM,
        value: 21,
        source: { act: 'RCD', article: '11', paragraph: '3', status: 'reported', note: RCD_READ },
      },
    ],
  },
  {
    name: 'rd.detention.maximum',
    description:
      'Detention for the purpose of removal may not exceed this (each member state sets a limited period not exceeding it)',
    unit: 'months',
    values: [
      {
        since: '2010-12-24',
        value: 6,
        source: {
          act: 'RD',
          article: '15',
          paragraph: '5',
          status: 'reported',
          note: 'read in the European Parliament’s paraphrase ("should not exceed six months") and the EMN ad-hoc query on Art. 15(6), not in the Official Journal text',
        },
      },
    ],
  },
  {
    name: 'rd.detention.maximum-extended',
    description:
      'Detention for removal may be extended to at most this in all (six months and a further twelve) where removal takes longer through the person’s lack of cooperation or delays in obtaining documents from third countries',
    unit: 'months',
    values: [
      {
        since: '2010-12-24',
        value: 18,
        source: {
          act: 'RD',
          article: '15',
          paragraph: '6',
          status: 'reported',
          note: 'the two grounds of extension read in the EMN ad-hoc query and the European Parliament’s paraphrase; the "limited period not exceeding a further twelve months" not read in the Official Journal (pact-rules.md §9 reports 18 months)',
        },
      },
    ],
  },
  {
    name: 'national.lt.detention.applicant-maximum',
    description:
      'National parameter (Lithuania): an applicant’s detention lasts at most this (the EU law sets no maximum for applicants: RCD Art. 11(1), as short as possible)',
    unit: 'months',
    values: [
      {
        since: '2021-08-10',
        value: 6,
        source: {
          act: 'LT-ALIENS',
          article: 'article not read',
          status: 'reported',
          note: 'REPORTED (pact-rules.md §9): the 2021 amendments capped detention at 6 months; the Constitutional Court (7 June 2023, KT53-A-N6/2023) found holding all applicants up to 6 months without an appealable decision unconstitutional. No post-Pact text was found.',
        },
      },
    ],
  },
]);
