// English messages: the case of a person admitted under Regulation (EU) 2024/1350, started on arrival (issue 22;
// see ../en.ts).
export const admissionArrival = {
  'kind.admission-arrival': 'Arrived under an admission programme',
  'action.admission.arrived': 'Admitted person arrived',
} as const;
