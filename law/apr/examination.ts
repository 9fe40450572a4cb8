// APR Art. 35: how long the determining authority may take, counted from lodging.
import { defineParameters } from '../schema.ts';

const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'apr.examination.inadmissibility.deadline',
    description: 'An admissibility examination is concluded no later than this from lodging',
    unit: 'months',
    values: [
      { since: FROM, value: 2, source: { act: 'APR', article: '35', paragraph: '1', status: 'confirmed' } },
    ],
  },
  {
    name: 'apr.examination.inadmissibility.extension',
    description:
      'The admissibility time limit may be extended by no more than this (disproportionate numbers, complex issues, or the applicant failing their Art. 9 obligations)',
    unit: 'months',
    values: [
      {
        since: FROM,
        value: 2,
        source: {
          act: 'APR',
          article: '35',
          paragraph: '1–2',
          status: 'confirmed',
          note: 'the spec cites Art. 35(1)–(2) for the 2 + 2 months',
        },
      },
    ],
  },
  {
    name: 'apr.examination.inadmissibility-38-1-e.deadline',
    description:
      'Where inadmissibility rests on Art. 38(1)(e), the examination is concluded within this time',
    unit: 'working-days',
    values: [
      {
        since: FROM,
        value: 10,
        source: {
          act: 'APR',
          article: '35',
          paragraph: '1–2',
          status: 'confirmed',
          note: 'the spec cites Art. 35(1)–(2) for the 10 working days',
        },
      },
    ],
  },
  {
    name: 'apr.examination.accelerated.deadline',
    description:
      'The accelerated examination procedure is concluded no later than this from lodging; the APR allows no extension',
    unit: 'months',
    values: [
      { since: FROM, value: 3, source: { act: 'APR', article: '35', paragraph: '3', status: 'confirmed' } },
    ],
  },
  {
    name: 'apr.examination.regular.deadline',
    description: 'The regular examination procedure is concluded no later than this from lodging',
    unit: 'months',
    values: [
      { since: FROM, value: 6, source: { act: 'APR', article: '35', paragraph: '4', status: 'confirmed' } },
    ],
  },
  {
    name: 'apr.examination.regular.extension',
    description:
      'The regular time limit may be extended by not more than this (disproportionate numbers, complex issues, or the applicant failing their Art. 9 obligations)',
    unit: 'months',
    values: [
      { since: FROM, value: 6, source: { act: 'APR', article: '35', paragraph: '5', status: 'confirmed' } },
    ],
  },
  {
    name: 'apr.examination.absolute-limit',
    description:
      'Whatever the postponement for an uncertain situation in the country of origin, the examination is concluded within this time from lodging',
    unit: 'months',
    values: [
      { since: FROM, value: 21, source: { act: 'APR', article: '35', paragraph: '7', status: 'confirmed' } },
    ],
  },
]);
