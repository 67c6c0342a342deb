import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

export function theThucHandlers(services: Services): Pick<HandlerTable, 'theThuc.checkDraft'> {
  return {
    'theThuc.checkDraft': ({ id }) => services.theThuc.checkDraft(id),
  };
}
