// Guarantees module: minors (see types.ts for what a module may hold).
import type { GuaranteeModule } from './types.ts';

const module: GuaranteeModule = {
  name: 'minors',
};

export default module;
