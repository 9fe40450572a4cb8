// A TCP proxy for the tests that play a database restart or a database that hangs (node:net).
import { connect, createServer, type Server, type Socket } from 'node:net';

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
