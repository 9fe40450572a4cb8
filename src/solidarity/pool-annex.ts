// The annex of Council Implementing Decision (EU) 2025/2642 establishing the Annual Solidarity Pool for 2026
// (AMMR Art. 57(1)): each participating state's pledged relocations, financial contributions and alternative
// solidarity measures, as shipped in data/pool-2026-annex.csv (data/README.md gives the source of every
// number). Pure: the text of the file and the headline are arguments.
//
// A cell is either a whole number or EMPTY: empty means "not found — copy from OJ L 2025/2642 annex", never 0
// and never an estimate. With every cell filled, the pledges must add up to the headline (below), or the file
// is refused; with cells missing, the file is read and says how many and which cells are missing.
//
// INTERPRETATION of "add up to the headline": the Council's reference number is "21 000 relocations or other
// solidarity efforts or EUR 420 million financial contributions" (Council press release, 8 December 2025);
// the three measures are of equal value (AMMR Art. 56(2)) at EUR 20 000 per relocation (Art. 12(3), derived;
// 21 000 × 20 000 = 420 000 000). So the annex's total VALUE — relocations × EUR 20 000 + financial
// contributions + alternative measures at their stated value — must equal the reference amount.
import type { MemberStateCode } from '../../law/member-states.ts';

export const ANNEX_COLUMNS = [
  'state',
  'relocations',
  'financial_eur',
  'alternatives_eur',
  'alternatives_description',
  'source',
] as const;

/** The three measures of a pledge; `null`: the cell is empty (not found in the sources read). */
export type Cell = number | null;
export const ANNEX_MEASURES = ['relocations', 'financial_eur', 'alternatives_eur'] as const;
export type AnnexMeasure = (typeof ANNEX_MEASURES)[number];

export interface AnnexRow {
  readonly state: MemberStateCode;
  readonly relocations: Cell;
  /** whole euros */
  readonly financialEur: Cell;
  /** whole euros, the value the annex gives the alternative measures */
  readonly alternativesEur: Cell;
  readonly alternativesDescription: string;
  readonly source: string;
}

export interface MissingCell {
  readonly state: MemberStateCode;
  readonly measure: AnnexMeasure;
}

export interface Headline {
  readonly relocations: number;
  readonly eur: number;
  readonly eurPerRelocation: number;
}

export interface PoolAnnex {
  readonly year: number;
  readonly rows: readonly AnnexRow[];
  readonly missing: readonly MissingCell[];
  /** sums of the filled cells (partial when cells are missing) */
  readonly known: {
    readonly relocations: number;
    readonly financialEur: number;
    readonly alternativesEur: number;
  };
  /** with every cell filled: the total value in euros, equal to the headline (else the file is refused) */
  readonly totalValueEur?: number;
  /** what the reader says about the file: complete, or how many cells are missing */
  readonly status: string;
}

export class InvalidAnnex extends Error {}

export const NOT_FOUND = 'not found — copy from OJ L 2025/2642 annex';

/** One CSV line (commas; a field may be double-quoted, "" inside quotes is a quote). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function cell(text: string, where: string): Cell {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t))
    throw new InvalidAnnex(`${where}: "${t}" is not a whole non-negative number (or empty)`);
  const n = Number(t);
  if (!Number.isSafeInteger(n)) throw new InvalidAnnex(`${where}: ${t} is too large`);
  return n;
}

/**
 * Reads the annex: every participating state exactly once, no other; each measure a whole number or empty.
 * Refuses (InvalidAnnex) a malformed file, and a complete one whose total value is not the headline's.
 */
export function readPoolAnnex(
  text: string,
  opts: { year: number; participating: readonly MemberStateCode[]; headline: Headline },
): PoolAnnex {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = fields(lines[0] ?? '');
  if (header.join(',') !== ANNEX_COLUMNS.join(','))
    throw new InvalidAnnex(`header: expected ${ANNEX_COLUMNS.join(',')}, got ${header.join(',')}`);
  const rows: AnnexRow[] = [];
  const seen = new Set<string>();
  for (const [i, line] of lines.slice(1).entries()) {
    const f = fields(line);
    const where = `line ${i + 2}`;
    if (f.length !== ANNEX_COLUMNS.length)
      throw new InvalidAnnex(`${where}: ${f.length} fields, expected ${ANNEX_COLUMNS.length}`);
    const state = (f[0] ?? '').trim();
    if (!opts.participating.includes(state as MemberStateCode))
      throw new InvalidAnnex(`${where}: ${state} is not a state taking part in the ${opts.year} pool`);
    if (seen.has(state)) throw new InvalidAnnex(`${where}: ${state} appears twice`);
    seen.add(state);
    rows.push({
      state: state as MemberStateCode,
      relocations: cell(f[1] ?? '', `${where} ${state} relocations`),
      financialEur: cell(f[2] ?? '', `${where} ${state} financial_eur`),
      alternativesEur: cell(f[3] ?? '', `${where} ${state} alternatives_eur`),
      alternativesDescription: (f[4] ?? '').trim(),
      source: (f[5] ?? '').trim(),
    });
  }
  const absent = opts.participating.filter((s) => !seen.has(s));
  if (absent.length) throw new InvalidAnnex(`states missing from the file: ${absent.join(', ')}`);
  for (const r of rows)
    if (!r.source)
      throw new InvalidAnnex(`${r.state}: no source (every row says where its numbers come from)`);
  const missing: MissingCell[] = rows.flatMap((r) =>
    (
      [
        ['relocations', r.relocations],
        ['financial_eur', r.financialEur],
        ['alternatives_eur', r.alternativesEur],
      ] as const
    ).flatMap(([measure, v]) => (v === null ? [{ state: r.state, measure }] : [])),
  );
  const sum = (f: (r: AnnexRow) => Cell) => rows.reduce((n, r) => n + (f(r) ?? 0), 0);
  const known = {
    relocations: sum((r) => r.relocations),
    financialEur: sum((r) => r.financialEur),
    alternativesEur: sum((r) => r.alternativesEur),
  };
  const cells = rows.length * ANNEX_MEASURES.length;
  if (missing.length) {
    return {
      year: opts.year,
      rows,
      missing,
      known,
      status: `${missing.length} of ${cells} cells missing (${NOT_FOUND}); totals cannot be checked against the headline of ${opts.headline.relocations} relocations / EUR ${opts.headline.eur}`,
    };
  }
  const totalValueEur =
    known.relocations * opts.headline.eurPerRelocation + known.financialEur + known.alternativesEur;
  if (totalValueEur !== opts.headline.eur)
    throw new InvalidAnnex(
      `the pledges add up to EUR ${totalValueEur} (${known.relocations} relocations × EUR ${opts.headline.eurPerRelocation} + EUR ${known.financialEur} + EUR ${known.alternativesEur} alternative measures), not the headline EUR ${opts.headline.eur} (${opts.headline.relocations} relocations)`,
    );
  return {
    year: opts.year,
    rows,
    missing,
    known,
    totalValueEur,
    status: `complete: ${cells} cells, total value EUR ${totalValueEur} = the headline`,
  };
}
