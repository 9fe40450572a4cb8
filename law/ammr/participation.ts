// Which member states the AMMR binds, and so which enter the reference key (Art. 66).
// Denmark does not take part (Protocol No 22); Ireland opted in after adoption (Protocol No 21).
import { defineParameters } from '../schema.ts';

const WITHOUT_DK_IE = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

export default defineParameters([
  {
    name: 'ammr.participating-states',
    description:
      'Member states bound by the AMMR, among whom the reference key and the fair shares are computed',
    unit: 'states',
    values: [
      {
        since: '2024-06-11',
        value: WITHOUT_DK_IE,
        source: {
          act: 'PROTOCOL-22',
          article: '2',
          status: 'unconfirmed',
          note: 'entry into force of the AMMR (11.6.2024) for the 25 states bound on adoption: Denmark takes no part (Protocol No 22, "only Denmark is using the opt-out" [S30]); Ireland not yet bound before its opt-in was confirmed. UNCONFIRMED (pact-rules.md §1.5): that the Annex I denominator is exactly these states, benefitting states included',
        },
      },
      {
        since: '2024-07-31',
        value: [...WITHOUT_DK_IE, 'IE'],
        source: {
          act: 'IE-OPT-IN-2024',
          article: 'Protocol No 21, Art. 4',
          status: 'unconfirmed',
          note: "Ireland notified 27 June 2024; Commission decisions of 31 July 2024 confirmed its participation in the AMMR [S28][S29]; the date from which those decisions make the AMMR apply to Ireland was not read (UNCONFIRMED: taken as the decisions' date). UNCONFIRMED (pact-rules.md §1.5): that the Annex I denominator is exactly these states, benefitting states included",
        },
      },
    ],
  },
]);
