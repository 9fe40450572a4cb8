// APR Art. 67(7): the ranges inside which each member state fixes its appeal windows in national law.
// The national choices live in law/national/ and are checked against these ranges.
import { defineParameters } from '../schema.ts';

const FROM = '2026-06-12';

export default defineParameters([
  {
    name: 'apr.appeal.window-fast-track',
    description:
      'Range for the time to appeal a decision rejecting an application as inadmissible, implicitly withdrawn, unfounded or manifestly unfounded in the cases of Art. 67(7)(a) — applied only in the accelerated or border procedure (the condition after "if" was not read: UNCONFIRMED, pact-rules.md row 4a); counted from notification (Art. 67(8))',
    unit: 'period-range',
    values: [
      {
        since: FROM,
        value: { min: { amount: 5, unit: 'days' }, max: { amount: 10, unit: 'days' } },
        source: { act: 'APR', article: '67', paragraph: '7', point: 'a', status: 'confirmed' },
      },
    ],
  },
  {
    name: 'apr.appeal.window-other',
    description: 'Range for the time to appeal in all other cases',
    unit: 'period-range',
    values: [
      {
        since: FROM,
        value: { min: { amount: 2, unit: 'weeks' }, max: { amount: 1, unit: 'months' } },
        source: { act: 'APR', article: '67', paragraph: '7', point: 'b', status: 'confirmed' },
      },
    ],
  },
]);
