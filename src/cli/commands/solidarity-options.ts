// The options shared by the `pact solidarity` subcommands (solidarity.ts, solidarity-deductions.ts,
// solidarity-relocations.ts).
import { Option } from 'commander';
import { SOLIDARITY_FORMATS } from '../format/solidarity.ts';
import { parsePercent, parseYear } from '../options.ts';

export const yearOption = () =>
  new Option('--year <year>', 'the year of the cycle').argParser(parseYear).default(2026);
export const formatOption = () =>
  new Option('--format <format>', 'output format').choices(SOLIDARITY_FORMATS).default('table');

/** A comma-separated list of member states (upper case). */
export const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

/** A percentage as a number (50% → 50). */
export const percentNumber = (text: string): number => {
  const p = parsePercent(text);
  return (Number(p.numerator) / Number(p.denominator)) * 100;
};
