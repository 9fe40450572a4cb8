// The solidarity coordinator's pledge summary (issue 18; AMMR Arts 56–64): one member state's year of the
// Annual Solidarity Pool on one page or two — its fair share (Art. 66, Annex I), its pledge (Art. 56(2):
// relocations, financial contributions, alternative measures, of equal value; Art. 57(1)), the deductions
// (Arts 61–62), the offsets (Art. 63), and what it implemented (Art. 60) — as the solidarity module counts them
// (src/store/solidarity-report.ts). Not a document of a person's case: nothing is recorded on a case; the store
// logs each print in the audit log (src/store/pledge-summary.ts). Pure: a DocumentModel drawn by pdf.ts.
//
// Amounts are the module's euro cents, written "€ 1 234 567.00": the euro sign, a space, the euros grouped by
// threes with no-break spaces, a point and two decimals — the same in every language (as dates are: no
// separator to mistake between English and Lithuanian habits). Persons are grouped the same way.

import { fillText, placeholdersOf, REQUIRED_TEXTS } from '../domain/documents/fill.ts';
import type { DocumentLanguage } from '../domain/documents/kinds.ts';
import type { DocumentModel, FilledBlock, Template } from '../domain/documents/model.ts';
import { localDateTime } from '../domain/documents/values.ts';
import type { StateBalance } from '../solidarity/balances.ts';
import type { SolidarityCycle } from '../solidarity/cycle.ts';
import type { OffsetResult } from '../solidarity/offsets.ts';
import type { Deduction, Pledge } from '../solidarity/types.ts';

const NBSP = '\u00a0';

/** Whole numbers grouped by threes with no-break spaces: 1234567 → "1 234 567". */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Euro cents as "€ 1 234 567.00" (integer arithmetic: no float rounding of cents). */
export function formatEuro(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${cents} is not a whole number of cents`);
  const abs = Math.abs(cents);
  const euros = formatCount(Math.floor(abs / 100));
  return `${cents < 0 ? '-' : ''}€${NBSP}${euros}.${String(abs % 100).padStart(2, '0')}`;
}

/** Every text key the summary reads (besides REQUIRED_TEXTS): each language's template holds them all. */
export const PLEDGE_SUMMARY_TEXTS = [
  'heading',
  'label.state',
  'label.year',
  'label.council-act',
  'label.benefitting',
  'label.per-relocation',
  'label.printed',
  'label.printed-by',
  'fair-share.heading',
  'label.key',
  'label.fair-share-relocations',
  'label.fair-share-value',
  'pledge.heading',
  'pledge.none',
  'label.relocations',
  'label.financial',
  'label.alternatives',
  'label.pledge-value',
  'label.shortfall',
  'label.meets',
  'alternative.item',
  'deductions.heading',
  'deductions.none',
  'deduction.requested',
  'deduction.decided',
  'label.deducted',
  'label.after-relocations',
  'label.after-financial',
  'label.after-alternatives',
  'offsets.heading',
  'label.offsets-mandatory',
  'offsets.value',
  'label.may-offer',
  'label.offsets-unimplemented',
  'implemented.heading',
  'label.done-relocations',
  'label.done-financial',
  'label.done-alternatives',
  'label.left-relocations',
  'label.left-financial',
  'label.left-alternatives',
  'payments.none',
  'payment.item',
  'derived',
  'persons',
  'yes',
  'no',
  'status.requested',
  'status.granted',
  'status.partially-granted',
  'status.refused',
  'payment.financial',
  'payment.alternative',
] as const;

/** The placeholders the summary's texts may use. */
export const PLEDGE_SUMMARY_PLACEHOLDERS = [
  'state',
  'year',
  'act',
  'adoptedOn',
  'count',
  'cap',
  'description',
  'amount',
  'article',
  'percent',
  'on',
  'status',
  'kind',
  'perRelocation',
  /** review-pending names the template's language */
  'language',
] as const;

/** What the checker finds wrong with the pledge summary's templates (the test runs it, on broken copies too). */
export function checkPledgeSummaryTemplates(templates: readonly Template[]): string[] {
  const problems: string[] = [];
  const own = templates.filter((t) => t.kind === 'pledge-summary');
  const english = own.find((t) => t.language === 'en');
  if (!english) return ['pledge-summary: no en template'];
  if (!own.some((t) => t.language === 'lt')) problems.push('pledge-summary: no lt template');
  for (const key of [...REQUIRED_TEXTS, ...PLEDGE_SUMMARY_TEXTS])
    if (english.texts[key] === undefined) problems.push(`pledge-summary/en: the text ${key} is missing`);
  const allowed = new Set<string>(PLEDGE_SUMMARY_PLACEHOLDERS);
  for (const t of own) {
    const where = `pledge-summary/${t.language}`;
    for (const key of Object.keys(english.texts))
      if (t.texts[key] === undefined) problems.push(`${where}: the key ${key} is missing`);
    for (const [key, text] of Object.entries(t.texts)) {
      const en = english.texts[key];
      if (en === undefined) {
        problems.push(`${where}: the key ${key} is not in the English template`);
        continue;
      }
      const used = placeholdersOf(text);
      for (const p of used) if (!allowed.has(p)) problems.push(`${where}: ${key} uses {${p}}`);
      if ([...used].sort().join(',') !== placeholdersOf(en).sort().join(','))
        problems.push(`${where}: ${key} does not use the placeholders of the English text`);
    }
  }
  return problems;
}

export interface PledgeSummaryInput {
  readonly template: Template;
  readonly year: number;
  readonly state: string;
  readonly cycle: SolidarityCycle;
  readonly pledge?: Pledge;
  readonly balance: StateBalance;
  readonly deductions: readonly Deduction[];
  readonly offsets: OffsetResult;
  readonly payments: readonly {
    kind: 'financial' | 'alternative';
    eurCents: number;
    paidOn: string;
    description?: string;
  }[];
  /** when it is printed (ISO), shown in `zone` */
  readonly printedAt: string;
  readonly zone: string;
  readonly printedBy: string;
}

/** The summary as a DocumentModel. */
export function pledgeSummaryModel(input: PledgeSummaryInput): DocumentModel {
  const { template, balance: b, cycle, state, year } = input;
  const word = (key: string, values: Record<string, string> = {}) => {
    const t = template.texts[key];
    if (t === undefined) throw new Error(`the template pledge-summary/${template.language} lacks ${key}`);
    return fillText(t, values);
  };
  const yesNo = (v: boolean) => word(v ? 'yes' : 'no');
  const perPersonCents = Math.round(cycle.eurPerRelocation * 100);
  const persons = (n: number) => word('persons', { count: formatCount(n) });
  const fields = (rows: [string, string][]): FilledBlock => ({
    type: 'fields',
    rows: rows.map(([label, value]) => ({ label: word(label), value })),
  });
  const blocks: FilledBlock[] = [
    { type: 'heading', text: word('heading', { state, year: String(year) }) },
    fields([
      ['label.state', state],
      ['label.year', String(year)],
      ['label.council-act', `${cycle.councilAct.act}, ${cycle.councilAct.adoptedOn}`],
      ['label.benefitting', yesNo(b.benefitting)],
      ['label.per-relocation', formatEuro(perPersonCents)],
      ['label.printed', `${localDateTime(input.printedAt, input.zone)} (${input.zone})`],
      ['label.printed-by', input.printedBy],
    ]),
    { type: 'heading', text: word('fair-share.heading') },
    fields([
      ['label.key', `${((cycle.fairShares.find((s) => s.state === state)?.key ?? 0) * 100).toFixed(4)} %`],
      ['label.fair-share-relocations', persons(b.fairShare.relocations)],
      ['label.fair-share-value', formatEuro(b.fairShare.relocations * perPersonCents)],
    ]),
    { type: 'heading', text: word('pledge.heading') },
  ];
  if (!b.pledged || !input.pledge) blocks.push({ type: 'paragraph', text: word('pledge.none') });
  else {
    blocks.push(
      fields([
        ['label.relocations', persons(b.pledged.relocations)],
        ['label.financial', formatEuro(b.pledged.eurCents)],
        ['label.alternatives', formatEuro(b.pledged.alternativesCents)],
        ['label.pledge-value', formatEuro(b.value?.valueCents ?? 0)],
        [
          'label.shortfall',
          `${formatEuro(b.value?.shortfallCents ?? 0)} (${persons(b.value?.shortfallPersons ?? 0)})`,
        ],
        ['label.meets', yesNo((b.value?.shortfallCents ?? 0) === 0)],
      ]),
    );
    if (input.pledge.alternatives.length > 0)
      blocks.push({
        type: 'list',
        items: input.pledge.alternatives.map((a) =>
          word('alternative.item', { description: a.description, amount: formatEuro(a.valueCents) }),
        ),
      });
  }
  blocks.push({ type: 'heading', text: word('deductions.heading') });
  blocks.push(
    input.deductions.length === 0
      ? { type: 'paragraph', text: word('deductions.none') }
      : {
          type: 'list',
          items: input.deductions.map((d) =>
            d.status === 'requested'
              ? word('deduction.requested', {
                  article: d.article,
                  on: d.requestedOn,
                  percent: String(d.requestedPercent),
                  status: word('status.requested'),
                })
              : word('deduction.decided', {
                  article: d.article,
                  on: d.decidedOn ?? '',
                  percent: String(d.grantedPercent ?? 0),
                  status: word(`status.${d.status}`),
                  act: d.act ?? '',
                }),
          ),
        },
  );
  blocks.push(
    fields([
      ['label.deducted', `${b.deductedPercent} %`],
      ['label.after-relocations', persons(b.afterDeductions.relocations)],
      ['label.after-financial', formatEuro(b.afterDeductions.eurCents)],
      ['label.after-alternatives', formatEuro(b.afterDeductions.alternativesCents)],
    ]),
  );
  const mandatory = input.offsets.mandatory.perState.find((s) => s.state === state);
  const unimplemented = input.offsets.unimplemented.find((s) => s.state === state);
  blocks.push(
    { type: 'heading', text: word('offsets.heading') },
    fields([
      [
        'label.offsets-mandatory',
        mandatory
          ? word('offsets.value', { count: formatCount(mandatory.offsets), cap: formatCount(mandatory.cap) })
          : formatCount(0),
      ],
      ['label.may-offer', yesNo(input.offsets.mayOffer.some((s) => s.state === state))],
      ['label.offsets-unimplemented', formatCount(unimplemented?.offsets ?? 0)],
    ]),
    { type: 'heading', text: word('implemented.heading') },
    fields([
      ['label.done-relocations', persons(b.implemented.relocations)],
      ['label.done-financial', formatEuro(b.implemented.eurCents)],
      ['label.done-alternatives', formatEuro(b.implemented.alternativesCents)],
      ['label.left-relocations', persons(b.outstanding.relocations)],
      ['label.left-financial', formatEuro(b.outstanding.eurCents)],
      ['label.left-alternatives', formatEuro(b.outstanding.alternativesCents)],
    ]),
    input.payments.length === 0
      ? { type: 'paragraph', text: word('payments.none') }
      : {
          type: 'list',
          items: input.payments.map((p) =>
            word('payment.item', {
              on: p.paidOn,
              kind: word(`payment.${p.kind}`),
              amount: formatEuro(p.eurCents),
              description: p.description ?? '—',
            }),
          ),
        },
    { type: 'notice', text: word('derived', { perRelocation: formatEuro(perPersonCents) }) },
  );
  const language = template.language as DocumentLanguage;
  const review = template.reviewed ? '' : ` · ${word('review-pending', { language })}`;
  const id = `pledge-summary-${year}-${state}`;
  return {
    kind: 'pledge-summary',
    language,
    requestedLanguage: language,
    direction: 'ltr',
    title: word('title', { state, year: String(year) }),
    blocks,
    footer: `${id} · Regulation (EU) 2024/1351 (AMMR) Arts 56–64 · pledge-summary/${language} ${template.version}${review}`,
    meta: {
      documentId: id,
      templateVersion: `pledge-summary/${language}@${template.version}`,
      issuedAt: input.printedAt,
      draft: false,
    },
  };
}
