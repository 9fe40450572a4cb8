// The checks the admission programme form makes before sending (issue 22): each field at fault by the API's
// field name, with the message that says why. The server checks again and has the last word.
import type { MessageKey } from '../../i18n/en.ts';

/** Regulation (EU) 2024/1350 applies from 12 June 2026 (Art. 16(2)): no date of it is earlier. */
export const FIRST_DAY = '2026-06-12';

export interface PledgeRow {
  readonly state: string;
  readonly persons: string;
}

/** Whole persons from 1 to 1,000,000 (the API's bound), or undefined. */
export const persons = (text: string): number | undefined => {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : undefined;
};

/** The errors the form can see before sending, by field (the API's field names). */
export function checkProgramme(
  v: {
    name: string;
    planStart: string;
    region: string;
    referring: string;
    total: string;
    pledges: readonly PledgeRow[];
  },
  own: string,
): Record<string, MessageKey> {
  const e: Record<string, MessageKey> = {};
  if (!v.name.trim()) e.name = 'admission.err.required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.planStart) || v.planStart < FIRST_DAY) e.planStart = 'admission.err.date';
  if (!v.region.trim()) e.region = 'admission.err.required';
  if (!v.referring.trim()) e.referringOrganisation = 'admission.err.required';
  if (persons(v.total) === undefined) e.total = 'admission.err.persons';
  if (v.pledges.length === 0) e.pledges = 'admission.err.noPledge';
  const seen = new Set<string>();
  v.pledges.forEach((p, i) => {
    if (!p.state) e[`pledges/${i}/state`] = 'admission.err.required';
    else if (seen.has(p.state)) e[`pledges/${i}/state`] = 'admission.err.duplicate';
    seen.add(p.state);
    if (persons(p.persons) === undefined) e[`pledges/${i}/persons`] = 'admission.err.persons';
  });
  if (own !== 'EU' && v.pledges.length > 0 && !seen.has(own)) e.pledges = 'admission.err.ownState';
  return e;
}
