import type { Services } from '../app/services.ts';
import type { HandlerTable } from './dispatch.ts';

export function settingsHandlers(services: Services): Pick<HandlerTable, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
  };
}
