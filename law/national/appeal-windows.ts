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
// Until a state's choice is recorded here, an administrator confirms it as a setting (issue 17:
// src/store/national-settings.ts, PUT /api/settings/appeal-windows), checked against the same EU range; where
// neither exists the case's window is unknown (flag appeal-window-unknown) and the person may remain.
// Lithuania and Poland: no Pact-era value published (pact-rules.md section 9; before the Pact both used
// 14 days from service — REPORTED, not shipped: the Pact's ranges and the acts implementing them differ).
import { defineParameters } from '../schema.ts';

export default defineParameters([]);
