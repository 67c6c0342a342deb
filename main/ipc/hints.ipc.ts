import type { Services } from '../app/services.ts';
import type { HandlerTable } from './dispatch.ts';

export function hintsHandlers(services: Services): Pick<HandlerTable, 'hints.incoming'> {
  return {
    'hints.incoming': ({ id }) => services.hints.incoming(id),
  };
}
