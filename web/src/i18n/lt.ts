// Lithuanian messages: exactly the keys of en.ts, one file per area under lt/ (each typed against its en/ file,
// so a missing or extra key is a compile error).
import type { MessageKey } from './en.ts';
import { admission } from './lt/admission.ts';
// issue 22: admission-arrival
import { admissionArrival } from './lt/admission-arrival.ts';
import { app } from './lt/app.ts';
import { cases } from './lt/cases.ts';
import { desk } from './lt/desk.ts';
import { guarantees } from './lt/guarantees.ts';
import { identity } from './lt/identity.ts';
import { monitoring } from './lt/monitoring.ts';
import { papers } from './lt/papers.ts';
import { refusal } from './lt/refusal.ts';
import { responsibility } from './lt/responsibility.ts';
import { returnFigures } from './lt/return-figures.ts';
import { returns } from './lt/returns.ts';
import { solidarity } from './lt/solidarity.ts';

export const lt: Readonly<Record<MessageKey, string>> = {
  ...app,
  ...desk,
  ...refusal,
  ...cases,
  ...papers,
  ...identity,
  ...guarantees,
  ...responsibility,
  ...solidarity,
  ...monitoring,
  // issue 22: assisted voluntary return and readmission
  ...returns,
  // issue 22: return figures
  ...returnFigures,
  // issue 22: admission
  ...admission,
  // issue 22: admission-arrival
  ...admissionArrival,
};
