import type { Services } from './services.ts';
import type { HandlerTable } from './dispatch.ts';

export function metadataHandlers(services: Services): Pick<HandlerTable, 'metadata.read'> {
  return {
    'metadata.read': ({ handle }) => services.metadata.read(handle),
  };
}
