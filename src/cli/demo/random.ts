// The scenario's one source of chance: a seeded generator (pure-rand's xoroshiro128+), so that the same seed
// gives the same data on every machine and Node version (Math.random cannot be seeded).
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { largestRemainder } from '../../law/apportion.ts';

export class Random {
  private readonly rng;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** An integer from `lo` to `hi`, both included. */
  int(lo: number, hi: number): number {
    return uniformInt(this.rng, lo, hi);
  }

  /** A number in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One of `items`, drawn with the given weights (non-negative, not all 0). */
  weighted<T>(items: readonly { readonly item: T; readonly weight: number }[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let x = this.float() * total;
    for (const i of items) {
      x -= i.weight;
      if (x < 0) return i.item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted: no items');
    return last.item;
  }

  /** A version-4 UUID drawn from the seed (the same seed gives the same identifiers). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = (8 + this.int(0, 3)).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick: no items');
    return item;
  }
}

/**
 * Splits `total` into whole numbers proportional to `weights` (largest remainder, src/law/apportion.ts): the
 * parts add up to `total` exactly, whatever the weights.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const scaled = weights.map((w, i) => ({ id: String(i), weight: BigInt(Math.round(w * 1e6)) }));
  const denominator = scaled.reduce((s, w) => s + w.weight, 0n);
  const shares = largestRemainder(BigInt(total), scaled, denominator);
  return scaled.map((w) => Number(shares.get(w.id) ?? 0n));
}
