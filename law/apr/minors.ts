// What the law attaches to a minor (APR Arts 22–23; AMMR Art. 23; Screening Regulation Art. 13): the age below
// which a person is a minor, and the period within which an unaccompanied minor who made an application gets a
// representative. Read by the amendment of a person (src/domain/minor-rules.ts).
import { defineParameters } from '../schema.ts';

const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'apr.minor.age-limit',
    description:
      'A person below this age is a minor (the benefit of the doubt goes to minority: APR Art. 25)',
    unit: 'years-of-age',
    values: [
      {
        since: FROM,
        value: 18,
        source: {
          act: 'APR',
          article: '3',
          status: 'reported',
          note: 'UNCONFIRMED point of Art. 3: "minor" is a third-country national or stateless person below the age of 18 years (the definition shared by the Pact acts); the definitions article was not read in full',
        },
      },
    ],
  },
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
