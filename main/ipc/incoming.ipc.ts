import type { Services } from '../app/services.ts';
import type { HandlerTable } from './dispatch.ts';

type IncomingChannels = 'incoming.add' | 'incoming.list' | 'incoming.get' | 'incoming.transition';

export function incomingHandlers(services: Services): Pick<HandlerTable, IncomingChannels> {
  const { store } = services;
  return {
    'incoming.add': ({ input, filePath }) =>
      store.call('incoming.add', input, filePath === undefined ? undefined : { path: filePath }),
    'incoming.list': (filter) => store.call('incoming.list', filter),
    'incoming.get': ({ id }) => store.call('incoming.get', id),
    'incoming.transition': ({ id, to, note }) => store.call('incoming.transition', id, to, note),
  };
}
