// Return Border Procedure Regulation (EU) 2024/1349.
import { defineParameters } from './schema.ts';

const FROM = '2026-06-12'; // UNCONFIRMED: the RBPR's own application date was not read (law/acts.ts)

export default defineParameters([
  {
    name: 'rbpr.maximum-duration',
    description:
      'A person whose application was rejected in the border procedure stays at or near the border at most this long, from when they no longer have a right to remain',
    unit: 'weeks',
    values: [
      {
        since: FROM,
        value: 12,
        source: {
          act: 'RBPR',
          article: '4',
          paragraph: '2',
          status: 'reported',
          note: 'article rendering [S78]',
        },
      },
    ],
  },
  {
    name: 'rbpr.crisis-extension',
    description: 'In a situation of crisis the return border procedure may be extended by up to this',
    unit: 'weeks',
    values: [
      {
        since: FROM,
        value: 6,
        source: { act: 'RBPR', article: '6', status: 'reported', note: 'article rendering [S75]' },
      },
    ],
  },
  {
    name: 'rbpr.voluntary-departure.maximum',
    description:
      'A period for voluntary departure of up to this may be granted (not where there is a risk of absconding, a manifestly unfounded rejection or a security risk)',
    unit: 'days',
    values: [
      {
        since: FROM,
        value: 15,
        source: {
          act: 'RBPR',
          article: 'article not read',
          status: 'unconfirmed',
          note: 'UNCONFIRMED: from the EUR-Lex and Parliament summaries [S79][S80]; the article holding it was not read',
        },
      },
    ],
  },
]);
