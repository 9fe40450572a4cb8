// Lithuanian messages: admission-arrival, exactly the keys of ../en/admission-arrival.ts.
import type { admissionArrival as en } from '../en/admission-arrival.ts';

export const admissionArrival: Readonly<Record<keyof typeof en, string>> = {
  'kind.admission-arrival': 'Atvyko pagal priėmimo programą',
  'refusal.admission-arrival-by-file':
    'priimto asmens atvykimas įrašomas priėmimo byloje, o ne pasienio darbo vietoje',
  'action.admission.arrived': 'Priimtas asmuo atvyko',
};
