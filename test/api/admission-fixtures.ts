// issue 22: the programme the admission API tests set up — 20 persons resettled from a camp in Belarus, pledged
// 10 by Lithuania and 10 by Poland, split by pledges. Synthetic.
export const CAMP_PROGRAMME = {
  name: 'Resettlement from a camp',
  planStart: '2026-07-01',
  admissionType: 'resettlement',
  region: 'a camp in a third country',
  thirdCountry: 'BY',
  referringOrganisation: 'UNHCR',
  total: 20,
  splitMethod: 'pledges',
  pledges: [
    { state: 'LT', admissionType: 'resettlement', persons: 10 },
    { state: 'PL', admissionType: 'resettlement', persons: 10 },
  ],
} as const;
