// Guarantees module: national-measures (see types.ts for what a module may hold).
import type { GuaranteeModule } from './types.ts';

const module: GuaranteeModule = {
  name: 'national-measures',
};

export default module;
