import type { Services } from '../app/services.ts';
import type { HandlerTable } from './dispatch.ts';

type IncomingChannels =
  | 'incoming.add'
  | 'incoming.list'
  | 'incoming.get'
  | 'incoming.transition'
  | 'incoming.assign'
  | 'incoming.assignment'
  | 'incoming.attachment';

export function incomingHandlers(services: Services): Pick<HandlerTable, IncomingChannels> {
  const { store } = services;
  return {
    'incoming.add': ({ input, filePath }) =>
      store.call('incoming.add', input, filePath === undefined ? undefined : { path: filePath }),
    'incoming.list': (filter) => store.call('incoming.list', filter),
    'incoming.get': ({ id }) => store.call('incoming.get', id),
    'incoming.transition': ({ id, to, note }) => store.call('incoming.transition', id, to, note),
    'incoming.assign': ({ id, assignment }) => store.call('incoming.assign', id, assignment),
    'incoming.assignment': ({ id }) => store.call('incoming.assignment', id),
    'incoming.attachment': ({ id }) => store.call('incoming.attachment', id),
  };
}
