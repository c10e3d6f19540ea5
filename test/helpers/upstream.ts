/**
 * An upstream service on a loopback port, for routes that call another service with
 * fetch, axios or got: it answers slowly, with an error carrying headers and a body the
 * client must never see, or hangs up; and a port where nothing listens.
 */
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** What the upstream puts in its error answers; none of it may reach our client. */
export const UPSTREAM_SECRET = 'upstream-secret-7f3a';

/** A running upstream: its base URL and a close. */
export interface Upstream {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Routes: `/slow` answers after 2 s; `/busy` is a 503 with `Retry-After: 120`; `/limited`
 * a 429 with an HTTP-date `Retry-After`; `/overloaded` a 503 whose `Retry-After` is not
 * valid; `/missing` a 404; `/plain` a 200 in plain text; `/hangup` closes the socket
 * without an answer; `/reset` resets the connection (a TCP RST) once the request arrives; `/stall` sends its head and the first bytes of its body, then nothing;
 * `/cut` sends its head and part of its body, then closes the socket.
 */
export async function upstream(): Promise<Upstream> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const secret = { 'X-Upstream-Secret': UPSTREAM_SECRET, 'Set-Cookie': `upstream=${UPSTREAM_SECRET}`, 'Content-Type': 'text/plain' };
    switch (req.url) {
      case '/slow': {
        const timer = setTimeout(() => res.end('late'), 2000);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case '/busy':
        res.writeHead(503, { ...secret, 'Retry-After': '120' }).end(`busy at db-7.internal ${UPSTREAM_SECRET}`);
        return;
      case '/limited':
        res.writeHead(429, { ...secret, 'Retry-After': 'Wed, 21 Oct 2099 07:28:00 GMT' }).end(UPSTREAM_SECRET);
        return;
      case '/overloaded':
        res.writeHead(503, { ...secret, 'Retry-After': 'soon' }).end(UPSTREAM_SECRET);
        return;
      case '/plain':
        res.writeHead(200, secret).end(`not json ${UPSTREAM_SECRET}`);
        return;
      case '/hangup':
        req.socket.destroy();
        return;
      case '/reset':
        req.socket.resetAndDestroy();
        return;
      case '/stall':
        res.writeHead(200, { ...secret, 'Content-Length': '100' }).write('partial');
        return;
      case '/cut':
        res.writeHead(200, { ...secret, 'Content-Length': '100' }).write('partial', () => req.socket.destroy());
        return;
      default:
        res.writeHead(404, secret).end(UPSTREAM_SECRET);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A loopback port where nothing listens (it did a moment ago), so connecting is refused. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}
