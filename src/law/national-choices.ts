// The choices the Pact leaves to each member state inside a range (APR Art. 67(7): the appeal windows),
// and whether a state's choice is recorded. A choice is law: a parameter `national.<state>.…` in
// law/national/, with its citation of the national act, checked against the EU range when the registry is
// built (src/law/parameters.ts). The EU range `apr.appeal.window-other` has the national counterpart
// `national.lt.appeal.window-other`: the act's prefix replaced by the state's (src/domain/decide.ts asks
// for it by that name).
import type { IsoDate, PeriodRange } from '../../law/schema.ts';
import type { ParameterRegistry, UsedParameter } from './parameters.ts';

export interface NationalChoice {
  /** The national parameter, e.g. national.lt.appeal.window-other */
  readonly name: string;
  /** The EU parameter whose range it must lie in, e.g. apr.appeal.window-other */
  readonly within: string;
  readonly description: string;
  readonly range: PeriodRange;
  readonly rangeCitation: string;
  /** The state's choice in force on the date, or null when none is recorded. */
  readonly value: UsedParameter | null;
}

/** The name of a state's choice inside the EU range `euName`. */
export const nationalName = (state: string, euName: string): string =>
  `national.${state.toLowerCase()}.${euName.split('.').slice(1).join('.')}`;

/** Every range the law leaves to the states, in force on `date`, with `state`'s choice (or null). */
export function nationalChoices(law: ParameterRegistry, state: string, date: IsoDate): NationalChoice[] {
  const choices: NationalChoice[] = [];
  for (const p of law.all()) {
    if (p.unit !== 'period-range' || !p.values[0] || p.values[0].since > date) continue;
    let range: UsedParameter;
    try {
      range = law.usedAt(p.name, date);
    } catch {
      continue; // repealed on the date
    }
    const name = nationalName(state, p.name);
    let value: UsedParameter | null = null;
    try {
      if (law.find(name)) value = law.usedAt(name, date);
    } catch {
      value = null; // recorded, but not in force on the date
    }
    choices.push({
      name,
      within: p.name,
      description: p.description,
      range: range.value as PeriodRange,
      rangeCitation: range.citation,
      value,
    });
  }
  return choices;
}
