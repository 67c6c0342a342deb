import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

export function verifyHandlers(services: Services): Pick<HandlerTable, 'documents.verify'> {
  return {
    'documents.verify': (request) => services.verify.verify(request),
  };
}
