// When the figures the reference key needs (AMMR Art. 66: "the latest available Eurostat data") count as
// published. Eurostat publishes population on 1 January of year Y in July of Y, and GDP of year Y in March
// of Y+1. Pact counts figures as available from the first day of the month after publication, so that a
// date inside the publication month never uses figures that may not be out yet.
import { defineParameters } from './schema.ts';

const PRACTICE = {
  act: 'EUROSTAT-RELEASES',
  article: 'release calendar',
  status: 'unconfirmed',
  note: "UNCONFIRMED: which figures Art. 66's 'latest available Eurostat data' means is not settled in the text read (pact-rules.md §1.5); this follows Eurostat's practice (population release of 11 July 2025; GDP in March of the following year), counted from the first day of the month after release",
} as const;

export default defineParameters([
  {
    name: 'reference-data.population.available-after',
    description:
      'Population on 1 January of year Y counts as available this long after 1 January of Y (published in July, used from 1 August)',
    unit: 'months',
    values: [{ since: '2000-01-01', value: 7, source: PRACTICE }],
  },
  {
    name: 'reference-data.recognition-rate.available-after',
    description:
      "A year's Union-wide recognition rates (Eurostat migr_asydcfsta, annual) count as available this long after the end of that year (APR Art. 42(1)(j): the latest annual Union-wide average)",
    unit: 'months',
    values: [
      {
        since: '2000-01-01',
        value: 3,
        source: {
          act: 'EUROSTAT-RELEASES',
          article: 'release calendar',
          status: 'unconfirmed',
          note: "UNCONFIRMED: Eurostat's release date of the annual asylum-decision data was not read; taken as the first quarter after the year, like GDP",
        },
      },
    ],
  },
  {
    name: 'reference-data.gdp.available-after',
    description:
      'GDP of year Y counts as available this long after the end of Y (published in March of Y+1, used from 1 April)',
    unit: 'months',
    values: [{ since: '2000-01-01', value: 3, source: PRACTICE }],
  },
]);
