// What the law attaches to a minor (APR Arts 22–23; AMMR Art. 23; Screening Regulation Art. 13): the period within which an unaccompanied minor who made an application gets a
// representative, and how many unaccompanied minors one representative may be in charge of at the same time.
// Who is a minor: `screening.minor.age` (law/screening.ts). Read by src/domain/minor-rules.ts and
// src/domain/guarantees/minors.ts (the store counts a representative's minors: src/store/guarantees-minors.ts).
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
          point: 'b',
          status: 'reported',
          note: 'Read in the Spanish text of APR Art. 23(2)(b) as rendered by vademecumlegal.es ("nombrarán a un representante lo antes posible y, a más tardar, quince días hábiles a partir de la fecha en que se formule la solicitud"), not in the Official Journal itself; the Bulgarian rendering (exlege.bg) breaks off before the number. AMMR Art. 23(2) and Screening Regulation Art. 13(3) (representative "as soon as possible") confirmed',
        },
      },
    ],
  },
  {
    name: 'apr.unaccompanied-minor.representative-deadline-disproportionate',
    description:
      'The representative period where a disproportionate number of applications by unaccompanied minors, or other exceptional situations, make the contingency measures insufficient',
    unit: 'working-days',
    values: [
      {
        since: FROM,
        value: 25,
        source: {
          act: 'APR',
          article: '23',
          paragraph: '2',
          status: 'unconfirmed',
          note: 'UNCONFIRMED in the APR text: 25 working days read in a national implementation of APR Art. 23 (Ireland, International Protection Act 2026, s. 52(1), irishstatutebook.ie), not in the regulation; not applied by Pact yet (no command records the decision that the contingency measures are insufficient)',
        },
      },
    ],
  },
  {
    name: 'apr.unaccompanied-minor.representative-max-minors',
    description:
      'A representative (or the interim person) is in charge of no more than this many unaccompanied minors at the same time',
    unit: 'persons',
    values: [
      {
        since: FROM,
        value: 30,
        source: {
          act: 'APR',
          article: '23',
          paragraph: '2',
          status: 'unconfirmed',
          note: 'UNCONFIRMED in the APR text: 30 (50 in exceptional situations) read in a national implementation of APR Art. 23 and RCD Art. 27 (Ireland, International Protection Act 2026, s. 52(2), referring to "no more than 30 unaccompanied minors at any one time"); the paragraph of the regulation that sets it was not read',
        },
      },
    ],
  },
]);
