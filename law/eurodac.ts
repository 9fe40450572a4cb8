// Eurodac Regulation (EU) 2024/1358: transmission deadlines, minimum age, retention.
import { defineParameters } from './schema.ts';

const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'eurodac.irregular-crossing.transmission-deadline',
    description:
      'Biometric data of a person apprehended for an irregular crossing are transmitted within this time of apprehension',
    unit: 'hours',
    values: [
      {
        since: FROM,
        value: 72,
        source: { act: 'EURODAC', article: '22', paragraph: '2', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'eurodac.technical-problems.extension',
    description: 'The transmission deadline may be extended by this for serious technical problems',
    unit: 'hours',
    values: [
      {
        since: FROM,
        value: 48,
        source: { act: 'EURODAC', article: '22', paragraph: '6', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'eurodac.applicant.transmission-deadline',
    description:
      "An applicant's biometric data are transmitted within this time of registration (Art. 15(1)(a)), or of being taken when the application is made at a border crossing point or in a transit zone (Art. 15(1)(b))",
    unit: 'hours',
    values: [
      {
        since: FROM,
        value: 72,
        source: {
          act: 'EURODAC',
          article: '15',
          paragraph: '1',
          status: 'confirmed',
          note: "issue 17: Art. 15(1) read in the OJ text's rendering (fantasticsearch.net, CELEX 32024R1358): (a) 'no later than 72 hours from that registration'; (b) 'no later than 72 hours after the biometric data have been taken'",
        },
      },
    ],
  },
  {
    name: 'eurodac.minimum-age',
    description: 'Biometric data are taken from persons of at least this age',
    unit: 'years-of-age',
    values: [
      {
        since: FROM,
        value: 6,
        source: {
          act: 'EURODAC',
          article: '22',
          paragraph: '1',
          status: 'reported',
          note: 'Art. 22(1) for irregular crossers and Art. 15(1) for applicants, read in article renderings [S83][S84]; the confirmed row 10a covers persons aged 6+',
        },
      },
    ],
  },
  {
    name: 'eurodac.retention.applicants',
    description: 'Data of applicants are kept this long',
    unit: 'years',
    values: [
      {
        since: FROM,
        value: 10,
        source: { act: 'EURODAC', article: '29', paragraph: '1', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'eurodac.retention.irregular-crossers',
    description: 'Data of persons apprehended for an irregular crossing are kept this long from transmission',
    unit: 'years',
    values: [
      {
        since: FROM,
        value: 5,
        source: { act: 'EURODAC', article: '29', paragraph: '6', status: 'confirmed' },
      },
    ],
  },
  // issue 16: retention
  {
    name: 'eurodac.retention.illegal-stayers',
    description:
      'Data of persons found staying illegally in the territory (Art. 23) are kept this long from transmission',
    unit: 'years',
    values: [
      {
        since: FROM,
        value: 5,
        source: {
          act: 'EURODAC',
          article: '29',
          paragraph: '7',
          status: 'reported',
          note: 'read in two renderings of the article (CELEX 32024R1358), not in the OJ second pass: "shall be stored in Eurodac for five years from the date on which the biometric data were transmitted"',
        },
      },
    ],
  },
  {
    name: 'eurodac.retention.disembarked',
    description:
      'Data of persons disembarked after a search and rescue operation (Art. 24) are kept this long from transmission',
    unit: 'years',
    values: [
      {
        since: FROM,
        value: 5,
        source: {
          act: 'EURODAC',
          article: '29',
          paragraph: '8',
          status: 'reported',
          note: 'read in two renderings of the article (CELEX 32024R1358), not in the OJ second pass: "shall be stored in Eurodac for five years from the date on which the biometric data were transmitted"',
        },
      },
    ],
  },
]);
