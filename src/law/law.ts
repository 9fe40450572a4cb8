// The law as shipped: every file of law/, validated once when this module is first imported.
import { LAW_FILES } from '../../law/index.ts';
import { ParameterRegistry } from './parameters.ts';

export const LAW: ParameterRegistry = ParameterRegistry.fromFiles(LAW_FILES);
