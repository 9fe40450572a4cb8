// A TCP proxy for the tests that play a database restart or a database that hangs (node:net).
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';

/** A proxy to host:port that can be cut (every connection dropped, new ones refused) and restored. */
export function tcpProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let hanging = false;
  const start = () =>
    new Promise<void>((resolve) => {
      const srv = createServer((client) => {
        sockets.add(client);
        client.on('close', () => sockets.delete(client));
        client.on('error', () => client.destroy());
        // a database that hangs: the connection is accepted and never answered
        if (hanging) return;
        const upstream = connect(Number(target.port || 5432), target.hostname);
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
      });
      server = srv;
      srv.listen(port, '127.0.0.1', () => {
        port = (srv.address() as { port: number }).port;
        resolve();
      });
    });
  return {
    start,
    get port() {
      return port;
    },
    /** From now on, nothing passes either way: every connection stays open, unanswered. */
    hang: () => {
      hanging = true;
      for (const s of sockets) s.unpipe?.();
      for (const s of sockets) s.pause();
    },
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server?.close(() => resolve());
      }),
  };
}

/**
 * A new database on the PostgreSQL server `base` reached through a tcpProxy: `start()` creates the database,
 * starts the proxy and returns its URL through the proxy; `drop()` cuts the proxy and drops the database.
 */
export function proxiedDatabase(base: string) {
  const name = `pact_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const proxy = tcpProxy(new URL(base));
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  return {
    proxy,
    async start(): Promise<string> {
      await admin(`create database ${name}`);
      await proxy.start();
      const url = new URL(base);
      url.host = `127.0.0.1:${proxy.port}`;
      url.pathname = `/${name}`;
      return url.toString();
    },
    async drop(): Promise<void> {
      await proxy.cut();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
