// Guarantees module: border-crisis (see types.ts for what a module may hold).
import type { GuaranteeModule } from './types.ts';

const module: GuaranteeModule = {
  name: 'border-crisis',
};

export default module;
