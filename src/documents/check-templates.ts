// What makes a set of templates sound (a test runs it on the shipped ones, and on broken copies): each built
// kind has its English and Lithuanian templates; every language of a kind has exactly the English keys, the
// same placeholders in each text, and only placeholders the kind provides; every text a kind's blocks name,
// every word it looks up, and the common ones are there; the language notice exists for each person language.
import type { DocumentDefinition } from '../domain/documents/definition.ts';
import {
  allowedValues,
  blockTexts,
  blockValues,
  placeholdersOf,
  REQUIRED_TEXTS,
} from '../domain/documents/fill.ts';
import { AUTHORITY_LANGUAGES, PERSON_LANGUAGES } from '../domain/documents/kinds.ts';
import type { Template } from '../domain/documents/model.ts';
import { COMMON_WORDS } from '../domain/documents/values.ts';

export function checkTemplates(
  templates: readonly Template[],
  definitions: readonly DocumentDefinition[],
): string[] {
  const problems: string[] = [];
  const byKey = new Map(templates.map((t) => [`${t.kind}/${t.language}`, t]));
  for (const def of definitions) {
    const allowed = allowedValues(def);
    for (const v of blockValues(def.blocks))
      if (!allowed.has(v))
        problems.push(`${def.kind}: a block reads the value ${v}, which the kind does not provide`);
    const english = byKey.get(`${def.kind}/en`);
    for (const lang of AUTHORITY_LANGUAGES)
      if (!byKey.has(`${def.kind}/${lang}`)) problems.push(`${def.kind}: no ${lang} template`);
    if (!english) continue;
    const needed = new Set([
      ...REQUIRED_TEXTS,
      ...blockTexts(def.blocks),
      ...(def.words ?? []),
      ...COMMON_WORDS,
    ]);
    for (const key of needed)
      if (english.texts[key] === undefined) problems.push(`${def.kind}/en: the text ${key} is missing`);
    for (const t of templates.filter((x) => x.kind === def.kind)) {
      const where = `${def.kind}/${t.language}`;
      for (const key of Object.keys(english.texts))
        if (t.texts[key] === undefined) problems.push(`${where}: the key ${key} is missing`);
      for (const [key, text] of Object.entries(t.texts)) {
        const en = english.texts[key];
        if (en === undefined) {
          problems.push(`${where}: the key ${key} is not in the English template`);
          continue;
        }
        const used = placeholdersOf(text);
        for (const p of used)
          if (!allowed.has(p) && !(key === 'review-pending' && p === 'language'))
            problems.push(`${where}: ${key} uses {${p}}, which the kind does not provide`);
        const want = placeholdersOf(en).sort().join(',');
        if (used.sort().join(',') !== want)
          problems.push(
            `${where}: ${key} uses {${used.join('}, {')}}; English uses {${placeholdersOf(en).join('}, {')}}`,
          );
      }
    }
  }
  for (const lang of ['en', ...PERSON_LANGUAGES])
    if (!byKey.get(`language-notice/${lang}`)?.texts.notice)
      problems.push(`language-notice/${lang}: missing`);
  return problems;
}
