// What the law attaches to a minor (APR Arts 22–23; AMMR Art. 23; Screening Regulation Art. 13): the period within which an unaccompanied minor who made an application gets a
// representative. Who is a minor: `screening.minor.age` (law/screening.ts). Read by src/domain/minor-rules.ts.
import { defineParameters } from '../schema.ts';

const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'apr.unaccompanied-minor.representative-deadline',
    description:
      'A representative is appointed to an unaccompanied minor no later than this from when the application is made',
    unit: 'working-days',
    values: [
      {
        since: FROM,
        value: 15,
        source: {
          act: 'APR',
          article: '23',
          paragraph: '2',
          status: 'reported',
          note: 'UNCONFIRMED number: point (b) of Art. 23(2) ("appoint a representative as soon as possible and no later than 15 working days from the date on which the application is made"); the texts read (exlege.bg, Bulgarian) break off before the number. AMMR Art. 23(2) and Screening Regulation Art. 13(3) (representative "as soon as possible") confirmed',
        },
      },
    ],
  },
]);
