// The first Annual Solidarity Pool, for 2026. Proposed by the Commission on 11 November 2025 with the
// Report (AMMR Art. 12), set by the Council on 19 December 2025 (AMMR Art. 57(1)). The Council halved the
// statutory minimum because the first cycle runs only from 12 June 2026 [S14][S27][S37].
// A pool's parameters are named pool-YEAR.*; `pact fair-shares --pool YEAR` reads them.
import { defineParameters } from '../schema.ts';

const COUNCIL = {
  act: 'CID-2025-2642',
  article: 'as reported (annex not read)',
  status: 'reported',
  note: 'from the preamble and the Council press release of 8 Dec 2025 [S14][S24b]; the annex (per-state pledges) was not read',
} as const;

export default defineParameters([
  {
    name: 'pool-2026.proposed-on',
    description:
      'Date of the Commission proposal for the 2026 pool; the reference data of the fair shares are those published by this date',
    unit: 'date',
    values: [
      {
        since: '2025-11-11',
        value: '2025-11-11',
        source: {
          act: 'COM-2025-795',
          article: 'AMMR Art. 12',
          status: 'reported',
          note: 'package of 11 Nov 2025 [S17][S22]; the 15 October deadline was missed',
        },
      },
    ],
  },
  {
    name: 'pool-2026.commission-proposal.relocations',
    description:
      "Relocations in the Commission's (non-public) proposal for 2026, against which Art. 63(1) measures pledges",
    unit: 'persons',
    values: [
      {
        since: '2025-11-11',
        value: 30000,
        source: {
          act: 'COM-2025-795',
          article: 'AMMR Art. 12',
          status: 'unconfirmed',
          note: 'UNCONFIRMED: the proposal was not published; press reports say it proposed the statutory minimum [S16][S35][S37]',
        },
      },
    ],
  },
  {
    name: 'pool-2026.adopted-on',
    description: 'Date of the Council implementing act establishing the 2026 pool (AMMR Art. 57(1))',
    unit: 'date',
    values: [{ since: '2025-12-19', value: '2025-12-19', source: COUNCIL }],
  },
  {
    name: 'pool-2026.relocations',
    description: 'Reference number of relocations of the 2026 Annual Solidarity Pool',
    unit: 'persons',
    values: [{ since: '2025-12-19', value: 21000, source: COUNCIL }],
  },
  {
    name: 'pool-2026.financial-contributions',
    description: 'Reference amount of financial contributions of the 2026 Annual Solidarity Pool',
    unit: 'EUR',
    values: [{ since: '2025-12-19', value: 420000000, source: COUNCIL }],
  },
  {
    name: 'pool-2026.benefitting-states',
    description:
      'Member states that may benefit from the 2026 pool (under migratory pressure, Decision 2025/2323)',
    unit: 'states',
    values: [{ since: '2025-12-19', value: ['CY', 'GR', 'IT', 'ES'], source: COUNCIL }],
  },
  {
    name: 'pool-2026.deduction-eligible-states',
    description: 'Member states that may request a deduction of their 2026 contributions (AMMR Art. 62)',
    unit: 'states',
    values: [{ since: '2025-12-19', value: ['AT', 'BG', 'HR', 'CZ', 'EE', 'PL'], source: COUNCIL }],
  },
]);
