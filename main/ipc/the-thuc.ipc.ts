import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

export function theThucHandlers(services: Services): Pick<HandlerTable, 'theThuc.checkDraft' | 'theThuc.page'> {
  return {
    'theThuc.checkDraft': ({ id }) => services.theThuc.checkDraft(id),
    'theThuc.page': ({ id, pageIndex }) => services.theThuc.page(id, pageIndex),
  };
}
