import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

export function layoutHandlers(services: Services): Pick<HandlerTable, 'layout.propose' | 'layout.override'> {
  return {
    'layout.propose': (request) => services.layout.propose(request),
    'layout.override': (request) => services.layout.override(request),
  };
}
