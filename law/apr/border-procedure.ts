// APR Arts 42(1)(j), 45(1), 46 and 51(2): the asylum border procedure.
import { defineParameters } from '../schema.ts';

const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'apr.border-procedure.maximum-duration',
    description: 'The border procedure lasts at most this from registration, appeal included',
    unit: 'weeks',
    values: [
      {
        since: FROM,
        value: 12,
        source: { act: 'APR', article: '51', paragraph: '2', subparagraph: '1', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'apr.border-procedure.maximum-duration-after-relocation',
    description:
      'The border procedure may last up to this where the state receiving a person relocated under AMMR Art. 67(11) applies it',
    unit: 'weeks',
    values: [
      {
        since: FROM,
        value: 16,
        source: { act: 'APR', article: '51', paragraph: '2', subparagraph: '3', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'apr.border-procedure.recognition-rate-threshold',
    description:
      'The border procedure is mandatory for nationals of a country whose Union-wide recognition rate is this or lower (latest annual Eurostat average)',
    unit: 'percent',
    values: [
      {
        since: FROM,
        value: 20,
        source: {
          act: 'APR',
          article: '42',
          paragraph: '1',
          point: 'j',
          status: 'reported',
          note: 'point (j) read from its use in Arts 45, 48 and 50 and press reports [S45][S46][S47][S40b]; its exact wording was not seen',
        },
      },
    ],
  },
  {
    name: 'apr.border-procedure.adequate-capacity-union',
    description: 'Union-wide adequate capacity for the border procedure (places)',
    unit: 'persons',
    values: [
      {
        since: FROM,
        value: 30000,
        source: {
          act: 'APR',
          article: '46',
          status: 'unconfirmed',
          note: 'UNCONFIRMED: "an annual target of 30,000 places for the EU" (Agence Europe [S28b]); the text of Art. 46 was not read',
        },
      },
    ],
  },
]);
