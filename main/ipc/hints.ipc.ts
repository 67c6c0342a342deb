import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

export function hintsHandlers(services: Services): Pick<HandlerTable, 'hints.incoming'> {
  return {
    'hints.incoming': ({ id }) => services.hints.incoming(id),
  };
}
