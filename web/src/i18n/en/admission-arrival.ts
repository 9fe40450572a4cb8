// English messages: the case of a person admitted under Regulation (EU) 2024/1350, started on arrival (issue 22;
// see ../en.ts).
export const admissionArrival = {
  'kind.admission-arrival': 'Arrived under an admission programme',
  'refusal.admission-arrival-by-file':
    "an admitted person's arrival is recorded by the admission file, not at the border desk",
  'action.admission.arrived': 'Admitted person arrived',
} as const;
