// How much work the long tests do: `npm test` (what a newcomer runs, under two minutes) takes a smaller volume,
// `npm run test:soak` (CI runs it too; vitest.soak.config.ts sets PACT_SOAK=1) the full one. The checks are the
// same in both; only the number of requests, generated inputs or crash rounds differs.
export const SOAK = process.env.PACT_SOAK === '1';

/** `soak` under `npm run test:soak`, `quick` under `npm test`. */
export const volume = (soak: number, quick: number): number => (SOAK ? soak : quick);
