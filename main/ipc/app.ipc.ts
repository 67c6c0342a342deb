import type { Services } from './services.ts';
import { appVersion } from '../platform/version.ts';
import type { HandlerTable } from './dispatch.ts';

export function appHandlers(services: Services): Pick<HandlerTable, 'app.getInfo'> {
  return {
    'app.getInfo': () => ({
      name: 'Văn thư số',
      version: appVersion,
      shell: services.shell,
      nodeVersion: process.versions.node,
      profileDir: services.profile.root,
      database: services.databaseStatus(),
    }),
  };
}
