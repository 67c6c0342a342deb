import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../preload/contract/index.ts';
import { vanthu } from '../../bridge/vanthu.ts';
import { vi } from '../../i18n/vi.ts';
import { hrefOf } from '../frame/routes.ts';

type Notice = EventPayload<'notice.desktop'> & { readonly key: number };

/**
 * Notices main sends to the page (urgent arrivals, steps due today) where the shell has no native
 * notifications: shown in the corner until seen, and as a system notification where the person
 * allowed it. Main decides what to announce and never announces it twice.
 */
export function DesktopNotices() {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  useEffect(
    () =>
      vanthu.on('notice.desktop', (notice) => {
        setNotices((list) => [...list.slice(-4), { ...notice, key: Date.now() + Math.random() }]);
        if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          new Notification(notice.title, { body: notice.body, requireInteraction: notice.urgent === true });
        }
      }),
    [],
  );
  if (notices.length === 0) {
    return null;
  }
  return (
    // A live list, not items with role=status: a list may hold only list items (axe `list`).
    <ul className="desktop-notices" aria-label={vi.work.notices.label} aria-live="polite" data-testid="desktop-notices">
      {notices.map((n) => (
        <li key={n.key}>
          <strong>{n.title}</strong>
          <br />
          {n.documentId === undefined ? n.body : <a href={hrefOf('incoming', n.documentId)}>{n.body}</a>}{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => setNotices((list) => list.filter((x) => x.key !== n.key))}
          >
            {vi.work.notices.dismiss}
          </button>
        </li>
      ))}
    </ul>
  );
}
