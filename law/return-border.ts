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
          status: 'confirmed',
          note: "issue 17: Art. 4(2) read in the OJ text's rendering (fantasticsearch.net, CELEX 32024R1349): 'a period not exceeding 12 weeks … shall start from the date on which the applicant … no longer has a right to remain and is not allowed to remain'",
        },
      },
    ],
  },
  {
    name: 'rbpr.crisis-extension',
    description:
      'In a situation of crisis as defined in CFMR Art. 1(4) (mass arrivals or instrumentalisation, not force majeure), for persons whose application was rejected in a border procedure applied under CFMR Art. 11(3), (4) or (6), the return border procedure may be extended by up to this',
    unit: 'weeks',
    values: [
      {
        since: FROM,
        value: 6,
        source: {
          act: 'RBPR',
          article: '6',
          paragraph: '1',
          point: 'a',
          status: 'confirmed',
          note: "issue 17: Art. 6(1) read in the OJ text's rendering (fantasticsearch.net, CELEX 32024R1349): 'In a situation of crisis as defined in Article 1(4) of Regulation (EU) 2024/1359 and in relation to … persons whose application has been rejected in the context of the asylum border procedure pursuant to Article 11(3), (4) and (6) …: (a) … an additional period of a maximum of six weeks'",
        },
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
