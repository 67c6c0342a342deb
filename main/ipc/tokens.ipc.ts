import type { Services } from '../app/services.ts';
import type { HandlerTable } from './dispatch.ts';

/** Token discovery and pre-flight; neither takes a PIN (signing does, through the sign flow). */
export function tokensHandlers(services: Services): Pick<HandlerTable, 'tokens.list' | 'tokens.preflight'> {
  return {
    'tokens.list': (request) => services.tokens.list(request.modulePaths),
    'tokens.preflight': (request) => services.tokens.preflight(request),
  };
}
