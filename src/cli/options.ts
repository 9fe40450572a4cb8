// Parsers for command-line values. Each throws commander's InvalidArgumentError with the reason, which
// commander prints as one line naming the option; the command then exits with code 2.
import { InvalidArgumentError } from 'commander';
import { MEMBER_STATE_ALIASES, MEMBER_STATE_CODES, type MemberStateCode } from '../../law/member-states.ts';
import { IsoDate } from '../../law/schema.ts';

export function parseDate(text: string): IsoDate {
  const t = text.trim();
  if (!IsoDate.safeParse(t).success)
    throw new InvalidArgumentError('not a calendar date in the form YYYY-MM-DD');
  return t;
}

/** Largest pool Pact accepts: far above any pool the law knows, and exact in whole cents. */
export const MAX_RELOCATIONS = 100_000_000;
export const MAX_EURO_CENTS = 100_000_000_000_000; // EUR 1 000 000 000 000

/**
 * A number as people type it: "21000", "21 000", "21_000" or "21,000" (commas only as thousands
 * separators, in groups of three, so that a decimal comma such as "600,5" is refused, not misread).
 */
function normaliseNumber(text: string): string | undefined {
  const t = text.trim().replace(/[_ ]/g, '');
  if (t.includes(',')) {
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return undefined;
    return t.replace(/,/g, '');
  }
  return /^-?\d+(\.\d+)?$/.test(t) ? t : undefined;
}

export function parseCountry(text: string): MemberStateCode {
  const code = text.trim().toUpperCase();
  const resolved = MEMBER_STATE_ALIASES[code] ?? code;
  if (!(MEMBER_STATE_CODES as readonly string[]).includes(resolved)) {
    throw new InvalidArgumentError(
      'not the code of an EU member state (ISO 3166-1 alpha-2, e.g. LT; Greece is GR or EL)',
    );
  }
  return resolved as MemberStateCode;
}

export function parseYear(text: string): number {
  if (!/^(19|20)\d{2}$/.test(text.trim()))
    throw new InvalidArgumentError('not a year (four digits, e.g. 2026)');
  return Number(text);
}

/** A whole, positive number of persons: "21000" or "21,000". */
export function parsePersons(text: string): number {
  const t = normaliseNumber(text);
  if (t === undefined) throw new InvalidArgumentError('not a number (e.g. 21000 or 21,000)');
  const n = Number(t);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('not a whole number of persons');
  if (n <= 0) throw new InvalidArgumentError('must be more than zero');
  if (n > MAX_RELOCATIONS)
    throw new InvalidArgumentError(`too large (at most ${MAX_RELOCATIONS.toLocaleString('en-GB')})`);
  return n;
}

/** A positive amount of euros with at most two decimals, returned in cents: "420000000", "420,000,000.50". */
export function parseEuroCents(text: string): number {
  const t = normaliseNumber(text.trim().replace(/^EUR\s*/i, ''));
  if (t === undefined)
    throw new InvalidArgumentError('not an amount of euros (e.g. 420000000 or 420,000,000.00)');
  if (t.startsWith('-')) throw new InvalidArgumentError('must be more than zero');
  const [int = '0', frac = ''] = t.split('.');
  if (frac.length > 2) throw new InvalidArgumentError('euros have at most two decimals (cents)');
  const cents = Number(int) * 100 + Number(frac.padEnd(2, '0'));
  if (cents <= 0) throw new InvalidArgumentError('must be more than zero');
  if (cents > MAX_EURO_CENTS) throw new InvalidArgumentError('too large (at most EUR 1,000,000,000,000)');
  return cents;
}

/** A percentage from 0 to 100, with or without "%": returned as an exact fraction of 1. */
export function parsePercent(text: string): { text: string; numerator: bigint; denominator: bigint } {
  const t = text.trim().replace(/\s*%$/, '');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) throw new InvalidArgumentError('not a percentage (e.g. 50%)');
  const frac = m[3] ?? '';
  const numerator = BigInt(`${m[2]}${frac}`);
  const denominator = 100n * 10n ** BigInt(frac.length);
  if (m[1] === '-' && numerator !== 0n) throw new InvalidArgumentError('must lie between 0 % and 100 %');
  if (numerator > denominator) throw new InvalidArgumentError('must lie between 0 % and 100 %');
  return { text: `${m[2]}${frac ? `.${frac}` : ''} %`, numerator, denominator };
}
