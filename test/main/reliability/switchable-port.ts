/**
 * A TCP pass-through on a fixed loopback port that can stop listening and listen again, so a
 * test can make the same address refuse connections (ECONNREFUSED) and then accept them.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SwitchablePort {
  /** `http://127.0.0.1:PORT`: what the client under test polls. */
  readonly url: string;
  /** Stops listening and drops every open connection: the next connect is refused. */
  refuse(): Promise<void>;
  /** Listens again on the same port (no-op when already listening). */
  accept(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startSwitchablePort(target: string): Promise<SwitchablePort> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const remote = connect(Number(upstream.port), upstream.hostname);
    track(client);
    track(remote);
    // A connection broken on one side is broken on the other, never left half open.
    client.on('error', () => remote.destroy());
    remote.on('error', () => client.destroy());
    client.on('close', () => remote.destroy());
    remote.on('close', () => client.destroy());
    client.pipe(remote).pipe(client);
  });
  await listen(server, 0);
  const { port } = server.address() as AddressInfo;

  const refuse = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    refuse,
    accept: async () => {
      if (!server.listening) await listen(server, port);
    },
    close: refuse,
  };
}
