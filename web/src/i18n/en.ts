// English messages: the source catalogue, one file per area under en/. Every other language has exactly
// these keys (lt.ts is made of files typed against these; test/web/catalogues.test.ts also checks that every
// value of the domain's lists has a label). A new area: a file in en/ and lt/, and a line in both lists.
import { admission } from './en/admission.ts';

// issue 22: admission-arrival
import { admissionArrival } from './en/admission-arrival.ts';
import { app } from './en/app.ts';
import { cases } from './en/cases.ts';
import { desk } from './en/desk.ts';
import { guarantees } from './en/guarantees.ts';
import { identity } from './en/identity.ts';
import { monitoring } from './en/monitoring.ts';
import { papers } from './en/papers.ts';
import { refusal } from './en/refusal.ts';
import { responsibility } from './en/responsibility.ts';
import { returnFigures } from './en/return-figures.ts';
import { returns } from './en/returns.ts';
import { solidarity } from './en/solidarity.ts';

export const en = {
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
} as const;

export type MessageKey = keyof typeof en;
