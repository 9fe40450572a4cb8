// issue 22: Return Directive 2008/115/EC — the period for voluntary departure (Art. 7) and what follows when
// it passes without the person leaving (Arts 8(1), 11(1)(b)). Read in renderings of the OJ text
// (europeanmigrationlaw.eu, CELEX 32008L0115: Arts 8 and 14; the EMN glossary and the European synthesis
// report on Arts 7–11 for Art. 7(1)–(4); the CJEU summary of C-806/18 quoting Art. 11(1)), not in the OJ
// itself: status "reported".
import { defineParameters } from './schema.ts';

const RD_FROM = '2010-12-24'; // the transposition date (law/acts.ts RD: UNCONFIRMED)

export default defineParameters([
  {
    name: 'rd.voluntary-departure.minimum',
    description:
      'A return decision provides for an appropriate period for voluntary departure of at least this (a shorter period, or none, only on the grounds of Art. 7(4): risk of absconding, a manifestly unfounded or fraudulent application, a danger to public policy, public security or national security)',
    unit: 'days',
    values: [
      {
        since: RD_FROM,
        value: 7,
        source: {
          act: 'RD',
          article: '7',
          paragraph: '1',
          status: 'reported',
          note: 'issue 22: "an appropriate period for voluntary departure of between seven and thirty days" (EMN glossary, voluntary departure; European synthesis report on Arts 7–11); shorter or none: Art. 7(4)',
        },
      },
    ],
  },
  {
    name: 'rd.voluntary-departure.maximum',
    description:
      'The period for voluntary departure granted in the return decision is at most this; it may then be extended (Art. 7(2))',
    unit: 'days',
    values: [
      {
        since: RD_FROM,
        value: 30,
        source: {
          act: 'RD',
          article: '7',
          paragraph: '1',
          status: 'reported',
          note: 'issue 22: "between seven and thirty days" (EMN glossary; European synthesis report on Arts 7–11). Art. 7(2): "where necessary, extend the period … by an appropriate period" — no maximum for the extension',
        },
      },
    ],
  },
  // National settings, not numbers of the law: Arts 8(1) and 11(1)(b) give NO time limit. Removal and the
  // entry ban become due when the period lapses; a queue needs a date to follow them up by. These defaults
  // are this installation's, visible as such in the queue's article; a state replaces them with its own.
  {
    name: 'national.return.removal-follow-up',
    description:
      'NATIONAL SETTING (not law): when the period for voluntary departure lapsed without a confirmed departure, the removal (RD Art. 8(1): "take all necessary measures to enforce the return decision") is followed up within this',
    unit: 'days',
    values: [
      {
        since: RD_FROM,
        value: 30,
        source: {
          act: 'RD',
          article: '8',
          paragraph: '1',
          status: 'unconfirmed',
          note: 'UNCONFIRMED — a national setting, not law: Art. 8(1) sets no time limit (read on europeanmigrationlaw.eu); 30 days is the default follow-up date of this installation',
        },
      },
    ],
  },
  {
    name: 'national.return.entry-ban-follow-up',
    description:
      'NATIONAL SETTING (not law): when the obligation to return was not complied with, the entry ban that must accompany the return decision (RD Art. 11(1)(b)) is decided within this',
    unit: 'days',
    values: [
      {
        since: RD_FROM,
        value: 7,
        source: {
          act: 'RD',
          article: '11',
          paragraph: '1',
          point: 'b',
          status: 'unconfirmed',
          note: 'UNCONFIRMED — a national setting, not law: Art. 11(1) ("return decisions shall be accompanied by an entry ban … (b) if the obligation to return has not been complied with", quoted in the CJEU summary of C-806/18) sets no time limit; 7 days is the default of this installation',
        },
      },
    ],
  },
]);
