import type { Services } from './services.ts';
import { useFileForSettings } from '../services/files/settings-files.ts';
import type { HandlerTable } from './dispatch.ts';

export function settingsHandlers(
  services: Services,
): Pick<HandlerTable, 'settings.get' | 'settings.update' | 'settings.useFile'> {
  return {
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'settings.useFile': ({ use, handle }) =>
      useFileForSettings(
        {
          intake: services.files,
          filesDir: services.profile.files,
          profileRoot: services.profile.root,
          settings: services.settings,
        },
        use,
        handle,
      ),
  };
}
