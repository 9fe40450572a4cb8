// National choices of the appeal windows that APR Art. 67(7) leaves to each member state, each inside the
// range of the EU parameter it names in `within` (checked when the registry is built).
//
// None is shipped: no member state's implementing law was read for this project, and a guessed value
// would put a wrong deadline in front of a case officer. Add one per state and window, citing the
// national act, e.g.
//
//   { name: 'national.lt.appeal.window-other', within: 'apr.appeal.window-other', unit: 'days',
//     description: '…', values: [{ since: '2026-06-12', value: 14, source: { … } }] }
//
// Until a state's choice is recorded, asking for it is an error that names the missing parameter.
import { defineParameters } from '../schema.ts';

export default defineParameters([]);
