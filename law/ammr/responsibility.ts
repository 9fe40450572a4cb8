// AMMR Part III: the member state responsible — criteria periods and the take-charge, take-back and
// transfer deadlines (Arts 33, 39–46). All apply from 1 July 2026 (Art. 85).
import { defineParameters, type ParameterInput } from '../schema.ts';

const FROM = '2026-07-01';

type Row = [
  name: string,
  description: string,
  unit: ParameterInput['unit'],
  value: number,
  article: string,
  paragraph: string | undefined,
  confirmed: boolean,
];

const rows: Row[] = [
  [
    'ammr.irregular-entry.responsibility-ends',
    'Responsibility for irregular entry ceases if the application is registered more than this after the crossing',
    'months',
    20,
    '33',
    undefined,
    false,
  ],
  [
    'ammr.search-and-rescue.responsibility-ends',
    'Responsibility of the state of disembarkation after search and rescue ceases after this',
    'months',
    12,
    '33',
    undefined,
    false,
  ],
  [
    'ammr.take-charge.request-deadline',
    'A take-charge request is made within this time of registration',
    'months',
    2,
    '39',
    '1',
    false,
  ],
  [
    'ammr.take-charge.request-deadline-after-hit',
    'A take-charge request is made within this time of a Eurodac or VIS hit',
    'months',
    1,
    '39',
    '1',
    false,
  ],
  [
    'ammr.take-charge.reply-deadline',
    'The requested state replies to a take-charge request within this time',
    'months',
    1,
    '40',
    '1',
    false,
  ],
  [
    'ammr.take-charge.reply-deadline-after-hit',
    'The requested state replies within this time where the request rests on a Eurodac or VIS hit',
    'weeks',
    2,
    '40',
    '2',
    false,
  ],
  [
    'ammr.take-back.notification-deadline',
    'A take-back notification is made within this time of the Eurodac hit',
    'weeks',
    2,
    '41',
    '1',
    false,
  ],
  [
    'ammr.take-back.confirmation-deadline',
    'The notified state confirms receipt within this time; silence counts as confirmation',
    'weeks',
    2,
    '41',
    '3',
    false,
  ],
  [
    'ammr.transfer-decision.deadline',
    'A transfer decision is taken within this time of acceptance or confirmation',
    'weeks',
    2,
    '42',
    '1',
    false,
  ],
  [
    'ammr.detention.request-deadline',
    'Request or notification for a detained person is made within this time',
    'weeks',
    2,
    '45',
    undefined,
    false,
  ],
  [
    'ammr.detention.reply-deadline',
    'Reply to a request concerning a detained person within this time; silence counts as acceptance',
    'weeks',
    1,
    '45',
    undefined,
    false,
  ],
  [
    'ammr.transfer.deadline',
    'A transfer to the member state responsible takes place within this time of acceptance, confirmation or the final suspensive appeal decision',
    'months',
    6,
    '46',
    '1',
    true,
  ],
  [
    'ammr.transfer.extension-imprisonment',
    'The transfer period may be extended up to this where the person is imprisoned',
    'years',
    1,
    '46',
    '2',
    true,
  ],
  [
    'ammr.transfer.extension-absconding',
    'The transfer period may be extended up to this where the person absconds, physically resists, makes themselves unfit or does not comply with medical requirements',
    'years',
    3,
    '46',
    '2',
    true,
  ],
  [
    'ammr.transfer.reappearance-minimum',
    'Where the person reappears with less than this left, the transferring state gets this much time',
    'months',
    3,
    '46',
    '2',
    true,
  ],
];

export default defineParameters(
  rows.map(([name, description, unit, value, article, paragraph, confirmed]) => ({
    name,
    description,
    unit,
    values: [
      {
        since: FROM,
        value,
        source: confirmed
          ? { act: 'AMMR', article, paragraph, status: 'confirmed' }
          : {
              act: 'AMMR',
              article,
              paragraph,
              status: 'reported',
              note: `article rendering [S2-${article}] and the Commission summary [S8]`,
            },
      },
    ],
  })),
);
