import { createServer, connect, type Socket } from 'node:net';

export interface CutProxy {
  /** http://127.0.0.1:<port>, to give one workstation as its server's address. */
  readonly url: string;
  /** The workstation's network is cut: open connections are dropped and new ones are reset at once. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP relay in front of the reference server for ONE workstation, so that workstation
 * alone goes offline (a laptop carried out of the office) while the others keep working. The
 * server's own outage fault would take every workstation down at once.
 */
export async function startCutProxy(target: string): Promise<CutProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let isCut = false;
  const server = createServer((client) => {
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('proxy: no port');
  }
  const { protocol } = new URL(target);
  return {
    url: `${protocol}//127.0.0.1:${address.port}`,
    cut() {
      isCut = true;
      for (const socket of open) {
        socket.resetAndDestroy();
      }
      open.clear();
    },
    restore() {
      isCut = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
