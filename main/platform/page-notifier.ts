import type { EventBus } from '../services/events/event-bus.ts';
import type { Notifier } from '../services/notices/notifier.ts';

/**
 * Where the shell has no native notifications (the browser shell): the notice goes to the page
 * as an event, and the page shows it (and the Web Notification API where permitted).
 */
export function pageNotifier(events: EventBus): Notifier {
  return {
    notify: (notice) =>
      events.emit('notice.desktop', {
        title: notice.title,
        body: notice.body,
        ...(notice.documentId === undefined ? {} : { documentId: notice.documentId }),
        ...(notice.urgent === undefined ? {} : { urgent: notice.urgent }),
      }),
  };
}
