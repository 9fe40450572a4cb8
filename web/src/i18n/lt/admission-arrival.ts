// Lithuanian messages: admission-arrival, exactly the keys of ../en/admission-arrival.ts.
import type { admissionArrival as en } from '../en/admission-arrival.ts';

export const admissionArrival: Readonly<Record<keyof typeof en, string>> = {
  'kind.admission-arrival': 'Atvyko pagal priėmimo programą',
  'action.admission.arrived': 'Priimtas asmuo atvyko',
};
