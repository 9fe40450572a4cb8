// AMMR Art. 11: the Commission's yearly decision on which member states are under migratory pressure,
// at risk of it, or facing a significant migratory situation. Each value is the decision in force.
import { defineParameters } from '../schema.ts';

const DECISION_2025 = {
  act: 'CID-2025-2323',
  article: 'as reported (decision text not read)',
  status: 'reported',
  note: 'lists as reported by the Commission and the press [S13][S15][S19][S23]; the decision text itself was not read',
} as const;

export default defineParameters([
  {
    name: 'ammr.classification.under-migratory-pressure',
    description:
      'Member states the Commission found under migratory pressure (AMMR Art. 11); they may benefit from the Pool',
    unit: 'states',
    values: [{ since: '2025-11-11', value: ['CY', 'GR', 'ES', 'IT'], source: DECISION_2025 }],
  },
  {
    name: 'ammr.classification.at-risk',
    description:
      'Member states the Commission found at risk of migratory pressure in the coming year (AMMR Art. 11)',
    unit: 'states',
    values: [
      {
        since: '2025-11-11',
        value: ['BE', 'BG', 'DE', 'EE', 'IE', 'FR', 'HR', 'LV', 'LT', 'NL', 'PL', 'FI'],
        source: DECISION_2025,
      },
    ],
  },
  {
    name: 'ammr.classification.significant-migratory-situation',
    description:
      'Member states the Commission found facing a significant migratory situation (AMMR Art. 11); they may request a deduction (Art. 62)',
    unit: 'states',
    values: [{ since: '2025-11-11', value: ['AT', 'BG', 'CZ', 'EE', 'HR', 'PL'], source: DECISION_2025 }],
  },
]);
