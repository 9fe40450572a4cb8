// Guarantees module: remedies (see types.ts for what a module may hold).
import type { CaseState } from '../case-state.ts';
import type { GuaranteeModule } from './types.ts';

// biome-ignore format: the H6 stub stays one line (the integrator keeps the owner's function)
export function mayRemain(_c: CaseState, _at: string): { readonly may: boolean; readonly until?: string } { return { may: false }; } // STUB (issue 17, H6 for H4's APR Art. 68 rule): the integrator keeps H4's

const module: GuaranteeModule = {
  name: 'remedies',
};

export default module;
