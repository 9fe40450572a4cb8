// Screening Regulation Art. 8: how long screening may take.
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
]);
