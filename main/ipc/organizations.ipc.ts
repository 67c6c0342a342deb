import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

type OrganizationChannels = 'organizations.list' | 'organizations.search' | 'profile.get' | 'profile.update';

export function organizationsHandlers(services: Services): Pick<HandlerTable, OrganizationChannels> {
  const { store } = services;
  return {
    'organizations.list': ({ limit, offset }) => store.call('organizations.list', { limit, offset }),
    'organizations.search': ({ text, limit }) => store.call('organizations.search', text, limit),
    'profile.get': () => store.call('profile.get'),
    'profile.update': (patch) => store.call('profile.update', patch),
  };
}
