// Regulation (EU) 2024/1350 (Union Resettlement and Humanitarian Admission Framework, "URF"): the Union Plan's
// period (Art. 8), the refusal window of Art. 6(1)(f), the share of resettlement in a Union Plan (Art. 8(3)(a))
// and the time limits of the ordinary (Art. 9) and expedited (Art. 10) admission procedures.
// Read: Art. 6(1) and Art. 8(1) in article renderings (fantasticsearch.net, EN), Art. 8(3)(a) in sintact.ro
// (RO), Art. 16 (application from 12 June 2026) on eumonitor.eu. Arts 9 and 10 could not be read in this
// session: their time limits are UNCONFIRMED.
import { defineParameters } from '../schema.ts';

/** Art. 16(2): the Regulation applies from 12 June 2026 (eumonitor.eu: "12-06-2026; Application"). */
const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'urf.union-plan.period',
    description:
      'The Council adopts a Union Resettlement and Humanitarian Admission Plan for a period of this length, in the year before the period',
    unit: 'years',
    values: [
      {
        since: FROM,
        value: 2,
        source: {
          act: 'URF',
          article: '8',
          paragraph: '1',
          status: 'reported',
          note: 'Art. 8(1) "a two-year Union Resettlement and Humanitarian Admission Plan", read in an article rendering (fantasticsearch.net), not in the OJ text',
        },
      },
    ],
  },
  {
    name: 'urf.union-plan.resettlement-share',
    description:
      'The proportion of persons to be resettled in a Union Plan is not less than approximately this share of the total to be admitted',
    unit: 'percent',
    values: [
      {
        since: FROM,
        value: 60,
        source: {
          act: 'URF',
          article: '8',
          paragraph: '3',
          point: 'a',
          status: 'reported',
          note: 'Art. 8(3)(a) "nu mai puţin de aproximativ 60 %", read in the Romanian rendering (sintact.ro), not in the OJ text',
        },
      },
    ],
  },
  {
    name: 'urf.refusal.prior-refusal-window',
    description:
      'Admission is refused to a person whom a member state refused admission on ground (c) or (d) during this period before admission',
    unit: 'years',
    values: [
      {
        since: FROM,
        value: 3,
        source: {
          act: 'URF',
          article: '6',
          paragraph: '1',
          point: 'f',
          status: 'reported',
          note: 'Art. 6(1)(f) "during the three years before admission", read in an article rendering (fantasticsearch.net), not in the OJ text',
        },
      },
    ],
  },
  {
    name: 'urf.ordinary.decision-deadline',
    description:
      'The ordinary admission procedure is concluded, with a decision on admission, no later than this from the registration',
    unit: 'months',
    values: [
      {
        since: FROM,
        value: 7,
        source: {
          act: 'URF',
          article: '9',
          status: 'unconfirmed',
          note: 'UNCONFIRMED: the text of Art. 9 could not be read in this session (the renderings found gave its first lines only); 7 months from registration is the value reported for the final text. Any extension the article allows is not modelled until it is read.',
        },
      },
    ],
  },
  {
    name: 'urf.expedited.decision-deadline',
    description:
      'The expedited admission procedure is concluded, with a decision on admission, no later than this from the registration',
    unit: 'months',
    values: [
      {
        since: FROM,
        value: 3,
        source: {
          act: 'URF',
          article: '10',
          status: 'unconfirmed',
          note: 'UNCONFIRMED: the text of Art. 10 could not be read in this session; 3 months from registration is the value reported for the final text.',
        },
      },
    ],
  },
]);
