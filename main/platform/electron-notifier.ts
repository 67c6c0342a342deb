import type { NotificationConstructorOptions } from 'electron';
import type { EventBus } from '../services/events/event-bus.ts';
import type { DesktopNotice, Notifier } from '../services/notices/notifier.ts';

/** The part of Electron's `Notification` class this adapter uses (the real class fits it). */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): {
    on(event: 'click', listener: () => void): unknown;
    on(event: 'close', listener: () => void): unknown;
    show(): void;
  };
  isSupported(): boolean;
}

/** The part of the main window a click brings forward. */
export interface NoticeWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Desktop notifications through Electron's `Notification`. A click brings the window forward
 * and tells the renderer, over the event bus, which document to open. Notices where the OS has
 * no notification service are dropped: the inbox shows the same items anyway.
 */
export function createElectronNotifier(options: {
  readonly Notification: NotificationClass;
  readonly window: () => NoticeWindow | undefined;
  readonly events: EventBus;
}): Notifier {
  // Electron drops a notification's click handler once the object is garbage collected:
  // each one is held until it is clicked or closed.
  const live = new Set<unknown>();
  return {
    notify(notice: DesktopNotice) {
      if (!options.Notification.isSupported()) {
        return;
      }
      const notification = new options.Notification({
        title: notice.title,
        body: notice.body,
        urgency: notice.urgent === true ? 'critical' : 'normal',
        timeoutType: notice.urgent === true ? 'never' : 'default',
      });
      live.add(notification);
      notification.on('close', () => live.delete(notification));
      notification.on('click', () => {
        live.delete(notification);
        const window = options.window();
        if (window === undefined || window.isDestroyed()) {
          return;
        }
        if (window.isMinimized()) {
          window.restore();
        }
        window.show();
        window.focus();
        if (notice.documentId !== undefined) {
          options.events.emit('app.openDocument', { documentId: notice.documentId });
        }
      });
      notification.show();
    },
  };
}
