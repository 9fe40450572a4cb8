// Whole units (persons, cents) shared out in proportion to exact rational weights so that they add up to
// the total exactly: the largest-remainder method (Hamilton). Exact BigInt arithmetic, no floating point.

export interface Claimant {
  /** Stable identifier used as the last tie-break (ascending). */
  readonly id: string;
  /** The claimant's weight numerator; all claimants share one denominator. */
  readonly weight: bigint;
}

/**
 * Shares `total` units among claimants in proportion to weight / denominator, where the weights add up to
 * the denominator. Each gets the floor of its exact quota; the units left over go one each to the largest
 * remainders. Tie rule: equal remainders go first to the larger weight, then to the lower id.
 */
export function largestRemainder(
  total: bigint,
  claimants: readonly Claimant[],
  denominator: bigint,
): Map<string, bigint> {
  if (total < 0n) throw new RangeError('total must not be negative');
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const sum = claimants.reduce((s, c) => s + c.weight, 0n);
  if (sum !== denominator)
    throw new RangeError(`weights add up to ${sum}, not to the denominator ${denominator}`);
  const result = new Map<string, bigint>();
  const remainders: { id: string; weight: bigint; rem: bigint }[] = [];
  let given = 0n;
  for (const c of claimants) {
    if (c.weight < 0n) throw new RangeError(`negative weight for ${c.id}`);
    const exact = total * c.weight;
    const floor = exact / denominator;
    result.set(c.id, floor);
    given += floor;
    remainders.push({ id: c.id, weight: c.weight, rem: exact % denominator });
  }
  remainders.sort((a, b) =>
    a.rem !== b.rem
      ? a.rem > b.rem
        ? -1
        : 1
      : a.weight !== b.weight
        ? a.weight > b.weight
          ? -1
          : 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  for (let i = 0n; i < total - given; i++) {
    const r = remainders[Number(i)];
    if (!r) throw new Error('more units left over than claimants'); // impossible when the weights add up
    result.set(r.id, (result.get(r.id) ?? 0n) + 1n);
  }
  return result;
}

/** Parses a non-negative decimal string ("613985.0", "420000000") into an integer scaled by 10^scale, exactly. */
export function parseScaled(text: string, scale: number): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a non-negative decimal number: ${text}`);
  const frac = m[2] ?? '';
  if (frac.replace(/0+$/, '').length > scale)
    throw new RangeError(`${text} has more than ${scale} decimal places`);
  return BigInt(m[1] + frac.padEnd(scale, '0'));
}

/** A ratio as a JavaScript number, for display only. */
export function toNumber(numerator: bigint, denominator: bigint): number {
  const digits = 15n;
  return Number((numerator * 10n ** digits) / denominator) / 10 ** Number(digits);
}
