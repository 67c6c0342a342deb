import type { Services } from './services.ts';
import { importArrangements } from '../services/overview/calendar-import.ts';
import type { HandlerTable } from './dispatch.ts';

export function calendarHandlers(services: Services): Pick<HandlerTable, 'calendar.arrangements' | 'calendar.import'> {
  return {
    'calendar.arrangements': () => services.store.call('calendar.list'),
    'calendar.import': ({ handle }) =>
      importArrangements(
        { intake: services.files, filesDir: services.profile.files, store: services.store.call },
        handle,
      ),
  };
}
