import type { Services } from './services.ts';
import { loadOverview } from '../services/overview/overview.ts';
import type { HandlerTable } from './dispatch.ts';

export function overviewHandlers(services: Services): Pick<HandlerTable, 'overview.get'> {
  return {
    'overview.get': () => loadOverview(services.store.call, services.clock()),
  };
}
