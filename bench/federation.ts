// Benchmark of the exchange between installations (issue 20). Prints figures; not a test.
//
//   npm run bench:federation -- [--count 300] [--messages 500]
//
// Part 1, the BASELINE: a bare signed HTTP round trip on this machine. A minimal Fastify route in its own
// process (this file with --serve-bare) verifies an EdDSA flattened JWS (jose) and answers a signed receipt
// (a flattened JWS); the client signs, POSTs, and verifies the receipt. Round trips per second, one at a time
// and 8 at once, and the latency p50 / p95.
//
// Part 2, PACT'S OWN EXCHANGE (needs fed-core's exchange: src/store/federation-outbox.ts, PACT_FEDERATION,
// the sender loop in `pact serve`, kind `federation.ping`): two installations LT and PL as processes
// (test/federation/processes.ts) on two scratch PostgreSQL databases (DATABASE_URL, default
// postgres://root@127.0.0.1:5432/postgres — PostgreSQL because the benchmark writes into LT's outbox while LT
// serves, which the embedded database does not admit). N `federation.ping` messages are written into LT's
// outbox, each in its own transaction (outboxService of fed-core, as a case action would); then: messages per
// second from the first commit until all are in PL's inbox (applied, where the inbox records it), and the
// delay from commit (outbox created_at) to receipt at the peer (inbox received_at), p50 and p95 — each as a
// ratio against the baseline of the same run. When the exchange is not there yet, it says so and exits 0
// after the baseline. The tables' names below are the ones this benchmark expects from fed-core.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import {
  type CryptoKey,
  exportJWK,
  FlattenedSign,
  flattenedVerify,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** fed-core's tables, as this benchmark expects them (change here if fed-core named them otherwise). */
const OUTBOX = { table: 'federation_outbox', id: 'id', createdAt: 'created_at' };
const INBOX = { table: 'federation_inbox', id: 'id', receivedAt: 'received_at', appliedAt: 'applied_at' };

const enc = new TextEncoder();
const dec = new TextDecoder();

async function sign(payload: unknown, key: CryptoKey): Promise<unknown> {
  return new FlattenedSign(enc.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA' })
    .sign(key);
}

// ---------------------------------------------------------------------------------------------------------
// the bare server (child process): `bench/federation.ts --serve-bare '<{peer: public JWK}>'`

async function serveBare(spec: { peer: JWK }): Promise<void> {
  const peer = await importJWK(spec.peer, 'EdDSA');
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const app = Fastify({ logger: false });
  app.post('/federation/v1/messages', async (request, reply) => {
    const { payload } = await flattenedVerify(request.body as never, peer);
    const envelope = JSON.parse(dec.decode(payload)) as {
      id: string;
      from: string;
      to: string;
      kind: string;
    };
    const receipt = {
      messageId: envelope.id,
      from: envelope.from,
      to: envelope.to,
      kind: envelope.kind,
      receivedAt: new Date().toISOString(),
      status: 'received',
    };
    return reply.send(await sign(receipt, privateKey));
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ address, publicKey: await exportJWK(publicKey) })}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------------------
// figures

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface Figures {
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** `count` signed round trips, `concurrency` at once. */
async function roundTrips(
  url: string,
  key: CryptoKey,
  receiptKey: CryptoKey,
  count: number,
  concurrency: number,
): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        const start = performance.now();
        const envelope = {
          id: randomUUID(),
          from: 'LT',
          to: 'PL',
          kind: 'federation.ping',
          stream: 'bench',
          seq: next,
          createdAt: new Date().toISOString(),
          body: { n: next },
        };
        const r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(await sign(envelope, key)),
        });
        const { payload } = await flattenedVerify((await r.json()) as never, receiptKey);
        const receipt = JSON.parse(dec.decode(payload)) as { messageId: string };
        if (receipt.messageId !== envelope.id) throw new Error('a receipt for another message');
        latencies.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function baseline(count: number): Promise<{ sequential: Figures; concurrent: Figures }> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', SELF, '--serve-bare', JSON.stringify({ peer: await exportJWK(publicKey) })],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        if (out.includes('\n')) resolve(out.split('\n')[0] as string);
      });
      child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
    });
    const { address, publicKey: receiptJwk } = JSON.parse(line) as { address: string; publicKey: JWK };
    const receiptKey = (await importJWK(receiptJwk, 'EdDSA')) as CryptoKey;
    const url = `${address}/federation/v1/messages`;
    await roundTrips(url, privateKey, receiptKey, Math.min(50, count), 4); // warm-up, not counted
    const sequential = await roundTrips(url, privateKey, receiptKey, count, 1);
    const concurrent = await roundTrips(url, privateKey, receiptKey, count, 8);
    return { sequential, concurrent };
  } finally {
    child.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'serve-bare': { type: 'string' },
      count: { type: 'string', default: '300' },
      messages: { type: 'string', default: '500' },
    },
  });
  if (values['serve-bare']) return serveBare(JSON.parse(values['serve-bare']) as { peer: JWK });
  const count = Number(values.count);
  const messages = Number(values.messages);

  console.log(`Part 1 — the baseline: a bare signed HTTP round trip (EdDSA JWS both ways), ${count} each`);
  const base = await baseline(count);
  for (const [name, f] of [
    ['one at a time', base.sequential],
    ['8 at once', base.concurrent],
  ] as const)
    console.log(`  ${name}: ${f.perSecond.toFixed(0)} round trips/s, p50 ${ms(f.p50)}, p95 ${ms(f.p95)}`);

  console.log(`\nPart 2 — Pact's exchange between two installations (${messages} federation.ping)`);
  const missing = notYet();
  if (missing) {
    console.log(`  cannot run yet: ${missing}. Only the baseline above was measured.`);
    return;
  }
  const { pactExchange } = await import('./federation-exchange.ts');
  const result = await pactExchange(messages, OUTBOX, INBOX, percentile);
  if ('cannot' in result) {
    console.log(`  cannot run yet: ${result.cannot}. Only the baseline above was measured.`);
    return;
  }
  console.log(
    `  ${result.perSecond.toFixed(1)} messages/s from the first commit until all were in PL's inbox${result.applied ? ' and applied' : ''} — ${ratio(result.perSecond, base.concurrent.perSecond)} the bare round trips 8 at once, ${ratio(result.perSecond, base.sequential.perSecond)} one at a time`,
  );
  console.log(
    `  delay from commit (LT outbox) to receipt (PL inbox), all ${messages} written at once: p50 ${ms(result.p50)} (${ratio(result.p50, base.sequential.p50)} the bare p50), p95 ${ms(result.p95)} (${ratio(result.p95, base.sequential.p95)} the bare p95)`,
  );
  console.log(
    `  the same delay, ${result.idle.count} messages one at a time (nothing queued before each): p50 ${ms(result.idle.p50)} (${ratio(result.idle.p50, base.sequential.p50)} the bare p50), p95 ${ms(result.idle.p95)} (${ratio(result.idle.p95, base.sequential.p95)} the bare p95)`,
  );
}

/** Why Pact's exchange cannot be measured in this checkout (undefined: it can). */
function notYet(): string | undefined {
  const file = 'src/store/federation-outbox.ts';
  if (!existsSync(`${ROOT}/${file}`)) return `${file} is not in this checkout (the exchange of fed-core)`;
  return undefined;
}

await main();
