// APR Art. 28 (and Art. 51(1) for the border procedure): lodging, counted from registration.
import { defineParameters } from '../schema.ts';

const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'apr.lodging.deadline',
    description: 'The applicant lodges the application no later than this from registration',
    unit: 'days',
    values: [
      {
        since: FROM,
        value: 21,
        source: {
          act: 'APR',
          article: '28',
          paragraph: '1',
          status: 'confirmed',
          note: 'the OJ text refers to "paragraph 6", a consolidated reproduction to "paragraph 7"; the 21 days are the same either way',
        },
      },
    ],
  },
  {
    name: 'apr.lodging.after-transfer.deadline',
    description:
      'After a transfer, the application is lodged no later than this from when the applicant identifies themselves in the member state responsible',
    unit: 'days',
    values: [
      { since: FROM, value: 21, source: { act: 'APR', article: '28', paragraph: '2', status: 'confirmed' } },
    ],
  },
  {
    name: 'apr.lodging.disproportionate-numbers.appointment',
    description:
      'Under disproportionate numbers of applications, the appointment to lodge is no later than this from registration',
    unit: 'months',
    values: [
      { since: FROM, value: 2, source: { act: 'APR', article: '28', paragraph: '5', status: 'confirmed' } },
    ],
  },
  {
    name: 'apr.lodging.border-procedure.deadline',
    description:
      'In the border procedure the application is lodged no later than this from first registration (or from arrival after a relocation transfer)',
    unit: 'days',
    values: [
      { since: FROM, value: 5, source: { act: 'APR', article: '51', paragraph: '1', status: 'confirmed' } },
    ],
  },
]);
