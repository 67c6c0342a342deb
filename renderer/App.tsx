import { useEffect, useRef, useState, type ReactNode } from 'react';
import { HomeScreen } from './features/home/HomeScreen.tsx';
import { IncomingScreen } from './features/incoming/IncomingScreen.tsx';
import { QueueScreen } from './features/office/QueueScreen.tsx';
import { OutgoingScreen } from './features/outgoing/OutgoingScreen.tsx';
import { RegistersScreen } from './features/registers/RegistersScreen.tsx';
import { ReportsScreen } from './features/reports/ReportsScreen.tsx';
import { SettingsScreen } from './features/settings/SettingsScreen.tsx';
import { SigningScreen } from './features/signing/SigningScreen.tsx';
import { SyncScreen } from './features/sync/SyncScreen.tsx';
import { vi } from './i18n/vi.ts';
import { DesktopNotices } from './app/feedback/DesktopNotices.tsx';
import { ErrorArea, ErrorCenterProvider } from './app/feedback/error-center.tsx';
import { ConnectionIndicator } from './app/frame/ConnectionIndicator.tsx';
import { HelpDialog } from './app/frame/HelpDialog.tsx';
import { SECTIONS, type Route, type SectionId } from './app/frame/routes.ts';
import { SHORTCUTS, useShortcut } from './app/frame/shortcuts.ts';
import { Sidebar } from './app/frame/Sidebar.tsx';
import { navigate, useRoute } from './app/frame/use-route.ts';
import { LockScreen } from './app/lock/LockScreen.tsx';
import { useLockState } from './app/lock/use-lock.ts';
import { viLock } from './i18n/vi-lock.ts';

const screens: Record<SectionId, (props: { route: Route }) => ReactNode> = {
  home: HomeScreen,
  incoming: IncomingScreen,
  outgoing: OutgoingScreen,
  signing: SigningScreen,
  registers: RegistersScreen,
  sync: SyncScreen,
  settings: SettingsScreen,
  queue: QueueScreen,
  reports: ReportsScreen,
};

/** Alt + digit opens a section from anywhere, even while typing (the Alt makes it unambiguous). */
function useSectionKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      const digit = /^Digit(\d)$/.exec(event.code)?.[1];
      const section = SECTIONS.find((s) => s.key === digit);
      if (section !== undefined) {
        event.preventDefault();
        navigate(section.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * The frame of the workstation: navigation, connection state, errors, help; the section on the
 * right. While main says the window is locked (issue #19) the frame renders the lock screen and
 * nothing else, so no content stays in the page behind an overlay.
 */
export function App() {
  const lock = useLockState();
  if (lock.locked) {
    return <LockScreen onUnlocked={lock.changed} />;
  }
  return <UnlockedApp lockNow={lock.lockNow} />;
}

function UnlockedApp({ lockNow }: { lockNow: () => void }) {
  const route = useRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  useSectionKeys();
  useShortcut(SHORTCUTS.help, () => setHelpOpen(true));
  // Moving focus to the new section lets screen-reader and keyboard users start where the content is.
  useEffect(() => main.current?.focus({ preventScroll: true }), [route.section]);
  const Screen = screens[route.section];
  return (
    <ErrorCenterProvider>
      {/* A button, not a #fragment link: the fragment is the router's. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {vi.app.skipToContent}
      </button>
      <div className="layout">
        <Sidebar current={route.section} />
        <div className="workspace">
          <header className="topbar">
            <ConnectionIndicator />
            <button type="button" className="secondary" onClick={lockNow} data-testid="lock-now">
              {viLock.lockNow}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => setHelpOpen(true)}
              aria-keyshortcuts="?"
              data-testid="help-button"
            >
              {vi.shortcuts.open}
            </button>
          </header>
          <main className="content" ref={main} tabIndex={-1}>
            <ErrorArea />
            <DesktopNotices />
            <Screen route={route} />
          </main>
        </div>
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </ErrorCenterProvider>
  );
}
