// The acts that Pact's parameters cite. A parameter's citation names one of these keys; the key's entry
// gives the full title, the Official Journal reference and the date from which the act applies.
// Sources: shared/spec/pact-rules.md, sections 0 and "Confirmed against the Official Journal text".

export const ACTS = {
  AMMR: {
    short: 'AMMR',
    title: 'Regulation (EU) 2024/1351 on asylum and migration management',
    oj: 'OJ L, 2024/1351, 22.5.2024',
    appliesFrom: '2026-07-01',
    note: 'Art. 85: applies from 1 July 2026; Arts 7–15, 56–57, 78, 84 (among others) from 11 June 2024.',
  },
  APR: {
    short: 'APR',
    title: 'Regulation (EU) 2024/1348 establishing a common procedure for international protection',
    oj: 'OJ L, 2024/1348, 22.5.2024',
    appliesFrom: '2026-06-12',
  },
  SR: {
    short: 'Screening Regulation',
    title:
      'Regulation (EU) 2024/1356 introducing the screening of third-country nationals at the external borders',
    oj: 'OJ L, 2024/1356, 22.5.2024',
    appliesFrom: '2026-06-12',
  },
  CFMR: {
    short: 'Crisis Regulation',
    title: 'Regulation (EU) 2024/1359 addressing situations of crisis and force majeure',
    oj: 'OJ L, 2024/1359, 22.5.2024',
    appliesFrom: '2026-07-01',
  },
  RBPR: {
    short: 'Return Border Procedure Regulation',
    title: 'Regulation (EU) 2024/1349 establishing a return border procedure',
    oj: 'OJ L, 2024/1349, 22.5.2024',
    appliesFrom: '2026-06-12',
    note: 'UNCONFIRMED: the application date of the RBPR was not read; taken as the Pact package date, 12 June 2026 (pact-rules.md §0).',
  },
  EURODAC: {
    short: 'Eurodac Regulation',
    title: 'Regulation (EU) 2024/1358 on the establishment of Eurodac',
    oj: 'OJ L, 2024/1358, 22.5.2024',
    appliesFrom: '2026-06-12',
  },
  'CID-2025-2323': {
    short: 'Commission Implementing Decision (EU) 2025/2323',
    title:
      'Commission Implementing Decision (EU) 2025/2323 of 11 November 2025 (AMMR Art. 11: migratory pressure)',
    oj: 'OJ L, 14.11.2025 (C/2025/7099)',
    appliesFrom: '2025-11-11',
  },
  'COM-2025-795': {
    short: 'Commission package of 11 November 2025',
    title:
      'European Annual Asylum and Migration Report 2025, COM(2025) 795, with the (non-public) proposal for the 2026 Annual Solidarity Pool (AMMR Arts 9 and 12)',
    oj: 'not published in the OJ',
    appliesFrom: '2025-11-11',
  },
  'CID-2025-2642': {
    short: 'Council Implementing Decision (EU) 2025/2642',
    title:
      'Council Implementing Decision (EU) 2025/2642 of 19 December 2025 establishing the Annual Solidarity Pool for 2026',
    oj: 'OJ L, 23.12.2025 (ST/16574/2025/INIT)',
    appliesFrom: '2025-12-19',
  },
  'PROTOCOL-22': {
    short: 'Protocol No 22',
    title: 'Protocol (No 22) on the position of Denmark, annexed to the TEU and the TFEU',
    oj: 'OJ C 202, 7.6.2016, p. 298',
    appliesFrom: '2009-12-01',
  },
  'IE-OPT-IN-2024': {
    short: "Ireland's opt-in",
    title:
      "Ireland's notification of 27 June 2024 under Protocol No 21 and the Commission decisions of 31 July 2024 confirming its participation (AMMR among seven Pact acts)",
    oj: 'Commission decisions of 31.7.2024',
    appliesFrom: '2024-07-31',
  },
  'EUROSTAT-RELEASES': {
    short: 'Eurostat release practice',
    title:
      'Eurostat release calendar: population on 1 January (demo_pjan) published in July of the same year; annual GDP (nama_10_gdp) published in March of the following year',
    oj: 'not a legal act',
    appliesFrom: '2000-01-01',
  },
  'R-1182-71': {
    short: 'Regulation 1182/71',
    title:
      'Regulation (EEC, Euratom) No 1182/71 determining the rules applicable to periods, dates and time limits',
    oj: 'OJ L 124, 8.6.1971, p. 1',
    appliesFrom: '1971-07-01',
  },
  // issue 17: detention
  RCD: {
    short: 'Reception Conditions Directive',
    title:
      'Directive (EU) 2024/1346 laying down standards for the reception of applicants for international protection (recast)',
    oj: 'OJ L, 2024/1346, 22.5.2024',
    appliesFrom: '2026-06-12',
    note: 'UNCONFIRMED: the transposition date was not read; taken as the Pact package date, 12 June 2026 (pact-rules.md §0).',
  },
  RD: {
    short: 'Return Directive',
    title:
      'Directive 2008/115/EC on common standards and procedures in Member States for returning illegally staying third-country nationals',
    oj: 'OJ L 348, 24.12.2008, p. 98',
    appliesFrom: '2010-12-24',
    note: 'UNCONFIRMED: the transposition date (Art. 20) was not read in this session.',
  },
  'LT-ALIENS': {
    short: "Lithuania's Law on the Legal Status of Aliens",
    title: 'Law of the Republic of Lithuania on the Legal Status of Aliens No IX-2206, as amended in 2021',
    oj: 'TAR (Register of Legal Acts of Lithuania)',
    appliesFrom: '2021-08-10',
    note: 'REPORTED (pact-rules.md §9): amended by Law XIV-515 of 10 August 2021; the amendments were not read in the Register of Legal Acts and their entry into force is taken as the date of that law.',
  },
  // issue 17: national emergency measures (law/national/emergency-measures.ts) — national acts, not EU acts
  'LT-STATE-BORDER-2023': {
    short: 'Lithuania, Law on the State Border (amended 25 April 2023)',
    title:
      'Republic of Lithuania, Law on the State Border and the Guard Thereof, as amended by the Seimas on 25 April 2023 (turning away at the border in a state-level extreme situation or state of emergency)',
    oj: 'Register of Legal Acts (TAR) reference not read; Seimas press release of 25 April 2023',
    appliesFrom: '2023-05-03',
    note: 'REPORTED (pact-rules.md §8, §9): planned entry into force 3 May 2023; the published text was not read.',
  },
  'PL-ACT-2025-389': {
    short: 'Poland, Act of 21 February 2025 (Dz.U. 2025 poz. 389)',
    title:
      'Republic of Poland, Act of 21 February 2025 amending the Act of 13 June 2003 on granting protection to foreigners (Art. 33a–33b: temporary restriction of the right to apply for international protection)',
    oj: 'Dziennik Ustaw 2025 poz. 389',
    appliesFrom: '2025-03-27',
    note: 'REPORTED (pact-rules.md §9; Office for Foreigners notice of 27 March 2025): the text of the act was not read.',
  },
  'PL-REG-2025-390': {
    short: 'Poland, Regulation of the Council of Ministers of 27 March 2025 (Dz.U. 2025 poz. 390)',
    title:
      'Regulation of the Council of Ministers of 27 March 2025 on the temporary restriction of the right to apply for international protection at the state border with the Republic of Belarus',
    oj: 'Dziennik Ustaw 2025 poz. 390',
    appliesFrom: '2025-03-27',
    note: 'REPORTED (pact-rules.md §9; Office for Foreigners notice of 27 March 2025): in force for 60 days from 27 March 2025.',
  },
  // issue 22: admission
  URF: {
    short: 'Union Resettlement Framework',
    title:
      'Regulation (EU) 2024/1350 establishing a Union Resettlement and Humanitarian Admission Framework, and amending Regulation (EU) 2021/1147',
    oj: 'OJ L, 2024/1350, 22.5.2024',
    appliesFrom: '2026-06-12',
    note: 'Art. 16: entered into force on 11 June 2024, applies from 12 June 2026 (eumonitor.eu key dates).',
  },
} as const;

export type ActKey = keyof typeof ACTS;
export const ACT_KEYS = Object.keys(ACTS) as [ActKey, ...ActKey[]];
