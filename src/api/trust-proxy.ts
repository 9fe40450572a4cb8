// PACT_TRUST_PROXY: which reverse proxies' X-Forwarded-For to believe. A number n ≥ 1 trusts n hops (the
// client is the address the n-th proxy from Pact saw; entries a client wrote into the header itself lie
// further left and are ignored); a comma-separated list trusts those proxy addresses or CIDRs only. `1`
// (one proxy in front) keeps its old meaning. Unset or empty: the header is ignored.
import { isIP } from 'node:net';

export const TRUST_PROXY_USAGE =
  "PACT_TRUST_PROXY: the number of proxy hops in front of Pact (e.g. 1), or a comma-separated list of the proxies' addresses or CIDRs (e.g. 10.0.0.5,10.1.0.0/16)";

/** The setting for Fastify's `trustProxy`, undefined when off; throws with TRUST_PROXY_USAGE when invalid. */
export function parseTrustProxy(value: string | undefined): number | string[] | undefined {
  const v = value?.trim() ?? '';
  if (v === '') return undefined;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n < 1 || n > 10) throw new Error(TRUST_PROXY_USAGE);
    return n;
  }
  const list = v.split(',').map((s) => s.trim());
  for (const entry of list) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bits = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      extra !== undefined ||
      (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits))
    )
      throw new Error(TRUST_PROXY_USAGE);
  }
  return list;
}
