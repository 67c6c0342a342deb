import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

type OutgoingChannels =
  | 'outgoing.create'
  | 'outgoing.get'
  | 'outgoing.list'
  | 'outgoing.submit'
  | 'outgoing.recall'
  | 'outgoing.return'
  | 'outgoing.returns';

export function outgoingHandlers(services: Services): Pick<HandlerTable, OutgoingChannels> {
  const { store } = services;
  return {
    'outgoing.create': ({ input }) => store.call('outgoing.create', input),
    'outgoing.get': ({ id }) => store.call('outgoing.get', id),
    'outgoing.list': ({ state, states, overdue, order, limit }) =>
      store.call('outgoing.list', {
        limit,
        ...(state === undefined ? {} : { state }),
        ...(states === undefined ? {} : { states }),
        ...(overdue === undefined ? {} : { overdue }),
        ...(order === undefined ? {} : { order }),
      }),
    'outgoing.submit': ({ id }) => store.call('outgoing.submit', id),
    'outgoing.recall': ({ id, reason }) => store.call('outgoing.recall', id, reason),
    'outgoing.return': ({ id, comment }) => store.call('outgoing.return', id, comment),
    'outgoing.returns': ({ id }) => store.call('outgoing.returns', id),
  };
}
