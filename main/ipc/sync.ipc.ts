import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

export function syncHandlers(
  services: Services,
): Pick<
  HandlerTable,
  'sync.status' | 'sync.retryNow' | 'sync.conflicts' | 'sync.renumberings' | 'sync.login' | 'sync.logout'
> {
  return {
    'sync.status': () => services.sync.status(),
    'sync.retryNow': async () => {
      await services.sync.runOnce();
      return services.sync.status();
    },
    'sync.conflicts': () => services.sync.conflicts(),
    'sync.renumberings': ({ limit }) => services.sync.renumberings(limit),
    'sync.login': (request) => services.sync.login(request),
    'sync.logout': async () => {
      await services.sync.logout();
      return services.sync.status();
    },
  };
}
