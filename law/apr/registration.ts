// APR Art. 27: registration of an application, counted from when it is made.
import { defineParameters } from '../schema.ts';

const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'apr.registration.deadline',
    description: 'An application is registered no later than this from when it is made',
    unit: 'days',
    values: [
      { since: FROM, value: 5, source: { act: 'APR', article: '27', paragraph: '1', status: 'confirmed' } },
    ],
  },
  {
    name: 'apr.registration.non-competent-authority.inform-deadline',
    description:
      'An authority that receives an application but is not competent to register it informs the registering authority within this time',
    unit: 'working-days',
    values: [
      { since: FROM, value: 3, source: { act: 'APR', article: '27', paragraph: '3', status: 'confirmed' } },
    ],
  },
  {
    name: 'apr.registration.non-competent-authority.deadline',
    description:
      'The registering authority registers the application no later than this from when it received the information',
    unit: 'days',
    values: [
      { since: FROM, value: 5, source: { act: 'APR', article: '27', paragraph: '3', status: 'confirmed' } },
    ],
  },
  {
    name: 'apr.registration.disproportionate-numbers.deadline',
    description:
      'Where a disproportionate number of simultaneous applications makes the normal deadlines unfeasible, registration no later than this from when the application is made',
    unit: 'days',
    values: [
      { since: FROM, value: 15, source: { act: 'APR', article: '27', paragraph: '5', status: 'confirmed' } },
    ],
  },
]);
