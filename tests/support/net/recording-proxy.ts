import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

export interface RecordingProxy {
  /** The address clients use instead of the target's. */
  readonly url: string;
  /** Every byte clients sent through the proxy, in order of arrival. */
  sent(): Buffer;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of a server that keeps what clients send, so a test can prove
 * what never reached the server — whatever route, header or body it would have travelled in.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const { hostname, port, protocol } = new URL(target);
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const local = server.address() as AddressInfo;
  return {
    url: `${protocol}//127.0.0.1:${local.port}`,
    sent: () => Buffer.concat(chunks),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
