import { join } from 'node:path';
import { composeServices } from '../../../main/app/compose.ts';
import type { Services } from '../../../main/ipc/services.ts';
import { dispatch } from '../../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { startServer, tempDir } from './support.ts';

export const SNV = '000.00.01.H99';

export interface AppOnServer {
  readonly server: ReferenceServer;
  readonly services: Services;
  /** A channel called as the browser shell calls it (the same handler table). */
  call(channel: string, payload: unknown): ReturnType<typeof dispatch>;
  /** How many registrations of Sở Nội vụ the server holds. */
  registrations(): number;
}

/** The whole app (composition root, handler table) of Sở Nội vụ's văn thư, configured for a fresh reference server. */
export async function appOnServer(name: string): Promise<AppOnServer> {
  const started = await startServer();
  const services = composeServices({
    profileDir: join(tempDir(name), 'profile'),
    shell: 'browser',
    log: silentLogger,
    syncCredentials: () => ({ username: 'vanthu.snv', password: 'demo' }),
  });
  services.settings.update({
    organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
    server: { url: started.url },
  });
  const table = createHandlerTable(services);
  return {
    server: started.server,
    services,
    call: (channel, payload) => dispatch(table, channel, payload, { shell: 'browser' }, silentLogger),
    registrations: () =>
      started.server.db.prepare('select count(*) from registrations where org = ?').pluck().get(SNV) as number,
  };
}
