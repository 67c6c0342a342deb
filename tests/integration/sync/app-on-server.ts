import { join } from 'node:path';
import type { ReferenceServer } from '../../../server/app.ts';
import { openApp, type TestApp } from '../../support/app.ts';
import { startServer, tempDir } from './support.ts';

export const SNV = '000.00.01.H99';

export interface AppOnServer extends TestApp {
  readonly server: ReferenceServer;
  /** How many registrations of Sở Nội vụ the server holds. */
  registrations(): number;
}

/** The whole app (composition root, handler table) of Sở Nội vụ's văn thư, configured for a fresh reference server. */
export async function appOnServer(name: string): Promise<AppOnServer> {
  const started = await startServer();
  const app = openApp({
    profileDir: join(tempDir(name), 'profile'),
    organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' },
    syncCredentials: () => ({ username: 'vanthu.snv', password: 'demo' }),
  });
  app.services.settings.update({ server: { url: started.url } });
  return {
    ...app,
    server: started.server,
    registrations: () =>
      started.server.db.prepare('select count(*) from registrations where org = ?').pluck().get(SNV) as number,
  };
}
