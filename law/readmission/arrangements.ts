// issue 22: readmission arrangements with third countries, as data — one entry a country: the legal basis, the
// documents accepted as proof or presumption of nationality, how long the country has to answer a request,
// and what its silence means. Every fact carries its source; what was not found is UNCONFIRMED and, where a
// queue needs a value (the reply's due date), the value is a NATIONAL SETTING of this installation, stated as
// such — never law. src/domain/returns/ reads it (the `readmission-reply` obligation); GET /api/readmission-
// arrangements shows it to return officers; docs/returns.md lists the sources.
import type { READMISSION_DOCUMENTS } from '../../src/domain/returns/commands.ts';

type Doc = (typeof READMISSION_DOCUMENTS)[number];

export interface Sourced<T> {
  readonly value: T;
  /** where the fact was read, or why it is a setting */
  readonly source: string;
  /** confirmed: read in the text; reported: a secondary source; unconfirmed: not found (a setting) */
  readonly status: 'confirmed' | 'reported' | 'unconfirmed';
}

export interface ReadmissionArrangement {
  /** ISO 3166-1 alpha-2 of the third country */
  readonly country: string;
  readonly name: string;
  readonly legalBasis: readonly Sourced<string>[];
  /** documents the country accepts as proof of nationality, and as a presumption of it */
  readonly documents: Sourced<{ readonly proof: readonly Doc[]; readonly presumption: readonly Doc[] }>;
  /**
   * The time the country has to answer a request, from its sending: the queue's `readmission-reply` due date.
   * basis `arrangement` when the arrangement fixes it, `national-setting` when it does not.
   */
  readonly replyTimeLimit: Sourced<{
    readonly amount: number;
    readonly unit: 'days' | 'working-days';
    readonly basis: 'arrangement' | 'national-setting';
  }>;
  /** what no answer within the time limit means: nothing stated, acceptance or refusal */
  readonly silence: Sourced<'not-stated' | 'acceptance' | 'refusal'>;
  readonly notes: readonly Sourced<string>[];
}

const PCA =
  'EU–Iraq Partnership and Cooperation Agreement (signed Brussels, 11 May 2012; OJ L 204, 31.7.2012)';

export const READMISSION_ARRANGEMENTS: readonly ReadmissionArrangement[] = [
  {
    country: 'IQ',
    name: 'Iraq',
    legalBasis: [
      {
        value: `${PCA}, Art. 105(3)(a): Iraq agrees to readmit any of its nationals who do not, or no longer, fulfil the conditions for entry, stay or residence in a Member State, upon request and without further formalities`,
        source:
          'Art. 105(3)–(4) read in the Portuguese rendering of the agreement (debates.parlamento.pt, DAR II série A 129, 8 May 2013) and in the Czech one (codexis.cz, 18/2022 Sb. m. s.); Art. 105(1)–(2) in English (wti.org)',
        status: 'reported',
      },
      {
        value:
          'In force since 1 August 2018 (COM(2021) 414, recital 1: the PCA "reiterates the customary obligation for both Parties to readmit their own nationals … (Art. 105 3.)")',
        source: 'eumonitor.eu, COM(2021) 414 (proposal to suspend provisions of the Visa Code for Iraq)',
        status: 'reported',
      },
      {
        value:
          'No EU readmission agreement with Iraq, and no bilateral Lithuania–Iraq readmission arrangement was found (UNCONFIRMED)',
        source: 'not found in the sources searched for this project',
        status: 'unconfirmed',
      },
    ],
    documents: {
      value: {
        proof: [
          'passport',
          'expired-passport',
          'national-identity-card',
          'nationality-certificate',
          'laissez-passer',
        ],
        presumption: [
          'photocopy-of-document',
          'civil-status-document',
          'driving-licence',
          'military-or-service-card',
          'statement-of-person',
          'witness-statement',
          'language-assessment',
          'biometric-data',
        ],
      },
      source:
        'UNCONFIRMED — PCA Art. 105(4) says only that the parties provide their nationals with "appropriate identity documents" and that, where the person has no documents or other proof of nationality, the consular representation arranges to interview the person to establish the nationality. The lists are the usual ones of EU readmission agreements (proof / prima facie evidence), a national setting, not terms agreed with Iraq',
      status: 'unconfirmed',
    },
    replyTimeLimit: {
      value: { amount: 30, unit: 'days', basis: 'national-setting' },
      source:
        'UNCONFIRMED — PCA Art. 105 sets no time limit for Iraq to answer ("without further formalities"); 30 calendar days is the follow-up date of this installation, a national setting, not law',
      status: 'unconfirmed',
    },
    silence: {
      value: 'not-stated',
      source: 'PCA Art. 105 says nothing of silence: no answer means no answer (the request stays open)',
      status: 'reported',
    },
    notes: [
      {
        value:
          'In 2021 Iraq declared it would not cooperate on non-voluntary returns; the Commission proposed to suspend provisions of the Visa Code for Iraqi nationals for insufficient cooperation on readmission',
        source: 'eumonitor.eu, COM(2021) 414, recitals 1–3',
        status: 'reported',
      },
      {
        value:
          'Art. 105(4): a person without documents or other proof of nationality is interviewed by the consular representation to establish it — request kind "identity-confirmation"',
        source: 'PCA Art. 105(4) (debates.parlamento.pt rendering)',
        status: 'reported',
      },
    ],
  },
];

/** The arrangement with `country`, if this installation has one. */
export const arrangementOf = (country: string | undefined): ReadmissionArrangement | undefined =>
  READMISSION_ARRANGEMENTS.find((a) => a.country === country);
