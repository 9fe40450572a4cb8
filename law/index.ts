// Every parameter file of the law, in one list. A new file is added here and is then validated, listed by
// `pact params` and available to the rules.
import ammrClassification from './ammr/classification.ts';
import ammrParticipation from './ammr/participation.ts';
import ammrRelocation from './ammr/relocation.ts';
import ammrResponsibility from './ammr/responsibility.ts';
import ammrSolidarity from './ammr/solidarity.ts';
import aprAppeal from './apr/appeal.ts';
import aprBorderProcedure from './apr/border-procedure.ts';
import aprExamination from './apr/examination.ts';
import aprLodging from './apr/lodging.ts';
import aprMinors from './apr/minors.ts';
import aprRegistration from './apr/registration.ts';
import crisis from './crisis.ts';
import detention from './detention.ts';
import eurodac from './eurodac.ts';
import nationalAppealWindows from './national/appeal-windows.ts';
import nationalEmergencyMeasures from './national/emergency-measures.ts';
import pool2026 from './pools/pool-2026.ts';
import referenceData from './reference-data.ts';
import returnDirective from './return.ts';
import returnBorder from './return-border.ts';
import type { ParameterInput } from './schema.ts';
import screening from './screening.ts';
import urfAdmission from './urf/admission.ts';

export const LAW_FILES: Readonly<Record<string, readonly ParameterInput[]>> = {
  'law/ammr/solidarity.ts': ammrSolidarity,
  'law/ammr/participation.ts': ammrParticipation,
  'law/ammr/classification.ts': ammrClassification,
  'law/ammr/responsibility.ts': ammrResponsibility,
  'law/ammr/relocation.ts': ammrRelocation,
  'law/apr/registration.ts': aprRegistration,
  'law/apr/lodging.ts': aprLodging,
  'law/apr/examination.ts': aprExamination,
  'law/apr/border-procedure.ts': aprBorderProcedure,
  'law/apr/appeal.ts': aprAppeal,
  'law/apr/minors.ts': aprMinors,
  'law/screening.ts': screening,
  'law/crisis.ts': crisis,
  'law/return-border.ts': returnBorder,
  'law/eurodac.ts': eurodac,
  'law/pools/pool-2026.ts': pool2026,
  'law/reference-data.ts': referenceData,
  'law/national/appeal-windows.ts': nationalAppealWindows,
  'law/detention.ts': detention,
  'law/national/emergency-measures.ts': nationalEmergencyMeasures,
  // issue 22: the Return Directive's voluntary departure (Art. 7) and what follows its lapse (Arts 8, 11)
  'law/return.ts': returnDirective,
  // issue 22: admission (Regulation (EU) 2024/1350)
  'law/urf/admission.ts': urfAdmission,
};
