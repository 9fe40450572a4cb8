// The guarantees modules' commands, joined into CaseCommand by src/domain/commands.ts.

import { RESPONSIBILITY_COMMANDS } from '../responsibility/commands.ts';
import { RETURNS_COMMANDS } from '../returns/commands.ts';
import { BORDER_CRISIS_COMMANDS } from './border-crisis-commands.ts';
import { DETENTION_COMMANDS } from './detention-commands.ts';
import { INTERVIEW_COMMANDS } from './interview-commands.ts';
import { MINORS_COMMANDS } from './minors-commands.ts';
import { REMEDIES_COMMANDS } from './remedies-commands.ts';
import { VULNERABILITY_COMMANDS } from './vulnerability-commands.ts';
import { WITHDRAWAL_COMMANDS } from './withdrawal-commands.ts';

export const GUARANTEE_COMMANDS = [
  ...VULNERABILITY_COMMANDS,
  ...MINORS_COMMANDS,
  ...DETENTION_COMMANDS,
  ...INTERVIEW_COMMANDS,
  ...REMEDIES_COMMANDS,
  ...WITHDRAWAL_COMMANDS,
  ...BORDER_CRISIS_COMMANDS,
  // issue 20: the member state responsible (src/domain/responsibility/commands.ts)
  ...RESPONSIBILITY_COMMANDS,
  // issue 22: assisted voluntary return and readmission (src/domain/returns/commands.ts)
  ...RETURNS_COMMANDS,
] as const;
