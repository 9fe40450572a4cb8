// Screening Regulation Art. 8: how long screening may take; Art. 2: who is a minor.
import { defineParameters } from './schema.ts';

const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'screening.external-border.deadline',
    description:
      'Screening at the external border is completed within this time of apprehension, disembarkation or presentation at the border crossing point',
    unit: 'days',
    values: [
      { since: FROM, value: 7, source: { act: 'SR', article: '8', paragraph: '3', status: 'confirmed' } },
    ],
  },
  {
    name: 'screening.external-border.held-deadline',
    description:
      'Screening is completed within this time where an Art. 5(1)(a) person was held at the external border for more than 72 hours before screening',
    unit: 'days',
    values: [
      { since: FROM, value: 4, source: { act: 'SR', article: '8', paragraph: '3', status: 'confirmed' } },
    ],
  },
  {
    name: 'screening.external-border.held-threshold',
    description: 'Time held at the external border after which the shorter screening deadline applies',
    unit: 'hours',
    values: [
      { since: FROM, value: 72, source: { act: 'SR', article: '8', paragraph: '3', status: 'confirmed' } },
    ],
  },
  {
    name: 'screening.territory.deadline',
    description: 'Screening within the territory is completed within this time of apprehension',
    unit: 'days',
    values: [
      { since: FROM, value: 3, source: { act: 'SR', article: '8', paragraph: '4', status: 'confirmed' } },
    ],
  },
  {
    // issue 16: identity — a date of birth that shows the person may be under this age flags the case `minor`
    name: 'screening.minor.age',
    description: 'A minor is a third-country national or stateless person below this age',
    unit: 'years-of-age',
    values: [
      {
        since: FROM,
        value: 18,
        source: {
          act: 'SR',
          article: '2',
          point: '9',
          status: 'reported',
          note: 'Art. 2, point (9), read in an article rendering (migrationpact.info), not in the OJ text; APR Art. 25(2) presumes a minor where the age range includes an age below 18',
        },
      },
    ],
  },
]);
